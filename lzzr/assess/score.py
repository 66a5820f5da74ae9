"""The year-end assessment: workspace + scheme → every target's scores, vetoes, grade, rank.

Pure: no I/O. The order of the steps, for each kind of target (班子, 正职, 成员) apart:
1. each indicator is scored (lzzr/indicators.py, lzzr/poll.py), points to two decimals;
2. a standard's subtotal is the sum of its indicators' points; in a weighted scheme it is
   then scaled: subtotal ÷ standard points × weight% × full marks, two decimals;
3. the total is the sum of the standards;
4. the grade by score: the first band (from the top) whose 最低分 the total reaches and
   whose conditions hold (无零分指标: no indicator at 0; 无扣分: no deduction taken);
5. a veto caps it: the grade is the lower of the two (the lowest cap when several apply);
6. the quota: at most ⌊n × 比例 ÷ 100⌋ targets of a kind keep the quota grade. They are
   ranked by total, then by the 并列 indicator types' points; when a group that is tied on
   all of these does not fit in the remaining places, none of the group keeps the grade
   (nobody is picked by lot or by name). Those who lose it get the best lower band they
   qualify for;
7. rank: 1 + the number of targets of the same kind with a higher total (ties share a rank).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from lzzr.assess.categories import categories
from lzzr.assess.extras import Extra, extras, index_assessors, self_warnings
from lzzr.assess.facts import HUNDRED, ZERO, Facts, Line, gather, q2
from lzzr.assess.indicators import score
from lzzr.assess.vetoes import VetoHit, vetoes_for
from lzzr.assessees import KIND_ORDER, Assessee, assessed_targets
from lzzr.errors import Problem
from lzzr.i18n import DateText, Text, msg
from lzzr.numbers import num
from lzzr.workspace.letters_register import LetterState
from lzzr.workspace.load import Workspace
from lzzr.workspace.scheme import Locate, Scheme, Standard


@dataclass(frozen=True)
class GroupResult:
    """One 项目 of a standard: its indicators' lines and subtotal."""

    name: str
    max: Decimal
    points: Decimal
    lines: tuple[Line, ...]


def group_results(std: Standard, lines: list[Line], in_group: list[int | None]) -> tuple[GroupResult, ...]:
    out = []
    for g, grp in enumerate(std.groups):
        mine = tuple(line for line, k in zip(lines, in_group, strict=True) if k == g)
        out.append(GroupResult(grp.name, grp.points, q2(sum((x.points for x in mine), ZERO)), mine))
    return tuple(out)


@dataclass(frozen=True)
class StandardResult:
    """One standard (group of indicators) of one target."""

    name: str
    max: Decimal
    weight: Decimal | None
    raw: Decimal
    points: Decimal
    lines: tuple[Line, ...]
    calc: Text = ""
    groups: tuple[GroupResult, ...] = ()  # 项目 inside the standard, when it has them

    @property
    def share_max(self) -> Decimal:
        """The most this standard can add to the total."""
        return self.max if self.weight is None else q2(self.weight)


@dataclass(frozen=True)
class Result:
    """A target's whole assessment."""

    target: Assessee
    standards: tuple[StandardResult, ...]
    total: Decimal
    vetoes: tuple[VetoHit, ...]
    score_grade: str
    grade: str
    steps: tuple[Text, ...]
    rank: int = 0
    of: int = 0
    notes: tuple[Text, ...] = ()
    extra: Extra | None = None  # bonus items and discretionary deductions, when the scheme has them
    category: str | None = None  # the unit's category in the scheme (分类)

    @property
    def base(self) -> Decimal:
        """The score inside the full marks (the standards' sum)."""
        return self.extra.base if self.extra else self.total

    @property
    def lines(self) -> list[Line]:
        return [line for std in self.standards for line in std.lines]

    def kind_points(self, kind: str) -> Decimal:
        return sum((line.points for line in self.lines if line.kind == kind), ZERO)


@dataclass(frozen=True)
class QuotaStep:
    """The quota applied to one kind of target."""

    kind: str
    grade: str
    count: int
    percent: Decimal
    allowed: int
    kept: tuple[str, ...]
    demoted: tuple[str, ...]
    tiebreak: tuple[str, ...]
    category: str | None = None


