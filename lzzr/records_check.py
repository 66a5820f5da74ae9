"""Cross-record checks of the year's records, every problem located at file:line:col.

Pure: a loaded workspace in, problems out. What pydantic checks (types, required keys,
known values) is already reported by the loader; here: references (unknown task, leader,
unit), dates outside the year, votes above ballots, returned above issued, actual values
for a metric the task does not have, a poll of someone who is not assessed.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from typing import Any

from lzzr.assessees import Assessee, assessed_targets
from lzzr.errors import Location, Problem, Record, Severity
from lzzr.i18n import fmt_date, kind_label, t
from lzzr.numbers import num
from lzzr.workspace.doc_numbers import check_doc_numbers
from lzzr.workspace.incidents_check import check_incidents
from lzzr.workspace.letters_check import check_letter_setup
from lzzr.workspace.load import Workspace, candidate_label
from lzzr.workspace.names import resolve
from lzzr.workspace.records import (
    Ballots,
    Event,
    Poll,
    Progress,
    duty_logs,
    events,
    institutions,
    polls,
    progress,
    ratings,
)


def check_all(ws: Workspace) -> list[Problem]:
    """Every problem of the records and of the workspace's scheme, in file order."""
    if ws.config is None:
        return []
    from lzzr.workspace.scheme_check import check_workspace_scheme

    found = [*_check_progress(ws), *_check_duties(ws), *_check_institutions(ws), *_check_polls(ws),
             *_check_events(ws), *_check_ratings(ws), *check_workspace_scheme(ws), *check_incidents(ws),
             *check_letter_setup(ws), *check_doc_numbers(ws)]
    return sorted(found, key=Problem.sort_key)


def _p(ws: Workspace, code: str, record_kind: str, rid: str, *keys: Any, key: bool = False,
       severity: Severity = Severity.ERROR, **args: Any) -> Problem:
    where: Location = ws.locate(record_kind, rid, *keys, key=key) if keys else ws.locate(record_kind, rid)
    return Problem(code, where, severity, Record(record_kind, rid), args)


def _root_reported(ws: Workspace, unit: str | None, leader: str | None) -> bool:
    """Whether a record's target is missing only because its team failed to load (an error
    already reported there): then "not assessed this year" would be a knock-on error."""
    if unit and ws.failed("team", unit):
        return True
    if leader and ws.failed("team"):
        return not any(p.leader == leader for team in ws.teams.values() for p in team.members)
    return False


def _suggest(word: str, pool: Any) -> str:
    close = difflib.get_close_matches(word, [str(x) for x in pool], n=1, cutoff=0.6)
    return t("suggest", name=close[0]) if close else ""


def _suggest_ref(ws: Workspace, kind: str, ref: str) -> str:
    """The hint for an unknown leader or unit: the id a name stands for (a record's key must be
    an id), the ids of every record of that name, or the closest id."""
    found = resolve(ws, kind, ref)
    if found.id is not None and found.by_name:
        return t("suggest.by_name", ref=ref, kind=kind_label(kind), id=found.id)
    if found.candidates:
        ids = "、".join(candidate_label(ws, kind, c) for c in found.candidates)
        return t("suggest.by_name_many", ref=ref, kind=kind_label(kind), n=len(found.candidates), ids=ids)
    return _suggest(ref, ws.collection(kind))


def _unknown(ws: Workspace, record_kind: str, rid: str, keys: tuple[Any, ...], field: str, target: str,
             ref: str) -> Problem:
    """A record's leader or unit that is not there: R005 when the name is several records'
    (as in the year-start data), else A120 with the closest id."""
    found = resolve(ws, target, ref)
    if found.candidates:
        ids = "、".join(candidate_label(ws, target, c) for c in found.candidates)
        return _p(ws, "R005", record_kind, rid, *keys, field=field, ref=ref, kind=kind_label(target),
                  n=len(found.candidates), ids=ids)
    return _p(ws, "A120", record_kind, rid, *keys, field=field, ref=ref, suggest=_suggest_ref(ws, target, ref))


def _year(ws: Workspace) -> tuple[dt.date, dt.date]:
    assert ws.config is not None
    return ws.config.year_start, ws.config.year_end


def _outside(ws: Workspace, day: dt.date) -> bool:
    start, end = _year(ws)
    return not start <= day <= end


