"""The bench's own tools (not benchmarks): the process-tree memory sampler counts every process
of a tree, and the CPU burner of the busy-machine row never outlives the bench."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))
import treemem  # noqa: E402

import bench  # noqa: E402

HOLD = "import subprocess, sys, time; x = bytearray({mb} << 20); x[::4096] = b'1' * len(x[::4096]); {then}"


def test_tree_peak_sums_a_process_and_its_child_and_maxrss_is_the_largest() -> None:
    child = HOLD.format(mb=40, then="time.sleep(1.0)")
    parent = HOLD.format(mb=80, then=f"subprocess.run([sys.executable, '-c', {child!r}])")
    figures = treemem.measure([sys.executable, "-c", parent])
    assert figures["tree_peak_kb"] > 120 * 1024  # 80 + 40 MB held at once, and two interpreters
    assert 80 * 1024 < figures["largest_maxrss_kb"] < 110 * 1024  # the parent alone, not the sum


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat").read_text() if Path(f"/proc/{pid}/stat").exists() else ""
    return " Z " not in stat  # a zombie has stopped


def test_the_burner_stops_with_its_block() -> None:
    with bench._burner() as proc:
        assert proc is not None and proc.poll() is None
    assert proc.poll() is not None


def test_the_burner_stops_when_the_bench_is_killed() -> None:
    script = ("import os, sys; sys.path.insert(0, sys.argv[1]); import bench\n"
              "with bench._burner() as proc:\n    print(proc.pid, flush=True); os.kill(os.getpid(), 9)\n")
    # the burner holds the output pipe: a burner that lives on makes this time out
    out = subprocess.run([sys.executable, "-c", script, str(BENCH)], capture_output=True, text=True, timeout=30)
    assert out.returncode == -9
    pid = int(out.stdout.split()[0])
    deadline = time.monotonic() + 5
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid)
