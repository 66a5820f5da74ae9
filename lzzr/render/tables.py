"""Writing a Table: terminal text, and CSV / JSON / xlsx files that cadres open in Excel or WPS.

Terminal text is measured in terminal columns: a CJK character takes two (wcwidth), which
is why this module wraps cells itself instead of using textwrap, which counts one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, Literal

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.styles.cell_style import StyleArray  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from tabulate import tabulate
from wcwidth import wcswidth, wcwidth

from lzzr.fsutil import write_atomic
from lzzr.numbers import num
from lzzr.render.xlsxfile import SheetXml, column_refs, workbook_bytes

Cell = str | int | float | Decimal | dt.date


def cell_text(cell: Cell) -> str:
    """A cell as text: dates as 2026年6月30日, numbers without a trailing `.0`."""
    if isinstance(cell, str):
        return cell
    if isinstance(cell, dt.date):
        return f"{cell.year}年{cell.month}月{cell.day}日"
    if isinstance(cell, float):
        return num(cell)
    return str(cell)


@dataclass(frozen=True)
class Table:
    """A titled table of cells: text, or numbers and dates a spreadsheet keeps typed.

    `group` is the number of leading columns that identify a group of rows (a leader, a
    lead unit): rows of one group are adjacent and repeat those cells, so a file keeps
    every row complete while a terminal can print them once per group. `sheet` is a short
    name for a spreadsheet tab.
    """

    title: str
    headers: list[str]
    rows: Sequence[Sequence[Cell]]
    group: int = 0
    sheet: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.group <= len(self.headers):
            raise ValueError(f"group {self.group} outside 0..{len(self.headers)}")
        for i, row in enumerate(self.rows):
            if len(row) != len(self.headers):
                raise ValueError(f"row {i} has {len(row)} cells, headers {len(self.headers)}")


FileFormat = Literal["csv", "json", "xlsx"]
FILE_FORMATS: tuple[FileFormat, ...] = ("csv", "json", "xlsx")

MIN_WIDTH = 2           # one CJK character: below this nothing can be promised
MIN_COLUMN = 8          # a narrower column is unreadable: print cards instead
_XLSX_MAX_COLUMN = 60   # characters of a column in Excel before the text wraps
_XLSX_MAX_TEXT = 32767  # characters of a cell (openpyxl truncates longer text)
# What openpyxl drops from text (ILLEGAL_CHARACTERS_RE) and what XML cannot hold (lxml refuses it).
_XML_ODD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
DATE_FORMAT = 'yyyy"年"m"月"d"日"'  # Excel and WPS show 2026年6月30日 and sort it as a date

# Line-breaking rules (禁则): these never start a line / never end one.
_NO_LINE_START = set("，。、；：？！）》」』】〕〉”’％%…·,.;:?!)]}")
_NO_LINE_END = set("（《「『【〔〈“‘([{")


def text_width(text: str) -> int:
    """Terminal columns of one line of text (CJK counts two)."""
    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcwidth(c), 0) for c in text)


def wrap(text: str, width: int) -> list[str]:
    """Wrap `text` into lines of at most `width` terminal columns.

    CJK text breaks between any two characters, Latin words and numbers at spaces
    (or anywhere when longer than a line); a number keeps the character after it (2次),
    closing punctuation stays with the character before it and opening punctuation with
    the one after it. Newlines are kept.
    """
    width = max(width, MIN_WIDTH)
    lines: list[str] = []
    for paragraph in _clean(text).split("\n"):
        lines += _wrap_line(paragraph, width)
    return lines


def as_text(table: Table) -> Table:
    """The table with every cell as text (dates as 2026年6月30日), for terminals, CSV, JSON."""
    rows: list[list[Cell]] = [[cell_text(c) for c in row] for row in table.rows]
    return Table(table.title, table.headers, rows, table.group, table.sheet)


def _texts(table: Table) -> list[list[str]]:
    return [[c if type(c) is str else cell_text(c) for c in row] for row in table.rows]


def to_text(table: Table, width: int) -> str:
    """The table for a terminal `width` columns wide: no line is wider than `width`.

    Rows of a group are printed under one heading (`领导：赵慧敏　职务：…`), followed by a
    grid of the remaining columns. When the columns cannot all get a readable width, each
    row is printed as a card of `header：value` lines instead.
    """
    width = max(width, MIN_WIDTH)
    table = as_text(table)
    headers = table.headers[table.group:]
    widths = _allocate(_natural_widths(table, headers), width - 3 * len(headers) - 1)
    ruled = widths is not None and _multiline(table, widths)
    blocks = ["\n".join(wrap(table.title, width))]
    for key, rows in _groups(table):
        heading = "　".join(f"{h}：{v}" for h, v in zip(table.headers[:table.group], key, strict=True) if v)
        lines = wrap(heading, width) if heading else []
        body = [row[table.group:] for row in rows if any(row[table.group:])]
        if body and widths is not None:
            lines.append(_grid(headers, body, widths, ruled))
        elif body:
            lines += _cards(headers, body, width)
        blocks.append("\n".join(lines))
    if not table.rows and headers and widths is not None:
        blocks.append(_grid(headers, [], widths, ruled))
    return "\n\n".join(b for b in blocks if b) + "\n"


def to_csv(table: Table) -> bytes:
    """CSV in UTF-8 with a BOM (so Excel and WPS read the Chinese right), CRLF line ends.

    A cell that Excel would take for a formula (=, +, -, @ first) gets a leading apostrophe,
    which Excel and WPS show as text: data typed by a user must never run in a cadre's sheet.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table.headers)
    writer.writerows([["'" + cell if cell[:1] in _CSV_FORMULA else cell for cell in row] for row in _texts(table)])
    return buffer.getvalue().encode("utf-8-sig")


_CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(cell: str) -> str:
    return "'" + cell if cell[:1] in _CSV_FORMULA else cell


def to_json(table: Table) -> str:
    """A JSON list with one object per row, keyed by the (Chinese) headers."""
    return _records_json(table, "") + "\n"


def tables_json(tables: dict[str, Table]) -> str:
    """One JSON object: each name → its table as to_json writes it (indented one level more)."""
    if not tables:
        return "{}\n"
    return "{\n" + ",\n".join(f"  {encode_basestring(name)}: {_records_json(table, '  ')}"
                              for name, table in tables.items()) + "\n}\n"


def _records_json(table: Table, pad: str) -> str:
    """What json.dumps(rows as objects, ensure_ascii=False, indent=2) writes at indentation `pad`,
    without building the objects (its Python encoder took most of the JSON export at 10k)."""
    if not table.headers or len(set(table.headers)) < len(table.headers):  # {} or keys that collapse
        records = [dict(zip(table.headers, row, strict=True)) for row in _texts(table)]
        return json.dumps(records, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)
    if not table.rows:
        return "[]"
    keys = [f"{pad}    {encode_basestring(h)}: " for h in table.headers]
    start, between, end = f"{pad}  {{\n", ",\n", f"\n{pad}  }}"
    rows = [start + between.join([k + encode_basestring(v) for k, v in zip(keys, row, strict=True)]) + end
            for row in _texts(table)]
    return "[\n" + ",\n".join(rows) + f"\n{pad}]"


def to_xlsx(table: Table, *more: Table) -> bytes:
    """An xlsx workbook, one sheet per table: bold filled header row, frozen, filterable;
    wrapped, fitted columns; numbers stored as numbers, dates as dates (2026年6月30日)."""
    book = Workbook()
    book.remove(book.active)
    sheets = {}
    for one in (table, *more):
        sheet = book.create_sheet(sheet_title(one.sheet or one.title))
        sheets[sheet] = _sheet_cells(sheet, one)
        _style_sheet(sheet, one, sheets[sheet].dimension)
    return workbook_bytes(book, sheets)


