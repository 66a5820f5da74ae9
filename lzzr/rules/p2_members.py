"""P2 班子其他成员各负其责: each other member of the team answers for their share."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterator
from dataclasses import dataclass

from lzzr.errors import Location, Problem, Record, Severity
from lzzr.i18n import fmt_date, t
from lzzr.responsibility import Charge, overlaps, plan_teams
from lzzr.rules.common import (
    in_year,
    leader_name,
    leader_names,
    maybe_unseen_post,
    raw_ids,
    sound_tasks,
    top_team,
    unit_name,
    unloaded,
    where,
)
from lzzr.rules.index import Index, holds_post_under, index
from lzzr.rules.p1_principal import checkpoints
from lzzr.rules.registry import Rule, registrar
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Post, Team

RULES: list[Rule] = []
rule = registrar(RULES)


def _leaders(team: Team) -> list[str]:
    """The team's leader ids, each once, in the order written."""
    return list(dict.fromkeys(p.leader for p in team.members))


def _charged_elsewhere(idx: Index, tid: str, post: Post) -> bool:
    """Whether the leader's share of this team's remit is written under a concurrent post on
    another team (a 副县长 who is a 常委 writes the party department under either post)."""
    return any(c.team != tid and overlaps(c.post, post) and any(idx.upper_team.get(u) == tid for u in c.post.in_charge)
               for c in idx.posts.get(post.leader, ()))


def _divides_work(team: Team) -> bool:
    """A team divides its remit among members when it has several, or when anyone has 分管."""
    return len(_leaders(team)) > 1 or any(p.in_charge for p in team.members)


@rule(
    "P2.1",
    Severity.ERROR,
    ("班子成员都有分管", "every member is in charge of something"),
    (
        "班子其他成员各负其责：班子成员按分工对分管范围负直接领导责任（一岗双责）。有两名以上领导、"
        "且工作区中有下属单位可分的班子，正职以外的每条任职记录都应写明“分管”单位；年中调整后的"
        "新任职记录也一样。党政交叉任职的领导，本班子职责范围内的分管可以写在同期的另一条任职记录下（见 P2.6）。",
        "Each other member answers for their share (P2): a member bears direct leadership "
        "responsibility for the units in their charge. In a team of two or more leaders with units "
        "below it in the workspace, every post other than the principal's names its 分管 units, "
        "including a post taken mid-year. A leader on two teams may write the charges within this "
        "team's remit under a concurrent post on the other (see P2.6).",
    ),
)
def check_member_has_charge(ws: Workspace) -> Iterator[Problem]:
    idx = index(ws)
    under = idx.under
    for tid in sorted(ws.teams):
        team = ws.teams[tid]
        if len(_leaders(team)) < 2 or not under.get(tid):
            continue  # one leader does it all; or the workspace holds nothing below to divide
        for i, post in enumerate(team.members):
            if not post.principal and not post.in_charge and not _charged_elsewhere(idx, tid, post):
                args = {"leader": leader_name(ws, post.leader), "title": post.title}
                where_ = ws.locate("team", tid, "成员", i, "领导")
                yield Problem("P2.1", where_, record=Record("team", tid), msg="P2.1", args=args)


@rule(
    "P2.2",
    Severity.ERROR,
    ("班子成员都是任务的总负责人", "every member answers for a task"),
    (
        "班子其他成员各负其责：防止“一把手负总责，其他领导不负责”。发文班子及其下的政府班子中，"
        "正职以外的每名成员至少是一项任务的总负责人（承担主要领导责任；没有写总负责人的任务，"
        "由牵头部门的分管领导承担）。还没有任何任务时不检查。",
        "Each other member answers for their share (P2), against 'the principal answers for all, "
        "the others for nothing': in the issuing team and the government team under it, every "
        "member other than the principal bears main responsibility (is 总负责人, or in charge of "
        "the lead unit of a task that names none) for at least one task. Not checked before "
        "there are tasks.",
    ),
)
def check_member_answers(ws: Workspace) -> Iterator[Problem]:
    answering = _answering(ws)
    if answering is None:
        return
    for tid in plan_teams(ws):
        team = ws.teams[tid]
        if len(_leaders(team)) < 2:
            continue
        principals = {p.leader for p in team.principals()}
        for leader in _leaders(team):
            if leader in principals or leader in answering or leader not in ws.leaders:
                continue
            i = next(i for i, p in enumerate(team.members) if p.leader == leader)
            charge = dict.fromkeys(u for p in team.members if p.leader == leader for u in p.in_charge)
            units = "、".join(unit_name(ws, u) for u in charge)
            args = {"leader": leader_name(ws, leader), "units": units or t("P2.2.nothing")}
            where_ = ws.locate("team", tid, "成员", i, "领导")
            yield Problem("P2.2", where_, record=Record("team", tid), msg="P2.2", args=args)


