"""P1 一把手负总责: the principal bears overall responsibility."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lzzr.errors import Problem, Record, Severity
from lzzr.i18n import fmt_date, t
from lzzr.responsibility import principals_of
from lzzr.rules.common import (
    in_year,
    leader_name,
    leader_names,
    maybe_unseen_post,
    sound_tasks,
    top_team,
    unit_name,
    where,
)
from lzzr.rules.index import holds_post_under, index
from lzzr.rules.registry import Rule, registrar
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import DUTY_KINDS, Post, Team

RULES: list[Rule] = []
rule = registrar(RULES)


def checkpoints(team: Team, year_start: dt.date, year_end: dt.date) -> list[dt.date]:
    """The days in the year on which a team's membership can change."""
    days = {year_start}
    for post in team.members:
        if post.start and year_start < post.start <= year_end:
            days.add(post.start)
        if post.end and year_start <= post.end < year_end:
            days.add(post.end + dt.timedelta(days=1))
    return sorted(days)


@rule(
    "P1.1",
    Severity.ERROR,
    ("每个班子有且只有一名正职", "every team has exactly one principal"),
    (
        "一把手负总责：班子正职是党风廉政建设第一责任人，对职责范围内的工作负总责。"
        "班子在年度内任何一天都应有且只有一名正职（任职日期用“起/止”表示）。",
        "The principal bears overall responsibility (P1): on every day of the year each "
        "team has exactly one principal (post dates are given with 起/止).",
    ),
)
def check_one_principal(ws: Workspace) -> Iterator[Problem]:
    if ws.config is None:
        return
    for tid, team in ws.teams.items():
        for day in checkpoints(team, ws.config.year_start, ws.config.year_end):
            principals = team.principals(day)
            if len(principals) == 1:
                continue
            yield _principal_problem(ws, tid, team, principals, day)
            break


def _principal_problem(ws: Workspace, tid: str, team: Team, principals: list[Post], day: dt.date) -> Problem:
    record = Record("team", tid)
    assert ws.config is not None
    when = "" if day == ws.config.year_start else t("when", date=fmt_date(day))
    if not principals and when:
        gap = {"date": fmt_date(day), "date_iso": day.isoformat()}
        return Problem("P1.1", ws.locate("team", tid), record=record, msg="P1.1.gap", args=gap)
    if not principals:
        return Problem("P1.1", ws.locate("team", tid), record=record, msg="P1.1.none", args={"when": when})
    names = "、".join(ws.leaders[p.leader].name if p.leader in ws.leaders else p.leader for p in principals)
    second = team.members.index(principals[1])
    where = ws.locate("team", tid, "成员", second, "角色", key=True)
    args = {"n": len(principals), "names": names, "when": when}
    return Problem("P1.1", where, record=record, msg="P1.1.many", args=args)


def _plan_principal(ws: Workspace, code: str, key: str, leader_id: str) -> Iterator[Problem]:
    """The problem when `leader_id` (written under `key` of 方案) is not the issuing principal."""
    assert ws.plan is not None
    team_id = ws.plan.team
    if team_id not in ws.teams or leader_id not in ws.leaders:
        return  # an unknown team or leader is already reported (R001)
    doc = ws.config.issuing.plan if ws.config else None
    principals = principals_of(ws, team_id, doc.date if doc else None)
    if principals and leader_id not in principals:  # no principal at all is P1.1's finding
        args = {"who": leader_name(ws, leader_id), "team": unit_name(ws, team_id),
                "principal": leader_names(ws, principals)}
        yield Problem(code, ws.locate("plan", "", key), record=Record("plan", ""), msg=code, args=args)


