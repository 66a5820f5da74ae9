"""A cache of results keyed by the content of their inputs: an unchanged re-run does no work.

Where: the user's cache folder (`$LZZR_CACHE_DIR`, else `$XDG_CACHE_HOME/lzzr`, else
`~/.cache/lzzr`), beside the glyph cache, not inside the workspace. A workspace is often a
shared folder or a git checkout that cadres copy and send around; a cache there would travel
with it, show up in `git status` and need write access to the folder even for `lzzr check`.
The cache holds nothing that cannot be rebuilt, so losing it costs one full run.

An entry's key is a SHA-256 over everything the result depends on: the bytes of every
top-level YAML file of the workspace (lzzr.yaml holds the fonts configuration), every file
under the workspace's and the built-in `templates/`, lzzr's version and the size and mtime
of its own source files (an edited checkout is another lzzr), and the message language
(some rule arguments are words). One entry per workspace folder and kind: a re-run replaces
it. Entries are written atomically and carry a digest of their payload; an entry that is
unreadable, truncated, of another format or whose digest does not match is ignored, never
trusted, and the result is computed afresh. The payload is `marshal` data (plain values
only: it cannot name code to run, unlike pickle).
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import lzzr
from lzzr.fsutil import write_atomic
from lzzr.i18n import get_lang

MAGIC = b"lzzr-cache 1\n"
_PACKAGE = Path(lzzr.__file__).resolve().parent


def cache_root() -> Path:
    """$LZZR_CACHE_DIR, else $XDG_CACHE_HOME/lzzr, else ~/.cache/lzzr."""
    if os.environ.get("LZZR_CACHE_DIR"):
        return Path(os.environ["LZZR_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lzzr"


def builtin_templates() -> Path:
    """The built-in templates folder (the top-level `templates/` of a checkout, or the
    installed `lzzr.templates` package)."""
    checkout = _PACKAGE.parent / "templates"
    return checkout if checkout.is_dir() else _PACKAGE / "templates"


def inputs_key(root: Path, kind: str, extra: Sequence[str] = ()) -> str:
    """The key of a result of `kind` computed from the workspace at `root` (see module doc);
    `extra` adds what else the result depends on (a command's options)."""
    h = hashlib.sha256()
    h.update(f"{kind}\0{code_fingerprint()}\0{get_lang()}\0".encode())
    for part in extra:
        h.update(f"{len(part)}\0{part}\0".encode())
    files = [p for p in root.iterdir() if p.suffix.lower() in (".yaml", ".yml") and p.is_file()]
    _hash_files(h, "ws", root, files)
    for label, folder in (("tpl", root / "templates"), ("builtin", builtin_templates())):
        if folder.is_dir():
            _hash_files(h, label, folder, (p for p in folder.rglob("*") if p.is_file()))
    return h.hexdigest()


def code_fingerprint() -> str:
    """lzzr's version and the size and mtime of each of its source files: another lzzr, or an
    edited checkout, gives another fingerprint."""
    h = hashlib.sha256(lzzr.__version__.encode())
    for path in sorted(_PACKAGE.rglob("*.py")):
        st = path.stat()
        h.update(f"{path.relative_to(_PACKAGE)}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def fonts_fingerprint() -> str:
    """A digest of the font faces fontconfig knows (family and file of each), so that a face
    installed or removed changes the key of what is rendered with them. Empty without fc-list."""
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return ""
    try:
        out = subprocess.run(["fc-list", ":", "family", "file"], capture_output=True, timeout=30,
                             check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    return hashlib.sha256(b"\n".join(sorted(out.splitlines()))).hexdigest()


def _hash_files(h: Any, label: str, base: Path, files: Iterable[Path]) -> None:
    for path in sorted(files):
        data = path.read_bytes()
        h.update(f"{label}\0{path.relative_to(base)}\0{len(data)}\0".encode())
        h.update(data)


def _entry(root: Path, kind: str) -> Path:
    folder = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:32]
    return cache_root() / "results" / folder / f"{kind}.bin"


def load(root: Path, kind: str, key: str) -> Any | None:
    """The stored value for `key`, or None when there is none or it cannot be trusted."""
    try:
        raw = _entry(root, kind).read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + 64 + 1 + 32
    if len(raw) < head or not raw.startswith(MAGIC):
        return None
    stored_key = raw[len(MAGIC):len(MAGIC) + 64].decode("ascii", "replace")
    digest, payload = raw[len(MAGIC) + 65:head], raw[head:]
    if stored_key != key or hashlib.sha256(payload).digest() != digest:
        return None
    try:
        return marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None


def store(root: Path, kind: str, key: str, value: Any) -> bool:
    """Keep `value` (plain data: marshal-able) for `key`; False when it could not be kept."""
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return False
    data = MAGIC + key.encode("ascii") + b"\n" + hashlib.sha256(payload).digest() + payload
    try:
        write_atomic(_entry(root, kind), data)
    except OSError:
        return False  # a read-only or full cache folder only costs the next run its time
    return True
