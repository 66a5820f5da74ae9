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
from lzzr.exchange.columns import KIND_ALIASES, KINDS, Header, Kind, column_overrides, find_header, vote_options
from lzzr.exchange.formread import check_form_rows, form_jobs
from lzzr.exchange.identity import read_identity
from lzzr.exchange.resolve import directories
from lzzr.exchange.rows import Reader
from lzzr.exchange.sheet import Book, Grid, read_book
from lzzr.exchange.writeback import Writes, plan_writes
from lzzr.fsutil import write_atomic
from lzzr.problems import sorted_problems
from lzzr.records_check import check_all as check_records
from lzzr.workspace.load import CONFIG_FILE, Workspace, data_files, load_workspace
from lzzr.workspace.sections import SECTIONS


@dataclass
class ImportOptions:
    """What the command line asked for."""

    kind: str
    sheet: str | None = None
    into: str | None = None
    doc: str | None = None
    update: bool = False
    dry_run: bool = False
    unit: str | None = None  # a returned form must be this unit's
    period: str | None = None  # … and of this period


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
    """Import `source` into the workspace at `root`: as `opts.kind` records, or, for a
    returned fill-in form, as the progress and duty records of the form's unit."""
    kind = _kind(opts.kind)
    ws, problems = load_workspace(root)
    if ws.config is None or any(p.severity is Severity.ERROR for p in problems):
        return ImportResult(problems=[p for p in problems if p.severity is Severity.ERROR] or problems)
    book = read_book(source, source.name)
    result = ImportResult(problems=list(book.problems))
    if result.errors:
        return result
    form = read_identity(book.identity)
    jobs = form_jobs(ws, book, form, opts, result) if form else _sheet_job(ws, book, kind, opts, result)
    if result.errors or not jobs:
        return result
    records: list[Built] = []
    for reader in jobs:
        records += build_records(reader, Context(ws, opts.doc))
        result.problems += reader.problems
        result.sheet = "、".join(x for x in (result.sheet, reader.grid.sheet) if x)
        result.ignored += reader.header.ignored
    if form:
        result.problems += check_form_rows(ws, form, records)
    result.problems = sorted_problems(result.problems)
    if result.errors:
        return result
    into = {r.kind.section: _into(root, opts.into or r.kind.file) for r in jobs}
    result.writes = plan_writes(ws, records, into, opts.update, f"{source.name}:{result.sheet}")
    result.problems = sorted_problems(result.problems + result.writes.problems
                                      + _after_check(ws, problems, result.writes, records))
    if result.errors or opts.dry_run or (result.pending and not opts.update):
        return result
    for name, text in result.writes.texts.items():
        write_atomic(root / name, text)
        result.written.append(name)
    return result


def _sheet_job(ws: Workspace, book: Book, kind: Kind, opts: ImportOptions, result: ImportResult) -> list[Reader]:
    grid, header = _pick(book, kind, opts.sheet, ws, result)
    if grid is None or header is None:
        return []
    assert ws.config is not None
    return [Reader(grid, kind, header, directories(ws), ws.config.year)]


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
    votes = vote_options(ws)
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


def _after_check(ws: Workspace, before: list[Problem], writes: Writes, records: list[Built]) -> list[Problem]:
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
    rows = {(SECTIONS[r.section][0], r.rid): r for r in records}
    return [_relocate(p, rows) for p in found if _signature(p) not in seen]


def _signature(p: Problem) -> tuple[Any, ...]:
    return (p.code, p.msg, p.record, tuple(sorted((k, str(v)) for k, v in p.args.items())))


def _relocate(p: Problem, rows: dict[tuple[str, str], Built]) -> Problem:
    rec = rows.get((p.record.kind, p.record.id)) if p.record else None
    if rec is None or rec.origin is None:
        return p
    return Problem(p.code, rec.origin, p.severity, p.record, p.args, p.msg)
