"""`make bench`: one table of ratios, each measured against its own baseline in the same run.

    .venv/bin/python bench/bench.py [--repeat 3] [--big] [--only ROWS] [--keep DIR] [--no-burner]

Workspaces come from bench/generate.py (city shape, 2,000 units per 10,000 tasks). Every
timed command runs as a subprocess, the way a cadre or cron runs it; a ratio pairs each run
with a run of its baseline right before it, and the table shows the median of the paired
ratios (the machine is shared: a ratio of neighbours is steadier than two medians).
Baselines: a bare PyYAML CSafeLoader parse of the same files; a bare serial WeasyPrint loop
over the same HTML; a Python interpreter that does nothing; `letters --jobs 1`. Peak memory
is the child's maximum resident set (getrusage), and for letters also the sampled peak of
the summed RSS of lzzr and its render workers (bench/treemem.py).

The rows, by `--only` name: check (10k, 40k, growth), cache (check unchanged and one file
changed), phase (decompose json, assess --no-pdf), start (`--help`, `--version`), memory
(check 10k), pool (letters --jobs 2 against bare WeasyPrint), rerun (letters unchanged and one
task changed), busy (letters --jobs 2 against --jobs 1 with one CPU-burning process beside:
another job holding the second core). `--big` adds plan and report (the PDFs at 10,000 tasks)
and letters-memory (1,017 letters against 50: ~11 minutes of CPU).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
ROOT = BENCH.parent
LZZR = [sys.executable, "-m", "lzzr"]
SCRIPT = Path(sys.executable).with_name("lzzr")  # the command a user types, when installed
PARSE = [sys.executable, str(BENCH / "parse_only.py")]
CACHE = True
NO_CACHE: list[str] = ["--no-cache"] if CACHE else []


@dataclass
class Row:
    what: str
    value: float
    baseline: str
    goal: float | None
    unit: str = "x"

    def line(self) -> str:
        shown = f"{self.value:.2f}{self.unit}" if self.unit == "x" else f"{self.value:.{2 if self.value < 10 else 0}f} {self.unit}"
        goal = "" if self.goal is None else f"≤ {self.goal:g}{self.unit if self.unit == 'x' else ' ' + self.unit}"
        met = "" if self.goal is None else ("yes" if self.value <= self.goal else "NO")
        return f"| {self.what} | {shown} | {self.baseline} | {goal} | {met} |"


def timed(cmd: list[str], cwd: Path | None = None) -> float:
    """Wall seconds of `cmd` (lzzr may exit 1 for problems found; a baseline must succeed, or
    every ratio against it would be meaningless)."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False,
                          env={**os.environ, "LZZR_LANG": "zh"})
    took = time.perf_counter() - start
    if cmd[:len(PARSE)] == PARSE and done.returncode != 0:
        raise SystemExit(f"bench: the baseline {' '.join(cmd[1:])} failed (PyYAML's C loader: make bench "
                         f"installs it, '.[bench]'):\n{done.stderr.decode(errors='replace')[-600:]}")
    return took


def paired(run: Callable[[], float], base: Callable[[], float], repeat: int) -> tuple[float, float, float]:
    """(median ratio, median time, median baseline time) over `repeat` neighbouring pairs."""
    pairs = []
    for _ in range(repeat):
        b = base()
        r = run()
        pairs.append((r / b, r, b))
    return (statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs),
            statistics.median(p[2] for p in pairs))


