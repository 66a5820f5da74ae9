"""`lzzr import` (spreadsheets in) and `lzzr forms` (fill-in forms out). Parse, call, print, exit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from lzzr.cli import options as o
from lzzr.cli.locking import writing
from lzzr.cli.output import echo as _echo
from lzzr.cli.output import echo_json, exit_with
from lzzr.errors import ExitCode
from lzzr.i18n import t, tr
from lzzr.problems import format_problem, problem_dict


def register_commands(app: typer.Typer) -> None:
    """Add `import` and `forms` to `app`."""
    _add_import(app)
    _add_forms(app)


def _add_import(app: typer.Typer) -> None:
    @app.command("import", short_help=tr(
        "从 Excel/CSV 导入上级任务、任务、进展、履职记录、测评票数",
        "import upper tasks, tasks, progress, duties, polls from xlsx/csv"),
        help=tr(
        "从 xlsx 或 csv 导入记录到工作区 YAML：按列名（可在 lzzr.yaml“导入列名”中设置）读取，单位、领导按名称或简称"
        "对应到编号。有错误时逐格列出（文件:工作表!单元格），不写任何文件；新记录追加到 --into 文件，保留注释；"
        "已有记录不同时显示差异，需加 --update 才修改。退出码 0 成功，1 有问题或有未确认的修改，2 用法错误。",
        "import records from xlsx or csv into the workspace YAML: columns by name (configurable in lzzr.yaml, "
        "导入列名), units and leaders by name or 简称. Errors are listed per cell (file:sheet!cell) and nothing is "
        "written; new records are appended to --into keeping comments; changed records are shown as a diff and "
        "need --update. Exit 0 done, 1 problems or unconfirmed changes, 2 usage."))
    def import_cmd(
        file: Path = typer.Argument(..., help=tr("要导入的 .xlsx 或 .csv 文件", "the .xlsx or .csv file")),
        workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
        kind: str = typer.Option("tasks", "--as", help=tr(
            "导入为：upper 上级任务，tasks 任务，progress 任务进展，duties 履职记录，polls 民主测评",
            "import as: upper, tasks, progress, duties, polls")),
        sheet: str | None = typer.Option(None, "--sheet", help=tr("工作表名称（默认：第一个有表头的）", "sheet name")),
        into: str | None = typer.Option(None, "--into", help=tr(
            "新记录写入的 YAML 文件（默认按类别：upper.yaml、tasks.yaml …）", "YAML file for new records")),
        unit: str | None = o.unit_opt("交回的填报表须是此单位的（编号或名称）", "a returned form must be this unit's"),
        period: str | None = typer.Option(None, "--period", help=tr(
            "交回的填报表须是此期间的，如 2026年度", "a returned form must be of this period")),
        doc: str | None = typer.Option(None, "--doc", help=tr(
            "上级任务所属的上级文件（表格没有“文件”列时）", "upper document of the tasks (when no 文件 column)")),
        update: bool = typer.Option(False, "--update", help=tr(
            "修改与表格不同的已有记录", "apply changes to existing records")),
        dry_run: bool = typer.Option(False, "--dry-run", help=tr(
            "只显示将做的修改，不写文件", "show the changes, write nothing")),
        fmt: o.Format = o.format_opt(), quiet: bool = o.quiet_opt(), wait: float | None = o.wait_opt(),
    ) -> None:
        from lzzr.exchange.run import ImportOptions, import_file

        root = o.pick_workspace(workspace, workspace_opt)
        with writing(root, "import", wait):  # read, compare and write the YAML files under one lock
            result = import_file(root, file, ImportOptions(kind, sheet, into, doc, update, dry_run, unit, period))
        if fmt is o.Format.json:
            echo_json(_json(result))
        else:
            _print_import(result, quiet, dry_run)
        exit_with(result.errors > 0 or (result.pending > 0 and not update))


def _json(result: Any) -> dict[str, Any]:
    changes = result.writes.changes if result.writes else []
    return {
        "ok": result.errors == 0 and not result.pending, "sheet": result.sheet, "written": result.written,
        "changes": [{"status": c.status, "section": c.section, "id": c.rid, "file": c.file, "row": c.row,
                     "diff": c.diff} for c in changes],
        "ignored_columns": result.ignored, "problems": [problem_dict(p) for p in result.problems],
    }


def _print_import(result: Any, quiet: bool, dry_run: bool) -> None:
    for p in result.problems:
        _echo(format_problem(p), err=True)
    if result.errors:
        _echo(t("import.refused", errors=result.errors, warnings=result.warnings), err=True)
        return
    writes = result.writes
    for c in writes.changes if writes else []:
        args = {"section": c.section, "id": c.rid, "file": c.file, "row": c.row}
        if c.status == "changed" and not (quiet and result.written):  # an applied change is no problem
            _echo(t("import.changed", **args))
            _echo(c.diff)
        elif c.status in ("new", "more") and not quiet:
            _echo(t(f"import.{c.status}", **args))
    if writes is None:
        return
    if result.ignored and not quiet:
        _echo(t("import.ignored", columns="、".join(result.ignored)))
    if result.pending and not result.written and not dry_run:  # a problem: said even with --quiet
        _echo(t("import.pending", changed=result.pending), err=True)
        return
    if quiet:
        return
    counts = {s: writes.count(s) for s in ("new", "more", "changed", "same")}
    if dry_run:
        _echo(t("import.dry_run", **counts))
    elif result.written:
        _echo(t("import.done", sheet=result.sheet or "-", files="、".join(result.written), **counts))
    else:
        _echo(t("import.nothing", same=counts["same"]))


def _add_forms(app: typer.Typer) -> None:
    @app.command("forms", short_help=tr(
        "为各单位生成填报表（任务进展、履职记录）", "fill-in forms for the units (progress, duties)"), help=tr(
        "为每个牵头任务的单位生成一份 xlsx 填报表：本单位任务（只读）和要填写的完成情况、完成日期、实际值、"
        "佐证材料、进展情况，主要负责人的履职事项；带下拉列表和日期校验，表头受保护。交回后用 lzzr import 导入。",
        "one xlsx form per unit that leads a task: its tasks (read-only) and the columns to fill "
        "(status, date, actual values, evidence, progress), its principal's duties to tick; lists and date "
        "validation, protected headers. Read them back with lzzr import."))
    def forms_cmd(
        workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
        out: Path = o.out_opt(), unit: str | None = o.unit_opt("只生成此单位的（编号或名称）", "only this unit"),
        period: str | None = typer.Option(None, "--period", help=tr(
            "填报期间（默认：年度，如 2026年度）", "period (default: the year, e.g. 2026年度)")),
        quiet: bool = o.quiet_opt(), wait: float | None = o.wait_opt(),
    ) -> None:
        from lzzr.exchange.forms import write_forms

        root = o.pick_workspace(workspace, workspace_opt)
        with writing(root, "forms", wait):
            run = write_forms(root, out, unit, period)
        for p in run.problems:
            _echo(format_problem(p), err=True)
        if run.problems:
            _echo(t("forms.refused", errors=len(run.problems)), err=True)
            raise typer.Exit(ExitCode.PROBLEMS)
        if not quiet:
            _echo(t("forms.done", count=len(run.written), period=run.period, folder=str(out)))
