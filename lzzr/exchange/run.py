"""`lzzr import`: one spreadsheet into the workspace, all or nothing.

Read the workbook, find the header, read every row, check every record against the model,
then load the workspace as it would be after the import and check it again; only when no
error is left (and every change to an existing record was asked for) are files written.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lzzr.errors import Location, Problem, ProblemCounts, Severity, UsageError
from lzzr.exchange.build import Built, Context, build_records
from lzzr.exchange.columns import KIND_ALIASES, KINDS, VOTE_OPTIONS, Header, Kind, find_header
from lzzr.exchange.resolve import directories
from lzzr.exchange.rows import Reader
from lzzr.exchange.sheet import Book, Grid, read_book
from lzzr.exchange.writeback import Writes, plan_writes
from lzzr.fsutil import write_atomic
from lzzr.problems import sorted_problems
from lzzr.records_check import check_all as check_records
from lzzr.workspace.load import CONFIG_FILE, Workspace, data_files, load_workspace


@dataclass
class ImportOptions:
    """What the command line asked for."""

    kind: str
    sheet: str | None = None
    into: str | None = None
    doc: str | None = None
    update: bool = False
    dry_run: bool = False


@dataclass
class ImportResult(ProblemCounts):
    """Problems, the changes found, the files written (none while there are errors)."""

    problems: list[Problem] = field(default_factory=list)
    writes: Writes | None = None
    sheet: str = ""
    ignored: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)

    @property
    def pending(self) -> int:
        """Changes to existing records that were not applied (no --update)."""
        return self.writes.count("changed") if self.writes else 0


def import_file(root: Path, source: Path, opts: ImportOptions) -> ImportResult:
    """Import `source` into the workspace at `root` as `opts.kind` records."""
    kind = _kind(opts.kind)
    ws, problems = load_workspace(root)
    if ws.config is None or any(p.severity is Severity.ERROR for p in problems):
        return ImportResult(problems=[p for p in problems if p.severity is Severity.ERROR] or problems)
    into = _into(root, opts.into or kind.file)
    book = read_book(source, source.name)
    result = ImportResult(problems=list(book.problems))
    if result.errors:
        return result
    grid, header = _pick(book, kind, opts.sheet, ws, result)
    if grid is None or header is None:
        return result
    result.sheet, result.ignored = grid.sheet, header.ignored
    reader = Reader(grid, kind, header, directories(ws), ws.config.year)
    records = build_records(reader, Context(ws, opts.doc))
    result.problems = sorted_problems(result.problems + reader.problems)
    if result.errors:
        return result
    result.writes = plan_writes(ws, records, into, opts.update, f"{grid.locate(1).file}:{grid.sheet}")
    result.problems = sorted_problems(result.problems + result.writes.problems
                                      + _after_check(ws, problems, result.writes, records, reader))
    if result.errors or opts.dry_run or (result.pending and not opts.update):
        return result
    for name, text in result.writes.texts.items():
        write_atomic(root / name, text)
        result.written.append(name)
    return result


def _kind(name: str) -> Kind:
    chosen = KINDS.get(KIND_ALIASES.get(name, name))
    if chosen is None:
        raise UsageError("X150", value=name, known="、".join(KINDS))
    return chosen


def _into(root: Path, name: str) -> str:
    """The target file: a .yaml file directly in the workspace, not lzzr.yaml."""
    path = Path(name)
    if path.is_absolute() or len(path.parts) != 1 or path.suffix.lower() not in (".yaml", ".yml") \
            or path.name in (CONFIG_FILE, "lzzr.yml"):
        raise UsageError("X151", value=name)
    return path.name


def _pick(book: Book, kind: Kind, sheet: str | None, ws: Workspace,
          result: ImportResult) -> tuple[Grid | None, Header | None]:
    """The sheet to read (named, or the first visible one with a header) and its header."""
    grids = book.visible()
    if sheet is not None:
        grids = [g for g in book.sheets if g.sheet == sheet]
        if not grids:
            raise UsageError("X152", value=sheet, known="、".join(g.sheet for g in book.sheets))
    overrides, problems = column_overrides(ws, kind)
    result.problems += problems
    votes = (*VOTE_OPTIONS, *_poll_options(ws))
    found = [(g, h) for g in grids if (h := find_header(g, kind, overrides, votes)) is not None]
    if found:  # the sheet naming the most fields (静态分解 names two of a task's, 动态分解 all)
        grid, header = max(found, key=lambda pair: len(pair[1].columns))
        result.problems += [Problem("X143", grid.locate(c.row, c.col), args={"field": key})
                            for key, c in header.duplicates]
        return grid, header
    first = grids[0] if grids else None
    if first is None or not any(c.value is not None for row in first.rows for c in row):
        where = first.at_file() if first else Location(book.sheets[0].file if book.sheets else "")
        result.problems.append(Problem("X141", where, args={"sheet": first.sheet if first else ""}))
    else:
        expected = "、".join(c.headers[0] for c in kind.columns[:6])
        result.problems.append(Problem("X142", first.at_file(), args={"expected": expected, "kind": kind.section}))
    return None, None


def column_overrides(ws: Workspace, kind: Kind) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """lzzr.yaml → 导入列名 → <kind> → <field>: [headers]; unknown kinds and fields are problems."""
    assert ws.config is not None
    problems: list[Problem] = []
    chosen: dict[str, tuple[str, ...]] = {}
    for name, fields in ws.config.columns.items():
        other = KINDS.get(KIND_ALIASES.get(name, name))
        if other is None:
            problems.append(Problem("X153", ws.locate("config", "", "导入列名", name, key=True),
                                    args={"value": name, "known": "、".join(KIND_ALIASES)}))
            continue
        for key, headers in fields.items():
            if key not in {c.key for c in other.columns}:
                known = "、".join(c.key for c in other.columns)
                problems.append(Problem("X154", ws.locate("config", "", "导入列名", name, key, key=True),
                                        args={"value": key, "kind": other.section, "known": known}))
            elif other is kind:
                chosen[key] = headers
    return chosen, problems


def _poll_options(ws: Workspace) -> list[str]:
    from lzzr.workspace.scheme import iter_indicators, scheme_of

    scheme = scheme_of(ws)
    if scheme is None:
        return []
    return [opt for *_x, ind in iter_indicators(scheme) for opt in (getattr(ind, "options", None) or {})]


def _after_check(ws: Workspace, before: list[Problem], writes: Writes, records: list[Built],
                 reader: Reader) -> list[Problem]:
    """Load the workspace as it would be after the import; its new problems, those of an
    imported record located at its row."""
    if not writes.texts:
        return []
    with tempfile.TemporaryDirectory(prefix="lzzr-import-") as tmp:
        copy = Path(tmp)
        for path in [ws.root / CONFIG_FILE, *data_files(ws.root)]:
            if path.is_file():
                shutil.copy2(path, copy / path.name)
        for name, text in writes.texts.items():
            (copy / name).write_text(text, encoding="utf-8")
        after, found = load_workspace(copy)
        if after.config is not None:
            found += check_records(after)
    seen = {_signature(p) for p in before + check_records(ws)}
    rows = {(_record_kind(r), r.rid): r for r in records}
    return [_relocate(p, rows, reader) for p in found if _signature(p) not in seen]


def _record_kind(rec: Built) -> str:
    from lzzr.workspace.sections import SECTIONS

    return SECTIONS[rec.section][0]


def _signature(p: Problem) -> tuple[Any, ...]:
    return (p.code, p.msg, p.record, tuple(sorted((k, str(v)) for k, v in p.args.items())))


def _relocate(p: Problem, rows: dict[tuple[str, str], Built], reader: Reader) -> Problem:
    rec = rows.get((p.record.kind, p.record.id)) if p.record else None
    if rec is None:
        return p
    where = reader.where(rec.row, reader.column_of("编号"))
    return Problem(p.code, where, p.severity, p.record, p.args, p.msg)
