"""Who answers for what, as of a date: the one place that knows the lecture's rules.

From the lecture (二(二), 三(一)) and DOMAIN.md "Who is who":
- a team's principal bears 总责 for its remit and 重要领导责任 for the other members;
- a member bears 主要领导责任 for the units in their charge (their principals) and
  重要领导责任 for those units' other members.
For a task: its 总负责人 bears 主要领导责任; the issuing team's principal (when someone
else is 总负责人) and the members in charge of the co-operating units bear 重要领导责任.
Used by decompose, letters, assessment and accountability alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Post, Task

MAIN = "主要领导责任"
IMPORTANT = "重要领导责任"


@dataclass(frozen=True)
class Charge:
    """A post that puts a leader in charge of a unit: the team's unit id and the post."""

    team: str
    post: Post


def principal_of(ws: Workspace, unit_id: str, day: dt.date | None = None) -> str | None:
    """The leader id of the unit's team principal on `day` (None when there is none or several)."""
    team = ws.teams.get(unit_id)
    if team is None:
        return None
    principals = team.principals(day)
    return principals[0].leader if len(principals) == 1 else None


def in_charge_of(ws: Workspace, unit_id: str, day: dt.date | None = None) -> list[Charge]:
    """Every active post, on any team, that has `unit_id` among its 分管 units (team order,
    then member order)."""
    found = posts_index(ws)[0].get(unit_id, [])
    return list(found) if day is None else [c for c in found if c.post.active_on(day)]


def posts_index(ws: Workspace) -> tuple[dict[str, list[Charge]], dict[str, list[Charge]]]:
    """Posts by unit in charge and by leader, in team then member order (built once per
    workspace): looked up, not searched, because decompose, letters, assessment and the rules
    ask for every task and leader."""
    return ws.memoised("responsibility.posts", _posts)


def _posts(ws: Workspace) -> tuple[dict[str, list[Charge]], dict[str, list[Charge]]]:
    by_unit: dict[str, list[Charge]] = {}
    by_leader: dict[str, list[Charge]] = {}
    for team_id, team in ws.teams.items():
        for post in team.members:
            charge = Charge(team_id, post)
            by_leader.setdefault(post.leader, []).append(charge)
            for unit in dict.fromkeys(post.in_charge):
                by_unit.setdefault(unit, []).append(charge)
    return by_unit, by_leader


def ancestors(ws: Workspace, unit_id: str) -> list[str]:
    """The unit's ancestors, nearest first (stops at a cycle or an unknown unit)."""
    chain: list[str] = []
    unit = ws.units.get(unit_id)
    while unit is not None and unit.parent and unit.parent not in chain and unit.parent != unit_id:
        chain.append(unit.parent)
        unit = ws.units.get(unit.parent)
    return chain


def upper_team(ws: Workspace, unit_id: str) -> str | None:
    """The nearest ancestor unit that has a leadership team (whose principal signs with this unit)."""
    return next((a for a in ancestors(ws, unit_id) if a in ws.teams), None)


def in_subtree(ws: Workspace, unit_id: str, root_id: str) -> bool:
    """Whether `unit_id` is `root_id` or lies below it."""
    return unit_id == root_id or root_id in ancestors(ws, unit_id)


def issuing_team(ws: Workspace) -> str | None:
    """The team that issues the plan: 方案.班子, else the root unit's team."""
    if ws.plan is not None:
        return ws.plan.team
    roots = [uid for uid, u in ws.units.items() if not u.parent and uid in ws.teams]
    return roots[0] if len(roots) == 1 else None


def principals_of(ws: Workspace, unit_id: str | None, day: dt.date | None = None) -> list[str]:
    """Every principal of the unit's team on `day` (over the whole year when `day` is None)."""
    team = ws.teams.get(unit_id or "")
    return list(dict.fromkeys(p.leader for p in team.principals(day))) if team else []


