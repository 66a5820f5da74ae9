"""The democratic poll (民主测评) of one target: quorum, per-class scores, weighted result.

Rule (stated in every explanation):
- the poll is valid when ballots returned ÷ ballots issued (all classes together) reach the
  scheme's 有效回收率; an invalid poll scores 0;
- each voter class scores Σ(votes × option value) ÷ counted votes, options in 不计 (不了解)
  left out, as a percentage to two decimals;
- the classes are weighted by 类别权重; a class with no counted vote is left out and the
  remaining weights are divided by their sum;
- points = indicator points × weighted percentage, two decimals, half up.
"""

from __future__ import annotations

from decimal import Decimal

from lzzr.assess.facts import HUNDRED, ZERO, Facts, Line, pct, q2, q4
from lzzr.assessees import Assessee
from lzzr.errors import Problem, Record, Severity
from lzzr.i18n import Msg, Text, msg
from lzzr.numbers import num
from lzzr.workspace.records import Ballots
from lzzr.workspace.scheme import Indicator


def poll_rule(ind: Indicator) -> Msg:
    options = "、".join(f"{k} {num(v)}%" for k, v in ind.options.items())
    ignored = "、".join(ind.ignored) or "—"
    weights = "、".join(f"{k} {num(v)}" for k, v in ind.class_weights.items())
    quorum = num(ind.quorum) + "%" if ind.quorum is not None else "—"
    return msg("ax.rule.poll", options=options, ignored=ignored, weights=weights, quorum=quorum)


def score_poll(facts: Facts, target: Assessee, ind: Indicator) -> Line:
    rule = poll_rule(ind)
    found = facts.polls.get(target.key)
    if found is None:
        facts.problems.append(Problem("A301", facts.here, Severity.WARNING, None, {"target": target.name}))
        return Line(ind.id, ind.name, ind.kind, ind.points, ZERO, msg("ax.poll.none"), rule, msg("ax.calc.zero"),
                    poll_valid=False)
    pid, poll = found
    issued = sum(b.issued for b in poll.voters.values())
    returned = sum(b.returned for b in poll.voters.values())
    rate = q4(Decimal(returned) / issued) if issued else ZERO
    inp = msg("ax.poll.input", id=pid, issued=issued, returned=returned, rate=pct(rate))
    if ind.quorum is not None and rate * HUNDRED < ind.quorum:
        calc = msg("ax.calc.poll_invalid", rate=pct(rate), quorum=num(ind.quorum))
        return Line(ind.id, ind.name, ind.kind, ind.points, ZERO, inp, rule, calc, poll_valid=False)
    details: list[Text] = []
    parts: list[tuple[Decimal, Decimal]] = []
    for name, ballots in poll.voters.items():
        scored = _class_score(facts, pid, name, ballots, ind)
        if scored is None:
            continue
        value, text = scored
        details.append(text)
        if value is not None:
            parts.append((ind.class_weights[name], value))
    weight_sum = sum((w for w, _ in parts), ZERO)
    if not weight_sum:
        return Line(ind.id, ind.name, ind.kind, ind.points, ZERO, inp, rule, msg("ax.calc.poll_empty"),
                    tuple(details), poll_valid=False)
    result = q2(sum((w * v for w, v in parts), ZERO) / weight_sum)
    points = q2(ind.points * result / HUNDRED)
    terms = " + ".join(f"{num(w)}×{v}" for w, v in parts)
    calc = msg("ax.calc.poll", terms=terms, weights=num(weight_sum), result=result, max=num(ind.points), points=points)
    return Line(ind.id, ind.name, ind.kind, ind.points, points, inp, rule, calc, tuple(details))


def _class_score(facts: Facts, pid: str, name: str, b: Ballots, ind: Indicator) -> tuple[Decimal | None, Text] | None:
    """(percentage or None when nothing counted, explanation) of one voter class; None
    when the class is not in the scheme (reported)."""
    if name not in ind.class_weights:
        where = facts.ws.locate("poll", pid, "测评人", name, key=True)
        facts.problems.append(Problem("A303", where, Severity.ERROR, Record("poll", pid),
                                      {"voters": name, "known": "、".join(ind.class_weights)}))
        return None
    counted = 0
    total = ZERO
    terms = []
    for option, votes in b.votes.items():
        if option in ind.ignored:
            continue
        if option not in ind.options:
            where = facts.ws.locate("poll", pid, "测评人", name, "票数", option, key=True)
            facts.problems.append(Problem("A302", where, Severity.ERROR, Record("poll", pid),
                                          {"option": option, "known": "、".join([*ind.options, *ind.ignored])}))
            continue
        counted += votes
        total += votes * ind.options[option]
        terms.append(f"{option} {votes}×{num(ind.options[option])}")
    ignored = sum(v for o, v in b.votes.items() if o in ind.ignored)
    skipped: Text = msg("ax.poll.ignored", n=ignored) if ignored else ""
    weight = num(ind.class_weights[name])
    if not counted:
        return None, msg("ax.poll.class_empty", voters=name, weight=weight)
    value = q2(total / counted)
    text = msg("ax.poll.class", voters=name, weight=weight, terms=" + ".join(terms), total=num(total),
             counted=counted, value=value, skipped=skipped)
    return value, text


__all__ = ["poll_rule", "q4", "score_poll"]
