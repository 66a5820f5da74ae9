"""A broken record is reported once, at its cause: the records that depend on it do not add
errors of their own (issue 13, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import copy_sample, run


def test_a_broken_team_gives_no_knock_on_errors_in_polls_and_ratings(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    teams = (ws / "teams.yaml").read_text(encoding="utf-8")
    teams = teams.replace("      - {领导: byh, 职务: 阿拉坦苏木党委书记, 角色: 正职}\n", "", 1)
    (ws / "teams.yaml").write_text(teams, encoding="utf-8")
    code, out, _ = run(capsys, "check", str(ws), "--quiet")
    assert code == 1
    assert out == "teams.yaml:139:8: error[S003] 班子 altsm: 「成员」应为列表，实为空值\n"


def test_a_team_without_principal_is_reported_by_p1_not_by_its_poll(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    teams = (ws / "teams.yaml").read_text(encoding="utf-8")
    teams = teams.replace("      - {领导: byh, 职务: 阿拉坦苏木党委书记, 角色: 正职}\n",
                          "      - {领导: byh, 职务: 阿拉坦苏木党委副书记}\n", 1)
    (ws / "teams.yaml").write_text(teams, encoding="utf-8")
    out = run(capsys, "check", str(ws), "--quiet")[1]
    assert "error[P1.1] 班子 altsm" in out
    assert "MC-altsm-zz" not in out  # the principal's poll: the cause is the missing principal
