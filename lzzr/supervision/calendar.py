"""The year's deadlines as an iCalendar file (RFC 5545), for people to subscribe to.

One all-day event per leaf task deadline, per duty of the plan's principal (五个一, the two
special meetings, 述职述廉, the pledge) and per rectification deadline, each naming the
person responsible on that day (lzzr/supervision/asof.py). UIDs are stable (`task-T01.1@…`),
so a calendar program that refreshes the file updates events instead of adding copies.
Pure: returns the bytes; the CLI writes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from icalendar import Calendar, Event

from lzzr.i18n import t, tr
from lzzr.responsibility import issuing_team
from lzzr.supervision.asof import task_leader, team_principal
from lzzr.supervision.status import leaf_tasks
from lzzr.workspace.load import Workspace
from lzzr.workspace.supervision import inspections


@dataclass(frozen=True)
class Deadline:
    """One day something is due, and who answers for it."""

    uid: str
    day: dt.date
    title: str
    person: str
    detail: str
    category: str


def deadlines(ws: Workspace) -> list[Deadline]:
    """Every deadline of the year, by day then uid."""
    found = [*_tasks(ws), *_duties(ws), *_rectifications(ws)]
    return sorted(found, key=lambda d: (d.day, d.uid))


def _name(ws: Workspace, lid: str | None) -> str:
    leader = ws.leaders.get(lid or "")
    return leader.name if leader else (lid or "")


def _unit(ws: Workspace, uid: str | None) -> str:
    unit = ws.units.get(uid or "")
    return unit.label if unit else (uid or "")


def _tasks(ws: Workspace) -> Iterator[Deadline]:
    assert ws.config is not None
    for tid in leaf_tasks(ws):
        task = ws.tasks[tid]
        day = task.deadline or ws.config.year_end
        person = _name(ws, task_leader(ws, task, day))
        detail = f"{tr('牵头部门', 'lead unit')}：{_unit(ws, task.lead)}；{tr('总负责人', 'leader')}：{person}"
        if task.standard:
            detail += f"\n{tr('工作标准', 'standard')}：{task.standard}"
        yield Deadline(f"task-{tid}", day, f"{tid} {task.title}", person, detail, t("rm.kind.task"))


def _duties(ws: Workspace) -> Iterator[Deadline]:
    team = issuing_team(ws)
    if ws.plan is None or team is None:
        return
    for i, duty in enumerate(ws.plan.duties):
        person = _name(ws, team_principal(ws, team, duty.date))
        detail = f"{_unit(ws, team)}{tr('一把手', ' principal')}：{person}" + (f"\n{duty.note}" if duty.note else "")
        yield Deadline(f"duty-{i + 1}-{duty.kind}", duty.date, duty.kind, person, detail, t("rm.kind.duty"))


def _rectifications(ws: Workspace) -> Iterator[Deadline]:
    for iid, ins in inspections(ws).items():
        for i, f in enumerate(ins.findings):
            person = _name(ws, f.person)
            detail = f"{_unit(ws, ins.unit)}：{f.problem}\n{tr('整改要求', 'requirement')}：{f.requirement}"
            yield Deadline(f"rectify-{iid}-{i + 1}", f.deadline, f"{t('rm.kind.rectify')} {iid}-{i + 1}", person,
                           detail, t("rm.kind.rectify"))


def calendar_bytes(ws: Workspace, stamp: dt.datetime) -> bytes:
    """The .ics file: one all-day event per deadline; `stamp` is its DTSTAMP (when it was made)."""
    assert ws.config is not None
    cal = Calendar()
    cal.add("prodid", "-//lzzr//党风廉政建设责任制//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    name = tr("年度党风廉政建设责任制", " responsibility system")
    cal.add("x-wr-calname", f"{ws.config.region}{ws.config.year}{name}")
    domain = f"{ws.config.year}.lzzr"
    for d in deadlines(ws):
        event = Event()
        event.add("uid", f"{d.uid}@{domain}")
        event.add("dtstamp", stamp)
        event.add("dtstart", d.day)
        event.add("dtend", d.day + dt.timedelta(days=1))
        event.add("summary", f"{d.title}（{d.person}）" if d.person else d.title)
        event.add("description", d.detail)
        event.add("categories", [d.category])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return bytes(cal.to_ical())