@rule(
    "P1.2",
    Severity.ERROR,
    ("第一责任人是发文班子的一把手", "the plan's 第一责任人 is the issuing team's principal"),
    (
        "一把手负总责：班子正职是党风廉政建设第一责任人，应在责任分解方案中记录在案。"
        "“方案”节的“第一责任人”应为发文班子（方案.班子）的正职；印发日期（lzzr.yaml 发文.责任分解方案.日期）"
        "已填写时，按当天在任的正职检查。已有任务而没有“方案”节，也是第一责任人未记录在案。",
        "The principal bears overall responsibility (P1) and is on record as the first person "
        "responsible (第一责任人) for the plan: 方案.第一责任人 must be the principal of the issuing "
        "team (方案.班子), as of the plan's date when lzzr.yaml gives one. Tasks without a 方案 "
        "section leave the first person responsible off the record.",
    ),
)
def check_first_responsible(ws: Workspace) -> Iterator[Problem]:
    if ws.plan is None:
        if ws.tasks and not ws.locate("plan", "").file:  # an invalid 方案 is already reported
            first = min(ws.locate("task", tid) for tid in ws.tasks)
            yield Problem("P1.2", first, record=Record("plan", ""), msg="P1.2.noplan")
        return
    yield from _plan_principal(ws, "P1.2", "第一责任人", ws.plan.first)


@rule(
    "P1.3",
    Severity.ERROR,
    ("一把手亲自组织责任分解", "the principal personally organises the decomposition"),
    (
        "一把手负总责：“五个一”要求一把手亲自部署、亲自组织责任分解。“方案”节的“组织者”应为发文班子的"
        "正职（与 P1.2 相同，按印发日期在任的正职检查）。",
        "The principal bears overall responsibility (P1); the 五个一 duties include deploying the "
        "work and personally organising the decomposition: 方案.组织者 must be the issuing team's "
        "principal (as of the plan's date, as for P1.2).",
    ),
)
def check_organiser(ws: Workspace) -> Iterator[Problem]:
    if ws.plan is not None:
        yield from _plan_principal(ws, "P1.3", "组织者", ws.plan.organiser)


# The two special meetings must fall in their half of the year (年中、年终); every other
# duty only inside the year.
DUTY_WINDOWS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    "年中专题会议": ((4, 1), (9, 30)),
    "年终专题会议": ((10, 1), (12, 31)),
}


