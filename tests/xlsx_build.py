"""Building real-looking workbooks inside tests (merged titles, two-line headers, formulas)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]


def workbook(path: Path, rows: Sequence[Sequence[Any]], merges: Sequence[str] = (), title: str = "Sheet1") -> Path:
    """One sheet named `title` with `rows` (None for an empty cell) and merged ranges."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    for ref in merges:
        sheet.merge_cells(ref)
    book.save(path)
    return path


def with_cached_values(path: Path, values: dict[str, str]) -> Path:
    """Give formula cells a saved result, as Excel does on saving (openpyxl writes none)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                for ref, value in values.items():
                    text = re.sub(rf'(<c r="{ref}"[^>]*>)(<f>[^<]*</f>)<v\s*/?>(</v>)?', rf"\1\2<v>{value}</v>", text)
                data = text.encode("utf-8")
            dst.writestr(item, data)
    path.write_bytes(buffer.getvalue())
    return path
