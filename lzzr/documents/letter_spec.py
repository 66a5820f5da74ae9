"""What a letter is: its kind, its parties (both sides, with the co-signers of 党政同责), its
date and the tasks it binds. Pure data, shared by lzzr/documents/letters.py (the lecture's two
pairs) and lzzr/documents/letter_kinds.py (the kinds of the section `责任书`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Post

KINDS = ("lower", "member", "supervision", "office")
KIND_NAMES = {"lower": "上下级", "member": "班子成员", "supervision": "监督责任", "office": "股室"}
TITLES = {"supervision": "党风廉政建设监督责任书"}
TITLE = "党风廉政建设责任书"


@dataclass(frozen=True)
class Party:
    """One signatory: leader id, name, post, and the unit the post belongs to."""

    leader: str
    name: str
    post: str
    unit: str
    unit_name: str


@dataclass(frozen=True)
class LetterSpec:
    """One letter to issue: its stable id, kind, the two parties, its date and bound tasks."""

    id: str
    kind: str
    a: Party
    b: Party
    units: tuple[str, ...]
    date: dt.date
    tasks: tuple[tuple[str, str], ...] = field(default=())  # (task id, 主要/重要领导责任 or 牵头/协办)
    a_with: tuple[Party, ...] = ()  # who signs beside `a` (党政同责)
    b_with: tuple[Party, ...] = ()
    office: str = ""  # the 股室 of an `office` letter

    @property
    def parties(self) -> tuple[Party, ...]:
        """Every signer, side a first: the letter is signed when all of them have signed."""
        return (self.a, *self.a_with, self.b, *self.b_with)

    @property
    def title(self) -> str:
        return TITLES.get(self.kind, TITLE)


def letter_date(ws: Workspace, post: Post) -> dt.date:
    """Letters are signed by the plan's deadline, or when a post starts later in the year."""
    base = base_date(ws)
    return max(base, post.start) if post.start else base


def base_date(ws: Workspace) -> dt.date:
    """The plan's 责任书签订时限, else the first day of the year."""
    assert ws.config is not None
    return (ws.plan.letters_by if ws.plan and ws.plan.letters_by else None) or ws.config.year_start


def signer_party(ws: Workspace, unit_id: str, leader_id: str, post: str) -> Party:
    leader = ws.leaders.get(leader_id)
    unit = ws.units.get(unit_id)
    return Party(leader_id, leader.name if leader else leader_id, post, unit_id, unit.name if unit else unit_id)
