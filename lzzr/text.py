"""Small text helpers shared by every layer: the order in which people sort ids."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"(\d+)")


def natural_key(rid: str) -> tuple[tuple[str | int, ...], str]:
    """Sort key for ids with numbers in them: T2 < T10, T01 < T01.1 < T01.2 < T01.10.

    `re.split` with a group alternates text (even places) and digits (odd places), so every
    place holds one type and keys compare without a TypeError; the id itself breaks ties
    (`T1` and `T01`), so the order never depends on the order of the input.
    """
    parts = _NUMBER.split(rid)
    return tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), rid


_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")


def escape_controls(value: str) -> str:
    """`value` with control characters written as escapes (`\\n`, `\\x00`, `\\u202e`), so
    that a file name holding a newline cannot forge a second line in a message or a log."""
    import unicodedata

    if value.isprintable():
        return value
    return "".join(c.encode("unicode_escape").decode("ascii")
                   if unicodedata.category(c) == "Cc" or c in _BIDI else c for c in value)


def cut(value: str, limit: int = 200) -> str:
    """`value`, cut after `limit` characters with `…（共 N 字）` when longer."""
    return value if len(value) <= limit else f"{value[:limit]}…（共 {len(value)} 字）"