def task_responsibility(ws: Workspace, task: Task, day: dt.date | None = None) -> dict[str, str]:
    """Leader id → 主要领导责任 / 重要领导责任 for one task.

    Posts are taken as held on `day`, by default the task's deadline.
    主要: the 总负责人 (or, when none is named, the member in charge of the lead unit).
    重要: the member in charge of the lead unit when someone else is 总负责人, the principal
    of that member's team (党政齐抓共管: the 旗长 for a 副旗长's department), the members in
    charge of the co-operating units, and the issuing team's principal.
    """
    result: dict[str, str] = {}
    day = day or task.deadline  # who was in charge when the task fell due (mid-year changes)
    lead_charges = in_charge_of(ws, task.lead, day) if task.lead else []
    main = task.leader or (lead_charges[0].post.leader if lead_charges else None)
    if main:
        result[main] = MAIN
    for charge in lead_charges:
        result.setdefault(charge.post.leader, IMPORTANT)
        for leader in principals_of(ws, charge.team, day):
            result.setdefault(leader, IMPORTANT)
    for co in task.co_units:
        for charge in in_charge_of(ws, co, day):
            result.setdefault(charge.post.leader, IMPORTANT)
    for leader in principals_of(ws, issuing_team(ws), day):
        result.setdefault(leader, IMPORTANT)
    return result


SPECIFIC = "具体负责"


def specific_tasks(ws: Workspace, leader_id: str) -> list[str]:
    """The tasks whose 具体负责人 is the leader (`具体负责人: ly`: a reference, not a name in
    free text), in load order: what the leader's letter binds beside the tasks they bear
    leadership responsibility for (a 镇长 who carries out the town's tasks)."""
    return list(ws.memoised("responsibility.specific", _specific).get(leader_id, ()))


def _specific(ws: Workspace) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tid, task in ws.tasks.items():
        if task.person is not None and task.person.leader:
            found.setdefault(task.person.leader, []).append(tid)
    return found


def units_in_charge(ws: Workspace, leader_id: str, day: dt.date | None = None) -> list[tuple[str, str]]:
    """(team unit id, unit id) for every unit the leader is in charge of on `day`."""
    posts = posts_index(ws)[1].get(leader_id, [])
    return [(c.team, unit) for c in posts if day is None or c.post.active_on(day) for unit in c.post.in_charge]


def plan_teams(ws: Workspace) -> list[str]:
    """The teams whose members the plan assigns tasks to: the issuing team, and the
    government team(s) directly under it (党政齐抓共管: the party committee and the
    government are two teams of one level). Memoised: assessment asks for every task."""
    return list(ws.memoised("responsibility.plan_teams", _plan_teams))


def _plan_teams(ws: Workspace) -> list[str]:
    top = issuing_team(ws)
    if top is None or top not in ws.teams:
        return []
    gov = sorted(uid for uid, unit in ws.units.items()
                 if unit.parent == top and unit.kind == "政府" and uid in ws.teams)
    return [top, *gov]


def units_under(ws: Workspace, team_id: str) -> list[str]:
    """The units whose nearest team above is `team_id`: the remit its members divide among
    themselves (分管), sorted by id."""
    return sorted(uid for uid in ws.units if upper_team(ws, uid) == team_id)


def overall_leaders(ws: Workspace, unit_id: str, day: dt.date | None = None) -> list[str]:
    """Who may be 总负责人 of a task led by `unit_id` on `day` (at any time of the year when
    None): the members rightfully in charge of the unit (`rightful`), then the principal(s)
    of the team above it and of the issuing team (一把手负总责). Leader ids, without repeats."""
    upper = upper_team(ws, unit_id)
    found = [c.post.leader for c in in_charge_of(ws, unit_id, day) if rightful(ws, c, upper, day)]
    found += principals_of(ws, upper, day) + principals_of(ws, issuing_team(ws), day)
    return list(dict.fromkeys(found))


def rightful(ws: Workspace, charge: Charge, upper: str | None, day: dt.date | None = None) -> bool:
    """Whether a charge (分管) of a unit whose nearest team above is `upper` lies within the
    remit of the charge's team: it is that team, or the leader also sits on it (on `day`, or
    at some time while the charge runs) — the 党政 cross-charge of a 常委 who is also a
    副县长 and is in charge of a party department. A unit with no team above is not judged."""
    if upper is None or charge.team == upper:
        return True
    team = ws.teams.get(upper)
    return team is not None and any(p.leader == charge.post.leader and (
        p.active_on(day) if day is not None else overlaps(p, charge.post)) for p in team.members)


def overlaps(a: Post, b: Post) -> bool:
    """Whether two posts are held on some common day (undated ends are open)."""
    return (a.end is None or b.start is None or b.start <= a.end) and (b.end is None or a.start is None
                                                                          or a.start <= b.end)


