"""Scores relative to the best unit of the category (issue 11, type 8): "以同类最高单位为满分，
其他单位按比例计分" as data (类型 同类比较). Worked by hand on the tiny workspace: 信息报送 by the
principals whose duties the teams show — 钱玉梅 (财政局) 3, 赵慧敏 (旗纪委) 1, 范文杰 (红岱镇) 2."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lzzr.assess.explain import explain
from lzzr.assess.score import assess
from lzzr.i18n import set_lang

from .assess_base import TINY, assess_tiny, tiny
from .helpers import ROOT, run
from .test_assess_properties import days, shuffled
from .test_assess_rules_properties import rich_year

INDICATOR = (
    "            - 编号: K1\n"
    "              名称: 信息报送\n"
    "              分值: 5\n"
    "              类型: 同类比较\n"
    "              计数: {事项: 信息报送, 起: 2026-01-01, 止: 2026-12-31}\n"
)
SCHEME = (
    "考核方案:\n"
    "  名称: 同类比较\n"
    "  满分: 5\n"
    "  记录事项: [信息报送]\n"
    "  分类: {苏木镇: [苏木镇], 旗直部门: [部门, 纪委监委]}\n"
    "  对象:\n"
    "    班子:\n"
    "      标准:\n"
    "        - 名称: 宣传信息\n"
    "          分值: 5\n"
    "          指标:\n"
    + INDICATOR +
    "  等次:\n"
    "    - {名称: 合格, 最低分: 0}\n"
)
DUTIES = TINY["duties.yaml"].replace(
    "      - {事项: 部署分解, 日期: 2026-03-02}\n",
    "      - {事项: 部署分解, 日期: 2026-03-02}\n"
    "      - {事项: 信息报送, 日期: 2026-02-01}\n"
    "      - {事项: 信息报送, 日期: 2026-05-01}\n"
    "      - {事项: 信息报送, 日期: 2026-09-01}\n").replace(
    "      - {事项: 廉政党课, 日期: 2026-06-01}\n",
    "      - {事项: 廉政党课, 日期: 2026-06-01}\n"
    "      - {事项: 信息报送, 日期: 2026-04-01}\n").replace(
    "      - {事项: 廉政党课, 日期: 2026-05-01}\n",
    "      - {事项: 廉政党课, 日期: 2026-05-01}\n"
    "      - {事项: 信息报送, 日期: 2026-03-01}\n"
    "      - {事项: 信息报送, 日期: 2026-10-01}\n")


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def _k1(tmp_path: Path, scheme: str = SCHEME) -> dict[str, str]:
    a = assess_tiny(tmp_path, scheme_yaml=scheme, duties_yaml=DUTIES)
    return {r.target.unit or "": str(r.lines[0].points) for r in a.by_kind("班子")}


def test_scored_against_the_best_of_the_category(tmp_path: Path) -> None:
    # 旗直部门: 财政局 3 is the best: 5; 旗纪委 1: 5 × 1 ÷ 3 = 5 × 33.33% = 1.67 (1.6665)
    # 苏木镇: 红岱镇 alone, 2 of 2: 5
    assert _k1(tmp_path) == {"czj": "5.00", "jw": "1.67", "hdz": "5.00"}


def test_without_categories_the_best_of_the_kind(tmp_path: Path) -> None:
    # 红岱镇 2 ÷ 3 = 66.67%: 5 × 66.67% = 3.3335 → 3.33
    plain = SCHEME.replace("  分类: {苏木镇: [苏木镇], 旗直部门: [部门, 纪委监委]}\n", "")
    assert _k1(tmp_path, plain) == {"czj": "5.00", "jw": "1.67", "hdz": "3.33"}


def test_nobody_with_the_fact_scores_zero(tmp_path: Path) -> None:
    a = assess_tiny(tmp_path, scheme_yaml=SCHEME)  # the tiny duties have no 信息报送
    line = a.get("team:jw").lines[0]
    assert (str(line.points), str(line.calc), str(line.details[0])) == ("0.00", "最高为 0 次，计 0",
                                                                         "同类（旗直部门）都没有此项记录")


def test_explain_names_the_best(tmp_path: Path) -> None:
    text = explain(assess_tiny(tmp_path, scheme_yaml=SCHEME, duties_yaml=DUTIES), "team:jw")
    assert "      输入：信息报送：1 次，2026年1月1日至2026年12月31日（2026年4月1日）" in text
    assert "        · 同类（旗直部门）最高 3 次：财政局领导班子" in text
    assert "      规则：以同类（旗直部门）最高为满分：分值 × 本对象次数 ÷ 最高次数" in text
    assert "      计算：5 × 1 ÷ 3 = 5 × 33.33% = 1.67" in text


def test_typical_mistakes_are_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def check(scheme: str, where: Path) -> str:
        code, out, _ = run(capsys, "check", str(tiny(where, scheme_yaml=scheme, duties_yaml=DUTIES)))
        assert code == 1
        return out

    missing = SCHEME.replace("              计数: {事项: 信息报送, 起: 2026-01-01, 止: 2026-12-31}\n", "")
    assert "scheme.yaml:15:19: error[A245] 考核方案: 同类比较类指标应写“计数”或“比较指标”之一" in check(missing, tmp_path)
    both = SCHEME.replace("计数: {事项: 信息报送,", "计数: {事项: 信息报送, 制度: 谈话诫勉,")
    assert "scheme.yaml:16:19: error[A244] 考核方案: “计数”应写“事项”（履职记录）或“制度”（配套制度）之一" in check(
        both, tmp_path / "b")
    typo = SCHEME.replace("计数: {事项: 信息报送,", "计数: {事项: 信息报关,")
    assert ("scheme.yaml:16:24: error[A230] 考核方案: 事项「信息报关」既不是内置事项，也不在考核方案“记录事项”中"
            "（是否指「信息报送」？）") in check(typo, tmp_path / "c")
    wrong = SCHEME.replace("              类型: 同类比较\n", "              类型: 清单\n              清单: [{事项: 信息报送, 分值: 5}]\n")
    assert "error[A208] 考核方案: 「计数」只用于同类比较类指标，本指标是清单类" in check(wrong, tmp_path / "d")


COMPARE = (
    "            - {编号: K0, 名称: 融入业务, 分值: 10, 类型: 评定, 评定项目: 融入业务, 等次: {好: 100, 较好: 80, 一般: 60}}\n"
    "            - {编号: K2, 名称: 融入业务比较, 分值: 5, 类型: 同类比较, 比较指标: K0}\n"
)
COMPARE_SCHEME = SCHEME.replace(INDICATOR, COMPARE).replace("  满分: 5\n", "  满分: 15\n").replace(
    "        - 名称: 宣传信息\n          分值: 5\n", "        - 名称: 宣传信息\n          分值: 15\n")


def test_scored_against_the_best_score_of_the_category_on_another_indicator(tmp_path: Path) -> None:
    a = assess_tiny(tmp_path, scheme_yaml=COMPARE_SCHEME)
    k2 = {r.target.unit: r.lines[1] for r in a.by_kind("班子")}
    # K0 (评定): 红岱镇 好 10, 财政局 一般 6, 旗纪委 较好 8; 旗直部门 best 8
    assert {u: str(line.points) for u, line in k2.items()} == {"hdz": "5.00", "czj": "3.75", "jw": "5.00"}
    czj = k2["czj"]
    assert str(czj.input) == "本对象 K0 融入业务：6.00 分"
    assert str(czj.details[0]) == "同类（旗直部门）最高 8.00 分：旗纪委领导班子"
    assert str(czj.calc) == "5 × 6.00 ÷ 8.00 = 5 × 75.00% = 3.75"


def test_a_comparison_with_a_missing_indicator_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(tiny(tmp_path, scheme_yaml=COMPARE_SCHEME.replace("比较指标: K0", "比较指标: K9"))))
    assert code == 1
    assert "scheme.yaml:13:59: error[A246] 考核方案: 本类对象的方案中没有可比较的指标 K9（不能是同类比较类）" in out


def test_the_mistakes_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    both = SCHEME.replace("计数: {事项: 信息报送,", "计数: {事项: 信息报送, 制度: 谈话诫勉,")
    code, out, _ = run(capsys, "--lang", "en", "check", str(tiny(tmp_path, scheme_yaml=both, duties_yaml=DUTIES)))
    assert code == 1
    assert "scheme.yaml:16:19: error[A244] " in out
    assert "计数 needs exactly one of 事项 (a duty) or 制度 (a supporting rule)" in out


def test_explain_in_english(tmp_path: Path) -> None:
    a = assess_tiny(tmp_path, scheme_yaml=SCHEME, duties_yaml=DUTIES)
    set_lang("en")
    line = a.get("team:jw").lines[0]
    assert str(line.calc) == "5 × 1 ÷ 3 = 5 × 33.33% = 1.67"
    assert str(line.details[0]) == "highest in the category (旗直部门): 3 (财政局领导班子)"


def test_the_doc_fragment_is_the_tested_scheme() -> None:
    import re

    text = (ROOT / "docs" / "assessment.md").read_text(encoding="utf-8")
    fragment = re.findall(r"<!-- relative-fragment -->\n```yaml\n(.*?)```\n<!-- /relative-fragment -->", text, re.S)
    assert fragment == [INDICATOR, COMPARE]


# --- properties over random years (Hypothesis) ------------------------------------------

def _property_scheme() -> Any:
    import tempfile

    from lzzr.workspace.scheme_check import load_scheme_file

    from .helpers import SAMPLE

    text = (SAMPLE / "scheme.yaml").read_text(encoding="utf-8")
    marker = "    # ───────── 班子正职"
    bonus = "      加分项:\n        - {编号: K1, 名称: 党课比较, 分值: 2, 类型: 同类比较, 计数: {事项: 廉政党课}}\n"
    path = Path(tempfile.mkdtemp(prefix="lzzr-relative-")) / "scheme.yaml"
    path.write_text(text.replace(marker, bonus + "\n" + marker, 1), encoding="utf-8")
    scheme, problems = load_scheme_file(path)
    assert scheme is not None and not [p for p in problems if p.severity.value == "error"], problems
    return scheme


PROPERTY_SCHEME = _property_scheme()
FEW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _k1_points(a: Any) -> dict[str, Any]:
    return {r.target.key: r.extra.bonus_lines[0].points for r in a.by_kind("班子") if r.extra}


@FEW
@given(rich_year(), st.integers(0, 10_000))
def test_relative_points_stay_in_bounds_the_best_gets_full_marks_and_order_does_not_matter(
        ws: Any, seed: int) -> None:
    a = assess(ws, PROPERTY_SCHEME)
    points = _k1_points(a)
    assert all(0 <= p <= 2 for p in points.values())
    assert len(points) == len(a.by_kind("班子"))
    if any(p > 0 for p in points.values()):
        assert max(points.values()) == 2
    assert _k1_points(assess(shuffled(ws, seed), PROPERTY_SCHEME)) == points


@FEW
@given(rich_year(), st.data())
def test_one_more_record_never_lowers_the_units_own_relative_points(ws: Any, data: st.DataObject) -> None:
    from lzzr.workspace.records import DutyLog

    logs = ws.collection("duties")
    leader = data.draw(st.sampled_from(sorted(logs)))
    before = _k1_points(assess(ws, PROPERTY_SCHEME))
    entries = [{"事项": e.kind, **({"细类": e.sub} if e.sub else {}), "日期": e.date.isoformat()}
               for e in logs[leader].entries]
    entries.append({"事项": "廉政党课", "日期": data.draw(days).isoformat()})
    logs[leader] = DutyLog.model_validate({"记录": entries})
    after = _k1_points(assess(ws, PROPERTY_SCHEME))
    for r in assess(ws, PROPERTY_SCHEME).by_kind("班子"):
        if r.target.leader is None and any(p.leader == leader for p in ws.teams[r.target.unit or ""].principals()):
            assert after[r.target.key] >= before[r.target.key]
