"""The rule types of published 考核细则 (issue 11) on the tiny workspace: each figure worked
by hand, and each typical mistake a located error."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from lzzr.assess.explain import explain
from lzzr.assess.score import Assessment, assess
from lzzr.i18n import set_lang
from lzzr.workspace.letters_register import read_letter_states
from lzzr.workspace.load import load_workspace
from lzzr.workspace.scheme import scheme_of

from .assess_base import assess_tiny, tiny
from .helpers import run
from .rules11_base import ASSESSORS, DUTIES, EXTRA_DUTIES, EXTRA_SCHEME, NESTED_SCHEME, RATE_SCHEME, REGISTER, SCHEME


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def points(tmp_path: Path, key: str, **changes: str | None) -> dict[str, str]:
    a = assess_tiny(tmp_path, **({"scheme_yaml": SCHEME, "duties_yaml": DUTIES} | changes))
    return {line.id: str(line.points) for line in a.get(key).lines}


def test_full_marks_for_a_kind_the_scheme_declares(tmp_path: Path) -> None:
    got = points(tmp_path, "principal:hdz:fwj")
    assert got["F1"] == "10.00"  # 书面报告 on record
    assert points(tmp_path / "b", "principal:czj:qym")["F1"] == "0.00"


def test_points_per_occurrence_count_only_the_sub_type_within_the_period(tmp_path: Path) -> None:
    # 任职谈话 on 03-01, 04-01, 05-01 (谈心谈话 03-15 and 任职谈话 08-01 do not count): 3 × 0.5 = 1.5
    assert points(tmp_path, "principal:hdz:fwj")["F2"] == "1.50"


def test_per_occurrence_points_stop_at_the_item_points(tmp_path: Path) -> None:
    scheme = SCHEME.replace("每次: 0.5, 分值: 2, 起: 2026-01-01, 止: 2026-06-30", "每次: 1, 分值: 2")
    assert points(tmp_path, "principal:hdz:fwj", scheme_yaml=scheme)["F2"] == "2.00"  # 4 × 1 = 4 → at most 2


def test_several_deduction_rules_on_one_item(tmp_path: Path) -> None:
    # 会议纪要 2 of 4: −2; 未按期报告 2 × 2 = 4, at most 3: −3; 10 − 5 = 5
    assert points(tmp_path, "principal:hdz:fwj")["F3"] == "5.00"
    # qym: 会议纪要 0 of 4: −4; no late report: 10 − 4 = 6
    assert points(tmp_path / "b", "principal:czj:qym")["F3"] == "6.00"


def test_deductions_stop_at_the_floor(tmp_path: Path) -> None:
    scheme = SCHEME.replace("应有: 4, 每缺一次扣: 1", "应有: 20, 每缺一次扣: 1")
    assert points(tmp_path, "principal:hdz:fwj", scheme_yaml=scheme)["F3"] == "0.00"  # 10 − (18 + 3) → 0


def test_explain_shows_the_counts_and_each_deduction(tmp_path: Path) -> None:
    a = assess_tiny(tmp_path, scheme_yaml=SCHEME, duties_yaml=DUTIES)
    text = explain(a, "fwj")
    assert ("        · 廉政谈话（任职谈话）：3 次 × 0.5 分，2026年1月1日至2026年6月30日"
            "（最多 2；2026年3月1日、2026年4月1日、2026年5月1日）→ 1.5/2") in text
    assert "        · 缺会议纪要：应有 4 次，有 2 次（2026年3月10日、2026年6月10日），缺 2 次 × 1 = 扣 2" in text
    assert "        · 未按期报告：2 次（2026年7月1日、2026年9月1日）× 2 = 扣 3（本条最多扣 3）" in text
    assert "      计算：10 − 5（不低于 0）= 5.00" in text


def _check(capsys: pytest.CaptureFixture[str], root: Path) -> str:
    code, out, err = run(capsys, "check", str(root))
    assert code == 1
    return out + err


def test_a_duty_kind_the_scheme_does_not_declare_is_located(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    root = tiny(tmp_path, scheme_yaml=SCHEME.replace("[书面报告, 会议纪要, 未按期报告]", "[书面报告, 会议纪要]"),
                duties_yaml=DUTIES)
    out = _check(capsys, root)
    assert ("duties.yaml:12:14: error[A234] 履职记录 fwj: 履职记录的事项「未按期报告」既不是内置事项，"
            "也不在考核方案“记录事项”中；请改正事项名，或在考核方案“记录事项”中加上它") in out


def test_a_misspelt_kind_in_the_scheme_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tiny(tmp_path, scheme_yaml=SCHEME.replace("{事项: 书面报告, 分值: 10}", "{事项: 书面报吿, 分值: 10}"),
                duties_yaml=DUTIES)
    out = _check(capsys, root)
    assert ("scheme.yaml:16:24: error[A230] 考核方案: 事项「书面报吿」既不是内置事项，也不在考核方案“记录事项”中"
            "（是否指「书面报告」？）") in out


def test_a_deduction_rule_with_two_ways_to_deduct_is_located(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    root = tiny(tmp_path, scheme_yaml=SCHEME.replace("应有: 4, 每缺一次扣: 1", "应有: 4, 每缺一次扣: 1, 每次扣: 1"),
                duties_yaml=DUTIES)
    out = _check(capsys, root)
    assert ("error[A235] 考核方案: 扣分项第 1 条应写且只写一种扣法（每缺一次扣、每次扣、每人未做扣），"
            "实为：每缺一次扣、每次扣") in out


def test_times_and_per_occurrence_together_are_located(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    root = tiny(tmp_path, scheme_yaml=SCHEME.replace("每次: 0.5, 分值: 2,", "每次: 0.5, 次数: 2, 分值: 2,"),
                duties_yaml=DUTIES)
    out = _check(capsys, root)
    assert "error[A232] 考核方案: 「廉政谈话（任职谈话）」按次计分（每次），不应再写“次数”" in out


TEAM_SCHEME = (
    "考核方案:\n"
    "  名称: 每人未做扣分\n"
    "  满分: 10\n"
    "  对象:\n"
    "    班子:\n"
    "      标准:\n"
    "        - 名称: 督查\n"
    "          分值: 10\n"
    "          指标:\n"
    "            - 编号: G1\n"
    "              名称: 班子成员督查\n"
    "              分值: 10\n"
    "              类型: 扣分\n"
    "              扣分项:\n"
    "                - {名称: 未督查, 事项: 调研督办, 每人未做扣: 1}\n"
    "  等次:\n"
    "    - {名称: 合格, 最低分: 0}\n"
)


def test_a_deduction_per_team_member_without_the_fact(tmp_path: Path) -> None:
    from .assess_base import TINY

    teams = TINY["teams.yaml"].replace("      - {领导: fwj, 职务: 红岱镇党委书记, 角色: 正职}\n",
                                       "      - {领导: fwj, 职务: 红岱镇党委书记, 角色: 正职}\n"
                                       "      - {领导: ccd, 职务: 红岱镇党委副书记}\n"
                                       "      - {领导: qym, 职务: 红岱镇党委委员}\n")
    duties = DUTIES + "      - {事项: 调研督办, 日期: 2026-06-02}\n"  # qym only
    a = assess_tiny(tmp_path, scheme_yaml=TEAM_SCHEME, duties_yaml=duties, teams_yaml=teams)
    line = a.get("team:hdz").lines[0]
    # 范文杰 and 陈长达 have no 调研督办: 2 × 1 = −2
    assert str(line.points) == "8.00"
    assert str(line.details[0]) == "未督查：2 名成员没有记录（范文杰、陈长达）× 1 = 扣 2"


def test_the_doc_fragments_are_the_tested_scheme() -> None:
    import re

    from .helpers import ROOT

    text = (ROOT / "docs" / "assessment.md").read_text(encoding="utf-8")
    fragments = re.findall(r"<!-- rule-fragment -->\n```yaml\n(.*?)```\n<!-- /rule-fragment -->", text, re.S)
    assert len(fragments) >= 4
    for fragment in fragments:
        assert fragment in SCHEME, fragment


def _rates(tmp_path: Path, **changes: str | None) -> Assessment:
    root = tiny(tmp_path, **({"scheme_yaml": RATE_SCHEME, "lzzr-register.json": REGISTER} | changes))
    ws, _ = load_workspace(root)
    scheme = scheme_of(ws)
    assert scheme is not None
    return assess(ws, scheme, letters=read_letter_states(root))


def test_rates_with_thresholds(tmp_path: Path) -> None:
    a = _rates(tmp_path)
    hdz = {line.id: str(line.points) for line in a.get("team:hdz").lines}
    # T3 on time, T4 late: 50% < 80 → −5; poll 19/20 = 95%: (100 − 95) × 0.1 = −0.5;
    # letters L1 signed by both, L2 not: 50% < 100 → −2
    assert hdz == {"R1": "5.00", "R2": "4.50", "R3": "3.00"}
    czj = {line.id: str(line.points) for line in a.get("team:czj").lines}
    assert czj == {"R1": "10.00", "R2": "5.00", "R3": "3.00"}  # czj's letter due but never generated: 0%
    assert sorted(p.code for p in a.problems) == ["A241", "A301"]  # jw: no letter due nor issued; jw: no poll
    r2 = a.get("team:hdz").lines[1]
    assert str(r2.input) == "民主测评 MC-hdz：收回 19/20 张 = 95.00%"
    assert str(r2.calc) == "(100 − 95.00) × 0.1 = 扣 0.5；5 − 0.5（不低于 0）= 4.50"
    assert str(a.get("team:hdz").lines[2].input) == "责任书全部签字 1/2 份 = 50.00%"


def test_a_rate_without_a_way_to_lose_points_is_located(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    root = tiny(tmp_path, scheme_yaml=RATE_SCHEME.replace("              每降低一个百分点扣: 0.1\n", ""))
    out = _check(capsys, root)
    assert "scheme.yaml:19:19: error[A240] 考核方案: 比率类指标应写“阈值”或“每降低一个百分点扣”" in out


def test_the_doc_rate_fragment_is_the_tested_scheme() -> None:
    import re

    from .helpers import ROOT

    text = (ROOT / "docs" / "assessment.md").read_text(encoding="utf-8")
    fragment = re.findall(r"<!-- rate-fragment -->\n```yaml\n(.*?)```\n<!-- /rate-fragment -->", text, re.S)
    assert len(fragment) == 1 and fragment[0] in RATE_SCHEME


def _extra(tmp_path: Path, **changes: str | None) -> Assessment:
    return assess_tiny(tmp_path, **({"scheme_yaml": EXTRA_SCHEME, "duties_yaml": EXTRA_DUTIES,
                                     "assessors_yaml": ASSESSORS} | changes))


def test_bonus_outside_the_full_marks_capped_and_discretionary_deductions(tmp_path: Path) -> None:
    r = _extra(tmp_path).get("principal:hdz:fwj")
    assert r.extra is not None
    # base 10 + 1.5 + 5 + 3 = 19.5; bonus 10 + 1 = 11, at most 5; discretionary −1.5
    assert (str(r.base), str(r.extra.bonus_raw), str(r.extra.bonus), str(r.extra.cut), str(r.total)) == (
        "19.50", "11.00", "5.00", "1.50", "23.00")
    text = explain(_extra(tmp_path / "b"), "fwj")
    assert "总分：19.50 = 19.50（满分 25）" in text
    assert "加分项（满分之外，加分合计最多 5 分）" in text
    assert "  加分：10.00 + 1.00 = 11.00，超过上限，计 5.00" in text
    assert "酌情扣分：D1 扣 1.5 分，扣分原因：迎检材料不实（旗委考核组）" in text
    assert "总分：基础分 19.50 + 加分 5.00 − 酌情扣分 1.50 = 23.00" in text


def test_self_score_beside_the_group_score_and_a_large_gap_flagged(tmp_path: Path) -> None:
    a = _extra(tmp_path)
    text = explain(a, "fwj")
    assert "      自评：10（考核组 10.00，相差 0）" in text
    assert "      自评：9（考核组 5.00，相差 4，超过 2 分，请核实）" in text
    gaps = [p for p in a.problems if p.code == "A256"]
    assert [p.args["id"] for p in gaps] == ["F3"]


def test_discretionary_deductions_over_the_cap_are_located(tmp_path: Path) -> None:
    more = ASSESSORS.replace("  D1:", "  D2: {对象: 正职, 单位: hdz, 扣分: 2, 扣分原因: 台账缺失}\n  D1:")
    a = _extra(tmp_path, assessors_yaml=more)
    found = [(p.code, p.location.line, p.location.column) for p in a.problems if p.severity.value == "error"]
    assert found == [("A253", 2, 29)]  # D1 1.5 taken first (by id); D2 makes 3.5 > 3: located at its 扣分
    assert a.get("principal:hdz:fwj").extra.cut == Decimal("1.5")  # type: ignore[union-attr]


def test_discretion_without_a_cap_and_unknown_indicator_are_located(tmp_path: Path) -> None:
    scheme = EXTRA_SCHEME.replace("  酌情扣分上限: 3\n", "")
    wrong = ASSESSORS.replace("F3: 9", "F9: 9")
    a = _extra(tmp_path, scheme_yaml=scheme, assessors_yaml=wrong)
    codes = sorted(p.code for p in a.problems if p.severity.value == "error")
    assert codes == ["A252", "A255"]


def test_the_weighted_share_for_the_overall_target_assessment(tmp_path: Path) -> None:
    from lzzr.assess.table import assessment_json

    a = _extra(tmp_path, scheme_yaml=EXTRA_SCHEME.replace("  自评差异: 2\n", "  自评差异: 2\n  总体目标考核分值: 10\n"))
    # 23.00 ÷ 25 × 10 = 9.20
    assert "纳入总体目标考核：23.00 ÷ 25 × 10 = 9.20" in explain(a, "fwj")
    row = next(r for r in assessment_json(a)["results"] if r["key"] == "principal:hdz:fwj")
    assert row["overall"] == {"points": 10, "share": 9.2}
    assert (row["base"], row["bonus"], row["total"]) == (19.5, 5, 23)
    assert row["discretionary"] == [{"id": "D1", "points": 1.5, "reason": "迎检材料不实"}]


def test_the_doc_extra_fragment_is_the_tested_scheme() -> None:
    import re

    from .helpers import ROOT

    text = (ROOT / "docs" / "assessment.md").read_text(encoding="utf-8")
    fragment = re.findall(r"<!-- extra-fragment -->\n```yaml\n(.*?)```\n<!-- /extra-fragment -->", text, re.S)
    assert len(fragment) == 1 and fragment[0] in EXTRA_SCHEME


def test_vetoes_on_any_recorded_fact(tmp_path: Path) -> None:
    from .assess_base import TINY

    scheme = TINY["scheme.yaml"].replace(
        "  等次:\n",
        "    - {编号: V4, 名称: 久拖不查, 条件: 事件标记, 标记: 久拖不查, 对象: [班子], 最高等次: 不合格}\n"
        "    - {编号: V5, 名称: 上年度末位, 条件: 评定, 评定项目: 上年度排名, 等次: [末位], 对象: [班子], 最高等次: 合格}\n"
        "  等次:\n", 1)
    events = TINY["events.yaml"].replace("    事由: 违规发放津贴\n", "    事由: 违规发放津贴\n    标记: [久拖不查]\n")
    ratings = TINY["ratings.yaml"] + "  PD2:\n    项目: 上年度排名\n    班子: {hdz: 末位, czj: 中间}\n"
    a = assess_tiny(tmp_path, scheme_yaml=scheme, events_yaml=events, ratings_yaml=ratings)
    czj, hdz, jw = a.get("team:czj"), a.get("team:hdz"), a.get("team:jw")
    assert [(v.id, str(v.reason)) for v in czj.vetoes] == [("V4", "问责事件 W1 标记为「久拖不查」")]
    assert czj.grade == "不合格"
    assert [(v.id, str(v.reason)) for v in hdz.vetoes] == [("V5", "考核评定 PD2「上年度排名」为「末位」")]
    assert hdz.score_grade in ("优秀", "良好") and hdz.grade == "合格"
    assert jw.vetoes == ()


def test_a_veto_on_a_fact_without_the_fact_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .assess_base import TINY

    scheme = TINY["scheme.yaml"].replace(
        "  等次:\n", "    - {编号: V4, 名称: 久拖不查, 条件: 事件标记, 对象: [班子], 最高等次: 不合格}\n  等次:\n", 1)
    out = _check(capsys, tiny(tmp_path, scheme_yaml=scheme))
    assert "scheme.yaml:56:30: error[A260] 考核方案: 条件为事件标记的一票否决缺少「标记」" in out


def test_explain_shows_the_indicators_note(tmp_path: Path) -> None:
    scheme = SCHEME.replace("              名称: 任职谈话\n", "              名称: 任职谈话\n              说明: 新任职干部任前谈话\n")
    text = explain(assess_tiny(tmp_path, scheme_yaml=scheme, duties_yaml=DUTIES), "fwj")
    i = text.index("  F2 任职谈话（2 分）")
    assert text[i + 1] == "      说明：新任职干部任前谈话"


def test_explain_prints_only_the_warnings_about_its_target(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from lzzr.assess.run import AssessRun, problems_shown

    a = assess_tiny(tmp_path)  # jw's team and czj's and hdz's principals … have no poll: A301 each
    run = AssessRun(load_workspace(tiny(tmp_path / "w"))[0], list(a.problems), a)
    everyone = [p.args.get("target") for p in problems_shown(run, None) if p.code == "A301"]
    assert len(everyone) > 1
    only = [p.args.get("target") for p in problems_shown(run, "team:jw") if p.code == "A301"]
    assert only == [a.get("team:jw").target.name]


def test_check_with_a_scheme_file_finds_voter_classes_it_does_not_weight(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .helpers import SAMPLE

    text = (SAMPLE / "scheme.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "scheme.yaml"
    bad.write_text(text.replace("类别权重: {班子成员: 30, 中层干部: 40, 群众代表: 30}",
                                "类别权重: {班子成员: 30, 中层干部: 70}"), encoding="utf-8")
    code, out, _ = run(capsys, "check", str(SAMPLE), "--scheme", str(bad))
    assert code == 1
    assert ("polls.yaml:12:7: error[A303] 民主测评 MC-altsm: 考核方案没有测评人类别「群众代表」的权重；"
            "已有：中层干部、班子成员") in out
    assert run(capsys, "check", str(SAMPLE))[0] == 0  # the workspace's own scheme weights them
    code, _, err = run(capsys, "assess", str(SAMPLE), "--scheme", str(bad), "--no-pdf", "--no-archive")
    assert code == 1
    assert err.rstrip().endswith(f"请先改正（lzzr check --scheme {bad}）")


CLASSES = (
    "  分类: {苏木镇: [苏木镇], 旗直部门: [部门, 纪委监委]}\n"
    "  分类排名: true\n"
)


def test_items_ranking_and_quota_by_unit_category(tmp_path: Path) -> None:
    from .assess_base import TINY

    scheme = TINY["scheme.yaml"].replace("  对象:\n", CLASSES + "  对象:\n", 1).replace(
        "            - {编号: C1, 名称: 融入业务, 分值: 10, 类型: 评定, 评定项目: 融入业务, 等次: {好: 100, 较好: 80, 一般: 60}}\n",
        "            - {编号: C1, 名称: 融入业务, 分值: 10, 类型: 评定, 评定项目: 融入业务, 等次: {好: 100, 较好: 80, 一般: 60},"
        " 适用: [苏木镇]}\n", 1).replace("  优秀名额: {比例: 50, 并列: [民主测评]}\n",
                                        "  优秀名额: {比例: 50, 并列: [民主测评], 按分类: true}\n")
    a = assess_tiny(tmp_path, scheme_yaml=scheme)
    base = assess_tiny(tmp_path / "b")
    hdz, czj, jw = (a.get(f"team:{u}") for u in ("hdz", "czj", "jw"))
    assert (hdz.category, czj.category, jw.category) == ("苏木镇", "旗直部门", "旗直部门")
    # C1 applies to townships only: hdz keeps its rating (好 → 10); czj (一般 → 6) and jw (较好 → 8) get full marks
    c1 = {r.target.key: str(r.lines[3].points) for r in (hdz, czj, jw)}
    assert c1 == {"team:hdz": "10.00", "team:czj": "10.00", "team:jw": "10.00"}
    assert str(czj.total - base.get("team:czj").total) == "4.00"
    assert str(czj.lines[3].calc) == "不适用，按满分计：10"
    # hdz is alone in its category: rank 1 of 1; the departments rank among themselves
    assert (hdz.rank, hdz.of) == (1, 1)
    assert sorted((czj.rank, jw.rank)) == [1, 2] and czj.of == jw.of == 2
    team_steps = [q for q in a.quota if q.kind == "班子"]
    assert [(q.category, q.count, q.allowed) for q in team_steps] == [("旗直部门", 2, 1), ("苏木镇", 1, 0)]


def test_an_unknown_category_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .assess_base import TINY

    scheme = TINY["scheme.yaml"].replace("  对象:\n", CLASSES + "  对象:\n", 1).replace(
        "类型: 任务完成}\n", "类型: 任务完成, 适用: [乡镇]}\n", 1)
    out = _check(capsys, tiny(tmp_path, scheme_yaml=scheme))
    assert "error[A270] 考核方案: 「乡镇」不是考核方案“分类”中的分类；已有：苏木镇、旗直部门" in out


def _team_ref(tmp_path: Path, source: str) -> Assessment:
    from .assess_base import TINY

    teams = TINY["teams.yaml"].replace("      - {领导: fwj, 职务: 红岱镇党委书记, 角色: 正职}\n",
                                       "      - {领导: fwj, 职务: 红岱镇党委书记, 角色: 正职}\n"
                                       "      - {领导: ccd, 职务: 红岱镇党委副书记}\n"
                                       "      - {领导: qym, 职务: 红岱镇党委委员}\n")
    ratings = TINY["ratings.yaml"].replace("    成员: {lzq: 好, zhm: 较好, ccd: 一般}\n",
                                           "    成员: {lzq: 好, zhm: 较好, ccd: 一般, fwj: 好, qym: 较好}\n")
    scheme = TINY["scheme.yaml"].replace(
        "            - {编号: C1, 名称: 融入业务, 分值: 10, 类型: 评定, 评定项目: 融入业务, 等次: {好: 100, 较好: 80, 一般: 60}}\n",
        f"            - {{编号: C1, 名称: 融入业务, 分值: 10, 类型: 引用, 取自: {source}, 引用指标: C1}}\n", 1)
    return assess_tiny(tmp_path, teams_yaml=teams, ratings_yaml=ratings, scheme_yaml=scheme)


def test_a_team_score_from_its_members_average_or_its_principal(tmp_path: Path) -> None:
    line = _team_ref(tmp_path, "成员平均").get("team:hdz").lines[3]
    # member C1 (20 points): 范文杰 好 20/20 = 100%, 陈长达 一般 12/20 = 60%, 钱玉梅 较好 16/20 = 80%
    assert [str(d) for d in line.details] == ["范文杰：20.00/20 = 100.00%", "陈长达：12.00/20 = 60.00%",
                                              "钱玉梅：16.00/20 = 80.00%"]
    assert str(line.calc) == "3 人平均 80.00%；10 × 80.00% = 8.00"
    assert str(_team_ref(tmp_path / "b", "正职").get("team:hdz").lines[3].points) == "10.00"  # 范文杰 好


def test_a_reference_to_a_missing_indicator_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .assess_base import TINY

    scheme = TINY["scheme.yaml"].replace(
        "            - {编号: C2, 名称: 扣分, 分值: 10, 类型: 扣分, 扣分标准: {通报批评: 3, 重大案件: 8, 纪律处分: 10}}\n",
        "            - {编号: C2, 名称: 扣分, 分值: 10, 类型: 引用, 取自: 成员平均, 引用指标: C9}\n", 1)
    out = _check(capsys, tiny(tmp_path, scheme_yaml=scheme))
    assert "error[A281] 考核方案: 成员平均方案中没有可引用的指标 C9（不能是引用类）" in out


def test_nested_groups_category_project_indicator(tmp_path: Path) -> None:
    a = assess_tiny(tmp_path, scheme_yaml=NESTED_SCHEME, duties_yaml=DUTIES)
    r = a.get("principal:hdz:fwj")
    std = r.standards[0]
    assert [(g.name, str(g.points)) for g in std.groups] == [("报告和谈话", "11.50"), ("会议和评定", "8.00")]
    assert str(r.total) == "19.50"  # the same as without 项目: 10 + 1.5 + 5 + 3
    text = explain(a, "fwj")
    assert "  （1）报告和谈话（12 分）" in text
    assert "  报告和谈话小计：10.00 + 1.50 = 11.50（满分 12）" in text
    assert "  小计：11.50 + 8.00 = 19.50（满分 25）" in text


def test_project_points_that_do_not_add_up_are_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    scheme = NESTED_SCHEME.replace("              分值: 12\n", "              分值: 11\n", 1)
    out = _check(capsys, tiny(tmp_path, scheme_yaml=scheme, duties_yaml=DUTIES))
    assert "error[A201] 考核方案: 「报告和谈话」各指标分值合计 12 分，与本组分值 11 分不符（多 1 分）" in out


def test_co_operating_units_share_of_a_task_when_the_scheme_says_so(tmp_path: Path) -> None:
    from .assess_base import TINY

    tasks = TINY["tasks.yaml"].replace("  T2: {名称: 财政资金检查, 牵头部门: czj,", "  T2: {名称: 财政资金检查, 牵头部门: czj, 协办单位: hdz,")
    plain = assess_tiny(tmp_path, tasks_yaml=tasks)
    assert str(plain.get("team:hdz").lines[0].points) == "36.00"  # T3 on time 1 + T4 late 0.8 = 1.8 / 2 = 90%
    scheme = TINY["scheme.yaml"].replace("{编号: A1, 名称: 任务, 分值: 40, 类型: 任务完成}",
                                         "{编号: A1, 名称: 任务, 分值: 40, 类型: 任务完成, 协办权重: 0.5}", 1)
    line = assess_tiny(tmp_path / "b", tasks_yaml=tasks, scheme_yaml=scheme).get("team:hdz").lines[0]
    # T2 (co-operated, done on time) counts with weight 0.5: (1 + 0.8 + 0.5) ÷ 2.5 = 92.00%; 40 × 92% = 36.80
    assert str(line.calc) == "计分×权重合计 2.3 ÷ 权重合计 2.5 = 92.00%；40 × 92.00% = 36.80"
    assert str(line.details[-1]).startswith("T2 财政资金检查：") and str(line.details[-1]).endswith("，权重 0.5")
