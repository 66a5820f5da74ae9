"""An openpyxl workbook as xlsx bytes, reproducible when SOURCE_DATE_EPOCH is set; the cells
of large sheets written as XML here, the XML openpyxl writes for them, at a tenth of its cost.

openpyxl stamps the current time into docProps/core.xml (created, modified) and zipfile
stamps each entry, so two runs over the same data differ. With SOURCE_DATE_EPOCH (the
reproducible-builds convention: seconds since 1970, UTC) those times are that moment and
the same tables give the same bytes; without it a workbook says when it was written.

openpyxl keeps a Python object per cell and writes each through lxml (~15 µs a cell: 5 s of
a 10,000-task decomposition's 336,000 cells). `SheetXml` writes the `<sheetData>` of a sheet
whose cells openpyxl never holds: plain text as openpyxl's `inlineStr` (the same escaping; the
characters themselves, in UTF-8, where openpyxl writes character references), dates as openpyxl
writes them, anything else (numbers, text openpyxl treats specially) through openpyxl's own
cell writer; styles are registered in the workbook in the order openpyxl's
writer would register them, so styles.xml and every sheet come out the same XML.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from lxml.etree import xmlfile  # type: ignore[import-untyped]
from openpyxl.cell._writer import lxml_write_cell  # type: ignore[import-untyped]
from openpyxl.compat import safe_string  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.utils.datetime import to_excel  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from lzzr.clock import source_date

_EMPTY_DATA = re.compile(rb"<sheetData\s*/>|<sheetData></sheetData>")
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"/>')


class SheetXml:
    """The rows of one sheet as openpyxl's writer puts them in `<sheetData>`, row by row.

    `text_cell` takes text openpyxl would store as it is (no leading `=` or `#`, not longer
    than a cell holds, only characters valid in XML); `openpyxl_cell` takes an openpyxl cell,
    not added to its sheet, and writes it with openpyxl's own code."""

    def __init__(self, book: Any) -> None:
        self._styles = book._cell_styles
        self._ids: dict[int, tuple[Any, str]] = {}
        self._parts: list[str] = []
        self._rows = self._last = self._columns = 0

    def style_id(self, style: Any) -> str:
        """The workbook's index of `style` (a StyleArray kept for the whole sheet), registered
        on its first cell, which is when openpyxl's writer registers it."""
        known = self._ids.get(id(style))
        if known is None:
            known = self._ids[id(style)] = (style, str(self._styles.add(style)))
        return known[1]

    def add_row(self, cells: list[str]) -> None:
        """The next row, of cells made by `text_cell` and `openpyxl_cell`."""
        self._rows += 1
        if cells:
            self._last = self._rows
            self._columns = max(self._columns, len(cells))
            self._parts.append(f'<row r="{self._rows}">{"".join(cells)}</row>')

    @staticmethod
    def text_cells(refs: list[str], style: str, texts: list[str]) -> list[str]:
        """Cells of text (escaped together: one pass per row, not per cell) at `refs` (A2, B2…)."""
        if not texts:
            return []
        joined = "\x00".join(texts)  # text for text_cells never holds NUL (XML cannot)
        escaped = joined.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
        cells = []
        for ref, text, xml in zip(refs, texts, escaped.split("\x00"), strict=True):
            if not text:
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr"></c>')
            elif text != text.strip():
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{xml}</t></is></c>')
            else:
                cells.append(f'<c r="{ref}" s="{style}" t="inlineStr"><is><t>{xml}</t></is></c>')
        return cells

    def openpyxl_cell(self, cell: Any) -> str:
        self._styles.add(cell._style)  # registered in the writer's order (openpyxl adds it there)
        out = io.BytesIO()
        with xmlfile(out) as xf:
            lxml_write_cell(xf, cell.parent, cell, cell.has_style)
        return str(out.getvalue().decode("ascii"))

    def date_cell(self, ref: str, style: str, day: dt.date, epoch: dt.datetime) -> str:
        """A date (not a datetime) as `openpyxl_cell` writes it with the style id `style`, which
        the first such cell of the style got from openpyxl: an Excel serial number, type n."""
        return f'<c r="{ref}" s="{style}" t="n"><v>{safe_string(to_excel(day, epoch))}</v></c>'

    @property
    def dimension(self) -> str:
        """The cells' range as openpyxl computes it (A1:A1 for none)."""
        return f"A1:{get_column_letter(self._columns)}{self._last}" if self._columns else "A1:A1"

    def data(self) -> bytes:
        """The `<sheetData>` element in UTF-8 (the part's encoding: it has no declaration). openpyxl
        writes a character reference for each character beyond ASCII (`&#20849;`, 8 bytes for 3):
        at 10,000 tasks 42 MB of XML instead of 27, 0.6 s more of encoding and compressing and a
        workbook of 2.5 MB instead of 2.1."""
        return b"<sheetData>" + "".join(self._parts).encode("utf-8") + b"</sheetData>"


