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
from lzzr.fsutil import leaves, write_atomic
from lzzr.i18n import t
from lzzr.text import cut
from lzzr.workspace.letters_register import REGISTER_FILE, signed_by_all
from lzzr.workspace.names import Names

VERSION = 1
__all__ = ["REGISTER_FILE", "Register", "sign_entry", "signed_by_all"]


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _too_deep(text: str) -> LzzrError:
    """The register nested past the depth limit, at the place where it goes too deep."""
    from lzzr.workspace.reader import json_depth_problem

    deep = json_depth_problem(text, REGISTER_FILE)
    if deep is None:  # nested past Python's recursion limit but not past ours: cannot happen
        return LzzrError("register.bad", path=REGISTER_FILE, detail=t("register.too_deep"))
    return LzzrError("register.bad", path=str(deep.location), detail=t("F002", **deep.args))


@dataclass
class Register:
    """The documents issued from one workspace, by document id."""

    path: Path
    documents: dict[str, dict[str, Any]]

    @classmethod
    def open(cls, workspace: Path) -> Register:
        """Read the register (an empty one when the workspace has none yet)."""
        path = workspace / REGISTER_FILE
        if leaves(path, workspace):
            raise LzzrError("path.outside", path=REGISTER_FILE)
        if not path.exists():
            return cls(path, {})
        if not path.is_file():
            raise LzzrError("register.bad", path=REGISTER_FILE, detail=t("register.not_file"))
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text)
        except (OSError, ValueError) as exc:
            raise LzzrError("register.bad", path=REGISTER_FILE, detail=cut(str(exc))) from None
        except RecursionError:
            raise _too_deep(text) from None
        docs = data.get("documents") if isinstance(data, dict) else None
        if not isinstance(docs, dict):
            raise LzzrError("register.bad", path=REGISTER_FILE, detail=t("register.shape", where="documents"))
        for doc_id, entry in docs.items():
            where = _bad_entry(entry)
            if where is not None:
                raise LzzrError("register.bad", path=REGISTER_FILE,
                                detail=t("register.shape", where=f"documents.{cut(doc_id, 60)}{where}"))
        return cls(path, docs)

    def save(self) -> None:
        data = {"version": VERSION, "documents": dict(sorted(self.documents.items()))}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def previous(self) -> dict[str, tuple[str, str]]:
        """file path → (content key, PDF sha256) of what was issued, for skipping unchanged work."""
        return {d["file"]: (d["key"], d["pdf_sha256"]) for d in self.documents.values() if "file" in d}

    def record(self, doc_id: str, entry: dict[str, Any], pdf_sha: str, today: dt.date) -> None:
        """Record an issue; a new PDF (other bytes) starts with no signatures. A signed
        version it replaces (a re-issue) stays on record in `history`, marked superseded."""
        old = self.documents.get(doc_id, {})
        same = old.get("pdf_sha256") == pdf_sha
        history = list(old.get("history", []))
        version = int(old.get("version", 1))
        if old and not same and is_signed(old):
            history.append({**{k: v for k, v in old.items() if k != "history"}, "version": version,
                            "status": "superseded", "superseded": today.isoformat()})
            version += 1
        self.documents[doc_id] = {
            **entry,
            "pdf_sha256": pdf_sha,
            "issued": old.get("issued") if same and old.get("issued") else today.isoformat(),
            "signatures": old.get("signatures", []) if same else [],
            "version": version,
            **({"history": history} if history else {}),
        }

    def frozen(self, doc_id: str, key: str) -> bool:
        """A signed document whose new content (`key`) differs: it may only be re-issued."""
        old = self.documents.get(doc_id)
        return old is not None and is_signed(old) and old.get("key") != key

    def superseded(self, sha: str) -> tuple[str, dict[str, Any], dict[str, Any]] | None:
        """(id, old version, current entry) of a superseded version with this PDF digest."""
        for doc_id, entry in self.documents.items():
            for old in entry.get("history", []):
                if old.get("pdf_sha256") == sha:
                    return doc_id, old, entry
        return None

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


_ENTRY_FIELDS: dict[str, type | tuple[type, ...]] = {
    "key": str, "pdf_sha256": str, "file": str, "issued": str, "kind": str, "signatures": list, "parties": list,
    "history": list, "version": int}
_PERSON_FIELDS = ("leader", "name")


def _bad_entry(entry: Any, nested: bool = False) -> str | None:
    """Where a register entry does not have the shape lzzr writes (`.signatures[0].date`),
    or None when it has."""
    if not isinstance(entry, dict):
        return ""
    for name in ("key", "pdf_sha256"):
        if name not in entry:
            return f".{name}"
    for name, kind in _ENTRY_FIELDS.items():
        if name in entry and not isinstance(entry[name], kind):
            return f".{name}"
    for name in ("parties", "signatures"):
        for i, person in enumerate(entry.get(name, [])):
            if not isinstance(person, dict) or not all(isinstance(person.get(f), str) for f in _PERSON_FIELDS):
                return f".{name}[{i}]"
    for i, old in enumerate([] if nested else entry.get("history", [])):
        where = _bad_entry(old, nested=True)
        if where is not None:
            return f".history[{i}]{where}"
    return None


def is_signed(entry: dict[str, Any]) -> bool:
    """Signed by a party (`lzzr sign`) or by the office's key (PAdES): frozen from then on."""
    return bool(entry.get("signatures")) or bool(entry.get("pades"))


def party_of(entry: dict[str, Any], by: str) -> dict[str, Any]:
    """The party `by` (leader id or name) of a document."""
    parties = entry.get("parties", [])
    found = Names.of((str(p["leader"]), (str(p["name"]),)) for p in parties).resolve(by.strip())
    party = next((p for p in parties if p["leader"] == found.id), None)  # the loader's resolver
    if party is None:
        names = "、".join(f"{p['name']}（{p['leader']}）" for p in parties)
        raise LzzrError("sign.not_party", who=by, parties=names)
    return dict(party)


def sign_entry(entry: dict[str, Any], by: str, day: dt.date) -> str:
    """Record that party `by` (leader id or name) signed on `day`; return the signer's name.
    A corrected signature keeps the dates it replaces (`corrects`)."""
    party = party_of(entry, by)
    old = [s for s in entry.get("signatures", []) if s["leader"] == party["leader"]]
    signatures = [s for s in entry.get("signatures", []) if s["leader"] != party["leader"]]
    signature = {"leader": party["leader"], "name": party["name"], "date": day.isoformat()}
    if old:
        signature["corrects"] = [d for s in old for d in (*s.get("corrects", []), s["date"])]
    entry["signatures"] = [*signatures, signature]
    return str(party["name"])
