"""The data files read on two CPUs give the same workspace and the same problems as one CPU.

`lzzr/workspace/read_many.py` hands the last half of a large workspace's bytes to a forked
worker. Here the size threshold and the free-CPU count are lifted so that every case of the
invalid corpus (and sample-data) is read both ways, and the results must be equal: problems
(code, place, arguments, in order), the files, the raw data and every position.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from lzzr.workspace import read_many
from lzzr.workspace.load import Workspace, load_workspace
from lzzr.workspace.reader import _BadKey
from tests.test_invalid import ALL_CASES, SAMPLE, build_workspace


def _both(root: Path, monkeypatch: pytest.MonkeyPatch, full: bool = True) -> tuple[Any, Any]:
    fingerprint = _fingerprint if full else _problems
    one = fingerprint(*load_workspace(root))
    with monkeypatch.context() as m:
        m.setattr(read_many, "MIN_BYTES", 0)
        m.setattr(read_many, "can_fork", lambda: True)  # a free CPU, and no thread (pytest-xdist runs some)
        forks: list[int] = []
        real = read_many.ProcessPoolExecutor
        m.setattr(read_many, "ProcessPoolExecutor", lambda **kw: forks.append(1) or real(**kw))
        two = fingerprint(*load_workspace(root))
    assert forks, "the worker was not used"
    return one, two


def _plain(table: dict[tuple[Any, ...], Any]) -> dict[tuple[Any, ...], Any]:
    """Refused keys (duplicates) are distinct objects on each side: compared by kind."""
    return {tuple("<refused>" if isinstance(k, _BadKey) else k for k in path): v for path, v in table.items()}


def _fingerprint(ws: Workspace, problems: list[Any]) -> Any:
    unique = {id(pos): pos for pos, _ in ws._where.values()}.values()
    files = {pos.file: (_plain(pos.values), _plain(pos.keys)) for pos in unique}
    where = {k: (pos.file, tuple(path)) for k, (pos, path) in ws._where.items()}
    records = {kind: dict(ws.collection(kind)) for kind in ("unit", "leader", "team", "task")}
    shown = [(p.code, str(p.location), p.severity, repr(sorted(p.args.items())), p.record) for p in problems]
    return ws.files, ws.raw, files, where, records, shown


def _problems(ws: Workspace, problems: list[Any]) -> Any:
    shown = [(p.code, str(p.location), p.severity, repr(sorted(p.args.items())), p.record) for p in problems]
    return ws.files, ws.raw, shown


def test_sample_data_read_on_two_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    one, two = _both(SAMPLE, monkeypatch)
    assert one == two


CASES = [c for c in ALL_CASES if c.name != "24-huge-file"]  # refused by its size before any read


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_invalid_corpus_read_on_two_cpus(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems in order, files and data: the positions behind every message (the full
    comparison, with every position, runs on sample-data above)."""
    one, two = _both(build_workspace(case, tmp_path / "ws"), monkeypatch, full=False)
    assert one[2] == two[2]  # the problems, in order
    assert one == two


def test_a_worker_that_dies_costs_only_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker killed while reading: the files it did not return are read here."""
    parent = os.getpid()
    real = read_many.read_yaml

    def dying(path: Path, display: str) -> Any:
        if os.getpid() != parent:
            os._exit(9)
        return real(path, display)

    expected = _fingerprint(*load_workspace(SAMPLE))
    monkeypatch.setattr(read_many, "read_yaml", dying)
    monkeypatch.setattr(read_many, "MIN_BYTES", 0)
    monkeypatch.setattr(read_many, "can_fork", lambda: True)
    assert _fingerprint(*load_workspace(SAMPLE)) == expected


def test_small_or_busy_reads_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = []
    for i in range(3):
        f = tmp_path / f"f{i}.yaml"
        f.write_text("单位: {}\n", encoding="utf-8")
        files.append(f)
    assert read_many._split(files) is None  # far below MIN_BYTES
    monkeypatch.setattr(read_many, "MIN_BYTES", 0)
    monkeypatch.setattr(read_many, "can_fork", lambda: False)
    assert read_many._split(files) is None  # no CPU free, or another thread runs
    monkeypatch.setattr(read_many, "can_fork", lambda: True)
    assert read_many._split(files) in (1, 2)
    assert read_many._split(files[:1]) is None


KILLED_WHILE_READING = """
import os, signal, sys
from pathlib import Path
from lzzr.workspace import read_many
from lzzr.lock import workspace_lock
from lzzr.workspace.load import data_files
read_many.MIN_BYTES = 0
read_many.can_fork = lambda: True
root = Path(sys.argv[1])
with workspace_lock(root, "test"):
    for i, parsed in enumerate(read_many.read_files(data_files(root))):
        os.kill(os.getpid(), signal.SIGKILL)  # kill -9 with the worker alive
"""


def test_the_worker_dies_with_a_killed_parent_and_frees_the_lock(tmp_path: Path) -> None:
    """The worker holds a copy of the lock's file; left running, it kept the workspace locked."""
    import shutil
    import subprocess
    import sys

    from lzzr.lock import workspace_lock

    root = shutil.copytree(SAMPLE, tmp_path / "ws")
    done = subprocess.run([sys.executable, "-c", KILLED_WHILE_READING, str(root)], check=False, timeout=60)
    assert done.returncode == -9
    with workspace_lock(root, "test", wait=10):  # the worker got SIGTERM with its parent's death
        pass
