"""A control character past the part of a file that is sniffed for binary content is a located
problem, not an internal error, and the file's unreadable records cause no knock-on lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import copy_sample, run


def test_a_nul_byte_past_64_kib_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    raw = (ws / "tasks.yaml").read_bytes()
    assert len(raw) > 70_000
    cut = raw.index(b"\n", 70_000) + 1
    (ws / "tasks.yaml").write_bytes(raw[:cut] + b"# \x00\n" + raw[cut:])
    line = raw[:cut].count(b"\n") + 1
    code, out, err = run(capsys, "check", str(ws), "--quiet")
    assert (code, err) == (1, "")
    assert out == (f"tasks.yaml:{line}:3: error[L017] 此处有控制字符 U+0000，YAML 不允许；"
                   "请删除它（常见于文件损坏，或从别处粘贴时带入）\n")
