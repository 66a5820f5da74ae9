"""The letter kinds beyond the lecture's two pairs, from the section `责任书`
(lzzr/workspace/letters_setup.py). Pure: workspace in, specs out.

- `supervision` (监督责任书): the upper 纪委书记 with each lower 纪委书记 / 纪检组长 the section
  lists (监督责任 beside the 主体责任); it binds the tasks the lower unit leads or supervises;
- `office`: the member of a unit's team in charge of a 股室 with the head of that 股室
  (一级抓一级, down to the post); it binds the tasks whose 具体负责人 is the head (a reference
  to the leader, or their name written out).
"""

from __future__ import annotations

from dataclasses import replace

from lzzr.documents.letter_spec import LetterSpec, Party, base_date, letter_date, signer_party
from lzzr.responsibility import in_subtree, principal_of
from lzzr.text import natural_key
from lzzr.workspace.letters_check import inspector_of
from lzzr.workspace.letters_setup import KIND, Office, letter_setup
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Person, Task

SUPERVISE = "监督"
IN_PERSON = "具体负责"


def supervision_letters(ws: Workspace) -> list[LetterSpec]:
    """One 监督责任书 per lower 纪委书记 / 纪检组长 of the section (none without an upper one)."""
    assert ws.config is not None
    setup = letter_setup(ws.singleton(KIND))
    upper = _inspector(ws)
    if upper is None:
        return []
    found = []
    for s in setup.supervision:
        if s.unit not in ws.units or s.leader not in ws.leaders or s.leader == upper.leader:
            continue
        tasks = tuple((tid, SUPERVISE) for tid, t in _sorted(ws)
                      if (t.lead and in_subtree(ws, t.lead, s.unit)) or t.supervisor == s.unit)
        found.append(LetterSpec(f"{ws.config.year}-supervision-{s.unit}-{s.leader}", "supervision", upper,
                                signer_party(ws, s.unit, s.leader, s.post), (s.unit,), base_date(ws), tasks))
    return found


def _inspector(ws: Workspace) -> Party | None:
    """The upper 纪委书记 as a party: their post on the team they head (the 纪委监委's), else
    another post of theirs, else 纪委书记 of the 纪委监委."""
    leader = inspector_of(ws)
    if leader is None or leader not in ws.leaders:
        return None
    posts = [(unit_id, p) for unit_id, team in ws.teams.items() for p in team.members if p.leader == leader]
    posts.sort(key=lambda up: not up[1].principal)  # the team they head first (the 纪委监委's)
    if posts:
        return signer_party(ws, posts[0][0], leader, posts[0][1].title)
    unit = next((uid for uid, u in ws.units.items() if u.kind == "纪委监委"), "")
    return signer_party(ws, unit, leader, "纪委书记")


def office_letters(ws: Workspace) -> list[LetterSpec]:
    """One letter per 股室 of the section: the member in charge with its head."""
    assert ws.config is not None
    found = []
    for office in letter_setup(ws.singleton(KIND)).offices:
        spec = _office_letter(ws, office)
        if spec is not None:
            found.append(spec)
    return found


def _office_letter(ws: Workspace, office: Office) -> LetterSpec | None:
    assert ws.config is not None
    team = ws.teams.get(office.unit)
    charge = office.in_charge or principal_of(ws, office.unit, ws.config.year_start)
    post = next((p for p in team.members if p.leader == charge), None) if team else None
    if post is None or office.head not in ws.leaders or office.head == charge:
        return None
    head = signer_party(ws, office.unit, office.head, office.post)
    name = ws.leaders[office.head].name
    tasks = tuple((tid, IN_PERSON) for tid, t in _sorted(ws) if t.person and _is(t.person, office.head, name))
    spec = LetterSpec(f"{ws.config.year}-office-{office.unit}-{office.head}", "office",
                      signer_party(ws, office.unit, post.leader, post.title), head, (office.unit,),
                      letter_date(ws, post), tasks)
    return replace(spec, office=office.name)


def _is(person: Person, leader: str, name: str) -> bool:
    """Whether a task's 具体负责人 is the head: a reference to the leader (`具体负责人: xhx`), or
    the name written out (`{姓名: 徐红霞, 职务: …}`) of someone not referenced."""
    return person.leader == leader if person.leader else person.name == name


def _sorted(ws: Workspace) -> list[tuple[str, Task]]:
    return sorted(ws.tasks.items(), key=lambda kv: natural_key(kv[0]))
