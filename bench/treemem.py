"""Memory of a process tree: the peak of the summed RSS of a process and all its descendants,
sampled from /proc, and each process's own peak (shared by bench.py and bench_letters.py).

Run as a wrapper, it measures one command and prints JSON:

    .venv/bin/python bench/treemem.py [--timeline FILE] -- CMD...

`tree_peak_kb` is the largest sum of VmRSS over the command and its descendants seen (every
50 ms); `largest_maxrss_kb` is the kernel's maximum RSS of the largest single process of the
tree (getrusage of the reaped children: the command and, through it, the workers it reaped);
`wall_s` and `cpu_s` (user+sys of the tree). The wrapper is a small process of its own
because Linux carries a parent's peak RSS over into a child's maximum across fork and exec: a
command started from a big process (a bench that has rendered letters itself) would report the
bench's peak. `--timeline FILE` writes one line per sample: seconds, the tree's total kB, and
pid:kB of each process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import TextIO


class TreeSampler(threading.Thread):
    """The peak summed RSS (kB) of `root` (default: this process) and all its descendants,
    sampled every `every` seconds; with `timeline`, each sample written there."""

    def __init__(self, root: int | None = None, every: float = 0.05, timeline: TextIO | None = None) -> None:
        super().__init__(daemon=True)
        self.root = os.getpid() if root is None else root
        self.every, self.timeline = every, timeline
        self.peak = 0
        self.per_process: dict[int, int] = {}  # pid → its largest sampled RSS (kB)
        self.stop = threading.Event()
        self.started_at = time.perf_counter()

    def run(self) -> None:
        while not self.stop.is_set():
            sizes = tree_rss(self.root)
            total = sum(sizes.values())
            self.peak = max(self.peak, total)
            for pid, kb in sizes.items():
                self.per_process[pid] = max(self.per_process.get(pid, 0), kb)
            if self.timeline is not None and sizes:
                parts = " ".join(f"{pid}:{kb}" for pid, kb in sorted(sizes.items()))
                self.timeline.write(f"{time.perf_counter() - self.started_at:.2f} {total} {parts}\n")
            self.stop.wait(self.every)

    def finish(self) -> int:
        """Stop sampling; the peak (kB)."""
        self.stop.set()
        self.join()
        return self.peak


def tree_rss_kb(root: int) -> int:
    """The summed RSS (kB) of `root` and all its descendants now."""
    return sum(tree_rss(root).values())


def tree_rss(root: int) -> dict[int, int]:
    """pid → RSS (kB) of `root` and all its descendants now."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry.name)] = int(fields.get("PPid", "0").strip() or 0)
        rss[int(entry.name)] = int(fields.get("VmRSS", "0 kB").split()[0] or 0)
    found: dict[int, int] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        if pid in rss:
            found[pid] = rss[pid]
        todo.extend(p for p, parent in parents.items() if parent == pid)
    return found


def measure(cmd: list[str], env: dict[str, str] | None = None, timeline: Path | None = None) -> dict[str, float]:
    """Run `cmd` through this file as a wrapper (see the module's docstring); its figures."""
    wrapper = [sys.executable, __file__, *(["--timeline", str(timeline)] if timeline else []), "--", *cmd]
    out = subprocess.run(wrapper, capture_output=True, text=True, check=True, env=env)
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def _wrap(cmd: list[str], timeline: Path | None) -> dict[str, float]:
    stream = timeline.open("w") if timeline else None
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreeSampler(proc.pid, timeline=stream)
    sampler.start()
    _, err = proc.communicate()
    peak = sampler.finish()
    wall = time.perf_counter() - start
    if stream:
        stream.close()
    if proc.returncode != 0:
        sys.exit(f"{cmd[0]} exited {proc.returncode}: {err.decode(errors='replace')[-2000:]}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"tree_peak_kb": peak, "largest_maxrss_kb": usage.ru_maxrss, "wall_s": wall,
            "cpu_s": usage.ru_utime + usage.ru_stime, "processes": len(sampler.per_process)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--timeline", type=Path)
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    print(json.dumps(_wrap(cmd, a.timeline)))


if __name__ == "__main__":
    main()
