"""Who is assessed at the year end, and for which units and dates.

The county's party committee (方案.班子, the issuing team) assesses the level below it:
- **班子**: the team of every unit whose nearest team above is the issuing team or the
  government team of the same level (旗纪委监委, 旗委工作部门, 旗政府工作部门, 苏木镇);
- **正职**: each principal of those teams (two when the post changed hands in the year,
  each for the time they held it);
- **成员**: each other member of the issuing team and of the government team (党政齐抓共管),
  once per person even when they sit on both, for the units in their charge.
The issuing team and its principal are assessed by the level above, not here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lzzr.responsibility import in_charge_of, plan_teams, posts_index, upper_team
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Post

KIND_ORDER = {"班子": 0, "正职": 1, "成员": 2}


@dataclass(frozen=True)
class Assessee:
    """One assessed team or leader.

    `key` is stable and unique: `team:hdz`, `principal:hdz:fwj`, `member:zwb`.
    `start`/`end` are the part of the year the post was held (the whole year for teams).
    """

    key: str
    kind: str
    unit: str | None
    leader: str | None
    name: str
    post: str
    units: tuple[str, ...]
    start: dt.date
    end: dt.date
    unit_label: str = ""

    @property
    def full_year(self) -> bool:
        return self.start.month == 1 and self.start.day == 1 and self.end.month == 12 and self.end.day == 31


def assessed_units(ws: Workspace) -> list[str]:
    """Units whose teams are assessed: those directly under the issuing or government team."""
    top = plan_teams(ws)
    return sorted(uid for uid in ws.teams if uid in ws.units and uid not in top and upper_team(ws, uid) in top)


def assessed_targets(ws: Workspace) -> list[Assessee]:
    """Every target, teams first, then principals, then members; each group by id."""
    if ws.config is None:
        return []
    start, end = ws.config.year_start, ws.config.year_end
    targets: list[Assessee] = []
    for uid in assessed_units(ws):
        unit = ws.units[uid]
        name = ws.teams[uid].name or f"{unit.label}领导班子"
        targets.append(Assessee(f"team:{uid}", "班子", uid, None, name, unit.name, (uid,), start, end, unit.label))
    for uid in assessed_units(ws):
        targets += _principal_targets(ws, uid, start, end)
    targets += _member_targets(ws, start, end)
    return targets


def _tenure(posts: list[Post], start: dt.date, end: dt.date) -> tuple[dt.date, dt.date] | None:
    """The span of the year covered by `posts` (None when none falls in the year)."""
    spans = [(max(p.start or start, start), min(p.end or end, end)) for p in posts]
    spans = [(a, b) for a, b in spans if a <= b]
    if not spans:
        return None
    return min(a for a, _ in spans), max(b for _, b in spans)


def _principal_targets(ws: Workspace, uid: str, start: dt.date, end: dt.date) -> list[Assessee]:
    found = []
    team = ws.teams[uid]
    for leader in dict.fromkeys(p.leader for p in team.principals()):
        posts = [p for p in team.principals() if p.leader == leader]
        span = _tenure(posts, start, end)
        if span is None:
            continue
        person = ws.leaders.get(leader)
        found.append(Assessee(f"principal:{uid}:{leader}", "正职", uid, leader, person.name if person else leader,
                            posts[0].title, (uid,), *span, ws.units[uid].label))
    return found


def _member_targets(ws: Workspace, start: dt.date, end: dt.date) -> list[Assessee]:
    posts: dict[str, list[Post]] = {}
    for team_id in plan_teams(ws):
        for post in ws.teams[team_id].members:
            if not post.principal:
                posts.setdefault(post.leader, []).append(post)
    found = []
    for leader in sorted(posts):
        span = _tenure(posts[leader], start, end)
        if span is None:
            continue
        person = ws.leaders.get(leader)
        units = tuple(dict.fromkeys(u for p in posts[leader] for u in p.in_charge))
        found.append(Assessee(f"member:{leader}", "成员", None, leader, person.name if person else leader,
                            post_title([p.title for p in posts[leader]]), units, *span))
    return found


def post_title(titles: list[str]) -> str:
    """One title for several posts: drop a title contained in another (常务副旗长 in
    旗委常委、常务副旗长), join the rest with 、."""
    unique = list(dict.fromkeys(titles))
    kept = [t for t in unique if not any(t != o and t in o for o in unique)]
    return "、".join(kept)


def in_charge_on(ws: Workspace, target: Assessee, unit_id: str, day: dt.date) -> bool:
    """Whether the target answers for `unit_id` on `day`: teams and principals for their own
    unit while in post; members for the units in their charge on that day."""
    if not target.start <= day <= target.end:
        return False
    if target.kind != "成员":
        return unit_id == target.unit
    top = set(plan_teams(ws))
    return any(c.post.leader == target.leader and c.team in top for c in in_charge_of(ws, unit_id, day))


def answerable_units(ws: Workspace, target: Assessee) -> set[str]:
    """Every unit `in_charge_on` can hold the target answerable for on some day: its own unit
    (teams, principals); for a member, the units of every post they hold on the issuing or
    government team. Scoring looks tasks up by these units instead of asking of every task."""
    if target.kind != "成员":
        return {target.unit} if target.unit else set()
    top = set(plan_teams(ws))
    return {u for c in posts_index(ws)[1].get(target.leader or "", []) if c.team in top for u in c.post.in_charge}


def find_targets(targets: list[Assessee], query: str, ws: Workspace | None = None) -> list[Assessee]:
    """The targets `query` names: a key (`team:hdz`), a unit id or name (its team), a leader
    id or name (all that leader's targets)."""
    exact = [t for t in targets if t.key == query]
    if exact:
        return exact
    by_unit = [t for t in targets if t.kind == "班子" and t.unit == query]
    if by_unit:
        return by_unit
    by_leader = [t for t in targets if t.leader == query]
    if by_leader:
        return by_leader
    names = {query}
    if ws is not None:
        names |= {uid for uid, u in ws.units.items() if query in (u.name, u.short)}
    return [t for t in targets
            if (t.kind == "班子" and (t.unit in names or query in (t.unit_label, t.post, t.name))) or t.name == query]
