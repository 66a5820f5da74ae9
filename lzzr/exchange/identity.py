"""What a fill-in form belongs to: a unit, a period, and the version of the tasks it shows.

The version is a digest of what the form lists (the unit's tasks with their standards,
targets and deadlines, and its principal), so a form made before the tasks changed is
refused, while records imported in between (progress, duties) do not make it stale.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from lzzr.responsibility import principal_of
from lzzr.text import natural_key
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Task

FORM_KIND = "填报表"


@dataclass(frozen=True)
class FormIdentity:
    """The identity a form carries in its hidden sheet."""

    unit: str
    year: int
    period: str
    digest: str

    def pairs(self) -> list[tuple[str, str | int]]:
        return [("类别", FORM_KIND), ("单位", self.unit), ("年度", self.year), ("期间", self.period),
                ("版本", self.digest)]


def unit_tasks(ws: Workspace, uid: str) -> list[tuple[str, Task]]:
    """The tasks a unit leads (sub-tasks with their inherited lead), in id order."""
    return [(tid, ws.tasks[tid]) for tid in sorted(ws.tasks, key=natural_key) if ws.tasks[tid].lead == uid]


def unit_principal(ws: Workspace, uid: str) -> str | None:
    """The unit's principal at the end of the year (the one whose duties the form lists)."""
    assert ws.config is not None
    return principal_of(ws, uid, ws.config.year_end)


def form_identity(ws: Workspace, uid: str, period: str) -> FormIdentity:
    """The identity of the form of unit `uid` for `period`, as the workspace stands now."""
    assert ws.config is not None
    shown = [[tid, t.title, t.standard, [x.model_dump() for x in t.targets], str(t.deadline)]
             for tid, t in unit_tasks(ws, uid)]
    text = json.dumps([uid, ws.config.year, unit_principal(ws, uid), shown], ensure_ascii=False, sort_keys=True)
    return FormIdentity(uid, ws.config.year, period, hashlib.sha256(text.encode("utf-8")).hexdigest()[:16])


def read_identity(pairs: dict[str, str]) -> FormIdentity | None:
    """The identity from a form's hidden sheet, or None when the workbook is not a form."""
    if pairs.get("类别") != FORM_KIND:
        return None
    year = pairs.get("年度", "")
    return FormIdentity(pairs.get("单位", ""), int(year) if year.isdigit() else 0, pairs.get("期间", ""),
                        pairs.get("版本", ""))
