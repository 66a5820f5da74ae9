"""What needs action on a day, in the tiers of lzzr.yaml → 监督 → 提醒分级, by person.

Pure. An item is a leaf task, a principal's duty or a rectification that is not done. It
falls in the overdue tier (the one without 提前天数) when its deadline has passed, else in
the tier with the fewest 提前天数 that still reaches its deadline; items due later than
every tier reaches are not reminded. Without an overdue tier, overdue items go to the
nearest tier.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lzzr.supervision.status import DONE, Status
from lzzr.workspace.model import Tier


@dataclass(frozen=True)
class Reminder:
    """One item for one person: its tier, what it is, and how many days are left (negative: late)."""

    tier: str
    overdue_tier: bool
    person: str
    kind: str      # "task", "duty", "rectify"
    id: str
    title: str
    unit: str
    due: dt.date
    days: int


def tier_for(tiers: tuple[Tier, ...], days: int) -> Tier | None:
    """The tier of an item due in `days` days (negative: overdue)."""
    ahead = sorted((t for t in tiers if t.days is not None), key=lambda t: t.days or 0)
    late = next((t for t in tiers if t.days is None), None)
    if days < 0:
        return late or (ahead[0] if ahead else None)
    return next((t for t in ahead if days <= (t.days or 0)), None)


def reminders(status: Status) -> list[Reminder]:
    """Every item to remind on the day, by person, then most urgent first."""
    items: list[tuple[str | None, str, str, str, str, dt.date]] = []
    items += [(x.leader, "task", x.id, x.title, x.lead, x.deadline) for x in status.tasks if x.state != DONE]
    items += [(d.leader, "duty", d.kind, d.kind, d.team, d.due) for d in status.duties if d.state != DONE]
    items += [(r.person, "rectify", f"{r.inspection}-{r.n}", r.problem, r.unit, r.deadline)
              for r in status.rects if r.state != DONE]
    found = []
    for person, kind, rid, title, unit, due in items:
        days = (due - status.day).days
        tier = tier_for(status.settings.tiers, days)
        if tier is not None and person:
            found.append(Reminder(tier.level, tier.days is None and days < 0, person, kind, rid, title, unit,
                                  due, days))
    return sorted(found, key=lambda r: (r.person, r.days, r.kind, r.id))


def any_overdue(found: list[Reminder]) -> bool:
    """Whether an item is in the overdue tier (红 in the default settings): the exit code says so."""
    return any(r.overdue_tier for r in found)
