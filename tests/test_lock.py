"""The workspace lock: runs at once never lose an update; a run that cannot get the lock in
time exits 5 (LOCKED) and names the holder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lzzr.errors import ExitCode
from lzzr.lock import LOCK_FILE, workspace_lock

from .helpers import mini_workspace, run

REGISTER = "lzzr-register.json"


def _lzzr(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "LZZR_LANG": "zh"}
    return subprocess.Popen([sys.executable, "-m", "lzzr", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _finish(*procs: subprocess.Popen[str]) -> list[tuple[int, str, str]]:
    done = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        done.append((proc.returncode, out, err))
    return done


def _letters_register(ws: Path, count: int) -> list[str]:
    """A register of `count` issued letters between two leaders (no PDFs needed to sign)."""
    parties = [{"leader": "wjg", "name": "王建国", "post": "旗委书记", "unit": "qw"},
               {"leader": "lzq", "name": "李志强", "post": "旗长", "unit": "qzf"}]
    ids = [f"2026-t{i}" for i in range(count)]
    docs = {i: {"kind": "letter-member", "year": 2026, "parties": parties, "units": [], "tasks": [],
                "file": f"out/{i}.pdf", "key": "k", "pades": False, "pdf_sha256": "0" * 64,
                "issued": "2026-02-20", "signatures": []} for i in ids}
    (ws / REGISTER).write_text(json.dumps({"version": 1, "documents": docs}), encoding="utf-8")
    return ids


def _signatures(ws: Path) -> dict[str, list[str]]:
    docs = json.loads((ws / REGISTER).read_text(encoding="utf-8"))["documents"]
    return {i: sorted(s["leader"] for s in d["signatures"]) for i, d in docs.items()}


@pytest.mark.parametrize("round_", range(5))
def test_two_signs_at_once_lose_nothing(tmp_path: Path, round_: int) -> None:
    ws = mini_workspace(tmp_path / "ws")
    first, second = _letters_register(ws, 2)
    done = _finish(_lzzr("sign", first, "--by", "wjg", "--date", "2026-03-01", "-w", str(ws)),
                   _lzzr("sign", second, "--by", "lzq", "--date", "2026-03-01", "-w", str(ws)))
    assert [code for code, _, _ in done] == [0, 0], done
    assert _signatures(ws) == {first: ["wjg"], second: ["lzq"]}


@pytest.mark.parametrize("round_", range(2))
def test_letters_of_two_kinds_at_once_are_all_registered(tmp_path: Path, round_: int) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True)
    out = str(tmp_path / "out")
    done = _finish(_lzzr("letters", str(ws), "--kind", "lower", "--out", out, "-q", "--jobs", "1"),
                   _lzzr("letters", str(ws), "--kind", "member", "--out", out, "-q", "--jobs", "1"))
    assert [code for code, _, _ in done] == [0, 0], done
    assert sorted(_signatures(ws)) == ["2026-czj-sl", "2026-qw-lzq", "2026-qw-zhm"]


def test_a_held_lock_names_its_holder_and_exits_5(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = mini_workspace(tmp_path / "ws")
    (letter,) = _letters_register(ws, 1)
    with workspace_lock(ws, "letters"):
        holder = json.loads((ws / LOCK_FILE).read_text(encoding="utf-8"))
        code, _, err = run(capsys, "sign", letter, "--by", "wjg", "--date", "2026-03-01", "-w", str(ws),
                           "--wait", "0.2")
    assert code == ExitCode.LOCKED == 5
    assert err == (f"工作区 {ws} 正被另一个 lzzr 进程使用（进程号 {os.getpid()}，命令 letters，开始于 "
                   f"{holder['started']}），等待 0.2 秒后仍未结束；请稍后再试，或用 --wait 延长等待\n")
    assert _signatures(ws) == {letter: []}
    code, _, _ = run(capsys, "sign", letter, "--by", "wjg", "--date", "2026-03-01", "-w", str(ws))
    assert code == 0 and _signatures(ws) == {letter: ["wjg"]}


def test_a_killed_holder_leaves_no_stale_lock(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The kernel drops a flock when its process dies, even by kill -9."""
    ws = mini_workspace(tmp_path / "ws")
    (letter,) = _letters_register(ws, 1)
    probe = ("import sys, time\nfrom pathlib import Path\nfrom lzzr.lock import workspace_lock\n"
             f"with workspace_lock(Path({str(ws)!r}), 'assess'):\n    print('held', flush=True)\n    time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", probe], stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    code, _, err = run(capsys, "sign", letter, "--by", "wjg", "--date", "2026-03-01", "-w", str(ws), "--wait", "0")
    assert code == 5 and f"进程号 {holder.pid}，命令 assess" in err
    holder.kill()
    holder.wait()
    code, _, _ = run(capsys, "sign", letter, "--by", "wjg", "--date", "2026-03-01", "-w", str(ws), "--wait", "5")
    assert code == 0


def test_english_message_and_bad_wait(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    ws = mini_workspace(tmp_path / "ws")
    (letter,) = _letters_register(ws, 1)
    with workspace_lock(ws, "pledges"):
        code, _, err = run(capsys, "--lang", "en", "sign", letter, "--by", "wjg", "--date", "2026-03-01",
                           "-w", str(ws), "--wait", "0")
    assert code == 5 and err.startswith(f"workspace {ws} is in use by another lzzr run (pid {os.getpid()}, "
                                         "command pledges, started ")
    monkeypatch.setenv("LZZR_LOCK_WAIT", "soon")
    code, _, err = run(capsys, "sign", letter, "--by", "wjg", "--date", "2026-03-01", "-w", str(ws))
    assert code == 1 and err == "环境变量 LZZR_LOCK_WAIT 的值 'soon' 不是秒数\n"
