"""The plan PDF of a workspace laid out in parts of N rows (lzzr.render.chunked): CPU time and
peak memory per part size, each in a fresh process, to choose `PART_ROWS` (docs/performance.md).

    .venv/bin/python bench/plan_parts.py WORKSPACE [--rows 0,200,400,800]

0 rows means one pass (the whole table at once).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_ONE = """
import sys
from pathlib import Path
from lzzr.decompose.plan import plan_context
from lzzr.render.chunked import long_table_pdf
from lzzr.render.renderer import renderer_for
from lzzr.workspace.load import load_workspace
ws, _ = load_workspace(Path(sys.argv[1]))
context = plan_context(ws)
rows = int(sys.argv[2]) or len(context["rows"])
Path(sys.argv[3]).write_bytes(long_table_pdf(renderer_for(ws), "plan.html", context, part_rows=rows))
import resource
use = resource.getrusage(resource.RUSAGE_SELF)
print(use.ru_utime + use.ru_stime, use.ru_maxrss / 1024)
"""


def measure(ws: Path, rows: int, out: Path) -> tuple[float, float, float]:
    """(CPU seconds, wall seconds, peak MB) of laying out the plan in parts of `rows`."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _ONE, str(ws), str(rows), str(out)], check=True, cwd=ROOT,
                          capture_output=True, text=True)
    cpu, mb = (float(x) for x in done.stdout.split()[-2:])
    return cpu, time.perf_counter() - start, mb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("workspace", type=Path)
    ap.add_argument("--rows", default="0,200,400,800")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for rows in (int(r) for r in a.rows.split(",")):
            cpu, wall, mb = measure(a.workspace, rows, Path(tmp) / f"plan-{rows}.pdf")
            print(f"part rows {rows or 'all'}: CPU {cpu:.1f} s, wall {wall:.1f} s, peak {mb:.0f} MB "
                  f"(load {os.getloadavg()[0]:.1f})", flush=True)


if __name__ == "__main__":
    main()
