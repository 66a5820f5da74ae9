"""How the year stands on a day: every leaf task, principal's duty, rectification and letter.

Pure: a loaded workspace (and the letters' register facts, gathered by the CLI) in, a
`Status` out. States, the same words for tasks, duties and rectifications:
- `done`: finished on or before the day (a record dated after the day does not count yet);
- `overdue`: not done and its deadline is before the day (due yesterday: overdue);
- `due_soon`: not done, due today or within 临期天数 days (due today: not overdue);
- `on_track`: not done, due later.
A task not done is also `unreported` when no report (进展报告, or the 任务进展 record) came
in the last 未报送天数 days (counted from the plan's date before any report).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from lzzr.supervision.asof import principal_tenure, task_leader, team_principal
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import DUTY_KINDS, PERSONAL_KINDS, Supervision
from lzzr.workspace.records import Progress, duty_logs, progress
from lzzr.workspace.supervision import inspections, reports

DONE, OVERDUE, DUE_SOON, ON_TRACK = "done", "overdue", "due_soon", "on_track"
STATES = (DONE, OVERDUE, DUE_SOON, ON_TRACK)


@dataclass(frozen=True)
class TaskState:
    """One leaf task on the day."""

    id: str
    title: str
    lead: str
    leader: str | None
    deadline: dt.date
    state: str
    unreported: bool
    done: dt.date | None
    last_report: dt.date | None
    percent: str = ""


@dataclass(frozen=True)
class DutyState:
    """One principal's yearly duty (or a 四重四亲自 kind) of one team on the day."""

    team: str
    leader: str | None
    kind: str
    due: dt.date
    state: str
    done: dt.date | None


@dataclass(frozen=True)
class RectState:
    """One finding of an inspection and its rectification on the day."""

    inspection: str
    n: int
    unit: str
    problem: str
    requirement: str
    person: str
    deadline: dt.date
    state: str
    closed: dt.date | None


@dataclass(frozen=True)
class Paper:
    """A letter or pledge due this year and what the register says about it (gathered by the CLI)."""

    id: str
    kind: str            # "letter" or "pledge"
    unit: str
    parties: tuple[str, ...]
    issued: dt.date | None
    signed: dt.date | None  # the day the last party signed; None while someone has not


@dataclass(frozen=True)
class Status:
    """Everything `status`, `remind`, the report and the dashboard show, as of `day`."""

    day: dt.date
    tasks: tuple[TaskState, ...]
    duties: tuple[DutyState, ...]
    rects: tuple[RectState, ...]
    papers: tuple[Paper, ...] = ()
    letters_by: dt.date | None = None
    pledged: tuple[str, ...] = ()        # leaders with a 公开承诺 record by the day
    to_pledge: tuple[str, ...] = ()      # leaders holding a post on the day
    records: tuple[tuple[str, int], ...] = ()  # leader → 履职记录 entries dated on or before the day
    settings: Supervision = field(default_factory=Supervision)


def classify(due: dt.date, done: dt.date | None, day: dt.date, soon: int) -> str:
    """The state of something due on `due` and done on `done` (None: not yet), on `day`."""
    if done is not None and done <= day:
        return DONE
    if due < day:
        return OVERDUE
    return DUE_SOON if (due - day).days <= soon else ON_TRACK


def compute_status(ws: Workspace, day: dt.date, papers: Iterable[Paper] = ()) -> Status:
    """The whole year as it stands on `day` (no I/O)."""
    assert ws.config is not None
    settings = ws.config.supervision
    holders = sorted({p.leader for team in ws.teams.values() for p in team.members if p.active_on(day)})
    records = tuple((lid, sum(1 for e in log.entries if e.date <= day)) for lid, log in sorted(duty_logs(ws).items()))
    return Status(day, task_states(ws, day, settings), duty_states(ws, day, settings),
                  rect_states(ws, day, settings.soon), tuple(papers),
                  ws.plan.letters_by if ws.plan else None, pledged(ws, day, holders), tuple(holders), records,
                  settings)


def leaf_tasks(ws: Workspace) -> list[str]:
    parents = {task.parent for task in ws.tasks.values() if task.parent}
    return [tid for tid in ws.tasks if tid not in parents]


