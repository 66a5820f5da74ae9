"""Round trips through Excel: the sample's decomposition exported and imported again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lzzr.check import check_workspace
from lzzr.errors import ExitCode
from lzzr.workspace.load import load_workspace

from .helpers import SAMPLE, run

Capsys = pytest.CaptureFixture[str]
PEOPLE = ("lzzr.yaml", "units.yaml", "leaders.yaml", "teams.yaml", "upper.yaml", "plan.yaml")


def test_decomposition_workbook_imports_into_the_same_tasks(tmp_path: Path, capsys: Capsys) -> None:
    code, _, _ = run(capsys, "decompose", str(SAMPLE), "--out", str(tmp_path / "out"), "--no-pdf", "-q")
    assert code == ExitCode.OK
    empty = tmp_path / "empty"
    empty.mkdir()
    for name in PEOPLE:
        shutil.copy2(SAMPLE / name, empty / name)
    code, out, _ = run(capsys, "import", str(tmp_path / "out" / "2026-责任分解.xlsx"), str(empty))
    assert code == ExitCode.OK
    assert out.splitlines()[-1] == "导入完成：工作表 动态分解，新增 165 条，补充 0 条，修改 0 条，未变 0 条；写入 tasks.yaml"
    original, _ = load_workspace(SAMPLE)
    imported = check_workspace(empty)
    assert imported.errors == 0 and imported.warnings == check_workspace(SAMPLE).warnings
    assert imported.workspace.tasks == original.tasks
    code, out, _ = run(capsys, "import", str(tmp_path / "out" / "2026-责任分解.xlsx"), str(empty))
    assert (code, out) == (ExitCode.OK, "没有需要写入的内容（165 条记录与工作区相同）\n")
