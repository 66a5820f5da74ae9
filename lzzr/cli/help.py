"""Chinese words in Typer's and Click's help screens (panel titles, 'Usage', the --help line)."""

from __future__ import annotations

import contextlib
from typing import Any

from lzzr.i18n import tr


def localise_help() -> None:
    """Chinese words in Typer's help screens (panel titles, 'Usage', the --help option)."""
    from typer import rich_utils

    if tr("zh", "en") == "zh":
        with contextlib.suppress(ImportError, AttributeError):  # another Typer: English words stay
            _patch_click_words()
        rich_utils.OPTIONS_PANEL_TITLE = "选项"
        rich_utils.ARGUMENTS_PANEL_TITLE = "参数"
        rich_utils.COMMANDS_PANEL_TITLE = "命令"
        rich_utils.ERRORS_PANEL_TITLE = "错误"
        rich_utils.DEFAULT_STRING = "[默认: {}]"
        rich_utils.REQUIRED_LONG_STRING = "[必填]"
        rich_utils.ENVVAR_STRING = "[环境变量: {}]"


def _patch_click_words() -> None:
    from typer._click import decorators, formatting

    original_usage = formatting.HelpFormatter.write_usage
    if getattr(original_usage, "_lzzr", False):
        return

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "用法: " if prefix is None else prefix)

    write_usage._lzzr = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    original_help = decorators.help_option

    def help_option(*names: Any) -> Any:
        decorate = original_help(*names)

        def apply(f: Any) -> Any:
            result = decorate(f)
            f.params[-1].help = "显示此帮助并退出"
            return result

        return apply

    decorators.help_option = help_option  # type: ignore[assignment]
