"""`lzzr trace`: the leaders who bear leadership responsibility for an incident, as of its date.

Pure: a loaded workspace and an incident id in, a `Trace` out. The rules are those of
lzzr/responsibility.py; this module applies them to each person involved, merges what
each leader bears (主要 before 重要), and notes what it could not decide (a person outside
the data, a unit with no member in charge, a principal's post vacant on the day, an incident
dated outside the workspace's year). Every result carries codes and arguments; text is
made when printed (lzzr/accountability/text.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from lzzr.responsibility import (
    MAIN,
    RANK,
    Finding,
    family_finding,
    in_charge_of,
    incident_findings,
    posts_on,
    team_finding,
    upper_team,
)
from lzzr.workspace.incidents_check import rules_of
from lzzr.workspace.load import Workspace
from lzzr.workspace.records import Event, events


@dataclass(frozen=True)
class Note:
    """Something the trace could not decide or had to assume, with its arguments."""

    code: str
    args: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Bearer:
    """A leader who bears leadership responsibility: the strongest label and every reason."""

    leader: str
    label: str
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Trace:
    """The trace of one incident."""

    id: str
    event: Event
    bearers: tuple[Bearer, ...]
    team: Finding | None
    notes: tuple[Note, ...]

    def labels(self) -> dict[str, str]:
        """Leader id → label (for tests and JSON)."""
        return {b.leader: b.label for b in self.bearers}


def trace_incident(ws: Workspace, incident_id: str) -> Trace | None:
    """The trace of incident `incident_id`, or None when there is no such incident."""
    event = events(ws).get(incident_id)
    if event is None:
        return None
    notes = list(_date_notes(ws, event))
    if event.unit not in ws.units:
        return Trace(incident_id, event, (), None, (*notes, Note("TN02", {"unit": event.unit})))
    findings = _findings(ws, event, notes)
    notes += _unit_notes(ws, event.unit, event.date)
    bearers = _bearers(findings)
    notes += _handling_notes(event, bearers)
    return Trace(incident_id, event, bearers, team_finding(ws, event.unit), tuple(notes))


def _handling_notes(event: Event, bearers: tuple[Bearer, ...]) -> list[Note]:
    """Where the recorded handling and the trace disagree: someone handled who bears no
    leadership responsibility and is not involved; a 主要 bearer left unhandled."""
    if not event.sanctions:
        return []
    handled = {s.leader for s in event.sanctions}
    labels = {b.leader: b.label for b in bearers}
    involved = {p.leader for p in event.involved if p.leader}
    notes = [Note("TN09", {"leader": x}) for x in dict.fromkeys(s.leader for s in event.sanctions)
             if x not in labels and x not in involved]
    notes += [Note("TN10", {"leader": b.leader}) for b in bearers if b.label == MAIN and b.leader not in handled]
    return notes


def _findings(ws: Workspace, event: Event, notes: list[Note]) -> list[Finding]:
    rules = rules_of(ws)
    selection = event.situation is not None and event.situation == rules.selection
    found: list[Finding] = []
    if not event.involved:
        notes.append(Note("TN07"))
        return incident_findings(ws, event.unit, event.date, None, selection)
    for person in event.involved:
        if person.of:  # 情形 6: the leader answers for a spouse, child or staff member
            found += family_finding(ws, person.of, event.date)
            found += incident_findings(ws, event.unit, event.date, person.of, selection)
            continue
        subject = person.leader if person.leader in ws.leaders else None
        if subject is None:
            notes.append(Note("TN03", {"person": person.label}))
        elif not posts_on(ws, subject, event.date):
            notes.append(Note("TN04", {"leader": subject}))
        found += incident_findings(ws, event.unit, event.date, subject, selection)
    involved = {p.leader for p in event.involved if p.leader}
    return [f for f in found if f.leader not in involved]  # the wrongdoer is not his own overseer


def _bearers(findings: list[Finding]) -> tuple[Bearer, ...]:
    by_leader: dict[str, list[Finding]] = {}
    for f in findings:
        if f.leader and f not in by_leader.get(f.leader, []):
            by_leader.setdefault(f.leader, []).append(f)
    bearers = [Bearer(lid, min((f.label for f in fs), key=RANK.__getitem__), tuple(fs))
               for lid, fs in by_leader.items()]
    return tuple(sorted(bearers, key=lambda b: (RANK[b.label], b.leader)))


def _date_notes(ws: Workspace, event: Event) -> list[Note]:
    if ws.config is None:
        return []
    start, end = ws.config.year_start, ws.config.year_end
    if event.date < start:
        return [Note("TN01", {"date": event.date, "year": ws.config.year})]
    if event.date > end:
        return [Note("TN01A", {"date": event.date, "year": ws.config.year})]
    return []


def _unit_notes(ws: Workspace, unit_id: str, day: dt.date) -> list[Note]:
    notes = []
    upper = upper_team(ws, unit_id)
    if not [c for c in in_charge_of(ws, unit_id, day) if c.team != unit_id]:
        notes.append(Note("TN05", {"unit": unit_id, "date": day, "upper": upper or ""}))
    team = ws.teams.get(unit_id)
    if team is None:
        notes.append(Note("TN08", {"unit": unit_id}))
    elif not team.principals(day):
        around = [p for p in team.members if p.principal]
        notes.append(Note("TN06", {"unit": unit_id, "date": day, "posts": around}))
    return notes
