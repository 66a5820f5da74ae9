"""The command line: the Typer app, shared options, one module per command group."""

from lzzr.heap import collector_paused

with collector_paused():  # the imports make objects that live to the end (lzzr/heap.py)
    from lzzr.cli.app import main, run

__all__ = ["main", "run"]
