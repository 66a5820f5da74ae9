"""The offline dashboard (`lzzr status --html DIR`): the context its template reads.

Pure. The page is rendered on our side (templates/dashboard.html, autoescaped), so it
reads without JavaScript; templates/dashboard.js (copied beside it, no network, no CDN)
only adds sorting and filtering. Units, leaders and tasks link to each other by anchors
(`#unit-zjj`, `#leader-clm`, `#task-T16.1`).
"""

from __future__ import annotations

from typing import Any

from lzzr.i18n import fmt_date, t
from lzzr.responsibility import units_in_charge
from lzzr.supervision.status import DONE, DUE_SOON, ON_TRACK, OVERDUE, STATES, Status
from lzzr.supervision.summary import Counts, count, group
from lzzr.supervision.tables import leader_name, unit_name
from lzzr.workspace.load import Workspace

BAR_WIDTH = 400  # px of a unit's bar in the chart


def _bar(c: Counts) -> list[dict[str, Any]]:
    """Segments of a stacked bar: state, count, x and width in px."""
    segments, x = [], 0.0
    for state, n in ((DONE, c.done), (ON_TRACK, c.on_track), (DUE_SOON, c.due_soon), (OVERDUE, c.overdue)):
        width = BAR_WIDTH * n / c.total if c.total else 0
        if n:
            segments.append({"state": state, "n": n, "x": round(x, 1), "w": round(width, 1)})
        x += width
    return segments


def _overall(label: str, c: Counts) -> dict[str, Any]:
    return {"label": label, "counts": c, "bar": _bar(c), "rate": f"{c.done / c.total * 100:.1f}%" if c.total else "—"}


def dashboard_context(ws: Workspace, status: Status) -> dict[str, Any]:
    """Everything templates/dashboard.html needs."""
    assert ws.config is not None
    by_unit = group(status.tasks, lambda x: x.lead)
    return {
        "title": f"{ws.config.region}{ws.config.year}年党风廉政建设责任制落实情况",
        "as_of": fmt_date(status.day), "day": status.day.isoformat(),
        "states": {s: t(f"sv.state.{s}") for s in STATES}, "unreported_word": t("sv.unreported"),
        "overall": [_overall("任务（末级）", count(status.tasks)), _overall("一把手职责", count(status.duties)),
                    _overall("整改事项", count(status.rects))],
        "chart": [{"id": u, "name": unit_name(ws, u), "counts": c, "bar": _bar(c)} for u, c in by_unit.items()],
        "bar_width": BAR_WIDTH,
        "overdue": _overdue(ws, status),
        "tasks": [{"id": x.id, "title": x.title, "lead": x.lead, "lead_name": unit_name(ws, x.lead),
                   "leader": x.leader or "", "leader_name": leader_name(ws, x.leader),
                   "deadline": x.deadline.isoformat(),
                   "state": x.state, "unreported": x.unreported,
                   "last": x.last_report.isoformat() if x.last_report else ""} for x in status.tasks],
        "duties": [{"unit": d.team, "unit_name": unit_name(ws, d.team), "leader": d.leader or "",
                    "leader_name": leader_name(ws, d.leader), "kind": d.kind, "due": d.due.isoformat(),
                    "state": d.state, "done": d.done.isoformat() if d.done else ""} for d in status.duties],
        "rects": [{"id": f"{r.inspection}-{r.n}", "unit": r.unit, "unit_name": unit_name(ws, r.unit),
                   "problem": r.problem, "person": r.person, "person_name": leader_name(ws, r.person),
                   "deadline": r.deadline.isoformat(), "state": r.state,
                   "closed": r.closed.isoformat() if r.closed else ""} for r in status.rects],
        "units": _units(ws, status), "leaders": _leaders(ws, status),
    }


def _overdue(ws: Workspace, status: Status) -> list[dict[str, str]]:
    found = [{"kind": "任务", "id": x.id, "anchor": f"task-{x.id}", "title": x.title, "unit": x.lead,
              "unit_name": unit_name(ws, x.lead), "person": x.leader or "", "person_name": leader_name(ws, x.leader),
              "due": x.deadline.isoformat()} for x in status.tasks if x.state == OVERDUE]
    found += [{"kind": "一把手职责", "id": d.kind, "anchor": f"unit-{d.team}", "title": d.kind, "unit": d.team,
               "unit_name": unit_name(ws, d.team), "person": d.leader or "", "person_name": leader_name(ws, d.leader),
               "due": d.due.isoformat()} for d in status.duties if d.state == OVERDUE]
    found += [{"kind": "整改", "id": f"{r.inspection}-{r.n}", "anchor": f"rect-{r.inspection}-{r.n}",
               "title": r.problem, "unit": r.unit, "unit_name": unit_name(ws, r.unit), "person": r.person,
               "person_name": leader_name(ws, r.person), "due": r.deadline.isoformat()}
              for r in status.rects if r.state == OVERDUE]
    return sorted(found, key=lambda x: (x["due"], x["kind"], x["id"]))


def _units(ws: Workspace, status: Status) -> list[dict[str, Any]]:
    ids = sorted({x.lead for x in status.tasks if x.lead} | {d.team for d in status.duties})
    rows = []
    for uid in ids:
        principal = next((d.leader for d in status.duties if d.team == uid and d.leader), None)
        charge = sorted({lid for lid in ws.leaders if any(u == uid for _, u in units_in_charge(ws, lid, status.day))})
        rows.append({"id": uid, "name": unit_name(ws, uid), "principal": principal or "",
                     "principal_name": leader_name(ws, principal),
                     "in_charge": [{"id": lid, "name": leader_name(ws, lid)} for lid in charge],
                     "tasks": [x.id for x in status.tasks if x.lead == uid]})
    return rows


def _leaders(ws: Workspace, status: Status) -> list[dict[str, Any]]:
    ids = sorted({x.leader for x in status.tasks if x.leader} | {d.leader for d in status.duties if d.leader})
    return [{"id": lid, "name": leader_name(ws, lid),
             "units": [{"id": u, "name": unit_name(ws, u)} for u in
                       sorted({u for _, u in units_in_charge(ws, lid, status.day)} |
                              {d.team for d in status.duties if d.leader == lid})],
             "tasks": [x.id for x in status.tasks if x.leader == lid]} for lid in ids]