def peak_mb(cmd: list[str]) -> float:
    """The peak RSS of `cmd`, run from a small wrapper so that no parent's peak carries over."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
             " stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1]) / 1024


def generate(out: Path, tasks: int, units: int | None = None) -> Path:
    subprocess.run([sys.executable, str(BENCH / "generate.py"), str(out), "--tasks", str(tasks),
                    "--units", str(units or tasks // 5)], check=True, stdout=subprocess.DEVNULL)
    return out


def check_rows(work: Path, repeat: int) -> tuple[list[Row], dict[int, Path]]:
    """check against the parse; CPU is user+sys of lzzr and the worker that reads beside it."""
    rows, spaces, times = [], {}, {}
    for tasks in (10_000, 20_000, 40_000):
        ws = spaces[tasks] = generate(work / f"ws{tasks // 1000}k", tasks)
        n = repeat if tasks == 10_000 else 1
        cpu: dict[str, list[float]] = {"run": [], "base": []}
        ratio, t, b = paired(lambda ws=ws, cpu=cpu: _timed_cpu([*LZZR, "check", str(ws), "-q", *NO_CACHE], cpu["run"]),
                             lambda ws=ws, cpu=cpu: _timed_cpu([*PARSE, str(ws)], cpu["base"]), n)
        times[tasks] = t
        if tasks != 20_000:
            rows.append(Row(f"check {tasks // 1000}k tasks ({t:.1f} s, CPU {statistics.median(cpu['run']):.1f} s)",
                            ratio, f"bare CSafeLoader parse ({b:.1f} s, CPU {statistics.median(cpu['base']):.1f} s)",
                            1.2))
    rows.append(Row("check 20k / 10k tasks", times[20_000] / times[10_000], "check 10k", 2.1))
    rows.append(Row("check 40k / 20k tasks", times[40_000] / times[20_000], "check 20k", 2.1))
    return rows, spaces


def _timed_cpu(cmd: list[str], into: list[float]) -> float:
    with _cpu(into):
        return timed(cmd)


def cache_rows(ws: Path, repeat: int) -> list[Row]:
    timed([*LZZR, "check", str(ws), "-q"])  # fills the cache
    ratio, t, b = paired(lambda: timed([*LZZR, "check", str(ws), "-q"]),
                         lambda: timed([*LZZR, "check", str(ws), "-q", *NO_CACHE]), repeat)
    rows = [Row(f"check 10k unchanged, cached ({t:.2f} s)", ratio, f"full check ({b:.1f} s)", 0.1)]
    target = next(iter(sorted(ws.glob("tasks-*.yaml"))))
    original = target.read_bytes()
    try:
        def one_change() -> float:
            target.write_bytes(original.replace("工作标准: ".encode(), "工作标准: 年内".encode(), 1))
            took = timed([*LZZR, "check", str(ws), "-q"])
            target.write_bytes(original)
            timed([*LZZR, "check", str(ws), "-q"])
            return took
        ratio, t, b = paired(one_change, lambda: timed([*LZZR, "check", str(ws), "-q", *NO_CACHE]), 1)
    finally:
        target.write_bytes(original)
    rows.append(Row(f"check 10k, one file changed ({t:.1f} s)", ratio, f"full check ({b:.1f} s)", None))
    return rows


def phase_rows(ws: Path, work: Path, repeat: int) -> list[Row]:
    """decompose --format json and assess --no-pdf at 10k, each against the bare parse, `repeat`
    neighbouring pairs (median; one pair swung 1.32x-1.56x with another tenant on the machine)."""
    out = work / "out"
    rows = []
    for name, cmd, goal in (
        ("decompose --format json --no-pdf", ["decompose", str(ws), "--format", "json", "--no-pdf", "-o", str(out), "-q"],
         1.5),
        ("assess --no-pdf", ["assess", str(ws), "--no-pdf", "--no-archive", "-o", str(out), "-q"], 2.0),
    ):
        cpu: dict[str, list[float]] = {"run": [], "base": []}
        ratio, t, b = paired(lambda cmd=cmd, cpu=cpu: _timed_cpu([*LZZR, *cmd], cpu["run"]),
                             lambda cpu=cpu: _timed_cpu([*PARSE, str(ws)], cpu["base"]), repeat)
        rows.append(Row(f"{name} 10k ({t:.1f} s, CPU {statistics.median(cpu['run']):.1f} s)", ratio,
                        f"bare CSafeLoader parse ({b:.1f} s, CPU {statistics.median(cpu['base']):.1f} s)", goal))
    return rows


def start_rows(repeat: int) -> list[Row]:
    """`lzzr --help` and `lzzr --version` as typed (the console script), stdout not a terminal
    (/dev/null, as in a pipe or cron: Rich formats the same help without colours); and
    `lzzr --help` on a terminal through `script`, paired with `script` running `python -c pass`."""
    lzzr = [str(SCRIPT)] if SCRIPT.exists() else LZZR
    bare = [sys.executable, "-c", "pass"]
    n = max(10, repeat)
    rows = []
    for args, goal in ((["--help"], 0.25), (["--version"], None)):
        ratio, t, b = paired(lambda args=args: timed([*lzzr, *args]), lambda: timed(bare), n)
        rows.append(Row(f"`lzzr {args[0]}` start, stdout not a terminal", t,
                        f"python -c pass ({b:.2f} s; ratio {ratio:.1f}x)", goal, "s"))
    if shutil.which("script"):
        def tty(cmd: list[str]) -> float:
            return timed(["script", "-qec", shlex.join(cmd), "/dev/null"])

        ratio, t, b = paired(lambda: tty([*lzzr, "--help"]), lambda: tty(bare), n)
        rows.append(Row("`lzzr --help` on a terminal, through script", t,
                        f"script -qc 'python -c pass' ({b:.2f} s; ratio {ratio:.1f}x)", None, "s"))
    return rows


def memory_rows(ws: Path) -> list[Row]:
    return [Row("check 10k peak memory", peak_mb([*LZZR, "check", str(ws), "-q", *NO_CACHE]), "maximum RSS",
                400, "MB")]


def letters_rows(repeat: int = 1) -> list[Row]:
    """`render_many` with 2 jobs (this process and a worker, as `lzzr letters --jobs 2`) against a
    bare serial WeasyPrint loop over the same 46 letters, `repeat` neighbouring pairs; CPU is
    user+sys of this process and the workers it reaped."""
    sys.path.insert(0, str(BENCH))
    sys.path.insert(0, str(ROOT))
    import bench_letters as bl

    from lzzr.render.fonts import choose, font_css
    from lzzr.render.renderer import builtin_templates
    from lzzr.workspace.model import Fonts

    css = font_css(choose(Fonts()))
    docs = bl.letters(46)
    cpu: dict[str, list[float]] = {"pool": [], "serial": []}

    def pool() -> float:
        with tempfile.TemporaryDirectory() as tmp, _cpu(cpu["pool"]):
            return bl.pooled(docs, Path(tmp), css, 2)[0]

    def serial() -> float:
        with _cpu(cpu["serial"]):
            return bl.bare_serial([h for _, h in docs], builtin_templates(), css)

    ratio, t, b = paired(pool, serial, repeat)
    return [Row(f"letters --jobs 2, 46 letters ({t:.1f} s, CPU {statistics.median(cpu['pool']):.1f} s)", ratio,
                f"serial bare WeasyPrint ({b:.1f} s, CPU {statistics.median(cpu['serial']):.1f} s)", 0.55)]


@contextlib.contextmanager
def _cpu(into: list[float]) -> Iterator[None]:
    """Append the CPU seconds (user+sys of this process and of the children it reaped) of the block."""
    def now() -> float:
        return sum(getattr(resource.getrusage(who), f) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                   for f in ("ru_utime", "ru_stime"))
    start = now()
    yield
    into.append(now() - start)


def letters_rerun_rows(repeat: int) -> list[Row]:
    """`lzzr letters --jobs 2` on a copy of the sample (51 letters): a full run (no register, no
    cache, no PDFs), the same again unchanged, and one task changed (then put back), in that
    order per round; the one-change row subtracts what WeasyPrint alone takes for the letters
    that run rendered (bench/render_only.py, its import included). Wall and CPU (user+sys of
    the run and its workers) both; the ratio is of wall times, median over the rounds."""
    work, ws, env = _sample_copy()
    cmd = [*LZZR, "letters", str(ws), "-o", str(work / "out"), "--jobs", "2", "-f", "json"]
    target, rounds = ws / "tasks.yaml", []
    original = target.read_bytes()
    changed = original.replace("全年不少于4次".encode(), "全年不少于5次".encode(), 1)
    try:
        for _ in range(repeat):
            _fresh(work, ws)
            full = _letters(cmd, env)
            unchanged = _letters(cmd, env)
            target.write_bytes(changed)
            one = _letters(cmd, env)
            target.write_bytes(original)
            _letters(cmd, env)
            alone = float(subprocess.run([sys.executable, str(BENCH / "render_only.py"), str(ws), *one[2]],
                                         capture_output=True, text=True, check=True, env=env).stdout)
            rounds.append((full, unchanged, one, (alone, 0.0, [])))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def med(i: int, j: int) -> float:
        return statistics.median(r[i][j] for r in rounds)

    count = len(rounds[-1][2][2])
    cpu = statistics.median(r[1][1] / r[0][1] for r in rounds)
    return [Row(f"letters unchanged re-run (wall {med(1, 0):.2f} s, CPU {med(1, 1):.2f} s = {cpu:.3f}x)",
                statistics.median(r[1][0] / r[0][0] for r in rounds),
                f"full run, 51 letters (wall {med(0, 0):.1f} s, CPU {med(0, 1):.1f} s)", 0.05),
            Row(f"letters one task changed (wall {med(2, 0):.1f} s, CPU {med(2, 1):.1f} s; {count} rendered, "
                f"WeasyPrint alone {med(3, 0):.1f} s)", statistics.median((r[2][0] - r[3][0]) / r[0][0] for r in rounds),
                "full run, less WeasyPrint alone for the rendered", 0.1)]


BUSY_KIND = "member"  # the sample's 17 letters to members of a team: ~1/3 of the 51, enough for the pool

# The burner: one process that holds a CPU for as long as the bench runs, and not longer (it
# stops when its parent is no longer the bench, whose pid it is given: the bench died, even by
# SIGKILL, also before the burner had started).
BURN = "import os, sys\nwhile os.getppid() == int(sys.argv[1]):\n    sum(range(100_000))\n"


@contextlib.contextmanager
def _burner(on: bool = True) -> Iterator[subprocess.Popen[bytes] | None]:
    """Another job holding a CPU: one Python process spinning beside what the block runs."""
    if not on:
        yield None
        return
    proc = subprocess.Popen([sys.executable, "-c", BURN, str(os.getpid())])
    try:
        yield proc
    finally:
        proc.kill()
        proc.wait()


def letters_busy_rows(repeat: int, burn: bool = True) -> list[Row]:
    """`lzzr letters --jobs 2` against `--jobs 1` while one burner process holds a CPU (the
    issue's "another job holds the second core"): the sample's letters of one kind, everything
    rendered each run (no register, cache or PDFs), `repeat` pairs, the order alternated per
    pair; the ratio is of wall times, median of the pairs; CPU is user+sys of lzzr and its
    workers. Without `burn`, the same on whatever the machine is doing (a quiet figure)."""
    work, ws, env = _sample_copy()
    cmd = [*LZZR, "letters", str(ws), "-o", str(work / "out"), "--kind", BUSY_KIND, "-f", "json"]
    runs: dict[int, list[tuple[float, float, list[str]]]] = {1: [], 2: []}
    loads = []
    try:
        with _burner(burn):
            for i in range(repeat):
                for jobs in (1, 2) if i % 2 == 0 else (2, 1):
                    _fresh(work, ws)
                    runs[jobs].append(_letters([*cmd, "--jobs", str(jobs)], env))
                loads.append(os.getloadavg()[0])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratio = statistics.median(two[0] / one[0] for one, two in zip(runs[1], runs[2], strict=True))
    count = len(runs[2][-1][2])

    def med(jobs: int, i: int) -> float:
        return statistics.median(r[i] for r in runs[jobs])

    case = "one CPU burner beside" if burn else "no burner"
    return [Row(f"letters --jobs 2, {case}, {count} letters (wall {med(2, 0):.1f} s, CPU {med(2, 1):.1f} s; "
                f"load {min(loads):.1f}–{max(loads):.1f})", ratio,
                f"--jobs 1 (wall {med(1, 0):.1f} s, CPU {med(1, 1):.1f} s)", 1.0 if burn else None)]


LETTERS_SMALL = (16, 150)  # units, tasks: 50 letters (the fewest units that make a valid workspace near 50)
LETTERS_LARGE = (260, 650)  # 1,017 letters


def letters_memory_rows(work: Path) -> list[Row]:
    """Peak memory of `lzzr letters WS --jobs 2` (nothing before it: no register, cache or PDFs)
    on a generated workspace of 1,017 letters against one of 50 (same generator and seed): the
    peak of the summed RSS of lzzr and its render worker (sampled, bench/treemem.py) and the
    largest single process's maximum RSS."""
    import treemem

    found = []
    for units, tasks in (LETTERS_SMALL, LETTERS_LARGE):
        ws = generate(work / f"letters-{units}", tasks, units)
        out = work / f"letters-{units}-out"
        env = {**os.environ, "LZZR_LANG": "zh", "LZZR_CACHE_DIR": str(work / f"letters-{units}-cache")}
        figures = treemem.measure([*LZZR, "letters", str(ws), "-o", str(out), "--jobs", "2", "-q"], env)
        found.append((len(list(out.glob("*.pdf"))), figures, os.getloadavg()[0]))
    (n0, small, load0), (n1, large, load1) = found

    def mb(figures: dict[str, float], key: str) -> str:
        return f"{figures[key] / 1024:.0f} MB"

    return [Row(f"letters peak memory, {n1:,} letters ({mb(large, 'tree_peak_kb')}, largest process "
                f"{mb(large, 'largest_maxrss_kb')}; {large['wall_s']:.0f} s, CPU {large['cpu_s']:.0f} s, load {load1:.1f})",
                large["tree_peak_kb"] / small["tree_peak_kb"],
                f"{n0} letters ({mb(small, 'tree_peak_kb')}, largest process {mb(small, 'largest_maxrss_kb')}; "
                f"load {load0:.1f})", 1.5)]


def _sample_copy() -> tuple[Path, Path, dict[str, str]]:
    """A temporary folder with a copy of the sample (no register, no 廉政档案) and the
    environment that keeps lzzr's result cache in that folder."""
    work = Path(tempfile.mkdtemp(prefix="lzzr-bench-letters-"))
    ws = shutil.copytree(ROOT / "sample-data", work / "ws",
                         ignore=shutil.ignore_patterns("lzzr-register.json", "廉政档案", ".lzzr.lock"))
    env = {**os.environ, "LZZR_LANG": "zh", "LZZR_CACHE_DIR": str(work / "cache"), "SOURCE_DATE_EPOCH": "1772064000"}
    return work, ws, env


def _fresh(work: Path, ws: Path) -> None:
    """No PDFs, no cache and no register: the next `letters` run renders everything."""
    for path in (work / "out", work / "cache", ws / "lzzr-register.json"):
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)


