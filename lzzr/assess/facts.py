"""What every scorer shares: the facts indexed once, the result line, the rounding rules.

Every number shown in an explanation is the number used in the next step: ratios and
percentages are rounded half-up to two decimals (of a per cent) before they are used,
points to two decimals (`q2`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from lzzr.assessees import Assessee, answerable_units, in_charge_on
from lzzr.errors import Location, Problem
from lzzr.i18n import Text
from lzzr.records_check import poll_target
from lzzr.text import natural_key
from lzzr.workspace.letters_register import LetterState
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Task
from lzzr.workspace.records import Poll, polls, progress
from lzzr.workspace.scheme import Indicator, Scheme

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
CENT = Decimal("0.01")
BASIS = Decimal("0.0001")


def q2(value: Decimal) -> Decimal:
    """Points: two decimals, half up (87.345 → 87.35)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def q4(value: Decimal) -> Decimal:
    """A ratio to four decimals, i.e. a percentage to two (0.81255 → 0.8126 = 81.26%)."""
    return value.quantize(BASIS, rounding=ROUND_HALF_UP)


def pct(ratio: Decimal) -> str:
    return f"{q2(ratio * HUNDRED)}%"


@dataclass(frozen=True)
class Line:
    """One indicator's result and how it came about."""

    id: str
    name: str
    kind: str
    max: Decimal
    points: Decimal
    input: Text
    rule: Text
    calc: Text
    details: tuple[Text, ...] = ()
    poll_valid: bool = True
    note: str | None = None  # the indicator's 说明 in the scheme


@dataclass
class Facts:
    """The records, indexed once for scoring: leaf tasks, polls by target, ratings …"""

    ws: Workspace
    leaves: dict[str, Task]
    polls: dict[str, tuple[str, Poll]]
    problems: list[Problem] = field(default_factory=list)
    letters: tuple[LetterState, ...] = ()  # the register's letters, for the signing rate
    due_letters: tuple[Any, ...] | None = None  # the letters the decomposition calls for (letters_due), once
    cuts: dict[str, list[Any]] = field(default_factory=dict)  # target key → discretionary deductions
    selfs: dict[str, dict[str, Decimal]] = field(default_factory=dict)  # target key → indicator → 自评分
    categories: dict[str, str | None] = field(default_factory=dict)  # target key → scheme category (分类)
    targets: list[Assessee] = field(default_factory=list)  # everyone assessed (同类比较 looks at the peers)
    bests: dict[tuple[str, str | None, str], tuple[Decimal, list[str]]] = field(default_factory=dict)  # 同类最高, once
    scheme: Scheme | None = None  # for indicators that score a team from its people (引用)
    scorer: Callable[[Facts, Assessee, Indicator], Line] | None = None  # indicators.score, for the same
    here: Location = field(default_factory=lambda: Location(""))  # the indicator being scored
    on: dt.date | None = None  # as of this day (`assess --on`); None: the whole year
    by_unit: LeafIndex | None = None  # the leaves by lead and by co-operating unit, built on first use


def gather(ws: Workspace, targets: list[Assessee], on: dt.date | None = None,
           letters: tuple[LetterState, ...] = ()) -> Facts:
    """Index the workspace's records for scoring (no I/O). With `on`, only the leaf tasks due
    by that day or done by then count: a task not yet due is not "未报送进展，计 0"."""
    parents = {task.parent for task in ws.tasks.values() if task.parent}
    leaves = {tid: task for tid, task in ws.tasks.items() if tid not in parents
              and (on is None or _due_or_done(ws, tid, task, on))}
    by_target: dict[str, tuple[str, Poll]] = {}
    for pid in sorted(polls(ws)):
        target = poll_target(ws, polls(ws)[pid], targets)
        if target is not None and target.key not in by_target:
            by_target[target.key] = (pid, polls(ws)[pid])
    return Facts(ws, leaves, by_target, letters=letters, on=on)


def _due_or_done(ws: Workspace, tid: str, task: Task, on: dt.date) -> bool:
    rec = progress(ws).get(tid)
    return (task.deadline or dt.date.max) <= on or (rec is not None and rec.done is not None and rec.done <= on)




def due(task: Task, facts: Facts) -> dt.date:
    assert facts.ws.config is not None
    return task.deadline or facts.ws.config.year_end


@dataclass(frozen=True)
class LeafIndex:
    """The leaves in their order, and their positions in it by lead unit and by co-operating
    unit: a target's tasks are looked up through the units it can answer for, so that scoring
    every target is linear in the tasks, not targets × tasks."""

    order: tuple[str, ...]
    led: dict[str, list[int]]
    co: dict[str, list[int]]


def leaf_index(facts: Facts) -> LeafIndex:
    if facts.by_unit is None:
        led: dict[str, list[int]] = {}
        co: dict[str, list[int]] = {}
        for i, task in enumerate(facts.leaves.values()):
            if task.lead:
                led.setdefault(task.lead, []).append(i)
            for unit in dict.fromkeys(task.co_units):
                co.setdefault(unit, []).append(i)
        facts.by_unit = LeafIndex(tuple(facts.leaves), led, co)
    return facts.by_unit


def _candidates(facts: Facts, target: Assessee, table: str) -> list[str]:
    """The leaves, in their order, whose lead (`led`) or a co-operating unit (`co`) is one the
    target can answer for: a superset of the tasks the target answers for."""
    index = leaf_index(facts)
    by = index.led if table == "led" else index.co
    found = {i for unit in answerable_units(facts.ws, target) for i in by.get(unit, ())}
    return [index.order[i] for i in sorted(found)]


def target_tasks(facts: Facts, target: Assessee) -> list[str]:
    """Leaf tasks the target answers for: led by its unit (for a member: by a unit in their
    charge) on the task's deadline."""
    found = [tid for tid in _candidates(facts, target, "led")
             if in_charge_on(facts.ws, target, facts.leaves[tid].lead or "", due(facts.leaves[tid], facts))]
    return sorted(found, key=natural_key)


def co_tasks(facts: Facts, target: Assessee) -> list[str]:
    """Leaf tasks the target's unit (a member: a unit in their charge) co-operates on (协办单位)
    and does not lead."""
    led = set(target_tasks(facts, target))
    tasks = facts.leaves
    found = [tid for tid in _candidates(facts, target, "co") if tid not in led
             and any(in_charge_on(facts.ws, target, u, due(tasks[tid], facts)) for u in tasks[tid].co_units)]
    return sorted(found, key=natural_key)
