"""Counting recorded facts for an indicator: a duty kind (of one 细类, within 起–止) in the
target's duty records, or a supporting rule in force; the checklist scorer and the
deduction rules (扣分项) that build on the counts.

Pure. A team's duties are its principal's (while in post); a member's and a principal's are
their own; `每人未做扣` looks at every member of the team.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from lzzr.assess.facts import ZERO, Facts, Line, q2
from lzzr.assessees import Assessee
from lzzr.i18n import DateText, Joined, Text, msg
from lzzr.numbers import num
from lzzr.workspace.records import duty_logs, institutions
from lzzr.workspace.scheme import ChecklistItem, DeductionRule, Fact, Indicator

Entry = tuple[str, str | None, dt.date, str]  # kind, sub-type, date, evidence


def duties_of(facts: Facts, target: Assessee) -> list[Entry]:
    """(duty kind, sub-type, date, evidence) the target can show: its own (a leader) or its
    principal's (a team), within the time in post."""
    leaders = [target.leader] if target.leader else _principals(facts, target)
    return [e for leader, start, end in leaders_in_post(facts, target, leaders)
            for e in _log(facts, leader, start, end)]


def _log(facts: Facts, leader: str, start: dt.date, end: dt.date) -> list[Entry]:
    log = duty_logs(facts.ws).get(leader)
    return [(e.kind, e.sub, e.date, "、".join(e.evidence)) for e in (log.entries if log else ())
            if start <= e.date <= end]


def _principals(facts: Facts, target: Assessee) -> list[str]:
    team = facts.ws.teams.get(target.unit or "")
    return list(dict.fromkeys(p.leader for p in team.principals())) if team else []


def leaders_in_post(facts: Facts, target: Assessee,
                    leaders: Iterable[str | None]) -> list[tuple[str, dt.date, dt.date]]:
    if target.leader:
        return [(target.leader, target.start, target.end)]
    team = facts.ws.teams.get(target.unit or "")
    spans = []
    for leader in leaders:
        for post in team.principals() if team else ():
            if post.leader == leader:
                spans.append((leader, max(post.start or target.start, target.start),
                              min(post.end or target.end, target.end)))
    return [s for s in spans if s[0] is not None]


def rules_of(facts: Facts, target: Assessee) -> dict[str, list[str]]:
    """Institution kind → the titles in force, for the target's unit(s); for a member, a kind
    counts only when every unit in their charge has it."""
    per_unit = []
    for uid in target.units or ():
        rec = institutions(facts.ws).get(uid)
        kinds: dict[str, list[str]] = {}
        for item in rec.items if rec else ():
            kinds.setdefault(item.kind, []).append(item.name + (f"（{item.number}）" if item.number else ""))
        per_unit.append(kinds)
    if not per_unit:
        return {}
    common = set.intersection(*(set(k) for k in per_unit))
    return {k: [name for kinds in per_unit for name in kinds[k]] for k in common}


def matches(fact: Fact, kind: str, sub: str | None, day: dt.date) -> bool:
    """Whether a duty record counts for `fact`: same kind, same 细类 when one is asked, in 起–止."""
    return (kind == fact.duty and (fact.sub is None or sub == fact.sub)
            and (fact.start is None or day >= fact.start) and (fact.end is None or day <= fact.end))


def count(facts: Facts, target: Assessee, fact: Fact, duties: list[Entry]) -> tuple[int, Text]:
    """How many times the fact is on record for the target, and the dates or titles shown."""
    if fact.duty is not None:
        dates = sorted(d for kind, sub, d, _ in duties if matches(fact, kind, sub, d))
        return len(dates), Joined(tuple(DateText(d) for d in dates), "、")
    names = rules_of(facts, target).get(fact.institution or "", [])
    return len(names), Joined(tuple(names), "、")


def period(fact: Fact, target: Assessee) -> Text:
    if fact.start is None and fact.end is None:
        return ""
    return msg("ax.period", start=DateText(fact.start or target.start), end=DateText(fact.end or target.end))


# --- 清单 -------------------------------------------------------------------------------

def item_points(item: ChecklistItem, n: int) -> Decimal:
    if item.each is not None:
        return min(item.each * n, item.points)
    if item.more is not None and item.reached is not None:
        return min(item.reached + item.more * (n - item.times), item.points) if n >= item.times else ZERO
    return item.points if n >= item.times else ZERO


