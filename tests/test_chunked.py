"""The plan's long table laid out in parts (lzzr.render.chunked) reads as the one-pass layout:
the same pages with the same text, page numbers continued on the right sides, the header row on
every page, the outline and the document information of the one-pass PDF; the layout check
passes. A document in one part is the one-pass PDF byte for byte."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from lzzr.decompose.plan import plan_context
from lzzr.render.chunked import TABLE_SECTIONS, _cut, _end, _spans, long_table_pdf
from lzzr.render.renderer import Renderer, renderer_for
from lzzr.workspace.load import load_workspace
from tests.layoutcheck import Expect, check_pdf, workspace_words
from tests.pdfutil import apart_results, needs_poppler, pdf_text, same_information, same_pages
from tests.test_layout_demo import header_words

from .helpers import SAMPLE


def test_a_part_drops_the_pages_of_its_last_two_rows_and_the_page_before() -> None:
    # rows 0..9 of a part: pages hold [0,1,2], [3,4,5], [6,7], [8,9]
    assert _cut([[0, 1, 2], [3, 4, 5], [6, 7], [8, 9]], 10, more=True) == (2, 6)
    # the last two rows (8, 9) begin on the third page: the second page may be short, it goes too
    assert _cut([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]], 10, more=True) == (1, 3)
    # a row cut across pages is never a seam: 4 runs over, so the seam moves back to 3
    assert _cut([[0, 1, 2], [3, 4], [4, 5, 6, 7], [7, 8, 9]], 10, more=True) == (1, 3)
    # front matter without rows stays; the last part keeps every page
    assert _cut([[], [0, 1], [2, 3], [4, 5, 6, 7], [8, 9]], 10, more=True) == (3, 4)
    assert _cut([[], [0, 1], [2]], 3, more=False) == (3, 3)
    # no progress possible: None (the caller lays the document out in one pass)
    assert _cut([[], [0, 1, 2]], 3, more=True)[1] is None


class _Counting:
    """A renderer double: records what is laid out."""

    def __init__(self) -> None:
        self.laid: list[str] = []

    def html(self, template: str, context: dict[str, Any]) -> str:
        return f"{template}:{len(context['rows'])}"

    def pdf_bytes(self, html: str, variant: str | None = None) -> bytes:
        self.laid.append(html)
        return html.encode()


def test_rows_in_one_part_or_a_pdf_variant_are_laid_out_in_one_pass() -> None:
    fake = _Counting()
    context = {"rows": list(range(5))}
    assert long_table_pdf(fake, "plan.html", context, part_rows=5) == b"plan.html:5"  # type: ignore[arg-type]
    assert long_table_pdf(fake, "plan.html", context, part_rows=2, variant="pdf/a-2b") == b"plan.html:5"  # type: ignore[arg-type]
    assert fake.laid == ["plan.html:5", "plan.html:5"]


def test_a_template_whose_rows_are_not_table_rows_is_laid_out_in_one_pass(tmp_path: Path) -> None:
    (tmp_path / "list.html").write_text(
        "<html><body>{% for r in rows %}<p>{{ r }}</p>{% endfor %}<table><tbody><tr><td>x</td></tr>"
        "</tbody></table></body></html>", encoding="utf-8")
    renderer = Renderer([tmp_path])
    context = {"rows": [f"第{i}行" for i in range(6)]}
    one_pass = renderer.pdf_bytes(renderer.html("list.html", context))
    assert long_table_pdf(renderer, "list.html", context, part_rows=2) == one_pass


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Any]:
    """The sample's plan in one pass and in parts of 60 rows (165 rows: three parts)."""
    ws, _ = load_workspace(SAMPLE)
    renderer, context = renderer_for(ws), plan_context(ws)
    assert len(context["rows"]) > 120
    root = tmp_path_factory.mktemp("plans")
    one, parts = root / "one.pdf", root / "parts.pdf"
    one.write_bytes(renderer.pdf_bytes(renderer.html("plan.html", context)))
    parts.write_bytes(long_table_pdf(renderer, "plan.html", context, part_rows=60))
    return one, parts, ws


@needs_poppler
def test_the_plan_in_parts_has_the_pages_of_the_plan_in_one_pass(plans: tuple[Path, Path, Any]) -> None:
    one, parts, _ = plans
    got = same_pages(one, parts)
    with_header = [i for i, page in enumerate(got) if "编号" in page]  # the table's header row
    assert with_header == list(range(with_header[0], with_header[-1] + 1)) and len(with_header) > 40


