"""Fill-in forms (填报表): one workbook per unit for the period, returned and read back by
`lzzr import`.

Sheet 任务进展: the unit's tasks with standard, targets and deadline (locked), and the
columns the unit fills (完成情况 from a list, 完成日期 a date in the year, 实际值, 完成比例
0–100, 佐证材料, 进展情况). Sheet 履职记录: its principal's yearly duties to tick (是/否),
with date and evidence. The header rows are protected; a very hidden sheet `_lzzr` carries
the form's identity (unit, year, period, version of the tasks), also in the document's
keywords.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill, Protection  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

from lzzr.errors import Problem, Severity, UsageError
from lzzr.exchange.identity import FormIdentity, form_identity, unit_principal, unit_tasks
from lzzr.exchange.resolve import directories
from lzzr.exchange.sheet import IDENTITY_SHEET
from lzzr.exchange.values import CellError
from lzzr.fsutil import write_atomic
from lzzr.render.tables import DATE_FORMAT, sheet_title, xlsx_cell
from lzzr.render.xlsxfile import workbook_bytes
from lzzr.workspace.load import Workspace, load_workspace
from lzzr.workspace.model import DUTY_KINDS, Target

TASK_FIXED = ("任务编号", "任务", "工作标准", "量化指标", "完成时限")
TASK_FILL = ("完成情况", "完成日期", "实际值", "完成比例", "佐证材料", "进展情况")
DUTY_FIXED = ("领导", "事项", "计划日期")
DUTY_FILL = ("已完成", "日期", "佐证材料", "备注")
HEADER_ROW = 3  # title, instructions, header
_LOCKED = PatternFill("solid", fgColor="E7E6E6")
_HEAD = PatternFill("solid", fgColor="D9E1F2")
_WIDTHS = {"任务编号": 10, "任务": 28, "工作标准": 40, "量化指标": 24, "完成时限": 14, "完成情况": 10,
           "完成日期": 14, "实际值": 22, "完成比例": 10, "佐证材料": 28, "进展情况": 30, "领导": 10,
           "事项": 14, "计划日期": 14, "已完成": 8, "日期": 14, "备注": 24}


@dataclass(frozen=True)
class Form:
    """One unit's form: file name, identity, the workbook's bytes."""

    unit: str
    name: str
    identity: FormIdentity
    data: bytes


@dataclass
class FormsRun:
    """The forms written, or the workspace's errors that stopped them."""

    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    period: str = ""


def write_forms(root: Path, out: Path, unit: str | None, period: str | None) -> FormsRun:
    """One form per unit that leads a task (or only `unit`), written into `out`."""
    ws, problems = load_workspace(root)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if ws.config is None or errors:
        return FormsRun(problems=errors or problems)
    chosen = period or f"{ws.config.year}年度"
    uids = form_units(ws)
    if unit is not None:
        try:
            uid, _ = directories(ws)["unit"].resolve(unit)
        except CellError as exc:
            raise UsageError(exc.code, field="--unit", **{k: v for k, v in exc.args_.items() if k != "msg"}) from None
        if uid not in uids:
            raise UsageError("forms.no_unit", unit=unit)
        uids = [uid]
    run = FormsRun(period=chosen)
    for uid in uids:
        form = build_form(ws, uid, chosen)
        write_atomic(out / form.name, form.data)
        run.written.append(out / form.name)
    return run


def form_units(ws: Workspace) -> list[str]:
    """Units that lead a task, in file order."""
    leads = {t.lead for t in ws.tasks.values()}
    return [uid for uid in ws.units if uid in leads]


def build_form(ws: Workspace, uid: str, period: str) -> Form:
    """The fill-in workbook of unit `uid` for `period` (such as 2026年度)."""
    assert ws.config is not None
    unit = ws.units[uid]
    identity = form_identity(ws, uid, period)
    book = Workbook()
    tasks = book.active
    tasks.title = "任务进展"
    title = f"{ws.config.region}{period}党风廉政建设任务进展填报表（{unit.label}）"
    _task_sheet(tasks, ws, uid, title)
    _duty_sheet(book.create_sheet("履职记录"), ws, uid, f"{unit.label}主要负责人履职记录（{period}）")
    hidden = book.create_sheet(IDENTITY_SHEET)
    for pair in identity.pairs():
        hidden.append(list(pair))
    hidden.sheet_state = "veryHidden"
    book.properties.title = title
    book.properties.keywords = "lzzr:" + ";".join(f"{k}={v}" for k, v in identity.pairs())
    name = sheet_title(f"{ws.config.year}-填报表-{unit.label}-{uid}") + ".xlsx"
    return Form(uid, name, identity, workbook_bytes(book))


