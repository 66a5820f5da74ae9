"""Chinese words in Typer's and Click's help screens (panel titles, 'Usage', the --help line)."""

from __future__ import annotations

import contextlib
from typing import Any

from lzzr.i18n import tr


def localise_help() -> None:
    """lzzr's words and layout in Typer's help screens. Click's words (the 'Usage' prefix, the
    --help line) are set now; Rich's (panel titles, defaults, folded lines, see `_patch_rich`)
    the first time a help screen is formatted, so that only help imports Rich (~0.1 s). A group's
    help screen lists its commands without making them (see lzzr.cli.app.click_group)."""
    if tr("zh", "en") == "zh":
        with contextlib.suppress(ImportError, AttributeError):  # another Typer: English words stay
            _patch_click_words()
    from typer.core import HAS_RICH, TyperCommand, TyperGroup

    for cls in (TyperCommand, TyperGroup):
        original = cls.format_help
        if getattr(original, "_lzzr", False):
            continue

        def format_help(self: Any, ctx: Any, formatter: Any, _original: Any = original) -> None:
            _patch_rich()
            listing = getattr(getattr(self, "commands", None), "listing", None)
            if listing is None or not (HAS_RICH and self.rich_markup_mode is not None):
                _original(self, ctx, formatter)  # Click's plain help asks more of a command
                return
            with listing():  # lzzr.cli.app._Commands: the group's Rich help lists, makes none
                _original(self, ctx, formatter)

        format_help._lzzr = True  # type: ignore[attr-defined]
        cls.format_help = format_help  # type: ignore[method-assign]


# Rich's help words that lzzr writes in Chinese, and Typer's English ones (kept at the first patch)
_RICH_WORDS = {
    "OPTIONS_PANEL_TITLE": "选项",
    "ARGUMENTS_PANEL_TITLE": "参数",
    "COMMANDS_PANEL_TITLE": "命令",
    "ERRORS_PANEL_TITLE": "错误",
    "DEFAULT_STRING": "[默认: {}]",
    "REQUIRED_LONG_STRING": "[必填]",
    "ENVVAR_STRING": "[环境变量: {}]",
}
_RICH_ENGLISH: dict[str, str] = {}


def _patch_rich() -> None:
    """Rich's help words in the current language, and long help lines folded (`fold_long_help`)."""
    rich_utils = _rich_utils()
    if not _RICH_ENGLISH:
        _RICH_ENGLISH.update({name: getattr(rich_utils, name) for name in _RICH_WORDS})
    words = _RICH_WORDS if tr("zh", "en") == "zh" else _RICH_ENGLISH
    for name, word in words.items():
        setattr(rich_utils, name, word)
    fold_long_help()


class _Markdown:
    """rich.markdown.Markdown, imported when one is first made (only in Typer's markdown mode)."""

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        from rich.markdown import Markdown

        return Markdown(*args, **kwargs)


class _Traceback:
    """rich.traceback.Traceback, imported when first used (only for Typer's pretty tracebacks)."""

    @staticmethod
    def from_exception(*args: Any, **kwargs: Any) -> Any:
        from rich.traceback import Traceback

        return Traceback.from_exception(*args, **kwargs)


def _rich_utils() -> Any:
    """typer.rich_utils, imported without rich.markdown (markdown_it) and rich.traceback (pygments):
    ~65 ms of its ~100 ms import on a quiet machine, for two classes that Typer uses only in
    markdown mode and for pretty tracebacks, neither of which lzzr uses. While it is imported,
    the two modules stand for stand-ins that import the real class on first use, so every
    use still works; if this Typer imports anything else from them, the plain import is used."""
    import importlib
    import sys
    import types

    if "typer.rich_utils" in sys.modules:
        return sys.modules["typer.rich_utils"]
    stand_ins: dict[str, types.ModuleType] = {}
    for name, attr, value in (("rich.markdown", "Markdown", _Markdown), ("rich.traceback", "Traceback", _Traceback)):
        if name not in sys.modules:
            stand_ins[name] = types.ModuleType(name)
            setattr(stand_ins[name], attr, value)
    sys.modules.update(stand_ins)
    try:
        return importlib.import_module("typer.rich_utils")
    except ImportError:
        sys.modules.pop("typer.rich_utils", None)
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        stand_ins = {}
        return importlib.import_module("typer.rich_utils")
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


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


