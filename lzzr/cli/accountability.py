"""`lzzr trace`, `lzzr dossier`, `lzzr opinion`, `lzzr report duty`: accountability (责任追究).

Parse, call, print, exit; the work is in lzzr/accountability/. Exit codes: 0 done, 1 the
workspace has errors, 2 an unknown incident or leader (or a bad option)."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import typer

from lzzr.cli import options as o
from lzzr.cli.locking import writing, writing_all
from lzzr.cli.options import Format
from lzzr.cli.output import echo, echo_json, refuse
from lzzr.errors import ExitCode, Problem, UsageError
from lzzr.i18n import kind_label, t, tr
from lzzr.problems import format_problem, problem_dict

_echo = echo


def _suggest(word: str, pool: Any) -> str:
    close = difflib.get_close_matches(word, [str(x) for x in pool], n=1, cutoff=0.6)
    return t("suggest", name=close[0]) if close else ""


def checked(workspace: Path, fmt: Format, incident: str | None = None) -> Any:
    """Load the workspace and check its records; print the errors and stop (exit 1) when there
    are any. The four principles (P rules) are not run: they judge the decomposition, not who
    held which post. An incident dated outside the year (A131) does not stop its own trace:
    the trace says so."""
    from lzzr.errors import Record, Severity
    from lzzr.problems import sorted_problems
    from lzzr.records_check import check_all as check_records
    from lzzr.workspace.load import load_workspace

    ws, problems = load_workspace(workspace)
    problems = sorted_problems([*problems, *check_records(ws)])
    own = Record("event", incident or "")
    blocking = [p for p in problems if p.severity is Severity.ERROR
                and not (p.code == "A131" and p.record == own)]
    if blocking or ws.config is None:
        if fmt is Format.json:
            echo_json({"ok": False, "problems": [problem_dict(p) for p in blocking]})
        else:
            for p in blocking:
                _echo(format_problem(p))
        _echo(t("trace.refused", errors=len(blocking)), err=True)
        raise typer.Exit(ExitCode.PROBLEMS)
    return ws


def register_commands(app: typer.Typer) -> None:
    """Add `trace`, `dossier`, `opinion` and `report duty` to `app`."""
    _add_dossier(app)
    _add_opinion(app)
    add_report_duty(report_group(app))

    @app.command("trace", short_help=tr(
        "责任追究：追溯负有领导责任的领导干部", "accountability: who bears leadership responsibility"), help=tr(
        "责任追究：按事件日期的任职，逐条列出对问责事件负主要领导责任、重要领导责任的领导干部和"
        "负全面领导责任的班子，并说明依据；--issue 印发责任追究决定（须已记录“决定”）。",
        "accountability: the leaders bearing main or important leadership responsibility for an incident, "
        "and the team bearing overall responsibility, as of the incident date, rule by rule; --issue "
        "renders the 责任追究决定 (once a 决定 is recorded)."))
    def trace_cmd(
        incident: str = typer.Argument(..., help=tr("问责事件编号，如 W01", "incident id, e.g. W01")),
        workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
        fmt: Format = o.format_opt(),
        issue: bool = typer.Option(False, "--issue", help=tr(
            "印发责任追究决定（PDF），登记并写入廉政档案", "issue the decision (PDF), register it, update 廉政档案")),
        out: Path = o.out_opt(),
        quiet: bool = o.quiet_opt(), wait: float | None = o.wait_opt(),
    ) -> None:
        from lzzr.accountability.text import trace_json, trace_lines
        from lzzr.accountability.trace import trace_incident
        from lzzr.workspace.records import events

        ws = checked(o.pick_workspace(workspace, workspace_opt), fmt, incident)
        found = trace_incident(ws, incident)
        if found is None:
            raise UsageError("trace.none", id=incident, suggest=_suggest(incident, events(ws)))
        if fmt is Format.json:
            echo_json(trace_json(ws, found))
        elif not quiet:
            for line in trace_lines(ws, found):
                _echo(line)
        if issue:
            _issue_locked(ws, found, out, quiet, fmt, wait)


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
        fmt: Format = o.format_opt(),
        out: Path = o.out_opt(),
        no_pdf: bool = o.no_pdf_opt(),
        quiet: bool = o.quiet_opt(), wait: float | None = o.wait_opt(),
    ) -> None:
        from lzzr.accountability.dossier import write_dossier_pdf

        with writing_all(workspaces or [Path(".")], "dossier", wait, when=not no_pdf):
            latest, data = _dossier(leader, workspaces or [Path(".")], fmt)
            if fmt is Format.json:
                echo_json(data)
            if not no_pdf:
                _glyphs_or_stop(latest, leader, data)
                pdf = write_dossier_pdf(latest, data, out)
        if not no_pdf and not quiet:
            _echo(t("dossier.done", file=str(pdf), years=len(data["年度"])), err=fmt is Format.json)


def report_group(app: typer.Typer) -> typer.Typer:
    """The `report` sub-app: the one already on `app` (another phase's `report progress`),
    or a new one."""
    for info in app.registered_groups:
        if info.name == "report" and info.typer_instance is not None:
            return info.typer_instance
    group = typer.Typer(name="report", no_args_is_help=True, help=tr("报告草稿", "report drafts"))
    app.add_typer(group, name="report", help=tr("报告草稿：述职述廉等", "report drafts: 述职述廉 and others"))
    return group


def add_report_duty(report: typer.Typer) -> None:
    """`report duty`: attachable to any `report` group."""

    @report.command("duty", short_help=tr("述职述廉报告草稿", "述职述廉 draft"), help=tr(
        "述职述廉报告草稿：按本年度的任职、履职记录、会议、廉政谈话、任务及完成情况、责任追究预先填写，"
        "写出 Markdown（供本人修改）和 PDF。",
        "述职述廉 draft, pre-filled with the year's posts, duties, meetings, talks, tasks and their "
        "outcome, accountability: Markdown (for the leader to edit) and PDF."))
    def duty_cmd(
        leader: str = typer.Argument(..., help=tr("领导编号", "leader id")),
        workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
        fmt: Format = o.format_opt(),
        out: Path = o.out_opt(),
        no_pdf: bool = o.no_pdf_opt(),
        quiet: bool = o.quiet_opt(), wait: float | None = o.wait_opt(),
    ) -> None:
        from lzzr.accountability.duty_report import duty_report

        root = o.pick_workspace(workspace, workspace_opt)
        with writing(root, "report duty", wait):
            ws = leader_workspaces(leader, [root], fmt)[0]
            data = duty_report(ws, leader)
            if fmt is Format.json:
                echo_json(data)
            written = _write_duty(ws, data, out, no_pdf)
        if not quiet:
            _echo(t("duty.done", files="、".join(str(p) for p in written)), err=fmt is Format.json)


def _write_duty(ws: Any, data: dict[str, Any], out: Path, no_pdf: bool) -> list[Path]:
    from lzzr.accountability.duty_report import duty_filename, duty_markdown
    from lzzr.fsutil import write_atomic
    from lzzr.render.renderer import renderer_for

    md = out / duty_filename(data, ".md")
    write_atomic(md, duty_markdown(data))
    if no_pdf:
        return [md]
    _glyphs_or_stop(ws, data["领导"], data)
    pdf = out / duty_filename(data, ".pdf")
    renderer_for(ws).write_pdf("duty_report.html", {"d": data}, pdf)
    return [md, pdf]


def _day(text: str | None) -> dt.date:
    from lzzr.workspace.model import parse_date

    if text is None:
        return dt.date.today()
    try:
        return parse_date(text)
    except ValueError:
        raise UsageError("usage.bad_date", value=text) from None


def _add_opinion(app: typer.Typer) -> None:
    @app.command("opinion", short_help=tr("党风廉政意见回复（草稿）", "draft integrity opinion"), help=tr(
        "党风廉政意见回复草稿（干部拟提拔时征求的意见）：廉政档案中的任职、考核、责任追究，以及按"
        "“责任追究规定 → 影响期”计算的影响期（依据和起止日期）。生成 PDF；--format json 输出数据。",
        "draft 党风廉政意见回复 (asked for before a promotion): posts, grades, accountability from the "
        "file, and the bar periods of 责任追究规定 → 影响期 with their rule and dates. PDF; --format json."))
    def opinion_cmd(
        leader: str = typer.Argument(..., help=tr("领导编号", "leader id")),
        workspaces: list[Path] = typer.Argument(None, help=tr(
            "各年度的工作区文件夹（默认：当前文件夹）", "the workspaces of the years (default: .)")),
        on: str | None = typer.Option(None, "--date", help=tr("出具意见的日期（默认：今天）", "date of the opinion")),
        to: str | None = typer.Option(None, "--to", help=tr(
            "主送机关（默认：机关+组织部）", "addressee (default: the organ's 组织部)")),
        fmt: Format = o.format_opt(),
        out: Path = o.out_opt(),
        no_pdf: bool = o.no_pdf_opt(),
        quiet: bool = o.quiet_opt(), wait: float | None = o.wait_opt(),
    ) -> None:
        from lzzr.accountability.opinion import write_opinion_pdf

        with writing_all(workspaces or [Path(".")], "opinion", wait, when=not no_pdf):
            latest, data = _opinion(leader, workspaces or [Path(".")], _day(on), to, fmt)
            if fmt is Format.json:
                echo_json(data)
            if not no_pdf:
                _glyphs_or_stop(latest, leader, data)
                pdf = write_opinion_pdf(latest, data, out)
        if not no_pdf and not quiet:
            _echo(t("opinion.done", file=str(pdf), state=data["结论"]), err=fmt is Format.json)


def _opinion(leader: str, workspaces: list[Path], on: dt.date, to: str | None,
             fmt: Format) -> tuple[Any, dict[str, Any]]:
    from lzzr.accountability.opinion import build_opinion

    known = leader_workspaces(leader, workspaces, fmt)
    return known[-1], build_opinion(known, leader, on, to)


def leader_workspaces(leader: str, workspaces: list[Path], fmt: Format) -> list[Any]:
    """The checked workspaces (by year) that know the leader; exit 2 when none does."""
    loaded = sorted((checked(w, fmt) for w in workspaces), key=lambda ws: ws.config.year)
    known = [ws for ws in loaded if leader in ws.leaders]
    if not known:
        raise UsageError("usage.unknown_ref", kind=kind_label("leader"), ref=leader,
                         suggest=_suggest(leader, loaded[-1].leaders))
    return known


def _dossier(leader: str, workspaces: list[Path], fmt: Format) -> tuple[Any, dict[str, Any]]:
    from lzzr.accountability.dossier import archive_years, dossier, read_extras, year_file
    from lzzr.documents.register import Register

    known = leader_workspaces(leader, workspaces, fmt)
    extras = [read_extras(ws, leader, Register.open(ws.root).documents) for ws in known]
    years = [year_file(ws, leader, x) for ws, x in zip(known, extras, strict=True)]
    older = archive_years(extras[-1].archive, {y["年度"] for y in years})  # carried by init --from
    return known[-1], dossier(leader, known[-1].leaders[leader].name, [*older, *years])


def _glyphs_or_stop(ws: Any, leader: str, data: Any) -> None:
    """The glyph check of a document made from many records: every text it prints."""
    from lzzr.accountability.glyphs import data_glyph_problems

    _stop_on(data_glyph_problems(ws, leader, data))


def _stop_on(problems: list[Problem]) -> None:
    """Refuse a document whose text the fonts cannot print: every glyph problem, then the
    refusal, on stderr (also with --format json); exit 1. Nothing when there are none."""
    if problems:
        refuse(problems, False, "trace.refused", errors=len(problems))


def _issue_locked(ws: Any, found: Any, out: Path, quiet: bool, fmt: Format, wait: float | None) -> None:
    """The decision is registered and written into 廉政档案: under the workspace lock."""
    with writing(ws.root, "trace --issue", wait):
        _issue_decision(ws, found, out, quiet, fmt)


def _issue_decision(ws: Any, found: Any, out: Path, quiet: bool, fmt: Format) -> None:
    from lzzr.accountability.decision import glyph_problems, issue_decision

    if found.event.decision is None:
        raise UsageError("trace.no_decision", id=found.id)
    _stop_on(glyph_problems(ws, found))
    issued = issue_decision(ws, found, out)
    from lzzr.documents.register import Register
    from lzzr.fsutil import sha256_file

    register = Register.open(ws.root)
    register.record(issued.doc_id, issued.entry, sha256_file(issued.pdf), dt.date.today())
    register.save()
    if not quiet:
        _echo(t("trace.issued", file=str(issued.pdf), archives=len(issued.archives)), err=fmt is Format.json)