def _answering(ws: Workspace) -> set[str] | None:
    """Leaders with main responsibility for a task, counting tasks that failed to load; None
    when there are no tasks yet, or a task names a 总负责人 who is not there (a typo for whom?)."""
    if not ws.tasks or any(t.leader and t.leader not in ws.leaders for t in ws.tasks.values()):
        return None
    idx = index(ws)
    found = {lid for task in ws.tasks.values() for lid in [idx.main_leader(task)] if lid}
    for _, raw in unloaded(ws, "task"):
        found.update(raw_ids(raw, "总负责人"))
        for unit in raw_ids(raw, "牵头部门"):
            found.update(c.post.leader for c in idx.in_charge_of(unit))
    return found


@rule(
    "P2.3",
    Severity.ERROR,
    ("每个下属单位有且只有一名分管领导", "every unit under a team has exactly one member in charge"),
    (
        "班子其他成员各负其责：班子分工要覆盖职责范围内的每个单位，每个单位只由一名成员分管，"
        "责任才不落空、不推诿。班子分工时（有两名以上领导，或有人写了“分管”），以它为最近上级班子的"
        "每个单位，在年度内每一天都应恰好由该班子一名领导分管（按“起/止”日期逐段检查）。",
        "Each other member answers for their share (P2): the division of work covers every unit "
        "of the remit, each unit with one member in charge, so nothing falls through and nobody "
        "can pass the buck. When a team divides work (two or more leaders, or any 分管), every "
        "unit whose nearest team above is that team has exactly one of its leaders in charge on "
        "every day of the year (checked per period of the 起/止 dates).",
    ),
)
def check_coverage(ws: Workspace) -> Iterator[Problem]:
    if ws.config is None:
        return
    failed = {rid for rid, _ in unloaded(ws, "team")}
    idx = index(ws)
    for tid in sorted(ws.teams):
        team = ws.teams[tid]
        if not _divides_work(team):
            continue
        days = checkpoints(team, ws.config.year_start, ws.config.year_end)
        for uid in idx.under.get(tid, []):
            chain = idx.ancestors[uid]
            if failed.intersection(chain[: chain.index(tid)] if tid in chain else chain):
                continue  # a team in between failed to load: it may be the one above this unit
            problem = _coverage_problem(ws, tid, team, uid, days)
            if problem:
                yield problem


def _coverage_problem(ws: Workspace, tid: str, team: Team, uid: str, days: list[dt.date]) -> Problem | None:
    """The first day on which `uid` has no member, or several members, of `team` in charge
    (a member may write the charge under a post on another team: a 常委 who is 副县长)."""
    assert ws.config is not None
    idx = index(ws)
    for day in days:
        charges = [c for c in idx.in_charge_of(uid, day) if idx.rightful(c, tid, day)]
        holders = [(c.team, c.team_index, c.post) for c in _indexed(ws, charges)]
        leaders = list(dict.fromkeys(p.leader for _, _, p in holders))
        if len(leaders) == 1:
            continue
        when = "" if day == ws.config.year_start else t("when", date=fmt_date(day))
        args = {"when": when, "unit": unit_name(ws, uid), "names": leader_names(ws, leaders)}
        if not leaders:
            return Problem("P2.3", _gap_location(ws, tid, team, uid, day), record=Record("team", tid),
                           msg="P2.3.gap", args=args)
        on, i, post = next(h for h in reversed(holders) if h[2].leader != leaders[0])
        j = post.in_charge.index(uid)
        where_ = where(ws, "team", on, ("成员", i, "分管", j), ("成员", i, "分管"))
        return Problem("P2.3", where_, record=Record("team", on), msg="P2.3.double", args=args)
    return None


