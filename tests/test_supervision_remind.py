"""`lzzr remind`: tiers from lzzr.yaml, grouped by person, quiet when nothing is due, exit 4 on red."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.errors import ExitCode
from lzzr.i18n import set_lang

from .helpers import MINI_CLEAN, mini_workspace, run

DUTIES = "履职记录:\n" + "".join(
    f"  {lid}:\n    记录:\n      - {{事项: 部署分解, 日期: 2026-02-20}}\n      - {{事项: 公开承诺, 日期: 2026-02-20}}\n"
    for lid in ("wjg", "lzq", "zhm", "sl"))


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def ws(root: Path, **changes: str) -> str:
    return str(mini_workspace(root, clean=True, duties_yaml=DUTIES, **changes))


def test_nothing_due_prints_nothing_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "remind", ws(tmp_path), "--on", "2026-01-05") == (ExitCode.OK, "", "")


def test_yellow_and_blue_without_red_exit_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "remind", ws(tmp_path), "--on", "2026-03-25")
    assert (code, err) == (ExitCode.OK, "")
    assert out.splitlines() == [
        "截至2026年3月25日需要办理的事项 5 项：黄 1 项，蓝 4 项",
        "",
        "李志强（1 项）",
        "  [蓝] 一把手职责：廉政谈话（旗政府）—— 时限2026年4月10日，还有 16 天",
        "",
        "孙立（1 项）",
        "  [蓝] 一把手职责：廉政谈话（财政局）—— 时限2026年4月10日，还有 16 天",
        "",
        "王建国（1 项）",
        "  [蓝] 一把手职责：廉政谈话（旗委）—— 时限2026年4月10日，还有 16 天",
        "",
        "赵慧敏（2 项）",
        "  [黄] 任务：T01.1 签订责任书（旗纪委监委）—— 时限2026年3月31日，还有 6 天",
        "  [蓝] 一把手职责：廉政谈话（旗纪委监委）—— 时限2026年4月10日，还有 16 天",
    ]


def test_red_item_exits_4(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "remind", ws(tmp_path), "--on", "2026-04-01")
    assert code == ExitCode.OVERDUE == 4
    assert "  [红] 任务：T01.1 签订责任书（旗纪委监委）—— 时限2026年3月31日，已逾期 1 天" in out.splitlines()
    code, out, _ = run(capsys, "remind", ws(tmp_path), "--on", "2026-03-31")  # due today: not red
    assert code == ExitCode.OK
    assert "  [黄] 任务：T01.1 签订责任书（旗纪委监委）—— 时限2026年3月31日，今天到期" in out.splitlines()


def test_tiers_from_config_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = MINI_CLEAN["lzzr.yaml"] + "监督:\n  提醒分级:\n    - {等级: 紧急, 提前天数: 3}\n    - {等级: 逾期}\n"
    code, out, _ = run(capsys, "remind", ws(tmp_path, lzzr_yaml=config), "--on", "2026-04-01", "-f", "json")
    assert code == ExitCode.OVERDUE
    data = json.loads(out)
    assert data["overdue"] is True
    assert [(x["tier"], x["person"], x["id"], x["days"]) for x in data["items"]] == [("逾期", "zhm", "T01.1", -1)]
    code, out, _ = run(capsys, "remind", ws(tmp_path / "b", lzzr_yaml=config), "--on", "2026-03-29", "-f", "json")
    assert code == ExitCode.OK
    assert [(x["tier"], x["days"]) for x in json.loads(out)["items"]] == [("紧急", 2)]


def test_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "en", "remind", ws(tmp_path), "--on", "2026-04-01")
    assert code == ExitCode.OVERDUE
    assert out.splitlines()[0] == "5 items need action as of 2026-04-01: 红 1, 蓝 4"
    assert "  [红] task: T01.1 签订责任书 (旗纪委监委) - due 2026-03-31, 1 days overdue" in out.splitlines()
