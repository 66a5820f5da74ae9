"""The bound volume (`--combine`) when some documents are frozen: a signed document goes into
the volume as signed — its registered PDF, page for page — not rendered again from data that
has changed since it was signed.

The volume is then bound from the documents' own PDF files, in their order, each starting on
a right-hand page (a blank page before it when needed), the same layout as the volume rendered
from HTML when nothing is frozen. A frozen document whose signed file is missing or no longer
the registered one (SHA-256) is left out and named, so that the volume never holds a paper that
was not the one signed. The volume is for printing: a PAdES signature is verified on the
document's own file (`lzzr verify`), not inside the volume.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
from pathlib import Path

from lzzr.documents.register import Register
from lzzr.fsutil import sha256_file, write_atomic


def bind_volume(register: Register, parts: list[tuple[str, Path, bool]], target: Path,
                today: dt.date) -> tuple[Path | None, list[str]]:
    """Bind `parts` ((id, PDF file, frozen) in order) into `target`, register it; return the
    volume (None when nothing could go in) and the ids of the frozen documents left out."""
    from pypdf import PdfReader, PdfWriter

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    writer, digests, left_out = PdfWriter(), [], []
    for doc_id, path, frozen in parts:
        digest = sha256_file(path) if path.is_file() else None
        if frozen and (digest is None or digest != register.documents[doc_id].get("pdf_sha256")):
            left_out.append(doc_id)
            continue
        if len(writer.pages) % 2:  # each document on a right-hand page: two-sided printing never mixes two
            writer.add_blank_page()
        writer.append(PdfReader(path))
        digests.append(f"{doc_id}:{digest}")
    if not digests:
        return None, left_out
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    write_atomic(target, data)
    key = hashlib.sha256("\n".join(digests).encode("utf-8")).hexdigest()
    entry = {"kind": "combined", "year": today.year, "parties": [], "file": str(target), "key": key, "pades": False}
    register.record(f"combined:{target.name}", entry, hashlib.sha256(data).hexdigest(), today)
    return target, left_out
