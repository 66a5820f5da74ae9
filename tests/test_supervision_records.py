"""进展报告 and 督查 records: located errors, like the other record sections; assess --on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.assess.score import assess
from lzzr.errors import ExitCode
from lzzr.i18n import set_lang
from lzzr.workspace.scheme import scheme_of

from .assess_base import TINY, load_tiny
from .helpers import SAMPLE, mini_workspace, run

D = dt.date

BAD = (
    "进展报告:\n"
    "  R1: {任务: T09, 日期: 2025-12-30, 状态: 进行中, 完成比例: 140}\n"
    "  R2: {任务: T02, 日期: 2026-05-01, 状态: 差不多}\n"
    "督查:\n"
    "  DC1:\n"
    "    日期: 2026-06-20\n"
    "    督查主体: jw\n"
    "    被督查单位: czz\n"
    "    发现问题:\n"
    "      - 问题: 台账不全\n"
    "        整改要求: 补齐台账\n"
    "        责任人: sll\n"
    "        整改时限: 2026-06-01\n"
    "        销号: {日期: 2026-06-10, 依据: [整改报告]}\n"
    "      - 问题: 未公示\n"
    "        整改要求: 重新公示\n"
    "        责任人: sl\n"
    "        整改时限: 2026-07-31\n"
    "        销号: {日期: 2026-07-01, 依据: [公示照片]}\n"
)


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def test_bad_records_are_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--quiet", str(mini_workspace(tmp_path, clean=True, supervision_yaml=BAD)))
    assert code == ExitCode.PROBLEMS
    assert out.splitlines() == [
        "supervision.yaml:2:12: error[A120] 进展报告 R1: 任务 'T09' 不存在（是否指「T02」？）",
        "supervision.yaml:2:21: error[V101] 进展报告 R1: 报送日期2025年12月30日不在 2026 年度内",
        "supervision.yaml:2:48: error[A106] 进展报告 R1: 「完成比例」不能为负数或超出范围，实为 140",
        "supervision.yaml:3:37: error[S004] 进展报告 R2: 「状态」的取值应为 进行中、已完成、滞后，实为 '差不多'",
        "supervision.yaml:8:12: error[A120] 督查 DC1: 被督查单位 'czz' 不存在（是否指「czj」？）",
        "supervision.yaml:12:14: error[A120] 督查 DC1: 责任人 'sll' 不存在（是否指「sl」？）",
        "supervision.yaml:13:15: error[V112] 督查 DC1: 第1个问题的整改时限2026年6月1日早于督查日期2026年6月20日",
        "supervision.yaml:14:18: error[V113] 督查 DC1: 第1个问题的销号日期2026年6月10日早于督查日期2026年6月20日",
    ]
    closure = BAD.replace("{日期: 2026-07-01, 依据: [公示照片]}", "{日期: 2026-07-01}")
    code, out, _ = run(capsys, "check", "--quiet", str(mini_workspace(tmp_path / "b", clean=True,
                                                                      supervision_yaml=closure)))
    assert "supervision.yaml:19:9: error[S001] 督查 DC1: 缺少必填字段「依据」" in out.splitlines()


def test_status_refuses_a_workspace_with_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "status", str(mini_workspace(tmp_path, clean=True, supervision_yaml=BAD)))
    assert (code, out) == (ExitCode.PROBLEMS, "")
    assert err.splitlines()[-1] == "工作区有 8 个错误，无法统计落实情况；请先运行 lzzr check"


def test_assess_on_a_day_leaves_tasks_not_yet_due_unscored(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "assess", str(SAMPLE), "--on", "2026-07-15", "--explain", "altsm")
    assert code == ExitCode.OK
    assert "      输入：应完成的末级任务 1 项\n        · SM07.1 签订责任书：按期完成（2026年3月27日），计 1\n" in out
    assert "未报送进展" not in out
    code, out, _ = run(capsys, "assess", str(SAMPLE), "--explain", "altsm")
    assert "      输入：应完成的末级任务 3 项\n" in out


RECTIFY_SCHEME = TINY["scheme.yaml"].replace(
    "{编号: C1, 名称: 融入业务, 分值: 10, 类型: 评定, 评定项目: 融入业务, 等次: {好: 100, 较好: 80, 一般: 60}}",
    "{编号: C1, 名称: 督查整改, 分值: 10, 类型: 整改}")
INSPECTION = (
    "督查:\n"
    "  DC1:\n"
    "    日期: 2026-06-20\n"
    "    督查主体: jw\n"
    "    被督查单位: hdz\n"
    "    发现问题:\n"
    "      - {问题: 台账不全, 整改要求: 补齐, 责任人: fwj, 整改时限: 2026-07-31,"
    " 销号: {日期: 2026-07-20, 依据: [整改报告]}}\n"
    "      - {问题: 未公示, 整改要求: 公示, 责任人: fwj, 整改时限: 2026-09-30}\n"
    "      - {问题: 未建档, 整改要求: 建档, 责任人: fwj, 整改时限: 2026-12-31}\n"
)


def _c1(root: Path, on: D | None = None) -> dict[str, str]:
    ws = load_tiny(root, scheme_yaml=RECTIFY_SCHEME, supervision_yaml=INSPECTION)
    scheme = scheme_of(ws)
    assert scheme is not None
    a = assess(ws, scheme, on=on)
    return {r.target.key: f"{line.points} {line.calc}" for r in a.results for line in r.lines if line.id == "C1"
            and r.target.kind == "班子"}


def test_rectification_indicator(tmp_path: Path) -> None:
    assert _c1(tmp_path / "a") == {"team:czj": "10.00 按满分计 10", "team:hdz": "3.33 1 ÷ 3 = 33.33%；10 × 33.33% = 3.33",
                                   "team:jw": "10.00 按满分计 10"}
    assert _c1(tmp_path / "b", D(2026, 8, 1))["team:hdz"] == "10.00 1 ÷ 1 = 100.00%；10 × 100.00% = 10.00"
    assert _c1(tmp_path / "c", D(2026, 10, 1))["team:hdz"] == "5.00 1 ÷ 2 = 50.00%；10 × 50.00% = 5.00"
