"""The command line: the Typer app, shared options, one module per command group."""

from lzzr.cli.app import main

__all__ = ["main"]
