"""One writer at a time: the exclusive workspace lock every writing command holds.

`fcntl.flock` on a file in the workspace (`.lzzr.lock`). It is in the standard library, and
the kernel releases it when the holding process ends in any way, kill -9 included, so a
crashed run never leaves a stale lock to clean up by hand (a lock *file* that merely exists,
as `filelock`'s soft locks or a pid file, would). The holder writes its pid, command and
start time into the file, so that a waiting run can say who holds the workspace.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from lzzr.errors import LzzrError, WorkspaceLocked

LOCK_FILE = ".lzzr.lock"
DEFAULT_WAIT = 30.0
WAIT_ENV = "LZZR_LOCK_WAIT"
_POLL = 0.05


def env_wait() -> float | None:
    """$LZZR_LOCK_WAIT in seconds (None when unset or empty)."""
    raw = os.environ.get(WAIT_ENV, "").strip()
    if not raw:
        return None
    try:
        return max(float(raw), 0.0)
    except ValueError:
        raise LzzrError("lock.bad_wait", env=WAIT_ENV, value=raw) from None


@contextmanager
def workspace_lock(root: Path, command: str, wait: float = DEFAULT_WAIT,
                   sleep: Callable[[float], None] = time.sleep) -> Iterator[None]:
    """Hold the workspace `root` exclusively while the block runs.

    Waits up to `wait` seconds for another run to finish.

    Raises:
        WorkspaceLocked: lock.held (pid, command, start time of the holder) after `wait`.
        LzzrError: lock.open when the lock file cannot be opened (e.g. a read-only folder).
    """
    fd = _open(root / LOCK_FILE)
    try:
        _acquire(fd, root, wait, sleep)
        _write_holder(fd, command)
        yield
    finally:
        os.close(fd)  # closing the last descriptor releases the lock


def _open(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        raise LzzrError("lock.open", path=str(path), reason=exc.strerror or str(exc)) from None


def _acquire(fd: int, root: Path, wait: float, sleep: Callable[[float], None]) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise WorkspaceLocked("lock.held", path=str(root), wait=f"{wait:g}", **read_holder(fd)) from None
            sleep(_POLL)


def _write_holder(fd: int, command: str) -> None:
    started = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    data = json.dumps({"pid": os.getpid(), "command": command, "started": started}, ensure_ascii=False)
    os.ftruncate(fd, 0)
    os.pwrite(fd, (data + "\n").encode("utf-8"), 0)


def read_holder(fd: int) -> dict[str, str]:
    """pid, command and start time written by the run that holds the lock ("?" if unreadable)."""
    holder = {"pid": "?", "command": "?", "started": "?"}
    try:
        data = json.loads(os.pread(fd, 4096, 0).decode("utf-8"))
    except (OSError, ValueError):
        return holder
    if isinstance(data, dict):
        holder.update({k: str(data[k])[:100] for k in holder if k in data})
    return holder