@dataclass(frozen=True)
class _At:
    """A charge with the index of its post in its team's member list (for locations)."""

    team: str
    team_index: int
    post: Post


def _indexed(ws: Workspace, charges: list[Charge]) -> list[_At]:
    found = []
    for c in charges:
        members = ws.teams[c.team].members
        found.append(_At(c.team, next(i for i, p in enumerate(members) if p is c.post), c.post))
    return found


def _gap_location(ws: Workspace, tid: str, team: Team, uid: str, day: dt.date) -> Location:
    """Where a gap begins: the 止 of the post that left it, the 起 of the post that fills it
    later, or the team's member list."""
    for i, post in enumerate(team.members):
        if uid in post.in_charge and post.end and post.end + dt.timedelta(days=1) == day:
            return ws.locate("team", tid, "成员", i, "止")
    later = [(p.start, i) for i, p in enumerate(team.members) if uid in p.in_charge and p.start and p.start > day]
    if later:
        return ws.locate("team", tid, "成员", min(later)[1], "起")
    return ws.locate("team", tid, "成员", key=True)


@rule(
    "P2.4",
    Severity.ERROR,
    ("总负责人是牵头部门的分管领导", "a task's 总负责人 is the member in charge of its lead unit"),
    (
        "班子其他成员各负其责：任务的总负责人应是牵头部门的分管领导，谁分管谁负责；也可以是牵头部门"
        "上一级班子的正职，或发文班子的正职（一把手负总责）。分管和任职按完成时限当天计算（没有完成时限"
        "或不在本年度的，按全年任一时段）；分管只算牵头部门上一级班子职责范围内的（见 P2.6）。子任务的"
        "总负责人和牵头部门都继承自上一级任务、且上一级任务已报告的，不重复报告。",
        "Each other member answers for their share (P2): a task's 总负责人 is the member in charge "
        "of its lead unit (whoever is in charge answers), or the principal of the team above the "
        "lead unit, or the issuing team's principal (P1). Charges and posts count on the task's "
        "deadline (at any time of the year without a deadline in the year); only charges within "
        "the remit of the team above the lead unit count (see P2.6). A sub-task that inherits "
        "both its lead unit and its 总负责人 is not reported again when its parent is.",
    ),
)
def check_overall_leader(ws: Workspace) -> Iterator[Problem]:
    if top_team(ws) is None:
        return  # the issuing principal, who may always be 总负责人, is unknown
    found: dict[str, Problem | None] = {}
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        if not task.leader or not task.lead or task.leader not in ws.leaders or task.lead not in ws.units:
            continue
        if maybe_unseen_post(ws, task.leader):
            continue  # the charge may be on a team that did not load
        problem = found[tid] = _leader_problem(ws, tid)
        parent = task.parent or ""
        if {"leader", "lead"} <= ws.inherited.get(tid, frozenset()) and parent in ws.tasks:
            if parent not in found:
                found[parent] = _leader_problem(ws, parent)
            if found[parent] is not None:
                continue  # reported where the values are written
        if problem is not None:
            yield problem


def _leader_problem(ws: Workspace, tid: str) -> Problem | None:
    task = ws.tasks[tid]
    if not task.leader or not task.lead:
        return None
    idx = index(ws)
    day = task.deadline if task.deadline and in_year(ws, task.deadline) else None
    top = top_team(ws)
    if day is not None and top is not None and not holds_post_under(idx, ws, task.leader, top, day):
        return None  # no post at all by the deadline: the chain is broken, P1.5 says so
    allowed = idx.overall_leaders(ws, task.lead, day)
    if task.leader in allowed:
        return None
    upper = idx.upper_team.get(task.lead)
    in_charge = list(dict.fromkeys(c.post.leader for c in idx.in_charge_of(task.lead, day)
                                   if idx.rightful(c, upper, day)))
    args = {"leader": leader_name(ws, task.leader), "lead": unit_name(ws, task.lead),
            "expected": leader_names(ws, in_charge) if in_charge else t("P2.4.nobody"),
            "principals": leader_names(ws, [a for a in allowed if a not in in_charge])}
    ever = day is not None and task.leader in idx.overall_leaders(ws, task.lead)
    if ever:
        args["date"] = fmt_date(day)
    where_ = where(ws, "task", tid, "总负责人", "完成时限" if ever else "牵头部门", "牵头部门")
    return Problem("P2.4", where_, record=Record("task", tid), msg="P2.4.when" if ever else "P2.4", args=args)


