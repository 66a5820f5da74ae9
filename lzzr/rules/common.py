"""What the rules share: names for messages, where a field is written, records that did not load.

Pure helpers over a loaded workspace; no rule lives here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from lzzr.errors import Location
from lzzr.i18n import get_lang
from lzzr.responsibility import issuing_team
from lzzr.rules.index import index, raw_ids, unloaded, unloaded_posts
from lzzr.text import natural_key
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Task

__all__ = ["raw_ids", "unloaded", "unloaded_posts"]  # re-exported for the rules

Field = str | tuple[Any, ...]


def _named(name: str, rid: str) -> str:
    return f"{name} ({rid})" if get_lang() == "en" else f"{name}（{rid}）"


def leader_name(ws: Workspace, leader_id: str) -> str:
    """`王建国（wjg）` (`王建国 (wjg)` in English), or the bare id of an unknown leader."""
    leader = ws.leaders.get(leader_id)
    return _named(leader.name, leader_id) if leader else leader_id


def unit_name(ws: Workspace, unit_id: str) -> str:
    """`财政局（czj）` (`财政局 (czj)` in English), or the bare id of an unknown unit."""
    unit = ws.units.get(unit_id)
    return _named(unit.label, unit_id) if unit else unit_id


def leader_names(ws: Workspace, leader_ids: Iterable[str]) -> str:
    """Several leaders' names joined with 、 (ids only where the name is unknown)."""
    return "、".join(ws.leaders[i].name if i in ws.leaders else i for i in leader_ids)


def id_list(ids: Iterable[str], limit: int = 5) -> str:
    """`T01、T02、T03` in natural order, cut to `limit` with a count of the rest."""
    ordered = sorted(set(ids), key=natural_key)
    shown = "、".join(ordered[:limit])
    return shown + (f" 等{len(ordered)}项" if len(ordered) > limit else "")


def where(ws: Workspace, kind: str, rid: str, *fields: Field, key: bool = False) -> Location:
    """The place of the first of `fields` that is written in the record, else the record.

    A field is a Chinese key or a path of keys and list indexes (`("成员", 2, "分管")`).
    """
    record = ws.locate(kind, rid)
    for f in fields:
        path = f if isinstance(f, tuple) else (f,)
        found = ws.locate(kind, rid, *path, key=key)
        if found != record:
            return found
    return record


def in_year(ws: Workspace, day: dt.date) -> bool:
    return ws.config is not None and ws.config.year_start <= day <= ws.config.year_end


def maybe_unseen_post(ws: Workspace, leader_id: str) -> bool:
    """Whether the leader is named on a team that did not load (so a post may be unseen)."""
    return leader_id in index(ws).unseen


def sound_tasks(ws: Workspace) -> list[str]:
    """The ids of tasks whose 所属任务 chain ends at a top-level task, sorted.

    A task in (or under) a parent cycle has already been reported (R003/R004) and what it
    inherits is arbitrary, so the rules leave it alone.
    """
    return index(ws).sound


def top_team(ws: Workspace) -> str | None:
    """The issuing team when it is known and loaded (rules that need its principal skip otherwise)."""
    top = issuing_team(ws)
    return top if top in ws.teams else None


def own_sub_tasks(ws: Workspace, field: str) -> Iterator[tuple[str, Task, Task]]:
    """(id, sub-task, parent) for each sound sub-task that sets `field` itself (not inherited)."""
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        parent = ws.tasks.get(task.parent or "")
        if parent is not None and field not in ws.inherited.get(tid, frozenset()):
            yield tid, task, parent
