"""Writing files so that nothing half-written is ever left behind."""

from __future__ import annotations

import glob
import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

STALE_SECONDS = 600  # a temporary file this old is no write in progress: a killed run left it


def write_atomic(path: Path, data: str | bytes | Callable[[BinaryIO], None]) -> None:
    """Write `data` (or what the function `data` writes to the file it is given) to a temporary
    file beside `path`, fsync it, rename it into place and fsync the folder; then remove what an
    earlier, killed write of `path` left behind. Nothing is left when `data` raises."""
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = _temp_prefix(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as fh:
            if callable(data):
                data(fh)
            else:
                fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
    _remove_stale(path.parent, prefix)


def _temp_prefix(path: Path) -> str:
    return f".{path.name[:40]}."


def remove_temporaries(path: Path) -> None:
    """Remove every temporary file of a write of `path`, whatever its age: for a caller that
    has just stopped the process that was writing it."""
    for tmp in path.parent.glob(f"{glob.escape(_temp_prefix(path))}*.tmp"):
        if tmp.is_file() and not tmp.is_symlink():
            tmp.unlink(missing_ok=True)


def _remove_stale(folder: Path, prefix: str) -> None:
    """Temporary files of this name not touched for STALE_SECONDS (kill -9 between writing
    and renaming leaves them; a write in progress renames its file within seconds)."""
    now = time.time()
    for old in folder.glob(f"{glob.escape(prefix)}*.tmp"):  # names may hold [ ] * ?
        try:
            if now - old.lstat().st_mtime > STALE_SECONDS and old.is_file() and not old.is_symlink():
                old.unlink()
        except OSError:  # gone meanwhile, or not ours to remove: leave it
            pass


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable: after a power cut the new name, not the old file."""
    try:
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:  # a platform or file system that cannot open folders: the rename stands
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask (read by setting it and putting it back)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file, read in blocks (a combined volume may be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def leaves(path: Path, root: Path) -> bool:
    """Whether `path`, with every symlink followed, leads out of the folder `root`."""
    try:
        resolved, base = path.resolve(), root.resolve()
    except (OSError, RuntimeError):  # a symlink loop: nothing safe to read there
        return True
    return resolved != base and base not in resolved.parents
