"""Responsibility letters (党风廉政建设责任书) and pledges (承诺书): who signs with whom, and what
each document binds. Pure: workspace in, specs and template contexts out.

Two kinds of letter (DOMAIN.md "The yearly cycle"):
- `lower`: the upper principal with the principal of each lower unit that has a team
  (and, 党政同责, with the leaders the section `责任书` lists to sign beside either principal);
- `member`: a team's principal with each other member of that team.
A lower principal who is also a member of the upper team (a 常委 heading 组织部) signs one
letter, the member letter, which then also binds their unit's tasks. Two more kinds, from
the section `责任书`, are in lzzr/documents/letter_kinds.py: `supervision` (监督责任书) and
`office` (a member in charge with the head of a 股室).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from lzzr.documents.letter_kinds import office_letters, supervision_letters
from lzzr.documents.letter_spec import (
    KIND_NAMES,
    KINDS,
    LetterSpec,
    Party,
    base_date,
    letter_date,
    signer_party,
)
from lzzr.render.rows import task_row, unit_label
from lzzr.responsibility import (
    IMPORTANT,
    MAIN,
    SPECIFIC,
    ancestors,
    issuing_team,
    letter_pairs,
    sole_principal,
    task_responsibility,
    upper_team,
)
from lzzr.text import natural_key
from lzzr.workspace.letters_setup import KIND, letter_setup
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Post, Task, cn_date

__all__ = ["KINDS", "KIND_NAMES", "LetterSpec", "Party", "base_date", "letter_date", "plan_letters"]
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def _party(ws: Workspace, team_unit: str, post: Post) -> Party:
    leader = ws.leaders.get(post.leader)
    unit = ws.units.get(team_unit)
    return Party(post.leader, leader.name if leader else post.leader, post.title, team_unit,
                 unit.name if unit else team_unit)


def plan_letters(ws: Workspace) -> list[LetterSpec]:
    """Every letter of the year: the 主体责任 letters of responsibility.letter_pairs (member
    letters team by team, then lower letters), then 监督责任书 and 股室 letters."""
    assert ws.config is not None
    start = ws.config.year_start
    letters: list[LetterSpec] = []
    look = _Lookups(ws)
    for pair in letter_pairs(ws):
        a, b = _party(ws, pair.a_unit, pair.a), _party(ws, pair.b_unit, pair.b)
        if pair.kind == "member":
            headed = tuple(u for u in ws.teams if u != pair.a_unit and _heads(ws, u, pair.b.leader, start)
                           and upper_team(ws, u) == pair.a_unit)
            units = tuple(dict.fromkeys((*pair.b.in_charge, *headed)))
            spec = LetterSpec(pair.id, "member", a, b, units, letter_date(ws, pair.b))
        else:
            spec = LetterSpec(pair.id, "lower", a, b, (pair.b_unit,), letter_date(ws, pair.b),
                              a_with=cosigners(ws, pair.a_unit), b_with=cosigners(ws, pair.b_unit))
        letters.append(_with_tasks(ws, spec, look))
    return [*letters, *supervision_letters(ws), *office_letters(ws)]


def cosigners(ws: Workspace, unit_id: str) -> tuple[Party, ...]:
    """The leaders who sign a unit's 上下级 letter beside its principal (党政同责)."""
    setup = letter_setup(ws.singleton(KIND))
    return tuple(signer_party(ws, s.unit, s.leader, s.post) for s in setup.cosigners if s.unit == unit_id)


def _in_year(post: Post, year: int) -> bool:
    return (post.start is None or post.start.year <= year) and (post.end is None or post.end.year >= year)


def _heads(ws: Workspace, unit_id: str, leader: str, day: dt.date) -> bool:
    post = sole_principal(ws, unit_id, day)
    return post is not None and post.leader == leader


