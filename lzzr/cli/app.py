"""The command line: build the app, pick the language, map every outcome to an exit code.

Each command group lives in its own module (`workspace`, `decompose`, `documents`,
`assess`, `supervision`) with a `register_commands(app)`; shared options are in `options.py`, printing in
`output.py`. No domain logic lives here.
"""

from __future__ import annotations

import atexit
import contextlib
import inspect
import os
import sys
import threading
from collections.abc import Iterator, MutableMapping, Sequence
from typing import Any, NoReturn

import typer

from lzzr import __version__
from lzzr.cli.output import PipeClosed, echo
from lzzr.errors import ExitCode, LzzrError
from lzzr.heap import StartUp
from lzzr.i18n import lang_from, set_lang, t, tr


def build_app() -> typer.Typer:
    """The Typer app, with help texts in the language chosen before it is built."""
    from lzzr.cli import accountability, assess, decompose, documents, exchange, supervision, workspace
    from lzzr.cli.help import hide_flag_types, localise_help

    localise_help()
    hide_flag_types()
    app = typer.Typer(
        name="lzzr",
        help=tr(
            "lzzr：党风廉政建设责任制工具——年初责任分解、责任书与承诺书、年终考核、责任追究。",
            "lzzr: the clean-governance responsibility system toolkit — year-start "
            "decomposition, letters and pledges, year-end assessment, accountability.",
        ),
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    _add_global(app)
    for group in (workspace, decompose, documents, assess, supervision, exchange, accountability):
        group.register_commands(app)
    return app


def click_group(app: typer.Typer) -> Any:
    """The Click group of `app`, as typer.main.get_command makes it, except that each command (of
    `app` and of its named sub-apps) is made from its Typer declaration (its signature inspected,
    its options built) only when it is looked up: a run needs one command, `--version` none, a
    group's help screen none (it lists names and help texts, see `_Commands.listing`);
    completion looks up all."""
    declared = {id(a): (a, a.registered_commands) for a in _apps(app)}
    for a, _ in declared.values():
        a.registered_commands = []
    try:
        group = typer.main.get_command(app)
    finally:
        for a, commands in declared.values():
            a.registered_commands = commands
    settings = {"pretty_exceptions_short": app.pretty_exceptions_short, "rich_markup_mode": app.rich_markup_mode}
    _defer(group, app, settings)
    return group


def _apps(app: typer.Typer) -> list[typer.Typer]:
    """`app` and its named sub-apps, at every depth (a nameless one's commands join its parent's:
    they are left to Typer)."""
    subs = [info.typer_instance for info in app.registered_groups if info.name and info.typer_instance]
    return [app, *(a for sub in subs for a in _apps(sub))]


def _defer(group: Any, app: typer.Typer, settings: dict[str, Any]) -> None:
    for info in app.registered_groups:
        if info.name and info.typer_instance:
            _defer(group.commands[info.name], info.typer_instance, settings)
    pending = {info.name or typer.main.get_command_name(info.callback.__name__): info
               for info in app.registered_commands if info.callback is not None}
    group.commands = _Commands(settings, pending, group.commands)


class _Listed:
    """A command as a group's Rich help screen reads it (typer.rich_utils.rich_format_help: the
    name, help, short help, hidden, deprecated, panel), taken from its Typer declaration as
    typer.main.get_command_from_info takes it; tests/test_startup.py compares the two."""

    def __init__(self, name: str, info: Any) -> None:
        self.name = name
        self.help = inspect.getdoc(info.callback) if info.help is None else inspect.cleandoc(info.help)
        self.short_help = info.short_help
        self.hidden = info.hidden
        self.deprecated = info.deprecated
        self.rich_help_panel = info.rich_help_panel


class _Commands(MutableMapping[str, Any]):
    """A group's commands by name, in typer's order (commands, then sub-groups), each made on
    first access; while `listing` (lzzr.cli.help, as the group's help screen is formatted), a
    command not made yet is given as `_Listed`."""

    def __init__(self, settings: dict[str, Any], pending: dict[str, Any], made: MutableMapping[str, Any]) -> None:
        self._settings, self._pending = settings, pending
        self._made: dict[str, Any] = {name: None for name in pending}
        self._made.update(made)
        self._listing = False

    @contextlib.contextmanager
    def listing(self) -> Iterator[None]:
        self._listing = True
        try:
            yield
        finally:
            self._listing = False

    def __getitem__(self, name: str) -> Any:
        if self._made[name] is None:
            if self._listing:
                return _Listed(name, self._pending[name])
            self._made[name] = typer.main.get_command_from_info(self._pending.pop(name), **self._settings)
        return self._made[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._pending.pop(name, None)
        self._made[name] = command

    def __delitem__(self, name: str) -> None:
        self._pending.pop(name, None)
        del self._made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._made)

    def __len__(self) -> int:
        return len(self._made)


def _version(value: bool) -> None:
    if value:
        echo(f"lzzr {__version__}")
        raise typer.Exit()


def _add_global(app: typer.Typer) -> None:
    @app.callback()
    def main_options(
        lang: str = typer.Option("zh", "--lang", help=tr(
            "提示信息语言：zh 或 en（也可设环境变量 LZZR_LANG）",
            "message language: zh or en (or set LZZR_LANG)")),
        debug: bool = typer.Option(False, "--debug", help=tr(
            "出现内部错误时显示调用栈", "show the traceback of an internal error")),
        version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                     help=tr("显示版本", "show the version")),
    ) -> None:
        """Options shared by every command (their values are read before parsing)."""
        _START.resume()  # a command begins: the collector is on for its work


