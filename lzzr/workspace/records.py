"""What happened during the year: the records the year-end assessment reads.

Six sections, each written like the rest of the workspace (Chinese keys, `编号: 内容`):

| section    | kind          | keyed by        | what                                                   |
|------------|---------------|-----------------|--------------------------------------------------------|
| 任务进展   | `progress`    | task id         | status, date done, actual values, evidence             |
| 履职记录   | `duties`      | leader id       | the duties a leader carried out, with dates            |
| 配套制度   | `institutions`| unit id         | the unit's supporting rules in force                   |
| 民主测评   | `poll`        | poll id         | ballots per voter class for one assessed target        |
| 问责事件   | `event`       | event id        | accountability events and the leaders' outcomes        |
| 考核评定   | `rating`      | sheet id        | qualitative grades entered by the assessors            |

Models only: the cross-record checks (unknown task, votes above ballots …) live in
`lzzr/records_check.py` (`check_all`).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from lzzr.workspace.incidents import Decision, Focus, Involved
from lzzr.workspace.model import Date, Frozen, NonEmpty, Texts

if TYPE_CHECKING:
    from lzzr.workspace.load import Workspace


def _number(value: Any) -> Any:
    """A number written as a number (or as text of one); `true` and words are slips."""
    if isinstance(value, bool):
        raise PydanticCustomError("float_type", "not a number")
    if isinstance(value, str):
        try:
            Decimal(value.strip())
        except ArithmeticError:
            raise PydanticCustomError("float_type", "not a number") from None
        return value.strip()
    if isinstance(value, float):
        return repr(value)  # 0.1 stays 0.1, not 0.1000000000000000055…
    return value


def _whole(value: Any) -> Any:
    """A count: a whole number, not `true`, not `3.5`, not text."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise PydanticCustomError("int_type", "not a whole number")
    return value


Number = Annotated[Decimal, BeforeValidator(_number), WithJsonSchema({"type": "number"})]
Count = Annotated[int, BeforeValidator(_whole), WithJsonSchema({"type": "integer"})]

ProgressStatus = Literal["已完成", "未完成", "进行中"]
TargetKind = Literal["班子", "正职", "成员"]
TARGET_KINDS: tuple[str, ...] = ("班子", "正职", "成员")
InstitutionKind = Literal[
    "定期报告", "检查考核", "谈话诫勉", "述职述廉", "责任追究", "一票否决", "责任书", "巡察",
    "财务管理", "实施细则", "其他",
]
INSTITUTION_KINDS: tuple[str, ...] = InstitutionKind.__args__  # type: ignore[attr-defined]
Outcome = Literal["批评教育", "书面检查", "通报批评", "诫勉谈话", "经济处罚", "一票否决", "组织处理", "纪律处分"]
OUTCOMES: tuple[str, ...] = Outcome.__args__  # type: ignore[attr-defined]


class Progress(Frozen):
    """How far a task got (section 任务进展, keyed by the task id)."""

    status: ProgressStatus = Field(alias="状态", description="已完成、未完成；年中可写进行中（年终按未完成计）")
    done: Date | None = Field(None, alias="完成日期", description="已完成的任务必填，须在本年度内")
    actual: dict[str, Number] = Field(default_factory=dict, alias="实际",
                                      description="量化指标的实际值：指标名 → 数值（指标名与任务的量化指标一致）")
    percent: Number | None = Field(None, alias="完成比例",
                                   description="没有量化指标的任务未完成时，估计的完成程度（0–100）")
    evidence: Texts = Field((), alias="依据", description="文号、会议纪要、台账等，如：示党发〔2026〕5号")
    note: str | None = Field(None, alias="说明")


class DutyDone(Frozen):
    """One duty carried out: 廉政党课 on 2026-05-15, with its evidence."""

    kind: NonEmpty = Field(alias="事项", description="内置事项（廉政党课、廉政谈话 …）或考核方案“记录事项”中的事项")
    sub: str | None = Field(None, alias="细类", description="事项的细类，如廉政谈话的 任职谈话、谈心谈话")
    date: Date = Field(alias="日期")
    evidence: Texts = Field((), alias="依据")
    note: str | None = Field(None, alias="备注")


class DutyLog(Frozen):
    """A leader's record of duties done in the year (section 履职记录, keyed by the leader id)."""

    entries: tuple[DutyDone, ...] = Field(alias="记录")


class Institution(Frozen):
    """A supporting rule (配套制度) in force: its kind, title, document number, date."""

    kind: InstitutionKind = Field(alias="类别")
    name: NonEmpty = Field(alias="名称", description="如：《红岱镇领导干部廉政谈话制度》")
    number: str | None = Field(None, alias="文号")
    date: Date | None = Field(None, alias="日期", description="印发日期（可早于本年度，不能晚于年底）")


class Institutions(Frozen):
    """A unit's supporting rules (section 配套制度, keyed by the unit id)."""

    items: tuple[Institution, ...] = Field(alias="制度")


