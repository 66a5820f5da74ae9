"""Rates with thresholds (比率): the share of tasks done on time, the poll's return rate, the
letters' signing rate and the share of rectifications closed, and the points they cost.

Rule (stated in every explanation): the rate is a percentage to two decimals; each threshold
the rate is below (低于) costs its points, the heaviest one counting; `每降低一个百分点扣`
costs so much per percentage point below `基准` (default 100%); the points never go below 0.
The signing rate counts the letters that should exist (lzzr/assess/letters_due.py: per the
decomposition, whether generated or not) and any other letter of the year in the register
(`lzzr letters`, `lzzr sign`): for a team or its principal the letters whose second party
belongs to the unit, for a member the letters they are a party to; a letter counts as signed
when every party signed it in the register. The rectification rate: 督查 findings closed by the
day assessed ÷ those due (or closed) by then, as the 整改 indicator finds them. Pure.
"""

from __future__ import annotations

from decimal import Decimal

from lzzr.assess.facts import HUNDRED, ZERO, Facts, Line, pct, q2, q4, target_tasks
from lzzr.assess.letters_due import letters_due
from lzzr.assess.rectify import target_findings
from lzzr.assessees import Assessee
from lzzr.errors import Problem, Severity
from lzzr.i18n import Joined, Text, msg
from lzzr.numbers import num
from lzzr.workspace.letters_register import LetterState
from lzzr.workspace.records import progress
from lzzr.workspace.scheme import Indicator


def on_time(facts: Facts, target: Assessee) -> tuple[Decimal, Text]:
    tids = target_tasks(facts, target)
    if not tids:
        return Decimal(1), msg("ax.rate.notasks")
    done = 0
    for tid in tids:
        rec, task = progress(facts.ws).get(tid), facts.leaves[tid]
        if rec is not None and rec.status == "已完成" and rec.done is not None and (
                task.deadline is None or rec.done <= task.deadline):
            done += 1
    rate = q4(Decimal(done) / len(tids))
    return rate, msg("ax.rate.按时完成率", n=done, of=len(tids), rate=pct(rate))


def returned(facts: Facts, target: Assessee) -> tuple[Decimal, Text]:
    found = facts.polls.get(target.key)
    if found is None:
        facts.problems.append(Problem("A301", facts.here, Severity.WARNING, None, {"target": target.name}))
        return ZERO, msg("ax.rate.nopoll")
    pid, poll = found
    issued = sum(b.issued for b in poll.voters.values())
    back = sum(b.returned for b in poll.voters.values())
    rate = q4(Decimal(back) / issued) if issued else ZERO
    return rate, msg("ax.rate.测评回收率", id=pid, n=back, of=issued, rate=pct(rate))


def _concerns(target: Assessee, parties: tuple[tuple[str, str], ...], second: tuple[tuple[str, str], ...]) -> bool:
    """A letter concerns a member when they are a party; a team or principal when its second
    side (乙方) belongs to its unit."""
    if target.kind == "成员":
        return any(leader == target.leader for leader, _ in parties)
    return any(unit == target.unit for _, unit in second)


def _same_pair(letter: LetterState, a: str, b: str) -> bool:
    """An issued letter under another id is the due one when it has the same principals on
    the same sides (co-signers beside them do not make it another letter)."""
    return any(p == a for p, _ in letter.first) and any(p == b for p, _ in letter.second)


def signed(facts: Facts, target: Assessee) -> tuple[Decimal, Text]:
    """Letters signed by all parties ÷ the letters that should exist: those the decomposition
    calls for (a letter never generated counts as unsigned) and any other of the register."""
    year = facts.ws.config.year if facts.ws.config else None
    if facts.due_letters is None:
        facts.due_letters = letters_due(facts.ws)
    issued = [s for s in facts.letters if s.year in (None, year) and _concerns(target, s.parties, s.second)]
    missing = []
    for due in facts.due_letters:
        if not _concerns(target, (due.a, due.b), (due.b,)):
            continue
        found = [s for s in issued if s.id == due.id or _same_pair(s, due.a[0], due.b[0])]
        if not found:
            missing.append(due.id)
    of = len(issued) + len(missing)
    if not of:
        facts.problems.append(Problem("A241", facts.here, Severity.WARNING, None, {"target": target.name}))
        return ZERO, msg("ax.rate.签订率", n=0, of=0, rate=pct(ZERO))
    n = sum(1 for s in issued if s.signed)
    rate = q4(Decimal(n) / of)
    shown = msg("ax.rate.签订率", n=n, of=of, rate=pct(rate))
    return rate, Joined((shown, msg("ax.rate.unissued", ids="、".join(missing)))) if missing else shown


def rectified(facts: Facts, target: Assessee) -> tuple[Decimal, Text]:
    """Rectifications (督查 findings) closed by the day assessed ÷ those due or closed by then."""
    assert facts.ws.config is not None
    day = facts.on or facts.ws.config.year_end
    findings = target_findings(facts, target, day)
    if not findings:
        return Decimal(1), msg("ax.rate.nofindings")
    closed = sum(1 for _, _, f in findings if f.closed is not None and f.closed.date <= day)
    rate = q4(Decimal(closed) / len(findings))
    return rate, msg("ax.rate.整改完成率", n=closed, of=len(findings), rate=pct(rate))


SOURCES = {"按时完成率": on_time, "测评回收率": returned, "签订率": signed, "整改完成率": rectified}


def rate_rule(ind: Indicator) -> Text:
    parts: list[Text] = [msg("ax.rule.threshold", below=num(th.below), cut=num(th.cut)) for th in ind.thresholds]
    if ind.per_point is not None:
        parts.append(msg("ax.rule.per_point", basis=num(ind.basis_pct), per=num(ind.per_point)))
    return msg("ax.rule.rate", rules=Joined(tuple(parts), "；"))


def score_rate(facts: Facts, target: Assessee, ind: Indicator) -> Line:
    assert ind.rate is not None
    rate, inp = SOURCES[ind.rate](facts, target)
    value = q2(rate * HUNDRED)
    steps: list[Text] = []
    cut = ZERO
    hit = [th for th in ind.thresholds if value < th.below]
    if hit:
        worst = max(hit, key=lambda th: th.cut)
        cut += worst.cut
        steps.append(msg("ax.calc.threshold", rate=pct(rate), below=num(worst.below), cut=num(worst.cut)))
    if ind.per_point is not None and value < ind.basis_pct:
        more = q2((ind.basis_pct - value) * ind.per_point)
        cut += more
        steps.append(msg("ax.calc.per_point", basis=num(ind.basis_pct), value=value, per=num(ind.per_point),
                         cut=num(more)))
    points = q2(max(ind.points - cut, ZERO))
    if not steps:
        return Line(ind.id, ind.name, ind.kind, ind.points, points, inp, rate_rule(ind),
                    msg("ax.calc.rate_none", points=points))
    calc = Joined((*steps, msg("ax.calc.rate", max=num(ind.points), cut=num(cut), points=points)), "；")
    return Line(ind.id, ind.name, ind.kind, ind.points, points, inp, rate_rule(ind), calc)
