"""Who answers for a task or a duty on a given day: posts that change mid-year hand their
duties to the new holder from the day the new holder takes the post.

Built on lzzr/responsibility.py (the one place that knows the lecture's rules); what is
added here is only the succession of a named 总负责人 whose post ended before the day.
"""

from __future__ import annotations

import datetime as dt

from lzzr.responsibility import in_charge_of, principal_of
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Post, Task


def holds_post(ws: Workspace, leader_id: str, day: dt.date) -> bool:
    """Whether the leader holds any post on any team on `day`."""
    return any(p.leader == leader_id and p.active_on(day) for team in ws.teams.values() for p in team.members)


def successor(ws: Workspace, leader_id: str, unit_id: str | None, day: dt.date) -> str | None:
    """Who holds on `day` the post `leader_id` left: on the same team, active on `day`, in
    charge of `unit_id` (or of the same units, or with the same title). None when no one."""
    for team in ws.teams.values():
        for old in team.members:
            if old.leader != leader_id or old.active_on(day):
                continue
            new = next((p for p in team.members if p.leader != leader_id and p.active_on(day)
                        and _same_seat(old, p, unit_id)), None)
            if new is not None:
                return new.leader
    return None


def _same_seat(old: Post, new: Post, unit_id: str | None) -> bool:
    if old.principal or new.principal:
        return old.principal and new.principal
    if unit_id and unit_id in old.in_charge:
        return unit_id in new.in_charge
    return bool(set(old.in_charge) & set(new.in_charge)) or old.title == new.title


def task_leader(ws: Workspace, task: Task, day: dt.date) -> str | None:
    """The leader who answers for `task` (主要领导责任) on `day`: its 总负责人, or the one who
    took over that leader's post; with no 总负责人, the member in charge of the lead unit."""
    if task.leader:
        if holds_post(ws, task.leader, day):
            return task.leader
        return successor(ws, task.leader, task.lead, day) or task.leader
    charges = in_charge_of(ws, task.lead, day) if task.lead else []
    return charges[0].post.leader if charges else None


def team_principal(ws: Workspace, team_id: str, day: dt.date) -> str | None:
    """The team's principal on `day`; before anyone holds the post, its first holder."""
    found = principal_of(ws, team_id, day)
    if found is not None:
        return found
    team = ws.teams.get(team_id)
    posts = sorted((p for p in team.principals() if p.start and p.start > day), key=lambda p: p.start or day) \
        if team else []
    return posts[0].leader if posts else None


def principal_tenure(ws: Workspace, team_id: str, leader_id: str, day: dt.date) -> bool:
    """Whether `leader_id` is a principal of the team on `day`."""
    team = ws.teams.get(team_id)
    return team is not None and any(p.leader == leader_id and p.active_on(day) for p in team.principals())
