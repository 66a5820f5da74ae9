"""The glyph check before every rendering command (G001 refuses), and `lzzr check` warning on
names that no face, or only a fallback face, can print."""

from __future__ import annotations

from pathlib import Path

import pytest

from lzzr.render.glyphs import coverage
from tests.helpers import copy_sample, run

RARE = "\U0002a6a5"  # a CJK Extension B character that no installed face has
FACES = ("FandolFang", "Noto Serif CJK SC", "Noto Sans CJK SC", "FandolKai")


@pytest.fixture()
def rare_ws(tmp_path: Path) -> Path:
    if ord(RARE) in coverage(FACES):
        pytest.skip("the installed fonts cover the test character")
    ws = copy_sample(tmp_path / "ws")
    leaders = (ws / "leaders.yaml").read_text(encoding="utf-8").replace("姜卫东", f"姜卫{RARE}")
    (ws / "leaders.yaml").write_text(leaders, encoding="utf-8")
    return ws


def g001(line: str) -> bool:
    return line.startswith("leaders.yaml:") and "[G001] 领导 jwd: 字符 " in line and "U+2A6A5" in line


def test_decompose_refuses_a_character_no_font_has(rare_ws: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run(capsys, "decompose", str(rare_ws), "--out", str(out))
    assert code == 1
    assert [line for line in (stdout + stderr).splitlines() if "G001" in line and g001(line)]
    assert "error[G001]" in stdout + stderr
    assert not (out / "2026-责任分解方案.pdf").exists()


def test_assess_refuses_it_before_the_report(rare_ws: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = run(capsys, "assess", str(rare_ws), "--out", str(out), "--no-archive")
    assert code == 1
    assert any(g001(line) and "error[G001]" in line for line in (stdout + stderr).splitlines())
    assert not (out / "2026-责任制考核报告.pdf").exists()


def test_check_warns_and_passes(rare_ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(capsys, "check", str(rare_ws))
    assert code == 0
    assert any(g001(line) and "warning[G001]" in line for line in stdout.splitlines())


def test_check_warns_on_a_name_only_a_fallback_face_prints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    body, fallback = coverage(("FandolFang",)), coverage(FACES)
    found = [ch for ch in "喆堃昇燊犇淼翀珺玥曌赟" if ord(ch) in fallback and ord(ch) not in body]
    if not body or not found:
        pytest.skip("no test character that only the fallback faces have")
    ws = copy_sample(tmp_path / "ws")
    leaders = (ws / "leaders.yaml").read_text(encoding="utf-8").replace("姜卫东", f"姜卫{found[0]}")
    (ws / "leaders.yaml").write_text(leaders, encoding="utf-8")
    code, stdout, _ = run(capsys, "check", str(ws))
    assert code == 0
    line = next(line for line in stdout.splitlines() if "G002" in line)
    assert line.startswith("leaders.yaml:") and "warning[G002] 领导 jwd: 字符 " in line and "FandolFang" in line
