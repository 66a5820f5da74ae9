"""The signing state of the issued letters, read from the register (`lzzr-register.json`).

The register is written by the documents phase (lzzr/documents/register.py); the year-end
assessment only needs to know, per letter, its parties and whether all of them signed. Both
phases read it through this module, so the assessment does not depend on the documents phase
(and `signed_by_all` has one definition).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REGISTER_FILE = "lzzr-register.json"
LETTER_KINDS = ("letter-lower", "letter-member", "letter-supervision", "letter-office")


def signed_by_all(entry: dict[str, Any]) -> bool:
    """A letter counts as signed when every party has signed it."""
    parties = {p["leader"] for p in entry.get("parties", [])}
    signers = {s["leader"] for s in entry.get("signatures", [])}
    return bool(parties) and parties <= signers


@dataclass(frozen=True)
class LetterState:
    """One issued letter: its id, its parties (leader id → unit id), signed by all or not, and
    the parties of its second side (乙方: the lower unit's principal, the member, the 股室 head,
    with their co-signers)."""

    id: str
    year: int | None
    parties: tuple[tuple[str, str], ...]
    signed: bool
    first: tuple[tuple[str, str], ...] = ()
    second: tuple[tuple[str, str], ...] = ()


def _sides(parties: list[Any]) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The parties on side a and on side b. The register records each party's side; in an
    entry written before it did (no co-signers on side a then) side b is all after the first."""
    people = [p for p in parties if isinstance(p, dict)]
    pairs = [(str(p.get("leader", "")), str(p.get("unit", ""))) for p in people]
    if not any("side" in p for p in people):
        return tuple(pairs[:1]), tuple(pairs[1:])
    sides = [p.get("side") for p in people]
    return (tuple(pair for pair, side in zip(pairs, sides, strict=True) if side == "a"),
            tuple(pair for pair, side in zip(pairs, sides, strict=True) if side == "b"))


def letter_states(entries: dict[str, dict[str, Any]]) -> tuple[LetterState, ...]:
    """The letters among the register's documents (pure)."""
    found = []
    for doc_id in sorted(entries):
        entry = entries[doc_id]
        if not isinstance(entry, dict) or entry.get("kind") not in LETTER_KINDS:
            continue
        parties = tuple((str(p.get("leader", "")), str(p.get("unit", ""))) for p in entry.get("parties", []))
        year = entry.get("year")
        found.append(LetterState(doc_id, year if isinstance(year, int) else None, parties, signed_by_all(entry),
                                 *_sides(entry.get("parties", []))))
    return tuple(found)


def read_letter_states(root: Path) -> tuple[LetterState, ...]:
    """The letters of the workspace's register; none when there is no readable register (the
    documents phase reports a damaged register when it opens it)."""
    path = root / REGISTER_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        docs = data["documents"]
    except (OSError, ValueError, KeyError, TypeError):
        return ()
    return letter_states(docs) if isinstance(docs, dict) else ()
