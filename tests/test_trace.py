"""`lzzr trace`: the leaders who bear leadership responsibility for an incident, as of its date."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.accountability.text import trace_lines
from lzzr.accountability.trace import trace_incident
from lzzr.i18n import set_lang
from lzzr.workspace.load import load_workspace

from .assess_base import TINY
from .helpers import SAMPLE, build_changed, run

MAIN, IMPORTANT = "主要领导责任", "重要领导责任"

# TINY, with a change of post on 1 July: 陈长达 (ccd) is in charge of 财政局 until 30 June,
# 吴立民 (wlm) from 1 July; 财政局 has a deputy (lsf); 红岱镇's principal leaves on 31 August
# (the post is vacant after); 农牧局 has a team but nobody in charge of it.
UNITS = TINY["units.yaml"] + "  nmj: {名称: 示例旗农牧局, 简称: 农牧局, 类别: 部门, 上级: qzf}\n"
LEADERS = TINY["leaders.yaml"] + "  wlm: 吴立民\n  lsf: 李顺发\n  edb: 额尔敦\n"
TEAMS = (
    "班子:\n"
    "  qw:\n    成员:\n"
    "      - {领导: wjg, 职务: 旗委书记, 角色: 正职}\n"
    "      - {领导: lzq, 职务: 旗委副书记、旗长, 分管: [qzf]}\n"
    "      - {领导: zhm, 职务: 旗委常委、纪委书记, 分管: [jw, hdz]}\n"
    "  qzf:\n    成员:\n"
    "      - {领导: lzq, 职务: 旗长, 角色: 正职}\n"
    "      - {领导: ccd, 职务: 副旗长, 分管: [czj], 止: 2026-06-30}\n"
    "      - {领导: wlm, 职务: 副旗长, 分管: [czj], 起: 2026-07-01}\n"
    "  jw:\n    成员:\n      - {领导: zhm, 职务: 纪委书记, 角色: 正职}\n"
    "  czj:\n    成员:\n"
    "      - {领导: qym, 职务: 财政局局长, 角色: 正职}\n"
    "      - {领导: lsf, 职务: 财政局副局长}\n"
    "  hdz:\n    成员:\n      - {领导: fwj, 职务: 红岱镇党委书记, 角色: 正职, 止: 2026-08-31}\n"
    "  nmj:\n    成员:\n      - {领导: edb, 职务: 农牧局局长, 角色: 正职}\n"
)


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def workspace(root: Path, unit: str, day: str, involved: str, situation: int = 2) -> Path:
    events = (f"问责事件:\n  W1:\n    日期: {day}\n    单位: {unit}\n    事由: 违规发放津贴补贴\n"
              f"    情形: {situation}\n    当事人: {involved}\n")
    return build_changed(root, TINY, {"units.yaml": UNITS, "leaders.yaml": LEADERS, "teams.yaml": TEAMS,
                                      "events.yaml": events})


def labels(root: Path, unit: str, day: str, involved: str, situation: int = 2) -> dict[str, str]:
    ws, problems = load_workspace(workspace(root, unit, day, involved, situation))
    assert [p for p in problems if p.severity.value == "error"] == []
    found = trace_incident(ws, "W1")
    assert found is not None
    return found.labels()


CASES = [
    # the principal of 财政局: the member in charge that day bears 主要
    ("czj", "2026-06-30", "[qym]", 2, {"ccd": MAIN}),
    ("czj", "2026-07-01", "[qym]", 2, {"wlm": MAIN}),
    # another member of 财政局's team: the member in charge and the unit's principal bear 重要
    ("czj", "2026-06-30", "[lsf]", 2, {"qym": IMPORTANT, "ccd": IMPORTANT}),
    ("czj", "2026-07-01", "[lsf]", 2, {"qym": IMPORTANT, "wlm": IMPORTANT}),
    # staff (outside the data): the unit's principal 主要 (总责), the member in charge 重要
    ("czj", "2026-06-30", "[孙某]", 1, {"qym": MAIN, "ccd": IMPORTANT}),
    ("czj", "2026-07-01", "[孙某]", 1, {"qym": MAIN, "wlm": IMPORTANT}),
    # a member of the upper team: its principal bears 重要 (and so does the member in charge of
    # the government, here the same 旗长)
    ("czj", "2026-06-30", "[ccd]", 1, {"lzq": IMPORTANT}),
    ("czj", "2026-07-01", "[wlm]", 1, {"lzq": IMPORTANT}),
    # selection of a lower principal (情形 3): the upper principal bears 主要 as well
    ("czj", "2026-06-30", "[qym]", 3, {"ccd": MAIN, "lzq": MAIN}),
    ("czj", "2026-07-01", "[qym]", 3, {"wlm": MAIN, "lzq": MAIN}),
    # 情形 6: the leader whose spouse it was, and the member in charge of that leader
    ("czj", "2026-07-01", "[{姓名: 周某, 关系: 配偶, 亲属领导: qym}]", 6, {"qym": MAIN, "wlm": MAIN}),
]


@pytest.mark.parametrize(("unit", "day", "involved", "situation", "expected"), CASES)
def test_incidents_by_date_around_a_change_of_post(tmp_path: Path, unit: str, day: str, involved: str,
                                                    situation: int, expected: dict[str, str]) -> None:
    got = labels(tmp_path, unit, day, involved, situation)
    assert got == expected
    assert list(got.values()) == sorted(got.values(), key=[MAIN, IMPORTANT].index)  # 主要 first


def trace_text(root: Path, unit: str, day: str, involved: str) -> list[str]:
    ws, _ = load_workspace(workspace(root, unit, day, involved))
    found = trace_incident(ws, "W1")
    assert found is not None
    return trace_lines(ws, found)


def test_the_reasoning_names_posts_and_dates(tmp_path: Path) -> None:
    lines = trace_text(tmp_path, "czj", "2026-07-01", "[qym]")
    assert lines[4:7] == [
        "负有领导责任的领导干部（按2026年7月1日的任职）：",
        "  吴立民（wlm）：主要领导责任",
        "    [R1] 吴立民任副旗长（旗政府班子，2026年7月1日起），分管财政局；钱玉梅任财政局局长（财政局班子，"
        "任职未写起止），是该单位领导班子正职 → 分管领导对分管部门、单位领导班子正职的党风廉政建设负主要领导责任"
        "（讲稿二（二），其他成员第4条）",
    ]
    assert lines[-1] == ("  财政局领导班子：全面领导责任（党委、政府以及职能部门的领导班子对职责范围内的"
                         "党风廉政建设负全面领导责任，讲稿三（一））")


def test_a_person_outside_the_data_is_reported(tmp_path: Path) -> None:
    lines = trace_text(tmp_path, "czj", "2026-06-30", "[{姓名: 孙某, 职务: 出纳}]")
    assert "当事人：孙某（出纳）" in lines
    assert lines[-2:] == ["说明：", "  当事人孙某不是工作区中的领导干部：按本单位工作人员计"]


def test_a_unit_with_no_member_in_charge_is_reported(tmp_path: Path) -> None:
    assert labels(tmp_path, "nmj", "2026-05-01", "[孙某]") == {"edb": MAIN}
    lines = trace_text(tmp_path / "b", "nmj", "2026-05-01", "[孙某]")
    assert ("  农牧局在2026年5月1日没有分管领导（上一级班子旗政府的分工中无人分管）：分管领导的责任无人承担，"
            "请核对班子分工") in lines


def test_a_principal_post_vacant_on_the_day_is_reported(tmp_path: Path) -> None:
    assert labels(tmp_path, "hdz", "2026-09-01", "[孙某]") == {"zhm": IMPORTANT}
    lines = trace_text(tmp_path / "b", "hdz", "2026-09-01", "[孙某]")
    assert "  红岱镇领导班子正职在2026年9月1日空缺（范文杰 红岱镇党委书记 至2026年8月31日）：正职的责任无人承担" in lines
    # the day before, the principal was still there
    assert labels(tmp_path / "c", "hdz", "2026-08-31", "[孙某]") == {"fwj": MAIN, "zhm": IMPORTANT}


def test_an_incident_before_the_year_is_traced_with_a_note(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = workspace(tmp_path, "czj", "2025-12-20", "[qym]")
    code, out, err = run(capsys, "trace", "W1", str(root))
    assert code == 0, err
    assert "  事件日期2025年12月20日早于本工作区的年度（2026年）：按本工作区的任职记录推定，请用当年的工作区核对" in out
    assert "  陈长达（ccd）：主要领导责任" in out
    # the same date is still an error for `lzzr check` and everything else
    code, out, _ = run(capsys, "check", str(root))
    assert code == 1 and "error[A131] 问责事件 W1: 事件日期2025年12月20日不在 2026 年度内" in out


def test_cli_json_and_unknown_incident(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = workspace(tmp_path, "czj", "2026-06-30", "[lsf]")
    code, out, _ = run(capsys, "trace", "W1", str(root), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert [(b["leader"], b["label"], [r["rule"] for r in b["reasons"]]) for b in data["bearers"]] == [
        ("ccd", IMPORTANT, ["R2"]), ("qym", IMPORTANT, ["R3"])]
    assert data["bearers"][0]["reasons"][0]["end"] == "2026-06-30"
    code, out, err = run(capsys, "trace", "W11", str(root))
    assert (code, out) == (2, "")
    assert err.strip() == "问责事件 'W11' 不存在（是否指「W1」？）"


def test_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = workspace(tmp_path, "czj", "2026-07-01", "[qym]")
    code, out, _ = run(capsys, "--lang", "en", "trace", "W1", str(root))
    assert code == 0
    assert "  吴立民 (wlm): main leadership responsibility" in out.splitlines()


def test_sample_incidents_cover_the_six_situations(tmp_path: Path) -> None:
    ws, _ = load_workspace(SAMPLE)
    from lzzr.workspace.records import events

    assert sorted({e.situation for e in events(ws).values() if e.situation}) == [1, 2, 3, 4, 5, 6]
    expected = {"W01": {"rhm": MAIN, "tgd": IMPORTANT}, "W02": {"dlj": MAIN, "djp": IMPORTANT},
                "W04": {"gzy": MAIN, "nswlj": MAIN}, "W05": {"clm": MAIN},
                "W06": {"shr": MAIN, "zwb": IMPORTANT}, "W07": {"qym": MAIN, "zwb": MAIN}}
    for eid, want in expected.items():
        found = trace_incident(ws, eid)
        assert found is not None and found.labels() == want, eid


def test_handling_that_disagrees_with_the_trace_is_noted(tmp_path: Path) -> None:
    root = workspace(tmp_path, "czj", "2026-07-01", "[孙某]")
    events = (root / "events.yaml").read_text(encoding="utf-8")
    (root / "events.yaml").write_text(events + "    处理:\n      - {领导: ccd, 方式: 通报批评}\n", encoding="utf-8")
    ws, _ = load_workspace(root)
    found = trace_incident(ws, "W1")
    assert found is not None
    assert trace_lines(ws, found)[-2:] == [
        "  陈长达已受到处理，但按规定不负领导责任，也不是当事人：请核对处理对象",
        "  钱玉梅负主要领导责任，处理中没有对其的处理：请核对（不能以批评教育代替责任追究）",
    ]


@pytest.mark.parametrize("command", [["trace"], ["dossier"], ["opinion"], ["report", "duty"]])
def test_help_is_not_cut_off(command: list[str], capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, *command, "--help")
    assert code == 0 and "…" not in out and "<bool>" not in out


def test_workspace_by_option_or_current_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = workspace(tmp_path, "czj", "2026-07-01", "[qym]")
    by_position = run(capsys, "trace", "W1", str(root))
    by_option = run(capsys, "trace", "W1", "-w", str(root))
    monkeypatch.chdir(root)
    here = run(capsys, "trace", "W1")
    assert by_position == by_option == here and by_position[0] == 0