def column_refs(count: int) -> list[str]:
    return [get_column_letter(c) for c in range(1, count + 1)]


def workbook_bytes(book: Any, sheets: dict[Any, SheetXml] | None = None) -> bytes:
    """`book` saved as xlsx, with the cells of each sheet in `sheets` from its SheetXml (those
    sheets hold no cells of their own); its times fixed to SOURCE_DATE_EPOCH when that is set."""
    fixed = source_date()
    when = _clamped(fixed) if fixed is not None else None
    stamp = (when or dt.datetime.now(dt.UTC)).replace(tzinfo=None)
    book.properties.modified = stamp
    if when is not None:
        book.properties.created = stamp
    buffer = io.BytesIO()
    archive = _Archive(buffer, when)
    _Writer(book, archive, sheets or {}).save()
    return buffer.getvalue()


def _clamped(when: dt.datetime) -> dt.datetime:
    return max(when, dt.datetime(1980, 1, 1, tzinfo=dt.UTC))  # the zip format starts in 1980


def _entry(name: str, when: dt.datetime) -> zipfile.ZipInfo:
    entry = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
    entry.compress_type = zipfile.ZIP_DEFLATED
    return entry


class _Archive(zipfile.ZipFile):
    """The zip openpyxl writes into; with a time, each entry gets that time (and no file mode)
    as it is written (the workbook used to be unzipped and compressed again to stamp it)."""

    def __init__(self, target: io.BytesIO, when: dt.datetime | None) -> None:
        super().__init__(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._when = when

    def writestr(self, zinfo_or_arcname: Any, data: Any, *args: Any, **kwargs: Any) -> None:
        if self._when is not None and isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = _entry(zinfo_or_arcname, self._when)
        super().writestr(zinfo_or_arcname, data, *args, **kwargs)

    def write(self, filename: Any, arcname: Any = None, *args: Any, **kwargs: Any) -> None:
        if self._when is None:
            super().write(filename, arcname, *args, **kwargs)
            return
        with open(filename, "rb") as src:
            self.writestr(arcname, src.read())


class _Writer(ExcelWriter):  # type: ignore[misc]
    """openpyxl's writer; a sheet with a SheetXml gets its rows and dimension from it."""

    def __init__(self, book: Any, archive: zipfile.ZipFile, sheets: dict[Any, SheetXml]) -> None:
        super().__init__(book, archive)
        self._sheets = sheets

    def write_worksheet(self, ws: Any) -> None:
        rows = self._sheets.get(ws)
        if rows is None:
            super().write_worksheet(ws)
            return
        from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing  # type: ignore[import-untyped]
        from openpyxl.worksheet._writer import WorksheetWriter  # type: ignore[import-untyped]

        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts, ws._drawing.images = ws._charts, ws._images
        writer = WorksheetWriter(ws)
        writer.write()
        xml = writer.read()
        data, dimension = rows.data(), f'<dimension ref="{rows.dimension}"/>'.encode()
        xml, filled = _EMPTY_DATA.subn(lambda _m: data, xml, count=1)
        xml, sized = _DIMENSION.subn(lambda _m: dimension, xml, count=1)
        if filled != 1 or sized != 1:
            raise ValueError(f"openpyxl wrote sheet {ws.title!r} in an unexpected form")
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], xml)
        self.manifest.append(ws)
        writer.cleanup()
