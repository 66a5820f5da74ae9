"""`lzzr init`: skeletons, carrying a year over, never overwriting."""

from __future__ import annotations

from pathlib import Path

import pytest

from lzzr.lock import LOCK_FILE
from lzzr.workspace.load import load_workspace

from .helpers import MINI, mini_workspace, run


def test_skeleton_is_a_clean_commented_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "ws2027"
    code, out, _ = run(capsys, "init", str(target), "--year", "2027")
    assert code == 0 and "2027" in out
    assert sorted(p.name for p in target.iterdir() if p.name != LOCK_FILE) == [
        "leaders.yaml", "lzzr.yaml", "plan.yaml", "scheme.yaml", "tasks.yaml", "teams.yaml", "units.yaml",
        "upper.yaml"]
    assert "# 单位" in (target / "units.yaml").read_text(encoding="utf-8")
    ws, problems = load_workspace(target)
    assert problems == [] and ws.config is not None and ws.config.year == 2027


def test_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "ws"
    target.mkdir()
    (target / "tasks.yaml").write_text("任务:\n", encoding="utf-8")
    code, _, err = run(capsys, "init", str(target))
    assert code == 1
    assert err == "拒绝覆盖已有文件：tasks.yaml\n"
    assert sorted(p.name for p in target.iterdir() if p.name != LOCK_FILE) == ["tasks.yaml"]


def test_from_previous_carries_people_not_tasks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    teams = MINI["teams.yaml"] + "      - {领导: wjg, 职务: 副旗长, 分管: [czj], 止: 2026-06-30}\n"
    old = mini_workspace(tmp_path / "2026", teams_yaml="# 班子分工\n" + teams)
    new = tmp_path / "2027"
    code, _, _ = run(capsys, "init", str(new), "--from", str(old))
    assert code == 0
    assert sorted(p.name for p in new.iterdir() if p.name != LOCK_FILE) == ["leaders.yaml", "lzzr.yaml", "teams.yaml", "units.yaml"]
    assert "# 班子分工" in (new / "teams.yaml").read_text(encoding="utf-8")  # comments kept
    ws, problems = load_workspace(new)
    assert problems == []
    assert ws.config is not None and ws.config.year == 2027
    assert len(ws.teams["qzf"].members) == 1  # the post that ended in 2026 is gone
    assert ws.tasks == {} and ws.uptasks == {}


def test_from_the_sample_carries_the_scheme_not_the_issue_numbers(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from .helpers import SAMPLE

    new = tmp_path / "2027"
    assert run(capsys, "init", str(new), "--from", str(SAMPLE))[0] == 0
    assert sorted(p.name for p in new.iterdir() if p.name != LOCK_FILE) == [
        "leaders.yaml", "letters.yaml", "lzzr.yaml", "scheme.yaml", "teams.yaml", "units.yaml"]
    ws, problems = load_workspace(new)
    assert problems == [] and ws.config is not None
    assert ws.config.issuing.plan is None and ws.singleton("scheme") is not None
    assert not any(p.leader == "djp" for t in ws.teams.values() for p in t.members)  # left 2026-06-30


def test_from_a_broken_workspace_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old = mini_workspace(tmp_path / "old", units_yaml="单位:\n  qw: {名称: x}\n")
    code, _, err = run(capsys, "init", str(tmp_path / "new"), "--from", str(old))
    assert code == 1 and "lzzr check" in err
    assert not (tmp_path / "new").exists()


def test_from_renames_the_schemes_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .helpers import SAMPLE

    new = tmp_path / "2027"
    assert run(capsys, "init", str(new), "--from", str(SAMPLE))[0] == 0
    ws, _ = load_workspace(new)
    assert ws.singleton("scheme").name == "示例旗2027年度党风廉政建设责任制考核细则"


def test_skeleton_speaks_the_countys_words(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "init", str(tmp_path / "q"), "--name", "示例旗", "--year", "2027", "-q") == (0, "", "")
    assert run(capsys, "init", str(tmp_path / "x"), "--kind", "县", "--year", "2027", "-q") == (0, "", "")
    qi = (tmp_path / "q" / "units.yaml").read_text(encoding="utf-8")
    xian = (tmp_path / "x" / "units.yaml").read_text(encoding="utf-8")
    assert "qw:  {名称: 中共示例旗委员会, 简称: 旗委, 类别: 党委}" in qi and "类别: 苏木镇" in qi
    assert "xw:  {名称: 中共某某县委员会, 简称: 县委, 类别: 党委}" in xian and "类别: 乡镇" in xian
    data = [line for line in xian.splitlines() if not line.startswith("# 类别")]  # the list of all categories
    assert not [line for line in data if "苏木" in line or "旗" in line]
    scheme = (tmp_path / "x" / "scheme.yaml").read_text(encoding="utf-8")
    assert "名称: 某某县2027年度党风廉政建设责任制考核细则" in scheme and "旗" not in scheme
