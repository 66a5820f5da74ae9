"""Time the loader and each rule on one workspace (seconds, one run each): which rule is slow.

    .venv/bin/python bench/rule_times.py WORKSPACE
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lzzr.rules import REGISTRY  # noqa: E402
from lzzr.workspace.load import load_workspace  # noqa: E402


def main() -> None:
    root = Path(sys.argv[1])
    start = time.perf_counter()
    ws, problems = load_workspace(root)
    print(f"load {time.perf_counter() - start:8.2f} s  ({len(problems)} problems)")
    total = 0.0
    for rule_id in sorted(REGISTRY):
        start = time.perf_counter()
        found = list(REGISTRY[rule_id].check(ws))
        took = time.perf_counter() - start
        total += took
        print(f"{rule_id:5} {took:8.3f} s  ({len(found)} problems)")
    print(f"rules {total:7.2f} s")


if __name__ == "__main__":
    main()
