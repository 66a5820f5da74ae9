"""`lzzr assess`: the year-end assessment. Parse, call, print, exit; the work is in lzzr/assess/."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import typer

from lzzr.cli import options as o
from lzzr.cli.locking import writing
from lzzr.cli.output import echo, echo_json, print_problems, refuse
from lzzr.errors import UsageError
from lzzr.i18n import t, tr


def register_commands(app: typer.Typer) -> None:
    """Add `assess` to `app`."""

    @app.command("assess", short_help=tr(
        "年终责任考核：得分、等次、报告、廉政档案", "year end: scores, grades, report, 廉政档案"), help=tr(
        "年终责任考核：按考核方案计算每个对象的指标得分、标准小计、总分、一票否决、等次和排名；"
        "生成考核报告 PDF，写入廉政档案。--explain 逐项说明一个对象的得分。",
        "year-end assessment: indicator scores, subtotals, totals, vetoes, grades and ranks per the "
        "scheme; writes the report PDF and the 廉政档案 entries. --explain shows one target's derivation."))
    def assess_cmd(
        workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
        scheme: Path | None = typer.Option(None, "--scheme", help=tr(
            "使用另一份考核方案文件（默认：工作区中的“考核方案”节）", "use another scheme file")),
        explain: str | None = typer.Option(None, "--explain", help=tr(
            "说明一个对象的得分：单位编号或名称、领导编号或姓名，或 team:hdz、member:zwb",
            "explain one target: unit or leader id/name, or team:hdz, member:zwb")),
        fmt: o.TableFormat = o.format_opt(o.TableFormat.text, "结果格式：text 表格、json、csv 输出到屏幕；"
                                          "xlsx 写入 --out", "text, json, csv to stdout; xlsx to --out"),
        out: Path = o.out_opt(), no_pdf: bool = o.no_pdf_opt("不生成考核报告 PDF", "skip the report PDF"),
        no_archive: bool = typer.Option(False, "--no-archive", help=tr("不写廉政档案", "do not write 廉政档案")),
        strict: bool = o.strict_opt(), quiet: bool = o.quiet_opt(), wait: float | None = o.wait_opt(),
        on: str | None = o.on_opt("截至某日考核（未到期且未完成的任务不计分）；默认全年",
                                  "as of a day (tasks not yet due are not scored); default the whole year"),
        jobs: int = o.jobs_opt("排版考核报告的进程数（默认：按当前空闲的 CPU 核数；评分表分段排版，"
                               "一段以内不另开进程）", "processes laying out the report (default: the CPUs free "
                               "now; a report whose score sheets fit one part is laid out in this process)"),
    ) -> None:
        from lzzr.assess.run import problems_shown

        run = _assessed(o.pick_workspace(workspace, workspace_opt), scheme, o.parse_day(on) if on else None,
                        not no_pdf and explain is None)
        data_out = fmt in (o.TableFormat.json, o.TableFormat.csv)
        print_problems(problems_shown(run, explain))
        if run.failed(strict) or run.assessment is None:
            refuse(run.problems, fmt is o.TableFormat.json, "assess.refused", printed=True,
                   errors=run.errors, warnings=run.warnings, how=f" --scheme {scheme}" if scheme else "")
        if explain is not None:
            _explain(run.assessment, explain)
            return
        with writing(run.workspace.root, "assess", wait):
            _results(run.assessment, fmt, out, quiet)
            _write(run.workspace, run.assessment, out, no_pdf, no_archive, quiet, data_out, jobs)


def _explain(a: Any, query: str) -> None:
    from lzzr.assess.explain import explain

    lines = explain(a, query)
    if not lines:
        raise UsageError("assess.no_target", target=query, example="team:hdz、member:zwb、hdz")
    for line in lines:
        echo(line)


def _results(a: Any, fmt: o.TableFormat, out: Path, quiet: bool) -> None:
    from lzzr.assess.table import assessment_json, result_table, result_tables
    from lzzr.render.tables import to_csv, to_text, to_xlsx

    if fmt is o.TableFormat.json:
        echo_json(assessment_json(a))
    elif fmt is o.TableFormat.csv:
        echo(to_csv(result_table(a)).decode("utf-8-sig").rstrip("\r\n"))
    elif fmt is o.TableFormat.xlsx:
        from lzzr.fsutil import write_atomic

        target = out / f"{a.year}-责任制考核结果.xlsx"
        write_atomic(target, to_xlsx(*result_tables(a)))
        if not quiet:
            echo(t("assess.xlsx", path=str(target)))
    elif not quiet:
        echo(to_text(result_table(a), shutil.get_terminal_size((120, 24)).columns).rstrip("\n"))


def _write(ws: Any, a: Any, out: Path, no_pdf: bool, no_archive: bool, quiet: bool, data_out: bool,
           jobs: int = 0) -> None:
    written: list[Path] = []
    if not no_pdf:
        from lzzr.assess.report import issue_report

        written.append(issue_report(ws, a, out, workers=jobs or None))
    if not no_archive:
        from lzzr.assess.archive import archive_folder, write_archive

        if write_archive(ws, a):
            written.append(archive_folder(ws))
    if written and not quiet:
        echo(t("assess.done", files="、".join(str(p) for p in written)), err=data_out)


def _assessed(workspace: Path, scheme: Path | None, day: Any, report: bool) -> Any:
    """The assessment, and before the report is rendered the glyph check of what it prints."""
    from lzzr.assess.run import assess_workspace
    from lzzr.render.glyphcheck import assessment_texts, with_glyph_problems

    run = assess_workspace(workspace, scheme, day)
    if report:
        run.problems = with_glyph_problems(run.problems, run.workspace, assessment_texts(run.workspace))
    return run
