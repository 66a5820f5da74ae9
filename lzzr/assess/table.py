"""The assessment as tables (terminal, CSV, xlsx) and as JSON data.

- `result_table`: one row per target, the standards as 标准一 … columns (their names differ
  between target kinds), for the terminal and CSV;
- `result_tables`: one table per kind of target with every indicator and standard by
  name, for an xlsx workbook (one sheet per kind);
- `assessment_json`: everything, indicator by indicator, with the derivation texts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lzzr.assess.explain import kind_word, ordinal
from lzzr.assess.extras import extra_dict
from lzzr.assess.score import Assessment, Result
from lzzr.i18n import text, tr
from lzzr.numbers import num
from lzzr.render.tables import Cell, Table
from lzzr.workspace.scheme import Scheme


def _vetoes(r: Result) -> str:
    return "；".join(f"{v.id} {v.name}" for v in r.vetoes)


def _notes(r: Result) -> str:
    notes = [text(n) for n in r.notes]
    if r.grade != r.score_grade and not r.vetoes:
        notes.append(tr(f"按分数为{r.score_grade}，受名额限制", f"{r.score_grade} by score, limited by the quota"))
    notes += [tr(f"酌情扣分 {c.id} {num(c.points)} 分：{c.reason}{c.rater}", f"discretionary {c.id} −{num(c.points)}: "
                 f"{c.reason}{c.rater}") for c in (r.extra.cuts if r.extra else ())]
    return "；".join(notes)


def _has_extra(results: list[Result] | tuple[Result, ...]) -> bool:
    """Whether any target has a bonus item or a discretionary deduction (then the tables show
    基础分, 加分 and 酌情扣分 apart from the total)."""
    return any(r.extra is not None and (r.extra.bonus_lines or r.extra.cuts) for r in results)


def _extra_cells(r: Result) -> list[Cell]:
    """基础分, 加分 (after the cap), 酌情扣分 of one target."""
    x = r.extra
    return [r.base, x.bonus if x else Decimal(0), x.cut if x else Decimal(0)]


def _extra_heads() -> list[str]:
    return [tr("基础分", "base"), tr("加分", "bonus"), tr("酌情扣分", "discretionary")]


def _self_ids(results: list[Result] | tuple[Result, ...]) -> list[str]:
    """The indicators that some target scored itself on (自评), in the scheme's order."""
    scored = {ind for r in results if r.extra for ind, _ in r.extra.selfs}
    order = [line.id for r in results for line in r.lines]
    return sorted(scored, key=lambda ind: (order.index(ind) if ind in order else len(order), ind))


def _self_text(r: Result) -> str:
    """A target's self-scores for the one-table views: `F1 10；F3 9`."""
    return "；".join(f"{ind} {num(points)}" for ind, points in (r.extra.selfs if r.extra else ()))


def _groups_text(r: Result) -> str:
    """The 项目 subtotals of every standard that has them: `报告和谈话 11.50；会议和评定 8.00`."""
    return "；".join(f"{g.name} {g.points}" for s in r.standards for g in s.groups)


def result_table(a: Assessment) -> Table:
    """Every target in one table: kind, rank, name, post, standard subtotals, total, vetoes, grade."""
    width = max((len(r.standards) for r in a.results), default=0)
    std_heads = [tr(f"标准{ordinal(i).rstrip('、.')}", f"standard {i + 1}") for i in range(width)]
    grouped, extra = any(_groups_text(r) for r in a.results), _has_extra(a.results)
    selfs = bool(_self_ids(a.results))
    headers = [tr("类别", "kind"), tr("排名", "rank"), tr("对象", "target"), tr("单位/职务", "unit/post"),
               *std_heads, *([tr("项目小计", "groups")] if grouped else []), *(_extra_heads() if extra else []),
               tr("总分", "total"), *([tr("自评", "self-score")] if selfs else []), tr("一票否决", "veto"),
               tr("等次", "grade"), tr("说明", "notes")]
    rows = []
    for r in a.results:
        subtotals = [str(s.points) for s in r.standards] + [""] * (width - len(r.standards))
        more = ([_groups_text(r)] if grouped else []) + ([str(c) for c in _extra_cells(r)] if extra else [])
        rows.append([kind_word(r.target.kind), f"{r.rank}/{r.of}", r.target.name, r.target.post, *subtotals,
                     *more, str(r.total), *([_self_text(r)] if selfs else []), _vetoes(r), r.grade, _notes(r)])
    title = f"{a.region}{a.year}" + tr("年度党风廉政建设责任制考核结果", " clean-governance assessment")
    return Table(title, headers, rows, group=1, sheet=tr("考核结果", "results"))


def result_tables(a: Assessment) -> list[Table]:
    """One table per kind of target, every indicator and standard by name (for xlsx)."""
    tables = []
    for kind in a.kinds():
        results = a.by_kind(kind)
        first = results[0]
        extra, selfs = _has_extra(results), _self_ids(results)
        heads = {line.id: f"{line.id} {line.name}" for line in first.lines}
        headers = [tr("排名", "rank"), tr("编号", "key"), tr("对象", "target"), tr("单位/职务", "unit/post"),
                   *_score_heads(first), *(_extra_heads() if extra else []), tr("总分", "total"),
                   *(tr(f"自评：{heads.get(i, i)}", f"self-score: {heads.get(i, i)}") for i in selfs),
                   tr("一票否决", "veto"), tr("按分数等次", "grade by score"), tr("等次", "grade"), tr("说明", "notes")]
        # typed for the workbook: ranks and points are numbers Excel can sum and sort
        rows: list[list[Cell]] = [[r.rank, r.target.key, r.target.name, r.target.post, *_score_cells(r),
                                   *(_extra_cells(r) if extra else []), r.total, *_self_cells(r, selfs),
                                   _vetoes(r), r.score_grade, r.grade, _notes(r)] for r in results]
        title = f"{a.region}{a.year}" + tr(f"年度{kind_word(kind)}考核得分", f" {kind_word(kind)} scores")
        tables.append(Table(title, headers, rows, sheet=kind_word(kind)))
    return [*tables, indicator_table(a)]


