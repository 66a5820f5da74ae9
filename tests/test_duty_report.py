"""`lzzr report duty`: the 述职述廉 draft (Markdown to edit, PDF to print)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from lzzr.cli.accountability import add_report_duty, report_group
from lzzr.i18n import set_lang

from .helpers import SAMPLE, run
from .layoutcheck import Expect, check_pdf, workspace_words
from .pdfutil import needs_poppler, pdf_text


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def test_the_member_who_took_over_in_july(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "report", "duty", "clm", str(SAMPLE), "-f", "json", "--no-pdf", "--out", str(tmp_path))
    assert code == 0, err
    data = json.loads(out)
    assert data["职务"] == [{"班子": "旗政府", "职务": "副旗长", "分管": "住建局、自然资源局、交通运输局",
                           "任职": "2026年7月1日至年末"}]
    assert data["谈话"] == [{"事项": "廉政谈话", "日期": "2026年9月25日", "依据": "与分管单位主要负责人廉政谈话记录"}]
    tasks = {r["编号"]: (r["责任"], r["完成情况"]) for r in data["任务"]}
    assert tasks["T31"] == ("主要领导责任", "已完成（2026年10月16日）")
    assert data["责任追究"] == [{"事件": "W05", "日期": "2026年7月1日", "事由": "自然资源局局长授意下属在耕地保护统计数据中弄虚作假",
                             "责任": "主要领导责任", "处理": "未处理"}]
    md = (tmp_path / "2026-述职述廉-朝鲁门-clm.md").read_text(encoding="utf-8")
    assert md.startswith("# 2026年度述职述廉报告（草稿）\n\n朝鲁门\n\n本人2026年度任副旗长（2026年7月1日至年末，分管住建局、")
    assert "- T31 农村牧区公路建设项目全过程监管：负主要领导责任，完成时限2026年10月31日，已完成（2026年10月16日）" in md
    assert md.rstrip().endswith("## 五、存在的问题和今后努力方向\n\n（请本人填写）")
    # the member he replaced answers for the first half of the year only
    code, out, _ = run(capsys, "report", "duty", "djp", str(SAMPLE), "-f", "json", "--no-pdf", "--out", str(tmp_path))
    assert [r["事件"] for r in json.loads(out)["责任追究"]] == ["W02"]


@needs_poppler
def test_pdf(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "report", "duty", "byh", str(SAMPLE), "--out", str(tmp_path))
    md, pdf = tmp_path / "2026-述职述廉-白玉华-byh.md", tmp_path / "2026-述职述廉-白玉华-byh.pdf"
    assert code == 0 and out.strip() == f"述职述廉报告草稿 → {md}、{pdf}"
    text = pdf_text(pdf).replace("\n", "")
    for part in ("2026年度述职述廉报告", "白玉华", "一、履行党风廉政建设职责", "2026年7月9日，年中专题会议", "（请本人填写）"):
        assert part in text, part


def test_pdf_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No split name or date, no stretched space after a task id or a pledge's number (朝鲁门:
    the member with the most tasks and records in the sample)."""
    from lzzr.workspace.load import load_workspace

    code, _, _ = run(capsys, "report", "duty", "clm", str(SAMPLE), "--out", str(tmp_path), "-q")
    assert code == 0
    pdf = tmp_path / "2026-述职述廉-朝鲁门-clm.pdf"
    assert check_pdf(pdf, workspace_words(load_workspace(SAMPLE)[0]), Expect()) == []


def test_duty_joins_an_existing_report_group() -> None:
    app = typer.Typer()
    existing = typer.Typer(name="report")

    @existing.command("progress")
    def progress() -> None:
        """Another phase's report."""

    app.add_typer(existing, name="report")
    group = report_group(app)
    add_report_duty(group)
    assert group is existing
    assert [c.name for c in existing.registered_commands] == ["progress", "duty"]
    assert len(app.registered_groups) == 1


def test_unknown_leader(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "report", "duty", "clx", str(SAMPLE), "--no-pdf")
    assert (code, out) == (2, "")
    assert err.strip() == "没有编号为 clx 的领导（是否指「lxy」？）"