def responsibility_chain(ws: Workspace, leader_id: str, day: dt.date) -> list[str]:
    """Leader ids from `leader_id` up to the issuing team's principal, as of `day`.

    The chain of 一把手负总责 (lecture 三): a member of team X answers to X's principal;
    X's principal answers to the member of the team above who is in charge of X (when
    there is exactly one), who answers to that team's principal; and so on up to the
    issuing team. The chain starts from the leader's post on the highest team under the
    issuing team held on `day`. It stops early where it breaks: the leader holds no such
    post, or a team on the way has no single principal on `day`. Repeats are left out
    (a principal in charge of his own unit appears once).
    """
    chain = [leader_id]
    top = issuing_team(ws)
    if top is None or top not in ws.teams:
        return chain
    teams = [tid for tid, team in ws.teams.items() if in_subtree(ws, tid, top)
             and any(p.leader == leader_id and p.active_on(day) for p in team.members)]
    if not teams:
        return chain
    team: str | None = min(teams, key=lambda tid: (len(ancestors(ws, tid)), tid))
    seen: set[str] = set()
    while team is not None and team not in seen:
        seen.add(team)
        principal = principal_of(ws, team, day)
        if principal is None:
            break
        _extend(chain, principal)
        if team == top:
            break
        upper = upper_team(ws, team)
        charges = sorted({c.post.leader for c in in_charge_of(ws, team, day) if c.team == upper})
        if len(charges) == 1:
            _extend(chain, charges[0])
        team = upper
    return chain


def _extend(chain: list[str], leader_id: str) -> None:
    if chain[-1] != leader_id:
        chain.append(leader_id)


# ── accountability (责任追究): who bears leadership responsibility for an incident ──────────
# Lecture 二(二) (正职 5, 其他成员 1 and 4) and 三(一): a member in charge bears 主要领导责任 for
# the principal of a unit in their charge and 重要领导责任 for its other team members (and for
# the unit's clean governance as a whole); a principal bears 重要领导责任 for the other members
# of their own team and 主要领导责任 for the selection of lower principals; the team bears
# 全面领导责任 for its remit and its principal 总责.

OVERALL = "全面领导责任"
RANK = {MAIN: 0, IMPORTANT: 1, OVERALL: 2}


@dataclass(frozen=True)
class Finding:
    """One rule that makes `leader` (or, for T1, the team `team`) bear `label`.

    `rule` names the rule (R1 … R6, T1); `post` is the bearer's post that the rule reads,
    `subject` the involved leader it is about (None for someone outside the data) and
    `subject_post` the involved leader's post on the day."""

    rule: str
    label: str
    team: str
    leader: str | None = None
    post: Post | None = None
    subject: str | None = None
    subject_post: Post | None = None
    subject_team: str | None = None


def posts_on(ws: Workspace, leader_id: str, day: dt.date) -> list[tuple[str, Post]]:
    """(team unit id, post) for every post the leader holds on `day`, by team id."""
    return [(tid, p) for tid, team in sorted(ws.teams.items())
            for p in team.members if p.leader == leader_id and p.active_on(day)]


def relevant_posts(ws: Workspace, leader_id: str, unit_id: str, day: dt.date) -> list[tuple[str, Post]]:
    """The involved leader's posts that concern the unit: on its team, or in charge of it;
    every post held on `day` when none does."""
    held = posts_on(ws, leader_id, day)
    near = [(tid, p) for tid, p in held if tid == unit_id or unit_id in p.in_charge]
    return near or held


def incident_findings(ws: Workspace, unit_id: str, day: dt.date, subject: str | None,
                      selection: bool) -> list[Finding]:
    """Who bears leadership responsibility for what `subject` did in `unit_id` on `day`.

    `subject` is a leader id, or None for a person outside the data (a staff member of the
    unit); `selection`: the incident is about the selection of cadres (情形 3)."""
    posts = relevant_posts(ws, subject, unit_id, day) if subject else []
    if not posts:
        return _for_staff(ws, unit_id, day, subject)
    found: list[Finding] = []
    for team_id, post in posts:
        found += _for_post(ws, team_id, post, day, selection)
    return found


