"""Names → ids: the one resolver for a leader written by name, a unit by full name or 简称.

A reference is read as an id first; a value that is no id is looked up by name (after NFKC
normalisation, without spaces, so `县 委` and full-width letters match). A name one record
has stands for that record's id, as if the id had been written; a name several records
share is ambiguous, and the caller reports the candidates. Lookups go through a dict built
once per workspace (a city-sized workspace asks for every reference of every task).
Used by the loader (every reference of the year-start data), by the record checks, by
`lzzr import` (lzzr/exchange/resolve.py) and by `lzzr sign --by`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lzzr.workspace.load import Workspace


def normalise(text: str) -> str:
    """Full-width to half-width, no spaces: `示例旗 财政局（局）` ~ `示例旗财政局(局)`."""
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class Found:
    """What a reference stands for: the id (None when unknown or ambiguous) and, for a name
    that several records share, their ids (sorted)."""

    id: str | None
    candidates: tuple[str, ...] = ()
    by_name: bool = False  # the value was a name, not an id


@dataclass
class Names:
    """The names of one kind of record and the ids they stand for (ids themselves first)."""

    ids: set[str] = field(default_factory=set)
    names: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, entries: Iterable[tuple[str, Iterable[str | None]]]) -> Names:
        """From (id, names) pairs."""
        found = cls()
        for rid, names in entries:
            found.ids.add(rid)
            for name in names:
                if name:
                    found.names.setdefault(normalise(name), set()).add(rid)
        return found

    def resolve(self, ref: str) -> Found:
        """`ref` as an id, else as the name of exactly one record, else the candidates."""
        if ref in self.ids:
            return Found(ref)
        ids = sorted(self.names.get(normalise(ref), ()))
        if len(ids) == 1:
            return Found(ids[0], by_name=True)
        return Found(None, tuple(ids), by_name=bool(ids))


def names_of(ws: Workspace, kind: str) -> Names:
    """The resolver for `unit` (and `team`, named by its unit) or `leader` references."""
    return ws.memoised(f"names.{kind}", lambda w: _build(w, kind))


def _build(ws: Workspace, kind: str) -> Names:
    if kind == "leader":
        return Names.of((lid, (leader.name,)) for lid, leader in ws.leaders.items())
    if kind == "team":
        return Names.of((uid, (unit.name, unit.short)) for uid, unit in ws.units.items() if uid in ws.teams)
    return Names.of((uid, (unit.name, unit.short)) for uid, unit in ws.units.items())


RESOLVED_KINDS = ("unit", "leader", "team")


def resolve(ws: Workspace, kind: str, ref: str) -> Found:
    """What reference `ref` to a record of `kind` stands for (other kinds: by id only)."""
    if kind not in RESOLVED_KINDS:
        return Found(ref if ref in ws.collection(kind) else None)
    return names_of(ws, kind).resolve(ref)
