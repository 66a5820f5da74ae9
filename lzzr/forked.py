"""One piece of work beside this process, on a CPU that is free: `with beside(work, wanted):`.

The work runs in a forked child while the `with` block runs here; at the end of the block this
process waits for the child. If the child could not be started or did not succeed (an error, a
signal), the work runs here, so that its errors reach the user the usual way. Work that writes
must write atomically (`fsutil.write_atomic`): a child stopped half way (SIGTERM, which it turns
into an exception, so that the write removes its temporary file) leaves nothing behind.
Only on Linux, with no other thread running and half of another CPU idle (`can_fork`).

Every child made here dies with this process (`die_with_parent`): a child left running would
keep the workspace lock's file open, and flock holds until every copy is closed.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from typing import NoReturn

from lzzr.cpus import idle_cpus

FORK_IDLE = 1.5  # CPUs idle (this one included) from which one child is worth its start
STOP_SECONDS = 5.0  # a stopped child has this long to remove its temporary file, then SIGKILL
_PR_SET_PDEATHSIG = 1


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
    parent = os.getpid()
    with sigint_ignored():  # the child starts, and stays, with Ctrl-C ignored: it is the parent's
        try:
            pid = os.fork()
        except OSError:
            return None
        if pid == 0:
            _child(work, parent)
    return pid


def _child(work: Callable[[], object], parent: int) -> NoReturn:
    """The forked child: never returns into the caller's code, prints nothing."""
    code = 1
    try:
        signal.signal(signal.SIGTERM, _terminated)
        die_with_parent(parent)
        work()
        code = 0
    except BaseException:  # the parent runs the work again and reports
        pass
    finally:
        os._exit(code)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(1)


def die_with_parent(parent: int) -> None:
    """In a forked child: SIGTERM when `parent` ends (Linux prctl PR_SET_PDEATHSIG), and end
    now if it already has. Without it a child whose parent was killed (kill -9, the OOM killer)
    lives on, and with it the parent's workspace lock."""
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:
        os._exit(1)


@contextlib.contextmanager
def sigint_ignored() -> Iterator[None]:
    """Ctrl-C ignored inside (from the main thread), so that children forked or spawned here
    start with it ignored; the caller stops them itself."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    saved = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, saved)


def _succeeded(pid: int) -> bool:
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return False
    return os.waitstatus_to_exitcode(status) == 0


def _stop(pid: int) -> None:
    """SIGTERM (the child's write removes its temporary file), SIGKILL after STOP_SECONDS."""
    with contextlib.suppress(ProcessLookupError, ChildProcessError):
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_SECONDS
        while time.monotonic() < deadline:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                return
            time.sleep(0.02)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
