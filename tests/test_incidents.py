"""Incidents (问责事件) as records and the 责任追究规定: located errors, the forms of handling."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.i18n import set_lang
from lzzr.problems import format_problem
from lzzr.records_check import check_all as check_records
from lzzr.workspace.load import load_workspace
from lzzr.workspace.records import events

from .assess_base import tiny


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def lines(root: Path, **changes: str | None) -> list[str]:
    ws, problems = load_workspace(tiny(root, **changes))
    return [format_problem(p) for p in [*problems, *check_records(ws)]]


GRAVE = ("问责事件:\n  W1:\n    日期: 2026-05-01\n    单位: czj\n    事由: 挪用扶贫资金\n    情形: 2\n"
         "    程度: 严重\n    当事人: [钱某]\n    处理:\n"
         "      - {领导: qym, 方式: 书面检查}\n      - {领导: ccd, 方式: 批评教育}\n")


def test_the_incident_record_reads_every_field(tmp_path: Path) -> None:
    text = ("问责事件:\n  W1:\n    日期: 2026-05-01\n    单位: czj\n    事由: 挪用扶贫资金\n    情形: 2\n"
            "    程度: 严重\n    当事人: [qym, {姓名: 钱某, 职务: 出纳}]\n    事实: 出纳挪用资金。\n"
            "    证据: [审计报告]\n    重点: [监督失察, 管理失效]\n"
            "    决定: {机关: 中共示例旗纪律检查委员会, 日期: 2026-06-01, 文号: 示纪发〔2026〕9号}\n"
            "    处理:\n      - {领导: qym, 方式: 组织处理, 细目: 免职}\n")
    ws, problems = load_workspace(tiny(tmp_path, events_yaml=text))
    assert problems == [] and check_records(ws) == []
    e = events(ws)["W1"]
    assert [(p.leader, p.name, p.post) for p in e.involved] == [("qym", None, None), (None, "钱某", "出纳")]
    assert (e.severity, e.grave, e.focus, e.evidence) == ("严重", True, ("监督失察", "管理失效"), ("审计报告",))
    assert e.decision is not None and (e.decision.number, e.decision.date.isoformat()) == ("示纪发〔2026〕9号", "2026-06-01")
    assert e.sanctions[0].detail == "免职"


def test_grave_incident_handled_by_criticism_only(tmp_path: Path) -> None:
    assert lines(tmp_path, events_yaml=GRAVE) == [
        "events.yaml:7:9: error[AC05] 问责事件 W1: 严重事件只作书面检查、批评教育：不能用批评教育代替责任追究"
        "（应给予组织处理、纪律处分或其他处理）",
        "events.yaml:11:23: warning[AC04] 问责事件 W1: 处理方式「批评教育」不在严重事件可以采用的处理方式中"
        "（纪律处分、组织处理、一票否决、经济处罚、诫勉谈话、通报批评、书面检查）",
    ]


def test_criticism_only_as_a_warning_or_off_by_configuration(tmp_path: Path) -> None:
    rules = "责任追究规定:\n  以批评代替追究: 警告\n"
    assert lines(tmp_path, events_yaml=GRAVE, rules_yaml=rules)[0].startswith(
        "events.yaml:7:9: warning[AC05] 问责事件 W1: 严重事件只作书面检查、批评教育")
    off = "责任追究规定:\n  以批评代替追究: 关闭\n"
    assert [x for x in lines(tmp_path / "b", events_yaml=GRAVE, rules_yaml=off) if "AC05" in x] == []


def test_a_major_case_without_a_degree_counts_as_grave(tmp_path: Path) -> None:
    text = GRAVE.replace("    程度: 严重\n", "    重大案件: true\n")
    assert lines(tmp_path, events_yaml=text)[0].startswith("events.yaml:7:11: error[AC05]")
    # one real form of accountability among the criticism: no AC05
    heavier = GRAVE.replace("方式: 批评教育", "方式: 诫勉谈话")
    assert [x for x in lines(tmp_path / "b", events_yaml=heavier) if "AC05" in x] == []


def test_decision_dated_before_the_incident(tmp_path: Path) -> None:
    text = GRAVE.replace("    处理:\n", "    决定: {机关: 旗纪委, 日期: 2026-04-01}\n    处理:\n").replace(
        "方式: 批评教育", "方式: 纪律处分")
    assert lines(tmp_path, events_yaml=text) == [
        "events.yaml:9:23: error[AC06] 问责事件 W1: 责任追究决定日期2026年4月1日早于事件日期2026年5月1日",
    ]


def test_unknown_person_degree_and_situation(tmp_path: Path) -> None:
    text = ("问责事件:\n  W1:\n    日期: 2026-05-01\n    单位: czj\n    事由: x\n    情形: 7\n"
            "    程度: 严重的\n    当事人: [qyn, {姓名: 某某, 关系: 配偶, 亲属领导: qqq}]\n")
    assert lines(tmp_path, events_yaml=text) == [
        "events.yaml:6:9: error[AC01] 问责事件 W1: 「情形」7 不是《关于实行党风廉政建设责任制的规定》规定的追究情形（1、2、3、4、5、6）",
        "events.yaml:7:9: error[AC02] 问责事件 W1: 「程度」应为一般、较重、严重之一，实为「严重的」（是否指「严重」？）",
        "events.yaml:8:11: error[A120] 问责事件 W1: 当事人 'qyn' 不存在（是否指「qym」？）",
        "events.yaml:8:39: error[A120] 问责事件 W1: 当事人 'qqq' 不存在",
    ]


def test_a_later_regulation_replaces_the_list_of_situations(tmp_path: Path) -> None:
    rules = ("责任追究规定:\n  名称: 《示例问责规定》\n  情形: {1: 甲, 2: 乙, 7: 丙}\n  选人用人情形: 2\n"
             "  可用方式: {严重: [纪律处分, 免职了]}\n  处理方式: {纪律处分: 追究, 记大功: 追究}\n")
    text = "问责事件:\n  W1:\n    日期: 2026-05-01\n    单位: czj\n    事由: x\n    情形: 7\n"
    assert lines(tmp_path, events_yaml=text, rules_yaml=rules) == [
        "rules.yaml:5:21: error[AC10] 责任追究规定: 处理方式「免职了」未定义（可用：纪律处分、记大功）",
        "rules.yaml:6:20: error[AC10] 责任追究规定: 处理方式「记大功」未定义（可用：批评教育、书面检查、通报批评、"
        "诫勉谈话、经济处罚、一票否决、组织处理、纪律处分）",
    ]
