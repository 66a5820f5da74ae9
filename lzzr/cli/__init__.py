"""The command line: the Typer app, shared options, one module per command group.

`main` and `run` import the app when called: the console script's file, which a spawned render
worker runs again as its `__mp_main__` (multiprocessing's spawn), then costs that worker nothing
(Typer, Click and the command modules were ~0.19 s of its start).
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import NoReturn


def main(argv: Sequence[str] | None = None) -> int:
    """`lzzr.cli.app.main`: run the command line on `argv` (default: sys.argv), return the exit code."""
    code: int = _app().main(argv)
    return code


def run() -> NoReturn:
    """`lzzr.cli.app.run`: the console script's entry."""
    _app().run()
    raise SystemExit  # not reached: run ends the process


def _app() -> ModuleType:
    from lzzr.heap import collector_paused

    with collector_paused():  # the imports make objects that live to the end (lzzr/heap.py)
        from lzzr.cli import app
    return app


__all__ = ["main", "run"]
