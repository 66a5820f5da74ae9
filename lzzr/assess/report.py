"""The assessment report (考核报告) PDF: summary, ranking tables, charts, one score sheet per target.

`report_context` turns an Assessment into plain strings and numbers for the template
(templates/assessment.html + assessment.css); the charts are computed here as geometry
(bars, ticks, labels in SVG user units) and drawn by the template as inline SVG, so the
template stays free of arithmetic and no script runs.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lzzr.assess.explain import kind_word, ordinal
from lzzr.assess.extras import Extra
from lzzr.assess.facts import Line, q2
from lzzr.assess.score import Assessment, Result, StandardResult
from lzzr.i18n import text
from lzzr.numbers import num
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import cn_date
from lzzr.workspace.records import polls, ratings

if TYPE_CHECKING:
    from lzzr.render.renderer import Renderer

GRADE_COLOURS = ("#a61b1b", "#d9822b", "#5b8fb0", "#9a9a9a", "#4d4d4d", "#2f2f2f")
STANDARD_COLOURS = ("#8c2d19", "#d9822b", "#e6c27a", "#6f9bb3", "#34556e", "#7a7a7a", "#b5b5b5")
# One SVG unit is one point: the chart is drawn 156 mm (442.2 pt) wide, so the template's
# font sizes are printed sizes (labels 9 pt).
CHART_W = 442.2
LABEL_W = 118.0
VALUE_W = 44.0
ROW_H = 13.0
TOP = 34.0
LABEL_PT = 9.0
# Bars per figure: 36 rows and the section heading fill a page; more targets of a kind are drawn
# in several figures of equal share (a city's 57 teams in 29 and 28), never one that runs off it.
CHART_BARS = 36
# The report's score sheets are laid out in parts of about this weight (lzzr.render.chunked;
# `sheet_weight`: about 23 to a page, so ~200 pages a part; the sample's 88 sheets weigh
# 4,217 and stay one pass). docs/performance.md: "The assessment report in parts".
PART_WEIGHT = 5000
# Internal record codes (测评 MC-xcb, 评定 PD-rrye) that the report's readers need not see.
_CODE = re.compile(r"\s*（[A-Z]{1,4}-[\w-]+）|\s+[A-Z]{1,4}-[a-z0-9][\w-]*(?=[：:，。\s]|$)")


def report_date(ws: Workspace, a: Assessment) -> dt.date:
    """The latest date on the polls and rating sheets (the assessment's last step), else 31 December."""
    days = [p.date for p in polls(ws).values() if p.date] + [s.date for s in ratings(ws).values() if s.date]
    return max(days) if days else dt.date(a.year, 12, 31)


def _x(value: Decimal, full: Decimal) -> float:
    """The x of a score; a total above the full marks (a bonus) is drawn at the full marks."""
    plot = CHART_W - LABEL_W - VALUE_W
    return round(LABEL_W + float(min(value, full) / full) * plot, 2) if full else LABEL_W


def _axis(a: Assessment, height: float) -> dict[str, Any]:
    full = a.scheme.full
    step = full / 10
    ticks = [{"x": _x(step * i, full), "label": num(step * i)} for i in range(11)]
    # Grade lines start below their labels, which take two rows so that neighbours never overlap.
    bands = [{"x": _x(b.min, full), "label": f"{b.name}{num(b.min)}", "y": TOP - 16 - 11 * (i % 2)}
             for i, b in enumerate(b for b in a.scheme.bands if 0 < b.min < full)]
    bottom = height - 16
    return {"ticks": ticks, "bands": bands, "bottom": bottom, "labels_y": bottom + 12, "top": TOP - 4,
            "left": LABEL_W, "right": _x(full, full), "size": LABEL_PT}


def chart_parts(results: list[Result]) -> list[tuple[list[Result], str]]:
    """The results of one kind split into figures of at most CHART_BARS bars, each with what its
    title adds (nothing for one figure, `（第 1—29 名）` for a part)."""
    if len(results) <= CHART_BARS:
        return [(results, "")] if results else []
    count = -(-len(results) // CHART_BARS)
    size = -(-len(results) // count)
    parts = [results[i:i + size] for i in range(0, len(results), size)]
    return [(part, f"（第 {part[0].rank}—{part[-1].rank} 名）") for part in parts]


def totals_chart(a: Assessment, kind: str = "班子", part: list[Result] | None = None, of: str = "") -> dict[str, Any]:
    """Horizontal bars of the totals of one kind of target (or `part` of them), best first,
    coloured by grade."""
    results = a.by_kind(kind) if part is None else part
    height = TOP + ROW_H * len(results) + 20
    colours = {b.name: GRADE_COLOURS[min(i, len(GRADE_COLOURS) - 1)] for i, b in enumerate(a.scheme.bands)}
    bars = [{"label": _label(r), "y": TOP + ROW_H * i, "ty": TOP + ROW_H * i + ROW_H - 4.5, "h": ROW_H - 3,
             "x": LABEL_W, "lx": LABEL_W - 4,
             "w": round(_x(r.total, a.scheme.full) - LABEL_W, 2), "value": str(r.total),
             "vx": _x(r.total, a.scheme.full) + 3, "colour": colours.get(r.grade, "#777"),
             "veto": bool(r.vetoes), "vw": _text_w(str(r.total) + (" 否决" if r.vetoes else ""))}
            for i, r in enumerate(results)]
    legend = [{"label": b.name, "colour": colours[b.name]} for b in a.scheme.bands]
    axis = _axis(a, height)
    for band in axis["bands"]:
        band["segments"] = _band_segments(band["x"], bars, axis["top"], axis["bottom"])
    return {"width": CHART_W, "height": height, "height_mm": _mm(height), "bars": bars, "axis": axis,
            "legend": legend, "title": f"{kind_word(kind)}总分{of}", "kind": "totals"}


def _band_segments(x: float, bars: list[dict[str, Any]], top: float, bottom: float) -> list[tuple[float, float]]:
    """A grade line from `top` to `bottom`, interrupted at the rows whose score label it would cross."""
    segments, start = [], top
    for bar in bars:
        if bar["vx"] - 1 <= x <= bar["vx"] + bar["vw"]:
            if bar["y"] - 1 > start:
                segments.append((start, round(bar["y"] - 1, 2)))
            start = bar["y"] + ROW_H
    if bottom > start:
        segments.append((start, bottom))
    return segments


def stacked_chart(a: Assessment, kind: str = "班子", part: list[Result] | None = None, of: str = "") -> dict[str, Any]:
    """Each target's total (of one kind, or of `part` of them) split into its standards (one
    colour each), on a grey bar of full marks."""
    results = a.by_kind(kind) if part is None else part
    height = TOP + ROW_H * len(results) + 20
    full = a.scheme.full
    rows = []
    for i, r in enumerate(results):
        y, start, segments = TOP + ROW_H * i, Decimal(0), []
        for j, s in enumerate(r.standards):
            x0, x1 = _x(start, full), _x(start + s.points, full)
            segments.append({"x": x0, "w": round(x1 - x0, 2), "colour": STANDARD_COLOURS[j % len(STANDARD_COLOURS)],
                             "title": f"{s.name} {s.points}"})
            start += s.points
        rows.append({"label": _label(r), "y": y, "ty": y + ROW_H - 4.5, "lx": LABEL_W - 4, "h": ROW_H - 3,
                     "segments": segments, "full_w": _x(full, full) - LABEL_W, "value": str(r.total),
                     "vx": _x(full, full) + 3})
    names = list(results[0].standards) if results else []
    legend = [{"label": f"{ordinal(j)}{s.name}（{num(s.share_max)}）",
               "colour": STANDARD_COLOURS[j % len(STANDARD_COLOURS)]} for j, s in enumerate(names)]
    return {"width": CHART_W, "height": height, "height_mm": _mm(height), "rows": rows, "axis": _axis(a, height),
            "legend": legend, "title": f"{kind_word(kind)}各项标准得分{of}", "kind": "stacked"}


def _text_w(text: str) -> float:
    """The width of a label at LABEL_PT (digits and Latin half a character wide), for the white
    ground that keeps grade lines from running through it."""
    return round(sum(LABEL_PT if ord(ch) > 0x2000 else LABEL_PT * 0.55 for ch in text) + 2, 1)


def _mm(height: float) -> float:
    """The chart's printed height: it is drawn 156 mm wide (the text block)."""
    return round(height * 156 / CHART_W, 1)


def _label(r: Result) -> str:
    """A chart label: the unit for a team, the name (and unit) for a leader."""
    if r.target.kind == "班子":
        return r.target.unit_label
    return f"{r.target.name}（{r.target.unit_label}）" if r.target.unit_label else r.target.name


def measure(kind: str) -> str:
    """The measure word: teams are counted with 个, people with 人."""
    return "个" if kind in ("班子", kind_word("班子")) else "人"


def plain(value: Any) -> str:
    """Report wording: mainland quotation marks “” instead of 「」, and no internal record codes."""
    return _CODE.sub("", text(value)).replace("「", "“").replace("」", "”")


def numeral(i: int) -> str:
    """一 … 十 for a column head (no 、)."""
    return ordinal(i).rstrip("、.")


def ranking(a: Assessment, kind: str) -> dict[str, Any]:
    results = a.by_kind(kind)
    heads = [(numeral(i), f"({num(s.share_max)})") for i, s in enumerate(results[0].standards)] if results else []
    extra = any(_extra(r) for r in results)
    if extra:
        heads += [("加分", ""), ("酌情", "扣分")]
    rows = [{"rank": r.rank, "name": _label(r) if kind == "班子" else r.target.name,
             "post": r.target.post if kind != "班子" else "",
             "subtotals": [str(s.points) for s in r.standards] + (_bonus_cut(r) if extra else []),
             "total": str(r.total), "grade": r.grade, "veto": "、".join(v.name for v in r.vetoes),
             "capped": r.grade != r.score_grade} for r in results]
    names = [f"{ordinal(i)}{s.name}" for i, s in enumerate(results[0].standards)] if results else []
    return {"kind": kind_word(kind), "heads": heads, "names": names, "rows": rows, "count": len(results),
            "measure": measure(kind), "extra": extra}


def _bonus_cut(r: Result) -> list[str]:
    """A ranking row's 加分 and 酌情扣分 columns."""
    return [str(r.extra.bonus), str(r.extra.cut)] if r.extra else ["0.00", "0.00"]


def grade_counts(a: Assessment) -> dict[str, Any]:
    bands = [b.name for b in a.scheme.bands]
    rows = [{"kind": kind_word(k), "counts": [sum(1 for r in a.by_kind(k) if r.grade == b) for b in bands],
             "total": len(a.by_kind(k))} for k in a.kinds()]
    return {"bands": bands, "rows": rows}


def _line(line: Line, extra: Extra | None = None) -> dict[str, Any]:
    return {"id": line.id, "name": line.name, "max": num(line.max), "input": plain(line.input),
            "details": [plain(d) for d in line.details], "rule": plain(line.rule), "calc": plain(line.calc),
            "points": str(line.points), "note": line.note or "", "self": _self(line, extra)}


def _self(line: Line, extra: Extra | None) -> str:
    """`自评：9（考核组 5.00，相差 4，超过 2 分）` below the group's score, when there is a self-score."""
    own = extra.self_score(line.id) if extra else None
    if extra is None or own is None:
        return ""
    diff = abs(own - line.points)
    flag = f"，超过 {num(extra.gap)} 分" if extra.gap is not None and diff > extra.gap else ""
    return f"自评：{num(own)}（考核组 {line.points}，相差 {num(diff)}{flag}）"


def _standard(i: int, s: StandardResult, extra: Extra | None) -> dict[str, Any]:
    groups = [{"title": f"（{g + 1}）{grp.name}", "max": num(grp.max), "points": str(grp.points),
               "sum": " + ".join(str(line.points) for line in grp.lines),
               "lines": [_line(x, extra) for x in grp.lines]}
              for g, grp in enumerate(s.groups)]
    weight = num(s.weight) if s.weight is not None else ""
    return {"title": f"{ordinal(i)}{s.name}", "max": num(s.max), "weight": weight,
            "raw": str(s.raw), "points": str(s.points), "calc": plain(s.calc), "groups": groups,
            "lines": [] if groups else [_line(x, extra) for x in s.lines]}


def _extra(r: Result) -> dict[str, Any] | None:
    """The bonus items, the discretionary deductions with their reasons, and the total's sum."""
    x = r.extra
    if x is None or not (x.bonus_lines or x.cuts):
        return None
    capped = f"，超过上限，计 {x.bonus}" if x.bonus != x.bonus_raw else ""
    total = f"基础分 {x.base}" + (f" + 加分 {x.bonus}" if x.bonus_lines else "") + (
        f" − 酌情扣分 {x.cut}" if x.cuts else "")
    return {"cap": num(x.cap) if x.cap is not None else "", "bonus_lines": [_line(line, x) for line in x.bonus_lines],
            "bonus_sum": " + ".join(str(line.points) for line in x.bonus_lines) + f" = {x.bonus_raw}{capped}",
            "bonus": str(x.bonus), "cut": str(x.cut),
            "cuts": [{"id": c.id, "points": str(q2(c.points)), "reason": c.reason, "rater": c.rater} for c in x.cuts],
            "sum": total}


def sheet(a: Assessment, r: Result) -> dict[str, Any]:
    x = r.target
    extra = _extra(r)
    return {"key": x.key, "kind": kind_word(x.kind), "name": x.name, "post": x.post, "unit": x.unit_label,
            "rank": r.rank, "of": r.of, "measure": measure(x.kind), "total": str(r.total), "grade": r.grade,
            "score_grade": r.score_grade, "standards": [_standard(i, s, r.extra) for i, s in enumerate(r.standards)],
            "extra": extra, "base": str(r.base),
            "vetoes": [plain(f"{v.name}：{v.reason}（最高{v.cap}）") for v in r.vetoes],
            "steps": [plain(step) for step in r.steps], "notes": [plain(n) for n in r.notes],
            "sum": extra["sum"] if extra else " + ".join(str(s.points) for s in r.standards)}


def sheet_weight(s: dict[str, Any]) -> int:
    """About how many printed lines a score sheet takes: its head, and per indicator its rows
    (name, rule, calculation) and one for each detail (a task, a record)."""
    lines = [x for st in s["standards"] for x in [*st["lines"], *(y for g in st["groups"] for y in g["lines"])]]
    if s["extra"]:
        lines += s["extra"]["bonus_lines"]
    return 8 + len(s["notes"]) + sum(3 + len(x["details"]) for x in lines)


def quota_lines(a: Assessment) -> list[str]:
    lines = []
    for q in a.quota:
        tie = "、".join(q.tiebreak) or "—"
        m = measure(q.kind)
        lines.append(f"{kind_word(q.kind)}共 {q.count} {m}，“{q.grade}”不超过 {num(q.percent)}%，即 {q.allowed} {m}；"
                     f"按总分达到“{q.grade}”的 {len(q.kept) + len(q.demoted)} {m}，评定 {len(q.kept)} {m}，"
                     f"{len(q.demoted)} {m}因名额所限改评下一等次"
                     f"（总分相同比较{tie}得分，仍相同而名额不够的均不评定）。")
    return lines


def method(a: Assessment) -> str:
    """The method paragraph: each fixed sentence only when the scheme has what it speaks of
    (the poll, weights, bonus items, discretionary deductions, vetoes)."""
    scheme = a.scheme
    schemes = [ts for k in a.kinds() if (ts := scheme.targets.get(k)) is not None]
    kinds = {ind.kind for ts in schemes for std in ts.standards for ind in std.all}
    parts = [f"各项指标按考核方案计分，满分 {num(scheme.full)} 分"]
    if "民主测评" in kinds:
        parts.append("民主测评结果计入总分")
    if any(std.weight is not None for ts in schemes for std in ts.standards):
        parts.append("各项标准按权重折算")
    caps = [f"{kind_word(k)}最多加 {num(ts.bonus_cap)} 分" for k in a.kinds()
            if (ts := scheme.targets.get(k)) is not None and ts.bonus and ts.bonus_cap is not None]
    if any(ts.bonus for ts in schemes):
        parts.append("加分项在满分之外另计" + (f"（{'、'.join(caps)}）" if caps else ""))
    if scheme.discretion_cap is not None:
        parts.append(f"考核组可酌情扣分，每个对象合计不超过 {num(scheme.discretion_cap)} 分，扣分原因列入评分表")
    if scheme.vetoes:
        parts.append("发生一票否决情形的，等次不超过否决条款规定的等次")
    return "；".join(parts) + "。分数保留两位小数，四舍五入，每一步使用上一步显示的数值。"


def extras_line(a: Assessment) -> str:
    """How many targets got a bonus and how many a discretionary deduction; empty when the
    scheme has neither bonus items nor a discretion cap."""
    has_bonus = any((ts := a.scheme.targets.get(k)) is not None and ts.bonus for k in a.kinds())
    parts = []
    if has_bonus:
        n = sum(1 for r in a.results if r.extra and r.extra.bonus > 0)
        parts.append(f"有 {n} 个对象获得加分" if n else "没有对象获得加分")
    if a.scheme.discretion_cap is not None:
        n = sum(1 for r in a.results if r.extra and r.extra.cuts)
        parts.append(f"有 {n} 个对象被考核组酌情扣分（扣分原因见评分表）" if n else "考核组没有酌情扣分")
    return f"本年度{'，'.join(parts)}。" if parts else ""


def report_context(ws: Workspace, a: Assessment, font: str = "sans-serif") -> dict[str, Any]:
    """Everything the report template needs, as display text and chart geometry."""
    assert ws.config is not None
    vetoed = [r for r in a.results if r.vetoes]
    return {
        "title": f"{a.region}{a.year}年度党风廉政建设责任制考核报告",
        "title_lines": [f"{a.region}{a.year}年度", "党风廉政建设责任制考核报告"],
        "organ": ws.config.organ, "region": a.region, "year": a.year, "scheme": a.scheme.name,
        "full": num(a.scheme.full), "date": cn_date(report_date(ws, a)), "method": method(a),
        "has_vetoes": bool(a.scheme.vetoes), "extras": extras_line(a), "has_quota": a.scheme.quota is not None,
        "counts": {kind_word(k): f"{len(a.by_kind(k))} {measure(k)}" for k in a.kinds()},
        "grades": grade_counts(a),
        "bands": [{"name": b.name, "min": num(b.min), "conditions": "、".join(b.conditions)} for b in a.scheme.bands],
        "vetoes": [{"name": r.target.name, "kind": kind_word(r.target.kind),
                    "text": plain("；".join(f"{v.name}：{v.reason}，最高{v.cap}" for v in r.vetoes)),
                    "grade": r.grade} for r in vetoed],
        "quota": quota_lines(a),
        "rankings": [ranking(a, k) for k in a.kinds()],
        "charts": [totals_chart(a, k, part, of) for k in ("班子", "正职") for part, of in chart_parts(a.by_kind(k))]
        + [stacked_chart(a, "班子", part, of) for part, of in chart_parts(a.by_kind("班子"))],
        "sheets": [sheet(a, r) for r in a.results],
        "font": font,
    }


def report_filename(a: Assessment) -> str:
    return f"{a.year}-责任制考核报告.pdf"


def issue_report(ws: Workspace, a: Assessment, out_dir: Path, variant: str | None = None,
                 workers: int | None = None) -> Path:
    """Render the report to `out_dir`; return its path. The score sheets are laid out in parts
    (lzzr.render.chunked), so a city's report stays in bounded memory."""
    from lzzr.fsutil import write_atomic
    from lzzr.render.fonts import choose, css_stack
    from lzzr.render.renderer import renderer_for

    assert ws.config is not None
    font = css_stack(choose(ws.config.fonts)["hei"]).replace('"', "'")
    target = out_dir / report_filename(a)
    write_atomic(target, report_pdf(renderer_for(ws), report_context(ws, a, font), variant, workers=workers))
    return target


def report_pdf(renderer: Renderer, context: dict[str, Any], variant: str | None = None,
               part_weight: int = PART_WEIGHT, workers: int | None = None) -> bytes:
    """The report's PDF, its score sheets in parts of `part_weight` (one pass when they fit one),
    laid out in `workers` processes at once (default: one per free CPU, `lzzr.cpus.free_cpus`)."""
    from lzzr.cpus import free_cpus
    from lzzr.render.chunked import long_table_pdf, sections

    return long_table_pdf(renderer, "assessment.html", context, "sheets", part_weight, variant,
                          sections("sheet"), [sheet_weight(s) for s in context["sheets"]],
                          workers=free_cpus() if workers is None else workers)
