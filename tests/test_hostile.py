"""No input gives an internal error or a hang: depth, the register's shape, FIFOs, long
values, control characters in file names, long names, unbounded templates."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lzzr.documents.letters import safe_name

from .helpers import copy_sample, mini_workspace, run

SHAPE = "的结构不对（不是 lzzr 写的登记簿？请从备份恢复）"


def test_deep_yaml_stops_at_the_depth_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True, zz_yaml="x: " + "[" * 100_000 + "]" * 100_000 + "\n")
    code, stdout, _ = run(capsys, "check", str(ws), "-q")
    assert code == 1 and stdout == "zz.yaml:1:67: error[F002] 嵌套超过 64 层，未继续读取\n"


@pytest.mark.parametrize(("documents", "where"), [
    ({"a": "text"}, "documents.a"),
    ({"a": {"pdf_sha256": "0" * 64}}, "documents.a.key"),
    ({"a": {"key": "k", "pdf_sha256": "0", "signatures": None}}, "documents.a.signatures"),
    ({"a": {"key": "k", "pdf_sha256": "0", "signatures": [{"leader": 1, "name": "x"}]}}, "documents.a.signatures[0]"),
    ("list", "documents"),
])
def test_a_register_of_the_wrong_shape_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          documents: object, where: str) -> None:
    ws = mini_workspace(tmp_path / "ws")
    (ws / "lzzr-register.json").write_text(json.dumps({"version": 1, "documents": documents}), encoding="utf-8")
    code, _, err = run(capsys, "verify", str(tmp_path / "x.pdf"), "-w", str(ws))
    assert code == 1 and err == f"登记簿 lzzr-register.json 无法读取：{where} {SHAPE}\n"


def test_a_register_nested_too_deep(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = mini_workspace(tmp_path / "ws")
    (ws / "lzzr-register.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    code, _, err = run(capsys, "sign", "a", "--by", "wjg", "--date", "2026-03-01", "-w", str(ws))
    assert code == 1 and err == "登记簿 lzzr-register.json:1:65 无法读取：嵌套超过 64 层，未继续读取\n"


def test_verify_does_not_open_a_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = mini_workspace(tmp_path / "ws")
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    code, stdout, _ = run(capsys, "verify", str(fifo), "-w", str(ws))
    assert code == 1 and stdout == f"{fifo}: 无法读取：不是普通文件\n"


def test_long_values_are_cut_and_file_names_cannot_forge_lines(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True, zz_yaml="单位:\n  dx:\n    名称: x\n    类别: 部门\n    上级: qw\n    "
                        + "k" * 1000 + ": 1\n")
    (ws / "zz\nfake.yaml").write_text("单位: [\n", encoding="utf-8")
    code, stdout, _ = run(capsys, "check", str(ws), "-q")
    assert code == 1
    assert stdout.splitlines() == [
        "zz\\nfake.yaml:2:1: error[L005] YAML 语法错误：did not find expected node content",
        f"zz.yaml:6:5: error[S002] 单位 dx: 未知字段「{'k' * 200}…（共 1000 字）」"]


def test_file_names_are_cut_by_bytes() -> None:
    name = safe_name("领" * 300, 100)
    assert name == "领" * 66 and len((name + ".v1.pdf").encode()) <= 255


@pytest.mark.parametrize(("body", "detail"), [
    ("{% for i in range(10**8) %}x{% endfor %}", "OverflowError"),
    ("{{ 'x' * 30000000 }}", "result too large"),
    ("{% for i in range(90000) %}{{ 'y' * 1000 }}{% endfor %}", "output over 20971520 characters"),
])
def test_templates_are_bounded(tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, detail: str) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True, **{"templates/pledge.html": body})
    code, _, err = run(capsys, "pledges", str(ws), "--out", str(tmp_path / "out"), "--leader", "wjg")
    assert code == 1 and err == f"模板 pledge.html 出错：{detail}\n"


def test_an_archive_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    (ws / "廉政档案").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "assess", str(ws), "--no-pdf", "-q")
    assert code == 1 and err == f"廉政档案 {ws / '廉政档案'} 无法读取：不是文件夹；未改动该文件\n"

