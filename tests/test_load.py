"""Loading a workspace: model, inheritance, references, cycles, located messages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lzzr.errors import UsageError
from lzzr.i18n import set_lang
from lzzr.problems import format_problem, sorted_problems
from lzzr.workspace.load import load_workspace

from .helpers import MINI, mini_workspace


@pytest.fixture(autouse=True)
def chinese() -> None:
    set_lang("zh")


def lines(root: Path) -> list[str]:
    _ws, problems = load_workspace(root)
    return [format_problem(p) for p in sorted_problems(problems)]


def test_mini_workspace_loads_clean(tmp_path: Path) -> None:
    ws, problems = load_workspace(mini_workspace(tmp_path))
    assert problems == []
    assert ws.config is not None and ws.config.year == 2026
    assert set(ws.units) == {"qw", "qzf", "jw", "czj"}
    assert ws.leaders["wjg"].name == "王建国"
    assert [p.leader for p in ws.teams["qw"].principals()] == ["wjg"]
    assert ws.tasks["T01"].deadline == dt.date(2026, 12, 31)


def test_subtask_inherits_from_parent(tmp_path: Path) -> None:
    ws, _ = load_workspace(mini_workspace(tmp_path))
    sub = ws.tasks["T01.1"]
    assert (sub.lead, sub.leader, sub.supervisor, sub.sources) == ("jw", "zhm", "qw", ("S01",))
    assert sub.deadline == dt.date(2026, 3, 31)  # its own value wins
    assert ws.inherited["T01.1"] == {"sources", "lead", "leader", "supervisor"}


def test_unknown_reference_names_file_line_record_and_suggests(tmp_path: Path) -> None:
    tasks = MINI["tasks.yaml"].replace("牵头部门: jw", "牵头部门: czjj")
    assert lines(mini_workspace(tmp_path, tasks_yaml=tasks)) == [
        "tasks.yaml:5:11: error[R001] 任务 T01: 牵头部门 'czjj' 不存在（是否指「czj」？）",
    ]


def test_english_messages(tmp_path: Path) -> None:
    set_lang("en")
    tasks = MINI["tasks.yaml"].replace("牵头部门: jw", "牵头部门: czjj")
    assert lines(mini_workspace(tmp_path, tasks_yaml=tasks)) == [
        "tasks.yaml:5:11: error[R001] task T01: 牵头部门 'czjj' does not exist (did you mean 'czj'?)",
    ]


def test_invalid_record_does_not_cascade(tmp_path: Path) -> None:
    # T01 is invalid; T01.1 points at it but must not be reported as a dangling reference
    tasks = MINI["tasks.yaml"].replace("完成时限: 2026年12月31日", "完成时限: 明年")
    assert lines(mini_workspace(tmp_path, tasks_yaml=tasks)) == [
        "tasks.yaml:8:11: error[S005] 任务 T01: 「完成时限」日期无效：'明年'，应写作 2026-06-30 或 2026年6月30日",
    ]


def test_english_field_name_gets_the_chinese_key_suggested(tmp_path: Path) -> None:
    tasks = MINI["tasks.yaml"].replace("    监督主体: qw\n", "    supervisor: qw\n")
    assert lines(mini_workspace(tmp_path, tasks_yaml=tasks)) == [
        "tasks.yaml:9:5: error[S002] 任务 T01: 未知字段「supervisor」（是否指「监督主体」？）",
    ]


def test_nested_missing_field_points_at_its_mapping(tmp_path: Path) -> None:
    tasks = MINI["tasks.yaml"].replace("{姓名: 孙立, 职务: 主任}", "{姓名: 孙立}")
    assert lines(mini_workspace(tmp_path, tasks_yaml=tasks)) == [
        "tasks.yaml:13:5: error[S016] 任务 T01.1: 具体负责人缺少「职务」：请写 {姓名: …, 职务: …}，或写 {领导: 领导编号}（班子中的领导）",
    ]


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        load_workspace(tmp_path / "nope")


def test_locate_fields_and_records(tmp_path: Path) -> None:
    ws, _ = load_workspace(mini_workspace(tmp_path))
    assert str(ws.locate("task", "T01")) == "tasks.yaml:2:3"
    assert str(ws.locate("task", "T01", "牵头部门")) == "tasks.yaml:5:11"
    assert str(ws.locate("task", "T01.1", "牵头部门")) == "tasks.yaml:10:3"  # inherited: the record
    assert str(ws.locate("team", "qw", "成员", 1, "分管", 0)) == "teams.yaml:5:38"
