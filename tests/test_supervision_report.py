"""`lzzr report progress`: the report to the 党委 passes the plan's GB/T 9704 checks; same figures as xlsx."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from PIL import Image

from lzzr.errors import ExitCode
from lzzr.supervision.report import parse_period
from lzzr.workspace.load import load_workspace

from .helpers import SAMPLE, copy_sample, run
from .layoutcheck import Expect, check_pdf, workspace_words
from .pdfutil import needs_poppler, pdf_fonts, pdf_info, pdf_text
from .test_decompose_cli import red_pixels
from .test_layout_demo import header_words

PDF = "2026-落实情况报告-2026H1.pdf"


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from lzzr.cli import main

    out = tmp_path_factory.mktemp("out")
    ws = copy_sample(out / "workspace")  # the number from 发文 → 落实情况报告; the register is written there
    assert main(["report", "progress", str(ws), "--period", "2026H1", "--out", str(out), "--quiet"]) == 0
    return out


def test_periods() -> None:
    assert [(p.label, p.start.isoformat(), p.end.isoformat()) for p in map(parse_period, ("2026H1", "2026q3", "2026"))] \
        == [("2026年上半年", "2026-01-01", "2026-06-30"), ("2026年第三季度", "2026-07-01", "2026-09-30"),
            ("2026年", "2026-01-01", "2026-12-31")]


def test_bad_period_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "report", "progress", str(SAMPLE), "--period", "2026H3") == (
        ExitCode.USAGE, "", "时段 '2026H3' 无法识别；请写 2026、2026H1、2026H2 或 2026Q1–2026Q4\n")


@needs_poppler
def test_report_text(issued: Path) -> None:
    flat = "".join(pdf_text(issued / PDF).split())
    assert "示纪发〔2026〕12号签发人：孟庆华" in flat
    assert "关于示例旗2026年上半年落实党风廉政建设责任制情况的报告" in flat
    assert "旗委：" in flat and "截至2026年6月30日" in flat
    assert "全年责任分解末级任务114项，已完成22项（完成率19.3%），按计划推进88项，临近到期3项，逾期未完成1项" in flat
    assert "T19.3" in flat and "整改事项DC2026-01-3" in flat
    assert "附件：示例旗2026年上半年党风廉政建设责任制任务落实情况统计表" in flat


@needs_poppler
def test_report_is_a4_with_embedded_fonts_and_red_header(issued: Path, tmp_path: Path) -> None:
    pdf = issued / PDF
    assert pdf_info(pdf)["Page size"].startswith("595.276 x 841.89")
    fonts = pdf_fonts(pdf)
    assert fonts and all(row[-5] == "yes" for row in fonts), fonts
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True)
    page = Image.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    w, h = page.size
    assert red_pixels(page.crop((0, int(h * 0.22), w, int(h * 0.32)))) > 100  # a long organ name: smaller type
    assert red_pixels(page.crop((0, int(h * 0.7), w, int(h * 0.85)))) == 0


def test_same_figures_as_xlsx(issued: Path) -> None:
    book = load_workbook(issued / "2026-落实情况报告-2026H1.xlsx")
    sheet = book[book.sheetnames[0]]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ["任务（末级）", "114", "22", "88", "3", "1", "6"] in [[str(v) for v in r] for r in rows]


@needs_poppler
def test_report_passes_the_layout_check(issued: Path) -> None:
    """The issue-12 check on the one report rendered above: no page with only the signature
    (the attachment note and signature keep with the last lines), no split names or dates,
    the 22 × 28 grid on body pages, the landscape table."""
    ws, _ = load_workspace(SAMPLE)
    assert check_pdf(issued / PDF, workspace_words(ws, header_words()), Expect(gongwen=True, landscape=True)) == []


def test_report_is_registered_with_its_number(issued: Path) -> None:
    from lzzr.documents.register import Register
    from lzzr.fsutil import sha256_file

    entry = Register.open(issued / "workspace").documents["progress:2026:2026H1"]
    assert (entry["kind"], entry["number"], entry["period"]) == ("progress", "示纪发〔2026〕12号", "2026H1")
    assert entry["pdf_sha256"] == sha256_file(issued / PDF) and entry["file"] == str(issued / PDF)


def test_a_period_without_a_number_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = copy_sample(tmp_path / "ws")
    assert run(capsys, "report", "progress", str(ws), "--period", "2026Q3", "--out", str(tmp_path)) == (
        ExitCode.PROBLEMS, "", "lzzr.yaml 的 发文 → 落实情况报告 没有时段 2026Q3 的序号：请添加一项（时段: 2026Q3，序号: …）"
        "或用 --number 指定\n")
    assert not (ws / "lzzr-register.json").exists() and not list(tmp_path.glob("*.pdf"))


def test_a_bad_period_in_lzzr_yaml_is_located(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The 时段 of a 发文 → 落实情况报告 entry: file:line:col and the record, found by the loader (so
    `lzzr check` reports it too: tests/data/invalid/57-report-period), and the report refused."""
    ws = copy_sample(tmp_path / "ws")
    config = ws / "lzzr.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("{时段: 2026H1,", "{时段: 2026上半年,"), encoding="utf-8")
    assert run(capsys, "report", "progress", str(ws), "--period", "2026H1", "--out", str(tmp_path)) == (
        ExitCode.PROBLEMS, "",
        "lzzr.yaml:21:12: error[S017] 配置: 「时段」无法识别：'2026上半年'；请写 2026、2026H1、2026H2 或 2026Q1–2026Q4\n"
        "工作区有 1 个错误，无法统计落实情况；请先运行 lzzr check\n")
    assert not list(tmp_path.glob("*.pdf"))


def test_a_period_listed_twice_is_located(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Two 发文 → 落实情况报告 entries for one period (`时段: 2026` and '2026', compared as periods)
    would give its report two numbers: the second is located (tests/data/invalid/58-report-period-twice
    for `lzzr check`), and the report refused."""
    ws = copy_sample(tmp_path / "ws")
    config = ws / "lzzr.yaml"
    entry = "    - {时段: 2026H1, 文号前缀: 示纪发, 序号: 12, 日期: 2026-07-05}\n"
    twice = entry.replace("2026H1", "2026") + entry.replace("2026H1", "'2026'").replace("12", "13")
    config.write_text(config.read_text(encoding="utf-8").replace(entry, twice), encoding="utf-8")
    assert run(capsys, "report", "progress", str(ws), "--out", str(tmp_path)) == (
        ExitCode.PROBLEMS, "",
        "lzzr.yaml:22:12: error[S018] 配置: 「时段」'2026' 与第 1 项重复：每个时段只写一项（一个文号、一个日期）\n"
        "工作区有 1 个错误，无法统计落实情况；请先运行 lzzr check\n")
    assert run(capsys, "--lang", "en", "check", str(ws))[1].splitlines()[0] == (
        "lzzr.yaml:22:12: error[S018] config: '时段': the period '2026' is listed twice (entry 1 has it already); "
        "write one entry per period")
    assert not list(tmp_path.glob("*.pdf"))


def test_a_year_written_as_a_number_is_the_whole_year(tmp_path: Path) -> None:
    from lzzr.supervision.report import numbering

    ws = copy_sample(tmp_path / "ws")
    config = ws / "lzzr.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("{时段: 2026H1, 文号前缀: 示纪发, 序号: 12",
                                                                 "{时段: 2026, 文号前缀: 示纪发, 序号: 13"), encoding="utf-8")
    loaded, problems = load_workspace(ws)
    assert not problems
    assert numbering(loaded, parse_period("2026")).text == "示纪发〔2026〕13号"


def test_letters_status_lists_the_report_apart(issued: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The registered report is not a letter (no two parties sign it): `letters --status` lists it
    after the signing rate, with its number, title, 成文日期 and state, and does not count it."""
    ws = str(issued / "workspace")
    code, out, _ = run(capsys, "letters", ws, "--status")
    section = ["其他登记文件（不是责任书，不计入签订率）：",
               "示纪发〔2026〕12号　2026年上半年落实情况报告　成文日期 2026-07-05　未冻结（无需双方签字）"]
    assert code == ExitCode.PROBLEMS and out.splitlines()[-2:] == section
    assert "合计：已签 0/51，签订率 0%" in out.splitlines()  # the 51 letters only
    code, out, _ = run(capsys, "letters", ws, "--status", "--format", "json")
    assert json.loads(out)["others"] == [{
        "id": "progress:2026:2026H1", "kind": "progress", "number": "示纪发〔2026〕12号", "title": "2026年上半年落实情况报告",
        "date": "2026-07-05", "registered": json.loads(out)["others"][0]["registered"], "frozen": False, "state": "open"}]
    # a filter chooses letters: nothing else; --quiet: the total only
    assert "落实情况报告" not in run(capsys, "letters", ws, "--status", "--kind", "lower")[1]
    assert run(capsys, "letters", ws, "--status", "--quiet")[1] == "合计：已签 0/51，签订率 0%\n"
    monkeypatch.setenv("LZZR_LANG", "en")
    assert run(capsys, "letters", ws, "--status")[1].splitlines()[-2:] == [
        "other registered documents (not letters, not in the rate):",
        "示纪发〔2026〕12号  2026年上半年落实情况报告  dated 2026-07-05  not frozen (no parties sign it)"]


def _same_numbers(ws: Path) -> None:
    """The invalid case 59's files: 2026Q3's report numbered as the plan, a decision as 2026H1's report."""
    case = Path(__file__).parent / "data" / "invalid" / "59-same-doc-number"
    for name in ("lzzr.yaml", "zz-case.yaml"):
        (ws / name).write_text((case / name).read_text(encoding="utf-8"), encoding="utf-8")


S019_PLAN = ("lzzr.yaml:25:24: error[S019] 配置: 「序号」'示党发〔2026〕3号' 与 lzzr.yaml 发文 → 责任分解方案 的文号重复："
             "两份公文不能用同一发文字号\n")
S019_DECISION = ("zz-case.yaml:8:48: error[S019] 问责事件 zzW1: 「文号」'示纪发[2026]012号' 与 lzzr.yaml 发文 → 落实情况报告 "
                 "第 1 项（2026H1）的文号重复：两份公文不能用同一发文字号\n")


@pytest.mark.parametrize(("command", "refusal"), ids=["report", "decompose", "trace"], argvalues=[
    (("report", "progress", "--period", "2026H1"), "工作区有 2 个错误，无法统计落实情况；请先运行 lzzr check\n"),
    (("decompose",), "未印发：2 个错误，0 个警告；请先改正后再运行 lzzr decompose\n"),
    (("trace", "zzW1", "--issue"), "工作区的数据或记录有 2 个错误，未处理；请先改正（lzzr check）\n"),
])
def test_two_documents_with_one_number_are_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                   command: tuple[str, ...], refusal: str) -> None:
    """Two documents lzzr issues with one 文号 (S019, located at the later, naming the first): every
    command that issues one refuses, before anything is written. The year is part of the 文号: 2026H2's
    report 示纪发 12 号 is dated 2027 (示纪发〔2027〕12号), not 2026H1's 示纪发〔2026〕12号."""
    ws = copy_sample(tmp_path / "ws")
    _same_numbers(ws)
    where = [command[0], *command[1:2], str(ws), *command[2:]] if command[0] == "trace" else [*command, str(ws)]
    code, out, err = run(capsys, *where, "--out", str(tmp_path))
    assert code == ExitCode.PROBLEMS
    assert out + err == S019_PLAN + S019_DECISION + refusal
    assert not list(tmp_path.glob("*.pdf")) and not (ws / "lzzr-register.json").exists()


def test_two_documents_with_one_number_in_english(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    ws = copy_sample(tmp_path / "ws")
    _same_numbers(ws)
    assert run(capsys, "--lang", "en", "check", str(ws))[1].splitlines()[:2] == [
        "lzzr.yaml:25:24: error[S019] config: '序号': the document number '示党发〔2026〕3号' is already that of "
        "lzzr.yaml 发文 → 责任分解方案; no two documents may share one",
        "zz-case.yaml:8:48: error[S019] accountability event zzW1: '文号': the document number '示纪发[2026]012号' "
        "is already that of entry 1 (2026H1) of lzzr.yaml 发文 → 落实情况报告; no two documents may share one"]


def test_a_number_on_the_command_line_taken_by_another_document(tmp_path: Path) -> None:
    """`report progress --number/--prefix` giving another document's 文号 is refused (exit 2); the
    period's own number, and the same number in another year, are not."""
    from lzzr.errors import UsageError
    from lzzr.i18n import t
    from lzzr.supervision.report import numbering

    ws, problems = load_workspace(copy_sample(tmp_path / "ws"))
    assert not problems
    with pytest.raises(UsageError) as taken:
        numbering(ws, parse_period("2026Q3"), 61, "示纪发")
    assert t(taken.value.code, **taken.value.args_) == (
        "「--number」'示纪发〔2026〕61号' 与问责事件 W01 的责任追究决定文号重复：两份公文不能用同一发文字号")
    with pytest.raises(UsageError) as plan:
        numbering(ws, parse_period("2026Q1"), 3, "示党发")
    assert plan.value.code == "S019.plan"
    assert numbering(ws, parse_period("2026H1"), 12).text == "示纪发〔2026〕12号"
    assert numbering(ws, parse_period("2026H2"), 12, "示纪发").text == "示纪发〔2027〕12号"
