"""`lzzr status`, `remind`, `calendar`, `report progress`: supervision through the year.
Parse, call, print, exit; the work is in lzzr/supervision/."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import typer

from lzzr.cli import options as o
from lzzr.cli.locking import writing
from lzzr.cli.output import echo, echo_json, print_problems
from lzzr.errors import ExitCode, UsageError
from lzzr.i18n import fmt_date, t, tr

DASHBOARD_FILES = ("dashboard.css", "dashboard.js")


def register_commands(app: typer.Typer) -> None:
    """Add `status`, `remind`, `calendar` and `report progress` to `app`."""
    _add_status(app)
    _add_remind(app)
    _add_calendar(app)
    _add_report(app)


# --- gathering --------------------------------------------------------------------------

def load_checked(workspace: Path) -> Any:
    """The workspace, when it has no errors; otherwise the problems are printed and exit 1."""
    from lzzr.check import check_workspace

    result = check_workspace(workspace)
    if result.errors:
        print_problems(result.problems, err=True)
        echo(t("sv.refused", errors=result.errors), err=True)
        raise typer.Exit(ExitCode.PROBLEMS)
    return result.workspace


def papers(ws: Any) -> list[Any]:
    """The year's letters and pledge documents with what the register says (documents phase)."""
    from lzzr.documents.letters import plan_letters
    from lzzr.documents.register import Register, signed_by_all
    from lzzr.supervision.status import Paper

    register = Register.open(ws.root)
    found = []
    for spec in plan_letters(ws):
        entry = register.documents.get(spec.id)
        found.append(Paper(spec.id, "letter", spec.b.unit, tuple(p.leader for p in spec.parties), _issued(entry),
                           _signed(entry) if entry and signed_by_all(entry) else None))
    for doc_id, entry in register.documents.items():
        if entry.get("kind") == "pledge":
            parties = tuple(p["leader"] for p in entry.get("parties", []))
            unit = entry.get("parties", [{}])[0].get("unit", "") if parties else ""
            found.append(Paper(doc_id, "pledge", unit, parties, _issued(entry), None))
    return found


def _issued(entry: dict[str, Any] | None) -> dt.date | None:
    return dt.date.fromisoformat(entry["issued"]) if entry and entry.get("issued") else None


def _signed(entry: dict[str, Any]) -> dt.date | None:
    days = [dt.date.fromisoformat(s["date"]) for s in entry.get("signatures", []) if s.get("date")]
    return max(days) if days else None


def status_of(workspace: Path, on: str | None, unit: str | None = None,
              leader: str | None = None) -> tuple[Any, Any]:
    from lzzr.supervision.status import compute_status
    from lzzr.supervision.summary import narrow

    day = o.parse_day(on)
    ws = load_checked(workspace)
    _known(ws, unit, leader)
    return ws, narrow(compute_status(ws, day, papers(ws)), unit, leader)


def _known(ws: Any, unit: str | None, leader: str | None) -> None:
    import difflib

    for value, pool, code, arg in ((unit, ws.units, "sv.no_unit", "unit"),
                                   (leader, ws.leaders, "sv.no_leader", "leader")):
        if value is not None and value not in pool:
            close = difflib.get_close_matches(value, list(pool), n=1, cutoff=0.6)
            raise UsageError(code, **{arg: value, "suggest": t("suggest", name=close[0]) if close else ""})


def _written(paths: list[Path], quiet: bool) -> None:
    if not quiet:
        echo(t("sv.written", path="、".join(str(p) for p in paths)))


# --- status -----------------------------------------------------------------------------

def _add_status(app: typer.Typer) -> None:
    @app.command("status", short_help=tr(
        "年中监督检查：截至某日的落实情况", "through the year: how the system stands on a day"), help=tr(
        "截至 --on 日期（默认今天）的落实情况：任务已完成、按计划推进、临近到期、逾期、未报送"
        "（按牵头部门、按总负责人），一把手职责履行、责任书签订和公开承诺、督查整改，以及五（六）的三个重点。"
        "--html 写离线看板。",
        "how the year stands on --on (default today): tasks done, on track, due soon, overdue, not "
        "reported (by lead unit, by leader); principals' duties; letters and pledges; rectifications; "
        "the three focuses of section 五(六). --html writes the offline dashboard."))
    def status_cmd(
        workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
        on: str | None = o.on_opt(),
        unit: str | None = o.unit_opt("只看一个单位（编号）", "one unit only (id)"),
        leader: str | None = o.leader_opt("只看一位领导（编号）", "one leader only (id)"),
        fmt: o.TableFormat = o.format_opt(o.TableFormat.text, "text 表格、json、csv（任务明细）输出到屏幕；"
                                          "xlsx 写入 --out", "text, json, csv (tasks) to stdout; xlsx to --out"),
        out: Path = o.out_opt(), quiet: bool = o.quiet_opt(),
        html: Path | None = typer.Option(None, "--html", help=tr(
            "把离线看板（index.html 及其 CSS、JS）写入此文件夹，不输出表格",
            "write the offline dashboard (index.html with its CSS and JS) to this folder instead")),
        wait: float | None = o.wait_opt(),
    ) -> None:
        root = o.pick_workspace(workspace, workspace_opt)
        with writing(root, "status", wait, when=html is not None or fmt is o.TableFormat.xlsx):
            ws, status = status_of(root, on, unit, leader)
            if html is not None:
                _written([write_dashboard(ws, status, html)], quiet)
            else:
                _print_status(ws, status, fmt, out, quiet)


