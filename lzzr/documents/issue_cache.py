"""An unchanged `lzzr letters` answered from the result cache (lzzr/cache.py), without loading
the workspace or building any HTML.

The key is the result cache's (every top-level YAML file, the workspace's and the built-in
templates, lzzr's version and source files, the message language) plus what else shapes the
run's output: the faces fontconfig knows, the current folder (a relative --out is relative to
it), today's year (the combined file's register entry carries it) and the options (kind, unit,
leader, --out, --pdf-variant, --combine, --as-signed, the signing key's and certificate's
bytes). The entry, one per set of options, keeps what the run reported (documents, combined
file, glyph problems), the SHA-256 of every file it wrote and of the register it left, whole
and in the part the run depends on. A run is answered from it only when the key is equal,
that part of the register is as the run left it and every file it wrote still has its
digest; anything else takes the normal path, which renders what it must.

The part of the register a run depends on: the entries of its documents (a signature recorded
since makes a signed letter frozen), the entries they copy (`of`: a signed copy reads its
letter's) and every entry naming a file the run wrote (the skipping of unchanged work looks
files up by path; the combined file's entry is one). The normal path rewrites those and
leaves every other entry as it is, so another run's entries (`pledges --public` beside
`pledges`, another unit's letters, a report) change nothing it would do or report. The
register is read and checked as the normal path reads it only when its bytes changed: a
register that cannot be read takes the normal path, which says why. A run whose documents
are chosen by the register (`letters --as-signed`: a copy of every letter someone has signed)
depends on all of it: only the whole register's bytes count for it.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lzzr import cache, clock
from lzzr.check_cache import decode_problems, encode_problems
from lzzr.errors import LzzrError, Problem
from lzzr.fsutil import sha256_file
from lzzr.workspace.letters_register import REGISTER_FILE


@dataclass
class Run:
    """One issuing run as the cache knows it: what it was asked, its entry and key (empty: not cached)."""

    root: Path
    what: str
    options: tuple[str, ...]
    files: tuple[Path | None, ...]
    entry: str = ""
    key: str = ""
    whole: bool = False  # the register chooses its documents: every entry counts

    def again(self) -> Run:
        """The same run's key taken afresh (after it ran: an input may have changed meanwhile)."""
        return start(self.root, self.what, self.options, self.files, self.whole)


@dataclass
class Replay:
    """What a run reported: its documents (id, file, rendered, sha256), combined file, problems."""

    docs: list[dict[str, Any]]
    combined: str | None
    problems: list[Problem] = field(default_factory=list)


def start(root: Path, what: str, options: tuple[str, ...], files: tuple[Path | None, ...] = (),
          whole: bool = False) -> Run:
    """The cache's view of a run of `what` (letters) with `options`; `files` (a signing key
    and certificate) count by their bytes; `whole`: the register chooses the run's documents."""
    extra = (*options, *(_file_digest(p) for p in files), os.getcwd(), str(clock.today().year),
             cache.fonts_fingerprint())
    run = Run(root, what, options, files, whole=whole)
    if root.is_dir():
        run.entry = f"{what}-{hashlib.sha256(chr(0).join(options).encode()).hexdigest()[:16]}"
        run.key = cache.inputs_key(root, what, extra)
    return run


def _file_digest(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return sha256_file(path)
    except OSError:
        return "unreadable"


def replay(run: Run) -> Replay | None:
    """The report of the last run with this key, when its outputs and register are as it left them."""
    if not run.key:
        return None
    stored = cache.load(run.root, run.entry, run.key)
    try:
        register, outputs, docs, combined, problems = stored  # type: ignore[misc]
        whole, part = register
        if _digest(run.root / REGISTER_FILE) != whole and (run.whole or _register_part(
                run.root, [d["id"] for d in docs], [p for p, _ in outputs]) != part):
            return None
        if any(_digest(Path(path)) != sha for path, sha in outputs):
            return None
        found = [{"id": d["id"], "file": d["file"], "rendered": False, "sha256": d["sha256"]} for d in docs]
        return Replay(found, combined, decode_problems(problems))
    except (TypeError, ValueError, KeyError, LzzrError):
        return None


def remember(run: Run, report: Replay) -> None:
    """Keep a finished run's report, unless an input changed while it ran."""
    if not run.key or run.again().key != run.key:
        return
    outputs = [(str(d["file"]), str(d["sha256"])) for d in report.docs]
    if report.combined is not None:
        outputs.append((report.combined, _digest(Path(report.combined))))
    docs = [{"id": d["id"], "file": d["file"], "sha256": d["sha256"]} for d in report.docs]
    try:
        part = "" if run.whole else _register_part(run.root, [d["id"] for d in docs], [p for p, _ in outputs])
        register = (_digest(run.root / REGISTER_FILE), part)
    except LzzrError:
        return
    cache.store(run.root, run.entry, run.key, (register, outputs, docs, report.combined,
                                               encode_problems(report.problems)))


def _register_part(root: Path, ids: list[str], files: list[str]) -> str:
    """A digest of the register's entries a run of documents `ids` writing `files` depends on
    (see above); LzzrError when the register cannot be read."""
    from lzzr.documents.register import Register

    documents = Register.open(root).documents
    chosen = set(ids) | {i for i, e in documents.items() if e.get("file") in set(files)}
    chosen |= {str(documents[i]["of"]) for i in list(chosen) if "of" in documents.get(i, {})}
    part = {i: documents.get(i) for i in sorted(chosen)}
    return hashlib.sha256(json.dumps(part, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _digest(path: Path) -> str:
    try:
        return sha256_file(path)
    except OSError:
        return ""


HTML_KEYS = "html-keys"


class HtmlKeys:
    """Per document, what its last HTML was made from: the digest of its template context, and
    the content key and HTML digest that HTML gave. A document whose context digest is the one
    recorded needs no HTML built to learn its key: same context, same templates and code (the
    entry's `salt`), same HTML. One entry per workspace; a salt of other templates, fonts,
    variant, signer or lzzr starts it empty."""

    def __init__(self, root: Path, salt: str, use: bool = True) -> None:
        self.root, self.salt, self.use = root, salt, use
        stored = cache.load(root, HTML_KEYS, salt) if use else None
        self.known: dict[str, Any] = dict(stored) if isinstance(stored, dict) else {}

    def get(self, doc_id: str, context: str) -> tuple[str, str] | None:
        """(content key, HTML digest) of the document when its context digest is `context`."""
        found = self.known.get(doc_id)
        if not (isinstance(found, tuple) and len(found) == 3 and all(isinstance(x, str) for x in found)):
            return None
        return (found[1], found[2]) if found[0] == context else None

    def put(self, doc_id: str, context: str, key: str, html_sha: str) -> None:
        self.known[doc_id] = (context, key, html_sha)

    def save(self) -> None:
        if self.use:
            cache.store(self.root, HTML_KEYS, self.salt, self.known)


def context_digest(template: str, context: dict[str, Any]) -> str | None:
    """A digest of a template context, or None when it holds more than plain data (marshal
    version 2: no back-references, so equal data gives equal bytes)."""
    import marshal

    try:
        data = marshal.dumps((template, context), 2)
    except ValueError:
        return None
    return hashlib.sha256(data).hexdigest()
