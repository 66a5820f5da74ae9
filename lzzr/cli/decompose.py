"""`lzzr decompose`: the year-start decomposition, its plan and its tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from lzzr.cli import options as o
from lzzr.cli.locking import writing
from lzzr.cli.output import echo, echo_json, print_problems, problem_list, refuse
from lzzr.errors import LzzrError, UsageError
from lzzr.heap import without_collector
from lzzr.i18n import t, tr


def register_commands(app: typer.Typer) -> None:
    """Add decompose to `app`."""

    @app.command("decompose", short_help=tr(
        "年初责任分解：检查并印发方案，导出分解表", "year start: check, issue the plan, export the tables"), help=tr(
        "年初责任分解：按四项原则检查；无错误时印发《责任分解方案》PDF，并导出分解表（CSV、xlsx、JSON）到 --out。"
        "有错误时列出问题，退出码 1，不生成任何文件。",
        "year-start decomposition: check the four principles; when clean, issue the plan PDF and "
        "export the tables (CSV, xlsx, JSON) to --out. With errors: list them, exit 1, write nothing."))
    @without_collector  # the views and tables too (lzzr/heap.py)
    def decompose_cmd(
        workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
        by: o.View | None = typer.Option(None, "--by", help=tr(
            "只显示分解表，不写文件：leader 静态（按领导），unit 动态（按牵头部门）",
            "only show a view, write nothing: leader (static, by leader) or unit (dynamic, by lead unit)")),
        fmt: o.ViewFormat = o.format_opt(o.ViewFormat.text, "输出格式：text 表格，json 数据，csv（配合 --by）",
                                         "output: text tables, json data, csv (with --by)"),
        out: Path = o.out_opt(), no_pdf: bool = o.no_pdf_opt(),
        strict: bool = o.strict_opt(), quiet: bool = o.quiet_opt(), wait: float | None = o.wait_opt(),
        jobs: int = o.jobs_opt("排版方案附件表的进程数（默认：按当前空闲的 CPU 核数；超过 400 行的表分段排版，"
                               "一段以内不另开进程）", "processes laying out the plan's attachment table (default: "
                               "the CPUs free now; a table of at most 400 rows is laid out in this process)"),
    ) -> None:
        if fmt is o.ViewFormat.csv and by is None:
            raise UsageError("usage.csv_needs_by")
        result = _checked(o.pick_workspace(workspace, workspace_opt), no_pdf or by is not None)
        if result.failed(strict):
            refuse(result.problems, fmt is o.ViewFormat.json, "decompose.refused", **result.counts(),
                   extra={"files": [], "summary": result.counts()})
        if by is not None:  # a view is shown, nothing is written
            _print_done(result, [], _view_text(result.workspace, by, fmt), fmt, quiet=True)
            return
        with writing(result.workspace.root, "decompose", wait):
            files = _issue(result.workspace, out, no_pdf, jobs)
        _print_done(result, files, None, fmt, quiet)


def _checked(workspace: Path, no_pdf: bool) -> Any:
    """The check, and before the plan is rendered the glyph check of what it prints (G001 refuses)."""
    from lzzr.check import check_workspace
    from lzzr.render.glyphcheck import record_texts, with_glyph_problems

    result = check_workspace(workspace)
    if not no_pdf:
        result.problems = with_glyph_problems(result.problems, result.workspace, record_texts(result.workspace))
    return result


def _issue(ws: Any, out: Path, no_pdf: bool, jobs: int = 0) -> list[Path]:
    from lzzr.decompose.issue import issue_plan, plan_missing, table_files

    missing = plan_missing(ws)
    if missing and not no_pdf:
        raise LzzrError("plan.missing", missing="、".join(missing))
    files = table_files(ws, out)
    if not no_pdf:
        files.insert(0, issue_plan(ws, out, workers=jobs or None))
    return files


def _print_done(result: Any, files: list[Path], view: str | None, fmt: o.ViewFormat, quiet: bool) -> None:
    if fmt is o.ViewFormat.json:
        payload: dict[str, Any] = {"ok": True, "files": [str(f) for f in files], "summary": result.counts(),
                                   "problems": problem_list(result.problems)}
        if view is not None:
            import json  # here: a help screen needs no json (tests/test_startup.py)

            payload["view"] = json.loads(view)
        echo_json(payload)
        return
    data_on_stdout = fmt is not o.ViewFormat.text
    print_problems(result.problems)
    if view is not None:
        echo(view.rstrip("\n"))
    if not quiet:
        echo(t("decompose.done", files="、".join(str(f) for f in files)), err=data_on_stdout)


def _view_text(ws: Any, by: o.View, fmt: o.ViewFormat) -> str:
    import shutil

    from lzzr.decompose.views import dynamic_view, static_view
    from lzzr.render.tables import to_csv, to_json, to_text

    table = static_view(ws) if by is o.View.leader else dynamic_view(ws)
    if fmt is o.ViewFormat.csv:
        return to_csv(table).decode("utf-8-sig")
    if fmt is o.ViewFormat.json:
        return to_json(table)
    return to_text(table, shutil.get_terminal_size((120, 24)).columns)
