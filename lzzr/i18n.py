"""Message language: Chinese by default, English with `--lang en` or `LZZR_LANG=en`."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from lzzr.messages import CATALOG, KINDS
from lzzr.text import escape_controls

LANGS = ("zh", "en")
_state = {"lang": "zh"}


def lang_from(argv: Sequence[str], environ: dict[str, str] | None = None) -> str:
    """The language asked for: `--lang X` on the command line wins over LZZR_LANG."""
    env = os.environ if environ is None else environ
    chosen = env.get("LZZR_LANG", "zh")
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            chosen = argv[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    chosen = chosen.lower().split("_")[0].split("-")[0]
    return chosen if chosen in LANGS else "zh"


def set_lang(lang: str) -> None:
    _state["lang"] = lang if lang in LANGS else "zh"


def get_lang() -> str:
    return _state["lang"]


def t(code: str, **args: Any) -> str:
    """The message `code` in the current language, filled with `args`."""
    entry = CATALOG.get(code)
    if entry is None:
        return f"{code} {args}" if args else code
    text = entry[1] if get_lang() == "en" else entry[0]
    args = {k: escape_controls(v) if isinstance(v, str) else v for k, v in args.items()}
    try:
        return text.format(**args)
    except (KeyError, IndexError, ValueError):
        return text


def tr(zh: str, en: str) -> str:
    """Pick one of two inline texts (for help strings)."""
    return en if get_lang() == "en" else zh


def kind_label(kind: str) -> str:
    pair = KINDS.get(kind, (kind, kind))
    return pair[1] if get_lang() == "en" else pair[0]


def fmt_date(day: Any) -> str:
    """A date in the current language: `2026年7月1日` or `2026-07-01`."""
    if get_lang() == "en":
        return str(day.isoformat())
    return f"{day.year}年{day.month}月{day.day}日"


# ── text made when printed ──────────────────────────────────────────────────────────────
# Computed results (an assessment's lines, steps, notes) hold these instead of finished
# sentences, so that the language is chosen when the result is printed or rendered, not
# while it is computed. Each one becomes text through str() — and so through format(),
# f-strings, Jinja's autoescape and t() itself — in the language current at that moment.


@dataclass(frozen=True)
class Msg:
    """A catalogue message still to be written: its code and arguments (which may be texts)."""

    code: str
    args: tuple[tuple[str, Any], ...] = ()

    def __str__(self) -> str:
        return t(self.code, **dict(self.args))


@dataclass(frozen=True)
class Joined:
    """Texts written one after another with `sep` between them; empty when it has no parts."""

    parts: tuple[Any, ...]
    sep: str = ""

    def __str__(self) -> str:
        return self.sep.join(str(p) for p in self.parts)

    def __bool__(self) -> bool:
        return bool(self.parts)


@dataclass(frozen=True)
class DateText:
    """A date written in the language current when it is printed (see `fmt_date`)."""

    day: dt.date

    def __str__(self) -> str:
        return fmt_date(self.day)


Text = str | Msg | Joined | DateText


def msg(code: str, **args: Any) -> Msg:
    """`t(code, **args)`, written later: the text of a computed result."""
    return Msg(code, tuple(args.items()))


def text(value: Any) -> str:
    """A computed text (or anything else) as a string in the current language."""
    return str(value)
