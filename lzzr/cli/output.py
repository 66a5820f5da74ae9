"""How commands print: one echo, JSON, problem lines, the refusal, the progress bar.

Data goes to stdout, problems and notes to stderr, in every format, so that a script (or
`> file`) gets only what the command produces. The one exception is `lzzr check`, whose
problem lines are its data (as with ruff or mypy: `lzzr check | less`, `| grep P2.4`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, NoReturn

import typer

from lzzr.errors import ExitCode, Problem
from lzzr.i18n import t
from lzzr.problems import format_problem, problem_dict


class PipeClosed(Exception):
    """stdout's reader went away (`lzzr check | head`). Not an OSError, which Click would turn
    into exit code 1 ("problems found"); lzzr.cli.app ends the run quietly with 0."""


def echo(text: str = "", err: bool = False) -> None:
    try:
        typer.echo(text, err=err)
    except BrokenPipeError as exc:
        raise PipeClosed from exc


def echo_json(data: Any) -> None:
    import json  # here: a help screen needs no json (tests/test_startup.py)

    echo(json.dumps(data, ensure_ascii=False, indent=2))


def print_problems(problems: Iterable[Problem], err: bool = True) -> None:
    for p in problems:
        echo(format_problem(p), err=err)


def problem_list(problems: Iterable[Problem]) -> list[dict[str, Any]]:
    return [problem_dict(p) for p in problems]


def refuse(problems: list[Problem], as_json: bool, code: str, *, printed: bool = False,
           extra: dict[str, Any] | None = None, **args: Any) -> NoReturn:
    """Stop a command that found errors: the problems (as JSON, or as lines unless already
    `printed`), then the refusal `code` on stderr; exit 1."""
    if as_json:
        echo_json({"ok": False, **(extra or {}), "problems": problem_list(problems)})
    elif not printed:
        print_problems(problems)
    if not as_json or printed:
        echo(t(code, **args), err=True)
    raise typer.Exit(ExitCode.PROBLEMS)


def exit_with(failed: bool) -> NoReturn:
    raise typer.Exit(ExitCode.PROBLEMS if failed else ExitCode.OK)


def progress_bar(quiet: bool, as_json: bool) -> Any:
    """A progress bar on stderr for people at a terminal; none for cron, --quiet or JSON."""
    if quiet or as_json:
        return None
    from lzzr.render.batch import progress_printer

    return progress_printer(sys.stderr)
