"""A frozen (signed) document goes into the --combine volume as signed: its registered PDF page
for page, not a rendering of the changed data; when the signed file is gone it is left out and
named, never replaced by an unsigned rendering."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from .helpers import MINI_CLEAN, mini_workspace, run

LETTER = "2026-qw-lzq"
VOLUME = "2026-责任书-合订.pdf"
FROZEN = (f"1 份已签的文件内容有变，未重新生成（已签版本保持不变）：{LETTER}；确需重新印发时，"
          "用 --reissue 编号（旧版本及其签字留在登记簿中，标为已被取代）\n")


def _texts(pdf: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf).pages]


def _register(ws: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    return json.loads((ws / "lzzr-register.json").read_text(encoding="utf-8"))["documents"]  # type: ignore[no-any-return]


def _recto(pages: list[list[str]]) -> list[str]:
    """The pages of documents bound one after another, each starting on a right-hand page."""
    bound: list[str] = []
    for doc in pages:
        bound += [""] * (len(bound) % 2) + doc
    return bound


def test_the_volume_holds_the_signed_version(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lzzr.clock.today", lambda: dt.date(2026, 3, 15))
    ws, out = mini_workspace(tmp_path / "ws", clean=True), tmp_path / "out"
    args = ["letters", str(ws), "--out", str(out), "-q", "--jobs", "1", "--combine"]
    code, stdout, _ = run(capsys, *args, "-f", "json")
    order = [d["id"] for d in json.loads(stdout)["documents"]]
    assert code == 0 and len(order) == 3 and LETTER in order
    first = _texts(out / VOLUME)
    signed = Path(_register(ws)[LETTER]["file"])
    signed_pages = _texts(signed)
    assert run(capsys, "sign", LETTER, "--by", "wjg", "--date", "2026-03-15", "-w", str(ws))[0] == 0
    teams = MINI_CLEAN["teams.yaml"].replace("职务: 旗委副书记、旗长", "职务: 旗委副书记、代旗长").replace(
        "{领导: sl, 职务: 局长", "{领导: sl, 职务: 局长、党组书记")  # the signed letter changes, and 孙立's
    (ws / "teams.yaml").write_text(teams, encoding="utf-8")

    assert run(capsys, *args) == (1, "", FROZEN)
    docs = _register(ws)
    files = [Path(docs[i]["file"]) for i in order]
    volume = _texts(out / VOLUME)
    assert volume == _recto([_texts(f) for f in files])  # the letter as signed, the others as now
    joined = "".join(volume)
    assert volume != first and "代旗长" not in joined and "局长、党组书记" in joined
    assert "代旗长" not in "".join(_texts(signed)) and _texts(signed) == signed_pages
    assert docs[f"combined:{VOLUME}"]["pdf_sha256"] != "0" * 64

    signed.unlink()  # the signed paper's file is lost: it is named, not replaced
    code, _, err = run(capsys, *args)
    assert code == 1 and err == FROZEN + (
        f"合订本未收入 1 份已签的文件：{LETTER}（已签的 PDF 文件不在，或已不是登记的那一份；请从备份恢复后重新合订）\n")
    assert _texts(out / VOLUME) == _recto([_texts(f) for f in files if f != signed])


def _pdf(path: Path, pages: int) -> Path:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def test_binding_starts_each_document_on_a_right_hand_page(tmp_path: Path) -> None:
    from lzzr.documents.register import Register
    from lzzr.documents.volume import bind_volume
    from lzzr.fsutil import sha256_file

    one, three, signed = _pdf(tmp_path / "a.pdf", 1), _pdf(tmp_path / "b.pdf", 3), _pdf(tmp_path / "c.pdf", 2)
    register = Register(tmp_path / "lzzr-register.json", {"c": {"pdf_sha256": sha256_file(signed), "key": "k"},
                                                          "d": {"pdf_sha256": "0" * 64, "key": "k"}})
    parts = [("a", one, False), ("c", signed, True), ("b", three, False), ("d", signed, True)]
    target, left_out = bind_volume(register, parts, tmp_path / "v.pdf", dt.date(2026, 3, 15))
    assert target == tmp_path / "v.pdf" and left_out == ["d"]  # d's file is not the one registered
    assert len(PdfReader(target).pages) == 1 + 1 + 2 + 3  # a, blank, c, b
    assert register.documents["combined:v.pdf"]["file"] == str(target)