def write_xlsx(table: Table, path: Path) -> None:
    """Write the table as an xlsx workbook at `path`, atomically."""
    write_atomic(path, to_xlsx(table))


def write_table(table: Table, path: Path, fmt: FileFormat) -> None:
    """Write the table to `path` as `csv`, `json` or `xlsx`, atomically."""
    if fmt == "csv":
        write_atomic(path, to_csv(table))
    elif fmt == "json":
        write_atomic(path, to_json(table))
    elif fmt == "xlsx":
        write_xlsx(table, path)
    else:
        raise ValueError(f"unknown table format {fmt!r}; expected one of {', '.join(FILE_FORMATS)}")


def sheet_title(title: str) -> str:
    """A valid Excel sheet name: no []:*?/\\, at most 31 characters, never empty."""
    cleaned = _SHEET_FORBIDDEN.sub("_", title).strip("' ")
    return cleaned[:31] or "Sheet1"


# --- text layout -----------------------------------------------------------------------

def _clean(text: str) -> str:
    """Tabs to spaces, line ends to \\n, other control characters dropped (they have no width)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return "".join(c for c in text if c == "\n" or unicodedata.category(c) != "Cc")


def _tokens(line: str) -> list[str]:
    """Pieces never split unless longer than a line: a wide character, a word, a run of spaces."""
    tokens: list[str] = []
    for char in re.findall(r"\s+|\S", line):
        prev = tokens[-1] if tokens else ""
        if prev and not prev.isspace() and not char.isspace() and _joins(prev[-1], char):
            tokens[-1] += char
        else:
            tokens.append(char)
    return tokens


def _joins(before: str, char: str) -> bool:
    """Whether `char` must stay on the line of the character `before` it."""
    if char in _NO_LINE_START or before in _NO_LINE_END:
        return True
    if before.isdigit():  # a number keeps its unit: 2次, 12月, 100%
        return True
    return text_width(char) < 2 and text_width(before) < 2


def _wrap_line(line: str, width: int) -> list[str]:
    out: list[str] = []
    current = ""
    for token in _tokens(line):
        if text_width((current + token).rstrip()) <= width:
            current += token
            continue
        if current.strip():
            out.append(current.rstrip())
        current = "" if token.isspace() else token
        if text_width(current) > width:
            *full, current = _hard_split(current, width)
            out += full
    if current.strip() or not out:
        out.append(current.rstrip())
    return out


def _hard_split(text: str, width: int) -> list[str]:
    """Cut a too-long token by characters (a character wider than `width` stands alone)."""
    pieces = [""]
    for char in text:
        if pieces[-1] and text_width(pieces[-1] + char) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces


def _cell_width(text: str) -> int:
    return max(text_width(line) for line in _clean(text).split("\n"))


def _natural_widths(table: Table, headers: list[str]) -> list[int]:
    """Each column's unwrapped width, header included."""
    widths = [_cell_width(h) for h in headers]
    for row in table.rows:
        for i, cell in enumerate(row[table.group:]):
            widths[i] = max(widths[i], _cell_width(cell_text(cell)))
    return widths


def _allocate(natural: list[int], available: int) -> list[int] | None:
    """Column widths that sum to at most `available`, or None when they cannot be readable.

    Water-filling: narrow columns keep their natural width, the wide ones share the rest
    equally, and what is left over goes to the first columns that still want more.
    """
    if sum(natural) <= available:
        return natural
    floor = [min(n, MIN_COLUMN) for n in natural]
    if sum(floor) > available:
        return None
    level = max(floor)
    while sum(min(n, max(level + 1, f)) for n, f in zip(natural, floor, strict=True)) <= available:
        level += 1
    widths = [min(n, max(level, f)) for n, f in zip(natural, floor, strict=True)]
    spare = available - sum(widths)
    for i, n in enumerate(natural):
        extra = min(spare, n - widths[i])
        widths[i] += extra
        spare -= extra
    return widths


