"""责任分解表: the static view (per leader) and the dynamic view (per lead unit) as plain tables.

From the lecture (二(三)) and DOMAIN.md "Tasks and their decomposition":
- static 静态: by the team's division of work, each leader's units in charge, tasks and
  leadership responsibility (主要 / 重要领导责任, decided by lzzr.responsibility);
- dynamic 动态: per lead department, its tasks with co-units, work standard, targets,
  deadline, safeguards and supervising body.

Pure: a loaded workspace in, a `Table` of Chinese text out. Writing and printing belong to
lzzr.render.tables and the CLI.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from lzzr.numbers import num
from lzzr.render.rows import unit_label
from lzzr.render.tables import Cell, Table
from lzzr.responsibility import issuing_team, task_responsibility, units_in_charge
from lzzr.text import natural_key
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Post, Target, Task, cn_date

STATIC_HEADERS = ["领导", "职务", "分管单位", "任务编号", "任务", "责任"]
# Every column of the plan's table, one per task field: the 动态分解 sheet of the workbook
# (and `lzzr import` reads it back: the headers are its default column names).
PLAN_HEADERS = [
    "牵头部门", "任务编号", "所属任务", "来源", "类别", "任务", "内容", "协办单位", "总负责人", "具体负责人",
    "工作标准", "量化指标", "成果", "完成时限", "保障措施", "监督主体", "备注",
]
DYNAMIC_HEADERS = [
    "牵头部门", "任务编号", "任务", "协办单位", "工作标准", "量化指标",
    "完成时限", "保障措施", "监督主体", "具体负责人",
]
UNASSIGNED = "（未指定）"


def static_view(ws: Workspace, day: dt.date | None = None) -> Table:
    """Per leader: posts, units in charge, tasks and the leadership responsibility for each.

    Leaders come in team order (the issuing team first, then the other teams as written),
    each once, with all their posts; then anyone else named as responsible for a task.
    A leader appears when on the issuing team, in charge of a unit, or responsible for a
    task; one without tasks gets a single row with the task cells empty.

    Args:
        ws: the loaded workspace (sub-tasks already carry their inherited fields).
        day: count only the posts held on this day; None counts every post of the year.
    """
    duties = _duties(ws, day)
    core = _issuing_members(ws, day)
    posts = _posts_by_leader(ws, day)
    rows: list[list[str]] = []
    for lid in _leader_order(ws, day, duties):
        charge = _charge_labels(ws, lid, day)
        if not (lid in core or charge or lid in duties):
            continue
        head = [_leader_name(ws, lid), _titles(posts.get(lid, []), dated=day is None), charge]
        tasks = duties.get(lid, [])
        rows += [[*head, tid, ws.tasks[tid].title, resp] for tid, resp in tasks] or [[*head, "", "", ""]]
    title = _title(ws, "静态：按领导分工" + (f"，{cn_date(day)}" if day else ""))
    return Table(title, list(STATIC_HEADERS), rows, group=3, sheet="静态分解")


def dynamic_view(ws: Workspace) -> Table:
    """Per lead unit (units in file order, unknown or missing ones last): its tasks.

    Sub-tasks appear under their own lead unit with the fields they inherited.
    """
    order = {uid: i for i, uid in enumerate(ws.units)}

    def key(tid: str) -> tuple[int, str, tuple[tuple[str | int, ...], str]]:
        lead = ws.tasks[tid].lead or ""
        return order.get(lead, len(order)), lead, natural_key(tid)

    rows = [_dynamic_row(ws, tid, ws.tasks[tid]) for tid in sorted(ws.tasks, key=key)]
    return Table(_title(ws, "动态：按牵头部门"), list(DYNAMIC_HEADERS), rows, group=1, sheet="动态分解")


def plan_table(ws: Workspace) -> Table:
    """Per lead unit, every field of every task (sub-tasks with what they inherit), typed:
    the deadline is a date. Same order as the dynamic view."""
    order = {uid: i for i, uid in enumerate(ws.units)}

    def key(tid: str) -> tuple[int, str, tuple[tuple[str | int, ...], str]]:
        lead = ws.tasks[tid].lead or ""
        return order.get(lead, len(order)), lead, natural_key(tid)

    rows = [_plan_row(ws, tid, ws.tasks[tid]) for tid in sorted(ws.tasks, key=key)]
    return Table(_title(ws, "动态：按牵头部门"), list(PLAN_HEADERS), rows, group=1, sheet="动态分解")


def _plan_row(ws: Workspace, tid: str, task: Task) -> list[Cell]:
    leader = ws.leaders.get(task.leader) if task.leader else None
    return [
        unit_label(ws, task.lead) if task.lead else UNASSIGNED, tid, task.parent or "", "、".join(task.sources),
        task.category or "", task.title, task.content or "", "、".join(unit_label(ws, u) for u in task.co_units),
        leader.name if leader else (task.leader or ""),
        f"{task.person.name}（{task.person.post}）" if task.person else "",
        task.standard or "", format_targets(task.targets), task.deliverable or "",
        task.deadline or "", "；".join(task.safeguards),
        unit_label(ws, task.supervisor) if task.supervisor else "", task.note or "",
    ]


def format_targets(targets: Iterable[Target]) -> str:
    """`专题会议 2 次; 签订率 100 %`."""
    return "; ".join(
        " ".join(x for x in (t.metric, num(t.value), t.unit or "") if x) for t in targets
    )


def _title(ws: Workspace, kind: str) -> str:
    where = f"{ws.config.region}{ws.config.year}年" if ws.config else ""
    return f"{where}党风廉政建设责任分解表（{kind}）"


def _dynamic_row(ws: Workspace, tid: str, task: Task) -> list[str]:
    person = f"{task.person.name}（{task.person.post}）" if task.person else ""
    return [
        unit_label(ws, task.lead) if task.lead else UNASSIGNED,
        tid,
        task.title,
        "、".join(unit_label(ws, u) for u in task.co_units),
        task.standard or "",
        format_targets(task.targets),
        cn_date(task.deadline) if task.deadline else "",
        "；".join(task.safeguards),
        unit_label(ws, task.supervisor) if task.supervisor else "",
        person,
    ]


def _duties(ws: Workspace, day: dt.date | None) -> dict[str, list[tuple[str, str]]]:
    """Leader id → [(task id, 主要/重要领导责任)], tasks in natural id order."""
    duties: dict[str, list[tuple[str, str]]] = {}
    for tid in sorted(ws.tasks, key=natural_key):
        for lid, resp in task_responsibility(ws, ws.tasks[tid], day).items():
            duties.setdefault(lid, []).append((tid, resp))
    return duties


def _team_order(ws: Workspace) -> list[str]:
    top = issuing_team(ws)
    first = [top] if top in ws.teams else []
    return first + [tid for tid in ws.teams if tid != top]


def _leader_order(ws: Workspace, day: dt.date | None, duties: dict[str, list[tuple[str, str]]]) -> list[str]:
    """Leaders as they sit on the teams, then others named in tasks (file order, then id)."""
    seated = [post.leader for tid in _team_order(ws) for post in _active(ws.teams[tid].members, day)]
    index = {lid: i for i, lid in enumerate(ws.leaders)}
    named = sorted(duties, key=lambda lid: (index.get(lid, len(index)), lid))
    return list(dict.fromkeys([*seated, *named]))


def _issuing_members(ws: Workspace, day: dt.date | None) -> set[str]:
    top = issuing_team(ws)
    team = ws.teams.get(top) if top else None
    return {post.leader for post in _active(team.members, day)} if team else set()


def _active(posts: Iterable[Post], day: dt.date | None) -> list[Post]:
    return [p for p in posts if day is None or p.active_on(day)]


def _posts_by_leader(ws: Workspace, day: dt.date | None) -> dict[str, list[Post]]:
    """Each leader's posts in team order (built once: a scan per leader was quadratic)."""
    found: dict[str, list[Post]] = {}
    for tid in _team_order(ws):
        for post in _active(ws.teams[tid].members, day):
            found.setdefault(post.leader, []).append(post)
    return found


