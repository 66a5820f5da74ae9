"""The checks of a scoring scheme that its model cannot express: points that must add up
(saying by how much they do not), ranges, grade bands in order, names that must exist.

`scheme_problems` is pure: it yields (message code, path inside 考核方案, message
arguments); `check_scheme` turns the path into a file location. `load_scheme_source` reads a
scheme from a file of its own (`--scheme FILE`) and checks it.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lzzr.errors import Location, Problem, Record
from lzzr.i18n import t
from lzzr.numbers import num
from lzzr.workspace.reader import read_yaml
from lzzr.workspace.scheme import (
    KIND_FIELDS,
    REQUIRED,
    SECTION,
    Indicator,
    Locate,
    Scheme,
    Standard,
    outcome_keys,
    scheme_of,
)
from lzzr.workspace.scheme_facts import (
    class_problems,
    indicator_facts,
    kinds_problems,
    rate_problems,
    record_problems,
    veto_problems,
)
from lzzr.workspace.validate import describe, validate_record

if TYPE_CHECKING:
    from lzzr.workspace.load import Workspace

Found = tuple[str, tuple[Any, ...], dict[str, Any]]
HUNDRED = Decimal(100)


def _diff(total: Decimal, expected: Decimal, unit_key: str = "A2.points") -> str:
    gap = total - expected
    word = "A2.more" if gap > 0 else "A2.less"
    return t(word, n=num(abs(gap)), unit=t(unit_key))


def scheme_problems(scheme: Scheme) -> Iterator[Found]:
    if scheme.full <= 0:
        yield "A210", ("满分",), {"field": "满分", "low": "0", "high": "∞", "value": num(scheme.full)}
    kinds = [k for k in ("班子", "正职", "成员") if scheme.targets.get(k) is not None]
    if not kinds:
        yield "A220", ("对象",), {}
    for kind in kinds:
        ts = scheme.targets.get(kind)
        assert ts is not None
        yield from _target(scheme, kind, ts.standards)
    yield from _kinds(scheme)
    yield from _bands(scheme)
    yield from _vetoes(scheme)
    yield from _quota(scheme)


def _target(scheme: Scheme, kind: str, standards: tuple[Standard, ...]) -> Iterator[Found]:
    base: tuple[Any, ...] = ("对象", kind, "标准")
    weighted = [s.weight is not None for s in standards]
    if any(weighted) and not all(weighted):
        i = weighted.index(False)
        yield "A204", (*base, i, "名称"), {"kind": kind, "name": standards[i].name}
    elif all(weighted) and standards:
        total = sum((s.weight or Decimal(0) for s in standards), Decimal(0))
        if total != HUNDRED:
            yield "A203", base, {"kind": kind, "sum": num(total), "diff": _diff(total, HUNDRED, "A2.pct")}
    elif standards:
        total = sum((s.points for s in standards), Decimal(0))
        if total != scheme.full:
            yield "A202", base, {"kind": kind, "sum": num(total), "full": num(scheme.full),
                                 "diff": _diff(total, scheme.full)}
    seen: dict[str, str] = {}
    for i, std in enumerate(standards):
        yield from _standard(scheme, kind, (*base, i), std, seen)
    ts = scheme.targets.get(kind)
    for j, ind in enumerate(ts.bonus if ts else ()):
        where = ("对象", kind, "加分项", j)
        if ind.id in seen:
            yield "A209", (*where, "编号"), {"id": ind.id, "kind": kind}
        seen[ind.id] = ""
        if ind.kind == "扣分":
            yield "A250", (*where, "类型"), {"id": ind.id}
        yield from _indicator(scheme, where, ind)
    if ts is not None and ts.bonus_cap is not None and ts.bonus_cap <= 0:
        yield "A210", ("对象", kind, "加分上限"), {"field": "加分上限", "low": "0", "high": "∞",
                                                  "value": num(ts.bonus_cap)}


def _standard(scheme: Scheme, kind: str, path: tuple[Any, ...], std: Standard,
              seen: dict[str, str]) -> Iterator[Found]:
    if std.points <= 0:
        yield "A210", (*path, "分值"), {"field": "分值", "low": "0", "high": "∞", "value": num(std.points)}
    if std.weight is not None and not 0 < std.weight <= HUNDRED:
        yield "A210", (*path, "权重"), {"field": "权重", "low": "0", "high": "100", "value": num(std.weight)}
    yield from _groups(path, std)
    for rel, _, ind in std.placed():
        where = (*path, *rel)
        if ind.id in seen:
            yield "A209", (*where, "编号"), {"id": ind.id, "kind": kind}
        seen[ind.id] = std.name
        yield from _indicator(scheme, where, ind)


def _groups(path: tuple[Any, ...], std: Standard) -> Iterator[Found]:
    """Points that add up: a standard's indicators (or 项目), each 项目's indicators."""
    if bool(std.indicators) == bool(std.groups):
        yield "A290", (*path, "名称"), {"name": std.name}
    parts = std.groups or std.indicators
    total = sum((x.points for x in parts), Decimal(0))
    if total != std.points:
        yield "A201", (*path, "分值"), {"name": std.name, "sum": num(total), "points": num(std.points),
                                       "diff": _diff(total, std.points)}
    for g, grp in enumerate(std.groups):
        inner = sum((ind.points for ind in grp.indicators), Decimal(0))
        if inner != grp.points:
            yield "A201", (*path, "项目", g, "分值"), {"name": grp.name, "sum": num(inner), "points": num(grp.points),
                                                     "diff": _diff(inner, grp.points)}


def _indicator(scheme: Scheme, path: tuple[Any, ...], ind: Indicator) -> Iterator[Found]:
    if ind.points <= 0:
        yield "A210", (*path, "分值"), {"field": "分值", "low": "0", "high": "∞", "value": num(ind.points)}
    given = {Indicator.model_fields[f].alias for f in ind.model_fields_set}
    for key, owner in KIND_FIELDS.items():
        if key in given and owner != ind.kind:
            yield "A208", (*path, key), {"field": key, "owner": owner, "kind": ind.kind}
    for key in REQUIRED[ind.kind]:
        if key not in given:
            yield "A207", (*path, "类型"), {"field": key, "kind": ind.kind}
    checks = {"任务完成": _tasks, "清单": _checklist, "民主测评": _poll, "扣分": _deduct, "评定": _rating,
              "比率": rate_problems, "引用": _none}
    if ind.kind in checks:  # 整改 has no fields of its own
        yield from checks[ind.kind](path, ind)
    yield from indicator_facts(scheme, path, ind)


def _range(path: tuple[Any, ...], field: str, value: Decimal | None, low: Decimal, high: Decimal) -> Iterator[Found]:
    if value is not None and not low <= value <= high:
        yield "A210", (*path, field), {"field": field, "low": num(low), "high": num(high), "value": num(value)}


def _tasks(path: tuple[Any, ...], ind: Indicator) -> Iterator[Found]:
    yield from _range(path, "逾期系数", ind.late, Decimal(0), Decimal(1))
    yield from _range(path, "未完成系数", ind.unfinished, Decimal(0), Decimal(1))
    yield from _range(path, "协办权重", ind.co_share, Decimal(0), Decimal(1))
    if ind.unfinished_factor > ind.late_factor:
        yield "A211", (*path, "未完成系数"), {"unfinished": num(ind.unfinished_factor), "late": num(ind.late_factor)}
    for name, weight in ind.task_weights.items():
        if weight <= 0:
            yield "A210", (*path, "任务权重", name), {"field": name, "low": "0", "high": "∞", "value": num(weight)}


def _checklist(path: tuple[Any, ...], ind: Indicator) -> Iterator[Found]:
    total = sum((item.points for item in ind.checklist), Decimal(0))
    if ind.checklist and total != ind.points:
        yield "A205", (*path, "分值"), {"name": ind.name, "sum": num(total), "points": num(ind.points),
                                       "diff": _diff(total, ind.points)}
    for k, item in enumerate(ind.checklist):
        if (item.duty is None) == (item.institution is None):
            yield "A218", (*path, "清单", k), {"n": k + 1}
        if item.times < 1:
            yield "A210", (*path, "清单", k, "次数"), {"field": "次数", "low": "1", "high": "∞", "value": item.times}
        if item.points <= 0:
            yield "A210", (*path, "清单", k, "分值"), {"field": "分值", "low": "0", "high": "∞",
                                                      "value": num(item.points)}


def _poll(path: tuple[Any, ...], ind: Indicator) -> Iterator[Found]:
    for name, value in ind.options.items():
        yield from _range((*path, "选项"), name, value, Decimal(0), HUNDRED)
        if name in ind.ignored:
            yield "A221", (*path, "不计"), {"option": name}
    if ind.class_weights:
        total = sum(ind.class_weights.values(), Decimal(0))
        if total != HUNDRED:
            yield "A206", (*path, "类别权重"), {"sum": num(total), "diff": _diff(total, HUNDRED, "A2.pct")}
        for name, weight in ind.class_weights.items():
            if weight < 0:
                yield "A210", (*path, "类别权重", name), {"field": name, "low": "0", "high": "100",
                                                          "value": num(weight)}
    yield from _range(path, "有效回收率", ind.quorum, Decimal(0), HUNDRED)


def _deduct(path: tuple[Any, ...], ind: Indicator) -> Iterator[Found]:
    if not ind.deductions and not ind.rules:
        yield "A207", (*path, "类型"), {"field": "扣分标准 / 扣分项", "kind": ind.kind}
    allowed = outcome_keys()
    for name, value in ind.deductions.items():
        if name not in allowed:
            yield "A217", (*path, "扣分标准", name), {"key": name, "allowed": "、".join(allowed)}
        elif value < 0:
            yield "A210", (*path, "扣分标准", name), {"field": name, "low": "0", "high": "∞", "value": num(value)}
    yield from _range(path, "最低", ind.floor, Decimal(0), ind.points)


def _rating(path: tuple[Any, ...], ind: Indicator) -> Iterator[Found]:
    for name, value in ind.levels.items():
        yield from _range((*path, "等次"), name, value, Decimal(0), HUNDRED)


def _none(path: tuple[Any, ...], ind: Indicator) -> Iterator[Found]:
    yield from ()


def _kinds(scheme: Scheme) -> Iterator[Found]:
    yield from kinds_problems(scheme)
    yield from class_problems(scheme)


def _bands(scheme: Scheme) -> Iterator[Found]:
    names: set[str] = set()
    for i, band in enumerate(scheme.bands):
        path = ("等次", i)
        if band.name in names:
            yield "A215", (*path, "名称"), {"name": band.name}
        names.add(band.name)
        if band.min > scheme.full or band.min < 0:
            yield "A214", (*path, "最低分"), {"name": band.name, "min": num(band.min), "full": num(scheme.full)}
        if i and band.min >= scheme.bands[i - 1].min:
            above = scheme.bands[i - 1]
            yield "A212", (*path, "最低分"), {"name": band.name, "min": num(band.min), "above": above.name,
                                             "above_min": num(above.min)}
    if not scheme.bands:
        yield "A213", ("等次",), {"name": "—", "min": "—"}
    elif scheme.bands[-1].min != 0:
        last = scheme.bands[-1]
        yield "A213", ("等次", len(scheme.bands) - 1, "最低分"), {"name": last.name, "min": num(last.min)}


def _vetoes(scheme: Scheme) -> Iterator[Found]:
    names = [b.name for b in scheme.bands]
    for i, veto in enumerate(scheme.vetoes):
        if veto.cap not in names:
            yield "A216", ("一票否决", i, "最高等次"), {"name": veto.cap, "known": "、".join(names)}
        yield from veto_problems(scheme, i, veto)


def _quota(scheme: Scheme) -> Iterator[Found]:
    quota = scheme.quota
    if quota is None:
        return
    names = [b.name for b in scheme.bands]
    if quota.grade is not None and quota.grade not in names:
        yield "A216", ("优秀名额", "等次"), {"name": quota.grade, "known": "、".join(names)}
    yield from _range(("优秀名额",), "比例", quota.percent, Decimal(0), HUNDRED)


def check_workspace_scheme(ws: Workspace) -> list[Problem]:
    """The scheme in the workspace, checked, problems located in its file."""
    scheme = scheme_of(ws)
    records = record_problems(ws, scheme)
    if scheme is None:
        return records
    return [*check_scheme(scheme, lambda *path: ws.locate("scheme", "", *path)), *records]


def load_scheme_file(path: Path) -> tuple[Scheme | None, list[Problem]]:
    """A scheme from a file of its own (`--scheme FILE`), every problem located in that file."""
    scheme, problems, _ = load_scheme_source(path)
    return scheme, problems


def load_scheme_source(path: Path) -> tuple[Scheme | None, list[Problem], Locate]:
    """Like `load_scheme_file`, with the function that locates a path inside the scheme (for
    the assessment's warnings about an indicator)."""
    parsed = read_yaml(path, str(path))
    pos = parsed.positions

    def locate(*keys: Any) -> Location:
        return pos.locate((SECTION, *keys))

    if parsed.data is None or any(p.severity.value == "error" for p in parsed.problems):
        return None, parsed.problems or [Problem("L012", Location(str(path), 1, 1))], locate
    data = parsed.data
    if not isinstance(data, dict) or SECTION not in data:
        return None, [Problem("A200", pos.locate(()), args={"actual": describe(data)})], locate
    record = Record("scheme", "")
    scheme, found = validate_record(Scheme, data[SECTION], pos, (SECTION,), record)
    problems = parsed.problems + found
    if scheme is None:
        return None, problems, locate
    problems += check_scheme(scheme, locate)
    return scheme, sorted(problems, key=Problem.sort_key), locate


def check_scheme(scheme: Scheme, locate: Locate) -> list[Problem]:
    """Every problem of a scheme that pydantic cannot see: sums, ranges, bands, names."""
    record = Record("scheme", "")
    return [Problem(code, locate(*path), record=record, args=args)
            for code, path, args in scheme_problems(scheme)]
