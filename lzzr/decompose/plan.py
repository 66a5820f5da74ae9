"""The decomposition plan (责任分解方案) as an official document: the context its template reads.

Pure: workspace in, plain dicts and strings out. The template (templates/plan.html, with
the body in plan_body.html that a user may override) decides the layout.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from lzzr.render.rows import task_row
from lzzr.responsibility import issuing_team, principal_of
from lzzr.text import natural_key
from lzzr.workspace.doc_numbers import plan_number
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Config, PlanDoc, Task, cn_date

TEXT_BLOCK_PT = 156 / 25.4 * 72  # GB/T 9704 版心 width
MARK_MAX_PT = 42  # 初号


def doc_number(config: Config, doc: PlanDoc) -> str:
    """`示党发〔2026〕3号` (六角括号, no leading zeros, no 第)."""
    return plan_number(config, doc.number).text


def mark_size(mark: str) -> float:
    """The red header's type size: 初号, shrunk so that a long organ name fits the line."""
    return round(min(MARK_MAX_PT, TEXT_BLOCK_PT / max(len(mark), 1) * 0.96), 1)


def task_order(ws: Workspace) -> list[tuple[int, str, Task]]:
    """(depth, id, task) in tree order: each task followed by its sub-tasks; top-level tasks
    in the order of their lead units in the unit file (so 苏木镇 come after departments)."""
    unit_rank = {uid: i for i, uid in enumerate(ws.units)}

    def top_key(tid: str) -> tuple[Any, ...]:
        return (unit_rank.get(ws.tasks[tid].lead or "", len(unit_rank)), natural_key(tid))

    children: dict[str | None, list[str]] = {}
    for tid, task in ws.tasks.items():
        parent = task.parent if task.parent in ws.tasks else None
        children.setdefault(parent, []).append(tid)
    ordered: list[tuple[int, str, Task]] = []

    def walk(parent: str | None, depth: int, seen: frozenset[str]) -> None:
        for tid in sorted(children.get(parent, []), key=natural_key if parent else top_key):
            if tid not in seen:
                ordered.append((depth, tid, ws.tasks[tid]))
                walk(tid, depth + 1, seen | {tid})

    walk(None, 0, frozenset())
    return ordered


def members_summary(ws: Workspace, team_ids: list[str], day: dt.date) -> list[dict[str, str]]:
    """Each non-principal member of the given teams with the units in their charge."""
    rows = []
    for team_id in team_ids:
        team = ws.teams.get(team_id)
        for post in team.members if team else ():
            if post.principal or not post.active_on(day) or not post.in_charge:
                continue
            leader = ws.leaders.get(post.leader)
            units = "、".join(ws.units[u].label for u in post.in_charge if u in ws.units)
            rows.append({"name": leader.name if leader else post.leader, "post": post.title, "units": units})
    return rows


def plan_context(ws: Workspace) -> dict[str, Any]:
    """Everything the plan template needs. Requires config.发文.责任分解方案 and 方案."""
    config, plan = ws.config, ws.plan
    assert config is not None and config.issuing.plan is not None and plan is not None
    doc = config.issuing.plan
    team_id = issuing_team(ws) or plan.team
    day = doc.date
    principal = ws.leaders.get(plan.first)
    post = next((p.title for p in ws.teams[team_id].members if p.leader == plan.first), "") \
        if team_id in ws.teams else ""
    mark = doc.organ_mark or f"{config.organ}文件"
    attachment = f"{config.region}{config.year}年党风廉政建设责任制责任分解表"
    gov = [u for u, unit in ws.units.items() if unit.parent == team_id and unit.kind == "政府" and u in ws.teams]
    return {
        "organ": config.organ,
        "region": config.region,
        "year": config.year,
        "organ_mark": mark,
        "mark_size": mark_size(mark),
        "doc_number": doc_number(config, doc),
        "title": doc.title or f"{config.organ}关于印发《{config.region}{config.year}年党风廉政建设"
                              f"责任制责任分解方案》的通知",
        "addressees": doc.addressees.rstrip("：:"),
        "body_paragraphs": [p.strip() for p in re.split(r"\n\s*\n", doc.body)] if doc.body else [],
        "first_name": principal.name if principal else plan.first,
        "first_post": post,
        "duties": [{"kind": d.kind, "date": cn_date(d.date)} for d in sorted(plan.duties, key=lambda d: d.date)],
        "members": members_summary(ws, [team_id, *gov], day),
        "township": township_word(ws),
        "letters_by": cn_date(plan.letters_by) if plan.letters_by else "",
        "upper_docs": [d.name for d in ws.updocs.values()],
        "attachment_title": attachment,
        "rows": [task_row(ws, depth, tid, task) for depth, tid, task in task_order(ws)],
        "signature_date": cn_date(doc.date),
        "copies": doc.copies or "",
        "printer": doc.printer or "",
        "print_date": cn_date(doc.print_date or doc.date),
        "principal_of_team": principal_of(ws, team_id, day),
    }


def township_word(ws: Workspace) -> str:
    """What the workspace calls its townships (苏木镇, 乡镇 or 街道), for the plan's wording."""
    kinds = {unit.kind for unit in ws.units.values()}
    return next((k for k in ("苏木镇", "乡镇", "街道") if k in kinds), "乡镇")
