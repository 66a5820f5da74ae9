"""A 廉政档案 file or a register nested far too deep is a located error (F002's message at the
place where it goes past 64 levels), at once, never exit 70 and never minutes of parsing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lzzr.workspace.reader import depth_problem, json_depth_problem

from .helpers import copy_sample, mini_workspace, run

DEEP = "嵌套超过 64 层，未继续读取"


def _deep_archive(ws: Path, leader: str, levels: int = 10_000) -> Path:
    folder = ws / "廉政档案"
    folder.mkdir(exist_ok=True)
    path = folder / f"{leader}.yaml"
    path.write_text(f"领导: {leader}\n考核记录:\n  2025: " + "[" * levels + "]" * levels + "\n", encoding="utf-8")
    return path


def test_assess_refuses_a_deep_archive_file_at_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    path = _deep_archive(ws, "nswlj")  # 那顺乌力吉, assessed as a member
    before = path.read_bytes()
    code, _, err = run(capsys, "assess", str(ws), "--no-pdf", "-q")
    # the file (level 1), 考核记录 (2), and the 63rd "[" (column 9 + 62) is level 65
    assert (code, err) == (1, f"廉政档案 {path}:3:71 无法读取：{DEEP}；未改动该文件\n")
    assert path.read_bytes() == before


def test_trace_issue_and_dossier_refuse_a_deep_archive_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True)
    path = _deep_archive(ws, "wjg")
    code, _, err = run(capsys, "dossier", "wjg", str(ws), "--no-pdf", "-f", "json")
    assert (code, err) == (1, f"廉政档案 {path}:3:71 无法读取：{DEEP}；未改动该文件\n")
    code, _, err = run(capsys, "--lang", "en", "dossier", "wjg", str(ws), "--no-pdf", "-f", "json")
    assert err == f"cannot read the integrity file {path}:3:71: nested more than 64 levels deep; not read further; " \
                  "left unchanged\n"


def test_a_deep_register_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True)
    (ws / "lzzr-register.json").write_text('{"version": 1,\n "documents": {"a": ' + "[" * 100_000 + "]" * 100_000
                                           + "}}", encoding="utf-8")
    code, _, err = run(capsys, "sign", "a", "--by", "wjg", "--date", "2026-03-01", "-w", str(ws))
    # "{" (1), "documents" {…} (2), then the 63rd "[" after column 20 is level 65
    assert (code, err) == (1, f"登记簿 lzzr-register.json:2:{20 + 63} 无法读取：{DEEP}\n")
    code, _, err = run(capsys, "status", str(ws), "--on", "2026-03-01")
    assert (code, err) == (1, f"登记簿 lzzr-register.json:2:{20 + 63} 无法读取：{DEEP}\n")


def test_a_register_within_the_limit_is_read_as_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Shallower than Python's recursion limit: the register's shape check answers."""
    ws = mini_workspace(tmp_path / "ws")
    (ws / "lzzr-register.json").write_text(json.dumps({"version": 1, "documents": {"a": [[[[]]]]}}), encoding="utf-8")
    code, _, err = run(capsys, "sign", "a", "--by", "wjg", "--date", "2026-03-01", "-w", str(ws))
    assert (code, err) == (1, "登记簿 lzzr-register.json 无法读取：documents.a 的结构不对（不是 lzzr 写的登记簿？请从备份恢复）\n")


def test_the_depth_scanners() -> None:
    assert depth_problem("a:\n  b: [1, [2]]\n", "x.yaml") is None
    assert depth_problem("a: [", "x.yaml") is None  # a syntax error is the loader's to report
    assert json_depth_problem('{"a": "[[[[[[", "b": [1, {"c": "]]]"}]}', "r.json") is None
    found = json_depth_problem('{"s": "\\"[["}' + "[" * 70, "r.json")
    assert found is not None and (found.location.line, found.location.column) == (1, 13 + 65)
