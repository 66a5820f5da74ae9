"""Every command that writes holds the workspace lock, wherever its --out points; what prints
only takes none. The wait comes from --wait, else $LZZR_LOCK_WAIT, else lzzr.yaml's 锁等待秒数,
else 30 s."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lzzr.cli.locking import lock_wait
from lzzr.errors import ExitCode
from lzzr.lock import LOCK_FILE, workspace_lock

from .helpers import MINI_CLEAN, mini_workspace, run

WRITERS = [
    ("status", ["status", "{ws}", "-f", "xlsx", "--out", "{out}"]),
    ("status", ["status", "{ws}", "--html", "{out}"]),
    ("calendar", ["calendar", "{ws}", "--out", "{out}"]),
    ("report progress", ["report", "progress", "{ws}", "--out", "{out}"]),
    ("forms", ["forms", "{ws}", "--out", "{out}"]),
    ("dossier", ["dossier", "wjg", "{ws}", "--out", "{out}"]),
    ("opinion", ["opinion", "wjg", "{ws}", "--out", "{out}"]),
    ("report duty", ["report", "duty", "wjg", "{ws}", "--out", "{out}", "--no-pdf"]),
]


def _held(ws: Path, wait: str) -> str:
    started = json.loads((ws / LOCK_FILE).read_text(encoding="utf-8"))["started"]
    return (f"工作区 {ws} 正被另一个 lzzr 进程使用（进程号 {os.getpid()}，命令 letters，开始于 {started}），"
            f"等待 {wait} 秒后仍未结束；请稍后再试，或用 --wait 延长等待\n")


@pytest.mark.parametrize(("command", "args"), WRITERS, ids=[" ".join(a[:2]) for _, a in WRITERS])
def test_a_writer_waits_for_the_lock_even_when_writing_outside(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                                command: str, args: list[str]) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True).resolve()
    out = tmp_path / "elsewhere"  # outside the workspace: the workspace is still what is locked
    with workspace_lock(ws, "letters"):
        code, stdout, err = run(capsys, *(a.format(ws=ws, out=out) for a in args), "--wait", "0")
        assert (code, stdout, err) == (ExitCode.LOCKED, "", _held(ws, "0"))
    assert not out.exists()


@pytest.mark.parametrize(("args", "exit_code"), [
    (["status", "{ws}", "--on", "2026-03-01", "--wait", "0"], ExitCode.OK),
    (["status", "{ws}", "-f", "json", "--on", "2026-03-01"], ExitCode.OK),
    (["remind", "{ws}", "--on", "2026-03-01"], ExitCode.OVERDUE),  # 签订责任书 … not reported: overdue is data
    (["dossier", "wjg", "{ws}", "--no-pdf", "-f", "json", "--wait", "0"], ExitCode.OK)])
def test_what_only_prints_takes_no_lock(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str],
                                        exit_code: ExitCode) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True)
    with workspace_lock(ws, "letters"):
        code, stdout, err = run(capsys, *(a.format(ws=ws) for a in args))
    assert (code, err) == (exit_code, "") and stdout


def test_the_lock_is_released_after_a_writer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True)
    out = tmp_path / "out"
    assert run(capsys, "calendar", str(ws), "--out", str(out), "--wait", "0")[0] == 0
    code, _, err = run(capsys, "forms", str(ws), "--out", str(out), "--wait", "0", "-q")
    assert (code, err) == (0, "")
    assert sorted(p.suffix for p in out.iterdir()) == [".ics", *[".xlsx"] * (len(list(out.iterdir())) - 1)]


def _config(wait: str) -> str:
    return MINI_CLEAN["lzzr.yaml"] + f"锁等待秒数: {wait}\n"


def test_the_wait_from_flag_env_config_default(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True, lzzr_yaml=_config("0.3")).resolve()
    plain = mini_workspace(tmp_path / "plain", clean=True)
    monkeypatch.delenv("LZZR_LOCK_WAIT", raising=False)
    assert (lock_wait(None, plain), lock_wait(None, ws), lock_wait(2, ws)) == (30.0, 0.3, 2.0)
    calendar = ["calendar", str(ws), "--out", str(tmp_path / "out")]
    with workspace_lock(ws, "letters"):
        assert run(capsys, *calendar) == (ExitCode.LOCKED, "", _held(ws, "0.3"))  # lzzr.yaml
        monkeypatch.setenv("LZZR_LOCK_WAIT", "0.2")
        assert run(capsys, *calendar) == (ExitCode.LOCKED, "", _held(ws, "0.2"))  # env over lzzr.yaml
        assert run(capsys, *calendar, "--wait", "0.1") == (ExitCode.LOCKED, "", _held(ws, "0.1"))  # flag first


@pytest.mark.parametrize(("value", "shown", "col"), [("很久", "很久", 8), ("-1", "-1", 8), ("100000", "100000", 8),
                                                      ("true", "True", 8), ("[1]", "[1]", 8)])
def test_a_bad_wait_in_lzzr_yaml_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch, value: str, shown: str, col: int) -> None:
    monkeypatch.delenv("LZZR_LOCK_WAIT", raising=False)
    ws = mini_workspace(tmp_path / "ws", clean=True, lzzr_yaml=_config(value))
    code, _, err = run(capsys, "calendar", str(ws), "--out", str(tmp_path / "out"))
    assert (code, err) == (1, f"lzzr.yaml:5:{col}: 锁等待秒数 的值 '{shown}' 不是 0 到 86400 之间的秒数\n")
    code, _, err = run(capsys, "--lang", "en", "calendar", str(ws), "--out", str(tmp_path / "out"))
    assert err == f"lzzr.yaml:5:{col}: 锁等待秒数 '{shown}' is not a number of seconds from 0 to 86400\n"
    code, stdout, _ = run(capsys, "check", str(ws), "-q", "--no-cache")
    assert code == 1 and stdout.startswith(f"lzzr.yaml:5:{col}: error[")
