"""The year's data model: units, leaders, teams, upper-level tasks, the year's tasks, config.

Field names are English (for code); the YAML keys are their Chinese aliases, which is what
cadres read and write. Every model is frozen and forbids unknown keys.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

ID_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,31}\Z")

_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*\Z")
_CN = re.compile(r"\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*\Z")


def parse_date(value: Any) -> dt.date:
    """Accept `2026-06-30` or `2026年6月30日`; say precisely what is wrong otherwise."""
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("lzzr_date", "bad date", {"why": "format", "value": value})
    m = _ISO.match(value) or _CN.match(value)
    if not m:
        raise PydanticCustomError("lzzr_date", "bad date", {"why": "format", "value": value})
    year, month, day = (int(g) for g in m.groups())
    if not 1 <= month <= 12:
        raise PydanticCustomError("lzzr_date", "bad month", {"why": "month", "value": value})
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "lzzr_date", "bad day", {"why": "day", "value": value, "month": month}
        ) from None


def cn_date(day: dt.date) -> str:
    """`2026年3月5日`: full year, no zero padding (GB/T 9704 7.3.5.4)."""
    return f"{day.year}年{day.month}月{day.day}日"


def _as_tuple(value: Any) -> Any:
    """Let a single value stand where a list is expected (`协办单位: czj`)."""
    if value is None:
        return ()
    if isinstance(value, (str, int, float, dict)):
        return (value,)
    return value


DATE_REGEX = r"^\s*\d{4}(-\d{1,2}-\d{1,2}|\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*$"
_ONE_OR_MANY = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}

Date = Annotated[
    dt.date,
    BeforeValidator(parse_date),
    WithJsonSchema({"type": "string", "pattern": DATE_REGEX, "examples": ["2026-06-30", "2026年6月30日"]}),
]
Ids = Annotated[tuple[str, ...], BeforeValidator(_as_tuple), WithJsonSchema(_ONE_OR_MANY)]
Texts = Annotated[tuple[str, ...], BeforeValidator(_as_tuple), WithJsonSchema(_ONE_OR_MANY)]
NonEmpty = Annotated[str, Field(min_length=1)]

PERIOD_PATTERN = re.compile(r"(\d{4})(?:(H[12])|(Q[1-4]))?\Z")  # 2026, 2026H1, 2026Q3 (upper-cased)


def _period(value: Any) -> Any:
    """A reporting period (时段): 2026, 2026H1–H2 or 2026Q1–Q4; a year written as a number
    (`时段: 2026`, which YAML reads as an integer) is the whole year."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value.strip() and not PERIOD_PATTERN.match(value.strip().upper()):
        raise PydanticCustomError("lzzr_period", "bad period", {"value": value})
    return value


PeriodText = Annotated[
    NonEmpty,
    BeforeValidator(_period),
    WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\d{4}([Hh][12]|[Qq][1-4])?$"}, {"type": "integer"}],
                    "examples": ["2026", "2026H1", "2026Q3"]}),
]

