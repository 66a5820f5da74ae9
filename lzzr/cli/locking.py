"""The workspace lock as the commands take it: one helper for every command that writes.

The lock guards the workspace: its register, records and 廉政档案, and what a command reads
from them. Every command that writes a file holds it, wherever its --out points, so that its
output is made from one consistent state (not half of an `import`, not a register that a
`letters` run is about to replace). An --out folder outside the workspace is not itself locked:
each file in it is written by temporary file and rename, so none is ever torn.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

CONFIG_WAIT_KEY = "锁等待秒数"
MAX_CONFIG_WAIT = 86_400.0


def writing(root: Path, command: str, wait: float | None, create: bool = False,
            when: bool = True) -> AbstractContextManager[None]:
    """Hold the lock of workspace `root` for `command` (see lzzr/lock.py).

    `when` False (the command will write nothing this time) takes no lock. A folder that does
    not exist is left to the command, which reports it in its own words; with `create`
    (`init`) the folder is made first so that it can hold the lock, and taken away again when
    the command fails before writing anything into it.
    """
    from lzzr.lock import workspace_lock

    if not when:
        return contextlib.nullcontext()
    if create and not root.exists():
        return _new_folder(root, command, lock_wait(wait, None))
    if not root.is_dir():
        return contextlib.nullcontext()
    return workspace_lock(root, command, lock_wait(wait, root))


@contextlib.contextmanager
def writing_all(roots: Iterable[Path], command: str, wait: float | None, when: bool = True) -> Iterator[None]:
    """The locks of several workspaces (dossier, opinion), always taken in the same order."""
    with contextlib.ExitStack() as stack:
        for root in sorted({r.resolve() for r in roots}) if when else []:
            stack.enter_context(writing(root, command, wait))
        yield


def lock_wait(option: float | None, root: Path | None) -> float:
    """The wait for the lock: --wait, else $LZZR_LOCK_WAIT, else lzzr.yaml's 锁等待秒数, else 30 s."""
    from lzzr.lock import DEFAULT_WAIT, env_wait

    if option is not None:
        return max(option, 0.0)
    found = env_wait()
    if found is None and root is not None:
        found = config_wait(root)
    return DEFAULT_WAIT if found is None else found


def config_wait(root: Path) -> float | None:
    """lzzr.yaml's 锁等待秒数 (None when absent, or when lzzr.yaml cannot be read: the command
    reports that itself). A value that is not 0–86400 seconds is a located error."""
    from lzzr.errors import LzzrError
    from lzzr.fsutil import leaves
    from lzzr.text import cut
    from lzzr.workspace.reader import read_yaml

    path = root / "lzzr.yaml"
    if not path.is_file() or leaves(path, root):
        return None
    parsed = read_yaml(path, "lzzr.yaml")
    if not isinstance(parsed.data, dict) or CONFIG_WAIT_KEY not in parsed.data:
        return None
    value: Any = parsed.data[CONFIG_WAIT_KEY]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= MAX_CONFIG_WAIT:
        where = parsed.positions.locate((CONFIG_WAIT_KEY,))
        raise LzzrError("lock.bad_config_wait", where=str(where), key=CONFIG_WAIT_KEY, value=cut(str(value), 60),
                        most=f"{MAX_CONFIG_WAIT:g}")
    return float(value)


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
