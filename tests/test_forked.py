"""`lzzr.forked.beside`: work in a forked child during a block, or here when it cannot be."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from lzzr import forked
from lzzr.fsutil import write_atomic


@pytest.fixture
def fork_allowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "can_fork", lambda: True)  # pytest-xdist runs threads: allowed here


def _pid_writer(target: Path) -> object:
    return lambda: write_atomic(target, str(os.getpid()).encode())


def test_the_work_runs_in_a_child_during_the_block(tmp_path: Path, fork_allowed: None) -> None:
    target = tmp_path / "out.txt"
    with forked.beside(_pid_writer(target)):
        here = os.getpid()
    assert target.read_text() != str(here)


def test_work_that_fails_in_the_child_runs_here(tmp_path: Path, fork_allowed: None) -> None:
    """A child that fails (or is killed) costs time only; a second failure is raised here."""
    target, parent = tmp_path / "out.txt", os.getpid()

    def flaky() -> None:
        if os.getpid() != parent:
            raise OSError("disk full in the child")
        write_atomic(target, b"here")

    with forked.beside(flaky):
        pass
    assert target.read_bytes() == b"here"

    def broken() -> None:
        raise ValueError("bad data")

    with pytest.raises(ValueError, match="bad data"), forked.beside(broken):
        pass


def test_a_killed_child_leaves_no_target(tmp_path: Path, fork_allowed: None) -> None:
    target, parent = tmp_path / "out.txt", os.getpid()

    def killed() -> None:
        if os.getpid() != parent:
            os._exit(9)
        write_atomic(target, b"here")

    with forked.beside(killed):
        pass
    assert target.read_bytes() == b"here"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_an_error_in_the_block_stops_the_child(tmp_path: Path, fork_allowed: None) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(KeyError), forked.beside(_pid_writer(target)):
        raise KeyError("x")
    assert not target.exists() or target.read_text() != str(os.getpid())


def test_not_wanted_or_not_possible_runs_after_the_block(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target, order = tmp_path / "out.txt", []
    with forked.beside(lambda: order.append("work"), wanted=False):
        order.append("block")
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    with forked.beside(_pid_writer(target)):
        order.append("block")
    assert order == ["block", "work", "block"]
    assert target.read_text() == str(os.getpid())


def test_can_fork_needs_half_a_cpu_idle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    monkeypatch.setattr(forked, "idle_cpus", lambda: 1.2)  # another job holds most of the second CPU
    assert not forked.can_fork()
    monkeypatch.setattr(forked, "idle_cpus", lambda: 1.6)
    assert forked.can_fork() is forked.sys.platform.startswith("linux")
    monkeypatch.setattr(forked.threading, "active_count", lambda: 3)
    assert not forked.can_fork()


def test_decompose_writes_a_large_workbook_beside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  fork_allowed: None) -> None:
    """The sample's tables with the threshold lifted: the same four files, byte for byte."""
    from lzzr.check import check_workspace
    from lzzr.decompose import issue

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772064000")  # the workbook's dates
    ws = check_workspace(Path(__file__).resolve().parent.parent / "sample-data").workspace
    monkeypatch.setattr(issue, "BESIDE_ROWS", 10**9)
    here = {p.name: p.read_bytes() for p in issue.table_files(ws, _mkdir(tmp_path / "a"))}
    monkeypatch.setattr(issue, "BESIDE_ROWS", 0)
    forks: list[int] = []
    real = forked._start
    monkeypatch.setattr(forked, "_start", lambda work: forks.append(1) or real(work))
    beside = {p.name: p.read_bytes() for p in issue.table_files(ws, _mkdir(tmp_path / "b"))}
    assert forks == [1]
    assert beside == here


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path


@pytest.mark.parametrize(("cpus", "load", "idle", "free"), [
    (2, 1.0, 2.0, 2),   # this process alone
    (2, 1.4, 1.6, 1),   # alone, the load still counting its last run
    (2, 2.2, 1.0, 1),   # another job holds the second CPU
    (8, 3.0, 6.0, 6),
])
def test_idle_and_free_cpus(cpus: int, load: float, idle: float, free: int, monkeypatch: pytest.MonkeyPatch) -> None:
    from lzzr import cpus as module

    monkeypatch.setattr(module.os, "sched_getaffinity", lambda pid: set(range(cpus)))
    monkeypatch.setattr(module.os, "getloadavg", lambda: (load, load, load))
    assert module.idle_cpus() == pytest.approx(idle)
    assert module.free_cpus() == free


def test_a_stopped_child_removes_its_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     fork_allowed: None) -> None:
    """Ctrl-C in the block while the child writes: the child is stopped with SIGTERM, which its
    write turns into the removal of its temporary file (SIGKILL left `.NAME.xxxx.tmp`)."""
    import time

    from lzzr import fsutil

    parent, real = os.getpid(), fsutil.os.fsync

    def slow(fd: int) -> None:
        if os.getpid() != parent:
            time.sleep(3)
        real(fd)

    monkeypatch.setattr(fsutil.os, "fsync", slow)
    with pytest.raises(KeyboardInterrupt), forked.beside(_pid_writer(tmp_path / "out.txt")):
        time.sleep(0.5)
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_the_child_dies_with_its_parent(tmp_path: Path) -> None:
    import subprocess
    import sys

    script = (
        "import os, signal, sys, time\n"
        "from lzzr import forked\n"
        "forked.can_fork = lambda: True\n"
        "with forked.beside(lambda: open(sys.argv[1], 'w').write(str(os.getpid())) and time.sleep(60)):\n"
        "    time.sleep(1)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    marker = tmp_path / "child.pid"
    done = subprocess.run([sys.executable, "-c", script, str(marker)], check=False, timeout=60)
    assert done.returncode == -9
    child = int(marker.read_text())
    status = Path(f"/proc/{child}/status")
    for _ in range(100):
        try:
            if "\nState:\tZ" in status.read_text():  # dead, not yet reaped by whoever adopted it
                return
        except FileNotFoundError:
            return
        time.sleep(0.05)
    pytest.fail(f"child {child} outlived its parent")
