"""责任分解表: static view (per leader) and dynamic view (per lead unit)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lzzr.decompose.views import (
    DYNAMIC_HEADERS,
    STATIC_HEADERS,
    dynamic_view,
    format_targets,
    static_view,
)
from lzzr.errors import Severity
from lzzr.numbers import num as format_number
from lzzr.render.tables import Table
from lzzr.responsibility import IMPORTANT, MAIN, task_responsibility
from lzzr.text import natural_key
from lzzr.workspace.load import Workspace, load_workspace
from lzzr.workspace.model import Target

from .helpers import MINI, SAMPLE, mini_workspace

T01_FULL = MINI["tasks.yaml"].replace(
    "    监督主体: qw\n",
    "    监督主体: qw\n"
    "    协办单位: [czj, qzf]\n"
    "    量化指标:\n"
    "      - {指标: 专题会议, 目标: 2, 单位: 次}\n"
    "      - {指标: 责任书签订率, 目标: 100.0, 单位: \"%\"}\n"
    "    保障措施: [纳入年度目标责任考核, 旗纪委每季度督查通报]\n",
)


def load(root: Path, **changes: str | None) -> Workspace:
    ws, problems = load_workspace(mini_workspace(root, **changes))
    assert problems == []
    return ws


def rows_of(table: Table, column: str, value: str) -> list[list[str]]:
    i = table.headers.index(column)
    return [row for row in table.rows if row[i] == value]


# --- static view ---------------------------------------------------------------------

def test_static_view_of_the_mini_workspace(tmp_path: Path) -> None:
    table = static_view(load(tmp_path))
    assert table.title == "示例旗2026年党风廉政建设责任分解表（静态：按领导分工）"
    assert table.headers == STATIC_HEADERS == ["领导", "职务", "分管单位", "任务编号", "任务", "责任"]
    assert table.group == 3
    assert table.rows == [
        ["王建国", "旗委书记", "", "T01", "落实责任制", "重要领导责任"],
        ["王建国", "旗委书记", "", "T01.1", "签订责任书", "重要领导责任"],
        # two posts (旗委 and 旗政府), one leader, the posts' titles merged
        ["李志强", "旗委副书记、旗长", "旗政府、财政局", "", "", ""],
        ["赵慧敏", "旗委常委、纪委书记", "旗纪委监委", "T01", "落实责任制", "主要领导责任"],
        ["赵慧敏", "旗委常委、纪委书记", "旗纪委监委", "T01.1", "签订责任书", "主要领导责任"],
    ]


def test_member_in_charge_of_a_co_unit_bears_important_responsibility(tmp_path: Path) -> None:
    table = static_view(load(tmp_path, tasks_yaml=T01_FULL))
    # 李志强 is in charge of 财政局 (旗政府 team) and of 旗政府 (旗委 team): both co-units of T01.
    # Co-units are not inherited, so the sub-task T01.1 does not reach him.
    assert rows_of(table, "领导", "李志强") == [
        ["李志强", "旗委副书记、旗长", "旗政府、财政局", "T01", "落实责任制", IMPORTANT],
    ]
    assert [r[5] for r in rows_of(table, "领导", "赵慧敏")] == [MAIN, MAIN]


def test_static_view_agrees_with_the_responsibility_module(tmp_path: Path) -> None:
    ws = load(tmp_path, tasks_yaml=T01_FULL)
    names = {lid: leader.name for lid, leader in ws.leaders.items()}
    table = static_view(ws)
    for tid, task in ws.tasks.items():
        expected = {(names[lid], resp) for lid, resp in task_responsibility(ws, task).items()}
        assert {(r[0], r[5]) for r in rows_of(table, "任务编号", tid)} == expected


MIDYEAR_TEAMS = MINI["teams.yaml"] + (
    "      - {领导: ccd, 职务: 副旗长, 分管: [czj], 止: 2026-06-30}\n"
    "      - {领导: lxm, 职务: 副旗长, 分管: [czj], 起: 2026-07-01}\n"
)
MIDYEAR_LEADERS = MINI["leaders.yaml"] + "  ccd: 陈长达\n  lxm: 刘晓明\n"


def test_posts_with_dates_are_qualified_over_the_year_and_filtered_on_a_day(tmp_path: Path) -> None:
    ws = load(tmp_path, teams_yaml=MIDYEAR_TEAMS, leaders_yaml=MIDYEAR_LEADERS)
    year = static_view(ws)
    assert [r[:3] for r in year.rows if r[0] in ("陈长达", "刘晓明")] == [
        ["陈长达", "副旗长（至2026年6月30日）", "财政局"],
        ["刘晓明", "副旗长（2026年7月1日起）", "财政局"],
    ]
    july = static_view(ws, dt.date(2026, 7, 1))
    assert july.title == "示例旗2026年党风廉政建设责任分解表（静态：按领导分工，2026年7月1日）"
    assert [r[:3] for r in july.rows if r[0] in ("陈长达", "刘晓明")] == [["刘晓明", "副旗长", "财政局"]]


def test_leaders_follow_the_issuing_team_then_the_others(tmp_path: Path) -> None:
    # The 旗政府 team comes first in the file; the issuing team (旗委, the root) still leads.
    teams = (
        "班子:\n"
        "  qzf:\n"
        "    成员:\n"
        "      - {领导: ccd, 职务: 副旗长, 分管: [czj]}\n"
        "      - {领导: lzq, 职务: 旗长, 角色: 正职}\n"
        "  qw:\n"
        "    成员:\n"
        "      - {领导: wjg, 职务: 旗委书记, 角色: 正职}\n"
        "      - {领导: zhm, 职务: 旗委常委、纪委书记, 分管: [jw]}\n"
        "      - {领导: lzq, 职务: 旗委副书记、旗长, 分管: [qzf]}\n"
    )
    ws = load(tmp_path, teams_yaml=teams, leaders_yaml=MINI["leaders.yaml"] + "  ccd: 陈长达\n")
    rows = static_view(ws).rows
    assert list(dict.fromkeys(r[0] for r in rows)) == ["王建国", "赵慧敏", "李志强", "陈长达"]
    # posts in team order too: the 旗委 title before the 旗政府 one
    assert rows_of(static_view(ws), "领导", "李志强")[0][1:3] == ["旗委副书记、旗长", "旗政府"]


def test_tasks_sort_in_natural_id_order(tmp_path: Path) -> None:
    extra = "".join(
        f"  {tid}: {{名称: 任务{tid}, 所属任务: T01}}\n" for tid in ("T01.10", "T01.2")
    ) + "".join(
        f"  {tid}: {{名称: 任务{tid}, 牵头部门: jw, 总负责人: zhm}}\n" for tid in ("T10", "T2")
    )
    ws = load(tmp_path, tasks_yaml=MINI["tasks.yaml"] + extra)
    expected = ["T01", "T01.1", "T01.2", "T01.10", "T2", "T10"]
    assert [r[3] for r in rows_of(static_view(ws), "领导", "赵慧敏")] == expected
    assert [r[1] for r in dynamic_view(ws).rows] == expected


def test_natural_key() -> None:
    ids = ["T10", "T01.10", "T2", "T01", "T01.2", "T01.1", "S1", "T1"]
    assert sorted(ids, key=natural_key) == ["S1", "T01", "T1", "T01.1", "T01.2", "T01.10", "T2", "T10"]


# --- dynamic view --------------------------------------------------------------------

def test_dynamic_view_groups_sub_tasks_under_the_lead_unit_with_inherited_fields(tmp_path: Path) -> None:
    table = dynamic_view(load(tmp_path, tasks_yaml=T01_FULL))
    assert table.title == "示例旗2026年党风廉政建设责任分解表（动态：按牵头部门）"
    assert table.headers == DYNAMIC_HEADERS
    assert table.group == 1
    assert table.rows == [
        ["旗纪委监委", "T01", "落实责任制", "财政局、旗政府", "每年召开不少于2次专题会议",
         "专题会议 2 次; 责任书签订率 100 %", "2026年12月31日",
         "纳入年度目标责任考核；旗纪委每季度督查通报", "旗委", ""],
        # lead, deadline's absence aside, safeguards and supervisor come from T01;
        # co-units, standard and targets are the sub-task's own (none)
        ["旗纪委监委", "T01.1", "签订责任书", "", "", "", "2026年3月31日",
         "纳入年度目标责任考核；旗纪委每季度督查通报", "旗委", "孙立（主任）"],
    ]


def test_dynamic_view_orders_lead_units_as_written_and_puts_unknown_last(tmp_path: Path) -> None:
    tasks = MINI["tasks.yaml"] + (
        "  T02: {名称: 预算公开, 牵头部门: czj, 总负责人: lzq}\n"
        "  T01.2: {名称: 政府系统签订责任书, 所属任务: T01, 牵头部门: qzf}\n"
    )
    ws = load(tmp_path, tasks_yaml=tasks)
    # units.yaml order: qw, qzf, jw, czj
    assert [r[:2] for r in dynamic_view(ws).rows] == [
        ["旗政府", "T01.2"], ["旗纪委监委", "T01"], ["旗纪委监委", "T01.1"], ["财政局", "T02"],
    ]


def test_numbers_and_targets() -> None:
    assert [format_number(v) for v in (2.0, 100.0, 2.5, 0.1, 1e-05, 0.0)] == ["2", "100", "2.5", "0.1",
                                                                             "0.00001", "0"]
    targets = [Target.model_validate({"指标": "专题会议", "目标": 2, "单位": "次"}),
               Target.model_validate({"指标": "签订率", "目标": 100, "单位": "%"}),
               Target.model_validate({"指标": "覆盖率", "目标": 99.5})]
    assert format_targets(targets) == "专题会议 2 次; 签订率 100 %; 覆盖率 99.5"
    assert format_targets([]) == ""


def test_table_rejects_ragged_rows() -> None:
    with pytest.raises(ValueError, match="row 0 has 1 cells"):
        Table("t", ["a", "b"], [["x"]])
    with pytest.raises(ValueError, match="group 3"):
        Table("t", ["a", "b"], [], group=3)


def test_views_of_a_workspace_without_config_or_tasks(tmp_path: Path) -> None:
    ws, _ = load_workspace(mini_workspace(tmp_path, lzzr_yaml=None, tasks_yaml=None))
    assert static_view(ws).title == "党风廉政建设责任分解表（静态：按领导分工）"
    assert dynamic_view(ws).rows == []
    # the issuing team stays in the table even with nothing to do
    assert [r[0] for r in static_view(ws).rows] == ["王建国", "李志强", "赵慧敏"]


# --- sample-data -------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample() -> Workspace:
    ws, problems = load_workspace(SAMPLE)
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    return ws


def test_sample_static_view(sample: Workspace) -> None:
    table = static_view(sample)
    leaders = [row[0] for row in table.rows]
    groups = list(dict.fromkeys(leaders))
    # each leader is one block of adjacent rows, the issuing team's principal first
    assert [name for i, name in enumerate(leaders) if i == 0 or leaders[i - 1] != name] == groups
    top = sample.plan.team if sample.plan else "qw"
    first = sample.leaders[sample.teams[top].principals()[0].leader].name
    assert groups[0] == first
    assert {row[5] for row in table.rows} <= {MAIN, IMPORTANT, ""}
    for tid, task in sample.tasks.items():
        if task.leader:
            assert [sample.leaders[task.leader].name, MAIN] in [[r[0], r[5]] for r in rows_of(table, "任务编号", tid)]


def test_sample_leader_on_two_teams_appears_once_with_both_posts(sample: Workspace) -> None:
    table = static_view(sample)
    two_teams = [lid for lid in sample.leaders
                 if sum(any(p.leader == lid for p in team.members) for team in sample.teams.values()) > 1]
    assert two_teams
    for lid in two_teams:
        blocks = {tuple(row[:3]) for row in rows_of(table, "领导", sample.leaders[lid].name)}
        if not blocks:
            continue  # a department principal without tasks is not listed
        assert len(blocks) == 1
        (name, title, _units), = blocks
        for team in sample.teams.values():
            for post in team.members:
                if post.leader == lid:
                    assert all(part in title for part in post.title.split("、")), (name, post.title, title)


def test_sample_dynamic_view_lists_every_task_once(sample: Workspace) -> None:
    table = dynamic_view(sample)
    assert sorted(row[1] for row in table.rows) == sorted(sample.tasks)
    labels = [sample.units[uid].label for uid in sample.units]
    leads = list(dict.fromkeys(row[0] for row in table.rows))
    assert leads == sorted(leads, key=labels.index)
    for row in table.rows:
        task = sample.tasks[row[1]]
        assert row[0] == sample.units[task.lead or ""].label
        assert row[6] == (f"{task.deadline.year}年{task.deadline.month}月{task.deadline.day}日"
                          if task.deadline else "")