@dataclass(frozen=True)
class Assessment:
    scheme: Scheme
    year: int
    region: str
    results: tuple[Result, ...]
    quota: tuple[QuotaStep, ...] = ()
    problems: tuple[Problem, ...] = field(default=())
    about: tuple[tuple[str, Problem], ...] = ()  # (target key, a problem found scoring that target)

    def problems_about(self, keys: set[str]) -> list[Problem]:
        """Every problem, less those found only while scoring targets other than `keys`."""
        others = {id(p) for k, p in self.about if k not in keys} - {id(p) for k, p in self.about if k in keys}
        return [p for p in self.problems if id(p) not in others]

    def by_kind(self, kind: str) -> list[Result]:
        return [r for r in self.results if r.target.kind == kind]

    def get(self, key: str) -> Result:
        return next(r for r in self.results if r.target.key == key)

    def kinds(self) -> list[str]:
        return [k for k in KIND_ORDER if self.by_kind(k)]


def assess(ws: Workspace, scheme: Scheme, locate: Locate | None = None, on: dt.date | None = None,
           letters: tuple[LetterState, ...] = ()) -> Assessment:
    """Assess every target of `ws` under `scheme`. `locate(*path)` places a path inside the
    scheme (for warnings such as a target with no poll); by default the workspace's scheme.
    `on`: as of that day, tasks not yet due (and not done by then) are not scored.
    `letters`: the register's letters (for a 签订率 indicator)."""
    assert ws.config is not None
    where = locate or (lambda *path: ws.locate("scheme", "", *path))
    targets = [x for x in assessed_targets(ws) if scheme.targets.get(x.kind) is not None]
    facts = gather(ws, targets, on, letters)
    index_assessors(facts, scheme, targets)
    facts.categories = categories(ws, scheme, targets)
    facts.targets = targets
    facts.scheme, facts.scorer = scheme, score
    results, about = [], []
    for target in targets:
        before = len(facts.problems)
        results.append(score_target(facts, scheme, target, where))
        about += [(target.key, p) for p in facts.problems[before:]]
    results = [replace(r, category=facts.categories.get(r.target.key)) for r in results]
    results, steps = apply_quota(scheme, results)
    results = rank(results, scheme.rank_by_class)
    problems = sorted(_unique(facts.problems), key=Problem.sort_key)
    kept = {_key(p): p for p in problems}
    return Assessment(scheme, ws.config.year, ws.config.region, tuple(results), tuple(steps), tuple(problems),
                      tuple((k, kept[_key(p)]) for k, p in about if _key(p) in kept))


def _key(p: Problem) -> tuple[Any, ...]:
    return p.code, p.location, p.record, tuple(sorted((k, str(v)) for k, v in p.args.items()))


def _unique(problems: list[Problem]) -> list[Problem]:
    """Each problem once (a record scored by several indicators is reported once)."""
    seen: dict[tuple[Any, ...], Problem] = {}
    for p in problems:
        seen.setdefault(_key(p), p)
    return list(seen.values())


def score_target(facts: Facts, scheme: Scheme, target: Assessee, where: Locate) -> Result:
    ts = scheme.targets.get(target.kind)
    assert ts is not None
    standards = []
    for i, std in enumerate(ts.standards):
        lines, in_group = [], []
        for rel, g, ind in std.placed():
            facts.here = where("对象", target.kind, "标准", i, *rel, "编号")
            lines.append(score(facts, target, ind))
            in_group.append(g)
        result = standard_result(scheme, std, tuple(lines))
        standards.append(replace(result, groups=group_results(std, lines, in_group)) if std.groups else result)
    total = q2(sum((s.points for s in standards), ZERO))
    facts.here = where("自评差异")
    self_warnings(facts, scheme, target, [line for s in standards for line in s.lines])
    extra = extras(facts, scheme, target, total, where)
    total = extra.total if extra else total
    vetoes = tuple(vetoes_for(facts, scheme, target))
    by_score, steps = grade_by_score(scheme, total, standards)
    grade = by_score
    if vetoes:
        cap = max((v.cap for v in vetoes), key=scheme.band_rank)
        if scheme.band_rank(cap) > scheme.band_rank(grade):
            grade = cap
        steps.append(msg("ax.grade.veto", cap=cap, grade=grade))
    notes = () if target.full_year else (msg("ax.note.partial", start=DateText(target.start),
                                                                end=DateText(target.end)),)
    return Result(target, tuple(standards), total, vetoes, by_score, grade, tuple(steps), notes=notes, extra=extra)


def standard_result(scheme: Scheme, std: Standard, lines: tuple[Line, ...]) -> StandardResult:
    raw = q2(sum((line.points for line in lines), ZERO))
    if std.weight is None:
        return StandardResult(std.name, std.points, None, raw, raw, lines)
    points = q2(raw / std.points * std.weight / HUNDRED * scheme.full)
    calc = msg("ax.calc.weight", raw=raw, max=num(std.points), weight=num(std.weight), full=num(scheme.full),
             points=points)
    return StandardResult(std.name, std.points, std.weight, raw, points, lines, calc)