def _grid(headers: list[str], rows: list[list[str]], widths: list[int], ruled: bool) -> str:
    """A box of wrapped cells under a header row; `ruled` draws a rule between body rows too.

    The header goes in as the first row, because tabulate's `headers=` keeps every header
    two columns narrower than its column, which costs a narrow terminal dearly; the `=`
    rule under it is drawn here as tabulate would.
    """
    cells = [_wrap_row(row, widths) for row in [headers, *rows]]
    fmt = "grid" if ruled or not rows else "outline"
    lines = tabulate(cells, tablefmt=fmt, disable_numparse=True, stralign="left").split("\n")
    if not rows:
        return "\n".join(lines)
    height = 1 + max(cell.count("\n") for cell in cells[0])
    rest = lines[1 + height + (fmt == "grid"):]
    return "\n".join([lines[0], *lines[1:1 + height], lines[0].replace("-", "="), *rest])


def _wrap_row(row: Sequence[Cell], widths: list[int]) -> list[str]:
    return ["\n".join(wrap(cell_text(cell), w)) for cell, w in zip(row, widths, strict=True)]


def _multiline(table: Table, widths: list[int]) -> bool:
    """Whether some body cell takes more than one line at these widths."""
    return any("\n" in cell for row in table.rows for cell in _wrap_row(row[table.group:], widths))


def _cards(headers: list[str], rows: list[list[str]], width: int) -> list[str]:
    """Rows as `header：value` lines; a value's continuation lines hang two columns further in."""
    indent, hang = ("  ", "    ") if width >= 20 else ("", "")
    lines: list[str] = []
    for i, row in enumerate(rows):
        if i:
            lines.append("")
        for header, cell in zip(headers, row, strict=True):
            if cell:
                first, *rest = wrap(f"{header}：{cell}", width - len(hang))
                lines += [indent + first, *(hang + part for part in rest)]
    return lines


def _groups(table: Table) -> Iterator[tuple[list[str], list[list[str]]]]:
    """Runs of adjacent rows with the same group cells."""
    key: list[str] | None = None
    rows: list[list[str]] = []
    for raw in table.rows:
        row = [cell_text(c) for c in raw]
        if row[:table.group] != key:
            if key is not None:
                yield key, rows
            key, rows = row[:table.group], []
        rows.append(row)
    if key is not None:
        yield key, rows


# --- xlsx --------------------------------------------------------------------------------

