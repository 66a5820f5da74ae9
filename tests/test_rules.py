"""The four-principle rules: a clean base, one minimal break per rule, settings, `lzzr rules`."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lzzr.check import CheckResult, check_workspace
from lzzr.errors import ExitCode, Severity
from lzzr.i18n import set_lang
from lzzr.messages import CATALOG
from lzzr.problems import format_problem
from lzzr.responsibility import responsibility_chain
from lzzr.rules import REGISTRY, run_rules
from lzzr.rules.p4_operability import builtin_slogans, find_slogans, similarity
from lzzr.workspace.load import load_workspace

from .helpers import build_tree, run
from .rules_base import BASE, BREAKERS, apply, broken


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def tree(root: Path, files: dict[str, str]) -> Path:
    text: dict[str, str | bytes] = dict(files)
    return build_tree(root, text)


def check(root: Path, files: dict[str, str]) -> CheckResult:
    return check_workspace(tree(root, files))


def found(result: CheckResult) -> list[tuple[str, str]]:
    return [(p.code, str(p.location)) for p in result.problems]


def lines(result: CheckResult) -> list[str]:
    return [format_problem(p) for p in result.problems]


def test_base_passes_every_rule(tmp_path: Path) -> None:
    result = check(tmp_path, BASE)
    assert found(result) == []
    assert result.settings == {}


def test_every_rule_has_a_breaker() -> None:
    assert sorted(BREAKERS) == sorted(REGISTRY)
    assert len(REGISTRY) == 24


@pytest.mark.parametrize("rule_id", sorted(BREAKERS))
def test_breaker_breaks_exactly_its_rule(tmp_path: Path, rule_id: str) -> None:
    assert found(check(tmp_path, broken(rule_id))) == [(rule_id, BREAKERS[rule_id][1])]


MESSAGES = {
    "P1.1": "teams.yaml:5:33: error[P1.1] 班子 qw: 班子有 2 名正职（王建国、李志强），应当只有一名",
    "P1.2": "plan.yaml:3:10: error[P1.2] 方案: 第一责任人赵慧敏（zhm）不是发文班子旗委（qw）的正职；第一责任人应为一把手王建国",
    "P1.3": "plan.yaml:4:8: error[P1.3] 方案: 组织者高丽霞（glx）不是发文班子旗委（qw）的正职；责任分解应由一把手王建国亲自组织",
    "P1.4": "plan.yaml:6:3: error[P1.4] 方案: 一把手职责缺少：廉政党课；请为每项写明 事项 和 日期",
    "P1.5": "tasks.yaml:51:11: error[P1.5] 任务 T02.1: 到完成时限2026年9月30日，总负责人陈长达（ccd）已不在旗委（qw）"
            "及其下属班子任职，责任链到不了一把手王建国（wjg）；请改由届时在任的分管领导负责，或调整完成时限",
    "P2.1": "teams.yaml:12:14: error[P2.1] 班子 qzf: 成员朝鲁门（clm）任“旗长助理”的任职记录没有分管单位；"
            "班子其他成员应各有分管，请填写“分管”",
    "P2.2": "teams.yaml:7:14: error[P2.2] 班子 qw: 成员高丽霞（glx）不是任何任务的总负责人（分管：组织部（zzb）、宣传部（xcb））；"
            "请由其担任分管单位牵头任务的总负责人",
    "P2.3": "teams.yaml:7:50: error[P2.3] 班子 qw: 单位红岱镇（hdz）同时由赵慧敏、高丽霞分管；一个单位只能有一名分管领导",
    "P2.4": "tasks.yaml:21:11: error[P2.4] 任务 T01.1: 总负责人高丽霞（glx）不是牵头部门旗纪委监委（jw）的分管领导；"
            "应为赵慧敏，或一把手王建国",
    "P2.6": "teams.yaml:7:50: error[P2.6] 班子 qw: 成员高丽霞（glx）任“旗委常委、组织部部长”时分管财政局（czj），"
            "但该单位的上一级班子是旗政府（qzf），而该成员不在旗政府（qzf）班子任职；请改由旗政府（qzf）班子的成员分管"
            "（同时在该班子任职的领导可以分管）",
    "P2.5": "teams.yaml:7:35: warning[P2.5] 班子 qw: 成员高丽霞（glx）分管 3 个单位，超过本班子成员分管数中位数（1）的两倍；"
            "请考虑调整分工",
    "P3.1": "upper.yaml:6:3: error[P3.1] 上级任务 S04: 没有分解到任何任务；请在任务的“来源”中写上 S04",
    "P3.2": "tasks.yaml:83:3: error[P3.2] 任务 T03.2: 末级任务没有具体负责人；请填写 具体负责人 的姓名和职务，落实到岗位、落实到人",
    "P3.3": "tasks.yaml:20:11: error[P3.3] 任务 T01.1: 牵头部门旗纪委监委（jw）不在上一级任务 T02 的牵头部门旗政府（qzf）之下；"
            "子任务不能超出上一级任务的范围",
    "P3.4": "tasks.yaml:63:11: error[P3.4] 任务 T02.2: 完成时限2026年12月15日晚于上一级任务 T02 的完成时限2026年11月30日",
    "P3.5": "units.yaml:6:3: error[P3.5] 单位 xcb: 承担任务（T01）但没有领导班子，无法与其一把手签订责任书；"
            "请在“班子”节中添加该单位的班子和正职",
    "P4.1": "tasks.yaml:64:3: error[P4.1] 任务 T03: 缺少「保障措施」；请填写（子任务可不填，从上一级任务继承）",
    "P4.2": "tasks.yaml:76:11: error[P4.2] 任务 T03: 监督主体旗纪委监委（jw）就是牵头部门本身；谁的责任检查谁，请改由其他单位监督",
    "P4.3": "tasks.yaml:74:11: error[P4.3] 任务 T03: 完成时限2027年1月31日不在 2026 年度内",
    "P4.4": "tasks.yaml:81:11: error[P4.4] 任务 T03.1: 工作标准只有口号（进一步加强、切实），无法检查：没有量化指标或成果，"
            "也没有数字、比例或《…》；请写明数量、比例、时限或成果",
    "P4.5": "tasks.yaml:68:9: warning[P4.5] 任务 T03: 内容与上级任务 S03 原文相似度 95%，疑似照抄照搬；"
            "请结合本地实际写明怎么做、做到什么程度",
}


@pytest.mark.parametrize("rule_id", sorted(MESSAGES))
def test_breaker_message(tmp_path: Path, rule_id: str) -> None:
    assert lines(check(tmp_path, broken(rule_id))) == [MESSAGES[rule_id]]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_message_is_filled_in(tmp_path: Path, lang: str) -> None:
    set_lang(lang)
    for rule_id in sorted(BREAKERS):
        result = check(tmp_path / rule_id, broken(rule_id))
        [problem] = result.problems
        assert problem.msg in CATALOG
        assert not set("{}") & set(format_problem(problem)), format_problem(problem)


def test_english_message(tmp_path: Path) -> None:
    set_lang("en")
    assert lines(check(tmp_path, broken("P2.4"))) == [
        "tasks.yaml:21:11: error[P2.4] task T01.1: the 总负责人 高丽霞 (glx) is not in charge of the lead unit "
        "旗纪委监委 (jw); name 赵慧敏, or the principal 王建国"
    ]


# --- settings -------------------------------------------------------------------------------

def test_setting_off_silences_and_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = apply((("lzzr.yaml", "文号前缀: 示党发\n", "文号前缀: 示党发\n规则: {P2.5: 关闭}\n"),), broken("P2.5"))
    root = tree(tmp_path, files)
    code, out, _ = run(capsys, "check", str(root))
    assert code == ExitCode.OK
    assert out.splitlines()[0] == "规则设置：P2.5 → 关闭"
    assert check_workspace(root).problems == []


def test_setting_warning_downgrades(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = apply((("lzzr.yaml", "文号前缀: 示党发\n", "文号前缀: 示党发\n规则:\n  P4.4: 警告\n"),), broken("P4.4"))
    root = tree(tmp_path, files)
    code, out, _ = run(capsys, "check", str(root))
    assert code == ExitCode.OK
    assert out.splitlines()[:2] == [MESSAGES["P4.4"].replace("error[P4.4]", "warning[P4.4]"), "规则设置：P4.4 → 警告"]
    assert run(capsys, "check", "--strict", str(root))[0] == ExitCode.PROBLEMS


# --- lzzr rules -----------------------------------------------------------------------------

def test_rules_lists_every_id(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == ExitCode.OK
    assert [line.split("\t")[0] for line in out.splitlines()] == sorted(REGISTRY)
    assert "P2.5\twarning\t分工大体均衡" in out.splitlines()


def test_rules_explains_one(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules", "P2.3")
    assert code == ExitCode.OK
    assert out.startswith("P2.3\terror\t每个下属单位有且只有一名分管领导\n\n班子其他成员各负其责：")
    assert "在年度内每一天都应恰好由该班子一名领导分管" in out
    code, out, _ = run(capsys, "--lang", "en", "rules", "P2.3")
    assert "Each other member answers for their share (P2)" in out


@pytest.mark.parametrize("rule_id", sorted(REGISTRY))
def test_explanation_cites_the_principle(rule_id: str) -> None:
    principle = {"P1": "一把手负总责", "P2": "班子其他成员各负其责", "P3": "层层负责", "P4": "可操作性"}[rule_id[:2]]
    zh, en = REGISTRY[rule_id].explain
    assert zh.startswith(principle) and f"({rule_id[:2]})" in en


# --- each rule's other cases ----------------------------------------------------------------

def test_tasks_without_a_plan_section(tmp_path: Path) -> None:
    files = {k: v for k, v in BASE.items() if k != "plan.yaml"}
    assert lines(check(tmp_path, files)) == [
        "tasks.yaml:2:3: error[P1.2] 方案: 已有任务，但没有“方案”节，第一责任人未记录在案；"
        "请在数据文件中写明 方案: 班子、第一责任人、组织者（见 docs/format.md）"
    ]


def test_an_invalid_plan_is_not_reported_again(tmp_path: Path) -> None:
    files = apply((("plan.yaml", "  组织者: wjg\n", ""),))
    assert [p.code for p in check(tmp_path, files).problems] == ["S001"]


def test_special_meeting_outside_its_half_year(tmp_path: Path) -> None:
    files = apply((("plan.yaml", "{事项: 年中专题会议, 日期: 2026-07-14}", "{事项: 年中专题会议, 日期: 2026-03-15}"),))
    assert lines(check(tmp_path, files)) == [
        "plan.yaml:12:24: error[P1.4] 方案: “年中专题会议”的日期2026年3月15日不在2026年4月1日至2026年9月30日之间"
    ]


def test_chain_from_a_leader_outside_the_issuing_team(tmp_path: Path) -> None:
    files = apply((
        ("units.yaml", "单位:\n", "单位:\n  sjw: {名称: 示例市纪委监委, 类别: 纪委监委}\n"),
        ("leaders.yaml", "领导:\n", "领导:\n  fxm: 冯晓敏\n"),
        ("teams.yaml", "班子:\n", "班子:\n  sjw:\n    成员:\n      - {领导: fxm, 职务: 市纪委书记, 角色: 正职, 分管: [jw]}\n"),
        ("tasks.yaml", "总负责人: zhm\n    具体负责人: {姓名: 孙立", "总负责人: fxm\n    具体负责人: {姓名: 孙立"),
    ))
    assert lines(check(tmp_path, files)) == [
        "tasks.yaml:21:11: error[P1.5] 任务 T01.1: 总负责人冯晓敏（fxm）不在旗委（qw）及其下属任何班子任职，"
        "责任链到不了一把手王建国（wjg）；请改由本级分管领导负责",
        # a charge from outside the remit does not count (P2.6), so P2.4 has nothing to add
        "teams.yaml:4:43: error[P2.6] 班子 sjw: 成员冯晓敏（fxm）任“市纪委书记”时分管旗纪委监委（jw），但该单位的上一级班子"
        "是旗委（qw），而该成员不在旗委（qw）班子任职；请改由旗委（qw）班子的成员分管（同时在该班子任职的领导可以分管）",
    ]


def test_responsibility_chain(tmp_path: Path) -> None:
    ws, _ = load_workspace(tree(tmp_path, BASE))
    march, august = dt.date(2026, 3, 1), dt.date(2026, 8, 1)
    assert responsibility_chain(ws, "ccd", march) == ["ccd", "lzq", "wjg"]
    assert responsibility_chain(ws, "ccd", august) == ["ccd"]
    assert responsibility_chain(ws, "glx", march) == ["glx", "wjg"]
    assert responsibility_chain(ws, "hxm", march) == ["hxm", "zhm", "wjg"]
    assert responsibility_chain(ws, "wjg", march) == ["wjg"]


def test_gap_in_charge_after_a_mid_year_change(tmp_path: Path) -> None:
    files = apply((("teams.yaml", "起: 2026-07-01}", "起: 2026-07-15}"),))
    assert lines(check(tmp_path, files)) == [
        "teams.yaml:11:47: error[P2.3] 班子 qzf: 自2026年7月1日起，单位财政局（czj）无人分管；请在一名成员的“分管”中加入该单位",
        "teams.yaml:11:47: error[P2.3] 班子 qzf: 自2026年7月1日起，单位住建局（zjj）无人分管；请在一名成员的“分管”中加入该单位",
    ]


def test_unit_nobody_is_in_charge_of(tmp_path: Path) -> None:
    files = apply((("teams.yaml", "分管: [zzb, xcb]", "分管: [zzb]"),))
    assert lines(check(tmp_path, files)) == [
        "teams.yaml:3:5: error[P2.3] 班子 qw: 单位宣传部（xcb）无人分管；请在一名成员的“分管”中加入该单位"
    ]


def test_sub_task_with_its_own_lead_unit_keeps_the_inherited_leader(tmp_path: Path) -> None:
    # T03.1 names its own lead unit outside T03's remit and inherits T03's 总负责人, who is
    # not in charge of it: one change, two findings, both at the lead unit.
    files = apply((("tasks.yaml", "    所属任务: T03\n    具体负责人: {姓名: 马丽娜", "    所属任务: T03\n    牵头部门: zzb\n    具体负责人: {姓名: 马丽娜"),))
    assert lines(check(tmp_path, files)) == [
        "tasks.yaml:80:11: error[P2.4] 任务 T03.1: 总负责人赵慧敏（zhm）不是牵头部门组织部（zzb）的分管领导；应为高丽霞，或一把手王建国",
        "tasks.yaml:80:11: error[P3.3] 任务 T03.1: 牵头部门组织部（zzb）不在上一级任务 T03 的牵头部门旗纪委监委（jw）之下；"
        "子任务不能超出上一级任务的范围",
    ]


def test_unit_without_a_team_above(tmp_path: Path) -> None:
    files = apply((
        ("units.yaml", "单位:\n", "单位:\n  rd: {名称: 示例旗人大常委会, 类别: 人大}\n"),
        ("teams.yaml", "班子:\n", "班子:\n  rd:\n    成员:\n      - {领导: hxm, 职务: 人大常委会主任, 角色: 正职}\n"),
        ("tasks.yaml", "协办单位: [qzf, hdz]", "协办单位: [qzf, hdz, rd]"),
    ))
    assert lines(check(tmp_path, files)) == [
        "units.yaml:2:3: error[P3.5] 单位 rd: 承担任务（T01）但没有上一级班子，无法签订责任书；请填写“上级”"
    ]


def test_missing_standard_is_not_inherited(tmp_path: Path) -> None:
    files = apply((("tasks.yaml", "    工作标准: 干部任职后15日内开展集体廉政谈话\n", ""),))
    assert lines(check(tmp_path, files)) == ["tasks.yaml:83:3: error[P4.1] 任务 T03.2: 缺少「工作标准」；请填写"]


def test_user_slogans_extend_the_list(tmp_path: Path) -> None:
    files = apply((
        ("lzzr.yaml", "文号前缀: 示党发\n", "文号前缀: 示党发\n口号词: [增强廉洁意识]\n"),
        *BREAKERS["P4.4"][0],
    ))
    [line] = lines(check(tmp_path, files))
    assert "工作标准只有口号（进一步加强、切实、增强廉洁意识）" in line


def test_standard_without_slogans_or_numbers(tmp_path: Path) -> None:
    files = apply((("tasks.yaml", "工作标准: 6月集中开展警示教育，科级以上干部参学率100%", "工作标准: 集中开展警示教育"),))
    assert lines(check(tmp_path, files)) == [
        "tasks.yaml:81:11: error[P4.4] 任务 T03.1: 工作标准无法检查：没有量化指标或成果，标准中也没有数字、比例或《…》；"
        "请写明数量、比例、时限或成果"
    ]


@pytest.mark.parametrize("standard", ["全年集中开展两次警示教育", "形成《警示教育工作台账》", "参学率达到百分之九十五", "三个月内完成整改"])
def test_measurable_wording_passes(tmp_path: Path, standard: str) -> None:
    files = apply((("tasks.yaml", "工作标准: 6月集中开展警示教育，科级以上干部参学率100%", f"工作标准: {standard}"),))
    assert found(check(tmp_path, files)) == []


@pytest.mark.parametrize("standard", ["增强四个意识", "每半年通报", "一把手带头抓"])
def test_numbers_that_are_not_targets_fail(tmp_path: Path, standard: str) -> None:
    files = apply((("tasks.yaml", "工作标准: 6月集中开展警示教育，科级以上干部参学率100%", f"工作标准: {standard}"),))
    assert found(check(tmp_path, files)) == [("P4.4", "tasks.yaml:81:11")]


def test_deadline_before_the_year(tmp_path: Path) -> None:
    files = apply((("tasks.yaml", "集体廉政谈话\n    完成时限: 2026-12-31", "集体廉政谈话\n    完成时限: 2025-12-31"),))
    assert found(check(tmp_path, files)) == [("P4.3", "tasks.yaml:88:11")]


def test_helpers() -> None:
    assert "进一步加强" in builtin_slogans() and all(not w.startswith("#") for w in builtin_slogans())
    assert find_slogans("进一步加强教育，切实加强管理，切实", ["进一步", "进一步加强", "切实", "切实加强"]) == [
        "进一步加强", "切实加强", "切实"]
    assert similarity("加强教育。", "加强 教育") == 1.0


# --- records that failed to load, partial data ----------------------------------------------

def test_failed_sub_task_keeps_its_parent_a_non_leaf(tmp_path: Path) -> None:
    files = apply((("tasks.yaml", "    完成时限: 2026-06-30\n  T03.2:", "    完成时限: 2026-06-31\n  T03.2:"),))
    assert [p.code for p in check(tmp_path, files).problems] == ["S005"]


def test_failed_team_does_not_shift_the_remit(tmp_path: Path) -> None:
    files = apply((("teams.yaml", "{领导: lzq, 职务: 旗长, 角色: 正职}", "{领导: lzq, 职务: 旗长, 角色: 首长}"),))
    assert [p.code for p in check(tmp_path, files).problems] == ["S004"]


PARTIAL: dict[str, tuple[tuple[tuple[str, str, str], ...], list[str]]] = {
    "unknown lead": ((("tasks.yaml", "牵头部门: zjj", "牵头部门: zzj"),), ["R001"]),
    "unknown leader": ((("tasks.yaml", "总负责人: clm", "总负责人: cml"),), ["R001"]),
    "unknown parent": ((("tasks.yaml", "所属任务: T02\n    牵头部门: zjj", "所属任务: T09\n    牵头部门: zjj"),), ["R001"]),
    "team without members": ((("teams.yaml", "  hdz:\n    成员:\n      - {领导: hxm, 职务: 红岱镇党委书记, 角色: 正职}\n",
                               "  hdz:\n    成员: []\n"),), ["P1.1"]),
    "unknown plan team": ((("plan.yaml", "班子: qw", "班子: qq"),), ["R001"]),
    "unit cycle": ((("units.yaml", "{名称: 中共示例旗委员会, 简称: 旗委, 类别: 党委}", "{名称: 中共示例旗委员会, 类别: 党委, 上级: hdz}"),),
                   ["R003"]),
    "task cycle": ((("tasks.yaml", "名称: 旗委履行党风廉政建设主体责任", "名称: 旗委履行党风廉政建设主体责任\n    所属任务: T01.2"),),
                   ["R003"]),
    "no config": ((("lzzr.yaml", "年度: 2026", "年度: 两千"),), ["S003"]),
}


@pytest.mark.parametrize("name", sorted(PARTIAL))
def test_partial_data_gives_no_rule_cascade(tmp_path: Path, name: str) -> None:
    changes, codes = PARTIAL[name]
    result = check(tmp_path, apply(changes))
    assert [p.code for p in result.problems] == codes
    assert run_rules(result.workspace)[0] == ([] if name != "team without members" else result.problems)


def test_severities() -> None:
    assert {r for r, rule in REGISTRY.items() if rule.severity is Severity.WARNING} == {"P2.5", "P4.5", "P4.8"}


# --- the order of records does not change what is found --------------------------------------

_MANY = ("P1.5", "P2.4", "P3.2", "P4.4", "P4.5")


def _task_blocks(text: str) -> list[str]:
    head, *blocks = text.split("\n  T")
    assert head == "任务:"
    return ["  T" + b.rstrip("\n") + "\n" for b in blocks]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_record_order_does_not_change_the_findings(data: st.DataObject) -> None:
    files = apply(tuple(c for r in _MANY for c in BREAKERS[r][0]))
    blocks = data.draw(st.permutations(_task_blocks(files["tasks.yaml"])))
    shuffled = {**files, "tasks.yaml": "任务:\n" + "".join(blocks)}
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        want = check(Path(a), files)
        got = check(Path(b), shuffled)
    key = [(p.code, p.record, p.msg, tuple(sorted(p.args.items()))) for p in want.problems]
    assert sorted(key, key=repr) == sorted(
        [(p.code, p.record, p.msg, tuple(sorted(p.args.items()))) for p in got.problems], key=repr)
    assert sorted(p.code for p in want.problems) == sorted(_MANY)


def test_rule_gaps_found_on_real_looking_data(tmp_path: Path) -> None:
    """Issue 13, items 12 and 14: a unit both lead and co-operating; a target that cannot be right."""
    assert lines(check(tmp_path / "a", broken("P4.6"))) == [
        "tasks.yaml:70:17: error[P4.6] 任务 T03: 牵头部门旗纪委监委（jw）同时列为协办单位；牵头部门负直接责任，请从协办单位中删去"]
    assert lines(check(tmp_path / "b", broken("P4.7"))) == [
        "tasks.yaml:13:27: error[P4.7] 任务 T01: 量化指标“常委会专题研究”的目标为 120%，超过 100%，不可能达到；"
        "请改为不超过 100 的百分比"]
    negative = apply((("tasks.yaml", "{指标: 常委会专题研究, 目标: 4, 单位: 次}", "{指标: 常委会专题研究, 目标: -2, 单位: 次}"),))
    assert lines(check(tmp_path / "c", negative)) == [
        "tasks.yaml:13:27: error[P4.7] 任务 T01: 量化指标“常委会专题研究”的目标为 -2次，是负数，无法达到；请写明要达到的数量"]
    zero = apply((("tasks.yaml", "{指标: 常委会专题研究, 目标: 4, 单位: 次}", "{指标: 常委会专题研究, 目标: 0, 单位: 次}"),))
    assert lines(check(tmp_path / "d", zero)) == []  # 0 can be meant (问题发生 0 起)
