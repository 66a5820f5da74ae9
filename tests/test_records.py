"""Records and schemes: every bad input gives a located problem with the exact file:line:col."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.i18n import set_lang
from lzzr.problems import format_problem
from lzzr.records_check import check_all as check_records
from lzzr.workspace.load import load_workspace
from lzzr.workspace.scheme_check import load_scheme_file
from lzzr.workspace.sections import SECTIONS, SINGLETONS

from .assess_base import TINY, tiny
from .helpers import SAMPLE, build_tree

SCHEME = TINY["scheme.yaml"]


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def lines(root: Path, **changes: str | None) -> list[str]:
    """Every problem `lzzr check` would print for the tiny workspace changed so, plus the
    record checks (the part this module owns)."""
    ws, problems = load_workspace(tiny(root, **changes))
    return [format_problem(p) for p in [*problems, *check_records(ws)]]


def test_sections_are_registered() -> None:
    for section in ("任务进展", "履职记录", "配套制度", "民主测评", "问责事件", "考核评定"):
        assert section in SECTIONS
    assert SINGLETONS["考核方案"][0] == "scheme"


def test_tiny_and_sample_records_are_clean(tmp_path: Path) -> None:
    assert lines(tmp_path) == []
    ws, problems = load_workspace(SAMPLE)
    assert [format_problem(p) for p in [*problems, *check_records(ws)]] == []


def test_votes_above_ballots_and_returned_above_issued(tmp_path: Path) -> None:
    polls = (
        "民主测评:\n"
        "  MC-hdz:\n"
        "    对象: 班子\n"
        "    单位: hdz\n"
        "    测评人:\n"
        "      干部: {发放: 10, 收回: 9, 票数: {满意: 8, 基本满意: 2}}\n"
        "      群众: {发放: 10, 收回: 12, 票数: {满意: 5}}\n"
    )
    assert lines(tmp_path, polls_yaml=polls) == [
        "polls.yaml:6:31: error[A123] 民主测评 MC-hdz: 干部的票数合计 10，超过收回票数 9",
        "polls.yaml:7:24: error[A124] 民主测评 MC-hdz: 群众收回 12 张，超过发放的 10 张",
    ]


def test_unknown_task(tmp_path: Path) -> None:
    progress = "任务进展:\n  T1: {状态: 已完成, 完成日期: 2026-06-01}\n  T9: {状态: 已完成, 完成日期: 2026-06-01}\n"
    assert lines(tmp_path, progress_yaml=progress) == [
        "progress.yaml:3:3: error[A101] 任务进展 T9: 任务进展的编号应为任务编号：任务 'T9' 不存在",
    ]


def test_unknown_leader_in_duties_and_events(tmp_path: Path) -> None:
    duties = ("履职记录:\n  fwj:\n    记录:\n      - {事项: 部署分解, 日期: 2026-03-01}\n"
              "  fwq:\n    记录:\n      - {事项: 廉政党课, 日期: 2026-05-01}\n")
    events = ("问责事件:\n  W1:\n    日期: 2026-05-01\n    单位: czj\n    事由: 违规发放津贴\n"
              "    处理:\n      - {领导: qqq, 方式: 通报批评}\n")
    assert lines(tmp_path, duties_yaml=duties, events_yaml=events) == [
        "duties.yaml:5:3: error[A110] 履职记录 fwq: 履职记录的编号应为领导编号：领导 'fwq' 不存在（是否指「fwj」？）",
        "events.yaml:7:14: error[A120] 问责事件 W1: 领导 'qqq' 不存在",
    ]


def test_completion_date_outside_the_year(tmp_path: Path) -> None:
    progress = ("任务进展:\n  T2: {状态: 已完成, 完成日期: 2027-01-05}\n"
                "  T3:\n    状态: 已完成\n    完成日期: 2025年12月30日\n")
    assert lines(tmp_path, progress_yaml=progress) == [
        "progress.yaml:2:23: error[A104] 任务进展 T2: 完成日期2027年1月5日不在 2026 年度内",
        "progress.yaml:5:11: error[A104] 任务进展 T3: 完成日期2025年12月30日不在 2026 年度内",
    ]


def test_status_and_date_must_agree(tmp_path: Path) -> None:
    progress = "任务进展:\n  T2: {状态: 已完成}\n  T3: {状态: 未完成, 完成日期: 2026-05-01}\n"
    assert lines(tmp_path, progress_yaml=progress) == [
        "progress.yaml:2:12: error[A102] 任务进展 T2: 状态为已完成，但没有完成日期；请填写“完成日期”",
        "progress.yaml:3:23: error[A103] 任务进展 T3: 状态为未完成，不应填写完成日期；已完成的任务请把状态改为“已完成”",
    ]


def test_actual_value_for_a_metric_the_task_does_not_have(tmp_path: Path) -> None:
    progress = "任务进展:\n  T1:\n    状态: 未完成\n    实际:\n      专题会: 1\n  T2: {状态: 未完成, 实际: {次数: 1}}\n"
    assert lines(tmp_path, progress_yaml=progress) == [
        "progress.yaml:5:7: error[A105] 任务进展 T1: 任务没有量化指标「专题会」（是否指「专题会议」？）；该任务的指标：专题会议",
        "progress.yaml:6:22: error[A105] 任务进展 T2: 任务没有量化指标「次数」；该任务的指标：无",
    ]


def test_done_below_target_is_a_warning(tmp_path: Path) -> None:
    progress = "任务进展:\n  T1: {状态: 已完成, 完成日期: 2026-06-01, 实际: {专题会议: 1}}\n"
    assert lines(tmp_path, progress_yaml=progress) == [
        "progress.yaml:2:46: warning[A107] 任务进展 T1: 状态为已完成，但「专题会议」实际 1，低于目标 2",
    ]


def test_poll_of_someone_not_assessed_and_a_second_poll(tmp_path: Path) -> None:
    polls = (
        "民主测评:\n"
        "  MC-a: {对象: 正职, 单位: qw, 测评人: {干部: {发放: 1, 收回: 1, 票数: {满意: 1}}}}\n"
        "  MC-b: {对象: 成员, 领导: wjg, 测评人: {干部: {发放: 1, 收回: 1, 票数: {满意: 1}}}}\n"
        "  MC-c: {对象: 班子, 单位: czj, 测评人: {干部: {发放: 1, 收回: 1, 票数: {满意: 1}}}}\n"
        "  MC-d: {对象: 班子, 单位: czj, 测评人: {干部: {发放: 1, 收回: 1, 票数: {满意: 1}}}}\n"
        "  MC-e: {对象: 成员, 测评人: {}}\n"
    )
    assert lines(tmp_path, polls_yaml=polls) == [
        "polls.yaml:2:14: error[A122] 民主测评 MC-a: 旗委不是本年度的考核对象（正职）；考核对象见 docs/assessment.md",
        "polls.yaml:3:14: error[A122] 民主测评 MC-b: 王建国不是本年度的考核对象（成员）；考核对象见 docs/assessment.md",
        "polls.yaml:5:3: error[A126] 民主测评 MC-d: 与 MC-c 重复：财政局领导班子只能有一次民主测评",
        "polls.yaml:6:14: error[A121] 民主测评 MC-e: 测评对象为成员时必须填写「领导」",
    ]


def test_rating_of_an_unknown_or_unassessed_target(tmp_path: Path) -> None:
    ratings = "考核评定:\n  PD1:\n    项目: 融入业务\n    班子: {hdz: 好, qw: 好, hdzz: 好}\n"
    assert lines(tmp_path, ratings_yaml=ratings) == [
        "ratings.yaml:4:18: error[A141] 考核评定 PD1: 'qw' 不是本年度的考核对象（班子）",
        "ratings.yaml:4:25: error[A120] 考核评定 PD1: 单位 'hdzz' 不存在（是否指「hdz」？）",
    ]


def test_event_dates(tmp_path: Path) -> None:
    events = ("问责事件:\n  W1:\n    日期: 2025-12-01\n    单位: czj\n    事由: x\n    情形: 7\n"
              "    处理:\n      - {领导: qym, 方式: 通报批评, 日期: 2025-11-01}\n")
    assert lines(tmp_path, events_yaml=events) == [
        "events.yaml:3:9: error[A131] 问责事件 W1: 事件日期2025年12月1日不在 2026 年度内",
        "events.yaml:6:9: error[AC01] 问责事件 W1: 「情形」7 不是《关于实行党风廉政建设责任制的规定》规定的追究情形（1、2、3、4、5、6）",
        "events.yaml:8:33: error[A133] 问责事件 W1: 处理日期2025年11月1日早于事件日期2025年12月1日",
    ]


def test_type_errors_are_located_by_the_loader(tmp_path: Path) -> None:
    polls = "民主测评:\n  MC-hdz: {对象: 班子, 单位: hdz, 测评人: {干部: {发放: 十, 收回: 9.5, 票数: {}}}}\n"
    assert lines(tmp_path, polls_yaml=polls) == [
        "polls.yaml:2:44: error[S003] 民主测评 MC-hdz: 「发放」应为整数，实为文本 '十'",
        "polls.yaml:2:51: error[S003] 民主测评 MC-hdz: 「收回」应为整数，实为数字 9.5",
    ]


# --- the scheme -------------------------------------------------------------------------

def scheme_lines(root: Path, text: str) -> list[str]:
    """Problems of a scheme given in the workspace and, the same text, in a file of its own."""
    in_ws = lines(root / "ws", scheme_yaml=text)
    path = build_tree(root / "alone", {"scheme.yaml": text}) / "scheme.yaml"
    _, problems = load_scheme_file(path)
    alone = [format_problem(p).replace(str(path), "scheme.yaml") for p in problems]
    assert alone == in_ws
    return in_ws


def test_points_that_do_not_add_up_say_by_how_much(tmp_path: Path) -> None:
    text = SCHEME.replace("{编号: A1, 名称: 任务, 分值: 40, 类型: 任务完成}", "{编号: A1, 名称: 任务, 分值: 38, 类型: 任务完成}", 1)
    assert scheme_lines(tmp_path, text) == [
        "scheme.yaml:8:15: error[A201] 考核方案: 「任务和测评」各指标分值合计 58 分，与本组分值 60 分不符（少 2 分）",
    ]


def test_standards_that_do_not_add_up_to_full_marks(tmp_path: Path) -> None:
    text = SCHEME.replace("名称: 履职\n          分值: 20", "名称: 履职\n          分值: 25").replace(
        "{事项: 部署分解, 分值: 5}", "{事项: 部署分解, 分值: 10}")
    assert scheme_lines(tmp_path, text) == [
        "scheme.yaml:7:9: error[A202] 考核方案: 班子各组分值合计 105 分，应为满分 100 分（多 5 分）",
        "scheme.yaml:20:15: error[A201] 考核方案: 「履职」各指标分值合计 20 分，与本组分值 25 分不符（少 5 分）",
        "scheme.yaml:24:19: error[A205] 考核方案: 「履职和制度」各清单项分值合计 25 分，与指标分值 20 分不符（多 5 分）",
    ]


def test_weights_that_do_not_add_up(tmp_path: Path) -> None:
    text = SCHEME.replace("类别权重: {干部: 50, 群众: 50}", "类别权重: {干部: 50, 群众: 40}")
    assert scheme_lines(tmp_path, text) == [
        "scheme.yaml:17:21: error[A206] 考核方案: 测评人类别权重合计 90，应为 100（少 10 个百分点）",
    ]


def test_group_weights_must_add_up_to_100(tmp_path: Path) -> None:
    text = (SCHEME.replace("名称: 任务和测评\n          分值: 60\n", "名称: 任务和测评\n          分值: 60\n          权重: 50\n")
            .replace("名称: 履职\n          分值: 20\n", "名称: 履职\n          分值: 20\n          权重: 30\n")
            .replace("名称: 廉洁\n          分值: 20\n", "名称: 廉洁\n          分值: 20\n          权重: 15\n"))
    assert scheme_lines(tmp_path, text) == [
        "scheme.yaml:7:9: error[A203] 考核方案: 班子各组权重合计 95%，应为 100%（少 5 个百分点）",
    ]


def test_unknown_indicator_kind(tmp_path: Path) -> None:
    text = SCHEME.replace("{编号: A1, 名称: 任务, 分值: 40, 类型: 任务完成}", "{编号: A1, 名称: 任务, 分值: 40, 类型: 完成率}")
    assert scheme_lines(tmp_path, text) == [
        "scheme.yaml:10:44: error[S004] 考核方案: 「类型」的取值应为 任务完成、清单、民主测评、扣分、评定、整改、比率、引用、同类比较，实为 '完成率'",
    ]


def test_bands_out_of_order_lowest_not_zero_quota_out_of_range(tmp_path: Path) -> None:
    text = (SCHEME.replace("{名称: 良好, 最低分: 80}", "{名称: 良好, 最低分: 95}")
            .replace("{名称: 不合格, 最低分: 0}", "{名称: 不合格, 最低分: 50}")
            .replace("优秀名额: {比例: 50", "优秀名额: {比例: 150"))
    assert scheme_lines(tmp_path, text) == [
        "scheme.yaml:58:21: error[A212] 考核方案: 等次「良好」的最低分 95 不低于上一等次「优秀」的 90；等次应从高到低排列",
        "scheme.yaml:60:22: error[A213] 考核方案: 最低一档「不合格」的最低分应为 0（实为 50），否则低分的对象无法评定等次",
        "scheme.yaml:61:14: error[A210] 考核方案: 「比例」应在 0 到 100 之间，实为 150",
    ]


def test_fields_of_another_kind_and_a_factor_that_breaks_monotony(tmp_path: Path) -> None:
    text = SCHEME.replace("{编号: A1, 名称: 任务, 分值: 40, 类型: 任务完成}",
                          "{编号: A1, 名称: 任务, 分值: 40, 类型: 任务完成, 未完成系数: 0.9, 选项: {好: 1}}")
    assert scheme_lines(tmp_path, text) == [
        "scheme.yaml:10:57: error[A211] 考核方案: 未完成系数 0.9 大于逾期系数 0.8：完成一项任务反而可能降低得分",
        "scheme.yaml:10:66: error[A208] 考核方案: 「选项」只用于民主测评类指标，本指标是任务完成类",
    ]


def test_a_veto_capping_at_an_unknown_band(tmp_path: Path) -> None:
    text = SCHEME.replace("最高等次: 合格}", "最高等次: 及格}")
    assert scheme_lines(tmp_path, text) == [
        "scheme.yaml:55:56: error[A216] 考核方案: 没有等次「及格」；已有等次：优秀、良好、合格、不合格",
    ]


def test_a_scheme_file_without_its_section(tmp_path: Path) -> None:
    path = build_tree(tmp_path, {"s.yaml": "名称: x\n"}) / "s.yaml"
    scheme, problems = load_scheme_file(path)
    assert scheme is None
    assert [format_problem(p).replace(str(path), "s.yaml") for p in problems] == [
        "s.yaml:1:1: error[A200] 考核方案文件的顶层应为“考核方案:”，实为映射（键: 值）",
    ]


def test_sample_schemes_are_valid() -> None:
    for path in (SAMPLE / "scheme.yaml", SAMPLE / "schemes" / "weighted-50-30-20.yaml"):
        scheme, problems = load_scheme_file(path)
        assert scheme is not None and problems == [], path


def test_english_messages(tmp_path: Path) -> None:
    set_lang("en")
    text = SCHEME.replace("{编号: A1, 名称: 任务, 分值: 40, 类型: 任务完成}", "{编号: A1, 名称: 任务, 分值: 38, 类型: 任务完成}", 1)
    assert scheme_lines(tmp_path, text) == [
        "scheme.yaml:8:15: error[A201] scheme: '任务和测评': the indicators add up to 58, not the group's 60 (2 points short)",
    ]