# --- 任务进展 -------------------------------------------------------------------------

def _check_progress(ws: Workspace) -> Iterator[Problem]:
    for tid, rec in progress(ws).items():
        if not ws.known("task", tid):
            yield _p(ws, "A101", "progress", tid, task=tid, suggest=_suggest(tid, ws.tasks))
            continue
        yield from _progress_dates(ws, tid, rec)
        if tid in ws.tasks:
            yield from _progress_values(ws, tid, rec)


def _progress_dates(ws: Workspace, tid: str, rec: Progress) -> Iterator[Problem]:
    start, end = _year(ws)
    if rec.status == "已完成" and rec.done is None:
        yield _p(ws, "A102", "progress", tid, "状态")
    if rec.status != "已完成" and rec.done is not None:
        yield _p(ws, "A103", "progress", tid, "完成日期", status=rec.status)
    if rec.done is not None and not start <= rec.done <= end:
        yield _p(ws, "A104", "progress", tid, "完成日期", date=fmt_date(rec.done), year=start.year)


def _progress_values(ws: Workspace, tid: str, rec: Progress) -> Iterator[Problem]:
    metrics = {m.metric: m.value for m in ws.tasks[tid].targets}
    for metric, value in rec.actual.items():
        if metric not in metrics:
            known = "、".join(metrics) or t("A105.none")
            yield _p(ws, "A105", "progress", tid, "实际", metric, key=True, metric=metric,
                     suggest=_suggest(metric, metrics), known=known)
        elif value < 0:
            yield _p(ws, "A106", "progress", tid, "实际", metric, field=metric, value=value)
        elif rec.status == "已完成" and value < metrics[metric]:
            yield _p(ws, "A107", "progress", tid, "实际", metric, severity=Severity.WARNING,
                     metric=metric, value=num(value), target=num(metrics[metric]))
    if rec.percent is not None and not 0 <= rec.percent <= 100:
        yield _p(ws, "A106", "progress", tid, "完成比例", field="完成比例", value=rec.percent)


# --- 履职记录、配套制度 -----------------------------------------------------------------

def _check_duties(ws: Workspace) -> Iterator[Problem]:
    for lid, log in duty_logs(ws).items():
        if not ws.known("leader", lid):
            yield _p(ws, "A110", "duties", lid, leader=lid, suggest=_suggest_ref(ws, "leader", lid))
        for i, entry in enumerate(log.entries):
            if _outside(ws, entry.date):
                yield _p(ws, "A111", "duties", lid, "记录", i, "日期", kind=entry.kind,
                         date=fmt_date(entry.date), year=_year(ws)[0].year)


def _check_institutions(ws: Workspace) -> Iterator[Problem]:
    for uid, rules in institutions(ws).items():
        if not ws.known("unit", uid):
            yield _p(ws, "A115", "institutions", uid, unit=uid, suggest=_suggest_ref(ws, "unit", uid))
        for i, item in enumerate(rules.items):
            if item.date is not None and item.date > _year(ws)[1]:
                yield _p(ws, "A116", "institutions", uid, "制度", i, "日期", name=item.name,
                         date=fmt_date(item.date), year=_year(ws)[0].year)


# --- 民主测评 ---------------------------------------------------------------------------

def poll_target(ws: Workspace, poll: Poll, targets: list[Assessee]) -> Assessee | None:
    """The assessed target a poll is about, or None."""
    for target in targets:
        if target.kind != poll.target:
            continue
        if poll.target == "成员" and target.leader == poll.leader:
            return target
        if poll.target != "成员" and target.unit == poll.unit and poll.leader in (None, target.leader):
            return target
    return None


def _check_polls(ws: Workspace) -> Iterator[Problem]:
    targets = assessed_targets(ws)
    seen: dict[str, str] = {}
    for pid, poll in polls(ws).items():
        refs = list(_poll_refs(ws, pid, poll))
        yield from refs
        for name, ballots in poll.voters.items():
            yield from _check_ballots(ws, pid, name, ballots)
        if refs:
            continue
        target = poll_target(ws, poll, targets)
        if target is None:
            no_principal = poll.target == "正职" and poll.unit in ws.teams and not ws.teams[poll.unit].principals(None)
            if not (no_principal or _root_reported(ws, poll.unit, poll.leader)):  # else P1.1 or the team says why
                yield _p(ws, "A122", "poll", pid, "对象", what=_poll_label(ws, poll), kind=poll.target)
        elif target.key in seen:
            yield _p(ws, "A126", "poll", pid, key=False, other=seen[target.key], what=target.name)
        else:
            seen[target.key] = pid