def xlsx_cell(cell: Any, value: Cell) -> None:
    """Put `value` in an openpyxl cell with its type: text (never a formula), a number (a
    Decimal keeps its decimals in the display format), a date in the Chinese format."""
    if isinstance(value, str):
        text = ILLEGAL_CHARACTERS_RE.sub("", value)
        if text[:1] in ("=", "#") or len(text) > _XLSX_MAX_TEXT:
            cell.value = text  # openpyxl's own rules: error codes, truncation
            if cell.value.startswith("="):
                cell.data_type = "s"  # cadres' text, not a formula
        else:  # what openpyxl's value setter does for such text, without its checks per cell
            cell._value, cell.data_type = text, "s"
    elif isinstance(value, Decimal):
        cell.value = float(value)
        exponent = value.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        cell.number_format = "0." + "0" * places if places else "0"
    elif isinstance(value, dt.date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    else:
        cell.value = value


def _sheet_cells(sheet: Any, table: Table) -> SheetXml:
    """The header row (bold, filled, centred) and the body (wrapped, top), written as XML by
    SheetXml: the sheet holds no cell objects (openpyxl's per-cell objects and writer were
    most of a 10,000-task export). Each style is added to the workbook once, in the order
    openpyxl would add it, so the workbook is the one openpyxl writes for these cells."""
    book = sheet.parent
    body, head = StyleArray(), StyleArray()
    body.alignmentId = book._alignments.add(Alignment(wrap_text=True, vertical="top"))
    head.fontId, head.fillId = book._fonts.add(Font(bold=True)), book._fills.add(PatternFill("solid", fgColor="D9E1F2"))
    head.alignmentId = book._alignments.add(Alignment(wrap_text=True, vertical="center", horizontal="center"))
    out = SheetXml(book)
    letters, dates = column_refs(len(table.headers)), dict[int, str]()
    for r, (row, style) in enumerate([(table.headers, head), *((row, body) for row in table.rows)], start=1):
        out.add_row(_row_cells(out, sheet, r, [f"{letter}{r}" for letter in letters], row, style, dates))
    return out


def _row_cells(out: SheetXml, sheet: Any, r: int, refs: list[str], row: Sequence[Cell], style: Any,
               dates: dict[int, str]) -> list[str]:
    """One row's cells: plain text escaped together, a date as the first date of its style was
    written by openpyxl (`dates`: style id by StyleArray, kept for the sheet), anything else
    through openpyxl's writer; styles registered in the order of the cells, as openpyxl's writer
    registers them."""
    texts = [v for v in row if type(v) is str]
    separated = "\x00" + "\x00".join(texts)  # the common case checked as one string
    if ("\x00=" not in separated and "\x00#" not in separated and len(separated) <= _XLSX_MAX_TEXT
            and not _XML_ODD.search("".join(texts))):
        if len(texts) == len(row):
            return out.text_cells(refs, out.style_id(style), texts)
        plain = [type(v) is str for v in row]
    else:
        plain = [type(v) is str and v[:1] not in ("=", "#") and len(v) <= _XLSX_MAX_TEXT
                 and not _XML_ODD.search(v) for v in row]
    cells, where, plain_texts, sid = [""] * len(row), [], [], ""
    for c, (value, ok) in enumerate(zip(row, plain, strict=True)):
        if ok:
            sid = sid or out.style_id(style)
            where.append(c)
            plain_texts.append(value)
        elif type(value) is dt.date and id(style) in dates:
            cells[c] = out.date_cell(refs[c], dates[id(style)], value, sheet.parent.epoch)
        else:
            cell = XlCell(sheet, row=r, column=c + 1, style_array=style)
            xlsx_cell(cell, value)
            cells[c] = out.openpyxl_cell(cell)
            if type(value) is dt.date and not sheet.parent.iso_dates:
                dates[id(style)] = str(cell.style_id)
    for c, xml in zip(where, out.text_cells([refs[c] for c in where], sid, plain_texts), strict=True):  # type: ignore[arg-type]
        cells[c] = xml
    return cells


def _style_sheet(sheet: Any, table: Table, dimension: str) -> None:
    """Frozen, filterable, printed one page wide; columns fitted to their text."""
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"  # printed on A4 landscape, one page wide, header on every page
    sheet.page_setup.orientation, sheet.page_setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    if table.rows:
        sheet.auto_filter.ref = dimension
    for i, header in enumerate(table.headers):
        sheet.column_dimensions[get_column_letter(i + 1)].width = _xlsx_width(header, (row[i] for row in table.rows))


def _xlsx_width(header: str, column: Iterable[Cell]) -> int:
    """A column's width: its widest text, at most _XLSX_MAX_COLUMN (where the scan stops), + 2.
    A text of n characters is at most 2n columns wide, so shorter texts are not measured."""
    widest = 0
    for value in (header, *column):
        text = value if type(value) is str else cell_text(value)
        if 2 * len(text) <= widest:
            continue
        widest = max(widest, text_width(text) if text.isprintable() else _cell_width(text))
        if widest >= _XLSX_MAX_COLUMN:
            break
    return min(widest, _XLSX_MAX_COLUMN) + 2
