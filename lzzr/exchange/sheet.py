"""Spreadsheets → grids of positioned cells: xlsx (openpyxl) and CSV (UTF-8, GBK, UTF-16).

A merged range gives its value to every cell it covers (marked as a copy, so a header that
spans two lines can be told from a data row); a formula gives its cached value, or a problem
when the file was never calculated; an error value (#N/A) is a problem. Cells keep their
sheet, row and column for the messages.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.utils.exceptions import InvalidFileException  # type: ignore[import-untyped]

from lzzr.errors import Location, Problem

IDENTITY_SHEET = "_lzzr"  # the hidden sheet a fill-in form carries its identity in
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Cell:
    """One cell's value (text stripped, '' read as None) and where it stands (1-based).

    `copied` is "v" for a cell covered by a merged range that starts above it, "h" for one
    that starts to its left (same row), "" for a cell with its own value.
    """

    value: Any
    row: int
    col: int
    copied: str = ""


@dataclass
class Grid:
    """One sheet (or a CSV file) as rows of cells, all rows as wide as the widest."""

    file: str
    sheet: str
    rows: list[list[Cell]]
    hidden: bool = False

    def locate(self, row: int, col: int = 1) -> Location:
        """`Sheet1!D14` (`D14` for a CSV file)."""
        ref = f"{get_column_letter(max(col, 1))}{row}"
        return Location(self.file, row, col, f"{self.sheet}!{ref}" if self.sheet else ref)

    def at_file(self) -> Location:
        return Location(self.file, 0, 0, self.sheet) if self.sheet else Location(self.file)


@dataclass
class Book:
    """Every sheet of a workbook, the identity a fill-in form carries, the reading problems."""

    sheets: list[Grid] = field(default_factory=list)
    identity: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def visible(self) -> list[Grid]:
        return [g for g in self.sheets if not g.hidden]


def read_book(path: Path, display: str) -> Book:
    """Read `path` (xlsx/xlsm or csv/txt); `display` is the name problems carry."""
    where = Location(display)
    suffix = path.suffix.lower()
    if not path.is_file():
        return Book(problems=[Problem("X001", where, args={"reason": "not found"}, msg="X001.missing")])
    if path.stat().st_size > MAX_BYTES:
        return Book(problems=[Problem("X002", where, args={"size_mb": path.stat().st_size // 2**20})])
    if suffix in (".csv", ".txt"):
        return _read_csv(path.read_bytes(), display)
    if suffix == ".xls" or path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0":
        return Book(problems=[Problem("X004", where)])
    if suffix not in (".xlsx", ".xlsm"):
        return Book(problems=[Problem("X005", where, args={"suffix": path.suffix or "?"})])
    return _read_xlsx(path, display)


# --- xlsx --------------------------------------------------------------------------------

def _read_xlsx(path: Path, display: str) -> Book:
    try:
        book = load_workbook(path, data_only=False)
        cached = None
        if _has_formulas(book):
            cached = load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        return Book(problems=[Problem("X001", Location(display), args={"reason": type(exc).__name__})])
    out = Book()
    for sheet in book.worksheets:
        if sheet.title == IDENTITY_SHEET:
            out.identity = _identity(sheet)
            continue
        values = cached[sheet.title] if cached is not None else None
        grid, problems = _grid(sheet, values, display)
        out.sheets.append(grid)
        out.problems += problems
    return out


def _has_formulas(book: Any) -> bool:
    return any(c.data_type == "f" for s in book.worksheets for row in s.iter_rows() for c in row)


def _identity(sheet: Any) -> dict[str, str]:
    pairs = {}
    for key, value, *_ in sheet.iter_rows(min_col=1, max_col=2, values_only=True):
        if isinstance(key, str) and value is not None:
            pairs[key] = str(value)
    return pairs


def _grid(sheet: Any, cached: Any, display: str) -> tuple[Grid, list[Problem]]:
    grid = Grid(display, sheet.title, [], hidden=sheet.sheet_state != "visible")
    problems: list[Problem] = []
    if sheet.max_row == 1 and sheet.max_column == 1 and sheet.cell(1, 1).value is None:
        return grid, problems
    copies = _merged(sheet)
    for r, cells in enumerate(sheet.iter_rows(min_row=1, max_row=sheet.max_row, max_col=sheet.max_column), start=1):
        row: list[Cell] = []
        for c, cell in enumerate(cells, start=1):
            value = cell.value
            if cell.data_type == "f":
                value = cached.cell(r, c).value if cached is not None else None
                if value is None:
                    problems.append(Problem("X006", grid.locate(r, c), args={"formula": str(cell.value)[:40]}))
            elif cell.data_type == "e":
                problems.append(Problem("X007", grid.locate(r, c), args={"value": str(cell.value)}))
                value = None
            copy = copies.get((r, c))
            if copy is not None:
                value, kind = copy
                row.append(Cell(_clean(value), r, c, kind))
            else:
                row.append(Cell(_clean(value), r, c))
        grid.rows.append(row)
    return grid, problems


def _merged(sheet: Any) -> dict[tuple[int, int], tuple[Any, str]]:
    """Every cell a merged range covers (not its top-left cell) → (the range's value, v|h)."""
    copies: dict[tuple[int, int], tuple[Any, str]] = {}
    for rng in sheet.merged_cells.ranges:
        value = sheet.cell(rng.min_row, rng.min_col).value
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    copies[(r, c)] = (value, "v" if r > rng.min_row else "h")
    return copies


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
        return text or None
    return value


# --- csv ---------------------------------------------------------------------------------

def _read_csv(raw: bytes, display: str) -> Book:
    text, encoding = _decode(raw)
    if text is None:
        return Book(problems=[Problem("X003", Location(display))])
    first = text.split("\n", 1)[0]
    delimiter = "\t" if encoding == "utf-16" or ("\t" in first and "," not in first) else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    width = max((len(r) for r in rows), default=0)
    grid = Grid(display, "", [])
    for r, values in enumerate(rows, start=1):
        padded = [*values, *[""] * (width - len(values))]
        grid.rows.append([Cell(_clean(v), r, c) for c, v in enumerate(padded, start=1)])
    return Book(sheets=[grid])


def _decode(raw: bytes) -> tuple[str | None, str]:
    """The text and the encoding it was in: UTF-8 (with or without BOM), UTF-16, GBK/GB18030."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None, ""
