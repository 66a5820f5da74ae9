"""Bonus items, discretionary deductions with their reasons, 项目 and 说明 reach every output:
the result table (terminal and CSV), the workbook, the JSON and the report PDF; the report's
fixed sentences follow the scheme (issue 11). Figures as worked by hand in test_assess_rules.py."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.assess.report import extras_line, issue_report, method, report_context
from lzzr.assess.score import Assessment
from lzzr.assess.table import assessment_json, result_table, result_tables
from lzzr.i18n import set_lang
from lzzr.render.renderer import renderer_for
from lzzr.render.tables import to_csv

from .assess_base import assess_tiny, load_tiny
from .pdfutil import needs_poppler, pdf_text
from .rules11_base import ASSESSORS, DUTIES, EXTRA_DUTIES, EXTRA_SCHEME, NESTED_SCHEME

NOTE = "              说明: 新任职干部任前谈话\n"
NOTED = EXTRA_SCHEME.replace("            - 编号: F2\n", "            - 编号: F2\n" + NOTE)
EXTRA = {"scheme_yaml": NOTED, "duties_yaml": EXTRA_DUTIES, "assessors_yaml": ASSESSORS}
NESTED = {"scheme_yaml": NESTED_SCHEME.replace("              - 编号: F2\n", "              - 编号: F2\n  " + NOTE),
          "duties_yaml": DUTIES}


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def _csv(a: Assessment) -> list[str]:
    return to_csv(result_table(a)).decode("utf-8-sig").splitlines()


def test_the_csv_shows_base_bonus_and_discretionary_apart_with_the_reason(tmp_path: Path) -> None:
    lines = _csv(assess_tiny(tmp_path, **EXTRA))
    assert lines[0] == "类别,排名,对象,单位/职务,标准一,基础分,加分,酌情扣分,总分,自评,一票否决,等次,说明"
    # base 19.50 + bonus min(11, 5) − 1.50 = 23.00
    assert lines[1] == ("正职,1/3,范文杰,红岱镇党委书记,19.50,19.50,5.00,1.50,23.00,F1 10；F3 9,,好,"
                        "酌情扣分 D1 1.5 分：迎检材料不实（旗委考核组）")


def test_the_csv_shows_the_project_subtotals(tmp_path: Path) -> None:
    lines = _csv(assess_tiny(tmp_path, **NESTED))
    assert lines[0] == "类别,排名,对象,单位/职务,标准一,项目小计,总分,一票否决,等次,说明"
    assert lines[1] == "正职,1/3,范文杰,红岱镇党委书记,19.50,报告和谈话 11.50；会议和评定 8.00,19.50,,一般,"


def test_a_scheme_without_extras_keeps_the_table_as_it_was(tmp_path: Path) -> None:
    assert _csv(assess_tiny(tmp_path))[0] == "类别,排名,对象,单位/职务,标准一,标准二,标准三,总分,一票否决,等次,说明"


def test_the_workbook_has_bonus_items_project_columns_and_the_notes(tmp_path: Path) -> None:
    sheet, notes = result_tables(assess_tiny(tmp_path, **EXTRA))
    i = sheet.headers.index("J1 经验被市级以上推广（加分，10）")
    row = [str(c) for c in sheet.rows[0]]
    assert sheet.headers[i:i + 5] == ["J1 经验被市级以上推广（加分，10）", "J2 书面报告加分（加分，2）", "基础分", "加分", "酌情扣分"]
    assert row[i:i + 6] == ["10.00", "1.00", "19.50", "5.00", "1.50", "23.00"]
    assert notes.sheet == "指标说明"
    assert [str(c) for c in notes.rows[1]] == ["正职", "一、全部", "", "F2", "任职谈话", "2", "清单", "新任职干部任前谈话"]
    assert [str(c) for c in notes.rows[4]][:4] == ["正职", "加分项", "", "J1"]
    nested, _ = result_tables(assess_tiny(tmp_path / "b", **NESTED))
    j = nested.headers.index("一、（1）报告和谈话（12）")
    assert nested.headers[j + 1] == "一、（2）会议和评定（13）"
    assert [str(c) for c in nested.rows[0][j:j + 3]] == ["11.50", "8.00", "19.50"]


def test_the_json_has_the_projects_and_the_notes(tmp_path: Path) -> None:
    row = next(r for r in assessment_json(assess_tiny(tmp_path, **NESTED))["results"] if r["key"] == "principal:hdz:fwj")
    std = row["standards"][0]
    assert std["groups"] == [{"name": "报告和谈话", "max": 12, "points": 11.5, "indicators": ["F1", "F2"]},
                             {"name": "会议和评定", "max": 13, "points": 8, "indicators": ["F3", "F4"]}]
    assert std["indicators"][1]["note"] == "新任职干部任前谈话" and "note" not in std["indicators"][0]


def test_the_english_table_headers(tmp_path: Path) -> None:
    a = assess_tiny(tmp_path, **EXTRA)
    set_lang("en")
    head = _csv(a)[0]
    assert head == "kind,rank,target,unit/post,standard 1,base,bonus,discretionary,total,self-score,veto,grade,notes"


def _html(tmp_path: Path, **changes: str) -> str:
    ws = load_tiny(tmp_path, **changes)
    a = assess_tiny(tmp_path / "a", **changes)
    return re.sub(r"\s+", " ", renderer_for(ws).html("assessment.html", report_context(ws, a)))


def test_the_score_sheet_lists_bonus_items_and_discretionary_deductions_with_reasons(tmp_path: Path) -> None:
    html = _html(tmp_path, **EXTRA)
    assert "加分项（满分之外，加分合计最多 5 分）" in html
    assert "加分：10.00 + 1.00 = 11.00，超过上限，计 5.00</td><td class=\"n\">5.00" in html
    assert "<td>D1</td><td>扣分原因：迎检材料不实（<span class=\"nb\">旗委</span>考核组）</td><td class=\"n\">−1.50</td>" in html
    assert "总分：基础分 19.50 + 加分 5.00 − 酌情扣分 1.50</td><td class=\"n hei\">23.00" in html
    assert '<span class="ind-note">说明：新任职干部任前谈话</span>' in html
    # self-scores beside the group's: F1 10 (equal), F3 9 against 5.00 (more than 自评差异 2 apart)
    assert '<span class="self">自评：10（考核组 10.00，相差 0）</span>' in html
    assert '<span class="self">自评：9（考核组 5.00，相差 4，超过 2 分）</span>' in html
    # the ranking has 加分 and 酌情扣分 columns
    assert '<td class="n">19.50</td><td class="n">5.00</td><td class="n">1.50</td><td class="n">23.00</td>' in html


def test_the_score_sheet_lists_projects_with_their_subtotals(tmp_path: Path) -> None:
    html = _html(tmp_path, **NESTED)
    assert '<tr class="group"><td colspan="3">（1）报告和谈话（12 分）</td></tr>' in html
    assert "（1）报告和谈话小计：10.00 + 1.50</td><td class=\"n\">11.50" in html
    assert "（2）会议和评定小计：5.00 + 3.00</td><td class=\"n\">8.00" in html


def test_the_fixed_sentences_follow_the_scheme(tmp_path: Path) -> None:
    # the tiny scheme has a poll and vetoes, no bonus and no discretion
    plain = method(assess_tiny(tmp_path))
    assert plain == ("各项指标按考核方案计分，满分 100 分；民主测评结果计入总分；发生一票否决情形的，等次不超过否决条款"
                     "规定的等次。分数保留两位小数，四舍五入，每一步使用上一步显示的数值。")
    # the rule scheme has neither poll nor veto, and has bonus items and discretionary deductions
    extra = method(assess_tiny(tmp_path / "b", **EXTRA))
    assert extra == ("各项指标按考核方案计分，满分 25 分；加分项在满分之外另计（正职最多加 5 分）；考核组可酌情扣分，"
                     "每个对象合计不超过 3 分，扣分原因列入评分表。分数保留两位小数，四舍五入，每一步使用上一步显示的数值。")
    html = _html(tmp_path / "c", **EXTRA)
    assert "<p>本年度有 1 个对象获得加分，有 1 个对象被考核组酌情扣分（扣分原因见评分表）。</p>" in html
    assert extras_line(assess_tiny(tmp_path / "e")) == ""
    assert "民主测评" not in html and "本年度没有一票否决情形" not in html and "一票否决情形的" not in html
    assert "受名额限制" not in html and "标准：一、全部。加分、酌情扣分在满分之外，计入总分。</p>" in html
    assert "* 按分数达到上一等次，受名额限制。" in _html(tmp_path / "d")  # the tiny scheme has a quota


def test_the_weighted_sample_scheme_says_it_weights(tmp_path: Path) -> None:
    from .assess_base import TINY

    weighted = TINY["scheme.yaml"].replace("          分值: 60\n", "          分值: 60\n          权重: 60\n", 1).replace(
        "        - 名称: 履职\n          分值: 20\n", "        - 名称: 履职\n          分值: 20\n          权重: 20\n", 1).replace(
        "        - 名称: 廉洁\n          分值: 20\n", "        - 名称: 廉洁\n          分值: 20\n          权重: 20\n", 1)
    assert "；各项标准按权重折算；" in method(assess_tiny(tmp_path, scheme_yaml=weighted))


@needs_poppler
def test_the_report_pdf_prints_the_bonus_and_the_reason(tmp_path: Path) -> None:
    ws = load_tiny(tmp_path, **EXTRA)
    text = re.sub(r"\s+", "", pdf_text(issue_report(ws, assess_tiny(tmp_path / "a", **EXTRA), tmp_path)))
    assert "扣分原因：迎检材料不实（旗委考核组）" in text
    assert "总分：基础分19.50+加分5.00−酌情扣分1.50" in text
    assert "说明：新任职干部任前谈话" in text



def test_self_scores_reach_the_csv_and_the_workbook(tmp_path: Path) -> None:
    """自评 (S1: 红岱镇's principal scored F1 10 and F3 9) beside the group's score."""
    a = assess_tiny(tmp_path, **EXTRA)
    lines = _csv(a)
    assert lines[0] == "类别,排名,对象,单位/职务,标准一,基础分,加分,酌情扣分,总分,自评,一票否决,等次,说明"
    assert lines[2] == "正职,2/3,钱玉梅,财政局局长,9.00,9.00,0.00,0.00,9.00,,,一般,"
    sheet, _ = result_tables(a)
    i = sheet.headers.index("总分")
    assert [h.split("：")[0] for h in sheet.headers[i + 1:i + 3]] == ["自评", "自评"]
    assert sheet.headers[i + 1].startswith("自评：F1 ") and sheet.headers[i + 2].startswith("自评：F3 ")
    assert [str(c) for c in sheet.rows[0][i + 1:i + 3]] == ["10", "9"]
    assert sheet.rows[1][i + 1:i + 3] == ["", ""]
    assert "自评" not in "".join(result_tables(assess_tiny(tmp_path / "b"))[0].headers)
