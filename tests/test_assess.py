"""The assessment: the hand-worked example of docs/assessment.md, the indicator rules on a tiny
workspace, grades, vetoes, the quota and its tie rule, the outputs."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from lzzr.assess.explain import explain
from lzzr.assess.facts import Line
from lzzr.assess.score import Assessment, Result, StandardResult, apply_quota, assess
from lzzr.assess.table import assessment_json, result_table, result_tables
from lzzr.assessees import Assessee, assessed_targets
from lzzr.i18n import set_lang
from lzzr.problems import format_problem
from lzzr.workspace.load import load_workspace
from lzzr.workspace.scheme import Scheme, scheme_of
from lzzr.workspace.scheme_check import load_scheme_file

from .assess_base import TINY, assess_tiny
from .helpers import ROOT, SAMPLE

DOC = ROOT / "docs" / "assessment.md"


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


@pytest.fixture(scope="module")
def sample() -> Assessment:
    ws, problems = load_workspace(SAMPLE)
    assert problems == []
    scheme = scheme_of(ws)
    assert scheme is not None
    return assess(ws, scheme)


def points(a: Assessment, key: str) -> dict[str, str]:
    r = a.get(key)
    return {line.id: str(line.points) for line in r.lines}


# --- the hand-worked example ------------------------------------------------------------

def doc_table() -> tuple[str, dict[str, str]]:
    text = DOC.read_text(encoding="utf-8")
    m = re.search(r"<!-- hand-example: (\S+) -->\n(.*?)<!-- /hand-example -->", text, re.S)
    assert m, "docs/assessment.md has lost its hand-example table"
    rows = [line.strip("|").split("|") for line in m.group(2).splitlines() if line.startswith("| ")]
    values = {k.strip(): v.strip() for k, v in rows if k.strip() != "项目"}
    return m.group(1), values


def test_the_program_gives_the_numbers_worked_by_hand(sample: Assessment) -> None:
    key, hand = doc_table()
    r = sample.get(key)
    program = {line.id: str(line.points) for line in r.lines}
    program |= {f"标准{'一二三四五六七八九十'[i]}": str(s.points) for i, s in enumerate(r.standards)}
    program |= {"总分": str(r.total), "等次": r.grade, "排名": str(r.rank)}
    assert program == hand


def test_explain_reproduces_the_example_in_the_doc(sample: Assessment) -> None:
    text = DOC.read_text(encoding="utf-8")
    m = re.search(r"<!-- explain: (\S+) -->\n```text\n(.*?)\n```\n<!-- /explain -->", text, re.S)
    assert m
    assert explain(sample, m.group(1)) == m.group(2).split("\n")


def test_explain_finds_a_target_by_key_unit_name_or_leader(sample: Assessment) -> None:
    by_id = explain(sample, "altsm")
    assert explain(sample, "team:altsm") == by_id
    assert explain(sample, "阿拉坦苏木") == by_id
    assert explain(sample, "byh")[0] == "白玉华（正职，principal:altsm:byh）阿拉坦苏木党委书记"
    # a leader on two posts is explained in both capacities
    heads = [line for line in explain(sample, "mqh") if line.startswith("孟庆华")]
    assert heads == ["孟庆华（正职，principal:jw:mqh）旗纪委书记、旗监委主任",
                     "孟庆华（成员，member:mqh）旗委常委、旗纪委书记、旗监委主任"]
    assert explain(sample, "nobody") == []


def test_sample_targets(sample: Assessment) -> None:
    kinds = [r.target.kind for r in sample.results]
    assert (kinds.count("班子"), kinds.count("正职"), kinds.count("成员")) == (36, 36, 16)
    assert sample.problems == ()


def test_sample_veto_caps_a_sumu_team(sample: Assessment) -> None:
    byz = sample.get("team:byz")
    assert (str(byz.total), byz.score_grade, byz.grade) == ("70.29", "合格", "基本合格")
    assert [v.id for v in byz.vetoes] == ["V3"]
    assert points(sample, "team:byz")["E1"] == "7.00"  # 15 − 8 for the major case W01
    # the member in charge is named too, but V3 concerns teams and principals only
    assert sample.get("member:tgd").vetoes == ()
    # his post as principal of 政法委 has nothing to do with an event in 巴彦镇
    assert points(sample, "principal:zfw:tgd")["E1"] == "20.00"


def test_sample_partial_year_members_answer_for_their_time(sample: Assessment) -> None:
    djp, clm = sample.get("member:djp"), sample.get("member:clm")
    assert (djp.target.end.isoformat(), clm.target.start.isoformat()) == ("2026-06-30", "2026-07-01")
    djp_tasks = [str(d).split(" ")[0] for d in djp.lines[0].details]
    clm_tasks = [str(d).split(" ")[0] for d in clm.lines[0].details]
    assert djp_tasks and clm_tasks and not set(djp_tasks) & set(clm_tasks)
    assert tuple(map(str, djp.notes)) == ("任职2026年1月1日至2026年6月30日，按任职期间考核",)


def test_sample_quota(sample: Assessment) -> None:
    for step in sample.quota:
        assert len(step.kept) <= step.allowed == step.count * 20 // 100
        assert sum(1 for r in sample.by_kind(step.kind) if r.grade == "优秀") == len(step.kept)


# --- the indicator rules on the tiny workspace -------------------------------------------

def test_tiny_numbers(tmp_path: Path) -> None:
    a = assess_tiny(tmp_path)
    # T3 on time (1), T4 late (0.8): 1.8 ÷ 2 = 90.00%, 40 × 90% = 36.00
    # poll: 干部 (8×100 + 2×75) ÷ 10 = 95.00%, 群众 (5×100 + 3×55) ÷ 8 = 83.13% (不了解 left out);
    #       (50×95.00 + 50×83.13) ÷ 100 = 89.07%, 20 × 89.07% = 17.81
    assert points(a, "team:hdz") == {"A1": "36.00", "A2": "17.81", "B1": "20.00", "C1": "10.00", "C2": "10.00"}
    assert str(a.get("team:hdz").total) == "93.81"
    # T1 unfinished, 1 of 2 meetings: 50.00% × 0.5 = 0.25 → 40 × 25% = 10.00; no poll → 0
    assert points(a, "team:jw")["A1"] == "10.00"
    assert points(a, "team:jw")["A2"] == "0.00"
    # 通报批评 of the principal in W1: the team loses 3, the principal 5
    assert points(a, "team:czj")["C2"] == "7.00"
    assert points(a, "principal:czj:qym")["C2"] == "15.00"
    # zhm answers for jw (T1: 0.25) and hdz (T3: 1, T4: 0.8): 2.05 ÷ 3 = 68.33%, 60 × 68.33% = 41.00
    assert points(a, "member:zhm")["A1"] == "41.00"
    # 5 of 10 ballots returned, below the quorum of 60%: the poll is invalid
    assert points(a, "member:zhm")["A2"] == "0.00"
    assert "回收率 50.00% 低于 60%，测评无效，计 0" in str(a.get("member:zhm").lines[1].calc)
    # a member in charge of a unit that leads no task: full marks
    assert points(a, "member:lzq")["A1"] == "60.00"


def test_missing_polls_are_warned_about_at_the_scheme_indicator(tmp_path: Path) -> None:
    a = assess_tiny(tmp_path)
    assert [format_problem(p) for p in a.problems][:2] == [
        "scheme.yaml:11:19: warning[A301] 旗纪委领导班子没有民主测评记录，测评指标计 0 分",
        "scheme.yaml:41:20: warning[A301] 钱玉梅没有民主测评记录，测评指标计 0 分",
    ]


def test_a_poll_option_or_voter_class_the_scheme_does_not_know(tmp_path: Path) -> None:
    polls = TINY["polls.yaml"].replace("{满意: 8, 基本满意: 2}", "{满意: 8, 很满意: 2}").replace("群众:", "群众代表:")
    a = assess_tiny(tmp_path, polls_yaml=polls)
    assert [format_problem(p) for p in a.problems if p.severity.value == "error"] == [
        "polls.yaml:6:40: error[A302] 民主测评 MC-hdz: 考核方案的测评选项中没有「很满意」；可用：满意、基本满意、不满意、不了解",
        "polls.yaml:7:7: error[A303] 民主测评 MC-hdz: 考核方案没有测评人类别「群众代表」的权重；已有：干部、群众",
    ]
    # what is left: 干部 only, 8 × 100 ÷ 8 = 100%, its weight alone: 20 × 100% = 20.00
    assert points(a, "team:hdz")["A2"] == "20.00"


def test_a_class_without_counted_votes_is_left_out_and_weights_rescaled(tmp_path: Path) -> None:
    polls = TINY["polls.yaml"].replace("{满意: 5, 不满意: 3, 不了解: 1}", "{不了解: 9}")
    a = assess_tiny(tmp_path, polls_yaml=polls)
    assert str(a.get("team:hdz").lines[1].calc) == "(50×95.00) ÷ 50 = 95.00%；20 × 95.00% = 19.00"


def test_checklist_counts_times_and_rules_in_force(tmp_path: Path) -> None:
    scheme = TINY["scheme.yaml"].replace("{事项: 部署分解, 分值: 5}", "{事项: 部署分解, 分值: 5, 次数: 2}")
    a = assess_tiny(tmp_path, scheme_yaml=scheme)
    assert points(a, "team:hdz")["B1"] == "15.00"
    assert str(a.get("team:hdz").lines[2].details[0]) == "部署分解：1 次（应不少于 2 次；2026年3月1日）→ 0/5"


def test_deductions_stop_at_the_floor(tmp_path: Path) -> None:
    events = TINY["events.yaml"] + "".join(
        f"  W{i}:\n    日期: 2026-0{i}-01\n    单位: czj\n    事由: 又一起\n    处理: [{{领导: qym, 方式: 通报批评}}]\n"
        for i in range(2, 7))
    a = assess_tiny(tmp_path, events_yaml=events)
    assert points(a, "team:czj")["C2"] == "0.00"  # 10 − 6 × 3, not below 0


# --- grades, vetoes, quota ----------------------------------------------------------------

def test_no_indicator_at_zero_is_a_condition_of_the_top_band(tmp_path: Path) -> None:
    scheme = TINY["scheme.yaml"].replace("{名称: 优秀, 最低分: 90, 条件: [无零分指标]}",
                                         "{名称: 优秀, 最低分: 30, 条件: [无零分指标]}")
    a = assess_tiny(tmp_path, scheme_yaml=scheme)
    jw = a.get("team:jw")
    assert (str(jw.total), jw.grade) == ("33.00", "不合格")
    assert str(jw.steps[0]) == "「优秀」要求无零分指标，A2 为 0 分"


def test_a_disciplined_principal_vetoes_the_team_and_the_leader(tmp_path: Path) -> None:
    events = TINY["events.yaml"].replace("{领导: qym, 方式: 通报批评}", "{领导: qym, 方式: 纪律处分}")
    a = assess_tiny(tmp_path, events_yaml=events)
    team, principal = a.get("team:czj"), a.get("principal:czj:qym")
    assert [v.id for v in team.vetoes] == ["V1"] and team.grade == "不合格"
    assert str(team.vetoes[0].reason) == "正职钱玉梅（W1）受到处分"
    assert [v.id for v in principal.vetoes] == ["V2"] and principal.grade == "不合格"


def test_a_major_case_caps_the_team_and_principal(tmp_path: Path) -> None:
    events = TINY["events.yaml"].replace("单位: czj", "单位: hdz").replace("qym", "fwj").replace(
        "    事由: 违规发放津贴\n", "    事由: 套取补贴资金\n    重大案件: true\n")
    a = assess_tiny(tmp_path, events_yaml=events)
    for key in ("team:hdz", "principal:hdz:fwj"):
        r = a.get(key)
        assert r.score_grade in ("优秀", "良好") and r.grade == "合格", key
        assert [v.id for v in r.vetoes] == ["V3"]
    assert str(a.get("team:hdz").steps[-1]) == "一票否决：最高「合格」→ 等次为「合格」"


def target(key: str) -> Assessee:
    import datetime as dt

    return Assessee(key, "班子", key, None, key, key, (key,), dt.date(2026, 1, 1), dt.date(2026, 12, 31))


def fake(key: str, total: str, poll: str = "5") -> Result:
    lines = (Line("A", "a", "任务完成", Decimal(90), Decimal(total) - Decimal(poll), "", "", ""),
             Line("B", "b", "民主测评", Decimal(10), Decimal(poll), "", "", ""))
    std = StandardResult("s", Decimal(100), None, Decimal(total), Decimal(total), lines)
    return Result(target(key), (std,), Decimal(total), (), "优秀", "优秀", ())


@pytest.fixture(scope="module")
def scheme() -> Scheme:
    found, problems = load_scheme_file(SAMPLE / "scheme.yaml")
    assert found is not None and problems == []
    return found.model_copy(update={"quota": found.quota.model_copy(update={"percent": Decimal(50)})})  # type: ignore[union-attr]


def test_quota_ties_at_the_boundary_go_together(scheme: Scheme) -> None:
    results, steps = apply_quota(scheme, [fake("a", "95"), fake("b", "93"), fake("c", "93"), fake("d", "91")])
    assert [r.grade for r in results] == ["优秀", "良好", "良好", "良好"]
    assert (steps[0].allowed, steps[0].kept, steps[0].demoted) == (2, ("a",), ("b", "c", "d"))
    assert tuple(map(str, results[1].steps[-2:])) == ("「优秀」名额 2 个已满（并列者同进同出），改评下一等次", "93 ≥ 80：达到「良好」")


def test_quota_ties_broken_by_the_poll(scheme: Scheme) -> None:
    results, steps = apply_quota(scheme, [fake("a", "95"), fake("b", "93", "8"), fake("c", "93", "9"), fake("d", "91")])
    assert [r.grade for r in results] == ["优秀", "良好", "优秀", "良好"]
    assert steps[0].kept == ("a", "c")


# --- the weighted scheme and the outputs ---------------------------------------------------

def test_weighted_scheme(sample: Assessment) -> None:
    ws, _ = load_workspace(SAMPLE)
    scheme, problems = load_scheme_file(SAMPLE / "schemes" / "weighted-50-30-20.yaml")
    assert scheme is not None and problems == []
    a = assess(ws, scheme)
    assert {r.target.kind for r in a.results} == {"班子", "正职"}
    for r in a.results:
        for std in r.standards:
            assert std.weight is not None
            assert std.points == (std.raw / 100 * std.weight).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert r.total == sum(s.points for s in r.standards)
    byz = a.get("team:byz")
    assert byz.grade == "一般" and [v.id for v in byz.vetoes] == ["V3"]
    lines = explain(a, "byz")
    assert "  折算：67.80 ÷ 100 × 50% × 100 = 33.90" in lines


def test_tables_and_json(sample: Assessment) -> None:
    table = result_table(sample)
    assert len(table.rows) == len(sample.results) == 88
    assert table.headers[:5] == ["类别", "排名", "对象", "单位/职务", "标准一"]
    row = next(r for r in table.rows if r[2] == "巴彦镇领导班子")
    assert row[-4:] == ["70.29", "V3 管辖范围内发生重大案件，需追究领导责任", "基本合格", ""]
    sheets = result_tables(sample)
    assert [t.sheet for t in sheets] == ["班子", "正职", "成员", "指标说明"]  # the last: the scheme's indicators
    assert sheets[0].headers[4] == "A1 牵头任务完成率（20）"
    data = json.loads(json.dumps(assessment_json(sample), ensure_ascii=False))
    altsm = next(r for r in data["results"] if r["key"] == "team:altsm")
    assert altsm["total"] == 84.59
    assert altsm["standards"][0]["indicators"][0]["calc"] == "2.175 ÷ 3 = 72.50%；20 × 72.50% = 14.50"


def test_explain_in_english() -> None:
    """The words are chosen when the assessment is made (the CLI sets the language first)."""
    set_lang("en")
    ws, _ = load_workspace(SAMPLE)
    scheme = scheme_of(ws)
    assert scheme is not None
    lines = explain(assess(ws, scheme), "altsm")
    assert lines[0] == "阿拉坦苏木领导班子 (team, team:altsm) 中共示例旗阿拉坦苏木委员会"
    assert "      arithmetic: 2.175 ÷ 3 = 72.50%; 20 × 72.50% = 14.50" in lines
    assert lines[-1] == "rank: 30 of 36 (team)"


def test_who_is_assessed(tmp_path: Path) -> None:
    from .assess_base import load_tiny

    keys = [t.key for t in assessed_targets(load_tiny(tmp_path))]
    assert keys == ["team:czj", "team:hdz", "team:jw", "principal:czj:qym", "principal:hdz:fwj",
                    "principal:jw:zhm", "member:ccd", "member:lzq", "member:zhm"]


# --- below the CLI ----------------------------------------------------------------------------

def test_assess_workspace(tmp_path: Path) -> None:
    from lzzr.assess.run import assess_workspace
    from lzzr.errors import LzzrError

    run = assess_workspace(SAMPLE)
    assert (run.errors, run.warnings, run.failed()) == (0, 0, False)
    assert run.assessment is not None and len(run.assessment.results) == 88
    weighted = assess_workspace(SAMPLE, SAMPLE / "schemes" / "weighted-50-30-20.yaml")
    assert weighted.assessment is not None and weighted.assessment.scheme.name.endswith("（加权）")
    from .helpers import copy_sample

    root = copy_sample(tmp_path / "none")
    (root / "scheme.yaml").unlink()
    with pytest.raises(LzzrError) as caught:
        assess_workspace(root)
    assert caught.value.code == "assess.no_scheme"
    (root / "polls.yaml").write_text((SAMPLE / "polls.yaml").read_text(encoding="utf-8").replace(
        "中层干部: {发放: 20, 收回: 19,", "中层干部: {发放: 20, 收回: 21,", 1), encoding="utf-8")
    run = assess_workspace(root, SAMPLE / "scheme.yaml")
    assert run.failed() and run.assessment is None
    assert [format_problem(p) for p in run.problems] == [
        "polls.yaml:11:26: error[A124] 民主测评 MC-altsm: 中层干部收回 21 张，超过发放的 20 张"]
