"""Indexes over a loaded workspace, built once per check and shared by every rule.

The rules ask the same questions of every task (who is in charge of this unit, is this team
under the issuing team, does this leader hold a post there); answered by scanning every team
for every task, a city-sized workspace takes tens of seconds. Here each answer is a lookup:
units by ancestors, posts by unit in charge and by leader, sub-tasks by parent. The answers
and their order are exactly those of `lzzr.responsibility`, whose functions stay the
definition (tests compare the two on real data).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lzzr.responsibility import Charge, issuing_team, overlaps, posts_index
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Task
from lzzr.workspace.sections import SECTIONS


@dataclass
class Index:
    """Lookups over one workspace (see the module docstring)."""

    ancestors: dict[str, list[str]]
    upper_team: dict[str, str | None]
    under: dict[str, list[str]]  # team unit id → units whose nearest team above it is (units_under)
    charges: dict[str, list[Charge]]  # unit id → posts in charge of it, in team and member order
    posts: dict[str, list[Charge]]  # leader id → their posts, in team and member order
    sound: list[str]  # tasks whose parent chain ends at a top-level task, sorted
    children: dict[str, list[str]]  # task id → its sub-tasks (loaded), in load order
    unseen: frozenset[str]  # leaders named on a team that did not load
    issuing: str | None
    subtree: dict[str, frozenset[str]] = field(default_factory=dict)  # root → teams at or below it
    allowed: dict[tuple[str, dt.date | None], list[str]] = field(default_factory=dict)  # overall_leaders

    def in_subtree(self, unit_id: str, root_id: str) -> bool:
        """`responsibility.in_subtree`: `unit_id` is `root_id` or lies below it."""
        return unit_id == root_id or root_id in self.ancestors.get(unit_id, ())

    def teams_under(self, ws: Workspace, root_id: str) -> frozenset[str]:
        """The teams at or below `root_id` (memoised per root)."""
        if root_id not in self.subtree:
            self.subtree[root_id] = frozenset(t for t in ws.teams if self.in_subtree(t, root_id))
        return self.subtree[root_id]

    def in_charge_of(self, unit_id: str, day: dt.date | None = None) -> list[Charge]:
        """`responsibility.in_charge_of`: the posts in charge of `unit_id` (active on `day`)."""
        found = self.charges.get(unit_id, [])
        return found if day is None else [c for c in found if c.post.active_on(day)]

    def overall_leaders(self, ws: Workspace, unit_id: str, day: dt.date | None = None) -> list[str]:
        """`responsibility.overall_leaders`, by lookup (memoised per unit and day: tasks share both)."""
        key = (unit_id, day)
        if key not in self.allowed:
            upper = self.upper_team.get(unit_id)
            found = [c.post.leader for c in self.in_charge_of(unit_id, day) if self.rightful(c, upper, day)]
            found += _principals(ws, upper, day) + _principals(ws, self.issuing, day)
            self.allowed[key] = list(dict.fromkeys(found))
        return self.allowed[key]

    def rightful(self, charge: Charge, upper: str | None, day: dt.date | None = None) -> bool:
        """`responsibility.rightful`, by lookup of the leader's posts."""
        if upper is None or charge.team == upper:
            return True
        return any(c.team == upper and (c.post.active_on(day) if day is not None else overlaps(c.post, charge.post))
                   for c in self.posts.get(charge.post.leader, ()))

    def main_leader(self, task: Task, day: dt.date | None = None) -> str | None:
        """The leader who bears 主要领导责任 in `responsibility.task_responsibility`."""
        if task.leader:
            return task.leader
        charges = self.in_charge_of(task.lead, day or task.deadline) if task.lead else []
        return charges[0].post.leader if charges else None


def _principals(ws: Workspace, unit_id: str | None, day: dt.date | None = None) -> list[str]:
    team = ws.teams.get(unit_id or "")
    return list(dict.fromkeys(p.leader for p in team.principals(day))) if team else []


