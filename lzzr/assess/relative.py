"""Scoring relative to the best of the category (类型 同类比较): "以同类最高单位为满分，其他
单位按比例计分", i.e. points = the indicator's points × the target's value ÷ the highest value
among the targets of the same kind and the same category (考核方案 → 分类; without categories:
all targets of the kind). The value is the count of a recorded fact (`计数`: a duty kind, its
细类, a period, or a supporting rule, counted as a checklist counts it), or the target's points on
another indicator of its scheme (`比较指标`: "得分 = 本项满分 × 本单位得分 ÷ 同类最高得分"). The
ratio is rounded to 0.01% before it is used; when the highest value is 0, everyone gets 0. Pure.
"""

from __future__ import annotations

from decimal import Decimal

from lzzr.assess.counting import count, duties_of, period
from lzzr.assess.facts import ZERO, Facts, Line, pct, q2, q4
from lzzr.assessees import Assessee
from lzzr.i18n import Text, msg
from lzzr.numbers import num
from lzzr.workspace.scheme import Indicator


def compared(facts: Facts, target: Assessee, ind: Indicator) -> Indicator | None:
    """The indicator of the target's scheme that `比较指标` names."""
    ts = facts.scheme.targets.get(target.kind) if facts.scheme else None
    return next((x for s in (ts.standards if ts else ()) for x in s.all if x.id == ind.compare), None)


def value(facts: Facts, target: Assessee, ind: Indicator) -> tuple[Decimal, Text]:
    """The target's value, and the input in words."""
    if ind.tally is not None:
        n, shown = count(facts, target, ind.tally, duties_of(facts, target))
        return Decimal(n), msg("ax.rel.input", name=ind.tally.label, count=n, period=period(ind.tally, target),
                               shown=shown or msg("ax.item.none"))
    other = compared(facts, target, ind)
    if other is None or facts.scorer is None:
        return ZERO, msg("ax.ref.none")
    points = facts.scorer(facts, target, other).points  # indicators.score (that module imports this one)
    return points, msg("ax.rel.value", ref=other.id, name=other.name, value=points)


def best_of(facts: Facts, target: Assessee, ind: Indicator) -> tuple[Decimal, list[str]]:
    """The highest value among the target's peers (same kind, same category), and who has it;
    computed once per (kind, category, indicator)."""
    category = facts.categories.get(target.key)
    key = (target.kind, category, ind.id)
    if key not in facts.bests:
        peers = [x for x in facts.targets if x.kind == target.kind and facts.categories.get(x.key) == category]
        values = [(x.name, value(facts, x, ind)[0]) for x in peers]
        top = max((v for _, v in values), default=ZERO)
        facts.bests[key] = (top, [name for name, v in values if v == top and top > 0])
    return facts.bests[key]


def score_relative(facts: Facts, target: Assessee, ind: Indicator) -> Line:
    own, inp = value(facts, target, ind)
    top, holders = best_of(facts, target, ind)
    category = facts.categories.get(target.key)
    peers: Text = msg("ax.rel.peers", category=category) if category else msg("ax.rel.all")
    counted = ind.tally is not None
    rule = msg("ax.rule.rel", peers=peers) if counted else msg("ax.rule.rel_points", peers=peers, ref=ind.compare)
    shown = num(top) if counted else str(q2(top))
    best: Text = msg("ax.rel.best" if counted else "ax.rel.best_points", peers=peers, top=shown,
                     who="、".join(holders)) if top else msg("ax.rel.nobody", peers=peers)
    if not top:
        return Line(ind.id, ind.name, ind.kind, ind.points, ZERO, inp, rule, msg("ax.calc.rel_none"), (best,))
    share = q4(own / top)
    points = q2(ind.points * share)
    calc = msg("ax.calc.rel" if counted else "ax.calc.rel_points", max=num(ind.points),
               n=num(own) if counted else str(q2(own)), top=shown, share=pct(share), points=points)
    return Line(ind.id, ind.name, ind.kind, ind.points, points, inp, rule, calc, (best,))
