"""The assessment report: A4, every target's name and total in the text, charts drawn as SVG."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.assess.report import issue_report, report_context, stacked_chart, totals_chart
from lzzr.assess.score import Assessment, assess
from lzzr.i18n import set_lang
from lzzr.render.renderer import renderer_for
from lzzr.workspace.load import Workspace, load_workspace
from lzzr.workspace.scheme import scheme_of

from .assess_base import tiny
from .pdfutil import needs_poppler, pdf_info, pdf_text


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


@pytest.fixture(scope="module")
def tiny_year(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, Assessment]:
    ws, _ = load_workspace(tiny(tmp_path_factory.mktemp("tiny")))
    scheme = scheme_of(ws)
    assert scheme is not None
    return ws, assess(ws, scheme)


def test_chart_geometry(tiny_year: tuple[Workspace, Assessment]) -> None:
    _, a = tiny_year
    chart = totals_chart(a)
    assert [b["label"] for b in chart["bars"]] == ["红岱镇", "财政局", "旗纪委"]
    full_width = chart["axis"]["right"] - chart["axis"]["left"]
    for bar, r in zip(chart["bars"], a.by_kind("班子"), strict=True):
        assert bar["w"] == pytest.approx(full_width * float(r.total) / 100, abs=0.02)
    assert [b["label"] for b in chart["axis"]["bands"]] == ["优秀90", "良好80", "合格60"]
    stacked = stacked_chart(a)
    for row, r in zip(stacked["rows"], a.by_kind("班子"), strict=True):
        assert sum(s["w"] for s in row["segments"]) == pytest.approx(full_width * float(r.total) / 100, abs=0.05)


def test_html_draws_svg_charts_and_a_sheet_per_target(tiny_year: tuple[Workspace, Assessment]) -> None:
    ws, a = tiny_year
    html = renderer_for(ws).html("assessment.html", report_context(ws, a))
    assert html.count("<svg") == 3  # totals of teams and of principals, standards of teams
    assert html.count('<section class="sheet">') == len(a.results) == 9
    assert "<script" not in html


@needs_poppler
def test_pdf_is_a4_and_names_every_target_with_its_total(tiny_year: tuple[Workspace, Assessment],
                                                         tmp_path: Path) -> None:
    ws, a = tiny_year
    path = issue_report(ws, a, tmp_path)
    assert path.name == "2026-责任制考核报告.pdf"
    info = pdf_info(path)
    assert re.match(r"595\.\d+ x 841\.\d+ pts \(A4\)", info["Page size"])
    text = pdf_text(path)
    flat = re.sub(r"\s+", "", text)
    assert "示例旗2026年度" in flat and "党风廉政建设责任制考核报告" in flat
    for r in a.results:
        assert f"评分表：{r.target.name}" in flat, r.target.key
        assert str(r.total) in flat, r.target.key
    assert int(info["Pages"]) >= 3 + len(a.results)
