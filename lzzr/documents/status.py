"""The signing rate (签订率) of the year's letters, per unit, from the register."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lzzr.documents.letters import LetterSpec
from lzzr.documents.register import Register, signed_by_all
from lzzr.workspace.load import Workspace


def signing_status(ws: Workspace, specs: Sequence[LetterSpec], register: Register) -> tuple[
        list[dict[str, Any]], list[dict[str, Any]]]:
    """Per unit (the second party's unit): letters due, issued, signed by both parties, rate;
    and every letter not yet signed by all, with who is missing."""
    rows: dict[str, dict[str, Any]] = {}
    unsigned = []
    for spec in specs:
        unit = spec.b.unit
        row = rows.setdefault(unit, {"unit": unit, "unit_name": spec.b.unit_name, "letters": 0,
                                     "issued": 0, "signed": 0})
        row["letters"] += 1
        entry = register.documents.get(spec.id)
        if entry is not None:
            row["issued"] += 1
        if entry is not None and signed_by_all(entry):
            row["signed"] += 1
            continue
        signers = {s["leader"] for s in (entry or {}).get("signatures", [])}
        missing = [p.name for p in spec.parties if p.leader not in signers]
        unsigned.append({"id": spec.id, "unit": unit, "missing": missing, "issued": entry is not None})
    for row in rows.values():
        row["rate"] = row["signed"] / row["letters"] if row["letters"] else 1.0
    return list(rows.values()), unsigned
