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
from typing import Any

from lzzr.assess.explain import kind_word, ordinal
from lzzr.assess.score import Assessment, Result
from lzzr.i18n import text
from lzzr.numbers import num
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import cn_date
from lzzr.workspace.records import polls, ratings

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
# Internal record codes (测评 MC-xcb, 评定 PD-rrye) that the report's readers need not see.
_CODE = re.compile(r"\s*（[A-Z]{1,4}-[\w-]+）|\s+[A-Z]{1,4}-[a-z0-9][\w-]*(?=[：:，。\s]|$)")


def report_date(ws: Workspace, a: Assessment) -> dt.date:
    """The latest date on the polls and rating sheets (the assessment's last step), else 31 December."""
    days = [p.date for p in polls(ws).values() if p.date] + [s.date for s in ratings(ws).values() if s.date]
    return max(days) if days else dt.date(a.year, 12, 31)


def _x(value: Decimal, full: Decimal) -> float:
    plot = CHART_W - LABEL_W - VALUE_W
    return round(LABEL_W + float(value / full) * plot, 2) if full else LABEL_W


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


def totals_chart(a: Assessment, kind: str = "班子") -> dict[str, Any]:
    """Horizontal bars of the totals of one kind of target, best first, coloured by grade."""
    results = a.by_kind(kind)
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
            "legend": legend, "title": f"{kind_word(kind)}总分", "kind": "totals"}


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


def stacked_chart(a: Assessment, kind: str = "班子") -> dict[str, Any]:
    """Each target's total split into its standards (one colour each), on a grey bar of full marks."""
    results = a.by_kind(kind)
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
            "legend": legend, "title": f"{kind_word(kind)}各项标准得分", "kind": "stacked"}


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
    rows = [{"rank": r.rank, "name": _label(r) if kind == "班子" else r.target.name,
             "post": r.target.post if kind != "班子" else "", "subtotals": [str(s.points) for s in r.standards],
             "total": str(r.total), "grade": r.grade, "veto": "、".join(v.name for v in r.vetoes),
             "capped": r.grade != r.score_grade} for r in results]
    names = [f"{ordinal(i)}{s.name}" for i, s in enumerate(results[0].standards)] if results else []
    return {"kind": kind_word(kind), "heads": heads, "names": names, "rows": rows, "count": len(results),
            "measure": measure(kind)}


def grade_counts(a: Assessment) -> dict[str, Any]:
    bands = [b.name for b in a.scheme.bands]
    rows = [{"kind": kind_word(k), "counts": [sum(1 for r in a.by_kind(k) if r.grade == b) for b in bands],
             "total": len(a.by_kind(k))} for k in a.kinds()]
    return {"bands": bands, "rows": rows}


def sheet(a: Assessment, r: Result) -> dict[str, Any]:
    x = r.target
    standards = [{"title": f"{ordinal(i)}{s.name}", "max": num(s.max),
                  "weight": num(s.weight) if s.weight is not None else "", "raw": str(s.raw),
                  "points": str(s.points), "calc": plain(s.calc),
                  "lines": [{"id": line.id, "name": line.name, "max": num(line.max), "input": plain(line.input),
                             "details": [plain(d) for d in line.details], "rule": plain(line.rule),
                             "calc": plain(line.calc), "points": str(line.points)} for line in s.lines]}
                 for i, s in enumerate(r.standards)]
    return {"key": x.key, "kind": kind_word(x.kind), "name": x.name, "post": x.post, "unit": x.unit_label,
            "rank": r.rank, "of": r.of, "measure": measure(x.kind), "total": str(r.total), "grade": r.grade,
            "score_grade": r.score_grade, "standards": standards,
            "vetoes": [plain(f"{v.name}：{v.reason}（最高{v.cap}）") for v in r.vetoes],
            "steps": [plain(step) for step in r.steps], "notes": [plain(n) for n in r.notes],
            "sum": " + ".join(str(s.points) for s in r.standards)}


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


def report_context(ws: Workspace, a: Assessment, font: str = "sans-serif") -> dict[str, Any]:
    """Everything the report template needs, as display text and chart geometry."""
    assert ws.config is not None
    vetoed = [r for r in a.results if r.vetoes]
    return {
        "title": f"{a.region}{a.year}年度党风廉政建设责任制考核报告",
        "title_lines": [f"{a.region}{a.year}年度", "党风廉政建设责任制考核报告"],
        "organ": ws.config.organ, "region": a.region, "year": a.year, "scheme": a.scheme.name,
        "full": num(a.scheme.full), "date": cn_date(report_date(ws, a)),
        "counts": {kind_word(k): f"{len(a.by_kind(k))} {measure(k)}" for k in a.kinds()},
        "grades": grade_counts(a),
        "bands": [{"name": b.name, "min": num(b.min), "conditions": "、".join(b.conditions)} for b in a.scheme.bands],
        "vetoes": [{"name": r.target.name, "kind": kind_word(r.target.kind),
                    "text": plain("；".join(f"{v.name}：{v.reason}，最高{v.cap}" for v in r.vetoes)),
                    "grade": r.grade} for r in vetoed],
        "quota": quota_lines(a),
        "rankings": [ranking(a, k) for k in a.kinds()],
        "charts": [c for k in ("班子", "正职") if a.by_kind(k) for c in (totals_chart(a, k),)]
        + ([stacked_chart(a, "班子")] if a.by_kind("班子") else []),
        "sheets": [sheet(a, r) for r in a.results],
        "font": font,
    }


def report_filename(a: Assessment) -> str:
    return f"{a.year}-责任制考核报告.pdf"


def issue_report(ws: Workspace, a: Assessment, out_dir: Path, variant: str | None = None) -> Path:
    """Render the report to `out_dir`; return its path."""
    from lzzr.render.fonts import choose, css_stack
    from lzzr.render.renderer import renderer_for

    assert ws.config is not None
    renderer = renderer_for(ws)
    font = css_stack(choose(ws.config.fonts)["hei"]).replace('"', "'")
    target = out_dir / report_filename(a)
    renderer.write_pdf("assessment.html", report_context(ws, a, font), target, variant)
    return target