class _Lookups:
    """What binding tasks to letters asks again and again, computed once per plan: each task's
    duties (responsibility.task_responsibility) and each unit's ancestors."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._duties: dict[str, dict[str, str]] = {}
        self._above: dict[str, frozenset[str]] = {}

    def duties(self, tid: str, task: Task) -> dict[str, str]:
        if tid not in self._duties:
            self._duties[tid] = task_responsibility(self.ws, task)
        return self._duties[tid]

    def under(self, unit_id: str, units: tuple[str, ...]) -> bool:
        """Whether `unit_id` is one of `units` or lies below one (responsibility.in_subtree)."""
        if unit_id not in self._above:
            self._above[unit_id] = frozenset((unit_id, *ancestors(self.ws, unit_id)))
        return not self._above[unit_id].isdisjoint(units)


def _with_tasks(ws: Workspace, spec: LetterSpec, look: _Lookups | None = None) -> LetterSpec:
    """Bind the tasks the second party answers for."""
    look = look or _Lookups(ws)
    headed = headed_units(ws, spec) if spec.kind == "member" else ()
    bound: dict[str, str] = {}
    for tid, task in ws.tasks.items():
        role = _role(look, spec, headed, tid, task)
        if role:
            bound[tid] = role
    ordered = tuple(sorted(bound.items(), key=lambda kv: natural_key(kv[0])))
    return replace(spec, tasks=ordered)


OVERALL = "负总责"
BLANK_DATE = "　　　　年　　月　　日"


def headed_units(ws: Workspace, spec: LetterSpec) -> tuple[str, ...]:
    """The units of a member letter whose team the second party heads (a 旗长 heading 旗政府)."""
    assert ws.config is not None
    return tuple(u for u in spec.units if _heads(ws, u, spec.b.leader, ws.config.year_start))


def _role(look: _Lookups, spec: LetterSpec, headed: tuple[str, ...], tid: str, task: Task) -> str:
    """The second party's part in the task, the strongest first; a task whose 具体负责人 names
    the second party (`具体负责人: {领导: ly}`) is bound as 具体负责 when nothing stronger binds it."""
    member = spec.kind == "member"
    role = _member_role(look, spec, headed, tid, task) if member else _lower_role(look, spec, task)
    if not role and task.person is not None and task.person.leader == spec.b.leader:
        return SPECIFIC
    return role


def _member_role(look: _Lookups, spec: LetterSpec, headed: tuple[str, ...], tid: str, task: Task) -> str:
    duty = look.duties(tid, task).get(spec.b.leader)
    if duty == MAIN:
        return MAIN
    if task.lead and look.under(task.lead, headed):
        return OVERALL  # the head of the lead unit's team answers for it as a whole (lecture 二（二）)
    if task.lead and look.under(task.lead, spec.units):
        return IMPORTANT
    return ""


def _lower_role(look: _Lookups, spec: LetterSpec, task: Task) -> str:
    if task.lead and look.under(task.lead, spec.units):
        return "牵头"
    if any(c in spec.units for c in task.co_units):
        return "协办"
    return ""


def safe_name(text: str, limit: int = 60) -> str:
    """A file-name part that cannot leave its folder: no separators, controls or leading dots."""
    cleaned = (_UNSAFE.sub("_", text).strip(" .") or "_")[:limit]
    # File systems count bytes (255 at most); leave room for `.v9.pdf` and the temporary name.
    return cleaned.encode("utf-8")[:NAME_BYTES].decode("utf-8", "ignore")


NAME_BYTES = 200


def letter_filename(spec: LetterSpec) -> str:
    kind = "监督责任书" if spec.kind == "supervision" else "责任书"
    return safe_name(f"{spec.id}-{kind}-{spec.a.name}-{spec.b.name}", 100) + ".pdf"


def letter_context(ws: Workspace, spec: LetterSpec) -> dict[str, Any]:
    """What templates/letter.html reads: parties, duties, bound tasks, clauses, signatures."""
    assert ws.config is not None
    rows = []
    for tid, role in spec.tasks:
        row = task_row(ws, 0, tid, ws.tasks[tid])
        row["role"] = role
        rows.append(row)
    return {
        "doc_id": spec.id,
        "kind": spec.kind,
        "year": ws.config.year,
        "organ": ws.config.organ,
        "region": ws.config.region,
        "title": spec.title,
        "a": spec.a.__dict__,
        "b": spec.b.__dict__,
        "side_a": [p.__dict__ for p in (spec.a, *spec.a_with)],
        "side_b": [p.__dict__ for p in (spec.b, *spec.b_with)],
        "office": spec.office,
        **legal_basis(ws),
        "units": [unit_label(ws, u) for u in spec.units],
        "headed_units": [unit_label(ws, u) for u in headed_units(ws, spec)],
        **letter_form(ws, spec),
        "charge_units": [unit_label(ws, u) for u in spec.units if u not in headed_units(ws, spec)],
        "tasks": rows,
        "date": cn_date(spec.date),
        # Signed later, by hand: a line to fill in, not the planned date (the register keeps that).
        "sides": signature_sides(spec, {}),
        "as_signed": False,
        "valid_from": cn_date(dt.date(ws.config.year, 1, 1)),
        "valid_to": cn_date(dt.date(ws.config.year, 12, 31)),
        "supervisor": _supervisor_name(ws),
        "copies_cn": "一二三四五六七八九"[ws.config.letter_copies - 1],
    }


def signature_sides(spec: LetterSpec, dates: dict[str, dt.date]) -> list[dict[str, Any]]:
    """The signature block: per side its signers and the date line. `dates` (leader → day
    signed, from the register) fills the dates in: one line when the whole side signed on one
    day, a line under each signer when only some signed or on different days, a blank line to
    fill in by hand while nobody of the side has signed."""
    sides = []
    for label, side in (("甲方", (spec.a, *spec.a_with)), ("乙方", (spec.b, *spec.b_with))):
        days = {dates[p.leader] for p in side if p.leader in dates}
        whole = len(days) == 1 and all(p.leader in dates for p in side)
        each = bool(days) and not whole  # some signed, or on different days: a date under each signer
        signers = [{**p.__dict__, "date": (cn_date(dates[p.leader]) if p.leader in dates else BLANK_DATE) if each
                    else ""} for p in side]
        line = "" if each else cn_date(days.pop()) if whole else BLANK_DATE
        sides.append({"label": label, "signers": signers, "date": line})
    return sides


def as_signed(ws: Workspace, spec: LetterSpec, dates: dict[str, dt.date]) -> dict[str, Any]:
    """The context of the letter's 签订本: the letter as issued, with the signing dates the
    register holds printed under the signatures."""
    return {**letter_context(ws, spec), "sides": signature_sides(spec, dates), "as_signed": True}


CN_NUMBERS = "〇一二三四五六七八九"


def cn_number(n: int) -> str:
    """一 … 九十九, as the items of a regulation are numbered (（十二）)."""
    if not 0 < n < 100:
        return str(n)
    if n < 10:
        return CN_NUMBERS[n]
    tens, ones = divmod(n, 10)
    return (CN_NUMBERS[tens] if tens > 1 else "") + "十" + (CN_NUMBERS[ones] if ones else "")


def legal_basis(ws: Workspace) -> dict[str, Any]:
    """What the letters cite: the documents of `责任书` → `依据` (the preamble), and the name and
    situations of `责任追究规定` (the 责任追究 clause), the 1998 规定 by default."""
    from lzzr.workspace.incidents import accountability_rules

    rules = accountability_rules(ws.singleton("acc_rules"))
    items = sorted(rules.situations.items())
    return {"basis": "".join(letter_setup(ws.singleton(KIND)).basis), "rules_name": rules.name,
            "situations": [f"（{cn_number(n)}）{text.rstrip('；;。')}" for n, text in items]}


def _supervisor_name(ws: Workspace) -> str:
    """The discipline-inspection commission that keeps a copy (纪委监委), if the tree has one."""
    top = issuing_team(ws)
    found = next((u for u in ws.units.values() if u.kind == "纪委监委" and (u.parent == top or top is None)), None)
    return found.label if found else "纪检监察机关"


def leaders_with_posts(ws: Workspace) -> list[tuple[str, list[tuple[str, Post]]]]:
    """Every leader holding a post this year, with (team unit, post) pairs, in team order."""
    assert ws.config is not None
    found: dict[str, list[tuple[str, Post]]] = {}
    for team_id, team in ws.teams.items():
        for post in team.members:
            if _in_year(post, ws.config.year):
                found.setdefault(post.leader, []).append((team_id, post))
    return list(found.items())


def pledge_context(ws: Workspace, leader_id: str, posts: list[tuple[str, Post]], public: bool) -> dict[str, Any]:
    """What templates/pledge.html reads. `public` leaves out private fields (for 公开栏)."""
    assert ws.config is not None
    leader = ws.leaders.get(leader_id)
    pledge_day = next((d.date for d in ws.plan.duties if d.kind == "公开承诺"), None) if ws.plan else None
    titles = "、".join(dict.fromkeys(part for _, p in posts for part in p.title.split("、")))
    return {
        "doc_id": f"{ws.config.year}-pledge-{leader_id}" + ("-public" if public else ""),
        "year": ws.config.year,
        "organ": ws.config.organ,
        "region": ws.config.region,
        "name": leader.name if leader else leader_id,
        "post": titles,
        "units": "、".join(dict.fromkeys(unit_label(ws, t) for t, _ in posts)),
        "public": public,
        "gender": (leader.gender or "") if leader and not public else "",
        "items": list(ws.config.pledge_items),
        "date": cn_date(pledge_day or ws.config.year_start),
    }


def pledge_filename(year: int, leader_id: str, name: str, public: bool) -> str:
    suffix = "-公开" if public else ""
    return safe_name(f"{year}-承诺书-{leader_id}-{name}{suffix}", 100) + ".pdf"


TOWNSHIPS = ("苏木镇", "乡镇", "街道")


def letter_form(ws: Workspace, spec: LetterSpec) -> dict[str, str]:
    """Which form of the duties the second party's unit gets (templates/letter.html includes
    parts/duties_principal_<类别>.html, else the township form, else the general one)."""
    unit = ws.units.get(spec.b.unit)
    kind = unit.kind if unit else ""
    village = "嘎查村（社区）" if kind == "苏木镇" else "社区" if kind == "街道" else "村（社区）"
    return {"unit_kind": kind, "form": "township" if kind in TOWNSHIPS else kind, "village": village}