@rule(
    "P2.5",
    Severity.WARNING,
    ("分工大体均衡", "the division of work is not strongly unbalanced"),
    (
        "班子其他成员各负其责：分工明显失衡时，分管过多的成员难以尽责，其他成员的责任被架空。"
        "某成员全年分管的单位数超过本班子其他成员（正职除外）分管单位数中位数的两倍时提示。",
        "Each other member answers for their share (P2): when one member carries far more than "
        "the others, that member cannot answer for it all and the others' share is hollow. Warns "
        "when a member's units in charge over the year exceed twice the median of the team's "
        "non-principal members.",
    ),
)
def check_balance(ws: Workspace) -> Iterator[Problem]:
    for tid in sorted(ws.teams):
        team = ws.teams[tid]
        load: dict[str, set[str]] = {}
        for post in team.members:
            if not post.principal:
                load.setdefault(post.leader, set()).update(post.in_charge)
        if len(load) < 2:
            continue
        median = statistics.median(len(units) for units in load.values())
        for leader, units in load.items():
            if median and len(units) > 2 * median:
                i = next(i for i, p in enumerate(team.members) if p.leader == leader and p.in_charge)
                args = {"leader": leader_name(ws, leader), "n": len(units), "median": f"{median:g}"}
                where_ = ws.locate("team", tid, "成员", i, "分管", key=True)
                yield Problem("P2.5", where_, record=Record("team", tid), msg="P2.5", args=args)


@rule(
    "P2.6",
    Severity.ERROR,
    ("分管单位在本班子职责范围内", "a member is in charge only of units within the team's remit"),
    (
        "班子其他成员各负其责：分管是班子内部的分工，成员分管的单位应以本班子为最近的上级班子。"
        "分管其他班子职责范围内的单位（如县委常委分管县政府的部门，副县长分管县委的部门），"
        "只在该成员同一时间也在那个班子任职时成立（党政交叉任职：兼任常委的副县长可以分管党委部门，"
        "分管写在哪条任职记录下都可以）；否则责任链不经过该单位的上一级班子，其总负责人也不成立（P2.4）。",
        "Each other member answers for their share (P2): a charge (分管) divides a team's own "
        "remit, so a member is in charge of units whose nearest team above is their team. A charge "
        "of a unit within another team's remit (a 常委 in charge of a government department, a "
        "副县长 in charge of a party department) holds only when the member sits on that team at "
        "the same time (a 副县长 who is also a 常委 may be in charge of a party department, under "
        "either post); otherwise the chain of responsibility bypasses the unit's team above, and "
        "the charge does not make them 总负责人 (P2.4).",
    ),
)
def check_remit(ws: Workspace) -> Iterator[Problem]:
    idx = index(ws)
    failed = {rid for rid, _ in unloaded(ws, "team")}
    for tid in sorted(ws.teams):
        for i, post in enumerate(ws.teams[tid].members):
            if maybe_unseen_post(ws, post.leader):
                continue  # the leader may sit on a team that did not load
            for uid in dict.fromkeys(post.in_charge):
                upper = idx.upper_team.get(uid)
                chain = idx.ancestors.get(uid, [])
                if upper is None or failed.intersection(chain[: chain.index(upper)] if upper in chain else chain):
                    continue  # no team above to judge by, or the team in between did not load
                if idx.rightful(Charge(tid, post), upper):
                    continue
                args = {"leader": leader_name(ws, post.leader), "title": post.title, "unit": unit_name(ws, uid),
                        "upper": unit_name(ws, upper)}
                where_ = where(ws, "team", tid, ("成员", i, "分管", post.in_charge.index(uid)), ("成员", i, "分管"))
                yield Problem("P2.6", where_, record=Record("team", tid), msg="P2.6", args=args)
