"""`lzzr trace --issue`: the 责任追究决定, its register entry, the 廉政档案, and the assessment
reading the same 问责事件 record."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from lzzr.accountability.trace import trace_incident
from lzzr.documents.register import Register
from lzzr.i18n import set_lang

from .assess_base import assess_tiny, load_tiny
from .helpers import copy_sample, run
from .layoutcheck import Expect, check_pdf, workspace_words
from .pdfutil import needs_poppler, pdf_fonts, pdf_text

# 严重 incident in 财政局: its principal 钱玉梅 given a 党内警告, the deputy head of the
# government in charge given 诫勉谈话; the decision of the 旗纪委 is recorded with it.
DECIDED = ("问责事件:\n  W1:\n    日期: 2026-05-01\n    单位: czj\n    事由: 财政局出纳挪用专项资金\n"
           "    情形: 2\n    程度: 严重\n    当事人: [{姓名: 孙某, 职务: 出纳}]\n"
           "    决定: {机关: 中共示例旗纪律检查委员会, 日期: 2026-06-10, 文号: 示纪发〔2026〕20号}\n"
           "    处理:\n      - {领导: qym, 方式: 纪律处分, 细目: 党内警告}\n"
           "      - {领导: ccd, 方式: 诫勉谈话}\n")


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def test_the_assessment_reads_the_vetoes_and_deductions_from_the_same_record(tmp_path: Path) -> None:
    ws = load_tiny(tmp_path / "t", events_yaml=DECIDED)
    traced = trace_incident(ws, "W1")
    assert traced is not None and traced.labels() == {"qym": "主要领导责任", "ccd": "重要领导责任"}
    a = assess_tiny(tmp_path / "a", events_yaml=DECIDED)
    team, principal = a.get("team:czj"), a.get("principal:czj:qym")
    assert [v.id for v in team.vetoes] == ["V1"] and team.grade == "不合格"
    assert str(team.vetoes[0].reason) == "正职钱玉梅（W1）受到处分"
    assert [v.id for v in principal.vetoes] == ["V2"]
    # the deductions of the scheme: 纪律处分 10 for the team, 20 for the principal
    assert {line.id: str(line.points) for line in team.lines}["C2"] == "0.00"
    assert {line.id: str(line.points) for line in principal.lines}["C2"] == "0.00"


def test_criticism_only_stops_the_assessment_until_it_is_corrected(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from .assess_base import tiny

    root = tiny(tmp_path, events_yaml=DECIDED.replace("纪律处分, 细目: 党内警告", "书面检查").replace(
        "方式: 诫勉谈话", "方式: 批评教育"))
    code, out, _ = run(capsys, "check", str(root))
    assert code == 1
    assert ("events.yaml:7:9: error[AC05] 问责事件 W1: 严重事件只作书面检查、批评教育：不能用批评教育代替责任追究"
            "（应给予组织处理、纪律处分或其他处理）") in out.splitlines()


@needs_poppler
def test_issue_renders_registers_and_files_the_decision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    out = tmp_path / "out"
    code, stdout, err = run(capsys, "trace", "W01", str(ws), "--issue", "--out", str(out))
    assert code == 0, err
    pdf = out / "2026-责任追究决定-W01.pdf"
    assert stdout.splitlines()[-1] == f"责任追究决定 → {pdf}（已登记；写入廉政档案 2 份）"
    assert stdout.splitlines()[0].startswith("问责事件 W01：")
    text = pdf_text(pdf).replace("\n", "")
    for part in ("中共示例旗纪律检查委员会文件", "示纪发〔2026〕61号", "有关领导干部实行责任追究的决定",
                 "任红梅同志时任巴彦镇党委书记", "负主要领导责任", "田国栋同志时任旗委常委、政法委书记，分管巴彦镇",
                 "给予巴彦镇党委书记任红梅同志诫勉谈话", "抄送：旗委，旗政府。"):
        assert part in text, part
    fonts = pdf_fonts(pdf)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts  # every font embedded
    from lzzr.workspace.load import load_workspace

    assert check_pdf(pdf, workspace_words(load_workspace(ws)[0]), Expect(gongwen=True)) == []  # 22 × 28 grid
    entry = Register.open(ws).documents["decision:W01"]
    assert (entry["kind"], entry["incident"], entry["number"], entry["date"]) == (
        "decision", "W01", "示纪发〔2026〕61号", "2026-09-18")  # 成文日期: the 决定's 日期
    status = run(capsys, "letters", str(ws), "--status")[1].splitlines()
    assert status[-2:] == ["其他登记文件（不是责任书，不计入签订率）：",
                           "示纪发〔2026〕61号　责任追究决定（W01）　成文日期 2026-09-18　未冻结（无需双方签字）"]
    archive = YAML(typ="safe").load((ws / "廉政档案" / "rhm.yaml").read_text(encoding="utf-8"))
    assert archive["责任追究"]["2026-W01"] | {} == {
        "年度": 2026, "事件": "W01", "事由": "巴彦镇乌兰哈达嘎查原党支部书记虚报冒领草原生态保护补助奖励资金12.6万元",
        "事件日期": "2026-08-14", "单位": "中共示例旗巴彦镇委员会", "情形": 2, "领导责任": "主要领导责任",
        "处理": "诫勉谈话", "处理日期": "2026-09-18", "决定机关": "中共示例旗纪律检查委员会",
        "文号": "示纪发〔2026〕61号", "说明": "对镇党委监管不力负主要领导责任"}
    # a cadre's note survives a second issue; the assessment's entries sit beside it
    path = ws / "廉政档案" / "rhm.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "组织意见: 已谈话  # 手写\n", encoding="utf-8")
    code, _, _ = run(capsys, "trace", "W01", str(ws), "--issue", "--out", str(out), "-q")
    code2, _, _ = run(capsys, "assess", str(ws), "--out", str(out), "--no-pdf", "-q")
    assert code == code2 == 0
    kept = path.read_text(encoding="utf-8")
    assert "组织意见: 已谈话  # 手写" in kept and "2026-W01:" in kept and "考核记录:" in kept


def test_issue_without_a_decision(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    code, out, err = run(capsys, "trace", "W04", str(ws), "--issue", "-q", "--out", str(tmp_path / "o"))
    assert (code, out) == (2, "")
    assert err.strip() == "问责事件 W04 尚未记录“决定”（机关、日期、文号），不能印发责任追究决定"
    assert not (ws / "廉政档案").exists()


def test_a_character_no_font_has_stops_the_decision_before_rendering(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from lzzr.render.glyphs import coverage

    rare = "\U0002a6a5"
    if ord(rare) in coverage(("FandolFang", "Noto Serif CJK SC", "Noto Sans CJK SC", "FandolKai")):
        pytest.skip("the installed fonts cover the test character")
    ws = copy_sample(tmp_path / "ws")
    path = ws / "accountability.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("巴特尔利用", f"巴特{rare}利用"), encoding="utf-8")
    out = tmp_path / "out"
    code, _, err = run(capsys, "trace", "W01", str(ws), "--issue", "-q", "--out", str(out))
    assert code == 1
    first = err.splitlines()[0]
    assert first.startswith("accountability.yaml:23:9: error[G001] 问责事件 W01: 字符 ") and "U+2A6A5" in first
    assert not out.exists()
