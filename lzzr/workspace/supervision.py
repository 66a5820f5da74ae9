"""Supervision through the year (监督检查): dated progress reports, inspections and rectifications.

Two sections, written like the other records (Chinese keys, `编号: 内容`):

| section  | kind       | keyed by   | what                                                          |
|----------|------------|------------|---------------------------------------------------------------|
| 进展报告 | `report`   | report id  | 谁的任务谁汇报: a lead unit's dated report on one task          |
| 督查     | `inspect`  | inspection | an inspection (督查): date, body, unit, findings, each with its  |
|          |            |            | rectification (整改) requirement, person, deadline and closure |

The year-end 任务进展 record stays what the assessment reads; a 进展报告 says how a task
stood on a day during the year. Cross-record checks: lzzr/records_check_supervision.py;
the sections are joined in lzzr/workspace/sections.py, their kinds named in lzzr/messages/workspace.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from lzzr.workspace.model import Date, Frozen, NonEmpty, Texts
from lzzr.workspace.records import Number

if TYPE_CHECKING:
    from lzzr.workspace.load import Workspace

ReportStatus = Literal["进行中", "已完成", "滞后"]


class ProgressReport(Frozen):
    """A lead unit's report on one task on one day (section 进展报告)."""

    task: NonEmpty = Field(alias="任务", description="任务编号")
    date: Date = Field(alias="日期", description="报送日期")
    status: ReportStatus = Field(alias="状态", description="进行中、已完成或滞后")
    percent: Number | None = Field(None, alias="完成比例", description="估计的完成程度（0–100）")
    by: str | None = Field(None, alias="报送人", description="领导编号或经办人姓名")
    note: str | None = Field(None, alias="说明")


class Closure(Frozen):
    """How a rectification was closed (销号): the day and the evidence."""

    date: Date = Field(alias="日期")
    evidence: Texts = Field(alias="依据", min_length=1, description="整改报告、文号、台账等")


class Finding(Frozen):
    """One problem an inspection found, and its rectification."""

    problem: NonEmpty = Field(alias="问题")
    requirement: NonEmpty = Field(alias="整改要求")
    person: NonEmpty = Field(alias="责任人", description="领导编号")
    deadline: Date = Field(alias="整改时限")
    closed: Closure | None = Field(None, alias="销号", description="整改完成：日期和依据")


class Inspection(Frozen):
    """An inspection (督查) of one unit (section 督查, keyed by inspection id)."""

    date: Date = Field(alias="日期")
    body: NonEmpty = Field(alias="督查主体", description="单位编号，如 jw")
    unit: NonEmpty = Field(alias="被督查单位", description="单位编号")
    subject: str | None = Field(None, alias="事项", description="如：上半年责任制落实情况专项督查")
    findings: tuple[Finding, ...] = Field((), alias="发现问题")


SUPERVISION_SECTIONS: dict[str, tuple[str, type[Frozen]]] = {
    "进展报告": ("report", ProgressReport),
    "督查": ("inspect", Inspection),
}


def reports(ws: Workspace) -> dict[str, ProgressReport]:
    return ws.collection("report")


def inspections(ws: Workspace) -> dict[str, Inspection]:
    return ws.collection("inspect")