UnitKind = Literal[
    "党委", "政府", "人大", "政协", "纪委监委", "部门", "苏木镇", "乡镇", "街道", "企事业单位", "其他"
]
Role = Literal["正职", "成员"]
RuleSetting = Literal["关闭", "警告", "错误"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class Unit(Frozen):
    """A unit in the tree: 旗委, 旗政府, a department, a 苏木镇 …"""

    name: NonEmpty = Field(alias="名称", description="全称，如：示例旗财政局")
    short: str | None = Field(None, alias="简称", description="简称，如：财政局")
    kind: UnitKind = Field(alias="类别", description="单位类别")
    parent: str | None = Field(None, alias="上级", description="上级单位编号（或全称、简称）")

    @property
    def label(self) -> str:
        return self.short or self.name


class Leader(Frozen):
    """A person who holds one or more posts (`wjg: 王建国` is short for `{姓名: 王建国}`)."""

    name: NonEmpty = Field(alias="姓名")
    gender: Literal["男", "女"] | None = Field(None, alias="性别")
    note: str | None = Field(None, alias="备注")

    @model_validator(mode="before")
    @classmethod
    def _name_only(cls, data: Any) -> Any:
        return {"姓名": data} if isinstance(data, str) else data


class Post(Frozen):
    """A seat on a leadership team, with its 分管 units and optional dates."""

    leader: NonEmpty = Field(alias="领导", description="领导编号（或姓名）")
    title: NonEmpty = Field(alias="职务", description="如：旗委常委、副旗长")
    role: Role = Field("成员", alias="角色", description="正职（一把手）或成员")
    in_charge: Ids = Field((), alias="分管", description="分管单位编号（或全称、简称）")
    start: Date | None = Field(None, alias="起", description="任职起始日期")
    end: Date | None = Field(None, alias="止", description="任职终止日期")

    def active_on(self, day: dt.date) -> bool:
        """Whether the post is held on `day`."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    @property
    def principal(self) -> bool:
        return self.role == "正职"


class Team(Frozen):
    """The leadership team of one unit (the section key is the unit id)."""

    name: str | None = Field(None, alias="名称", description="默认为“单位名称+领导班子”")
    members: tuple[Post, ...] = Field(alias="成员")

    def principals(self, day: dt.date | None = None) -> list[Post]:
        return [p for p in self.members if p.principal and (day is None or p.active_on(day))]


class UpperDoc(Frozen):
    """An upper-level document whose tasks are decomposed."""

    name: NonEmpty = Field(alias="名称")
    number: str | None = Field(None, alias="文号")
    issuer: str | None = Field(None, alias="发文机关")


class UpperTask(Frozen):
    """One item of an upper-level document, in its original wording."""

    doc: NonEmpty = Field(alias="文件", description="上级文件编号")
    item: str | None = Field(None, alias="条目", description="条目序号，如：一（三）")
    text: NonEmpty = Field(alias="原文")
    category: str | None = Field(None, alias="类别")


def _no_bool(value: Any) -> Any:
    """`目标: true` is a slip, not the number 1."""
    if isinstance(value, bool):
        raise PydanticCustomError("float_type", "not a number")
    return value


class Target(Frozen):
    """A quantified target: metric, value, unit (`对新任职干部廉政谈话覆盖率 100 %`)."""

    metric: NonEmpty = Field(alias="指标")
    value: Annotated[float, BeforeValidator(_no_bool)] = Field(alias="目标")
    unit: str | None = Field(None, alias="单位")


class Person(Frozen):
    """The specific person responsible, down to a post: `{姓名, 职务}` for someone outside the
    leaders, or a leader (`具体负责人: ly`, short for `{领导: ly}`; the loader fills 姓名 and
    职务 from the leader and their post, unless 职务 is written)."""

    leader: NonEmpty | None = Field(None, alias="领导", description="领导编号或姓名（具体负责人是班子成员时）")
    name: NonEmpty = Field("", alias="姓名", validate_default=False)
    post: NonEmpty = Field("", alias="职务", validate_default=False)

    @model_validator(mode="before")
    @classmethod
    def _leader_only(cls, data: Any) -> Any:
        return {"领导": data} if isinstance(data, str) else data

    @model_validator(mode="after")
    def _named(self) -> Person:
        if self.leader is None and not self.name:
            raise PydanticCustomError("lzzr_missing", "missing", {"field": "姓名"})
        if self.leader is None and not self.post:
            raise PydanticCustomError("lzzr_missing", "missing", {"field": "职务"})
        return self


INHERITED = ("sources", "category", "lead", "leader", "deadline", "safeguards", "supervisor")


class Task(Frozen):
    """A task (or, with 所属任务, a sub-task) of the year's decomposition."""

    title: NonEmpty = Field(alias="名称")
    parent: str | None = Field(None, alias="所属任务", description="上一级任务编号（子任务填写）")
    sources: Ids = Field((), alias="来源", description="上级任务编号")
    category: str | None = Field(None, alias="类别")
    content: str | None = Field(None, alias="内容", description="任务内容")
    lead: str | None = Field(None, alias="牵头部门", description="牵头单位编号（或全称、简称）")
    co_units: Ids = Field((), alias="协办单位", description="单位编号（或全称、简称）")
    leader: str | None = Field(None, alias="总负责人", description="领导编号（或姓名）")
    person: Person | None = Field(None, alias="具体负责人")
    standard: str | None = Field(None, alias="工作标准")
    targets: tuple[Target, ...] = Field((), alias="量化指标")
    deliverable: str | None = Field(None, alias="成果", description="成果形式，如：《…办法》")
    deadline: Date | None = Field(None, alias="完成时限")
    safeguards: Texts = Field((), alias="保障措施")
    supervisor: str | None = Field(None, alias="监督主体", description="监督单位编号（或全称、简称）")
    note: str | None = Field(None, alias="备注")

    def inherit(self, parent: Task) -> tuple[Task, frozenset[str]]:
        """This sub-task with the parent's values filled in where it has none."""
        update = {f: getattr(parent, f) for f in INHERITED if not getattr(self, f) and getattr(parent, f)}
        return self.model_copy(update=update), frozenset(update)


YearlyDutyKind = Literal[
    "部署分解", "廉政党课", "听取汇报", "廉政谈话", "调研督办",
    "年中专题会议", "年终专题会议", "公开承诺", "述职述廉",
]
# The yearly duties a plan must schedule (P1.4); 四重四亲自 are recorded as they happen.
DUTY_KINDS: tuple[str, ...] = YearlyDutyKind.__args__  # type: ignore[attr-defined]
PERSONAL_KINDS: tuple[str, ...] = ("亲自部署", "亲自过问", "亲自协调", "亲自督办")
DutyKind = Literal[
    "部署分解", "廉政党课", "听取汇报", "廉政谈话", "调研督办",
    "年中专题会议", "年终专题会议", "公开承诺", "述职述廉",
    "亲自部署", "亲自过问", "亲自协调", "亲自督办",
]


class Duty(Frozen):
    """One of the principal's yearly duties (五个一, 专题会议, 公开承诺, 述职述廉), planned with a date."""

    kind: DutyKind = Field(alias="事项")
    date: Date = Field(alias="日期")
    note: str | None = Field(None, alias="备注")


class Plan(Frozen):
    """The decomposition plan itself: who issues it, who answers for it, the principal's duties."""

    team: NonEmpty = Field(alias="班子", description="发文班子（单位编号），如 qw")
    first: NonEmpty = Field(alias="第一责任人", description="领导编号：应为该班子正职")
    organiser: NonEmpty = Field(alias="组织者", description="领导编号：亲自组织责任分解的领导")
    duties: tuple[Duty, ...] = Field((), alias="一把手职责")
    letters_by: Date | None = Field(None, alias="责任书签订时限")


class PlanDoc(Frozen):
    """How the plan is issued as an official document (lzzr.yaml → 发文 → 责任分解方案)."""

    number: StrictInt = Field(alias="序号", ge=1, description="文号序号：示党发〔2026〕3号 的 3")
    date: Date = Field(alias="日期", description="成文日期")
    title: str | None = Field(None, alias="标题")
    addressees: NonEmpty = Field(alias="主送")
    copies: str | None = Field(None, alias="抄送")
    printer: str | None = Field(None, alias="印发机关")
    print_date: Date | None = Field(None, alias="印发日期")
    organ_mark: str | None = Field(None, alias="发文机关标志", description="默认为“机关+文件”")
    body: str | None = Field(None, alias="正文", description="正文（段落以空行分隔）；不填用模板")


class ReportDoc(Frozen):
    """One report to the 党委 (lzzr.yaml → 发文 → 落实情况报告: a list, one entry per period)."""

    period: PeriodText = Field(alias="时段", description="2026、2026H1、2026Q3 …")
    number: StrictInt = Field(alias="序号", ge=1, description="文号序号：示纪发〔2026〕12号 的 12")
    prefix: str | None = Field(None, alias="文号前缀", description="默认为 lzzr.yaml 的文号前缀")
    date: Date | None = Field(None, alias="日期", description="成文日期，默认为时段末后第 5 天")


class Issuing(Frozen):
    plan: PlanDoc | None = Field(None, alias="责任分解方案")
    reports: tuple[ReportDoc, ...] = Field((), alias="落实情况报告")


_FONT_NAME_BAD = re.compile(r"""["'\\;{}<>\n]""")


def _font_names(value: Any) -> Any:
    """Font names go into CSS: refuse characters that could leave the font stack."""
    for name in _as_tuple(value):
        if isinstance(name, str) and _FONT_NAME_BAD.search(name):
            raise PydanticCustomError("lzzr_font", "bad font name", {"value": name})
    return value


FontNames = Annotated[Texts, BeforeValidator(_font_names)]


class Fonts(Frozen):
    """Font faces per role, first found wins; built-in free faces come after these."""

    song: FontNames = Field((), alias="宋体")
    fangsong: FontNames = Field((), alias="仿宋")
    hei: FontNames = Field((), alias="黑体")
    kai: FontNames = Field((), alias="楷体")
    title: FontNames = Field((), alias="小标宋")


PLEDGE_ITEMS: tuple[str, ...] = (
    "严格遵守党章党规党纪，严守政治纪律和政治规矩，坚决贯彻落实党风廉政建设责任制。",
    "严格执行中央八项规定及其实施细则精神，不违规收送礼品礼金、不违规公款吃喝、不违规配备使用公车。",
    "不利用职权和职务影响为本人或者特定关系人谋取利益，不违规经商办企业、不违规兼职取酬。",
    "严格执行民主集中制和“三重一大”集体决策制度，不搞“一言堂”。",
    "严格执行干部选拔任用规定，不跑官要官、不买官卖官、不任人唯亲。",
    "严格执行工程建设项目招投标和政府采购规定，不插手、不干预。",
    "按规定如实报告个人有关事项，自觉接受组织和群众监督。",
    "严格教育管理配偶、子女和身边工作人员，不允许其利用本人职权和影响谋取私利。",
)


class Tier(Frozen):
    """A reminder tier: items due within `days` days (none: items already overdue)."""

    level: NonEmpty = Field(alias="等级", description="如：蓝、黄、红")
    days: StrictInt | None = Field(None, alias="提前天数", ge=0, description="到期前多少天提醒；不填为已逾期")


DEFAULT_TIERS = (Tier.model_validate({"等级": "红"}), Tier.model_validate({"等级": "黄", "提前天数": 7}),
                 Tier.model_validate({"等级": "蓝", "提前天数": 30}))


class Supervision(Frozen):
    """`lzzr.yaml` → 监督: how status and reminders judge the year as of a date."""

    tiers: tuple[Tier, ...] = Field(DEFAULT_TIERS, alias="提醒分级", min_length=1)
    soon: StrictInt = Field(30, alias="临期天数", ge=0, description="到期前多少天算“临近到期”")
    silent: StrictInt = Field(60, alias="未报送天数", ge=1, description="多少天没有进展报告算“未报送”")


class Config(Frozen):
    """`lzzr.yaml`: who issues, for which year, and how."""

    organ: NonEmpty = Field(alias="机关", description="发文机关全称，如：中共示例旗委员会")
    region: NonEmpty = Field(alias="地区", description="如：示例旗")
    year: StrictInt = Field(alias="年度", ge=2000, le=2100)
    doc_prefix: NonEmpty = Field(alias="文号前缀", description="如：示党发 → 示党发〔2026〕1号")
    lang: Literal["zh", "en"] = Field("zh", alias="语言")
    fonts: Fonts = Field(default_factory=Fonts, alias="字体")
    rules: dict[str, RuleSetting] = Field(default_factory=dict, alias="规则")
    issuing: Issuing = Field(default_factory=Issuing, alias="发文")
    slogans: tuple[str, ...] = Field((), alias="口号词", description="补充的空泛口号词（P4 检查）")
    pledge_items: Texts = Field(PLEDGE_ITEMS, alias="承诺事项", description="承诺书的承诺条目")
    letter_copies: StrictInt = Field(3, alias="责任书份数", ge=1, le=9)
    supervision: Supervision = Field(default_factory=Supervision, alias="监督")
    lock_wait: StrictFloat = Field(30.0, alias="锁等待秒数", ge=0, le=86400, description=(
        "另一个 lzzr 进程写工作区时最多等待的秒数（--wait、环境变量 LZZR_LOCK_WAIT 优先）"))
    columns: dict[str, dict[str, Texts]] = Field(
        default_factory=dict, alias="导入列名",
        description="lzzr import 的列名：导入类别（上级任务、任务、任务进展、履职记录、民主测评）→ 字段 → 表头名称")

    @property
    def year_start(self) -> dt.date:
        return dt.date(self.year, 1, 1)

    @property
    def year_end(self) -> dt.date:
        return dt.date(self.year, 12, 31)


# The sections of the year-start data; lzzr/workspace/sections.py adds the records and the scheme.
CORE_SECTIONS: dict[str, tuple[str, type[Frozen]]] = {
    "单位": ("unit", Unit),
    "领导": ("leader", Leader),
    "班子": ("team", Team),
    "上级文件": ("updoc", UpperDoc),
    "上级任务": ("uptask", UpperTask),
    "任务": ("task", Task),
}


CORE_SINGLETONS: dict[str, tuple[str, type[Frozen]]] = {
    "方案": ("plan", Plan),
}


def aliases(model: type[BaseModel]) -> list[str]:
    """The YAML keys a model accepts."""
    return [f.alias or name for name, f in model.model_fields.items()]


def field_alias(model: type[BaseModel], name: str) -> str:
    return model.model_fields[name].alias or name


def english_names(model: type[BaseModel]) -> dict[str, str]:
    """English field name → Chinese key, so `lead: czj` can be answered with 牵头部门."""
    return {name: f.alias or name for name, f in model.model_fields.items()}


def flatten(items: Iterable[tuple[str, ...]]) -> list[str]:
    return [x for item in items for x in item]