def _poll_refs(ws: Workspace, pid: str, poll: Poll) -> Iterator[Problem]:
    if poll.target in ("班子", "正职") and not poll.unit:
        yield _p(ws, "A121", "poll", pid, "对象", field="单位", kind=poll.target)
    if poll.target == "成员" and not poll.leader:
        yield _p(ws, "A121", "poll", pid, "对象", field="领导", kind=poll.target)
    if poll.unit and not ws.known("unit", poll.unit):
        yield _unknown(ws, "poll", pid, ("单位",), "单位", "unit", poll.unit)
    if poll.leader and not ws.known("leader", poll.leader):
        yield _unknown(ws, "poll", pid, ("领导",), "领导", "leader", poll.leader)


def _poll_label(ws: Workspace, poll: Poll) -> str:
    unit = ws.units.get(poll.unit or "")
    leader = ws.leaders.get(poll.leader or "")
    parts = [unit.label if unit else "", leader.name if leader else ""]
    return "".join(p for p in parts if p) or "?"


def _check_ballots(ws: Workspace, pid: str, name: str, b: Ballots) -> Iterator[Problem]:
    path = ("测评人", name)
    for field, value in (("发放", b.issued), ("收回", b.returned), *b.votes.items()):
        if value < 0:
            keys = (*path, field) if field in ("发放", "收回") else (*path, "票数", field)
            yield _p(ws, "A106", "poll", pid, *keys, field=field, value=value)
    if b.returned > b.issued:
        yield _p(ws, "A124", "poll", pid, *path, "收回", voters=name, returned=b.returned, issued=b.issued)
    total = sum(b.votes.values())
    if total > b.returned:
        yield _p(ws, "A123", "poll", pid, *path, "票数", voters=name, votes=total, returned=b.returned)


# --- 问责事件 ---------------------------------------------------------------------------

def _check_events(ws: Workspace) -> Iterator[Problem]:
    for eid, event in events(ws).items():
        yield from _event_refs(ws, eid, event)
        if _outside(ws, event.date):
            yield _p(ws, "A131", "event", eid, "日期", date=fmt_date(event.date), year=_year(ws)[0].year)
        for i, s in enumerate(event.sanctions):
            if s.date is not None and s.date < event.date:
                yield _p(ws, "A133", "event", eid, "处理", i, "日期", date=fmt_date(s.date),
                         event_date=fmt_date(event.date))


def _event_refs(ws: Workspace, eid: str, event: Event) -> Iterator[Problem]:
    if not ws.known("unit", event.unit):
        yield _unknown(ws, "event", eid, ("单位",), "单位", "unit", event.unit)
    for i, s in enumerate(event.sanctions):
        if not ws.known("leader", s.leader):
            yield _unknown(ws, "event", eid, ("处理", i, "领导"), "领导", "leader", s.leader)


# --- 考核评定 ---------------------------------------------------------------------------

def _check_ratings(ws: Workspace) -> Iterator[Problem]:
    targets = assessed_targets(ws)
    teams = {x.unit for x in targets if x.kind == "班子"}
    principals = {x.leader for x in targets if x.kind == "正职"}
    members = {x.leader for x in targets if x.kind == "成员"}
    for rid, sheet in ratings(ws).items():
        for section, table, pool, ref_kind in (("班子", sheet.teams, teams, "unit"),
                                               ("正职", sheet.principals, principals, "leader"),
                                               ("成员", sheet.members, members, "leader")):
            for ref in table:
                if not ws.known(ref_kind, ref):
                    field = "单位" if ref_kind == "unit" else "领导"
                    yield _p(ws, "A120", "rating", rid, section, ref, key=True, field=field, ref=ref,
                             suggest=_suggest_ref(ws, ref_kind, ref))
                elif ref not in pool and not _root_reported(ws, ref if ref_kind == "unit" else None,
                                                            None if ref_kind == "unit" else ref):
                    yield _p(ws, "A141", "rating", rid, section, ref, key=True, ref=ref, kind=section)
