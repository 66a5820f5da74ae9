"""`lzzr trace`, `lzzr dossier`, `lzzr opinion`, `lzzr report duty`: accountability (责任追究).

Parse, call, print, exit; the work is in lzzr/accountability/. Exit codes: 0 done, 1 the
workspace has errors, 2 an unknown incident or leader (or a bad option)."""

from __future__ import annotations

import difflib
import json
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from lzzr.errors import ExitCode, UsageError
from lzzr.i18n import kind_label, t, tr
from lzzr.report import format_problem, problem_dict


class Format(str, Enum):
    text = "text"
    json = "json"


def _echo(text: str = "", err: bool = False) -> None:
    typer.echo(text, err=err)


def _suggest(word: str, pool: Any) -> str:
    close = difflib.get_close_matches(word, [str(x) for x in pool], n=1, cutoff=0.6)
    return t("suggest", name=close[0]) if close else ""


def checked(workspace: Path, fmt: Format, incident: str | None = None) -> Any:
    """Load the workspace and check its records; print the errors and stop (exit 1) when there
    are any. The four principles (P rules) are not run: they judge the decomposition, not who
    held which post. An incident dated outside the year (A131) does not stop its own trace:
    the trace says so."""
    from lzzr.errors import Record, Severity
    from lzzr.load import load_workspace
    from lzzr.records import check_records
    from lzzr.report import sorted_problems

    ws, problems = load_workspace(workspace)
    problems = sorted_problems([*problems, *check_records(ws)])
    own = Record("event", incident or "")
    blocking = [p for p in problems if p.severity is Severity.ERROR
                and not (p.code == "A131" and p.record == own)]
    if blocking or ws.config is None:
        if fmt is Format.json:
            _echo(json.dumps({"ok": False, "problems": [problem_dict(p) for p in blocking]},
                             ensure_ascii=False, indent=2))
        else:
            for p in blocking:
                _echo(format_problem(p))
        _echo(t("trace.refused", errors=len(blocking)), err=True)
        raise typer.Exit(ExitCode.PROBLEMS)
    return ws


def register_commands(app: typer.Typer, workspace_arg: Any) -> None:
    """Add `trace`, `dossier`, `opinion` and `report duty` to `app`."""
    _add_dossier(app)

    @app.command("trace", short_help=tr(
        "责任追究：追溯负有领导责任的领导干部", "accountability: who bears leadership responsibility"), help=tr(
        "责任追究：按事件日期的任职，逐条列出对问责事件负主要领导责任、重要领导责任的领导干部和"
        "负全面领导责任的班子，并说明依据；--issue 印发责任追究决定（须已记录“决定”）。",
        "accountability: the leaders bearing main or important leadership responsibility for an incident, "
        "and the team bearing overall responsibility, as of the incident date, rule by rule; --issue "
        "renders the 责任追究决定 (once a 决定 is recorded)."))
    def trace_cmd(
        incident: str = typer.Argument(..., help=tr("问责事件编号，如 W01", "incident id, e.g. W01")),
        workspace: Path = workspace_arg(),
        fmt: Format = typer.Option(Format.text, "--format", "-f", help=tr("输出格式", "output format")),
        issue: bool = typer.Option(False, "--issue", help=tr(
            "印发责任追究决定（PDF），登记并写入廉政档案", "issue the decision (PDF), register it, update 廉政档案")),
        out: Path = typer.Option(Path("out"), "--out", "-o", help=tr("输出文件夹", "output folder")),
        quiet: bool = typer.Option(False, "--quiet", "-q", help=tr("不输出追溯过程", "do not print the trace")),
    ) -> None:
        from lzzr.accountability.text import trace_json, trace_lines
        from lzzr.accountability.trace import trace_incident
        from lzzr.records import events

        ws = checked(workspace, fmt, incident)
        found = trace_incident(ws, incident)
        if found is None:
            raise UsageError("trace.none", id=incident, suggest=_suggest(incident, events(ws)))
        if fmt is Format.json:
            _echo(json.dumps(trace_json(ws, found), ensure_ascii=False, indent=2))
        elif not quiet:
            for line in trace_lines(ws, found):
                _echo(line)
        if issue:
            _issue_decision(ws, found, out, quiet, fmt)


def _add_dossier(app: typer.Typer) -> None:
    @app.command("dossier", short_help=tr("领导干部廉政档案（跨年度）", "a leader's 廉政档案 across years"), help=tr(
        "领导干部廉政档案：任职、责任书、承诺书、履职记录、廉政谈话、考核结果、责任追究；可给出多个年度的"
        "工作区。生成 PDF；--format json 输出数据。",
        "a leader's 廉政档案: posts, letters, pledges, duties, talks, grades, accountability, across "
        "several years' workspaces. Writes a PDF; --format json prints the data."))
    def dossier_cmd(
        leader: str = typer.Argument(..., help=tr("领导编号", "leader id")),
        workspaces: list[Path] = typer.Argument(None, help=tr(
            "各年度的工作区文件夹（默认：当前文件夹）", "the workspaces of the years (default: .)")),
        fmt: Format = typer.Option(Format.text, "--format", "-f", help=tr("输出格式", "output format")),
        out: Path = typer.Option(Path("out"), "--out", "-o", help=tr("输出文件夹", "output folder")),
        no_pdf: bool = typer.Option(False, "--no-pdf", help=tr("不生成 PDF", "no PDF")),
        quiet: bool = typer.Option(False, "--quiet", "-q", help=tr("只输出问题", "print problems only")),
    ) -> None:
        from lzzr.accountability.dossier import archive_years, dossier, read_extras, write_dossier_pdf, year_file

        loaded = [checked(w, fmt) for w in (workspaces or [Path(".")])]
        loaded.sort(key=lambda ws: ws.config.year)
        known = [ws for ws in loaded if leader in ws.leaders]
        if not known:
            raise UsageError("usage.unknown_ref", kind=kind_label("leader"), ref=leader,
                             suggest=_suggest(leader, loaded[-1].leaders))
        name = known[-1].leaders[leader].name
        extras = [read_extras(ws, leader) for ws in known]
        years = [year_file(ws, leader, x) for ws, x in zip(known, extras, strict=True)]
        older = archive_years(extras[-1].archive, {y["年度"] for y in years})  # carried by init --from
        data = dossier(leader, name, [*older, *years])
        if fmt is Format.json:
            _echo(json.dumps(data, ensure_ascii=False, indent=2))
        if not no_pdf:
            pdf = write_dossier_pdf(known[-1], data, out)
            if not quiet:
                _echo(t("dossier.done", file=str(pdf), years=len(data["年度"])), err=fmt is Format.json)


def _issue_decision(ws: Any, found: Any, out: Path, quiet: bool, fmt: Format) -> None:
    from lzzr.accountability.decision import glyph_problems, issue_decision

    if found.event.decision is None:
        raise UsageError("trace.no_decision", id=found.id)
    problems = glyph_problems(ws, found)
    if problems:
        for p in problems:
            _echo(format_problem(p), err=True)
        _echo(t("trace.refused", errors=len(problems)), err=True)
        raise typer.Exit(ExitCode.PROBLEMS)
    issued = issue_decision(ws, found, out)
    if not quiet:
        _echo(t("trace.issued", file=str(issued.pdf), archives=len(issued.archives)), err=fmt is Format.json)