def _print_status(ws: Any, status: Any, fmt: o.TableFormat, out: Path, quiet: bool) -> None:
    from lzzr.render.tables import to_csv, to_text, to_xlsx
    from lzzr.supervision.tables import status_json, status_tables, tasks_table

    if fmt is o.TableFormat.json:
        echo_json(status_json(ws, status))
    elif fmt is o.TableFormat.csv:
        echo(to_csv(tasks_table(ws, status)).decode("utf-8-sig").rstrip("\r\n"))
    elif fmt is o.TableFormat.xlsx:
        from lzzr.fsutil import write_atomic

        target = out / f"{status.day.year}-落实情况-{status.day.isoformat()}.xlsx"
        write_atomic(target, to_xlsx(*status_tables(ws, status)))
        _written([target], quiet)
    else:
        width = shutil.get_terminal_size((120, 24)).columns
        echo("\n\n".join(to_text(x, width).rstrip("\n") for x in status_tables(ws, status) if x.rows))


def write_dashboard(ws: Any, status: Any, folder: Path) -> Path:
    """index.html rendered (the workspace's templates/ first), its CSS and JS copied beside it."""
    from lzzr.fsutil import write_atomic
    from lzzr.render.renderer import Renderer, builtin_templates
    from lzzr.supervision.dashboard import dashboard_context

    dirs = [d for d in (ws.root / "templates",) if d.is_dir()] + [builtin_templates()]
    index = folder / "index.html"
    write_atomic(index, Renderer(dirs).html("dashboard.html", dashboard_context(ws, status)))
    for name in DASHBOARD_FILES:
        source = next(d / name for d in dirs if (d / name).is_file())
        write_atomic(folder / name, source.read_bytes())
    return index


# --- remind -----------------------------------------------------------------------------

def _add_remind(app: typer.Typer) -> None:
    @app.command("remind", short_help=tr(
        "按蓝、黄、红三级提醒需要办理的事项", "tiered reminders of what needs action"), help=tr(
        "截至 --on 日期（默认今天）需要办理的事项：未完成的任务、一把手职责、整改，按 lzzr.yaml 的“监督 → 提醒分级”"
        "（默认红：已逾期，黄：7 天内到期，蓝：30 天内到期）分级，按责任人分组。没有事项时不输出，退出码 0；"
        "有逾期一级（红）的事项时退出码 4。",
        "what needs action on --on (default today): open tasks, principals' duties, rectifications, in the "
        "tiers of lzzr.yaml (default 红 overdue, 黄 within 7 days, 蓝 within 30), by person. Nothing due: "
        "no output, exit 0; an item in the overdue tier: exit 4."))
    def remind_cmd(
        workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
        on: str | None = o.on_opt(), fmt: o.Format = o.format_opt(),
    ) -> None:
        from lzzr.supervision.remind import any_overdue, reminders

        ws, status = status_of(o.pick_workspace(workspace, workspace_opt), on)
        found = reminders(status)
        if fmt is o.Format.json:
            echo_json(_remind_json(status.day, found))
        elif found:
            echo("\n".join(_remind_lines(ws, status, found)))
        raise typer.Exit(ExitCode.OVERDUE if any_overdue(found) else ExitCode.OK)


def _remind_json(day: dt.date, found: list[Any]) -> dict[str, Any]:
    from lzzr.supervision.remind import any_overdue

    return {"on": day.isoformat(), "overdue": any_overdue(found),
            "items": [{"tier": r.tier, "person": r.person, "kind": r.kind, "id": r.id, "title": r.title,
                       "unit": r.unit, "due": r.due.isoformat(), "days": r.days} for r in found]}


def _remind_lines(ws: Any, status: Any, found: list[Any]) -> list[str]:
    from lzzr.supervision.tables import leader_name, unit_name

    tiers = [x.level for x in status.settings.tiers]
    counts = t("rm.sep").join(t("rm.tier", tier=k, n=n) for k in tiers if (n := sum(r.tier == k for r in found)))
    lines = [t("rm.summary", date=fmt_date(status.day), n=len(found), tiers=counts)]
    for person in dict.fromkeys(r.person for r in found):
        mine = [r for r in found if r.person == person]
        lines += ["", t("rm.person", name=leader_name(ws, person), n=len(mine))]
        for r in mine:
            when = t("rm.late", date=fmt_date(r.due), days=-r.days) if r.days < 0 else \
                t("rm.today", date=fmt_date(r.due)) if r.days == 0 else \
                t("rm.ahead", date=fmt_date(r.due), days=r.days)
            what = r.title if r.kind == "duty" else f"{r.id} {r.title}"
            lines.append(t("rm.line", tier=r.tier, kind=t("rm.kind." + r.kind), what=what,
                           unit=unit_name(ws, r.unit), when=when))
    return lines