class Ballots(Frozen):
    """One voter class of a poll: ballots issued and returned, votes per option."""

    issued: Count = Field(alias="发放")
    returned: Count = Field(alias="收回")
    votes: dict[str, Count] = Field(alias="票数", description="选项 → 票数，如 {满意: 20, 基本满意: 3}")


class Poll(Frozen):
    """A democratic poll (民主测评) of one assessed target (section 民主测评, keyed by poll id)."""

    target: TargetKind = Field(alias="对象", description="班子、正职或成员")
    unit: str | None = Field(None, alias="单位", description="班子、正职：单位编号")
    leader: str | None = Field(None, alias="领导", description="成员：领导编号；正职可不填（取该单位正职）")
    date: Date | None = Field(None, alias="日期")
    voters: dict[str, Ballots] = Field(alias="测评人", description="测评人类别 → 发放、收回、票数")
    note: str | None = Field(None, alias="备注")


class Sanction(Frozen):
    """How one leader was held accountable or disciplined for an event."""

    leader: NonEmpty = Field(alias="领导", description="领导编号")
    outcome: Outcome = Field(alias="方式")
    detail: str | None = Field(None, alias="细目", description="如：免职、党内警告（影响期按细目或方式计）")
    date: Date | None = Field(None, alias="日期", description="默认为“决定”的日期")
    number: str | None = Field(None, alias="文号", description="默认为“决定”的文号")
    note: str | None = Field(None, alias="说明", description="如：党内警告处分；负主要领导责任")


class Event(Frozen):
    """An accountability event in a unit (section 问责事件, keyed by event id)."""

    date: Date = Field(alias="日期", description="发生或查处日期，须在本年度内")
    unit: NonEmpty = Field(alias="单位")
    cause: NonEmpty = Field(alias="事由")
    situation: Count | None = Field(None, alias="情形", description="《责任制规定》六种追究情形之一（1–6）")
    major: bool = Field(False, alias="重大案件", description="重大案件，需追究领导责任")
    criticised: bool = Field(False, alias="上级通报", description="被上级通报批评")
    tags: Texts = Field((), alias="标记", description="情节标记，如：久拖不查、处理不到位、移送司法、集体违反八项规定")
    sanctions: tuple[Sanction, ...] = Field((), alias="处理")
    note: str | None = Field(None, alias="备注")
    # the incident as lzzr trace reads it (lzzr/workspace/incidents.py; lecture 二(五), 五(五))
    involved: tuple[Involved, ...] = Field((), alias="当事人", description="领导编号或不在工作区中的人员姓名")
    severity: str | None = Field(None, alias="程度", description="责任追究规定 → 程度之一：一般、较重、严重")
    facts: str | None = Field(None, alias="事实", description="基本事实")
    evidence: Texts = Field((), alias="证据", description="调查报告、审计报告、谈话笔录等")
    focus: tuple[Focus, ...] = Field((), alias="重点", description="权力失控、决策失误、行为失范、监督失察、管理失效")
    decision: Decision | None = Field(None, alias="决定", description="责任追究决定：机关、日期、文号")

    @property
    def grave(self) -> bool:
        """严重: written so, or (程度 not written) a 重大案件."""
        return self.severity == "严重" if self.severity else self.major


class Rating(Frozen):
    """An assessors' sheet: one qualitative item, a grade per target (section 考核评定)."""

    item: NonEmpty = Field(alias="项目", description="评定项目，与考核方案中评定类指标的“项目”一致")
    rater: str | None = Field(None, alias="评定人", description="如：旗委考核组")
    date: Date | None = Field(None, alias="日期")
    teams: dict[str, NonEmpty] = Field(default_factory=dict, alias="班子", description="单位编号 → 等次")
    principals: dict[str, NonEmpty] = Field(default_factory=dict, alias="正职", description="领导编号 → 等次")
    members: dict[str, NonEmpty] = Field(default_factory=dict, alias="成员", description="领导编号 → 等次")


# section name → (kind, model); lzzr/workspace/sections.py adds them to the sections a file may hold.
RECORD_SECTIONS: dict[str, tuple[str, type[Frozen]]] = {
    "任务进展": ("progress", Progress),
    "履职记录": ("duties", DutyLog),
    "配套制度": ("institutions", Institutions),
    "民主测评": ("poll", Poll),
    "问责事件": ("event", Event),
    "考核评定": ("rating", Rating),
}


def progress(ws: Workspace) -> dict[str, Progress]:
    return ws.collection("progress")


def duty_logs(ws: Workspace) -> dict[str, DutyLog]:
    return ws.collection("duties")


def institutions(ws: Workspace) -> dict[str, Institutions]:
    return ws.collection("institutions")


def polls(ws: Workspace) -> dict[str, Poll]:
    return ws.collection("poll")


def events(ws: Workspace) -> dict[str, Event]:
    return ws.collection("event")


def ratings(ws: Workspace) -> dict[str, Rating]:
    return ws.collection("rating")
