"""`lzzr dossier`: one leader's 廉政档案 across several years' workspaces.

Per year: the posts held, the letters (签订 or not, from the register), the pledges, the
duties done and the clean-governance talks (履职记录), the assessment grades (the
`考核记录` lzzr assess wrote into 廉政档案), and accountability: every incident in which the
leader bears leadership responsibility (traced as of its date) or was handled.

`year_file` is pure (a workspace plus what was read from its register and archive);
`read_extras` does the reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lzzr.errors import LzzrError
from lzzr.i18n import t
from lzzr.workspace.load import Workspace
from lzzr.workspace.reader import read_yaml
from lzzr.workspace.records import duty_logs, events

from .archive import ARCHIVE_DIR
from .trace import trace_incident

TALK = "廉政谈话"


@dataclass(frozen=True)
class Extras:
    """What a workspace holds besides its data: the register's documents, the leader's file."""

    documents: dict[str, dict[str, Any]]
    archive: dict[str, Any]


def read_extras(ws: Workspace, leader: str, documents: dict[str, dict[str, Any]]) -> Extras:
    """The leader's 廉政档案 file of one workspace (empty when absent), with the documents of
    its register (read by the CLI: the register belongs to the documents phase)."""
    path = ws.root / ARCHIVE_DIR / f"{leader}.yaml"
    parsed = read_yaml(path, str(path)) if path.is_file() else None
    unreadable = parsed.problems[0] if parsed and parsed.data is None and parsed.problems else None
    if unreadable is not None:  # not an empty file (nested too deep, not YAML): say why it cannot be read
        raise LzzrError("archive.bad", path=str(unreadable.location), detail=t(unreadable.code, **unreadable.args))
    archive: Any = parsed.data if parsed else None
    return Extras(documents, archive if isinstance(archive, dict) else {})


def year_file(ws: Workspace, leader: str, extras: Extras) -> dict[str, Any]:
    """One year of the leader's file, as plain data."""
    assert ws.config is not None
    year = ws.config.year
    log = duty_logs(ws).get(leader)
    duties = [{"事项": d.kind, "日期": d.date.isoformat(), "依据": "、".join(d.evidence)}
              for d in sorted(log.entries, key=lambda d: d.date)] if log else []
    return {
        "年度": year, "仅档案": False, "工作区": str(ws.root), "职务": _posts(ws, leader),
        "责任书": _letters(extras.documents, leader, year), "承诺书": _pledges(extras.documents, leader, year),
        "履职记录": [d for d in duties if d["事项"] != TALK], "廉政谈话": [d for d in duties if d["事项"] == TALK],
        "考核": _grades(extras.archive, year), "责任追究": _accountability(ws, leader),
    }


def _posts(ws: Workspace, leader: str) -> list[dict[str, Any]]:
    rows = []
    for tid, team in ws.teams.items():
        for p in team.members:
            if p.leader == leader:
                unit = ws.units.get(tid)
                rows.append({"班子": unit.name if unit else tid, "职务": p.title, "角色": p.role,
                             "分管": "、".join(ws.units[u].label for u in p.in_charge if u in ws.units),
                             "起": p.start.isoformat() if p.start else "", "止": p.end.isoformat() if p.end else ""})
    return rows


def _letters(documents: dict[str, dict[str, Any]], leader: str, year: int) -> list[dict[str, Any]]:
    rows = []
    for doc_id, d in sorted(documents.items()):
        parties = d.get("parties", [])
        if not str(d.get("kind", "")).startswith("letter-") or d.get("year") != year:
            continue
        if not any(p.get("leader") == leader for p in parties):
            continue
        other = "、".join(f"{p.get('name')}（{p.get('post')}）" for p in parties if p.get("leader") != leader)
        signed = next((s.get("date") for s in d.get("signatures", []) if s.get("leader") == leader), None)
        rows.append({"编号": doc_id, "对方": other, "签订": signed or "未签订"})
    return rows


def _pledges(documents: dict[str, dict[str, Any]], leader: str, year: int) -> list[dict[str, Any]]:
    return [{"编号": doc_id, "印发": d.get("issued", "")} for doc_id, d in sorted(documents.items())
            if d.get("kind") == "pledge" and d.get("year") == year
            and any(p.get("leader") == leader for p in d.get("parties", []))]


def _grades(archive: dict[str, Any], year: int) -> list[dict[str, Any]]:
    years = archive.get("考核记录") or {}
    entry = next((v for k, v in years.items() if str(k) == str(year)), None) if isinstance(years, dict) else None
    results = entry.get("结果", []) if isinstance(entry, dict) else []
    return [{k: r.get(k) for k in ("对象", "职务", "得分", "等次", "排名")} for r in results if isinstance(r, dict)]


def _accountability(ws: Workspace, leader: str) -> list[dict[str, Any]]:
    rows = []
    for eid in sorted(events(ws)):
        traced = trace_incident(ws, eid)
        if traced is None:
            continue
        e = traced.event
        label = traced.labels().get(leader)
        handled = [s for s in e.sanctions if s.leader == leader]
        if label is None and not handled:
            continue
        d = e.decision
        number = next((s.number for s in handled if s.number), None) or (d.number if d else None)
        decided = d.date if d else next((s.date for s in handled if s.date), None)
        forms = "、".join(s.outcome + (f"（{s.detail}）" if s.detail else "") for s in handled)
        rows.append({"事件": eid, "日期": e.date.isoformat(), "事由": e.cause, "情形": e.situation,
                     "领导责任": label or "—",
                     "处理": forms or "未处理",
                     "文号": number or "", "决定日期": decided.isoformat() if decided else ""})
    return rows


def _mapping(value: Any) -> dict[Any, Any]:
    return value if isinstance(value, dict) else {}


def archive_years(archive: dict[str, Any], have: set[int]) -> list[dict[str, Any]]:
    """The years the leader's file holds (grades, accountability) with no workspace given."""
    grades: dict[Any, Any] = _mapping(archive.get("考核记录"))
    cases: dict[Any, Any] = _mapping(archive.get("责任追究"))
    years = {int(k) for k in grades if str(k).isdigit()}
    years |= {int(v["年度"]) for v in cases.values() if isinstance(v, dict) and str(v.get("年度", "")).isdigit()}
    rows = []
    for year in sorted(years - have):
        done = [{"事件": v.get("事件"), "日期": v.get("事件日期"), "事由": v.get("事由"), "情形": v.get("情形"),
                 "领导责任": v.get("领导责任"), "处理": v.get("处理"), "文号": v.get("文号", ""),
                 "决定日期": v.get("处理日期")} for v in cases.values()
                if isinstance(v, dict) and str(v.get("年度")) == str(year)]
        rows.append({"年度": year, "仅档案": True, "考核": _grades(archive, year), "责任追究": done})
    return rows


def dossier(leader: str, name: str, years: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole file, years in order (the same year twice: the later workspace wins)."""
    by_year = {y["年度"]: y for y in years}
    return {"领导": leader, "姓名": name, "年度": [by_year[k] for k in sorted(by_year)]}


def dossier_filename(leader: str, name: str) -> str:
    return f"廉政档案-{name}-{leader}.pdf"


def write_dossier_pdf(ws: Workspace, data: dict[str, Any], out: Path) -> Path:
    """Render the file as a PDF with the newest workspace's renderer."""
    from lzzr.render.renderer import renderer_for

    target = out / dossier_filename(data["领导"], data["姓名"])
    renderer_for(ws).write_pdf("dossier.html", {"d": data}, target)
    return target
