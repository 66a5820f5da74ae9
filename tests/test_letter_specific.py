"""A task whose 具体负责人 is a leader reference is bound in that leader's letter as 具体负责,
when no stronger part (主要领导责任, 负总责, 重要领导责任, 牵头, 协办) binds it already."""

from __future__ import annotations

from pathlib import Path

from lzzr.documents.letters import plan_letters
from lzzr.workspace.load import load_workspace

from .helpers import MINI_CLEAN, mini_workspace


def bound(root: Path) -> dict[str, dict[str, str]]:
    ws, problems = load_workspace(root)
    assert [p for p in problems if p.severity.value == "error"] == []
    return {spec.id: dict(spec.tasks) for spec in plan_letters(ws)}


def test_a_member_named_as_specific_person_binds_the_task(tmp_path: Path) -> None:
    tasks = MINI_CLEAN["tasks.yaml"].replace("    具体负责人: {姓名: 孙立, 职务: 主任}\n", "    具体负责人: {领导: lzq}\n")
    letters = bound(mini_workspace(tmp_path / "ws", clean=True, tasks_yaml=tasks))
    assert letters["2026-qw-lzq"] == {"T01.1": "具体负责", "T02": "主要领导责任"}
    assert "T01.1" not in letters["2026-czj-sl"]


def test_a_lower_principal_named_as_specific_person_binds_the_task(tmp_path: Path) -> None:
    tasks = MINI_CLEAN["tasks.yaml"].replace("    具体负责人: {姓名: 孙立, 职务: 主任}\n", "    具体负责人: sl\n")
    letters = bound(mini_workspace(tmp_path / "ws", clean=True, tasks_yaml=tasks))
    assert letters["2026-czj-sl"] == {"T01.1": "具体负责", "T02": "牵头"}


def test_a_name_in_free_text_binds_nothing(tmp_path: Path) -> None:
    letters = bound(mini_workspace(tmp_path / "ws", clean=True))
    assert "T01.1" not in letters["2026-czj-sl"] and "T01.1" not in letters["2026-qw-lzq"]


def test_a_stronger_part_wins(tmp_path: Path) -> None:
    tasks = MINI_CLEAN["tasks.yaml"].replace("    具体负责人: {姓名: 孙立, 职务: 局长}\n", "    具体负责人: {领导: sl}\n")
    letters = bound(mini_workspace(tmp_path / "ws", clean=True, tasks_yaml=tasks))
    assert letters["2026-czj-sl"]["T02"] == "牵头"