def _letters(cmd: list[str], env: dict[str, str]) -> tuple[float, float, list[str]]:
    """(wall s, CPU s, ids of the letters rendered) of one `lzzr letters -f json` run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    took = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return took, cpu, [d["id"] for d in json.loads(out)["documents"] if d["rendered"]]


def plan_rows(ws: Path, work: Path) -> list[Row]:
    """The plan PDF at 10k (its attachment table in sections): peak memory, wall and CPU time."""
    return pdf_rows("plan PDF 10k tasks", [*LZZR, "decompose", str(ws), "-o", str(work / "plan-out"), "-q",
                                           "--jobs", "2"])


def report_rows(ws: Path, work: Path) -> list[Row]:
    """The assessment report PDF at 10k (its score sheets in parts): peak memory, wall and CPU time."""
    return pdf_rows("assessment report PDF 10k tasks", [*LZZR, "assess", str(ws), "--no-archive", "-o",
                                                        str(work / "report-out"), "-q", "--jobs", "2"])


def pdf_rows(what: str, cmd: list[str]) -> list[Row]:
    """Peak memory (of the largest process) and wall time of a command that writes a large PDF,
    with its CPU time (all its processes). --jobs 2: by default the layout takes the CPUs free
    now, and the load the bench's own runs leave in the 1-minute average would keep it to one."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL,"
             " stderr=subprocess.DEVNULL, check=True); u = resource.getrusage(resource.RUSAGE_CHILDREN);"
             " print(u.ru_maxrss, u.ru_utime + u.ru_stime)")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True)
    took = time.perf_counter() - start
    rss, cpu = out.stdout.split()[-2:]
    return [Row(f"{what} ({took:.0f} s, {float(cpu):.0f} s CPU)", int(rss) / 1024, "maximum RSS", 1024, "MB"),
            Row(f"{what}, time", took, f"{float(cpu):.0f} s CPU", 120, "s")]


