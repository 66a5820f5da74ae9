"""Letters and pledges: who signs with whom, what they bind, and the issued PDFs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from lzzr.documents.letters import letter_filename, plan_letters, safe_name
from lzzr.workspace.load import load_workspace

from .helpers import SAMPLE, copy_sample, run
from .pdfutil import needs_poppler, pdf_info, pdf_text

SIX = ["明令禁止的不正之风不制止", "重大案件", "选拔任用干部", "弄虚作假", "打击报复", "知情不管"]


@pytest.fixture(scope="module")
def sample_ws():  # type: ignore[no-untyped-def]
    ws, problems = load_workspace(SAMPLE)
    assert not [p for p in problems if p.severity.value == "error"]
    return ws


def test_who_signs_with_whom(sample_ws) -> None:  # type: ignore[no-untyped-def]
    letters = {s.id: s for s in plan_letters(sample_ws)}
    # the 旗委书记 with each other 常委; the 旗长 with each 副旗长 (both halves of the mid-year change)
    assert letters["2026-qw-lcy"].kind == "member" and letters["2026-qw-lcy"].a.name == "高振宇"
    assert letters["2026-qzf-djp"].a.name == "宝音达来" and letters["2026-qzf-clm"].date.isoformat() == "2026-07-01"
    # lower principals sign with the principal of the team above them
    assert letters["2026-czj-" + letters_b(letters, "czj")].a.post == "旗长"
    assert letters["2026-hdz-" + letters_b(letters, "hdz")].a.post == "旗委书记"
    # a 常委 who heads 组织部 signs one letter (as a member), which binds 组织部's tasks too
    assert not any(s.kind == "lower" and s.b.unit == "zzb" for s in letters.values())
    assert "zzb" in letters["2026-qw-glx"].units
    assert sorted({s.kind for s in letters.values()}) == ["lower", "member", "office", "supervision"]
    assert len(letters) == 51  # 46 of the lecture's two pairs; 3 监督责任书, 2 股室 letters (letters.yaml)


def letters_b(letters, unit: str) -> str:  # type: ignore[no-untyped-def]
    return next(s.b.leader for s in letters.values() if s.kind == "lower" and s.b.unit == unit)


def test_every_task_a_lower_unit_leads_is_bound(sample_ws) -> None:  # type: ignore[no-untyped-def]
    spec = next(s for s in plan_letters(sample_ws) if s.kind == "lower" and s.b.unit == "hdz")
    led = {tid for tid, t in sample_ws.tasks.items() if t.lead == "hdz"}
    bound = dict(spec.tasks)
    assert led and led <= set(bound) and {bound[t] for t in led} == {"牵头"}


def test_safe_name_cannot_leave_the_folder() -> None:
    assert safe_name("../../etc/passwd") == "_.._etc_passwd"
    assert "/" not in safe_name("a/b\\c:d") and safe_name("...") == "_"


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from lzzr.cli.app import main

    root = tmp_path_factory.mktemp("letters")
    ws = copy_sample(root / "ws")
    out = root / "out"
    assert main(["letters", str(ws), "--unit", "hdz", "--out", str(out), "-q", "--jobs", "2", "--combine"]) == 0
    return ws, out


@needs_poppler
def test_letter_pdfs_hold_parties_tasks_and_the_six_situations(issued: tuple[Path, Path], sample_ws) -> None:  # type: ignore[no-untyped-def]
    _, out = issued
    files = sorted(out.glob("2026-*-*责任书-*-*.pdf"))
    assert [f.name for f in files] == ["2026-hdz-fwj-责任书-高振宇-范文杰.pdf", "2026-qw-lcy-责任书-高振宇-刘春燕.pdf",
                                       "2026-supervision-hdz-lyh-监督责任书-孟庆华-刘永辉.pdf"]
    for f in files:
        text = "".join(pdf_text(f).split())
        doc_id = f.name.split("-责任书")[0].split("-监督责任书")[0]
        spec = next(s for s in plan_letters(sample_ws) if s.id == doc_id)
        assert spec.a.name in text and spec.b.name in text and spec.b.post in text
        assert all(tid in text for tid, _ in spec.tasks), doc_id
        assert all(words in text for words in SIX)
        assert f"责任书编号：{doc_id}" in text
        assert pdf_info(f)["Page size"].startswith("595.276 x 841.89")


@needs_poppler
def test_combined_pdf_has_every_page(issued: tuple[Path, Path], sample_ws) -> None:  # type: ignore[no-untyped-def]
    # Every page of every letter, and a blank page after each letter of an odd page count but
    # the last, so that each letter starts on a recto.
    _, out = issued
    specs = [s for s in plan_letters(sample_ws) if "hdz" in (s.a.unit, s.b.unit, *s.units)]
    counts = [int(pdf_info(out / letter_filename(s))["Pages"]) for s in specs]
    assert len(counts) == len(list(out.glob("2026-*-*责任书-*-*.pdf"))) == 3
    padded = sum(n + n % 2 for n in counts[:-1]) + counts[-1]
    assert int(pdf_info(out / "2026-责任书-合订.pdf")["Pages"]) == padded


def test_register_and_unchanged_rerun(issued: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    ws, out = issued
    register = json.loads((ws / "lzzr-register.json").read_text(encoding="utf-8"))["documents"]
    assert set(register) == {"2026-hdz-fwj", "2026-qw-lcy", "2026-supervision-hdz-lyh", "combined:2026-责任书-合订.pdf"}
    entry = register["2026-hdz-fwj"]
    # 党政同责: the 镇长 signs beside the 党委书记 (letters.yaml → 共同签订)
    assert entry["kind"] == "letter-lower" and [p["leader"] for p in entry["parties"]] == ["gzy", "fwj", "whl"]
    assert len(entry["pdf_sha256"]) == 64 and entry["signatures"] == []
    code, stdout, _ = run(capsys, "letters", str(ws), "--unit", "hdz", "--out", str(out), "-f", "json")
    data = json.loads(stdout)
    assert code == 0 and data["rendered"] == 0 and data["unchanged"] == 3


def test_verify_intact_altered_unknown(issued: tuple[Path, Path], tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    ws, out = issued
    original = out / "2026-hdz-fwj-责任书-高振宇-范文杰.pdf"
    copy = tmp_path / "copy.pdf"
    data = bytearray(original.read_bytes())
    data[len(data) // 2] ^= 0x01  # one byte
    copy.write_bytes(bytes(data))
    stranger = tmp_path / "other.pdf"
    stranger.write_bytes(b"%PDF-1.7\n%%EOF\n")
    code, stdout, _ = run(capsys, "verify", str(original), str(copy), str(stranger), "-w", str(ws))
    lines = stdout.splitlines()
    assert code == 1
    assert lines[0].endswith("登记在册的原件，完好（2026-hdz-fwj）")
    assert lines[1].endswith("与登记的 2026-hdz-fwj 不一致：生成后被改动过")
    assert lines[2].endswith("登记簿中没有这份文件")
    code, _, _ = run(capsys, "verify", str(original), "-w", str(ws))
    assert code == 0


def test_sign_and_status(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lzzr.clock.today", lambda: dt.date(2026, 3, 15))  # issued on the 15th
    ws = copy_sample(tmp_path / "ws")
    out = tmp_path / "out"
    assert run(capsys, "letters", str(ws), "--unit", "xjz", "--out", str(out), "-q")[0] == 0
    monkeypatch.setattr("lzzr.clock.today", lambda: dt.date(2026, 3, 25))
    code, stdout, _ = run(capsys, "sign", "2026-xjz-jwd", "--by", "gzy", "--date", "2026-03-20", "-w", str(ws))
    assert code == 0 and stdout == "已登记：2026-xjz-jwd 由 高振宇 于 2026-03-20 签字\n"
    code, _, err = run(capsys, "sign", "2026-xjz-jwd", "--by", "fwj", "--date", "2026-03-20", "-w", str(ws))
    assert code == 1 and err.startswith("fwj 不是这份责任书的签订方")
    code, stdout, _ = run(capsys, "letters", str(ws), "--unit", "xjz", "--status", "-f", "json")
    unsigned = {u["id"]: u for u in json.loads(stdout)["unsigned"]}
    assert unsigned["2026-xjz-jwd"]["missing"] == ["姜卫东"]
    run(capsys, "sign", "2026-xjz-jwd", "--by", "姜卫东", "--date", "2026年3月21日", "-w", str(ws))
    code, stdout, _ = run(capsys, "letters", str(ws), "--unit", "xjz", "--status", "-f", "json")
    rows = {r["unit"]: r for r in json.loads(stdout)["units"]}
    assert rows["xjz"]["rate"] == 1.0


def test_rare_character_fails_before_rendering(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from lzzr.render.glyphs import coverage

    rare = "\U0002a6a5"  # a CJK Extension B character that no installed face has
    if ord(rare) in coverage(("FandolFang", "Noto Serif CJK SC", "Noto Sans CJK SC", "FandolKai")):
        pytest.skip("the installed fonts cover the test character")
    ws = copy_sample(tmp_path / "ws")
    leaders = (ws / "leaders.yaml").read_text(encoding="utf-8").replace("姜卫东", f"姜卫{rare}")
    (ws / "leaders.yaml").write_text(leaders, encoding="utf-8")
    out = tmp_path / "out"
    code, _, stderr = run(capsys, "letters", str(ws), "--unit", "xjz", "--out", str(out))
    assert code == 1
    line = next(iter(stderr.splitlines()))
    assert line.startswith("leaders.yaml:") and "error[G001] 领导 jwd: 字符 " in line and "U+2A6A5" in line
    assert not out.exists()


@needs_poppler
def test_pledges_private_and_public(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    out = tmp_path / "out"
    assert run(capsys, "pledges", str(ws), "--leader", "gzy", "--out", str(out), "-q")[0] == 0
    assert run(capsys, "pledges", str(ws), "--leader", "gzy", "--public", "--out", str(out), "-q")[0] == 0
    private = "".join(pdf_text(out / "2026-承诺书-gzy-高振宇.pdf").split())
    public = "".join(pdf_text(out / "2026-承诺书-gzy-高振宇-公开.pdf").split())
    assert "廉洁自律承诺书" in private and "高振宇" in private and "配偶、子女和身边工作人员" in private
    assert "性别" in private and "承诺人（签字）" in private
    assert "性别" not in public and "承诺人：高振宇" in public


def test_unknown_filter_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "letters", str(SAMPLE), "--unit", "hdzz")
    assert code == 2 and err == "没有编号为 hdzz 的单位（hdz？）\n"
