"""to_xlsx writes its cells as XML itself (lzzr/render/xlsxfile.py SheetXml), not through
openpyxl's cell objects. The reference here is the workbook openpyxl writes for the same
tables with its own cells (the code of `to_xlsx` before SheetXml, built in the test through
openpyxl's public API): every XML part must be the same bytes (docProps/core.xml's times
aside), and a workbook read back with openpyxl the same cell by cell, value and style."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from decimal import Decimal
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from lzzr.decompose.views import plan_table, static_view
from lzzr.render.tables import Table, _xlsx_width, sheet_title, to_xlsx, xlsx_cell
from lzzr.workspace.load import load_workspace

from .helpers import SAMPLE

EPOCH = "1772064000"

ODD = Table("边角", ["文本", "数", "日期", "空"], [
    ["=SUM(A1:A2)", 3, dt.date(2026, 6, 30), ""],
    ["#N/A", 2.5, dt.date(2026, 12, 31), " 前后有空格 "],
    ["a & b < c > d \"引号\" 'x'", Decimal("98.50"), "2026年6月30日", "\t制表"],
    ["换行\n第二行\r\n第三行", Decimal("100"), "", "😀 扩展区 𠀀"],
    ["响\x07铃\x1b", -1, "x" * 40_000, "\u3000全角空格"],
    ["", "", "", "末"],
], group=1, sheet="边/角:1")
HEADER_ONLY = Table("只有表头", ["甲", "乙"], [])
TYPED_HEADER = Table("数字表头", ["编号", "2026", "=x"], [["a", "b", "c"]])


def reference(*tables: Table) -> bytes:
    """The workbook as openpyxl writes it for cells it holds (to_xlsx before SheetXml)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(sheet_title(table.sheet or table.title))
        body = Alignment(wrap_text=True, vertical="top")
        for r, row in enumerate([table.headers, *table.rows], start=1):
            for c, value in enumerate(row, start=1):
                cell = sheet.cell(row=r, column=c)
                xlsx_cell(cell, value)
                cell.alignment = body
        for cell in sheet[1] if table.headers else ():
            cell.font, cell.fill = Font(bold=True), PatternFill("solid", fgColor="D9E1F2")
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        sheet.freeze_panes = "A2"
        sheet.print_title_rows = "1:1"
        sheet.page_setup.orientation, sheet.page_setup.paperSize = "landscape", sheet.PAPERSIZE_A4
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
        if table.rows:
            sheet.auto_filter.ref = sheet.dimensions
        for i, header in enumerate(table.headers):
            sheet.column_dimensions[get_column_letter(i + 1)].width = _xlsx_width(header, (row[i] for row in table.rows))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def parts(data: bytes) -> dict[str, bytes]:
    """Every part but the times, a character beyond ASCII as UTF-8 wherever it is written as a
    character reference (openpyxl writes `&#20849;`, SheetXml the character itself)."""
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {name: _chars(book.read(name)) for name in book.namelist() if name != "docProps/core.xml"}


def _chars(xml: bytes) -> bytes:
    return re.sub(rb"&#(\d+);", lambda m: chr(int(m[1])).encode() if int(m[1]) > 127 else m[0], xml)


@pytest.fixture(scope="module")
def sample_tables() -> tuple[Table, Table]:
    ws, _ = load_workspace(SAMPLE)
    return static_view(ws), plan_table(ws)


@pytest.mark.parametrize("tables", [(ODD,), (HEADER_ONLY, ODD), (TYPED_HEADER,)])
def test_every_part_is_what_openpyxl_writes(tables: tuple[Table, ...]) -> None:
    ours, theirs = parts(to_xlsx(*tables)), parts(reference(*tables))
    assert list(ours) == list(theirs)
    for name in theirs:
        assert ours[name] == theirs[name], name


def test_the_cells_are_utf8_and_cr_stays_a_reference() -> None:
    with zipfile.ZipFile(io.BytesIO(to_xlsx(ODD))) as book:
        sheet = book.read("xl/worksheets/sheet1.xml")
    assert "前后有空格".encode() in sheet and "😀 扩展区 𠀀".encode() in sheet  # a third of the bytes
    assert b"&#13;" in sheet and b"\r" not in sheet  # XML would read a bare CR as a line feed
    sheet.decode("utf-8")


def test_the_sample_decomposition_is_what_openpyxl_writes(sample_tables: tuple[Table, Table],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    ours = to_xlsx(*sample_tables)
    assert parts(ours) == parts(reference(*sample_tables))
    assert ours == to_xlsx(*sample_tables)  # reproducible bytes


def cells(data: bytes) -> list[list[tuple[Any, ...]]]:
    """Every cell of every sheet as a user sees it: value, type, number format, font, fill, alignment."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    out = []
    for sheet in book.worksheets:
        out.append([(sheet.title, sheet.freeze_panes, sheet.auto_filter.ref, sheet.print_title_rows,
                     sheet.dimensions, [(k, d.width) for k, d in sorted(sheet.column_dimensions.items())])])
        out.append([(c.coordinate, c.value, c.data_type, c.number_format, c.font.b, c.fill.fgColor.rgb,
                     c.fill.fill_type, c.alignment.horizontal, c.alignment.vertical, c.alignment.wrap_text)
                    for row in sheet.iter_rows() for c in row])
    return out


def test_read_back_cell_by_cell(sample_tables: tuple[Table, Table]) -> None:
    ours = cells(to_xlsx(*sample_tables, ODD))
    assert ours == cells(reference(*sample_tables, ODD))
    assert cells(to_xlsx(Table("空", [], []))) == cells(reference(Table("空", [], [])))
    head = ours[1][0]
    assert head[1:] == ("领导", "s", "General", True, "00D9E1F2", "solid", "center", "center", True)