GROUPS = ("check", "cache", "phase", "start", "memory", "pool", "rerun", "busy")  # `make bench`
BIG = ("plan", "report", "letters-memory")  # and `--big`


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--big", action="store_true", help="also the plan and report PDFs at 10k tasks, 1,017 letters' memory")
    ap.add_argument("--only", help=f"only these rows, comma-separated: {', '.join(GROUPS + BIG)}")
    ap.add_argument("--keep", type=Path, help="generate the workspaces here and keep them")
    ap.add_argument("--letters", action="store_true", help="only the letters re-run rows (--only rerun)")
    ap.add_argument("--pool", action="store_true", help="only the letters --jobs 2 row (--only pool)")
    ap.add_argument("--no-burner", action="store_true", help="the busy row without its burner (a quiet figure)")
    a = ap.parse_args()
    chosen = [*GROUPS, *(BIG if a.big else ())]
    if a.only or a.pool or a.letters:
        chosen = (a.only.split(",") if a.only else []) + ["pool"] * a.pool + ["rerun"] * a.letters
    unknown = sorted(set(chosen) - set(GROUPS + BIG))
    if unknown:
        ap.error(f"unknown rows: {', '.join(unknown)} (choose from {', '.join(GROUPS + BIG)})")
    # as installed: Python keeps the compiled modules (a shell with PYTHONDONTWRITEBYTECODE set
    # would make every timed start compile lzzr again, ~0.3 s that no user's run pays)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    work = a.keep or Path(tempfile.mkdtemp(prefix="lzzr-bench-"))
    started = time.perf_counter()
    try:
        rows = _rows(chosen, work, a)
    finally:
        if a.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    _table(rows, started)


