"""One piece of work beside this process, on a CPU that is free: `with beside(work, wanted):`.

The work runs in a forked child while the `with` block runs here; at the end of the block this
process waits for the child. If the child could not be started or did not succeed (an error, a
signal), the work runs here, so that its errors reach the user the usual way. Work that writes
must write atomically (`fsutil.write_atomic`): a child killed half way leaves no target behind.
Only on Linux, with no other thread running and half of another CPU idle (`can_fork`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator

from lzzr.cpus import idle_cpus

FORK_IDLE = 1.5  # CPUs idle (this one included) from which one child is worth its start


def can_fork() -> bool:
    """Whether a fork is safe and worth it now: Linux, no other thread, and at least half of a
    second CPU idle (`lzzr.cpus.idle_cpus`: the load average still counts this program's last
    run for a minute, so "a whole CPU free" would refuse a fork on an idle machine)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1 and idle_cpus() >= FORK_IDLE


@contextlib.contextmanager
def beside(work: Callable[[], object], wanted: bool = True) -> Iterator[None]:
    """Run `work` in a child during the block (when `wanted` and `can_fork()`), else after it."""
    pid = _start(work) if wanted and can_fork() else None
    try:
        yield
    except BaseException:
        if pid is not None:
            _stop(pid)
        raise
    if pid is None or not _succeeded(pid):
        work()


def _start(work: Callable[[], object]) -> int | None:
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid:
        return pid
    code = 1  # the child: never returns into the caller's code, prints nothing
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        work()
        code = 0
    except BaseException:  # the parent runs the work again and reports
        pass
    finally:
        os._exit(code)


def _succeeded(pid: int) -> bool:
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return False
    return os.waitstatus_to_exitcode(status) == 0


def _stop(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, ChildProcessError):
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