def _for_post(ws: Workspace, team_id: str, post: Post, day: dt.date, selection: bool) -> list[Finding]:
    found = []
    who = post.leader

    def finding(rule: str, label: str, team: str, bearer: Post) -> Finding:
        return Finding(rule, label, team, bearer.leader, bearer, who, post, team_id)

    for charge in in_charge_of(ws, team_id, day):
        if charge.post.leader != who and charge.team != team_id:
            label, rule = (MAIN, "R1") if post.principal else (IMPORTANT, "R2")
            found.append(finding(rule, label, charge.team, charge.post))
    upper = upper_team(ws, team_id)
    if post.principal and selection and upper:
        found += [finding("R4", MAIN, upper, p) for p in ws.teams[upper].principals(day) if p.leader != who]
    if not post.principal:
        found += [finding("R3", IMPORTANT, team_id, p) for p in ws.teams[team_id].principals(day) if p.leader != who]
    return found


def _for_staff(ws: Workspace, unit_id: str, day: dt.date, subject: str | None) -> list[Finding]:
    """Someone who holds no post in the data: the unit's principal (总责) and the members in
    charge of the unit (分管部门、单位的党风廉政建设)."""
    found = []
    team = ws.teams.get(unit_id)
    for p in team.principals(day) if team else []:
        if p.leader != subject:
            found.append(Finding("R5", MAIN, unit_id, p.leader, p, subject=subject))
    for charge in in_charge_of(ws, unit_id, day):
        if charge.post.leader != subject and charge.team != unit_id:
            found.append(Finding("R5M", IMPORTANT, charge.team, charge.post.leader, charge.post, subject=subject))
    return found


def family_finding(ws: Workspace, leader_id: str, day: dt.date) -> list[Finding]:
    """情形 6: the leader whose spouse, child or staff did it bears 主要领导责任 on each post held."""
    return [Finding("R6", MAIN, tid, leader_id, p) for tid, p in posts_on(ws, leader_id, day)[:1]]


def team_finding(ws: Workspace, unit_id: str) -> Finding | None:
    """The unit's team bears 全面领导责任 for its remit (None when the unit has no team)."""
    return Finding("T1", OVERALL, unit_id) if unit_id in ws.teams else None


@dataclass(frozen=True)
class LetterPair:
    """Who signs a 主体责任 letter with whom (一级抓一级): the first party's post on the team of
    `a_unit`, the second party's on the team of `b_unit`. The documents phase renders the letters
    from these pairs; the assessment counts them for the signing rate (签订率)."""

    id: str
    kind: str  # "member" or "lower"
    a_unit: str
    a: Post
    b_unit: str
    b: Post


def sole_principal(ws: Workspace, unit_id: str | None, day: dt.date | None) -> Post | None:
    """The post of the unit's single team principal on `day` (None when none or several)."""
    team = ws.teams.get(unit_id) if unit_id else None
    found = team.principals(day) if team else []
    return found[0] if len(found) == 1 else None


def letter_pairs(ws: Workspace) -> tuple[LetterPair, ...]:
    """The year's member letters (each team's principal with each other member in post in the
    year), team by team, then the lower letters (each unit's principal with the principal of the
    nearest upper team, unless the two already sign a member letter)."""
    assert ws.config is not None
    year, start = ws.config.year, ws.config.year_start
    pairs: list[LetterPair] = []
    signing: set[tuple[str, str]] = set()
    for team_id, team in ws.teams.items():
        head = sole_principal(ws, team_id, start)
        if head is None:
            continue
        for post in team.members:
            if post.principal or post.leader == head.leader or not _in_year(post, year):
                continue
            signing.add((head.leader, post.leader))
            pairs.append(LetterPair(f"{year}-{team_id}-{post.leader}", "member", team_id, head, team_id, post))
    for unit_id in ws.teams:
        upper = upper_team(ws, unit_id)
        lower, top = sole_principal(ws, unit_id, start), sole_principal(ws, upper, start)
        if upper is None or lower is None or top is None:
            continue
        if (top.leader, lower.leader) in signing or top.leader == lower.leader:
            continue
        pairs.append(LetterPair(f"{year}-{unit_id}-{lower.leader}", "lower", upper, top, unit_id, lower))
    return tuple(pairs)


def _in_year(post: Post, year: int) -> bool:
    return (post.start is None or post.start.year <= year) and (post.end is None or post.end.year >= year)