_START = StartUp()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: pick the language, run the app, map every outcome to an ExitCode."""
    with _START:  # no cyclic collector until a command begins (lzzr/heap.py StartUp)
        return _run(list(sys.argv[1:] if argv is None else argv))


def run() -> NoReturn:
    """The console script and `python -m lzzr`: `main`, then out without tearing the heap down.

    The interpreter's own exit frees every object one by one (modules, the rules' index, the
    workspace: ~1.2 s of a 10 s `decompose --format json --no-pdf` at 10,000 tasks) for a process
    whose memory the system takes back at once. The rest of a normal exit is done as it would
    be: the exit handlers libraries registered (logging, multiprocessing's finalizers, openpyxl's
    temporary files), then stdout and stderr flushed. Everything lzzr writes is closed by then
    (`fsutil.write_atomic`, the lock). With another thread still running, the normal exit runs.
    """
    code = main()
    if threading.active_count() > 1:
        raise SystemExit(code)
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # `lzzr ... | head`: as a closed pipe during the run
        _silence_stdout()
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)


def _run(args: list[str]) -> int:
    set_lang(lang_from(args))
    debug = "--debug" in args
    args = strip_global_options(args)
    from typer._click.exceptions import NoArgsIsHelpError
    from typer._click.exceptions import UsageError as ClickUsageError

    command = click_group(build_app())
    from lzzr.cli.help import localise_completion

    localise_completion(command)
    try:
        result: Any = command.main(args=args, prog_name="lzzr", standalone_mode=False)
    except LzzrError as exc:
        echo(t(exc.code, **exc.args_), err=True)
        return int(exc.exit_code)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except NoArgsIsHelpError as exc:  # `lzzr`, `lzzr report`: the help (Rich has printed it), no error line
        if exc.format_message().strip():
            echo(exc.format_message())
        return int(ExitCode.USAGE)
    except ClickUsageError as exc:
        from lzzr.cli.help import click_message

        echo(t("usage.error", detail=click_message(exc.format_message())), err=True)
        return int(ExitCode.USAGE)
    except (KeyboardInterrupt, typer.Abort):
        echo(t("interrupted"), err=True)
        return int(ExitCode.INTERRUPTED)
    except SystemExit as exc:  # shell completion and --show-completion end with sys.exit
        return exc.code if isinstance(exc.code, int) else int(ExitCode.OK)
    except (BrokenPipeError, PipeClosed):  # `lzzr check | head`: stop writing, nothing went wrong
        _silence_stdout()
        return int(ExitCode.OK)
    except Exception as exc:
        if debug:
            raise
        echo(t("internal", detail=f"{type(exc).__name__}: {exc}"), err=True)
        return int(ExitCode.INTERNAL)
    return int(result) if isinstance(result, int) else int(ExitCode.OK)


def strip_global_options(args: list[str]) -> list[str]:
    """--lang and --debug are read before parsing, so they may stand anywhere on the line."""
    kept: list[str] = []
    skip = False
    for i, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == "--":
            kept += args[i:]
            break
        elif arg == "--lang":
            skip = True
        elif not (arg.startswith("--lang=") or arg == "--debug"):
            kept.append(arg)
    return kept


def _silence_stdout() -> None:
    """After a closed pipe (`lzzr check | head`), stop Python's final flush from failing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
