"""Benchmark: `lzzr check` on a generated province-sized workspace (10,000 tasks).

Not a test: prints times. Goal (issue 2): a few seconds for 10,000 tasks, loader and every
rule included. The generated sub-tasks inherit their parents' deadlines, so the run is clean.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lzzr.check import check_workspace  # noqa: E402

TASK = """\
  B{i:05d}:
    名称: 生成任务{i}
    所属任务: {parent}
    牵头部门: {lead}
    具体负责人: {{姓名: 张三{i}, 职务: 科长}}
    工作标准: 每季度开展不少于1次专项检查，问题整改率100%
    量化指标:
      - {{指标: 专项检查, 目标: 4, 单位: 次}}
      - {{指标: 整改率, 目标: 100, 单位: "%"}}
    保障措施: [纳入年度目标考核, 每季度通报进展]
"""


def make_workspace(root: Path, count: int) -> None:
    shutil.copytree(ROOT / "sample-data", root)
    from lzzr.workspace.load import load_workspace

    ws, _ = load_workspace(root)
    parents = [tid for tid, t in ws.tasks.items() if t.parent is None]
    body = "".join(
        TASK.format(i=i, parent=parents[i % len(parents)], lead=ws.tasks[parents[i % len(parents)]].lead)
        for i in range(count)
    )
    (root / "tasks-generated.yaml").write_text("任务:\n" + body, encoding="utf-8")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        make_workspace(root, count)
        size = (root / "tasks-generated.yaml").stat().st_size
        start = time.perf_counter()
        result = check_workspace(root)
        elapsed = time.perf_counter() - start
        tracemalloc.start()  # a second run for memory: tracing slows Python down several times
        check_workspace(root)
        peak = tracemalloc.get_traced_memory()[1]
        print(f"check: {len(result.workspace.tasks)} tasks ({size / 1e6:.1f} MB generated) in "
              f"{elapsed:.2f} s, peak {peak / 1e6:.0f} MB (tracemalloc), "
              f"{result.errors} errors, {result.warnings} warnings")


if __name__ == "__main__":
    main()
