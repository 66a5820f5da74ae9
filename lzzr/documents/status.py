"""The signing rate (签订率) of the year's letters, per unit, from the register; and the year's
other registered documents, listed beside it but not counted (they are not signed by two parties)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lzzr.documents.letters import LetterSpec
from lzzr.documents.register import Register, is_signed, signed_by_all
from lzzr.i18n import Msg, msg
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


# Registered kinds that are letters (counted in the rate), pledges (lzzr pledges) or print volumes.
_NOT_LISTED = ("letter", "pledge", "combined")
_TITLE_ARGS = {"progress": "period", "decision": "incident"}


def other_documents(ws: Workspace, register: Register) -> list[dict[str, Any]]:
    """The year's registered official documents with a 文号 that are not letters: the 落实情况报告
    (lzzr report progress) and the 责任追究决定 (lzzr trace --issue). They are issued by one
    organ, not signed by two parties, so `letters --status` lists them apart and does not count
    them; `frozen` when a signature or the office's digital signature is registered."""
    assert ws.config is not None
    rows = []
    for doc_id, entry in sorted(register.documents.items()):
        kind = str(entry.get("kind", ""))
        if "number" not in entry or kind.startswith(_NOT_LISTED) or entry.get("year") != ws.config.year:
            continue
        rows.append({"id": doc_id, "kind": kind, "number": entry["number"], "title": _title(kind, entry),
                     "date": entry.get("date", ""), "registered": entry.get("issued", ""),
                     "frozen": is_signed(entry), "state": _state(entry)})
    return rows


def other_lines(others: list[dict[str, Any]]) -> list[Msg]:
    """The section of `letters --status` that lists `others` (nothing when there are none)."""
    if not others:
        return []
    return [msg("status.others"), *(msg("status.other", number=d["number"] or msg("status.other.no_number"),
                                        title=d["title"], state=msg(f"status.other.{d['state']}"),
                                        date=msg("status.other.dated", date=d["date"]) if d["date"] else
                                        msg("status.other.registered", date=d["registered"]))
                                    for d in others)]


def _state(entry: dict[str, Any]) -> str:
    return "pades" if entry.get("pades") else "signed" if entry.get("signatures") else "open"


def _title(kind: str, entry: dict[str, Any]) -> str | Msg:
    if entry.get("title"):
        return str(entry["title"])
    arg = _TITLE_ARGS.get(kind)
    if arg is None:
        return msg("status.other.kind", kind=kind)
    return msg(f"status.other.{kind}", value=str(entry.get(arg, "")))
