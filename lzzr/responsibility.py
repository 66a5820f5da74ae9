"""Who answers for what, as of a date: the one place that knows the lecture's rules.

From the lecture (二(二), 三(一)) and DOMAIN.md "Who is who":
- a team's principal bears 总责 for its remit and 重要领导责任 for the other members;
- a member bears 主要领导责任 for the units in their charge (their principals) and
  重要领导责任 for those units' other members.
For a task: its 总负责人 bears 主要领导责任; the issuing team's principal (when someone
else is 总负责人) and the members in charge of the co-operating units bear 重要领导责任.
Used by decompose, letters, assessment and accountability alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lzzr.load import Workspace
from lzzr.model import Post, Task

MAIN = "主要领导责任"
IMPORTANT = "重要领导责任"


@dataclass(frozen=True)
class Charge:
    """A post that puts a leader in charge of a unit: the team's unit id and the post."""

    team: str
    post: Post


def principal_of(ws: Workspace, unit_id: str, day: dt.date | None = None) -> str | None:
    """The leader id of the unit's team principal on `day` (None when there is none or several)."""
    team = ws.teams.get(unit_id)
    if team is None:
        return None
    principals = team.principals(day)
    return principals[0].leader if len(principals) == 1 else None


def in_charge_of(ws: Workspace, unit_id: str, day: dt.date | None = None) -> list[Charge]:
    """Every active post, on any team, that has `unit_id` among its 分管 units."""
    found = []
    for team_id, team in ws.teams.items():
        for post in team.members:
            if unit_id in post.in_charge and (day is None or post.active_on(day)):
                found.append(Charge(team_id, post))
    return found


def ancestors(ws: Workspace, unit_id: str) -> list[str]:
    """The unit's ancestors, nearest first (stops at a cycle or an unknown unit)."""
    chain: list[str] = []
    unit = ws.units.get(unit_id)
    while unit is not None and unit.parent and unit.parent not in chain and unit.parent != unit_id:
        chain.append(unit.parent)
        unit = ws.units.get(unit.parent)
    return chain


def upper_team(ws: Workspace, unit_id: str) -> str | None:
    """The nearest ancestor unit that has a leadership team (whose principal signs with this unit)."""
    return next((a for a in ancestors(ws, unit_id) if a in ws.teams), None)


def in_subtree(ws: Workspace, unit_id: str, root_id: str) -> bool:
    """Whether `unit_id` is `root_id` or lies below it."""
    return unit_id == root_id or root_id in ancestors(ws, unit_id)


def issuing_team(ws: Workspace) -> str | None:
    """The team that issues the plan: 方案.班子, else the root unit's team."""
    if ws.plan is not None:
        return ws.plan.team
    roots = [uid for uid, u in ws.units.items() if not u.parent and uid in ws.teams]
    return roots[0] if len(roots) == 1 else None


def task_responsibility(ws: Workspace, task: Task, day: dt.date | None = None) -> dict[str, str]:
    """Leader id → 主要领导责任 / 重要领导责任 for one task."""
    result: dict[str, str] = {}
    if task.leader:
        result[task.leader] = MAIN
    top = issuing_team(ws)
    principal = principal_of(ws, top, day) if top else None
    for co in task.co_units:
        for charge in in_charge_of(ws, co, day):
            result.setdefault(charge.post.leader, IMPORTANT)
    if principal:
        result.setdefault(principal, IMPORTANT)
    return result


def units_in_charge(ws: Workspace, leader_id: str, day: dt.date | None = None) -> list[tuple[str, str]]:
    """(team unit id, unit id) for every unit the leader is in charge of on `day`."""
    return [(team_id, unit)
            for team_id, team in ws.teams.items()
            for post in team.members
            if post.leader == leader_id and (day is None or post.active_on(day))
            for unit in post.in_charge]
