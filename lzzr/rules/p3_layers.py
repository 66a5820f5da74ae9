"""P3 层层负责: responsibility layer by layer, down to a post and a person."""

from __future__ import annotations

from collections.abc import Iterator

from lzzr.errors import Problem, Record, Severity
from lzzr.i18n import fmt_date
from lzzr.rules.common import id_list, own_sub_tasks, raw_ids, sound_tasks, top_team, unit_name, unloaded
from lzzr.rules.index import index
from lzzr.rules.registry import Rule, registrar
from lzzr.workspace.load import Workspace

RULES: list[Rule] = []
rule = registrar(RULES)


@rule(
    "P3.1",
    Severity.ERROR,
    ("每项上级任务都已分解", "every upper-level task is decomposed"),
    (
        "层层负责：上级部署的每项任务都要分解落实，不能漏项。每项上级任务至少被一项本年度任务的"
        "“来源”引用（子任务继承上一级任务的来源）。",
        "Responsibility layer by layer (P3): every task the upper level assigns is decomposed, "
        "none left out. Each upper task is the 来源 of at least one of the year's tasks (a "
        "sub-task inherits its parent's).",
    ),
)
def check_decomposed(ws: Workspace) -> Iterator[Problem]:
    used = {src for task in ws.tasks.values() for src in task.sources}
    used.update(src for _, raw in unloaded(ws, "task") for src in raw_ids(raw, "来源"))
    for uid in sorted(ws.uptasks):
        if uid not in used:
            yield Problem("P3.1", ws.locate("uptask", uid), record=Record("uptask", uid), msg="P3.1",
                          args={"id": uid})


@rule(
    "P3.2",
    Severity.ERROR,
    ("末级任务落实到岗位和人", "every leaf task reaches a post and a person"),
    (
        "层层负责：任务要“落实到岗位，落实到人头”。没有子任务的末级任务应写明具体负责人的姓名和"
        "职务（牵头部门由加载时检查，子任务继承上一级的牵头部门）。",
        "Responsibility layer by layer (P3): tasks reach a post and a person. A leaf task (one "
        "without sub-tasks) names its 具体负责人 with name and post (the lead unit is checked on "
        "loading; a sub-task inherits its parent's).",
    ),
)
def check_leaf_person(ws: Workspace) -> Iterator[Problem]:
    parents = {task.parent for task in ws.tasks.values() if task.parent}
    parents.update(p for _, raw in unloaded(ws, "task") for p in raw_ids(raw, "所属任务"))
    for tid in sound_tasks(ws):
        if tid not in parents and ws.tasks[tid].person is None:
            yield Problem("P3.2", ws.locate("task", tid), record=Record("task", tid), msg="P3.2")


@rule(
    "P3.3",
    Severity.ERROR,
    ("子任务不超出上一级任务的范围", "a sub-task stays inside its parent's remit"),
    (
        "层层负责：子任务是上一级任务的细化，只能交给上一级任务牵头部门本身或其下属单位牵头。",
        "Responsibility layer by layer (P3): a sub-task refines its parent, so its lead unit is "
        "the parent's lead unit or a unit below it.",
    ),
)
def check_sub_remit(ws: Workspace) -> Iterator[Problem]:
    idx = index(ws)
    for tid, task, parent in own_sub_tasks(ws, "lead"):
        if not task.lead or not parent.lead or task.lead not in ws.units or parent.lead not in ws.units:
            continue
        if not idx.in_subtree(task.lead, parent.lead):
            args = {"lead": unit_name(ws, task.lead), "parent": task.parent, "parent_lead": unit_name(ws, parent.lead)}
            yield Problem("P3.3", ws.locate("task", tid, "牵头部门"), record=Record("task", tid), msg="P3.3",
                          args=args)


@rule(
    "P3.4",
    Severity.ERROR,
    ("子任务不晚于上一级任务完成", "a sub-task is due no later than its parent"),
    (
        "层层负责：子任务要保证上一级任务按期完成，完成时限不能晚于上一级任务的完成时限。",
        "Responsibility layer by layer (P3): sub-tasks serve their parent's deadline, so none is "
        "due later than its parent.",
    ),
)
def check_sub_deadline(ws: Workspace) -> Iterator[Problem]:
    for tid, task, parent in own_sub_tasks(ws, "deadline"):
        if task.deadline and parent.deadline and task.deadline > parent.deadline:
            args = {"date": fmt_date(task.deadline), "parent": task.parent, "parent_date": fmt_date(parent.deadline)}
            yield Problem("P3.4", ws.locate("task", tid, "完成时限"), record=Record("task", tid), msg="P3.4",
                          args=args)


@rule(
    "P3.5",
    Severity.ERROR,
    ("承担任务的下级单位能签订责任书", "every lower unit given tasks can sign a letter"),
    (
        "层层负责：上一级一把手与承担任务的下一级一把手签订党风廉政建设责任书，责任逐级传导。"
        "发文单位以外、牵头或协办任务的每个单位，都应有领导班子，并有上一级班子，这样才能由双方"
        "正职签订责任书（班子缺正职由 P1.1 报告）。",
        "Responsibility layer by layer (P3): the upper principal signs a responsibility letter "
        "with the principal of each lower unit given tasks. Every unit other than the issuing "
        "unit that leads or co-operates on a task has a leadership team and a team above it, so "
        "that the two principals can sign (a team without a principal is P1.1's finding).",
    ),
)
def check_letters(ws: Workspace) -> Iterator[Problem]:
    top = top_team(ws)
    if top is None:
        return  # which unit issues (and signs from the top) is unknown
    failed = {rid for rid, _ in unloaded(ws, "team")}
    given: dict[str, list[str]] = {}
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        for uid in (task.lead, *task.co_units):
            if uid and uid in ws.units and uid != top:
                given.setdefault(uid, []).append(tid)
    idx = index(ws)
    for uid in sorted(given):
        if uid in failed or failed.intersection(idx.ancestors[uid]):
            continue
        if uid in ws.teams and idx.upper_team[uid] is not None:
            continue
        msg = "P3.5.noteam" if uid not in ws.teams else "P3.5.noupper"
        args = {"unit": unit_name(ws, uid), "tasks": id_list(given[uid])}
        yield Problem("P3.5", ws.locate("unit", uid), record=Record("unit", uid), msg=msg, args=args)
