"""Display text of model objects, shared by the plan, the letters and every other document:
a unit's short name, one row of the decomposition table."""

from __future__ import annotations

from typing import Any

from lzzr.numbers import num
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Task, cn_date


def unit_label(ws: Workspace, unit_id: str | None) -> str:
    """A unit's short name for tables (its id when unknown, '' when absent)."""
    if not unit_id:
        return ""
    unit = ws.units.get(unit_id)
    return unit.label if unit else unit_id


def task_row(ws: Workspace, depth: int, tid: str, task: Task) -> dict[str, Any]:
    """One row of the decomposition table, in display text."""
    targets = "；".join(f"{t.metric}{num(t.value)}{t.unit or ''}" for t in task.targets)
    person = f"{task.person.name}（{task.person.post}）" if task.person else ""
    leader = ws.leaders.get(task.leader or "")
    return {
        "id": tid,
        "depth": depth,
        "title": task.title,
        "content": task.content or "",
        "standard": task.standard or "",
        "targets": targets,
        "deliverable": task.deliverable or "",
        "lead": unit_label(ws, task.lead),
        "co_units": "、".join(unit_label(ws, c) for c in task.co_units),
        "leader": leader.name if leader else "",
        "person": person,
        "deadline": cn_date(task.deadline) if task.deadline else "",
        # The value itself, not 同上: a row at the head of a page must not refer to the page before.
        "safeguards": "；".join(task.safeguards),
        "supervisor": unit_label(ws, task.supervisor),
    }
