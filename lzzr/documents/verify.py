"""`lzzr verify`: is this PDF a registered original, altered since issue, or unknown; and
are its digital signatures valid."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lzzr.documents.register import Register, sha256_bytes
from lzzr.i18n import t


def verify_file(register: Register, path: Path) -> dict[str, Any]:
    """A verdict for one file: `registered`, `altered`, `unknown` or `unreadable`, plus signatures."""
    if path.exists() and not path.is_file():  # a FIFO or a device would block or never end
        return _result(path, "unreadable", None, [], t("verify.unreadable", reason=t("verify.not_regular")))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _result(path, "unreadable", None, [], t("verify.unreadable", reason=exc.strerror or str(exc)))
    sha = sha256_bytes(data)
    found = register.by_sha(sha)
    old = register.superseded(sha) if found is None else None
    doc_id: str | None
    args: dict[str, Any] = {}
    if found is not None:
        state, doc_id = "registered", found[0]
    elif old is not None:
        state, doc_id = "superseded", old[0]
        args = {"version": old[1].get("version", 1), "issued": old[1].get("issued", "?"),
                "current": old[2].get("version", 1), "date": old[2].get("issued", "?")}
    else:
        doc_id = _claimed_id(register, path, data)
        state = "altered" if doc_id else "unknown"
    sigs = _signatures(data)
    text = t(f"verify.{state}", doc=doc_id or "", **args)
    if sigs:
        text += "；" + "；".join(s["text"] for s in sigs) if t("verify.sep") == "；" else "; " + "; ".join(
            s["text"] for s in sigs)
    return _result(path, state, doc_id, sigs, text)


def _claimed_id(register: Register, path: Path, data: bytes) -> str | None:
    """The register id this file claims to be: by its file name, or by the `lzzr:<id>` keyword
    every issued PDF carries in its metadata (so a renamed copy is still recognised)."""
    for doc_id, entry in register.documents.items():
        if Path(entry.get("file", "")).name == path.name:
            return doc_id
    keywords = _keywords(data)
    for match in re.finditer(r"lzzr:([A-Za-z0-9_.-]+)", keywords):
        if match.group(1) in register.documents:
            return match.group(1)
    return None


def _keywords(data: bytes) -> str:
    """The PDF's Keywords entry (inside a compressed object stream, hence pypdf)."""
    import io
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        meta = PdfReader(io.BytesIO(data), strict=False).metadata
    except Exception:  # a damaged file: no claim can be read
        return ""
    return str(meta.get("/Keywords", "")) if meta else ""


def _signatures(data: bytes) -> list[dict[str, Any]]:
    if b"/ByteRange" not in data:
        return []
    from lzzr.documents.signing import describe, signature_status
    from lzzr.errors import LzzrError

    try:
        statuses = signature_status(data)
    except LzzrError:  # a damaged file: its signatures cannot be read, so none can be valid
        return [{"field": "", "verdict": "altered", "signer": "", "text": t("verify.sig_unreadable")}]
    return [{"field": s.field, "verdict": s.verdict, "signer": s.signer, "text": describe(s)} for s in statuses]


def _result(path: Path, state: str, doc_id: str | None, sigs: list[dict[str, Any]], text: str) -> dict[str, Any]:
    ok = state == "registered" and all(s["verdict"] in ("trusted", "untrusted") for s in sigs)
    return {"file": str(path), "state": state, "document": doc_id, "signatures": sigs, "ok": ok, "text": text}
