"""Reading a returned fill-in form: its identity checked against the workspace, then its two
sheets read as progress (任务进展) and duty (履职记录) records of the form's unit only.
"""

from __future__ import annotations

from typing import Any, Protocol

from lzzr.errors import Problem, Record, Severity
from lzzr.exchange.build import Built
from lzzr.exchange.columns import KINDS, column_overrides, find_header, vote_options
from lzzr.exchange.identity import FormIdentity, form_identity, unit_principal
from lzzr.exchange.resolve import directories
from lzzr.exchange.rows import Reader
from lzzr.exchange.sheet import Book
from lzzr.exchange.values import CellError
from lzzr.workspace.load import Workspace

FORM_SHEETS = {"任务进展": "progress", "履职记录": "duties"}


class _Options(Protocol):
    unit: str | None
    period: str | None


class _Result(Protocol):
    problems: list[Problem]


def form_jobs(ws: Workspace, book: Book, form: FormIdentity, opts: _Options, result: _Result) -> list[Reader]:
    """Readers for the form's sheets, or none (and a problem) when the form is not this
    workspace's: another year, unit or period, or tasks changed since it was made."""
    assert ws.config is not None
    where = book.sheets[0].at_file() if book.sheets else None
    problem = _identity_problem(ws, form, opts)
    if problem is not None:
        code, args = problem
        result.problems.append(Problem(code, where or _nowhere(book), args=args))
        return []
    dirs = directories(ws)
    readers = []
    for grid in book.sheets:
        kind = KINDS[FORM_SHEETS[grid.sheet]] if grid.sheet in FORM_SHEETS else None
        if kind is None:
            continue
        overrides, problems = column_overrides(ws, kind)
        header = find_header(grid, kind, overrides, vote_options(ws))
        result.problems += problems
        if header is None:
            result.problems.append(Problem("X142", grid.at_file(), args={
                "expected": "、".join(c.headers[0] for c in kind.columns[:6]), "kind": kind.section}))
        else:
            readers.append(Reader(grid, kind, header, dirs, ws.config.year))
    return readers


def _nowhere(book: Book) -> Any:
    from lzzr.errors import Location

    return Location(book.sheets[0].file if book.sheets else "")


def _identity_problem(ws: Workspace, form: FormIdentity, opts: _Options) -> tuple[str, dict[str, Any]] | None:
    assert ws.config is not None
    if form.year != ws.config.year:
        return "X160", {"year": form.year, "ws_year": ws.config.year}
    unit = ws.units.get(form.unit)
    if unit is None:
        return "X161", {"unit": form.unit}
    if opts.unit is not None:
        try:
            expected, _ = directories(ws)["unit"].resolve(opts.unit)
        except CellError:
            expected = opts.unit
        if expected != form.unit:
            return "X162", {"unit": unit.label, "expected": opts.unit}
    if opts.period is not None and opts.period != form.period:
        return "X163", {"period": form.period, "expected": opts.period}
    if form_identity(ws, form.unit, form.period).digest != form.digest:
        return "X164", {"unit": unit.label}
    return None


def check_form_rows(ws: Workspace, form: FormIdentity, records: list[Built]) -> list[Problem]:
    """Rows of a form may only report the form's unit's own tasks and its principal's duties."""
    label = ws.units[form.unit].label
    principal = unit_principal(ws, form.unit)
    problems = []
    for rec in records:
        if rec.origin is None:
            continue
        if rec.section == "任务进展" and ws.tasks[rec.rid].lead != form.unit:
            problems.append(Problem("X165", rec.origin, Severity.ERROR, Record("progress", rec.rid),
                                    {"unit": label}))
        elif rec.section == "履职记录" and rec.rid != principal:
            problems.append(Problem("X166", rec.origin, Severity.ERROR, Record("duties", rec.rid),
                                    {"unit": label}))
    return problems