def _titles(posts: Iterable[Post], dated: bool) -> str:
    """One leader's posts as one title: `旗委副书记、旗长` + `旗长` → `旗委副书记、旗长`.

    Posts of the same period merge part by part (parts are separated by 、); a post with
    start or end dates (shown when `dated`) keeps its own segment: `副旗长（至2026年6月30日）`.
    """
    segments: dict[str, list[str]] = {}
    for post in posts:
        parts = segments.setdefault(_period(post) if dated else "", [])
        parts += [p for p in post.title.split("、") if p and p not in parts]
    return "；".join("、".join(parts) + period for period, parts in segments.items())


def _period(post: Post) -> str:
    if post.start and post.end:
        return f"（{cn_date(post.start)}至{cn_date(post.end)}）"
    if post.start:
        return f"（{cn_date(post.start)}起）"
    if post.end:
        return f"（至{cn_date(post.end)}）"
    return ""


def _charge_labels(ws: Workspace, lid: str, day: dt.date | None) -> str:
    units = dict.fromkeys(unit for _team, unit in units_in_charge(ws, lid, day))
    return "、".join(unit_label(ws, u) for u in units)


def _leader_name(ws: Workspace, lid: str) -> str:
    leader = ws.leaders.get(lid)
    return leader.name if leader else lid
