"""The glyph check for documents made from many records (dossier, opinion, 述职述廉 draft):
every text the document prints, checked against the chosen fonts before rendering. A missing
character is reported at the leader's record, naming the text it stands in."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lzzr.errors import Problem, Record, Severity
from lzzr.render.fonts import ROLES, choose, installed_families
from lzzr.workspace.load import Workspace


def strings(value: Any) -> Iterator[str]:
    """Every string inside plain data (dicts, lists)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from strings(v)


def data_glyph_problems(ws: Workspace, leader: str, data: Any) -> list[Problem]:
    """G001 for each character of `data` that none of the chosen fonts can draw."""
    from lzzr.render.glyphs import char_label, coverage, find_missing

    assert ws.config is not None
    choices = choose(ws.config.fonts, installed_families())
    stack = tuple(dict.fromkeys(name for role in ROLES for name in choices[role].stack))
    texts = [((), text) for text in dict.fromkeys(strings(data))]
    chars = dict.fromkeys(char for _, char in find_missing(texts, coverage(stack)))
    return [Problem("G001", ws.locate("leader", leader), Severity.ERROR, Record("leader", leader),
                    {"char": char_label(char)}) for char in chars]
