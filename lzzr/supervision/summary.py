"""Counting a Status: per lead unit, per leader, the letters, and the three focuses of 五(六).

Pure. The three focuses (lecture 五(六)):
1. 一把手履职 (against 只挂帅不出征): principals with a duty due and not done;
2. 牵头部门 (against 牵头部门不牵头): lead units with an overdue or unreported task;
3. 后进单位 (against 干好干坏一个样): units whose share of due items done (tasks they lead,
   their principal's duties, their rectifications) is below the share across all units.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lzzr.supervision.status import DONE, DUE_SOON, ON_TRACK, OVERDUE, DutyState, RectState, Status, TaskState


@dataclass(frozen=True)
class Counts:
    """How many items of a group stand in each state."""

    total: int = 0
    done: int = 0
    on_track: int = 0
    due_soon: int = 0
    overdue: int = 0
    unreported: int = 0

    @property
    def due(self) -> int:
        """Items due by the day: done ones and overdue ones."""
        return self.done + self.overdue


def count(items: Iterable[TaskState | DutyState | RectState]) -> Counts:
    listed = list(items)
    states = [x.state for x in listed]
    quiet = sum(1 for x in listed if isinstance(x, TaskState) and x.unreported)
    return Counts(len(states), states.count(DONE), states.count(ON_TRACK), states.count(DUE_SOON),
                  states.count(OVERDUE), quiet)


def group(items: Iterable[TaskState], key: Callable[[TaskState], str | None]) -> dict[str, Counts]:
    """Counts per key (lead unit, leader), keys sorted; items without a key are left out."""
    grouped: dict[str, list[TaskState]] = {}
    for item in items:
        k = key(item)
        if k:
            grouped.setdefault(k, []).append(item)
    return {k: count(grouped[k]) for k in sorted(grouped)}


@dataclass(frozen=True)
class Letters:
    """The letters (and pledge documents) of the year, from the register, as of the day."""

    due: int
    issued: int
    signed: int
    late: int
    unsigned: tuple[str, ...]
    pledge_docs: int


def letters(status: Status) -> Letters:
    day, by = status.day, status.letters_by
    mine = [p for p in status.papers if p.kind == "letter"]
    issued = [p for p in mine if p.issued is not None and p.issued <= day]
    signed = [p for p in mine if p.signed is not None and p.signed <= day]
    late = [p for p in signed if by is not None and p.signed is not None and p.signed > by]
    unsigned = tuple(p.id for p in mine if p not in signed)
    pledges = sum(1 for p in status.papers if p.kind == "pledge" and p.issued is not None and p.issued <= day)
    return Letters(len(mine), len(issued), len(signed), len(late), unsigned, pledges)


def share(done: int, due: int) -> float:
    return done / due if due else 1.0


@dataclass(frozen=True)
class UnitScore:
    """A unit's due items and how many are done, for the lagging-units focus."""

    unit: str
    due: int
    done: int
    overdue: int

    @property
    def rate(self) -> float:
        return share(self.done, self.due)


def unit_scores(status: Status) -> list[UnitScore]:
    items: dict[str, list[str]] = {}
    for task in status.tasks:
        items.setdefault(task.lead, []).append(task.state)
    for duty in status.duties:
        items.setdefault(duty.team, []).append(duty.state)
    for rect in status.rects:
        items.setdefault(rect.unit, []).append(rect.state)
    scores = [UnitScore(u, states.count(DONE) + states.count(OVERDUE), states.count(DONE), states.count(OVERDUE))
              for u, states in items.items() if u]
    return sorted(scores, key=lambda s: s.unit)


@dataclass(frozen=True)
class Focuses:
    """The three focuses of 五(六), each a list of ids with the figures that put them there."""

    principals: tuple[tuple[str, str | None, tuple[str, ...]], ...]   # team, principal, duty kinds missed
    leads: tuple[tuple[str, int, int], ...]                           # unit, overdue, unreported
    lagging: tuple[UnitScore, ...]
    overall_rate: float


def focuses(status: Status) -> Focuses:
    missed: dict[tuple[str, str | None], list[str]] = {}
    for d in status.duties:
        if d.state == OVERDUE:
            missed.setdefault((d.team, d.leader), []).append(d.kind)
    principals = tuple((team, leader, tuple(kinds)) for (team, leader), kinds in
                       sorted(missed.items(), key=lambda kv: (-len(kv[1]), kv[0][0])))
    leads = tuple((u, c.overdue, c.unreported) for u, c in group(status.tasks, lambda x: x.lead).items()
                  if c.overdue or c.unreported)
    scores = [s for s in unit_scores(status) if s.due]
    rate = share(sum(s.done for s in scores), sum(s.due for s in scores))
    lagging = tuple(sorted((s for s in scores if s.rate < rate), key=lambda s: (s.rate, -s.overdue, s.unit)))
    return Focuses(principals, tuple(sorted(leads, key=lambda x: (-x[1], -x[2], x[0]))), lagging, rate)


def days_late(deadline: dt.date, day: dt.date) -> int:
    return (day - deadline).days


def narrow(status: Status, unit: str | None = None, leader: str | None = None) -> Status:
    """The part of `status` about one unit (tasks it leads, its principal's duties, its
    rectifications) and/or one leader (tasks, duties and rectifications in their charge)."""
    from dataclasses import replace

    tasks = [x for x in status.tasks if (unit is None or x.lead == unit) and (leader is None or x.leader == leader)]
    duties = [d for d in status.duties if (unit is None or d.team == unit) and (leader is None or d.leader == leader)]
    rects = [r for r in status.rects if (unit is None or r.unit == unit) and (leader is None or r.person == leader)]
    papers = [p for p in status.papers if (unit is None or p.unit == unit) and (leader is None or leader in p.parties)]
    return replace(status, tasks=tuple(tasks), duties=tuple(duties), rects=tuple(rects), papers=tuple(papers))
