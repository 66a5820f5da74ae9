"""Data rows of a sheet → cell values read per column (dates, names resolved to ids …).

Every cell that cannot be read is a located problem; reading goes on, so that all problems
of a sheet are found in one run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lzzr.errors import Location, Problem, Record, Severity
from lzzr.exchange.columns import Header, Kind
from lzzr.exchange.resolve import Directory
from lzzr.exchange.sheet import Cell, Grid
from lzzr.exchange.values import (
    CellError,
    read_actual,
    read_count,
    read_date,
    read_names,
    read_number,
    read_person,
    read_targets,
    read_text,
    read_texts,
)
from lzzr.workspace.model import ID_PATTERN

_NUMBERING = re.compile(r"^\s*([一二三四五六七八九十]+|\d+)\s*[、.．]\s*|^\s*[（(][一二三四五六七八九十\d]+[)）]\s*")
STATUS = {"已完成": "已完成", "完成": "已完成", "已办结": "已完成", "未完成": "未完成",
          "进行中": "进行中", "推进中": "进行中", "正在推进": "进行中", "持续推进": "进行中"}


@dataclass
class Row:
    """One data row: its number and the cells of the mapped columns (empty ones left out)."""

    number: int
    cells: dict[str, Cell]
    votes: dict[str, Cell]
    category: str | None = None


@dataclass
class Reader:
    """Reads the cells of one sheet for one kind, collecting every problem."""

    grid: Grid
    kind: Kind
    header: Header
    dirs: dict[str, Directory]
    year: int
    problems: list[Problem] = field(default_factory=list)
    _partial: list[tuple[str, str, str]] = field(default_factory=list)

    def rows(self) -> Iterator[Row]:
        """Data rows below the header: blank rows skipped, a merged heading row (`一、教育`)
        taken as the category of the rows under it, a repeated header row skipped."""
        category = None
        width = len(self.grid.rows[0]) if self.grid.rows else 0
        for cells in self.grid.rows[self.header.last_row:]:
            filled = [c for c in cells if c.value is not None]
            if not filled:
                continue
            if width > 2 and len({read_text(c.value) for c in filled}) == 1 and any(c.copied == "h" for c in filled):
                category = _NUMBERING.sub("", read_text(filled[0].value)) or None
                continue
            row = self._row(cells, category)
            if row.cells and not self._repeated_header(row):
                yield row

    def _row(self, cells: list[Cell], category: str | None) -> Row:
        def pick(cols: dict[str, int]) -> dict[str, Cell]:
            return {k: cells[c - 1] for k, c in cols.items() if c <= len(cells) and cells[c - 1].value is not None}

        return Row(cells[0].row, pick(self.header.columns), pick(self.header.votes), category)

    def _repeated_header(self, row: Row) -> bool:
        first = self.grid.rows[self.header.last_row - 1]
        return all(c.value == first[c.col - 1].value for c in row.cells.values())

    def value(self, row: Row, key: str, rec: Record | None = None) -> Any:
        """The cell of field `key` read by its column's reader; None when empty or unreadable."""
        cell = row.cells.get(key)
        if cell is None:
            return None
        reader = self._readers()[self.kind.column(key).read]
        try:
            value = reader(cell.value)
        except CellError as exc:
            self.problem(exc, cell, key, rec)
            value = None
        self._warn_partial(cell, rec)
        return value

    def problem(self, exc: CellError, cell: Cell, key: str, rec: Record | None,
                severity: Severity = Severity.ERROR) -> None:
        args = dict(exc.args_)
        msg = args.pop("msg", "")
        args.setdefault("field", key)
        self.problems.append(Problem(exc.code, self.where(cell.row, cell.col), severity, rec, args, msg))

    def where(self, row: int, col: int) -> Location:
        return self.grid.locate(row, col)

    def column_of(self, key: str) -> int:
        return self.header.columns.get(key, 1)

    def _readers(self) -> dict[str, Callable[[Any], Any]]:
        return {
            "text": read_text, "texts": read_texts, "person": read_person, "targets": read_targets,
            "actual": read_actual, "number": read_number, "count": read_count, "id": _read_id,
            "date": lambda v: read_date(v, self.year), "status": _read_status, "tick": _read_tick,
            "unit": lambda v: self._resolve("unit", v), "leader": lambda v: self._resolve("leader", v),
            "task": lambda v: self._resolve("task", v), "updoc": lambda v: self._resolve("updoc", v),
            "units": lambda v: [self._resolve("unit", n) for n in read_names(v)],
            "uptasks": lambda v: [self._resolve("uptask", n) for n in read_names(v)],
        }

    def _resolve(self, kind: str, value: Any) -> str:
        rid, partial = self.dirs[kind].resolve(read_text(value))
        if partial:
            self._partial.append((read_text(value), rid, kind))
        return rid

    def _warn_partial(self, cell: Cell, rec: Record | None) -> None:
        """A name read by a partial match (`旗财政局` → 财政局) is a warning at its cell."""
        for text, rid, kind in self._partial:
            args = {"value": text, "label": self.dirs[kind].label(rid), "id": rid}
            self.problems.append(Problem("X112", self.where(cell.row, cell.col), Severity.WARNING, rec, args))
        self._partial.clear()


def _read_id(value: Any) -> str:
    text = read_text(value)
    if not ID_PATTERN.match(text):
        raise CellError("X113", value=text)
    return text


def _read_status(value: Any) -> str:
    text = read_text(value)
    if text not in STATUS:
        raise CellError("X114", value=text, allowed="已完成、未完成、进行中")
    return STATUS[text]


TICKS = {"是": True, "√": True, "✓": True, "✔": True, "已完成": True, "完成": True, "y": True, "yes": True,
         "否": False, "×": False, "未完成": False, "n": False, "no": False}


def _read_tick(value: Any) -> bool:
    """是 / √ / 已完成 → done; 否 / × → not done (X116 otherwise)."""
    if isinstance(value, bool):
        return value
    text = read_text(value).lower()
    if text not in TICKS:
        raise CellError("X116", value=read_text(value))
    return TICKS[text]
