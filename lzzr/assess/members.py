"""A team score built from its people (类型 引用): the average of every team member's score
on a member indicator (每个班子成员分别打分，取平均值), or the principal's score on a
principal indicator. Each person's share (points ÷ that indicator's points, to 0.01%) is
averaged, then times this indicator's points. Pure."""

from __future__ import annotations

from decimal import Decimal

from lzzr.assess.facts import ZERO, Facts, Line, pct, q2, q4
from lzzr.assessees import Assessee
from lzzr.i18n import Text, msg
from lzzr.numbers import num
from lzzr.workspace.scheme import Indicator, Scheme


def people(facts: Facts, target: Assessee, source: str) -> list[Assessee]:
    """The team's members (every post, principal included) or its principal(s), in post in the
    target's time, as assessees of that kind."""
    team = facts.ws.teams.get(target.unit or "")
    found: dict[str, Assessee] = {}
    for post in team.members if team else ():
        if source == "正职" and not post.principal:
            continue
        start, end = max(post.start or target.start, target.start), min(post.end or target.end, target.end)
        if start > end or post.leader in found:
            continue
        person = facts.ws.leaders.get(post.leader)
        kind, key = ("正职", f"principal:{target.unit}:{post.leader}") if source == "正职" else (
            "成员", f"member:{post.leader}")
        found[post.leader] = Assessee(key, kind, target.unit if kind == "正职" else None, post.leader,
                                      person.name if person else post.leader, post.title,
                                      post.in_charge or ((target.unit,) if target.unit else ()), start, end)
    return list(found.values())


def referenced(scheme: Scheme, source: str, ref: str) -> Indicator | None:
    ts = scheme.targets.get("正职" if source == "正职" else "成员")
    return next((i for s in (ts.standards if ts else ()) for i in s.all if i.id == ref), None)


def score_ref(facts: Facts, target: Assessee, ind: Indicator) -> Line:
    score = facts.scorer  # indicators.score (passed in: that module imports this one)
    assert facts.scheme is not None and score is not None and ind.source is not None and ind.ref is not None
    other = referenced(facts.scheme, ind.source, ind.ref)
    rule = msg("ax.ref.rule", source=ind.source, ref=ind.ref)
    persons = people(facts, target, ind.source)
    if other is None or not persons:
        return Line(ind.id, ind.name, ind.kind, ind.points, ZERO, msg("ax.ref.none"), rule, msg("ax.calc.zero"))
    details: list[Text] = []
    shares: list[Decimal] = []
    for person in persons:
        line = score(facts, person, other)
        shares.append(q4(line.points / other.points))
        details.append(msg("ax.ref.person", name=person.name, points=line.points, max=num(other.points),
                           share=pct(shares[-1])))
    mean = q4(sum(shares, ZERO) / len(shares))
    points = q2(ind.points * mean)
    calc = msg("ax.calc.ref", n=len(shares), mean=pct(mean), max=num(ind.points), points=points)
    return Line(ind.id, ind.name, ind.kind, ind.points, points, msg("ax.ref.input", n=len(persons)), rule, calc,
                tuple(details))
