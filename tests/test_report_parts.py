"""The assessment report's score sheets laid out in parts (lzzr.render.chunked, `sections`) read
as the one-pass layout: the same pages with the same text, the same outline (titles, target
pages, nesting under the report's title), the same document information; the parts pass the
layout check. A report whose sheets fit one part is laid out in one pass. Charts of more targets
than fit a page are drawn in several figures."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from pypdf import PdfReader

from lzzr.assess.report import CHART_BARS, PART_WEIGHT, chart_parts, report_context, report_pdf, sheet_weight
from lzzr.assess.score import assess
from lzzr.i18n import set_lang
from lzzr.render.chunked import _cut, _end
from lzzr.render.renderer import renderer_for
from lzzr.workspace.load import Workspace, load_workspace
from lzzr.workspace.scheme import scheme_of
from tests.layoutcheck import Expect, check_pdf, workspace_words
from tests.pdfutil import apart_results, needs_poppler, same_information, same_pages
from tests.test_layout_demo import header_words

from .assess_base import tiny


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def test_a_part_of_sections_ends_before_the_pages_of_its_last_section() -> None:
    # sheets 0..2 of a part, two pages each: the last one is laid out again by the next part
    assert _cut([[0], [0], [1], [1], [2], [2]], 3, more=True, tail=1, slack=0) == (4, 2)
    # a sheet that runs on from the page before is never cut at a seam
    assert _cut([[0], [0], [1], [1, 2], [2]], 3, more=True, tail=1, slack=0) == (2, 1)
    # one sheet alone cannot make progress: None (the caller lays the report out in one pass)
    assert _cut([[0], [0]], 1, more=True, tail=1, slack=0)[1] is None


def test_a_part_holds_what_its_weight_allows_and_at_least_enough_to_move_on() -> None:
    assert _end([30, 29, 27, 23, 22], 0, 60, 2) == 2
    assert _end([30, 29, 27, 23, 22], 2, 60, 2) == 4
    assert _end([100, 100, 1], 0, 60, 2) == 2  # heavier than a part: still two sheets
    assert _end([1] * 10, 4, 400, 3) == 10


class _Counting:
    """A renderer double: records what is laid out."""

    def __init__(self) -> None:
        self.laid: list[str] = []

    def html(self, template: str, context: dict[str, Any]) -> str:
        return f"{template}:{len(context['sheets'])}"

    def pdf_bytes(self, html: str, variant: str | None = None) -> bytes:
        self.laid.append(html)
        return html.encode()


def test_sheets_that_fit_one_part_are_laid_out_in_one_pass() -> None:
    fake = _Counting()
    sheet = {"standards": [{"lines": [{"details": ["T01"]}], "groups": []}], "extra": None, "notes": []}
    assert sheet_weight(sheet) == 8 + 3 + 1
    context = {"sheets": [sheet] * 5}
    assert report_pdf(fake, context, part_weight=60) == b"assessment.html:5"  # type: ignore[arg-type]
    assert report_pdf(fake, context, part_weight=20, variant="pdf/a-2b") == b"assessment.html:5"  # type: ignore[arg-type]
    assert report_pdf(fake, context) == b"assessment.html:5"  # type: ignore[arg-type]
    assert fake.laid == ["assessment.html:5"] * 3 and PART_WEIGHT > 5 * 12


@pytest.fixture(scope="module", params=[1, 2], ids=["one after another", "two processes"])
def reports(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> tuple[Path, Path, Workspace]:
    """The tiny workspace's report (9 sheets) in one pass and in parts of a third of its weight,
    laid out one after another or in two worker processes at once (unnumbered, the numbers
    drawn over them afterwards)."""
    root = tmp_path_factory.mktemp("report")
    set_lang("zh")
    ws, _ = load_workspace(tiny(root / "ws"))
    scheme = scheme_of(ws)
    assert scheme is not None
    renderer, context = renderer_for(ws), report_context(ws, assess(ws, scheme))
    total = sum(sheet_weight(s) for s in context["sheets"])
    one, parts = root / "one.pdf", root / "parts.pdf"
    one.write_bytes(report_pdf(renderer, context, part_weight=total))
    with apart_results() as apart:
        parts.write_bytes(report_pdf(renderer, context, part_weight=total // 3, workers=request.param))
    assert parts.read_bytes() != one.read_bytes()  # joined parts, not the one-pass fallback
    assert apart == ([True] if request.param > 1 else [])  # apart: laid out unnumbered, the numbers drawn over
    return one, parts, ws


def test_parts_apart_need_the_built_in_page_rules(tmp_path: Path) -> None:
    """A workspace's own stylesheet may number pages otherwise: its parts are laid out one after
    another (numbered as they go), never unnumbered and overlaid."""
    ws, _ = load_workspace(tiny(tmp_path / "ws"))
    assert not renderer_for(ws).own_stylesheets()
    (tmp_path / "ws" / "templates").mkdir()
    (tmp_path / "ws" / "templates" / "assessment.css").write_text("@page { margin: 20mm }", encoding="utf-8")
    assert renderer_for(load_workspace(tmp_path / "ws")[0]).own_stylesheets()


@needs_poppler
def test_the_report_in_parts_has_the_pages_of_the_report_in_one_pass(reports: tuple[Path, Path, Workspace]) -> None:
    one, parts, _ = reports
    got = same_pages(one, parts)
    assert sum("评分表：" in page for page in got) == 9


def _outline(reader: PdfReader) -> list[tuple[int, str, int, float]]:
    """(depth, title, target page, target top) of every bookmark, in order."""
    flat: list[tuple[int, str, int, float]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                page = reader.get_destination_page_number(item)
                flat.append((depth, str(item.title), -1 if page is None else page, round(float(item.top), 1)))

    walk(reader.outline, 0)
    return flat


def test_the_report_in_parts_keeps_outline_and_document_information(reports: tuple[Path, Path, Workspace]) -> None:
    one, parts = (PdfReader(io.BytesIO(p.read_bytes())) for p in reports[:2])
    expected = _outline(one)
    assert _outline(parts) == expected
    sheets = [entry for entry in expected if entry[1].startswith("评分表：")]
    assert len(sheets) == 9 and {depth for depth, *_ in sheets} == {1}  # under the report's title
    assert len({page for _, _, page, _ in sheets}) == 9
    same_information(one, parts)


@needs_poppler
def test_the_report_in_parts_passes_the_layout_check(reports: tuple[Path, Path, Workspace]) -> None:
    _, parts, ws = reports
    assert check_pdf(parts, workspace_words(ws, header_words()), Expect()) == []


def test_charts_of_many_targets_are_split_into_figures_that_fit_a_page() -> None:
    ranked: list[Any] = [SimpleNamespace(rank=i + 1) for i in range(57)]
    assert chart_parts(ranked[:CHART_BARS]) == [(ranked[:CHART_BARS], "")]
    parts = chart_parts(ranked)
    assert [len(p) for p, _ in parts] == [29, 28]
    assert [of for _, of in parts] == ["（第 1—29 名）", "（第 30—57 名）"]
    assert chart_parts([]) == []
