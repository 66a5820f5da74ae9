"""Checks of the section `责任书` (lzzr/workspace/letters_setup.py), every problem located.

Pure: a loaded workspace in, problems out; run by `lzzr check` with the other records.
- every unit and leader named exists (R001, with a suggestion);
- a 依据 is a document title in 《》 (a warning: the preamble prints it as written);
- a co-signer's unit has a team whose principal signs, and the co-signer is not that principal;
- a 股室's 分管领导 holds a post on its unit's team (or, when omitted, the unit has a principal);
- no entry is written twice; the 监督责任书 has an upper 纪委书记;
- the letters' 责任追究 clause has at least one situation (`责任追究规定` → `情形`).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from typing import Any

from lzzr.errors import Problem, Record, Severity
from lzzr.i18n import t
from lzzr.workspace.letters_setup import KIND, LetterSetup, letter_setup
from lzzr.workspace.load import Workspace

_TARGET = {"单位": "unit", "领导": "leader", "负责人": "leader", "分管领导": "leader", "纪委书记": "leader"}


def check_letter_setup(ws: Workspace) -> list[Problem]:
    """Every problem of the section `责任书` and of the situations the letters list."""
    found = list(_situations(ws))
    if ws.singleton(KIND) is None:
        return found
    setup = letter_setup(ws.singleton(KIND))
    found += _basis(ws, setup)
    found += _references(ws, setup)
    found += _cosigners(ws, setup)
    found += _offices(ws, setup)
    found += _twice(ws, setup)
    if setup.supervision and setup.inspector is None and inspector_of(ws) is None:
        found.append(_p(ws, "LT07", "监督责任"))
    return found


def inspector_of(ws: Workspace) -> str | None:
    """The upper 纪委书记: `纪委书记` of the section, else the principal of the 纪委监委 whose
    parent is the issuing team."""
    setup = letter_setup(ws.singleton(KIND))
    if setup.inspector:
        return setup.inspector
    top = ws.plan.team if ws.plan else next((u for u, x in ws.units.items() if not x.parent), None)
    unit = next((uid for uid, u in ws.units.items() if u.kind == "纪委监委" and (u.parent == top or top is None)), None)
    return principal_of(ws, unit, ws.config.year_start if ws.config else None) if unit else None


def principal_of(ws: Workspace, unit_id: str, day: dt.date | None) -> str | None:
    """The leader id of the unit's one principal on `day` (None when none or several)."""
    team = ws.teams.get(unit_id)
    found = team.principals(day) if team else []
    return found[0].leader if len(found) == 1 else None


def _p(ws: Workspace, code: str, *keys: Any, severity: Severity = Severity.ERROR, key: bool = False,
       **args: Any) -> Problem:
    return Problem(code, ws.locate(KIND, "", *keys, key=key), severity, Record(KIND, ""), args)


def _situations(ws: Workspace) -> Iterator[Problem]:
    rules = ws.singleton("acc_rules")
    if rules is not None and not getattr(rules, "situations", True):
        yield Problem("LT05", ws.locate("acc_rules", "", "情形", key=True), Severity.ERROR, Record("acc_rules", ""),
                      {})


def _basis(ws: Workspace, setup: LetterSetup) -> Iterator[Problem]:
    for i, doc in enumerate(setup.basis):
        if not (doc.startswith("《") and doc.endswith("》")):
            yield _p(ws, "LT01", "依据", i, severity=Severity.WARNING, value=doc)


def _entries(setup: LetterSetup) -> Iterator[tuple[tuple[Any, ...], str, str]]:
    """(path, field, id) of every reference the section writes."""
    if setup.inspector:
        yield ("纪委书记",), "纪委书记", setup.inspector
    for part, entries in (("监督责任", setup.supervision), ("共同签订", setup.cosigners)):
        for i, s in enumerate(entries):
            yield (part, i, "单位"), "单位", s.unit
            yield (part, i, "领导"), "领导", s.leader
    for i, o in enumerate(setup.offices):
        yield ("股室", i, "单位"), "单位", o.unit
        yield ("股室", i, "负责人"), "负责人", o.head
        if o.in_charge:
            yield ("股室", i, "分管领导"), "分管领导", o.in_charge


def _references(ws: Workspace, setup: LetterSetup) -> Iterator[Problem]:
    for path, name, ref in _entries(setup):
        target = _TARGET[name]
        if ws.known(target, ref):
            continue
        close = difflib.get_close_matches(ref, list(ws.collection(target)), n=1, cutoff=0.6)
        yield _p(ws, "R001", *path, field=name, ref=ref, suggest=t("suggest", name=close[0]) if close else "")


def _cosigners(ws: Workspace, setup: LetterSetup) -> Iterator[Problem]:
    day = ws.config.year_start if ws.config else None
    for i, s in enumerate(setup.cosigners):
        if s.unit not in ws.units:
            continue
        principal = principal_of(ws, s.unit, day)
        if principal is None:
            yield _p(ws, "LT02", "共同签订", i, "单位", unit=s.unit)
        elif principal == s.leader:
            yield _p(ws, "LT03", "共同签订", i, "领导", leader=s.leader, unit=s.unit)


def _offices(ws: Workspace, setup: LetterSetup) -> Iterator[Problem]:
    day = ws.config.year_start if ws.config else None
    for i, o in enumerate(setup.offices):
        if o.unit not in ws.units or (o.in_charge and o.in_charge not in ws.leaders):
            continue
        team = ws.teams.get(o.unit)
        if o.in_charge is None and principal_of(ws, o.unit, day) is None:
            yield _p(ws, "LT02", "股室", i, "单位", unit=o.unit)
        elif o.in_charge and not (team and any(p.leader == o.in_charge for p in team.members)):
            yield _p(ws, "LT04", "股室", i, "分管领导", leader=o.in_charge, unit=o.unit)
        elif o.head == (o.in_charge or principal_of(ws, o.unit, day)):
            yield _p(ws, "LT06", "股室", i, "负责人", leader=o.head)


def _twice(ws: Workspace, setup: LetterSetup) -> Iterator[Problem]:
    for part, keys in (("监督责任", [(s.unit, s.leader) for s in setup.supervision]),
                       ("共同签订", [(s.unit, s.leader) for s in setup.cosigners]),
                       ("股室", [(o.unit, o.name) for o in setup.offices])):
        seen: dict[tuple[str, str], int] = {}
        for i, k in enumerate(keys):
            if k in seen:
                yield _p(ws, "LT08", part, i, first=seen[k] + 1, value="、".join(k))
            seen.setdefault(k, i)
