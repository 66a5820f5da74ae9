"""Item 3 of issue 16, measured: validating records with pydantic one by one, or per file in bulk.

    .venv/bin/python bench/validate_bulk.py WORKSPACE

Prints CPU seconds for the 任务 sections of every file: `Task.model_validate` per record (what
the loader does, so that each error is located under its record) against one
`TypeAdapter(dict[str, Task]).validate_python` per file.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pydantic import TypeAdapter  # noqa: E402

from lzzr.workspace.model import Task  # noqa: E402
from lzzr.workspace.reader import read_yaml  # noqa: E402


def main() -> None:
    bodies = []
    for path in sorted(Path(sys.argv[1]).glob("tasks-*.yaml")):
        bodies.append(read_yaml(path, path.name).data["任务"])
    adapter = TypeAdapter(dict[str, Task])
    count = sum(len(b) for b in bodies)
    for _ in range(2):
        start = time.process_time()
        for body in bodies:
            for raw in body.values():
                Task.model_validate(raw)
        per_record = time.process_time() - start
        start = time.process_time()
        for body in bodies:
            adapter.validate_python(body)
        bulk = time.process_time() - start
    print(f"{count} tasks: per record {per_record:.2f} s CPU, per file in bulk {bulk:.2f} s CPU "
          f"({bulk / per_record:.2f}x)")


if __name__ == "__main__":
    main()
