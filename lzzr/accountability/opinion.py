"""`lzzr opinion`: a draft 党风廉政意见回复 (the integrity opinion asked for when a cadre is
considered for promotion), from the leader's file.

Pure: the handled cases (from each workspace's 问责事件 and the file's carried entries), the
bar periods of the 责任追究规定, and the date the opinion is given, in; what the file
holds and each bar (rule, from, to, whether it still runs) out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from lzzr.workspace.incidents import Bar
from lzzr.workspace.load import Workspace
from lzzr.workspace.records import events


@dataclass(frozen=True)
class Case:
    """One handling of the leader: incident, form (and 细目), the date it was decided."""

    year: int
    incident: str
    cause: str
    form: str
    detail: str
    decided: dt.date
    number: str
    label: str


@dataclass(frozen=True)
class BarHit:
    """A bar period that follows from a case: the rule, the period, whether `on` lies in it."""

    case: Case
    bar: Bar
    start: dt.date
    end: dt.date
    active: bool


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


def cases_in(ws: Workspace, leader: str, labels: dict[str, str]) -> list[Case]:
    """The leader's handlings recorded in one workspace (labels: incident id → label)."""
    found = []
    for eid, e in sorted(events(ws).items()):
        for s in e.sanctions:
            if s.leader == leader:
                decided = s.date or (e.decision.date if e.decision else e.date)
                number = s.number or (e.decision.number if e.decision and e.decision.number else "")
                found.append(Case(e.date.year, eid, e.cause, s.outcome, s.detail or "", decided, number,
                                  labels.get(eid, "—")))
    return found


def cases_from_file(entries: dict[str, Any], years: set[int]) -> list[Case]:
    """Handlings carried in the leader's 廉政档案 (`责任追究`) for years with no workspace given."""
    found = []
    for value in entries.values():
        if not isinstance(value, dict) or value.get("年度") in years:
            continue
        try:
            decided = dt.date.fromisoformat(str(value.get("处理日期")))
        except ValueError:
            continue
        found.append(Case(int(value.get("年度", decided.year)), str(value.get("事件", "")), str(value.get("事由", "")),
                          str(value.get("处理", "")), str(value.get("细目", "") or ""), decided,
                          str(value.get("文号", "") or ""), str(value.get("领导责任", "—"))))
    return found


def bar_hits(cases: list[Case], bars: tuple[Bar, ...], on: dt.date) -> list[BarHit]:
    """Each bar that a case triggers (by 细目, else by form), with its period and state on `on`."""
    hits = []
    for case in sorted(cases, key=lambda c: c.decided):
        for bar in bars:
            if bar.form in (case.detail, case.form):
                end = add_months(case.decided, bar.months) - dt.timedelta(days=1)
                hits.append(BarHit(case, bar, case.decided, end, case.decided <= on <= end))
                break
    return hits


def _iso(day: dt.date) -> str:
    return day.isoformat()


def issuing_body(ws: Workspace) -> str:
    """Who gives the opinion: the 纪委监委 unit (its name before the 、), else the organ."""
    assert ws.config is not None
    body = next((u.name for u in ws.units.values() if u.kind == "纪委监委"), ws.config.organ)
    return body.split("、")[0]


def opinion_data(leader: str, name: str, posts: list[str], grades: list[dict[str, Any]], cases: list[Case],
                 hits: list[BarHit], on: dt.date, body: str, to: str) -> dict[str, Any]:
    """The opinion as plain data (for JSON and for the template)."""
    return {
        "领导": leader, "姓名": name, "日期": _iso(on), "出具机关": body, "主送": to, "现任职务": posts,
        "考核": grades,
        "责任追究": [{"年度": c.year, "事件": c.incident, "事由": c.cause, "领导责任": c.label, "处理": c.form,
                   "细目": c.detail, "决定日期": _iso(c.decided), "文号": c.number} for c in cases],
        "影响期": [{"事件": h.case.incident, "处理": h.bar.form, "依据": h.bar.rule, "限制": h.bar.what,
                  "月数": h.bar.months, "起": _iso(h.start), "止": _iso(h.end), "在影响期内": h.active} for h in hits],
        "结论": "影响期内" if any(h.active for h in hits) else ("有责任追究记录" if cases else "未发现问题"),
    }


def build_opinion(known: list[Workspace], leader: str, on: dt.date, to: str | None) -> dict[str, Any]:
    """The opinion from the workspaces (by year) that know the leader, as of `on`."""
    from lzzr.workspace.incidents_check import rules_of

    from .dossier import archive_years, read_extras, year_file
    from .trace import trace_incident

    latest = known[-1]
    cases: list[Case] = []
    for ws in known:
        labels = {}
        for eid in events(ws):
            traced = trace_incident(ws, eid)
            labels[eid] = traced.labels().get(leader, "—") if traced else "—"
        cases += cases_in(ws, leader, labels)
    archive = read_extras(latest, leader, {}).archive
    years = {ws.config.year for ws in known if ws.config}
    carried = archive.get("责任追究")
    cases += cases_from_file(carried if isinstance(carried, dict) else {}, years)
    hits = bar_hits(cases, rules_of(latest).bars, on)
    now = year_file(latest, leader, read_extras(latest, leader, {}))
    posts = [p["职务"] for p in now["职务"] if not p["止"] or p["止"] >= on.isoformat()]
    files = [*archive_years(archive, years), *(year_file(ws, leader, read_extras(ws, leader, {})) for ws in known)]
    grades = [{"年度": y["年度"], **g} for y in files for g in y["考核"]]
    return opinion_data(leader, latest.leaders[leader].name, posts, grades, sorted(cases, key=lambda c: c.decided),
                        hits, on, issuing_body(latest), to or f"{latest.config.organ if latest.config else ''}组织部")


def write_opinion_pdf(ws: Workspace, data: dict[str, Any], out: Any) -> Any:
    """Render the draft with the workspace's renderer; return its path."""
    from lzzr.render.renderer import renderer_for

    target = out / f"党风廉政意见回复-{data['姓名']}-{data['领导']}.pdf"
    renderer_for(ws).write_pdf("opinion.html", {"d": data, "cn": _cn}, target)
    return target


def _cn(iso: str) -> str:
    day = dt.date.fromisoformat(iso)
    return f"{day.year}年{day.month}月{day.day}日"
