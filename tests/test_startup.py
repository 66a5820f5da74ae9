"""Start-up: Rich (typer's help formatter, ~0.1 s of imports) is loaded only to format help, and
then without rich.markdown and rich.traceback, which lzzr's help does not use."""

from __future__ import annotations

import os
import subprocess
import sys

from .helpers import SAMPLE

# One interpreter for three runs: after each, which of Rich's modules are loaded.
_PROBE = """
import contextlib, io, sys
from lzzr.cli.app import main
for args in (["--version"], ["check", sys.argv[1], "--quiet"], ["letters", "--help"]):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        main(args)
    print(args[0], "typer.rich_utils" in sys.modules, "rich" in sys.modules)
print("markdown", "rich.markdown" in sys.modules, "rich.traceback" in sys.modules)
from typer import rich_utils  # Typer's markdown mode would still get the real class
print(type(rich_utils.Markdown("*x*")).__module__)
"""


def test_rich_is_imported_only_to_format_help() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE, str(SAMPLE)], capture_output=True, text=True,
                         check=True, env={**os.environ, "LZZR_LANG": "zh"}).stdout
    assert out.splitlines() == ["--version False False", "check False False", "letters True True",
                                "markdown False False", "rich.markdown"]
