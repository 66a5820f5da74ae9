"""A signed letter is never silently replaced or dropped; `sign` checks what it records."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from lzzr.fsutil import sha256_file

from .helpers import MINI_CLEAN, mini_workspace, run

LETTER = "2026-qw-lzq"  # 王建国 (wjg) with 李志强 (lzq), a member of the qw team


def _today(monkeypatch: pytest.MonkeyPatch, day: str) -> None:
    monkeypatch.setattr("lzzr.clock.today", lambda: dt.date.fromisoformat(day))


def _register(ws: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return json.loads((ws / "lzzr-register.json").read_text(encoding="utf-8"))["documents"]  # type: ignore[no-any-return]


def test_a_signed_letter_is_frozen_until_reissued(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ws, out = mini_workspace(tmp_path / "ws", clean=True), tmp_path / "out"
    _today(monkeypatch, "2026-03-15")
    assert run(capsys, "letters", str(ws), "--out", str(out), "-q")[0] == 0
    pdf = Path(_register(ws)[LETTER]["file"])
    signed_sha = sha256_file(pdf)
    _today(monkeypatch, "2026-03-20")
    assert run(capsys, "sign", LETTER, "--by", "wjg", "--date", "2026-03-18", "-w", str(ws))[0] == 0
    teams = MINI_CLEAN["teams.yaml"].replace("职务: 旗委副书记、旗长", "职务: 旗委副书记、代旗长")
    (ws / "teams.yaml").write_text(teams, encoding="utf-8")
    code, _, err = run(capsys, "letters", str(ws), "--out", str(out), "-q")
    assert code == 1
    assert err == (f"1 份已签的文件内容有变，未重新生成（已签版本保持不变）：{LETTER}；确需重新印发时，"
                   "用 --reissue 编号（旧版本及其签字留在登记簿中，标为已被取代）\n")
    assert sha256_file(pdf) == signed_sha and _register(ws)[LETTER]["signatures"][0]["leader"] == "wjg"

    _today(monkeypatch, "2026-04-01")
    assert run(capsys, "letters", str(ws), "--out", str(out), "-q", "--reissue", LETTER)[0] == 0
    entry = _register(ws)[LETTER]
    (old,) = entry["history"]
    assert (entry["version"], entry["issued"], entry["signatures"]) == (2, "2026-04-01", [])
    assert (old["version"], old["status"], old["superseded"], old["pdf_sha256"]) == (1, "superseded", "2026-04-01",
                                                                                     signed_sha)
    assert [s["leader"] for s in old["signatures"]] == ["wjg"]
    kept = pdf.with_name(f"{pdf.stem}.v1.pdf")
    assert sha256_file(kept) == signed_sha and old["file"] == str(kept)
    code, stdout, _ = run(capsys, "verify", str(kept), str(pdf), "-w", str(ws))
    assert code == 1 and stdout.splitlines() == [
        f"{kept}: 登记在册的 {LETTER} 第 1 版（2026-03-15 印发），已被第 2 版（2026-04-01 印发）取代",
        f"{pdf}: 登记在册的原件，完好（{LETTER}）"]


def test_reissue_must_name_a_document_of_the_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True)
    code, _, err = run(capsys, "letters", str(ws), "--out", str(tmp_path / "out"), "--reissue", "2026-xx")
    assert code == 2 and err == "--reissue 指定的 2026-xx 不在本次生成的文件中\n"


@pytest.fixture
def registered(tmp_path: Path) -> Path:
    """A workspace whose register holds LETTER, issued 2026-03-15 (no PDF needed to sign);
    lzq holds the qw post from 2026-03-10 to 2026-11-30; letters are due by 2026-03-31."""
    teams = MINI_CLEAN["teams.yaml"].replace(
        "{领导: lzq, 职务: 旗委副书记、旗长, 分管: [qzf]}", "{领导: lzq, 职务: 旗委副书记、旗长, 分管: [qzf], 起: 2026-03-10, 止: 2026-11-30}")
    ws = mini_workspace(tmp_path / "ws", clean=True, teams_yaml=teams,
                        plan_yaml=MINI_CLEAN["plan.yaml"].replace("  班子: qw\n", "  班子: qw\n  责任书签订时限: 2026-03-31\n"))
    parties = [{"leader": "wjg", "name": "王建国", "post": "旗委书记", "unit": "qw"},
               {"leader": "lzq", "name": "李志强", "post": "旗委副书记、旗长", "unit": "qw"}]
    (ws / "lzzr-register.json").write_text(json.dumps({"version": 1, "documents": {LETTER: {
        "kind": "letter-member", "year": 2026, "parties": parties, "file": str(tmp_path / "x.pdf"), "key": "k",
        "pades": False, "pdf_sha256": "0" * 64, "issued": "2026-03-15", "signatures": []}}}), encoding="utf-8")
    return ws


@pytest.mark.parametrize(("by", "day", "message"), [
    ("wjg", "2026-03-14", "签字日期 2026-03-14 早于 2026-qw-lzq 的印发日期 2026-03-15"),
    ("wjg", "0001-01-01", "签字日期 0001-01-01 早于 2026-qw-lzq 的印发日期 2026-03-15"),
    ("wjg", "2026-06-02", "签字日期 2026-06-02 晚于今天（2026-06-01）\n"
                          "警告：签字日期 2026-06-02 晚于责任书签订时限 2026-03-31"),
    ("lzq", "2026-12-01", "签字日期 2026-12-01 晚于今天（2026-06-01）\n"
                          "签字日期 2026-12-01 时 李志强 已不任 旗委副书记、旗长（2026-11-30 止）\n"
                          "警告：签字日期 2026-12-01 晚于责任书签订时限 2026-03-31"),
])
def test_sign_refuses_impossible_dates(registered: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch, by: str, day: str, message: str) -> None:
    _today(monkeypatch, "2026-06-01")
    code, stdout, err = run(capsys, "sign", LETTER, "--by", by, "--date", day, "-w", str(registered))
    count = message.count("\n") + 1 - message.count("警告")
    assert (code, stdout) == (1, "") and err == f"{message}\n未登记签字：{count} 个问题\n"
    assert _register(registered)[LETTER]["signatures"] == []


def test_sign_before_the_post_starts(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    ws = registered.__wrapped__(tmp_path)  # type: ignore[attr-defined]
    reg = _register(ws)
    reg[LETTER]["issued"] = "2026-03-01"
    (ws / "lzzr-register.json").write_text(json.dumps({"version": 1, "documents": reg}), encoding="utf-8")
    _today(monkeypatch, "2026-06-01")
    code, _, err = run(capsys, "sign", LETTER, "--by", "lzq", "--date", "2026-03-05", "-w", str(ws))
    assert code == 1 and err == ("签字日期 2026-03-05 时 李志强 尚未任 旗委副书记、旗长（2026-03-10 起任）\n"
                                 "未登记签字：1 个问题\n")


def test_a_second_signature_needs_correct(registered: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    _today(monkeypatch, "2026-06-01")
    sign = ("sign", LETTER, "--by", "李志强", "-w", str(registered), "--date")
    assert run(capsys, *sign, "2026-03-20") == (0, "已登记：2026-qw-lzq 由 李志强 于 2026-03-20 签字\n", "")
    code, _, err = run(capsys, *sign, "2026-03-21")
    assert code == 1 and err == ("李志强 已于 2026-03-20 签字；如需更正，加 --correct（原日期留在登记簿中）\n"
                                 "未登记签字：1 个问题\n")
    code, _, err = run(capsys, *sign, "2026-04-02", "--correct")
    assert code == 0 and err == "警告：签字日期 2026-04-02 晚于责任书签订时限 2026-03-31\n"
    (signature,) = _register(registered)[LETTER]["signatures"]
    assert (signature["date"], signature["corrects"]) == ("2026-04-02", ["2026-03-20"])


def test_sign_by_file_checks_its_content(registered: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    _today(monkeypatch, "2026-06-01")
    copy = tmp_path / "x.pdf"  # the registered file name, other content
    copy.write_bytes(b"%PDF-1.7\n%%EOF\n")
    code, _, err = run(capsys, "sign", str(copy), "--by", "wjg", "--date", "2026-03-20", "-w", str(registered))
    assert code == 1 and err == (f"{copy} 与登记的 {LETTER} 内容不一致（SHA-256 不同），不是印发的原件\n"
                                 "未登记签字：1 个问题\n")