def index(ws: Workspace) -> Index:
    """The workspace's index, built on first use and kept while the collections are the same."""
    return ws.memoised("rules.index", build)


def build(ws: Workspace) -> Index:
    """Every lookup, each in one pass (ancestors: one walk up per unit)."""
    ancestors = {uid: _ancestors(ws, uid) for uid in ws.units}
    upper = {uid: next((a for a in chain if a in ws.teams), None) for uid, chain in ancestors.items()}
    under: dict[str, list[str]] = {}
    for uid in sorted(ws.units):
        above = upper[uid]
        if above is not None:
            under.setdefault(above, []).append(uid)
    charges, posts = posts_index(ws)
    children: dict[str, list[str]] = {}
    for tid, task in ws.tasks.items():
        if task.parent:
            children.setdefault(task.parent, []).append(tid)
    unseen = frozenset(lid for post in unloaded_posts(ws) for lid in raw_ids(post, "领导"))
    return Index(ancestors, upper, under, charges, posts, _sound(ws), children, unseen, issuing_team(ws))


def _ancestors(ws: Workspace, unit_id: str) -> list[str]:
    """`responsibility.ancestors`: nearest first, stopping at a cycle or an unknown unit."""
    chain: list[str] = []
    seen: set[str] = set()
    unit = ws.units.get(unit_id)
    while unit is not None and unit.parent and unit.parent not in seen and unit.parent != unit_id:
        chain.append(unit.parent)
        seen.add(unit.parent)
        unit = ws.units.get(unit.parent)
    return chain


def _sound(ws: Workspace) -> list[str]:
    """Tasks whose 所属任务 chain ends at a top-level task, sorted; each chain walked once."""
    verdict: dict[str, bool] = {}
    for start in ws.tasks:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node in ws.tasks and node not in verdict and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = ws.tasks[node].parent
        # ends at a known verdict, at a top-level task (None / unknown parent), or in a cycle
        ok = verdict.get(node or "", node not in on_path)
        for tid in path:
            verdict[tid] = ok
    return sorted(tid for tid, ok in verdict.items() if ok)


def unloaded(ws: Workspace, kind: str) -> Iterator[tuple[str, Any]]:
    """(id, raw data) of every record of `kind` written in the workspace that did not load.

    Rules use them to stay quiet where a record they cannot see might settle the question
    (a sub-task that failed to load still makes its parent a non-leaf).
    """
    section = next(name for name, (k, _) in SECTIONS.items() if k == kind)
    loaded = ws.collection(kind)
    for file in sorted(ws.raw):
        body = ws.raw[file].get(section) if isinstance(ws.raw[file], dict) else None
        if not isinstance(body, dict):
            continue
        for rid, raw in body.items():
            if str(rid) not in loaded:
                yield str(rid), raw


def raw_ids(raw: Any, key: str) -> list[str]:
    """The id or ids written under `key` in a raw record (`x` or `[x, y]`), as text."""
    value = raw.get(key) if isinstance(raw, dict) else None
    if isinstance(value, (str, int)):
        return [str(value)]
    if isinstance(value, list):
        return [str(v) for v in value if isinstance(v, (str, int))]
    return []


def unloaded_posts(ws: Workspace) -> list[dict[str, Any]]:
    """The raw posts (`成员` items) of teams that did not load."""
    posts: list[dict[str, Any]] = []
    for _, raw in unloaded(ws, "team"):
        members = raw.get("成员") if isinstance(raw, dict) else None
        posts += [p for p in members if isinstance(p, dict)] if isinstance(members, list) else []
    return posts


def holds_post_under(idx: Index, ws: Workspace, leader_id: str, top: str, day: dt.date | None) -> bool:
    """Whether the leader holds a post (on `day`, or at any time) on a team at or below `top`."""
    teams = idx.teams_under(ws, top)
    return any(c.team in teams and (day is None or c.post.active_on(day)) for c in idx.posts.get(leader_id, ()))