def task_states(ws: Workspace, day: dt.date, settings: Supervision) -> tuple[TaskState, ...]:
    assert ws.config is not None
    by_task: dict[str, list[tuple[dt.date, str, str]]] = {}
    for rep in reports(ws).values():
        if rep.date <= day:
            percent = f"{rep.percent:f}".rstrip("0").rstrip(".") if rep.percent is not None else ""
            by_task.setdefault(rep.task, []).append((rep.date, rep.status, percent))
    start = _plan_date(ws)
    found = []
    for tid in leaf_tasks(ws):
        task = ws.tasks[tid]
        deadline = task.deadline or ws.config.year_end
        seen = sorted(by_task.get(tid, []))
        rec = progress(ws).get(tid)
        done = _done_on(rec, seen)
        dated = [d for d, _, _ in seen]
        if rec is not None and ws.config.year_end <= day:
            dated.append(rec.done or ws.config.year_end)
        last = max((d for d in dated if d <= day), default=None)
        done = done if done is not None and done <= day else None
        state = classify(deadline, done, day, settings.soon)
        quiet = state != DONE and (day - (last or start)).days > settings.silent
        leader = task_leader(ws, task, done or day)  # an open task is the present holder's
        found.append(TaskState(tid, task.title, task.lead or "", leader, deadline, state, quiet,
                               done, last, seen[-1][2] if seen else ""))
    return tuple(found)


def _done_on(rec: Progress | None, seen: list[tuple[dt.date, str, str]]) -> dt.date | None:
    """The first day the task is known done: a 已完成 report, or the 任务进展 完成日期."""
    reported = next((d for d, status, _ in seen if status == "已完成"), None)
    recorded = rec.done if rec is not None and rec.status == "已完成" else None
    days = [d for d in (reported, recorded) if d is not None]
    return min(days) if days else None


def _plan_date(ws: Workspace) -> dt.date:
    assert ws.config is not None
    plan = ws.config.issuing.plan
    return plan.date if plan is not None else ws.config.year_start


def duty_states(ws: Workspace, day: dt.date, settings: Supervision) -> tuple[DutyState, ...]:
    """The plan's schedule of the principal's duties, for every team's principal; 四重四亲自
    are due once each by the year end."""
    assert ws.config is not None
    schedule: dict[str, dt.date] = {d.kind: d.date for d in (ws.plan.duties if ws.plan else ())}
    kinds = [(k, schedule.get(k, ws.config.year_end)) for k in DUTY_KINDS]
    kinds += [(k, ws.config.year_end) for k in PERSONAL_KINDS]
    found = []
    for team_id in sorted(ws.teams):
        if not ws.teams[team_id].principals():
            continue
        for kind, due in kinds:
            holder = team_principal(ws, team_id, due if due <= day else day)
            done = _duty_done(ws, team_id, kind, day)
            found.append(DutyState(team_id, holder, kind, due, classify(due, done, day, settings.soon), done))
    return tuple(found)


def _duty_done(ws: Workspace, team_id: str, kind: str, day: dt.date) -> dt.date | None:
    """The first record of `kind` on or before `day` by whoever was the team's principal then."""
    days = [entry.date for leader, log in duty_logs(ws).items() for entry in log.entries
            if entry.kind == kind and entry.date <= day and principal_tenure(ws, team_id, leader, entry.date)]
    return min(days) if days else None


def rect_states(ws: Workspace, day: dt.date, soon: int) -> tuple[RectState, ...]:
    """Every finding of an inspection held on or before `day`."""
    found = []
    for iid in sorted(inspections(ws)):
        ins = inspections(ws)[iid]
        if ins.date > day:
            continue
        for i, f in enumerate(ins.findings):
            closed = f.closed.date if f.closed and f.closed.date <= day else None
            found.append(RectState(iid, i + 1, ins.unit, f.problem, f.requirement, f.person, f.deadline,
                                   classify(f.deadline, closed, day, soon), closed))
    return tuple(found)


def pledged(ws: Workspace, day: dt.date, holders: Iterable[str]) -> tuple[str, ...]:
    logs = duty_logs(ws)
    return tuple(lid for lid in holders if lid in logs
                 and any(e.kind == "公开承诺" and e.date <= day for e in logs[lid].entries))
