"""The responsibility letters the decomposition calls for, for the signing rate (签订率): a
letter that was never generated counts as unsigned, not as absent.

Who signs with whom is the rule of lzzr/documents/letters.py `plan_letters` (DOMAIN.md "The
yearly cycle"): each team's principal with each other member in post in the year; each lower
unit's principal with the principal of the nearest upper team, unless the two already sign a
member letter. These are the 主体责任 letters the decomposition itself calls for; a 监督责任书 or a
股室 letter (listed by hand in the 责任书 section) counts toward the rate once it is in the
register. The assessment may not import the documents phase, so the pairs are computed
here from the same workspace facts; tests/test_rules11_rates.py checks that both give the same
letters (ids and parties) on the sample workspace. Pure.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lzzr.responsibility import upper_team
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Post


@dataclass(frozen=True)
class DueLetter:
    """A letter that should exist: its id (as `lzzr letters` names it) and its two parties
    (leader id, unit id of the team the post belongs to)."""

    id: str
    kind: str  # "member" or "lower"
    a: tuple[str, str]
    b: tuple[str, str]


def _principal(ws: Workspace, unit_id: str, day: dt.date) -> Post | None:
    team = ws.teams.get(unit_id)
    found = team.principals(day) if team else []
    return found[0] if len(found) == 1 else None


def _in_year(post: Post, year: int) -> bool:
    return (post.start is None or post.start.year <= year) and (post.end is None or post.end.year >= year)


def letters_due(ws: Workspace) -> tuple[DueLetter, ...]:
    """Every letter of the year: member letters team by team, then lower letters."""
    assert ws.config is not None
    year, start = ws.config.year, ws.config.year_start
    due: list[DueLetter] = []
    pairs: set[tuple[str, str]] = set()
    for team_id, team in ws.teams.items():
        head = _principal(ws, team_id, start)
        if head is None:
            continue
        for post in team.members:
            if post.principal or post.leader == head.leader or not _in_year(post, year):
                continue
            pairs.add((head.leader, post.leader))
            due.append(DueLetter(f"{year}-{team_id}-{post.leader}", "member", (head.leader, team_id),
                                 (post.leader, team_id)))
    for unit_id in ws.teams:
        upper = upper_team(ws, unit_id)
        lower = _principal(ws, unit_id, start)
        top = _principal(ws, upper, start) if upper else None
        if upper is None or lower is None or top is None:
            continue
        if (top.leader, lower.leader) in pairs or top.leader == lower.leader:
            continue
        due.append(DueLetter(f"{year}-{unit_id}-{lower.leader}", "lower", (top.leader, upper),
                             (lower.leader, unit_id)))
    return tuple(due)
