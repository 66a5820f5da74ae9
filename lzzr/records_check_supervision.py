"""Cross-record checks of 进展报告 and 督查, every problem located at file:line:col.

Pure, like lzzr/records_check.py (whose helpers it uses): unknown task, unit or leader,
dates outside the year, a rectification due or closed before the inspection found it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lzzr.errors import Problem
from lzzr.i18n import fmt_date
from lzzr.records_check import _outside, _p, _suggest, _unknown, _year
from lzzr.workspace.load import Workspace
from lzzr.workspace.supervision import Finding, inspections, reports


def check_supervision(ws: Workspace) -> list[Problem]:
    """Every problem of the progress reports and inspections."""
    return [*_check_reports(ws), *_check_inspections(ws)]


def _check_reports(ws: Workspace) -> Iterator[Problem]:
    for rid, rep in reports(ws).items():
        if not ws.known("task", rep.task):
            yield _p(ws, "A120", "report", rid, "任务", field="任务", ref=rep.task,
                     suggest=_suggest(rep.task, ws.tasks))
        if _outside(ws, rep.date):
            yield _p(ws, "V101", "report", rid, "日期", date=fmt_date(rep.date), year=_year(ws)[0].year)
        if rep.percent is not None and not 0 <= rep.percent <= 100:
            yield _p(ws, "A106", "report", rid, "完成比例", field="完成比例", value=rep.percent)


def _check_inspections(ws: Workspace) -> Iterator[Problem]:
    for iid, ins in inspections(ws).items():
        for name, ref in (("督查主体", ins.body), ("被督查单位", ins.unit)):
            if not ws.known("unit", ref):
                yield _unknown(ws, "inspect", iid, (name,), name, "unit", ref)
        if _outside(ws, ins.date):
            yield _p(ws, "V111", "inspect", iid, "日期", date=fmt_date(ins.date), year=_year(ws)[0].year)
        for i, finding in enumerate(ins.findings):
            yield from _check_finding(ws, iid, i, finding, ins.date)


def _check_finding(ws: Workspace, iid: str, i: int, f: Finding, found: dt.date) -> Iterator[Problem]:
    path = ("发现问题", i)
    if not ws.known("leader", f.person):
        yield _unknown(ws, "inspect", iid, (*path, "责任人"), "责任人", "leader", f.person)
    if f.deadline < found:
        yield _p(ws, "V112", "inspect", iid, *path, "整改时限", n=i + 1, date=fmt_date(f.deadline),
                 found=fmt_date(found))
    if f.closed is not None and f.closed.date < found:
        yield _p(ws, "V113", "inspect", iid, *path, "销号", "日期", n=i + 1, date=fmt_date(f.closed.date),
                 found=fmt_date(found))