def hide_flag_types() -> None:
    """Show a flag as `--quiet`, not `--quiet <bool>`: a flag takes no value."""
    from typer.core import TyperOption

    original = TyperOption.display_type_rich
    if getattr(original, "_lzzr", False):
        return

    def display_type_rich(self: Any, ctx: Any) -> str | None:
        return None if getattr(self, "is_flag", False) else original(self, ctx)

    display_type_rich._lzzr = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


# Click's usage errors, in the words of a Chinese help screen (the first match wins; the
# rest of the message is translated again, so "No such command … Did you mean …" reads whole).
_CLICK_WORDS: tuple[tuple[str, str], ...] = (
    (r"^No such command '(.+?)'\.\s*", r"没有命令 '\1'。"),
    (r"^Did you mean (.+)\?$", r"是否指 \1？"),
    (r"^No such option: (\S+)\s*", r"没有选项 \1。"),
    (r"^\(Possible options: (.+?)\)\s*", r"是否指 \1？"),
    (r"^Missing argument '(.+?)'\.$", r"缺少参数 '\1'。"),
    (r"^Missing option '(.+?)'\.$", r"缺少选项 '\1'。"),
    (r"^Option '(.+?)' requires an argument\.$", r"选项 '\1' 需要一个值。"),
    (r"^Got unexpected extra arguments? \((.+)\)$", r"多余的参数（\1）"),
    (r"^Invalid value for (.+?): (?:Value error, )?'(.+?)' is not one of (.+)\.$", r"\1 的值 '\2' 无效，可选：\3。"),
    (r"^Invalid value for (.+?): '(.+?)' is not a valid integer\.$", r"\1 的值 '\2' 不是整数。"),
    (r"^Invalid value for (.+?): (.+)$", r"\1 的值无效：\2"),
)


def click_message(text: str) -> str:
    """A Click usage error in the current language (Click writes English only)."""
    import re

    if tr("zh", "en") == "en":
        return text
    out, rest = "", text.strip()
    while rest:
        for pattern, replacement in _CLICK_WORDS:
            match = re.match(pattern, rest)
            if match:
                out += match.expand(replacement)
                rest = rest[match.end():].strip()
                break
        else:
            return out + rest
    return out


def localise_completion(command: Any) -> None:
    """The help lines of Typer's two completion options, in the current language."""
    words = {
        "install_completion": tr("为当前 shell 安装命令补全", "install completion for the current shell"),
        "show_completion": tr("显示当前 shell 的补全脚本（可复制或自行安装）",
                              "show the completion script for the current shell"),
    }
    for param in getattr(command, "params", ()):
        if param.name in words:
            param.help = words[param.name]


def fold_long_help() -> None:
    """Let a help line wrap instead of ending in "…": Rich crops a column item wider than the
    column, and a Chinese sentence has no spaces to wrap at."""
    from rich.text import Text
    from typer import rich_utils

    original = rich_utils._get_parameter_help
    if getattr(original, "_lzzr", False):
        return

    def parameter_help(**kwargs: Any) -> Any:
        columns = original(**kwargs)
        parts = list(getattr(columns, "renderables", ()))
        if not parts or not all(isinstance(p, Text) for p in parts):
            return columns
        joined = Text(" ").join(parts)
        joined.overflow = "fold"
        return joined

    parameter_help._lzzr = True  # type: ignore[attr-defined]
    rich_utils._get_parameter_help = parameter_help
