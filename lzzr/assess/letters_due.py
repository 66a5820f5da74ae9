"""The responsibility letters the decomposition calls for, for the signing rate (签订率): a
letter that was never generated counts as unsigned, not as absent.

Who signs with whom is responsibility.letter_pairs (DOMAIN.md "The yearly cycle"), the same pairs
lzzr/documents/letters.py renders: each team's principal with each other member in post in the
year; each lower unit's principal with the principal of the nearest upper team, unless the two
already sign a member letter. These are the 主体责任 letters the decomposition itself calls for; a
监督责任书 or a 股室 letter (listed by hand in the 责任书 section) counts toward the rate once it is
in the register. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass

from lzzr.responsibility import letter_pairs
from lzzr.workspace.load import Workspace


@dataclass(frozen=True)
class DueLetter:
    """A letter that should exist: its id (as `lzzr letters` names it) and its two parties
    (leader id, unit id of the team the post belongs to)."""

    id: str
    kind: str  # "member" or "lower"
    a: tuple[str, str]
    b: tuple[str, str]


def letters_due(ws: Workspace) -> tuple[DueLetter, ...]:
    """Every 主体责任 letter of the year: member letters team by team, then lower letters."""
    return tuple(DueLetter(p.id, p.kind, (p.a.leader, p.a_unit), (p.b.leader, p.b_unit)) for p in letter_pairs(ws))
