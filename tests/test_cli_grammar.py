"""One CLI grammar (issue 13, items 6–10): the workspace named one way everywhere, usage
errors exit 2, JSON where output is data, completion, Click's words in Chinese, display
commands that write nothing."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from .helpers import MINI, SAMPLE, build_tree, copy_sample, run


@pytest.mark.parametrize("command", ["check", "decompose", "letters", "pledges", "assess"])
def test_workspace_by_position_by_option_or_current_folder(command: str, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A broken workspace named three ways gives the same refusal (the same problem lines)."""
    ws = build_tree(tmp_path / "ws", {**MINI, "tasks.yaml": "任务:\n  T01: {名称: 任务, 牵头部门: nope}\n"})
    out = [] if command == "check" else ["--out", str(tmp_path / "out")]
    by_position = run(capsys, command, str(ws), *out)
    by_option = run(capsys, command, "-w", str(ws), *out)
    monkeypatch.chdir(ws)
    here = run(capsys, command, *out)
    assert by_position[0] == by_option[0] == here[0] == 1
    assert by_position[1:] == by_option[1:] == here[1:]
    problems = by_position[1] if command == "check" else by_position[2]  # check's data; elsewhere stderr
    assert "tasks.yaml:2:" in problems


def test_two_different_workspaces_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", str(SAMPLE), "-w", str(tmp_path))
    assert code == 2
    assert err == f"工作区只能指定一个：参数 {SAMPLE} 与 -w {tmp_path} 不同\n"


@pytest.mark.parametrize("args", [["sign", "2026-xjz-jwd", "--by", "gzy", "--date", "2026-03-20"],
                                  ["verify", "x.pdf"], ["letters", "--status"]])
def test_no_workspace_here_is_said_as_such(args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, *args)
    if args[0] == "letters":  # a checking command reports the missing file as a located problem
        assert code == 1 and err.startswith("lzzr.yaml: error[L011] 缺少配置文件 lzzr.yaml")
        return
    assert code == 2
    assert err == ("这里没有工作区：. 中没有 lzzr.yaml（在工作区文件夹中运行，或用 -w 指定；"
                   "新建：lzzr init 文件夹）\n")


@pytest.mark.parametrize("args", [["decompose", str(SAMPLE), "-f", "csv"], ["schema", "--kind", "bogus"],
                                  ["letters", str(SAMPLE), "--pdf-variant", "pdf/x"], ["chek"]])
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *args)
    assert code == 2 and out == "" and err


def test_click_words_are_translated(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "chek")[2] == "用法错误：没有命令 'chek'。是否指 'check', 'schema'？（lzzr --help 查看用法）\n"
    assert run(capsys, "schema", "--kind", "bogus")[2] == (
        "用法错误：'--kind' 的值 'bogus' 无效，可选：'all', 'config', 'data'。（lzzr --help 查看用法）\n")
    assert run(capsys, "sign")[2] == "用法错误：缺少参数 'letter'。（lzzr --help 查看用法）\n"
    assert run(capsys, "check", "--fo")[2] == "用法错误：没有选项 --fo。是否指 --format？（lzzr --help 查看用法）\n"
    assert run(capsys, "--lang", "en", "chek")[2] == (
        "usage error: No such command 'chek'. Did you mean 'check', 'schema'? (see lzzr --help)\n")


def test_flags_show_no_value_and_defaults_once(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "letters", "--help")
    text = capsys.readouterr().out
    code = run(capsys, "letters", "--help")[0]
    assert code == 0
    assert "<bool>" not in text
    assert "[默认: 0]" not in text  # --jobs says its default in words: （默认：CPU 核数）


def test_shell_completion(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(capsys, "--show-completion", "bash")
    assert code == 0 and "_lzzr_completion" in out
    monkeypatch.setenv("_LZZR_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "lzzr ch")
    monkeypatch.setenv("COMP_CWORD", "1")
    code, out, _ = run(capsys)
    assert code == 0 and out.split() == ["check"]


def test_json_on_sign_doctor_init(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lzzr.clock.today", lambda: dt.date(2026, 3, 15))  # letters issued on the 15th
    code, out, _ = run(capsys, "init", str(tmp_path / "new"), "--year", "2027", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["year"] == 2027 and "lzzr.yaml" in data["files"]
    code, out, _ = run(capsys, "doctor", "--format", "json")
    data = json.loads(out)
    assert {"ok", "roles", "packages", "apt"} <= set(data) and data["roles"][0]["role"] == "fangsong"
    ws = copy_sample(tmp_path / "ws")
    assert run(capsys, "letters", str(ws), "--unit", "xjz", "--kind", "lower", "--out", str(tmp_path / "o"),
               "--quiet")[0] == 0
    monkeypatch.setattr("lzzr.clock.today", lambda: dt.date(2026, 3, 25))
    code, out, _ = run(capsys, "sign", "2026-xjz-jwd", "--by", "gzy", "--date", "2026-03-20", "-w", str(ws),
                       "--format", "json")
    assert code == 0
    assert json.loads(out) == {"ok": True, "document": "2026-xjz-jwd", "signer": "高振宇", "date": "2026-03-20"}


def test_a_view_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "out"
    for fmt in ("text", "json", "csv"):
        code, out, err = run(capsys, "decompose", str(SAMPLE), "--by", "unit", "-f", fmt, "--out", str(out_dir))
        assert code == 0 and out and err == ""
    assert not out_dir.exists()


@pytest.mark.parametrize("command", ["check", "decompose", "letters", "pledges", "sign", "verify", "doctor",
                                     "assess", "init", "rules", "schema"])
def test_no_help_text_is_cut_off(command: str, capsys: pytest.CaptureFixture[str],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and "…" not in out and "<bool>" not in out
