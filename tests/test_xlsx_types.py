"""Every workbook the demo writes keeps numbers as numbers and dates as dates, with frozen
headers, filters, print titles; the decomposition sheet carries every column of the plan."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from lzzr.errors import ExitCode
from lzzr.render.tables import DATE_FORMAT

from .helpers import copy_sample

# Text a spreadsheet should have stored as a number or a date.
_NUMBER_TEXT = re.compile(r"-?\d+(\.\d+)?\Z")
_DATE_TEXT = re.compile(r"\d{4}(-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)\Z")


@pytest.fixture(scope="module")
def demo_books(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The workbooks of `make demo`'s commands, run on a copy of the sample."""
    base = tmp_path_factory.mktemp("demo")
    ws, out = copy_sample(base / "workspace"), base / "out"
    from lzzr.cli import main

    assert main(["decompose", str(ws), "--out", str(out), "--no-pdf", "--quiet"]) == ExitCode.OK
    assert main(["assess", str(ws), "--out", str(out), "-f", "xlsx", "--no-pdf", "--no-archive", "--quiet"]) == 0
    assert main(["forms", str(ws), "--out", str(out / "填报表"), "--quiet"]) == 0
    assert main(["status", str(ws), "--on", "2026-07-15", "--format", "xlsx", "--out", str(out), "--quiet"]) == 0
    assert main(["report", "progress", str(ws), "--period", "2026H1", "--out", str(out), "--quiet"]) == 0
    books = sorted(out.glob("*.xlsx"))
    assert [p.name for p in books] == ["2026-落实情况-2026-07-15.xlsx", "2026-落实情况报告-2026H1.xlsx",
                                       "2026-责任分解.xlsx", "2026-责任制考核结果.xlsx"]
    forms = sorted((out / "填报表").glob("*.xlsx"))
    assert len(forms) == 38
    return books + forms


def _named(books: list[Path], name: str) -> Path:
    return next(p for p in books if p.name == name)


def _cells(path: Path) -> list[tuple[str, str, object, str]]:
    """(sheet, header, value, number format) of every body cell."""
    book = load_workbook(path)
    found = []
    for sheet in book.worksheets:
        headers = [c.value for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                found.append((sheet.title, str(headers[cell.column - 1]), cell.value, cell.number_format))
    return found


def test_no_number_or_date_is_stored_as_text(demo_books: list[Path]) -> None:
    for path in demo_books:
        texts = [(s, h, v) for s, h, v, _ in _cells(path)
                 if isinstance(v, str) and (_NUMBER_TEXT.match(v) or _DATE_TEXT.match(v))]
        assert texts == [], path.name


def test_dates_are_dates_in_the_chinese_format(demo_books: list[Path]) -> None:
    deadlines = [(v, f) for s, h, v, f in _cells(_named(demo_books, "2026-责任分解.xlsx")) if h == "完成时限"]
    assert len(deadlines) == 165
    assert all(isinstance(v, dt.datetime) and f == DATE_FORMAT for v, f in deadlines)


def test_scores_and_ranks_are_numbers(demo_books: list[Path]) -> None:
    cells = _cells(_named(demo_books, "2026-责任制考核结果.xlsx"))
    ranks = [v for s, h, v, _ in cells if h == "排名"]
    totals = [(v, f) for s, h, v, f in cells if h == "总分"]
    assert len(ranks) == len(totals) == 88
    assert all(isinstance(v, int) for v in ranks)
    assert all(isinstance(v, (int, float)) and f == "0.00" for v, f in totals)


def test_forms_keep_dates_typed(demo_books: list[Path]) -> None:
    for path in demo_books[4:]:  # the forms, after the four books of the commands
        deadlines = [(v, f) for s, h, v, f in _cells(path) if s == "任务进展" and isinstance(v, dt.datetime)]
        assert deadlines and all(f == DATE_FORMAT for _, f in deadlines)


def test_sheets_are_frozen_filtered_and_print_their_header(demo_books: list[Path]) -> None:
    for path in demo_books[:2]:
        for sheet in load_workbook(path).worksheets:
            assert sheet.freeze_panes == "A2"
            assert sheet.auto_filter.ref == sheet.dimensions
            assert sheet.print_title_rows == "$1:$1"
            assert all(sheet.column_dimensions[c].width for c in "AB")


def test_decomposition_sheet_carries_every_column_of_the_plan(demo_books: list[Path]) -> None:
    book = load_workbook(_named(demo_books, "2026-责任分解.xlsx"))
    assert book.sheetnames == ["静态分解", "动态分解"]
    headers = [c.value for c in book["动态分解"][1]]
    for column in ("来源", "总负责人", "具体负责人", "牵头部门", "协办单位", "工作标准", "量化指标", "完成时限",
                   "保障措施", "监督主体", "所属任务", "内容", "成果"):
        assert column in headers
    t01 = next(row for row in book["动态分解"].iter_rows(values_only=True) if row[1] == "T01")
    assert dict(zip(headers, t01, strict=True))["来源"] == "S01"
    assert dict(zip(headers, t01, strict=True))["总负责人"] == "高振宇"