def _rows(chosen: list[str], work: Path, a: argparse.Namespace) -> list[Row]:
    """The rows of the groups `chosen`, in the table's order."""
    rows: list[Row] = []
    spaces: dict[int, Path] = {}

    def ws10k() -> Path:
        if 10_000 not in spaces:
            spaces[10_000] = generate(work / "ws10k", 10_000)
        return spaces[10_000]

    if "check" in chosen:
        found, spaces = check_rows(work, a.repeat)
        rows += found
    makers: dict[str, Callable[[], list[Row]]] = {
        "cache": lambda: cache_rows(ws10k(), a.repeat) if CACHE else [],
        "phase": lambda: phase_rows(ws10k(), work, a.repeat),
        "start": lambda: start_rows(a.repeat),
        "memory": lambda: memory_rows(ws10k()),
        "pool": lambda: letters_rows(a.repeat),  # one pair swung 0.49x-0.59x
        "rerun": lambda: letters_rerun_rows(a.repeat),
        "busy": lambda: letters_busy_rows(a.repeat, burn=not a.no_burner),
        "plan": lambda: plan_rows(ws10k(), work),
        "report": lambda: report_rows(ws10k(), work),
        "letters-memory": lambda: letters_memory_rows(work),
    }
    for name in (*GROUPS, *BIG):
        if name in chosen and name in makers:
            rows += makers[name]()
    return rows


def _table(rows: list[Row], started: float) -> None:
    print(f"lzzr bench — {time.strftime('%Y-%m-%d %H:%M')}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}, Python {platform.python_version()}, "
          f"{time.perf_counter() - started:.0f} s\n")
    print("| measure | result | baseline | goal | met |\n|---|---|---|---|---|")
    for row in rows:
        print(row.line())


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    main()