def _task_sheet(sheet: Any, ws: Workspace, uid: str, title: str) -> None:
    assert ws.config is not None
    rows = [[tid, t.title, t.standard or "", _targets(t.targets), t.deadline or ""] for tid, t in unit_tasks(ws, uid)]
    note = ("请填写白色单元格：完成情况选“已完成、未完成、进行中”；已完成的写完成日期；"
            "有量化指标的在实际值中写“指标 数值”，多个用分号隔开。")
    _frame(sheet, title, note, [*TASK_FIXED, *TASK_FILL], rows, len(TASK_FIXED))
    last = HEADER_ROW + max(len(rows), 1)
    status = DataValidation(type="list", formula1='"已完成,未完成,进行中"', allow_blank=True)
    _validate(sheet, status, "F", last, "完成情况", "请从列表中选择")
    _validate(sheet, _date_rule(ws.config.year), "G", last, "完成日期", f"请填写{ws.config.year}年内的日期")
    percent = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
    _validate(sheet, percent, "I", last, "完成比例", "0–100 之间的数")


def _duty_sheet(sheet: Any, ws: Workspace, uid: str, title: str) -> None:
    assert ws.config is not None
    lid = unit_principal(ws, uid)
    leader = ws.leaders.get(lid) if lid else None
    planned: dict[str, Any] = {d.kind: d.date for d in ws.plan.duties} if ws.plan and ws.plan.team == uid else {}
    rows = [[leader.name if leader else "", kind, planned.get(kind, "")] for kind in DUTY_KINDS] if leader else []
    note = "已完成的事项在“已完成”列选“是”，并填写日期和佐证材料（会议纪要、文号、记录本等）。"
    _frame(sheet, title, note, [*DUTY_FIXED, *DUTY_FILL], rows, len(DUTY_FIXED))
    last = HEADER_ROW + max(len(rows), 1)
    _validate(sheet, DataValidation(type="list", formula1='"是,否"', allow_blank=True), "D", last, "已完成", "是或否")
    _validate(sheet, _date_rule(ws.config.year), "E", last, "日期", f"请填写{ws.config.year}年内的日期")


def _frame(sheet: Any, title: str, note: str, headers: list[str], rows: list[list[Any]], fixed: int) -> None:
    """Title, note, header; locked given cells, unlocked cells to fill; protection on."""
    width = len(headers)
    sheet.cell(1, 1, title).font = Font(bold=True, size=14)
    sheet.cell(2, 1, note).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    sheet.row_dimensions[2].height = 32
    for c, header in enumerate(headers, start=1):
        cell = sheet.cell(HEADER_ROW, c, header)
        cell.font, cell.fill = Font(bold=True), _HEAD
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(c)].width = _WIDTHS.get(header, 14)
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        for c in range(1, width + 1):
            cell = sheet.cell(r, c)
            xlsx_cell(cell, row[c - 1] if c <= len(row) else "")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if c <= fixed:
                cell.fill = _LOCKED
            else:
                cell.protection = Protection(locked=False)
                if headers[c - 1] in ("完成日期", "日期"):
                    cell.number_format = DATE_FORMAT
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, fixed + 1).coordinate
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation, sheet.page_setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.protection.sheet = True
    sheet.protection.formatColumns = sheet.protection.formatRows = False  # widths may change


def _validate(sheet: Any, rule: Any, column: str, last: int, title: str, prompt: str) -> None:
    rule.error, rule.errorTitle = prompt, title
    rule.prompt, rule.promptTitle = prompt, title
    rule.showErrorMessage = rule.showInputMessage = True
    sheet.add_data_validation(rule)
    rule.add(f"{column}{HEADER_ROW + 1}:{column}{last}")


def _date_rule(year: int) -> Any:
    return DataValidation(type="date", operator="between", formula1=f"DATE({year},1,1)",
                          formula2=f"DATE({year},12,31)", allow_blank=True)


def _targets(targets: tuple[Target, ...]) -> str:
    return "；".join(f"{t.metric} {t.value:g} {t.unit or ''}".strip() for t in targets)