def duty_window(kind: str, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day on which a duty of `kind` may be planned in `year`."""
    (m1, d1), (m2, d2) = DUTY_WINDOWS.get(kind, ((1, 1), (12, 31)))
    return dt.date(year, m1, d1), dt.date(year, m2, d2)


@rule(
    "P1.4",
    Severity.ERROR,
    ("一把手年度职责都有计划日期", "the principal's yearly duties are planned with dates"),
    (
        "一把手负总责：一把手每年要落实“五个一”（部署分解、廉政党课、听取汇报、廉政谈话、调研督办），"
        "至少召开年中、年终两次专题会议，在年初大会上公开承诺，年终述职述廉。“方案.一把手职责”应列出"
        "以上每一项及其日期，日期在本年度内；年中专题会议在4月1日至9月30日之间，年终专题会议在"
        "10月1日至12月31日之间。",
        "The principal bears overall responsibility (P1) and has yearly duties: the 五个一 "
        "(部署分解, 廉政党课, 听取汇报, 廉政谈话, 调研督办), two special meetings (年中, 年终), a "
        "public pledge (公开承诺) and a report on duty and integrity (述职述廉). 方案.一把手职责 "
        "must plan each with a date inside the year; the mid-year meeting between April 1 and "
        "September 30, the year-end meeting from October 1.",
    ),
)
def check_duties(ws: Workspace) -> Iterator[Problem]:
    if ws.config is None or ws.plan is None:
        return
    record = Record("plan", "")
    planned = {d.kind for d in ws.plan.duties}
    missing = [k for k in DUTY_KINDS if k not in planned]
    if missing:
        where_ = ws.locate("plan", "", "一把手职责", key=True)
        yield Problem("P1.4", where_, record=record, msg="P1.4.missing", args={"kinds": "、".join(missing)})
    for i, duty in enumerate(ws.plan.duties):
        start, end = duty_window(duty.kind, ws.config.year)
        if not start <= duty.date <= end:
            args = {"kind": duty.kind, "date": fmt_date(duty.date), "start": fmt_date(start), "end": fmt_date(end)}
            where_ = ws.locate("plan", "", "一把手职责", i, "日期")
            yield Problem("P1.4", where_, record=record, msg="P1.4.date", args=args)


@rule(
    "P1.5",
    Severity.ERROR,
    ("每项任务的责任链通到一把手", "every task's chain of responsibility reaches the principal"),
    (
        "一把手负总责：把任务分解给班子成员，不能把一把手从责任链中拿掉。从任务的总负责人出发，"
        "“班子成员 → 本班子正职 → 上一级班子分管该单位的成员 → 上一级正职……”应在完成时限当天"
        "通到发文班子的正职。总负责人届时已不在任、或不在发文班子及其下属任何班子任职，责任链就断了。"
        "没有完成时限或不在本年度的（由 P4.1、P4.3 报告），只检查总负责人年内是否在这些班子任职；"
        "班子缺正职由 P1.1 报告。继承来的总负责人只在写明它的上一级任务报告一次；子任务自己的完成时限"
        "使责任链断开的，在子任务的完成时限处报告。",
        "The principal bears overall responsibility (P1): delegating a task to a member never takes "
        "the principal out of the chain. From the task's 总负责人, 'member of team X → principal of "
        "X → member of the team above in charge of X → its principal …' must reach the issuing "
        "team's principal on the task's deadline. The chain breaks when the 总负责人 no longer "
        "holds a post by then, or holds none under the issuing team. Without a deadline in the "
        "year (P4.1, P4.3 report that) only the latter is checked; a team without a principal "
        "is P1.1's finding. An inherited 总负责人 is reported once, on the task that writes it; a "
        "sub-task whose own deadline breaks the chain is reported at its 完成时限.",
    ),
)
def check_chain(ws: Workspace) -> Iterator[Problem]:
    top = top_team(ws)
    if ws.config is None or top is None:
        return
    broken: dict[str, bool] = {}
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        if not task.leader or task.leader not in ws.leaders or maybe_unseen_post(ws, task.leader):
            continue
        problem = _chain_problem(ws, tid, task.leader, task.deadline, top)
        broken[tid] = problem is not None
        if problem and not _reported_above(ws, tid, "leader", broken, top):
            yield problem


def _reported_above(ws: Workspace, tid: str, field: str, broken: dict[str, bool], top: str) -> bool:
    """Whether the task that writes the 总负责人 this sub-task inherits has a broken chain too:
    an inherited value is reported once, where it is written (as P4.1 and P4.3 do); a
    sub-task whose own deadline breaks the chain is reported at its 完成时限."""
    origin = tid
    while field in ws.inherited.get(origin, frozenset()) and ws.tasks[origin].parent in ws.tasks:
        origin = ws.tasks[origin].parent or ""
    if origin == tid:
        return False
    if origin not in broken:
        task = ws.tasks[origin]
        broken[origin] = _chain_problem(ws, origin, task.leader or "", task.deadline, top) is not None
    return broken[origin]


def _chain_problem(ws: Workspace, tid: str, leader: str, deadline: dt.date | None, top: str) -> Problem | None:
    """The break in the task's chain, if any.

    Walked up from a post on a team under the issuing team, the chain (`responsibility_chain`)
    always reaches the issuing principal unless a team on the way lacks a principal, which
    P1.1 reports; so it breaks exactly when the 总负责人 holds no such post on the deadline.
    """
    day = deadline if deadline and in_year(ws, deadline) else None  # else P4.1 / P4.3 report it
    idx = index(ws)
    if holds_post_under(idx, ws, leader, top, day):
        return None
    ever = day is not None and holds_post_under(idx, ws, leader, top, None)
    principals = principals_of(ws, top, day)
    args = {"leader": leader_name(ws, leader), "date": fmt_date(day) if day else "", "top": unit_name(ws, top),
            "principal": leader_name(ws, principals[0]) if len(principals) == 1 else leader_names(ws, principals)}
    return Problem("P1.5", where(ws, "task", tid, "总负责人", "完成时限"), record=Record("task", tid),
                   msg="P1.5.left" if ever else "P1.5.outside", args=args)