def _self_cells(r: Result, ids: list[str]) -> list[Cell]:
    """The target's self-score per indicator in `ids`; empty where it gave none."""
    mine = dict(r.extra.selfs) if r.extra else {}
    return [mine.get(ind, "") for ind in ids]


def _score_heads(first: Result) -> list[str]:
    """Every indicator, then every 项目 subtotal, every standard, every bonus item, by name."""
    ind_heads = [f"{line.id} {line.name}（{num(line.max)}）" for line in first.lines]
    group_heads = [f"{ordinal(i)}（{g + 1}）{grp.name}（{num(grp.max)}）" for i, s in enumerate(first.standards)
                   for g, grp in enumerate(s.groups)]
    std_heads = [f"{ordinal(i)}{s.name}（{num(s.share_max)}）" for i, s in enumerate(first.standards)]
    bonus = first.extra.bonus_lines if first.extra else ()
    return [*ind_heads, *group_heads, *std_heads,
            *(tr(f"{x.id} {x.name}（加分，{num(x.max)}）", f"{x.id} {x.name} (bonus, {num(x.max)})") for x in bonus)]


def _score_cells(r: Result) -> list[Cell]:
    bonus = r.extra.bonus_lines if r.extra else ()
    return [*(line.points for line in r.lines), *(g.points for s in r.standards for g in s.groups),
            *(s.points for s in r.standards), *(line.points for line in bonus)]


def indicator_table(a: Assessment) -> Table:
    """The scheme's indicators, one row each, with their 项目 and 说明 (a sheet of the workbook)."""
    headers = [tr("对象类别", "kind"), tr("标准", "standard"), tr("项目", "group"), tr("编号", "id"),
               tr("名称", "name"), tr("分值", "points"), tr("类型", "type"), tr("说明", "note")]
    rows: list[list[Cell]] = []
    for kind in a.kinds():
        ts = a.scheme.targets.get(kind)
        assert ts is not None
        for i, std in enumerate(ts.standards):
            for _, g, ind in std.placed():
                group = std.groups[g].name if g is not None else ""
                rows.append([kind_word(kind), f"{ordinal(i)}{std.name}", group, ind.id, ind.name, ind.points,
                             ind.kind, ind.note or ""])
        rows += [[kind_word(kind), tr("加分项", "bonus"), "", ind.id, ind.name, ind.points, ind.kind, ind.note or ""]
                 for ind in ts.bonus]
    title = a.scheme.name + tr("指标", " indicators")
    return Table(title, headers, rows, sheet=tr("指标说明", "indicators"))


def _d(value: Decimal) -> float:
    return float(value)


def result_dict(r: Result, scheme: Scheme | None = None) -> dict[str, Any]:
    x = r.target
    return {
        "key": x.key, "kind": x.kind, "unit": x.unit, "leader": x.leader, "name": x.name, "post": x.post,
        "start": x.start.isoformat(), "end": x.end.isoformat(),
        "standards": [{"name": s.name, "max": _d(s.max), "weight": _d(s.weight) if s.weight is not None else None,
                       "raw": _d(s.raw), "points": _d(s.points), "calc": text(s.calc),
                       "indicators": [{"id": line.id, "name": line.name, "kind": line.kind, "max": _d(line.max),
                                       "points": _d(line.points), "input": text(line.input), "rule": text(line.rule),
                                       "calc": text(line.calc), "details": [text(d) for d in line.details],
                                       **({"note": line.note} if line.note else {})}
                                      for line in s.lines],
                       **({"groups": [{"name": g.name, "max": _d(g.max), "points": _d(g.points),
                                       "indicators": [line.id for line in g.lines]} for g in s.groups]}
                          if s.groups else {})}
                      for s in r.standards],
        "total": _d(r.total),
        "vetoes": [{"id": v.id, "name": v.name, "cap": v.cap, "reason": text(v.reason)} for v in r.vetoes],
        "grade_by_score": r.score_grade, "grade": r.grade, "grade_steps": [text(s) for s in r.steps],
        "rank": r.rank, "of": r.of, "notes": [text(n) for n in r.notes],
        **(extra_dict(scheme, r.total, r.extra, _d) if scheme is not None else {}),
    }


def assessment_json(a: Assessment) -> dict[str, Any]:
    """The whole assessment as plain data (numbers as JSON numbers with two decimals)."""
    return {
        "scheme": a.scheme.name, "year": a.year, "region": a.region, "full": _d(a.scheme.full),
        "results": [result_dict(r, a.scheme) for r in a.results],
        "quota": [{"kind": q.kind, "grade": q.grade, "count": q.count, "percent": _d(q.percent),
                   "allowed": q.allowed, "kept": list(q.kept), "demoted": list(q.demoted),
                   "tiebreak": list(q.tiebreak)} for q in a.quota],
    }