def score_checklist(facts: Facts, target: Assessee, ind: Indicator) -> Line:
    duties = duties_of(facts, target)
    details: list[Text] = []
    got: list[Decimal] = []
    for item in ind.checklist:
        n, shown = count(facts, target, item, duties)
        got.append(item_points(item, n))
        details.append(_item_text(item, target, n, shown, got[-1]))
    points = q2(sum(got, ZERO))
    calc = " + ".join(num(x) for x in got) + f" = {points}"
    each = any(item.each is not None or item.more is not None for item in ind.checklist)
    return Line(ind.id, ind.name, ind.kind, ind.points, points, msg("ax.checklist.input", n=len(ind.checklist)),
                msg("ax.rule.checklist_each" if each else "ax.rule.checklist"), calc, tuple(details))


def _item_text(item: ChecklistItem, target: Assessee, n: int, shown: Text, points: Decimal) -> Text:
    if item.more is not None and item.reached is not None:
        if n < item.times:
            calc: Text = msg("ax.more.short", times=item.times)
        else:
            raw = item.reached + item.more * (n - item.times)
            capped = msg("ax.more.capped", max=num(item.points)) if raw > item.points else ""
            calc = msg("ax.more.calc", first=num(item.reached), count=n, times=item.times, more=num(item.more),
                       raw=num(raw), capped=capped)
        return msg("ax.item.more", name=item.label, count=n, period=period(item, target),
                   shown=shown or msg("ax.item.none"), times=item.times, first=num(item.reached),
                   more=num(item.more), calc=calc, points=num(points), max=num(item.points))
    if item.each is not None:
        return msg("ax.item.each", name=item.label, count=n, each=num(item.each), period=period(item, target),
                   shown=shown or msg("ax.item.none"), points=num(points), max=num(item.points))
    if item.duty is not None:
        return msg("ax.item", name=item.label, count=n, times=item.times,
                   shown=Joined((shown or msg("ax.item.none"), period(item, target))), points=num(points),
                   max=num(item.points))
    return msg("ax.rule_item", name=item.label, shown=shown or msg("ax.rule_item.none"),
               points=num(points), max=num(item.points))


# --- 扣分项 -----------------------------------------------------------------------------

def rule_cut(facts: Facts, target: Assessee, rule: DeductionRule, duties: list[Entry]) -> tuple[Decimal, Text]:
    """What one deduction rule takes off (after its own cap 最多), and the reason in words."""
    extra: dict[str, int] = {}
    shown: Text
    if rule.per_member is not None:
        lacking = _members_without(facts, target, rule)
        code, per, n, shown = "ax.cut.member", rule.per_member, len(lacking), "、".join(lacking) or msg("ax.none")
        cut = per * n
    else:
        n, found = count(facts, target, rule, duties)
        shown = found or msg("ax.item.none")
        if rule.per_each is not None:
            code, per, cut = "ax.cut.each", rule.per_each, rule.per_each * n
        else:
            per = rule.per_missing or ZERO
            missing = max(rule.required - n, 0)
            code, cut, extra = "ax.cut.missing", per * missing, {"required": rule.required, "missing": missing}
    capped = rule.most is not None and cut > rule.most
    cut = min(cut, rule.most) if rule.most is not None else cut
    text: Text = msg(code, name=rule.label, count=n, period=period(rule, target), shown=shown, per=num(per),
                     cut=num(cut), **extra)
    return cut, Joined((text, msg("ax.cut.capped", most=num(rule.most or ZERO)))) if capped else text


def _members_without(facts: Facts, target: Assessee, rule: DeductionRule) -> list[str]:
    """Names of the team's members (in post in the target's time) with no matching record."""
    team = facts.ws.teams.get(target.unit or "")
    lacking = []
    for post in team.members if team else ():
        start, end = max(post.start or target.start, target.start), min(post.end or target.end, target.end)
        if start > end:
            continue
        if not any(matches(rule, kind, sub, d) for kind, sub, d, _ in _log(facts, post.leader, start, end)):
            person = facts.ws.leaders.get(post.leader)
            lacking.append(person.name if person else post.leader)
    return list(dict.fromkeys(lacking))


def rule_cuts(facts: Facts, target: Assessee, ind: Indicator) -> tuple[Decimal, list[Text]]:
    """The deduction rules of an indicator: the sum they take off and one text per rule."""
    duties = duties_of(facts, target)
    total, texts = ZERO, []
    for rule in ind.rules:
        cut, text = rule_cut(facts, target, rule, duties)
        total += cut
        texts.append(text)
    return total, texts