# --- calendar ---------------------------------------------------------------------------

def _add_calendar(app: typer.Typer) -> None:
    @app.command("calendar", short_help=tr(
        "导出日历（.ics）：任务时限、一把手职责、整改时限", "an iCalendar file of the year's deadlines"), help=tr(
        "导出 iCalendar 文件（--out 文件夹下的 年度-责任制日历.ics）：每项末级任务的完成时限、一把手职责"
        "（五个一、专题会议等）和整改时限各一个全天事件，写明责任人；放到共享目录或内网服务器上，日历程序可以订阅。",
        "write an iCalendar file (YEAR-责任制日历.ics in --out): one all-day event per task deadline, "
        "principal's duty and rectification deadline, with the person responsible; calendar programs can "
        "subscribe to it."))
    def calendar_cmd(workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
                     out: Path = o.out_opt(), quiet: bool = o.quiet_opt(), wait: float | None = o.wait_opt()) -> None:
        from lzzr.clock import made_at
        from lzzr.fsutil import write_atomic
        from lzzr.supervision.calendar import calendar_bytes

        root = o.pick_workspace(workspace, workspace_opt)
        with writing(root, "calendar", wait):
            ws = load_checked(root)
            target = out / f"{ws.config.year}-责任制日历.ics"
            write_atomic(target, calendar_bytes(ws, made_at()))
        _written([target], quiet)


# --- report progress --------------------------------------------------------------------

def _add_report(app: typer.Typer) -> None:
    report_app = typer.Typer(help=tr("向党委报告", "reports to the party committee"), no_args_is_help=True)
    app.add_typer(report_app, name="report", short_help=tr(
        "向党委报告落实情况（公文 PDF 和 xlsx）", "report to the party committee (PDF and xlsx)"))

    @report_app.command("progress", help=tr(
        "印发《关于…落实党风廉政建设责任制情况的报告》（GB/T 9704 公文，附统计表），数据截至时段末，"
        "并把同样的数字写入 xlsx。--period 2026H1（上半年）、2026Q3（第三季度）或 2026（全年）。",
        "issue the report on how the system was carried out (GB/T 9704, with the table attached), as of "
        "the period's end, and the same figures as xlsx. --period 2026H1, 2026Q3 or 2026."))
    def progress_cmd(
        workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
        period: str | None = typer.Option(None, "--period", help=tr(
            "时段：2026、2026H1、2026H2、2026Q1–2026Q4（默认全年）",
            "period: 2026, 2026H1, 2026Q3 … (default the year)")),
        number: int | None = typer.Option(None, "--number", min=1, help=tr(
            "文号序号（默认 lzzr.yaml 发文 → 落实情况报告 中该时段的序号）",
            "document number (default: the period's 序号 in lzzr.yaml 发文 → 落实情况报告)")),
        prefix: str | None = typer.Option(None, "--prefix", help=tr(
            "文号前缀（默认该时段的文号前缀，或 lzzr.yaml 的文号前缀）",
            "document number prefix (default: the period's, or lzzr.yaml's)")),
        out: Path = o.out_opt(), quiet: bool = o.quiet_opt(), wait: float | None = o.wait_opt(),
    ) -> None:
        from lzzr.cli.locking import writing
        from lzzr.supervision.report import numbering, parse_period

        root = o.pick_workspace(workspace, workspace_opt)
        with writing(root, "report progress", wait):
            ws = load_checked(root)
            chosen = parse_period(period or str(ws.config.year))
            numbered = numbering(ws, chosen, number, prefix)
            _, status = status_of(root, chosen.end.isoformat())
            written = _issue_report(ws, status, chosen, numbered, out)
        _written(written, quiet)


def _issue_report(ws: Any, status: Any, period: Any, numbered: Any, out: Path) -> list[Path]:
    """The report (PDF, registered as issued) and its workbook; under the workspace lock."""
    from lzzr.decompose.plan import mark_size, township_word
    from lzzr.documents.register import Register
    from lzzr.fsutil import sha256_file, write_atomic
    from lzzr.render.renderer import renderer_for
    from lzzr.render.tables import to_xlsx
    from lzzr.supervision.report import doc_id, glyph_problems, register_entry, report_context
    from lzzr.supervision.tables import status_tables

    problems = glyph_problems(ws, status)
    if problems:
        print_problems(problems, err=True)
        raise typer.Exit(ExitCode.PROBLEMS)
    stem = out / f"{ws.config.year}-落实情况报告-{period.code}"
    pdf = stem.with_suffix(".pdf")
    renderer_for(ws).write_pdf("progress.html", report_context(ws, status, period, numbered, mark_size,
                                                               township_word(ws)), pdf)
    register = Register.open(ws.root)
    register.record(doc_id(period), register_entry(period, numbered, str(pdf)), sha256_file(pdf), dt.date.today())
    register.save()
    xlsx = stem.with_suffix(".xlsx")
    write_atomic(xlsx, to_xlsx(*status_tables(ws, status)))
    return [pdf, xlsx]
