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
    return "；".join(notes)


def result_table(a: Assessment) -> Table:
    """Every target in one table: kind, rank, name, post, standard subtotals, total, vetoes, grade."""
    width = max((len(r.standards) for r in a.results), default=0)
    std_heads = [tr(f"标准{ordinal(i).rstrip('、.')}", f"standard {i + 1}") for i in range(width)]
    headers = [tr("类别", "kind"), tr("排名", "rank"), tr("对象", "target"), tr("单位/职务", "unit/post"),
               *std_heads, tr("总分", "total"), tr("一票否决", "veto"), tr("等次", "grade"), tr("说明", "notes")]
    rows = []
    for r in a.results:
        subtotals = [str(s.points) for s in r.standards] + [""] * (width - len(r.standards))
        rows.append([kind_word(r.target.kind), f"{r.rank}/{r.of}", r.target.name, r.target.post, *subtotals,
                     str(r.total), _vetoes(r), r.grade, _notes(r)])
    title = f"{a.region}{a.year}" + tr("年度党风廉政建设责任制考核结果", " clean-governance assessment")
    return Table(title, headers, rows, group=1, sheet=tr("考核结果", "results"))


def result_tables(a: Assessment) -> list[Table]:
    """One table per kind of target, every indicator and standard by name (for xlsx)."""
    tables = []
    for kind in a.kinds():
        results = a.by_kind(kind)
        first = results[0]
        ind_heads = [f"{line.id} {line.name}（{num(line.max)}）" for line in first.lines]
        std_heads = [f"{ordinal(i)}{s.name}（{num(s.share_max)}）" for i, s in enumerate(first.standards)]
        headers = [tr("排名", "rank"), tr("编号", "key"), tr("对象", "target"), tr("单位/职务", "unit/post"),
                   *ind_heads, *std_heads, tr("总分", "total"), tr("一票否决", "veto"),
                   tr("按分数等次", "grade by score"), tr("等次", "grade"), tr("说明", "notes")]
        # typed for the workbook: ranks and points are numbers Excel can sum and sort
        rows: list[list[Cell]] = [[r.rank, r.target.key, r.target.name, r.target.post,
                                   *[line.points for line in r.lines], *[s.points for s in r.standards],
                                   r.total, _vetoes(r), r.score_grade, r.grade, _notes(r)] for r in results]
        title = f"{a.region}{a.year}" + tr(f"年度{kind_word(kind)}考核得分", f" {kind_word(kind)} scores")
        tables.append(Table(title, headers, rows, sheet=kind_word(kind)))
    return tables


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
                                       "calc": text(line.calc), "details": [text(d) for d in line.details]}
                                      for line in s.lines]}
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
