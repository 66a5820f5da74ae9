"""The command line: exit codes, formats, languages, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lzzr.errors import ExitCode

from .helpers import MINI_CLEAN as MINI
from .helpers import mini_workspace, run


def test_clean_workspace_exits_0_with_summary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(mini_workspace(tmp_path, clean=True)))
    assert code == ExitCode.OK
    assert out == "检查完成：0 个错误，0 个警告（7 个文件；单位 4，领导 4，班子 4，上级任务 1，任务 3）\n"
    assert err == ""


def test_problems_exit_1_and_quiet_prints_only_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tasks = MINI["tasks.yaml"].replace("总负责人: zhm", "总负责人: nobody")
    code, out, _ = run(capsys, "check", "--quiet", str(mini_workspace(tmp_path, clean=True, tasks_yaml=tasks)))
    assert code == ExitCode.PROBLEMS
    assert out == "tasks.yaml:6:11: error[R001] 任务 T01: 总负责人 'nobody' 不存在\n"


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tasks = MINI["tasks.yaml"].replace("总负责人: zhm", "总负责人: nobody")
    code, out, _ = run(capsys, "check", "-f", "json", str(mini_workspace(tmp_path, clean=True, tasks_yaml=tasks)))
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert data["summary"]["errors"] == 1
    assert data["problems"] == [{
        "file": "tasks.yaml", "line": 6, "column": 11, "severity": "error", "code": "R001",
        "record": {"kind": "task", "id": "T01"}, "message": "任务 T01: 总负责人 'nobody' 不存在",
    }]


def test_strict_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = MINI["lzzr.yaml"] + "规则:\n  P9.9: 关闭\n"
    root = mini_workspace(tmp_path, clean=True, lzzr_yaml=config)
    code, out, _ = run(capsys, "check", str(root))
    assert code == ExitCode.OK
    assert out.startswith("lzzr.yaml:6:3: warning[C001] 配置: 规则设置中的 P9.9 不是已有规则")
    code, _, _ = run(capsys, "check", "--strict", str(root))
    assert code == ExitCode.PROBLEMS


def test_rule_switched_off_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    teams = MINI["teams.yaml"].replace("职务: 旗长, 角色: 正职", "职务: 旗长")
    config = MINI["lzzr.yaml"] + "规则:\n  P1.1: 关闭\n"
    code, out, _ = run(capsys, "check", str(mini_workspace(tmp_path, clean=True, teams_yaml=teams, lzzr_yaml=config)))
    assert code == ExitCode.OK
    assert out.splitlines()[0] == "规则设置：P1.1 → 关闭"


def test_rule_severity_can_be_lowered(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    teams = MINI["teams.yaml"].replace("职务: 旗长, 角色: 正职", "职务: 旗长")
    config = MINI["lzzr.yaml"] + "规则:\n  P1.1: 警告\n"
    code, out, _ = run(capsys, "check", str(mini_workspace(tmp_path, clean=True, teams_yaml=teams, lzzr_yaml=config)))
    assert code == ExitCode.OK
    assert out.splitlines()[0] == (
        "teams.yaml:7:3: warning[P1.1] 班子 qzf: 班子没有正职（一把手）；请在成员中标注“角色: 正职”"
    )


def test_missing_folder_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", str(tmp_path / "nope"))
    assert code == ExitCode.USAGE
    assert out == ""
    assert err == f"工作区不存在：{tmp_path / 'nope'}\n"


def test_unknown_option_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--bogus")
    assert code == ExitCode.USAGE
    assert err.startswith("用法错误：") and len(err.splitlines()) == 1


def test_english_by_flag_and_by_env(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "--lang", "en", "check", str(tmp_path / "nope"))
    assert (code, err) == (2, f"workspace not found: {tmp_path / 'nope'}\n")
    monkeypatch.setenv("LZZR_LANG", "en")
    code, _, err = run(capsys, "check", str(tmp_path / "nope"))
    assert err == f"workspace not found: {tmp_path / 'nope'}\n"


def test_help_is_chinese_by_default_and_english_on_request(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "党风廉政建设责任制工具" in out and "检查工作区" in out and "选项" in out
    monkeypatch.setenv("LZZR_LANG", "en")
    code, out, _ = run(capsys, "--help")
    assert "clean-governance responsibility system toolkit" in out and "check a workspace" in out
    assert "党风廉政" not in out


def test_internal_error_is_one_line_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(_root: Path, *_args: object) -> None:
        raise RuntimeError("kaputt")

    monkeypatch.setattr("lzzr.check.check_workspace", boom)
    code, out, err = run(capsys, "check", str(mini_workspace(tmp_path, clean=True)))
    assert code == ExitCode.INTERNAL
    assert err == "内部错误：RuntimeError: kaputt（加 --debug 重新运行可查看详细信息，并请报告此问题）\n"
    assert "Traceback" not in out + err


def test_rules_lists_and_explains(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == 0 and "P1.1\terror\t每个班子有且只有一名正职" in out
    code, out, _ = run(capsys, "rules", "P1.1")
    assert "一把手负总责" in out
    code, _, err = run(capsys, "rules", "P0")
    assert code == 1 and err.startswith("没有规则 P0")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("lzzr ")


@pytest.mark.parametrize("args", [[], ["report"]])
def test_no_arguments_print_the_help_and_no_error_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    """`lzzr` alone shows its help (exit 2, a usage); it printed an empty usage error after it."""
    from lzzr.cli.app import main

    code = main(args)
    out = capsys.readouterr()
    assert code == ExitCode.USAGE
    assert "lzzr" in out.out and "COMMAND" in out.out
    assert out.err == ""
