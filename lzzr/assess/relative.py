"""Scoring relative to the best of the category (类型 同类比较): "以同类最高单位为满分，其他
单位按比例计分", i.e. points = the indicator's points × the target's count ÷ the highest count
among the targets of the same kind and the same category (考核方案 → 分类; without categories:
all targets of the kind). The count is that of a recorded fact (`计数`: a duty kind, its 细类,
a period, or a supporting rule), as a checklist counts it. The ratio is rounded to 0.01% before
it is used; when nobody of the category has the fact, every one of them gets 0. Pure.
"""

from __future__ import annotations

from decimal import Decimal

from lzzr.assess.counting import count, duties_of, period
from lzzr.assess.facts import ZERO, Facts, Line, pct, q2, q4
from lzzr.assessees import Assessee
from lzzr.i18n import Text, msg
from lzzr.numbers import num
from lzzr.workspace.scheme import Fact, Indicator


def _count(facts: Facts, target: Assessee, fact: Fact) -> tuple[int, Text]:
    return count(facts, target, fact, duties_of(facts, target))


def best_of(facts: Facts, target: Assessee, ind: Indicator) -> tuple[int, list[str]]:
    """The highest count among the target's peers (same kind, same category), and who has it;
    computed once per (kind, category, indicator)."""
    assert ind.tally is not None
    category = facts.categories.get(target.key)
    key = (target.kind, category, ind.id)
    if key not in facts.bests:
        peers = [x for x in facts.targets if x.kind == target.kind and facts.categories.get(x.key) == category]
        counts = [(x.name, _count(facts, x, ind.tally)[0]) for x in peers]
        top = max((n for _, n in counts), default=0)
        facts.bests[key] = (top, [name for name, n in counts if n == top and top > 0])
    return facts.bests[key]


def score_relative(facts: Facts, target: Assessee, ind: Indicator) -> Line:
    assert ind.tally is not None
    n, shown = _count(facts, target, ind.tally)
    top, holders = best_of(facts, target, ind)
    category = facts.categories.get(target.key)
    peers: Text = msg("ax.rel.peers", category=category) if category else msg("ax.rel.all")
    inp = msg("ax.rel.input", name=ind.tally.label, count=n, period=period(ind.tally, target),
              shown=shown or msg("ax.item.none"))
    rule = msg("ax.rule.rel", peers=peers)
    best: Text = msg("ax.rel.best", peers=peers, top=top, who="、".join(holders)) if top else msg(
        "ax.rel.nobody", peers=peers)
    if not top:
        return Line(ind.id, ind.name, ind.kind, ind.points, ZERO, inp, rule, msg("ax.calc.rel_none"), (best,))
    share = q4(Decimal(n) / top)
    points = q2(ind.points * share)
    calc = msg("ax.calc.rel", max=num(ind.points), n=n, top=top, share=pct(share), points=points)
    return Line(ind.id, ind.name, ind.kind, ind.points, points, inp, rule, calc, (best,))
