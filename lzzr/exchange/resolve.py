"""Names → ids: a unit by id, full name or 简称, a leader by id or name, a task by id or name.

Unique matches are taken; a name several records share is ambiguous; a name no record
has gets the closest names as suggestions. A name that only contains (or is contained in)
exactly one record's name is taken too, with a warning saying how it was read. Names are
compared as the loader compares them (`normalise` of lzzr/workspace/names.py, the resolver
of references in the data); a spreadsheet cell may also name a task or part of a name.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from lzzr.exchange.values import CellError
from lzzr.workspace.load import Workspace
from lzzr.workspace.names import normalise


@dataclass
class Directory:
    """The names of one kind of record (`unit`, `leader` …) and the ids they stand for."""

    kind: str
    partial: bool = False  # accept a unique partial match (units: `旗财政局` for 财政局)
    names: dict[str, set[str]] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def add(self, rid: str, label: str, *names: str | None) -> None:
        self.labels[rid] = label
        for name in (rid, label, *names):
            if name:
                self.names.setdefault(normalise(name), set()).add(rid)

    def resolve(self, text: str) -> tuple[str, bool]:
        """The id `text` names, and whether it was only a partial match (worth a warning).

        Raises:
            CellError: X110 (ambiguous, with the candidates) or X111 (unknown, with suggestions).
        """
        key = normalise(text)
        ids = self.names.get(key, set())
        if len(ids) == 1:
            return next(iter(ids)), False
        if not ids:
            ids = {rid for name, found in self.names.items() if len(name) >= 2 and _overlaps(key, name)
                   for rid in found}
            if len(ids) == 1 and self.partial:
                return next(iter(ids)), True
            if len(ids) == 1:
                raise CellError("X111", value=text, kind=self.kind, candidates=self._show(sorted(ids)),
                                msg="X111.suggest")
        if ids:
            raise CellError("X110", value=text, kind=self.kind, candidates=self._show(sorted(ids)))
        close = difflib.get_close_matches(key, list(self.names), n=3, cutoff=0.5)
        found = sorted({rid for name in close for rid in self.names[name]})
        if found:
            raise CellError("X111", value=text, kind=self.kind, candidates=self._show(found), msg="X111.suggest")
        raise CellError("X111", value=text, kind=self.kind)

    def label(self, rid: str) -> str:
        return self.labels.get(rid, rid)

    def _show(self, ids: list[str], limit: int = 5) -> str:
        shown = [i if self.labels.get(i, i) == i else f"{self.labels[i]}（{i}）" for i in ids[:limit]]
        return "、".join(shown) + ("、…" if len(ids) > limit else "")


def _overlaps(key: str, name: str) -> bool:
    return key in name or name in key


def directories(ws: Workspace) -> dict[str, Directory]:
    """Unit, leader, task, upper-task and upper-document directories of a loaded workspace."""
    units, leaders = Directory("unit", partial=True), Directory("leader")
    tasks, uptasks, updocs = Directory("task"), Directory("uptask"), Directory("updoc")
    for uid, unit in ws.units.items():
        units.add(uid, unit.label, unit.name, unit.short)
    for lid, leader in ws.leaders.items():
        leaders.add(lid, leader.name)
    for tid, task in ws.tasks.items():
        tasks.add(tid, task.title)
    for sid, _up in ws.uptasks.items():
        uptasks.add(sid, sid)
    for did, doc in ws.updocs.items():
        updocs.add(did, doc.name, doc.number)
    return {d.kind: d for d in (units, leaders, tasks, uptasks, updocs)}
