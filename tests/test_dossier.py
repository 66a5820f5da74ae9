"""`lzzr dossier`: a leader's 廉政档案 across several years' workspaces (PDF and JSON)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.i18n import set_lang

from .helpers import copy_sample, run
from .pdfutil import needs_poppler, pdf_text


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def register_letter(ws: Path) -> None:
    """A letter between 高振宇 and 任红梅 in the register, signed by her on 3 March."""
    parties = [{"leader": "gzy", "name": "高振宇", "post": "旗委书记", "unit": "qw"},
               {"leader": "rhm", "name": "任红梅", "post": "巴彦镇党委书记", "unit": "byz"}]
    doc = {"kind": "letter-lower", "year": 2026, "parties": parties, "file": "x.pdf", "key": "", "pdf_sha256": "0",
           "issued": "2026-02-27", "signatures": [{"leader": "rhm", "name": "任红梅", "date": "2026-03-03"}]}
    (ws / "lzzr-register.json").write_text(json.dumps({"version": 1, "documents": {"letter:lower:qw:byz": doc}},
                                                      ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def years(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample year (letter registered, W01 issued, assessed) and 2027 made from it by init --from."""
    from lzzr.cli import main

    root = tmp_path_factory.mktemp("dossier")
    ws = copy_sample(root / "ws2026")
    register_letter(ws)
    assert main(["trace", "W01", str(ws), "--issue", "-q", "--out", str(root / "out")]) == 0
    assert main(["assess", str(ws), "--no-pdf", "-q", "--out", str(root / "out")]) == 0
    assert main(["init", str(root / "ws2027"), "--from", str(ws)]) == 0
    return ws, root / "ws2027"


def dossier_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    code, out, err = run(capsys, "dossier", *args, "--format", "json", "--no-pdf")
    assert code == 0, err
    data: dict[str, object] = json.loads(out)
    return data


def test_one_year(years: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    data = dossier_json(capsys, "rhm", str(years[0]))
    (year,) = data["年度"]  # type: ignore[misc]
    assert year["职务"] == [{"班子": "中共示例旗巴彦镇委员会", "职务": "巴彦镇党委书记", "角色": "正职", "分管": "",
                           "起": "", "止": ""}]
    assert year["责任书"] == [{"编号": "letter:lower:qw:byz", "对方": "高振宇（旗委书记）", "签订": "2026-03-03"}]
    assert year["廉政谈话"] == [{"事项": "廉政谈话", "日期": "2026-07-17", "依据": "廉政谈话记录本"}]
    assert "廉政谈话" not in [d["事项"] for d in year["履职记录"]] and len(year["履职记录"]) == 9
    assert year["考核"] == [{"对象": "正职", "职务": "巴彦镇党委书记", "得分": 75.84, "等次": "基本合格", "排名": "36/36"}]
    assert year["责任追究"] == [{"事件": "W01", "日期": "2026-08-14",
                             "事由": "巴彦镇乌兰哈达嘎查原党支部书记虚报冒领草原生态保护补助奖励资金12.6万元", "情形": 2,
                             "领导责任": "主要领导责任", "处理": "诫勉谈话", "文号": "示纪发〔2026〕61号",
                             "决定日期": "2026-09-18"}]


def test_a_leader_who_bears_responsibility_but_was_not_handled(years: tuple[Path, Path],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = dossier_json(capsys, "clm", str(years[0]))
    rows = data["年度"][0]["责任追究"]  # type: ignore[index]
    assert [(r["事件"], r["领导责任"], r["处理"]) for r in rows] == [("W05", "主要领导责任", "未处理")]


def test_across_years(years: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    both = dossier_json(capsys, "rhm", str(years[1]), str(years[0]))
    assert [(y["年度"], y["仅档案"]) for y in both["年度"]] == [(2026, False), (2027, False)]  # type: ignore[union-attr]
    # given only next year's workspace, last year comes from the file init --from carried over
    only = dossier_json(capsys, "rhm", str(years[1]))
    first = only["年度"][0]  # type: ignore[index]
    assert (first["年度"], first["仅档案"], first["考核"][0]["等次"], first["责任追究"][0]["处理"]) == (
        2026, True, "基本合格", "诫勉谈话")


@needs_poppler
def test_pdf(years: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "dossier", "rhm", str(years[0]), str(years[1]), "--out", str(tmp_path))
    pdf = tmp_path / "廉政档案-任红梅-rhm.pdf"
    assert code == 0 and out.strip() == f"廉政档案（2 个年度）→ {pdf}"
    text = pdf_text(pdf).replace("\n", "")
    for part in ("领导干部廉政档案", "2026年度", "2027年度", "一、任职情况",
                 "五、责任追究", "示纪发〔2026〕61号", "高振宇（旗委书记）"):
        assert part in text, part


def test_unknown_leader(years: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "dossier", "rhn", str(years[0]), "--no-pdf")
    assert (code, out) == (2, "")
    assert err.strip() == "没有编号为 rhn 的领导（是否指「rhm」？）"
