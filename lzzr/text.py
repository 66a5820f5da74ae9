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
