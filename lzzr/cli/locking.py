"""The workspace lock as the commands take it: one helper for every command that writes."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path


def writing(root: Path, command: str, wait: float | None, create: bool = False) -> AbstractContextManager[None]:
    """Hold the lock of workspace `root` for `command` (see lzzr/lock.py).

    A folder that does not exist is left to the command, which reports it in its own words;
    with `create` (`init`) the folder is made first so that it can hold the lock, and taken
    away again when the command fails before writing anything into it.
    """
    from lzzr.lock import wait_seconds, workspace_lock

    seconds = wait_seconds(wait)
    if create and not root.exists():
        return _new_folder(root, command, seconds)
    if not root.is_dir():
        return contextlib.nullcontext()
    return workspace_lock(root, command, seconds)


@contextlib.contextmanager
def _new_folder(root: Path, command: str, seconds: float) -> Iterator[None]:
    from lzzr.lock import LOCK_FILE, workspace_lock

    try:
        root.mkdir(parents=True)
    except OSError:  # the command says why it cannot write there
        yield
        return
    try:
        with workspace_lock(root, command, seconds):
            yield
    except BaseException:
        with contextlib.suppress(OSError):
            (root / LOCK_FILE).unlink()
            root.rmdir()
        raise
