"""The register of issued documents: which PDF was issued for whom, from which data, and who
has signed it. A JSON file in the workspace (`lzzr-register.json`), so that the office can
prove later which version each person signed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lzzr.errors import LzzrError
from lzzr.fsutil import write_atomic
from lzzr.workspace.letters_register import REGISTER_FILE, signed_by_all

VERSION = 1
__all__ = ["REGISTER_FILE", "Register", "sign_entry", "signed_by_all"]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Register:
    """The documents issued from one workspace, by document id."""

    path: Path
    documents: dict[str, dict[str, Any]]

    @classmethod
    def open(cls, workspace: Path) -> Register:
        """Read the register (an empty one when the workspace has none yet)."""
        path = workspace / REGISTER_FILE
        if not path.exists():
            return cls(path, {})
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            docs = data["documents"]
            if not isinstance(docs, dict):
                raise TypeError("documents")
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise LzzrError("register.bad", path=str(path), detail=str(exc)) from None
        return cls(path, docs)

    def save(self) -> None:
        data = {"version": VERSION, "documents": dict(sorted(self.documents.items()))}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def previous(self) -> dict[str, tuple[str, str]]:
        """file path → (content key, PDF sha256) of what was issued, for skipping unchanged work."""
        return {d["file"]: (d["key"], d["pdf_sha256"]) for d in self.documents.values() if "file" in d}

    def record(self, doc_id: str, entry: dict[str, Any], pdf_sha: str, today: dt.date) -> None:
        """Record an issue; a new PDF (other bytes) resets the signatures of the old one."""
        old = self.documents.get(doc_id, {})
        same = old.get("pdf_sha256") == pdf_sha
        self.documents[doc_id] = {
            **entry,
            "pdf_sha256": pdf_sha,
            "issued": old.get("issued") if same and old.get("issued") else today.isoformat(),
            "signatures": old.get("signatures", []) if same else [],
        }

    def find(self, ref: str) -> tuple[str, dict[str, Any]]:
        """A document by id or by file path (absolute, relative, or just its name)."""
        if ref in self.documents:
            return ref, self.documents[ref]
        name = Path(ref).name
        for doc_id, entry in self.documents.items():
            if Path(entry.get("file", "")).name == name:
                return doc_id, entry
        raise LzzrError("register.unknown", ref=ref)

    def by_sha(self, sha: str) -> tuple[str, dict[str, Any]] | None:
        return next(((i, e) for i, e in self.documents.items() if e.get("pdf_sha256") == sha), None)


def sign_entry(entry: dict[str, Any], by: str, day: dt.date) -> str:
    """Record that party `by` (leader id or name) signed on `day`; return the signer's name."""
    parties = entry.get("parties", [])
    party = next((p for p in parties if by in (p["leader"], p["name"])), None)
    if party is None:
        names = "、".join(f"{p['name']}（{p['leader']}）" for p in parties)
        raise LzzrError("sign.not_party", who=by, parties=names)
    signatures = [s for s in entry.get("signatures", []) if s["leader"] != party["leader"]]
    signatures.append({"leader": party["leader"], "name": party["name"], "date": day.isoformat()})
    entry["signatures"] = signatures
    return str(party["name"])
