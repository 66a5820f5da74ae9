"""`lzzr status` and the status computation at fixed dates (--on)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from lzzr.errors import ExitCode
from lzzr.i18n import set_lang
from lzzr.supervision.status import compute_status
from lzzr.supervision.summary import count, focuses
from lzzr.workspace.load import load_workspace

from .helpers import MINI_CLEAN, SAMPLE, copy_sample, mini_workspace, run

D = dt.date

# T02's 总负责人 leaves on 6-30; the new 副旗长 takes over 财政局 from 7-1.
TEAMS_CHANGE = MINI_CLEAN["teams.yaml"].replace(
    "      - {领导: lzq, 职务: 旗长, 角色: 正职, 分管: [czj]}\n",
    "      - {领导: lzq, 职务: 旗长, 角色: 正职}\n"
    "      - {领导: wfz, 职务: 副旗长, 分管: [czj], 止: 2026-06-30}\n"
    "      - {领导: hdl, 职务: 副旗长, 分管: [czj], 起: 2026-07-01}\n")
LEADERS_CHANGE = MINI_CLEAN["leaders.yaml"] + "  wfz: 王福志\n  hdl: 韩德利\n"
TASKS_CHANGE = MINI_CLEAN["tasks.yaml"].replace("    总负责人: lzq\n", "    总负责人: wfz\n")


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def state(root: Path, tid: str, day: D) -> str:
    ws, problems = load_workspace(root)
    assert not problems
    return next(x.state for x in compute_status(ws, day).tasks if x.id == tid)


def test_due_yesterday_is_overdue_due_today_is_not(tmp_path: Path) -> None:
    root = mini_workspace(tmp_path, clean=True)
    assert state(root, "T01.1", D(2026, 4, 1)) == "overdue"
    assert state(root, "T01.1", D(2026, 3, 31)) == "due_soon"
    assert state(root, "T02", D(2026, 3, 31)) == "on_track"


def test_done_counts_from_its_day_only(tmp_path: Path) -> None:
    progress = "任务进展:\n  T01.1: {状态: 已完成, 完成日期: 2026-03-20}\n"
    root = mini_workspace(tmp_path, clean=True, progress_yaml=progress)
    assert state(root, "T01.1", D(2026, 3, 19)) == "due_soon"
    assert state(root, "T01.1", D(2026, 3, 20)) == "done"
    assert state(root, "T01.1", D(2026, 12, 31)) == "done"


def test_post_change_moves_the_task_to_the_new_holder(tmp_path: Path) -> None:
    root = mini_workspace(tmp_path, clean=True, teams_yaml=TEAMS_CHANGE, leaders_yaml=LEADERS_CHANGE,
                          tasks_yaml=TASKS_CHANGE)
    ws, _ = load_workspace(root)
    leader = {day: next(x.leader for x in compute_status(ws, day).tasks if x.id == "T02")
              for day in (D(2026, 6, 30), D(2026, 7, 1))}
    assert leader == {D(2026, 6, 30): "wfz", D(2026, 7, 1): "hdl"}


def test_principal_change_moves_the_duties_to_the_new_principal(tmp_path: Path) -> None:
    teams = MINI_CLEAN["teams.yaml"].replace(
        "      - {领导: wjg, 职务: 旗委书记, 角色: 正职}\n",
        "      - {领导: wjg, 职务: 旗委书记, 角色: 正职, 止: 2026-06-30}\n"
        "      - {领导: hdl, 职务: 旗委书记, 角色: 正职, 起: 2026-07-01}\n")
    root = mini_workspace(tmp_path, clean=True, teams_yaml=teams, leaders_yaml=LEADERS_CHANGE)
    ws, _ = load_workspace(root)
    duties = {d.kind: d.leader for d in compute_status(ws, D(2026, 8, 1)).duties if d.team == "qw"}
    assert duties["廉政党课"] == "wjg"          # due 5-15, under the old secretary
    assert duties["年中专题会议"] == "hdl"      # due 7-14, the new one's
    assert duties["年终专题会议"] == "hdl"


def test_unreported_after_the_configured_days(tmp_path: Path) -> None:
    config = MINI_CLEAN["lzzr.yaml"] + "监督:\n  未报送天数: 30\n"
    reports = "进展报告:\n  R1: {任务: T02, 日期: 2026-05-01, 状态: 进行中, 完成比例: 40}\n"
    root = mini_workspace(tmp_path, clean=True, lzzr_yaml=config, supervision_yaml=reports)
    ws, problems = load_workspace(root)
    assert not problems
    quiet = {day: next(x.unreported for x in compute_status(ws, day).tasks if x.id == "T02")
             for day in (D(2026, 5, 31), D(2026, 6, 1), D(2026, 4, 30))}
    assert quiet == {D(2026, 5, 31): False, D(2026, 6, 1): True, D(2026, 4, 30): True}


def test_sample_mid_year_and_year_end() -> None:
    ws, _ = load_workspace(SAMPLE)
    mid, end = compute_status(ws, D(2026, 7, 15)), compute_status(ws, D(2026, 12, 31))
    assert count(mid.tasks).overdue == 4 and count(end.tasks).overdue == 5
    gzy = [d for d in end.duties if d.team == "qw" and d.kind in
           ("部署分解", "公开承诺", "廉政谈话", "廉政党课", "调研督办", "年中专题会议", "听取汇报",
            "年终专题会议", "述职述廉")]
    assert (len(gzy), sum(d.state == "done" for d in gzy)) == (9, 6)
    assert [r.state for r in end.rects] == ["done", "done", "overdue", "done"]
    assert [r.state for r in mid.rects] == ["due_soon", "done", "on_track"]
    lead_units = [u for u, _, _ in focuses(mid).leads]
    assert "mzj" in lead_units and "sjj" in lead_units


def test_cli_status_json_at_a_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "status", str(mini_workspace(tmp_path, clean=True)), "--on", "2026-04-01",
                         "--format", "json")
    assert (code, err) == (ExitCode.OK, "")
    data = json.loads(out)
    assert data["on"] == "2026-04-01"
    assert data["overall"]["tasks"] == {"total": 2, "done": 0, "on_track": 1, "due_soon": 0, "overdue": 1,
                                        "unreported": 2}  # no report in the 60 days since 1-1
    assert [(x["id"], x["state"], x["leader"]) for x in data["tasks"]] == [
        ("T01.1", "overdue", "zhm"), ("T02", "on_track", "lzq")]


def test_cli_status_text_csv_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(mini_workspace(tmp_path / "ws", clean=True))
    code, out, _ = run(capsys, "status", ws, "--on", "2026年4月1日")
    assert code == ExitCode.OK
    assert out.startswith("截至2026年4月1日总体情况\n")
    assert "重点一：一把手履职（防止只挂帅不出征）" in out and "逾期任务" in out
    code, out, _ = run(capsys, "status", ws, "--on", "2026-04-01", "--format", "csv")
    assert out.splitlines()[1] == "T01.1,签订责任书,旗纪委监委,赵慧敏,2026年3月31日,逾期,是,"  # as in every lzzr CSV
    code, out, _ = run(capsys, "status", ws, "--on", "2026-04-01", "--format", "xlsx", "--out", str(tmp_path / "o"))
    target = tmp_path / "o" / "2026-落实情况-2026-04-01.xlsx"
    assert (code, out) == (ExitCode.OK, f"已写入 {target}\n")
    assert "逾期任务" in load_workbook(target).sheetnames


def test_cli_status_unit_and_leader_filters(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = str(copy_sample(tmp_path / "ws"))
    code, out, _ = run(capsys, "status", ws, "--on", "2026-07-15", "--unit", "zjj", "-f", "json")
    assert code == ExitCode.OK
    data = json.loads(out)
    assert {x["lead"] for x in data["tasks"]} == {"zjj"}
    assert [(r["inspection"], r["n"]) for r in data["rectifications"]] == [("DC2026-01", 1), ("DC2026-01", 2),
                                                                          ("DC2026-01", 3)]
    code, out, _ = run(capsys, "status", ws, "--on", "2026-07-15", "--leader", "clm", "-f", "json")
    data = json.loads(out)
    assert "T16.1" in [x["id"] for x in data["tasks"]]  # djp's task, clm's since 7-1
    assert {x["leader"] for x in data["tasks"]} == {"clm"}


def test_cli_status_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = str(mini_workspace(tmp_path, clean=True))
    assert run(capsys, "status", ws, "--on", "2026-13-01") == (
        ExitCode.USAGE, "", "日期 '2026-13-01' 无法识别；请写 2026-07-15 或 2026年7月15日\n")
    assert run(capsys, "status", ws, "--unit", "czz") == (ExitCode.USAGE, "", "没有单位 'czz'（是否指「czj」？）\n")
    assert run(capsys, "--lang", "en", "status", ws, "--on", "soon") == (
        ExitCode.USAGE, "", "cannot read the date 'soon'; write 2026-07-15\n")


def test_members_duty_records_by_the_day(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    duties = "履职记录:\n  lzq:\n    记录:\n      - {事项: 听取汇报, 日期: 2026-03-10}\n      - {事项: 廉政谈话, 日期: 2026-05-10}\n"
    ws = str(mini_workspace(tmp_path, clean=True, duties_yaml=duties))
    code, out, _ = run(capsys, "status", ws, "--on", "2026-04-01", "-f", "json")
    assert code == ExitCode.OK
    assert json.loads(out)["by_leader"]["lzq"] == {"total": 1, "done": 0, "on_track": 1, "due_soon": 0,
                                                  "overdue": 0, "unreported": 1, "duty_records": 1}


def test_letters_signed_and_signed_late_as_of_the_day(tmp_path: Path) -> None:
    from lzzr.supervision.status import Paper
    from lzzr.supervision.summary import letters

    plan = MINI_CLEAN["plan.yaml"].replace("  组织者: wjg\n", "  组织者: wjg\n  责任书签订时限: 2026-03-31\n")
    ws, problems = load_workspace(mini_workspace(tmp_path, clean=True, plan_yaml=plan))
    assert not problems
    papers = [Paper("L1", "letter", "czj", ("wjg", "sl"), D(2026, 3, 1), D(2026, 3, 20)),
              Paper("L2", "letter", "jw", ("wjg", "zhm"), D(2026, 3, 1), D(2026, 4, 5)),
              Paper("L3", "letter", "qzf", ("wjg", "lzq"), None, None),
              Paper("P1", "pledge", "qw", ("wjg",), D(2026, 2, 20), None)]
    got = letters(compute_status(ws, D(2026, 4, 10), papers))
    assert (got.due, got.issued, got.signed, got.late, got.unsigned, got.pledge_docs) == (3, 2, 2, 1, ("L3",), 1)
    early = letters(compute_status(ws, D(2026, 3, 25), papers))
    assert (early.signed, early.unsigned) == (1, ("L2", "L3"))
