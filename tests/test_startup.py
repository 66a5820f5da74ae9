"""Start-up: Rich (typer's help formatter, ~0.1 s of imports) is loaded only to format help, and
then without rich.markdown and rich.traceback, which lzzr's help does not use."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

from lzzr.cli.app import build_app, click_group
from lzzr.i18n import set_lang

from .helpers import SAMPLE, run

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


def _made_commands(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    made: list[str] = []
    original = typer.main.get_command_from_info

    def counted(*args: Any, **kwargs: Any) -> Any:
        command = original(*args, **kwargs)
        made.append(command.name or "")
        return command

    monkeypatch.setattr(typer.main, "get_command_from_info", counted)
    return made


def test_the_top_help_makes_no_command(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    made = _made_commands(monkeypatch)
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "│ letters    生成责任书；--status 查看签订率" in out
    run(capsys, "report", "--help")
    assert made == []
    run(capsys, "letters", "--help")
    run(capsys, "report", "duty", "--help")
    assert made == ["letters", "duty"]


def _listed(group: Any, path: str = "") -> dict[str, tuple[Any, Any]]:
    """(listed, made) for every command of `group` and of its sub-groups, by command path."""
    with group.commands.listing():
        listed = {name: group.commands[name] for name in group.commands}
    pairs: dict[str, tuple[Any, Any]] = {}
    for name, entry in listed.items():
        made = group.commands[name]
        pairs[path + name] = (entry, made)
        if hasattr(made, "commands"):
            pairs.update(_listed(made, path + name + " "))
    return pairs


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_listed_command_reads_as_the_made_one(lang: str) -> None:
    set_lang(lang)
    pairs = _listed(click_group(build_app()))
    assert len(pairs) == 22 and sum(type(e).__name__ == "_Listed" for e, _ in pairs.values()) == 21
    for path, (entry, made) in pairs.items():
        for attr in ("name", "help", "short_help", "hidden", "deprecated", "rich_help_panel"):
            assert getattr(entry, attr) == getattr(made, attr), (path, attr)


def test_the_collector_is_off_while_starting_and_on_for_the_command(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    seen: list[bool] = []
    original = typer.echo

    def echo(*args: Any, **kwargs: Any) -> None:
        seen.append(gc.isenabled())
        original(*args, **kwargs)

    monkeypatch.setattr(typer, "echo", echo)
    assert run(capsys, "--version")[0] == 0 and seen == [False]  # an eager option: start-up
    assert gc.isenabled()
    seen.clear()
    assert run(capsys, "rules")[0] == 0 and seen and all(seen)
    assert gc.isenabled()


# What `lzzr --help` must leave unimported: the JSON writer, the data layer, the phases.
_HELP_PROBE = """
import contextlib, io, sys
from lzzr.cli.app import main
with contextlib.redirect_stdout(io.StringIO()):
    main(["--help"])
print(sorted(m for m in sys.modules if m.split(".")[0] in ("json", "pydantic", "ruamel", "yaml", "jinja2")
             or m.startswith(("lzzr.workspace", "lzzr.check", "lzzr.rules", "lzzr.render", "lzzr.decompose",
                              "lzzr.documents", "lzzr.assess", "lzzr.supervision", "lzzr.exchange",
                              "lzzr.accountability"))))
"""


def test_the_top_help_imports_no_data_layer() -> None:
    out = subprocess.run([sys.executable, "-c", _HELP_PROBE], capture_output=True, text=True, check=True,
                         env={**os.environ, "LZZR_LANG": "zh"}).stdout
    assert out.strip() == "[]"


def test_a_spawned_worker_of_the_console_script_imports_no_app(tmp_path: Path) -> None:
    """A render worker (multiprocessing's spawn) runs the console script's file again as its
    `__mp_main__`; its `from lzzr.cli import run` must not bring in Typer and the commands."""
    (tmp_path / "probe_modules.py").write_text("import sys\n\ndef modules():\n    return sorted(sys.modules)\n")
    script = tmp_path / "lzzr-script"
    script.write_text(  # as pip writes the console script, plus the probe
        "import sys\nfrom lzzr.cli import run\n"
        "if __name__ == '__main__':\n"
        f"    sys.path.insert(0, {str(tmp_path)!r})\n"
        "    import multiprocessing, probe_modules\n"
        "    with multiprocessing.get_context('spawn').Pool(1) as pool:\n"
        "        print(' '.join(pool.apply(probe_modules.modules)))\n")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True, timeout=60)
    modules = done.stdout.split()
    assert "lzzr.cli" in modules  # the script's import did run in the worker
    assert [m for m in modules if m.split(".")[0] in ("typer", "click", "rich") or m == "lzzr.cli.app"] == []