def test_the_plan_in_parts_keeps_outline_and_document_information(plans: tuple[Path, Path, Any]) -> None:
    one, parts = (PdfReader(io.BytesIO(p.read_bytes())) for p in plans[:2])

    def outline(reader: PdfReader) -> list[tuple[str, int]]:
        flat: list[Any] = []
        stack: list[Any] = list(reader.outline)
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack = item + stack
            else:
                flat.append((item.title, reader.get_destination_page_number(item)))
        return flat

    assert outline(parts) == outline(one) and len(outline(one)) == 2
    same_information(one, parts)


@needs_poppler
def test_the_plan_in_parts_passes_the_layout_check(plans: tuple[Path, Path, Any]) -> None:
    _, parts, ws = plans
    assert check_pdf(parts, workspace_words(ws, header_words()), Expect(gongwen=True, landscape=True)) == []


def test_a_section_of_rows_ends_before_a_top_level_task() -> None:
    # rows 0..9, top-level tasks at 0, 3, 7 (the others their sub-tasks), six rows a part
    breaks = [i in (0, 3, 7) for i in range(10)]
    assert _end([1] * 10, 0, 6, 1, breaks) == 3  # not 6: row 6 is a sub-task of 3
    assert _end([1] * 10, 3, 6, 1, breaks) == 7
    assert _end([1] * 10, 7, 6, 1, breaks) == 10  # the rest
    # a task with more sub-tasks than a part holds is cut where the part is full
    assert _end([1] * 10, 0, 6, 1, [i == 0 for i in range(10)]) == 6
    assert _spans([1] * 10, 6, breaks) == [(0, 3), (3, 7), (7, 10)]


@pytest.fixture(scope="module", params=[1, 2], ids=["one-process", "two-processes"])
def sections(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], Any]:
    """The sample's plan in sections of at most 60 rows (what `lzzr decompose` does with more than
    `PART_ROWS`), laid out in one process or two; and the ids of the rows that open a section."""
    ws, _ = load_workspace(SAMPLE)
    renderer, context = renderer_for(ws), plan_context(ws)
    breaks = [row["depth"] == 0 for row in context["rows"]]
    path = tmp_path_factory.mktemp("sections") / f"plan-{request.param}.pdf"
    with apart_results() as apart:
        path.write_bytes(long_table_pdf(renderer, "plan.html", context, part_rows=60, items=TABLE_SECTIONS,
                                        workers=request.param, breaks=breaks))
    assert apart == ([True] if request.param > 1 else [])  # in two processes: apart, not one after another
    spans = _spans([1] * len(breaks), 60, breaks)
    assert len(spans) >= 3
    return path, [str(context["rows"][start]["id"]) for start, _ in spans], ws


def _ids_on(page: str) -> set[str]:
    return set(re.findall(r"(?<![\w.])T\d+(?:\.\d+)*(?![\w.])", page))


@needs_poppler
def test_sections_of_the_plan_each_start_a_page_and_are_the_same_in_two_processes(
        sections: tuple[Path, list[str], Any], tmp_path: Path) -> None:
    path, openers, ws = sections
    pages = pdf_text(path, layout=True).split("\f")
    for opener in openers[1:]:  # a section's first row opens a page: the row before it is on an earlier page
        (at,) = [i for i, page in enumerate(pages) if opener in _ids_on(page)][:1]
        assert "编号" in pages[at]  # under the header row
        assert not any(i >= at for i, page in enumerate(pages) if _before(ws, opener) in _ids_on(page)), opener
    serial = tmp_path / "serial.pdf"
    context = plan_context(ws)
    serial.write_bytes(long_table_pdf(renderer_for(ws), "plan.html", context, part_rows=60, items=TABLE_SECTIONS,
                                      breaks=[row["depth"] == 0 for row in context["rows"]]))
    assert same_pages(serial, path)  # numbered alike, page for page, in one process or two
    assert check_pdf(path, workspace_words(ws, header_words()), Expect(gongwen=True, landscape=True)) == []


def _before(ws: Any, row_id: str) -> str:
    ids = [str(row["id"]) for row in plan_context(ws)["rows"]]
    return ids[ids.index(row_id) - 1]
