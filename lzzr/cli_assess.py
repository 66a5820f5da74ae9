"""`lzzr assess`: the year-end assessment. Parse, call, print, exit; the work is in assess*.py."""

import json
import shutil
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from lzzr.errors import ExitCode, UsageError
from lzzr.i18n import t, tr
from lzzr.report import format_problem, problem_dict


class AssessFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


def _echo(text: str = "", err: bool = False) -> None:
    typer.echo(text, err=err)


def register_commands(app: typer.Typer, workspace_arg: Any) -> None:
    """Add `assess` to `app`."""

    @app.command("assess", short_help=tr(
        "年终责任考核：得分、等次、报告、廉政档案", "year end: scores, grades, report, 廉政档案"), help=tr(
        "年终责任考核：按考核方案计算每个对象的指标得分、标准小计、总分、一票否决、等次和排名；"
        "生成考核报告 PDF，写入廉政档案。--explain 逐项说明一个对象的得分。",
        "year-end assessment: indicator scores, subtotals, totals, vetoes, grades and ranks per the "
        "scheme; writes the report PDF and the 廉政档案 entries. --explain shows one target's derivation."))
    def assess_cmd(
        workspace: Path = workspace_arg(),
        scheme: Path | None = typer.Option(None, "--scheme", help=tr(
            "使用另一份考核方案文件（默认：工作区中的“考核方案”节）", "use another scheme file")),
        explain: str | None = typer.Option(None, "--explain", help=tr(
            "说明一个对象的得分：单位编号或名称、领导编号或姓名，或 team:hdz、member:zwb",
            "explain one target: unit or leader id/name, or team:hdz, member:zwb")),
        fmt: AssessFormat = typer.Option(AssessFormat.text, "--format", "-f", help=tr(
            "结果格式：text 表格、json、csv 输出到屏幕；xlsx 写入 --out", "text, json, csv to stdout; xlsx to --out")),
        out: Path = typer.Option(Path("out"), "--out", "-o", help=tr("输出文件夹", "output folder")),
        no_pdf: bool = typer.Option(False, "--no-pdf", help=tr("不生成考核报告 PDF", "skip the report PDF")),
        no_archive: bool = typer.Option(False, "--no-archive", help=tr("不写廉政档案", "do not write 廉政档案")),
        strict: bool = typer.Option(False, "--strict", help=tr("警告也视为失败", "fail on warnings too")),
        quiet: bool = typer.Option(False, "--quiet", "-q", help=tr("只输出问题", "print problems only")),
    ) -> None:
        from lzzr.assess_run import assess_workspace

        run = assess_workspace(workspace, scheme)
        data_out = fmt in (AssessFormat.json, AssessFormat.csv)
        for p in run.problems:
            _echo(format_problem(p), err=data_out)
        if run.failed(strict) or run.assessment is None:
            if fmt is AssessFormat.json:
                _echo(json.dumps({"ok": False, "problems": [problem_dict(p) for p in run.problems]},
                                 ensure_ascii=False, indent=2))
            _echo(t("assess.refused", errors=run.errors, warnings=run.warnings), err=True)
            raise typer.Exit(ExitCode.PROBLEMS)
        a = run.assessment
        if explain is not None:
            _explain(a, explain)
            return
        _results(a, fmt, out, quiet)
        written = _write(run.workspace, a, out, no_pdf, no_archive)
        if written and not quiet:
            _echo(t("assess.done", files="、".join(str(p) for p in written)), err=data_out)


def _explain(a: Any, query: str) -> None:
    from lzzr.assess import explain

    lines = explain(a, query)
    if not lines:
        raise UsageError("assess.no_target", target=query, example="team:hdz、member:zwb、hdz")
    for line in lines:
        _echo(line)


def _results(a: Any, fmt: AssessFormat, out: Path, quiet: bool) -> None:
    from lzzr.assess_table import assessment_json, result_table, result_tables
    from lzzr.tables import to_csv, to_text, to_xlsx

    if fmt is AssessFormat.json:
        _echo(json.dumps(assessment_json(a), ensure_ascii=False, indent=2))
    elif fmt is AssessFormat.csv:
        _echo(to_csv(result_table(a)).decode("utf-8-sig").rstrip("\r\n"))
    elif fmt is AssessFormat.xlsx:
        from lzzr.fsutil import write_atomic

        target = out / f"{a.year}-责任制考核结果.xlsx"
        write_atomic(target, to_xlsx(*result_tables(a)))
        if not quiet:
            _echo(t("assess.xlsx", path=str(target)))
    elif not quiet:
        _echo(to_text(result_table(a), shutil.get_terminal_size((120, 24)).columns).rstrip("\n"))


def _write(ws: Any, a: Any, out: Path, no_pdf: bool, no_archive: bool) -> list[Path]:
    written: list[Path] = []
    if not no_pdf:
        from lzzr.assess_report import issue_report

        written.append(issue_report(ws, a, out))
    if not no_archive:
        from lzzr.archive import archive_folder, write_archive

        files = write_archive(ws, a)
        if files:
            written.append(archive_folder(ws))
    return written
