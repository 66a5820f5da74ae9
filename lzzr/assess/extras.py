"""What lies outside the full marks: bonus items (加分项, capped in total) and the assessors'
discretionary deductions (酌情扣分, each with its reason), shown apart from the base score.

total = base + min(Σ bonus items, 加分上限) − Σ discretionary deductions (at least 0), two
decimals. The grade, the quota and the rank use the total. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lzzr.assess.facts import ZERO, Facts, Line, q2
from lzzr.assess.indicators import score
from lzzr.assessees import Assessee
from lzzr.errors import Problem, Record, Severity
from lzzr.numbers import num
from lzzr.workspace.assessors import discretions, self_scores
from lzzr.workspace.load import Workspace
from lzzr.workspace.scheme import Indicator, Locate, Scheme, iter_indicators


@dataclass(frozen=True)
class Cut:
    """One discretionary deduction: its record, the points and the reason (printed)."""

    id: str
    points: Decimal
    reason: str
    rater: str


@dataclass(frozen=True)
class Extra:
    base: Decimal
    bonus_lines: tuple[Line, ...]
    bonus_raw: Decimal
    bonus: Decimal
    cap: Decimal | None
    cuts: tuple[Cut, ...]
    cut: Decimal
    total: Decimal
    selfs: tuple[tuple[str, Decimal], ...] = ()  # indicator id → self-score (自评分)
    gap: Decimal | None = None  # the scheme's 自评差异

    def self_score(self, ind_id: str) -> Decimal | None:
        return dict(self.selfs).get(ind_id)


def extras(facts: Facts, scheme: Scheme, target: Assessee, base: Decimal, where: Locate) -> Extra | None:
    """The bonus and the discretionary deductions of one target; None when the scheme has
    no bonus item and nobody deducted anything from the target."""
    ts = scheme.targets.get(target.kind)
    assert ts is not None
    lines = []
    for j, ind in enumerate(ts.bonus):
        facts.here = where("对象", target.kind, "加分项", j, "编号")
        lines.append(score(facts, target, ind))
    cuts = tuple(facts.cuts.get(target.key, ()))
    selfs = tuple(facts.selfs.get(target.key, {}).items())
    if not lines and not cuts and not selfs:
        return None
    raw = q2(sum((line.points for line in lines), ZERO))
    bonus = min(raw, ts.bonus_cap) if ts.bonus_cap is not None else raw
    cut = q2(sum((c.points for c in cuts), ZERO))
    total = q2(max(base + bonus - cut, ZERO))
    return Extra(base, tuple(lines), raw, q2(bonus), ts.bonus_cap, cuts, cut, total, selfs, scheme.self_gap)


def index_assessors(facts: Facts, scheme: Scheme, targets: list[Assessee]) -> None:
    """Discretionary deductions and self-scores, matched to their targets (into `facts`);
    a record that matches no target, a deduction the scheme does not allow or that goes
    over its cap, a self-score for an indicator the target does not have: located errors."""
    ws = facts.ws
    for rid, rec in sorted(discretions(ws).items()):
        target = _match(targets, rec.target, rec.unit, rec.leader)
        if target is None:
            facts.problems.append(_p(ws, "A251", "discretion", rid, "对象"))
            continue
        mine = facts.cuts.setdefault(target.key, [])
        done = sum((c.points for c in mine), ZERO) + rec.points
        if rec.points <= 0 or scheme.discretion_cap is None or done > scheme.discretion_cap:
            code = "A254" if rec.points <= 0 else "A252" if scheme.discretion_cap is None else "A253"
            facts.problems.append(_p(ws, code, "discretion", rid, "扣分", cap=num(scheme.discretion_cap or ZERO),
                                     total=num(done), target=target.name))
            continue
        mine.append(Cut(rid, rec.points, rec.reason, f"（{rec.rater}）" if rec.rater else ""))
    for rid, sheet in sorted(self_scores(ws).items()):
        target = _match(targets, sheet.target, sheet.unit, sheet.leader)
        if target is None:
            facts.problems.append(_p(ws, "A251", "selfscore", rid, "对象"))
            continue
        known = {ind.id for kind, _, _, ind in iter_indicators(scheme)
                 if kind == target.kind} | {ind.id for ind in _bonus(scheme, target.kind)}
        for ind_id, value in sheet.scores.items():
            if ind_id not in known:
                facts.problems.append(_p(ws, "A255", "selfscore", rid, "得分", ind_id, key=True, id=ind_id,
                                         known="、".join(sorted(known))))
            else:
                facts.selfs.setdefault(target.key, {})[ind_id] = value


def _bonus(scheme: Scheme, kind: str) -> tuple[Indicator, ...]:
    ts = scheme.targets.get(kind)
    return ts.bonus if ts else ()


def _match(targets: list[Assessee], kind: str, unit: str | None, leader: str | None) -> Assessee | None:
    for x in targets:
        if x.kind != kind:
            continue
        if kind == "成员" and leader == x.leader:
            return x
        if kind != "成员" and unit == x.unit and leader in (None, x.leader):
            return x
    return None


def _p(ws: Workspace, code: str, kind: str, rid: str, *keys: Any, key: bool = False, **args: Any) -> Problem:
    return Problem(code, ws.locate(kind, rid, *keys, key=key), Severity.ERROR, Record(kind, rid), args)


def self_warnings(facts: Facts, scheme: Scheme, target: Assessee, lines: list[Line]) -> None:
    """A self-score further from the group's score than 自评差异: a warning naming both."""
    if scheme.self_gap is None:
        return
    mine = facts.selfs.get(target.key, {})
    for line in lines:
        own = mine.get(line.id)
        if own is not None and abs(own - line.points) > scheme.self_gap:
            facts.problems.append(Problem("A256", facts.here, Severity.WARNING, None, {
                "target": target.name, "id": line.id, "own": num(own), "group": num(line.points),
                "gap": num(scheme.self_gap)}))


def overall_share(scheme: Scheme, total: Decimal) -> Decimal | None:
    """The figure for the unit's overall target assessment (纳入总体目标考核): total ÷ full
    marks × the share's points, two decimals; None when the scheme states no share."""
    if scheme.overall is None:
        return None
    return q2(total / scheme.full * scheme.overall)


def extra_dict(scheme: Scheme, r_total: Decimal, extra: Extra | None, d: Any) -> dict[str, Any]:
    """JSON fields for what lies outside the full marks (none when there is nothing)."""
    out: dict[str, Any] = {}
    share = overall_share(scheme, r_total)
    if share is not None:
        out["overall"] = {"points": d(scheme.overall), "share": d(share)}
    if extra is not None:
        out |= {"base": d(extra.base), "bonus_raw": d(extra.bonus_raw), "bonus": d(extra.bonus),
                "bonus_items": [{"id": line.id, "name": line.name, "points": d(line.points)}
                                for line in extra.bonus_lines],
                "discretionary": [{"id": c.id, "points": d(c.points), "reason": c.reason} for c in extra.cuts],
                "self_scores": {k: d(v) for k, v in extra.selfs}}
    return out