def qualifies(scheme: Scheme, index: int, total: Decimal, standards: Any) -> tuple[bool, Text]:
    """Whether band `index` is reached, and the reason in words."""
    band = scheme.bands[index]
    lines = [line for std in standards for line in std.lines]
    if total < band.min:
        return False, msg("ax.band.below", total=total, name=band.name, min=num(band.min))
    for cond in band.conditions:
        if cond == "无零分指标":
            zeros = [line.id for line in lines if line.points == 0]
            if zeros:
                return False, msg("ax.band.zero", name=band.name, ids="、".join(zeros))
        if cond == "无扣分":
            cut = [line.id for line in lines if line.kind == "扣分" and line.points < line.max]
            if cut:
                return False, msg("ax.band.cut", name=band.name, ids="、".join(cut))
    conds = "、".join(band.conditions)
    return True, msg("ax.band.reached", total=total, name=band.name, min=num(band.min),
                   conds=f"，{conds}" if conds else "")


def grade_by_score(scheme: Scheme, total: Decimal, standards: Any, below: int = -1) -> tuple[str, list[Text]]:
    """The first band below index `below` that the target reaches, with the reasons."""
    steps: list[Text] = []
    for i in range(below + 1, len(scheme.bands)):
        ok, why = qualifies(scheme, i, total, standards)
        steps.append(why)
        if ok:
            return scheme.bands[i].name, steps
    return (scheme.bands[-1].name if scheme.bands else ""), steps


def quota_key(result: Result, tiebreak: tuple[str, ...]) -> tuple[Decimal, ...]:
    return (result.total, *(result.kind_points(kind) for kind in tiebreak))


def apply_quota(scheme: Scheme, results: list[Result]) -> tuple[list[Result], list[QuotaStep]]:
    quota = scheme.quota
    if quota is None or not scheme.bands:
        return results, []
    grade = quota.grade or scheme.top
    steps = []
    out = {r.target.key: r for r in results}
    for kind, category in groups(results, quota.by_class):
        mine = [r for r in results if r.target.kind == kind and (not quota.by_class or r.category == category)]
        allowed = int(len(mine) * quota.percent // HUNDRED)
        candidates = sorted((r for r in mine if r.grade == grade), key=lambda r: quota_key(r, quota.tiebreak),
                            reverse=True)
        kept, demoted = _fill(candidates, allowed, quota.tiebreak)
        for r in demoted:
            out[r.target.key] = demote(scheme, r, grade, allowed)
        steps.append(QuotaStep(kind, grade, len(mine), quota.percent, allowed,
                               tuple(r.target.key for r in kept), tuple(r.target.key for r in demoted), quota.tiebreak,
                               category if quota.by_class else None))
    return [out[r.target.key] for r in results], steps


def _fill(candidates: list[Result], allowed: int, tiebreak: tuple[str, ...]) -> tuple[list[Result], list[Result]]:
    """Whole tie groups, best first, while they fit in `allowed`; the rest are demoted."""
    kept: list[Result] = []
    i = 0
    while i < len(candidates):
        key = quota_key(candidates[i], tiebreak)
        group = [r for r in candidates[i:] if quota_key(r, tiebreak) == key]
        if len(kept) + len(group) > allowed:
            break
        kept += group
        i += len(group)
    return kept, candidates[len(kept):]


def demote(scheme: Scheme, r: Result, grade: str, allowed: int) -> Result:
    lower, steps = grade_by_score(scheme, r.total, r.standards, below=scheme.band_rank(grade))
    note = msg("ax.grade.quota", grade=grade, allowed=allowed, lower=lower)
    return replace(r, grade=lower, steps=(*r.steps, note, *steps))


def groups(results: list[Result], by_class: bool) -> list[tuple[str, str | None]]:
    """(kind, category) groups present, in kind order; categories only when `by_class`."""
    found = {(r.target.kind, r.category if by_class else None) for r in results}
    return sorted(found, key=lambda g: (KIND_ORDER[g[0]], g[1] or ""))


def rank(results: list[Result], by_class: bool = False) -> list[Result]:
    """Competition ranking within each kind (and category, when `by_class`); results ordered
    by kind, rank, key."""
    ranked = []
    for kind, category in groups(results, by_class):
        mine = [r for r in results if r.target.kind == kind and (not by_class or r.category == category)]
        for r in mine:
            higher = sum(1 for o in mine if o.total > r.total)
            ranked.append(replace(r, rank=higher + 1, of=len(mine)))
    return sorted(ranked, key=lambda r: (KIND_ORDER[r.target.kind], r.rank, r.target.key))
