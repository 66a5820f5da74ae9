"""The scoring scheme (考核方案 / 考核细则) as data, and its validation with located errors.

Every county writes its own rules and changes them year by year, so nothing here knows a
number: the scheme says which indicators each target has, how each is scored, how the
standards add up, which vetoes cap a grade, the grade bands and the quota for the top grade.
See docs/assessment.md for the method and sample-data/scheme.yaml for a full example.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import Field

from lzzr.errors import Location
from lzzr.workspace.model import DUTY_KINDS, PERSONAL_KINDS, Date, Frozen, NonEmpty, Texts
from lzzr.workspace.records import OUTCOMES, Count, InstitutionKind, Number, Outcome, TargetKind

if TYPE_CHECKING:
    from lzzr.workspace.load import Workspace

IndicatorKind = Literal["任务完成", "清单", "民主测评", "扣分", "评定", "整改", "比率", "引用", "同类比较"]
RefSource = Literal["成员平均", "正职"]
RateSource = Literal["按时完成率", "测评回收率", "签订率", "整改完成率"]
VetoCondition = Literal["处分", "重大案件", "上级通报", "事件标记", "评定", "记录"]
BandCondition = Literal["无零分指标", "无扣分"]
EVENT_FLAGS = ("重大案件", "上级通报")
SECTION = "考核方案"

# fields that belong to one indicator kind only (Chinese key → kind)
KIND_FIELDS: dict[str, IndicatorKind] = {
    "逾期系数": "任务完成", "未完成系数": "任务完成", "任务权重": "任务完成", "无任务时": "任务完成",
    "协办权重": "任务完成",
    "清单": "清单",
    "选项": "民主测评", "不计": "民主测评", "类别权重": "民主测评", "有效回收率": "民主测评",
    "扣分标准": "扣分", "扣分项": "扣分", "最低": "扣分",
    "评定项目": "评定", "等次": "评定",
    "比率": "比率", "阈值": "比率", "每降低一个百分点扣": "比率", "基准": "比率",
    "取自": "引用", "引用指标": "引用",
    "计数": "同类比较", "比较指标": "同类比较",
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "任务完成": (), "清单": ("清单",), "民主测评": ("选项", "类别权重"),
    "扣分": (), "评定": ("评定项目", "等次"), "整改": (), "比率": ("比率",), "引用": ("取自", "引用指标"),
    "同类比较": (),
}


class Fact(Frozen):
    """Which recorded facts count: a duty kind (事项, optionally of one 细类) within a period
    (起–止), or a supporting rule in force (制度)."""

    name: str | None = Field(None, alias="名称")
    duty: NonEmpty | None = Field(None, alias="事项", description="履职记录中的事项，如：廉政党课、书面报告")
    sub: NonEmpty | None = Field(None, alias="细类", description="只计此细类的记录，如：任职谈话")
    institution: InstitutionKind | None = Field(None, alias="制度", description="配套制度类别，如：谈话诫勉")
    start: Date | None = Field(None, alias="起", description="只计此日及以后的记录")
    end: Date | None = Field(None, alias="止", description="只计此日及以前的记录")

    @property
    def label(self) -> str:
        kind = self.duty or self.institution or ""
        return self.name or (f"{kind}（{self.sub}）" if self.sub else kind)


class ChecklistItem(Fact):
    """One checklist item with points: all of them when the fact is present the required
    number of times (次数), or so many per occurrence (每次) up to the item's points, or 达到得
    at 次数 and 每增加一次加 for each occurrence beyond it, up to the item's points."""

    points: Number = Field(alias="分值", description="本项满分；按次计分时为上限")
    times: Count = Field(1, alias="次数", description="至少几次（默认 1）")
    each: Number | None = Field(None, alias="每次", description="按次计分：每次得几分，最多得“分值”")
    reached: Number | None = Field(None, alias="达到得",
                                   description="达到“次数”时得几分（与“每增加一次加”同用），如：开展1次得1分")
    more: Number | None = Field(None, alias="每增加一次加",
                                description="超过“次数”后每增加一次加几分，最多得“分值”，如：每增加一次加0.5分")


class DeductionRule(Fact):
    """A deduction inside a 扣分 indicator, for a recorded fact: so much per missing occurrence
    (每缺一次扣, against 应有), per occurrence (每次扣) or per team member without the fact
    (每人未做扣); at most 最多."""

    required: Count = Field(1, alias="应有", description="每缺一次扣：应有几次（默认 1）")
    per_missing: Number | None = Field(None, alias="每缺一次扣")
    per_each: Number | None = Field(None, alias="每次扣")
    per_member: Number | None = Field(None, alias="每人未做扣", description="班子：每有一名成员没有此记录扣几分")
    most: Number | None = Field(None, alias="最多", description="本条最多扣几分")


class Threshold(Frozen):
    """A rate below `below` % costs `cut` points (签订率低于100%扣2分)."""

    below: Number = Field(alias="低于", description="百分比")
    cut: Number = Field(alias="扣")


class Indicator(Frozen):
    """One scored indicator; which optional fields apply depends on 类型."""

    id: NonEmpty = Field(alias="编号")
    name: NonEmpty = Field(alias="名称")
    points: Number = Field(alias="分值")
    kind: IndicatorKind = Field(alias="类型")
    note: str | None = Field(None, alias="说明")
    late: Number | None = Field(None, alias="逾期系数", description="任务完成：逾期完成计几成（默认 0.8）")
    unfinished: Number | None = Field(None, alias="未完成系数",
                                      description="任务完成：未完成按量化指标完成程度乘以此数（默认 0.5）")
    task_weights: dict[str, Number] = Field(default_factory=dict, alias="任务权重",
                                            description="任务完成：任务类别 → 权重（默认 1）")
    no_tasks: Literal["满分", "零分"] | None = Field(None, alias="无任务时")
    co_share: Number | None = Field(None, alias="协办权重",
                                    description="任务完成：协办单位也计该任务，权重乘以此数（0–1）；不写则协办不计")
    checklist: tuple[ChecklistItem, ...] = Field((), alias="清单")
    options: dict[str, Number] = Field(default_factory=dict, alias="选项",
                                       description="民主测评：选项 → 折算百分比，如 {满意: 100, 基本满意: 75}")
    ignored: Texts = Field((), alias="不计", description="民主测评：不计入的选项，如 不了解")
    class_weights: dict[str, Number] = Field(default_factory=dict, alias="类别权重",
                                             description="民主测评：测评人类别 → 权重（合计 100）")
    quorum: Number | None = Field(None, alias="有效回收率", description="民主测评：回收率低于此百分比时测评无效")
    deductions: dict[str, Number] = Field(default_factory=dict, alias="扣分标准",
                                          description="扣分：处理方式或 重大案件、上级通报 → 每起扣分")
    rules: tuple[DeductionRule, ...] = Field((), alias="扣分项",
                                             description="扣分：按履职记录、配套制度扣分的各条规则")
    floor: Number | None = Field(None, alias="最低", description="扣分：最低得分（默认 0）")
    topic: str | None = Field(None, alias="评定项目", description="评定：考核评定记录中的项目名")
    levels: dict[str, Number] = Field(default_factory=dict, alias="等次",
                                      description="评定：等次 → 折算百分比，如 {好: 100, 较好: 85}")
    source: RefSource | None = Field(None, alias="取自",
                                     description="引用（班子）：成员平均（每个班子成员分别打分取平均）或 正职")
    ref: str | None = Field(None, alias="引用指标", description="引用：成员或正职方案中的指标编号")
    applies: Texts = Field((), alias="适用", description="只适用于这些分类（考核方案“分类”），其他单位按满分计")
    rate: RateSource | None = Field(None, alias="比率", description="比率：按时完成率、测评回收率、签订率或整改完成率")
    thresholds: tuple[Threshold, ...] = Field((), alias="阈值", description="比率：低于某百分比扣几分（取最重一档）")
    per_point: Number | None = Field(None, alias="每降低一个百分点扣", description="比率：低于基准每一个百分点扣几分")
    basis: Number | None = Field(None, alias="基准", description="比率：每降低一个百分点扣分的起点（默认 100%）")
    tally: Fact | None = Field(None, alias="计数",
                               description="同类比较：数哪种记录（事项、细类、起、止或制度）；"
                                           "得分 = 分值 × 本单位次数 ÷ 同类最高次数")
    compare: str | None = Field(None, alias="比较指标",
                                description="同类比较：本类对象方案中的另一指标编号；"
                                            "得分 = 分值 × 本对象该指标得分 ÷ 同类最高得分")

    @property
    def late_factor(self) -> Decimal:
        return self.late if self.late is not None else Decimal("0.8")

    @property
    def unfinished_factor(self) -> Decimal:
        return self.unfinished if self.unfinished is not None else Decimal("0.5")

    @property
    def basis_pct(self) -> Decimal:
        return self.basis if self.basis is not None else Decimal(100)

    @property
    def floor_points(self) -> Decimal:
        return self.floor if self.floor is not None else Decimal(0)


class Group(Frozen):
    """A 项目 inside a standard (类别 → 项目 → 指标), with its points."""

    name: NonEmpty = Field(alias="名称")
    points: Number = Field(alias="分值", description="本项目满分，等于各指标分值之和")
    indicators: tuple[Indicator, ...] = Field(alias="指标")


class Standard(Frozen):
    """A group of indicators (one of the five standards, or 主体责任 …) with its points;
    its indicators directly (指标) or in 项目 (类别 → 项目 → 指标)."""

    name: NonEmpty = Field(alias="名称")
    points: Number = Field(alias="分值", description="本组满分，等于各指标（或各项目）分值之和")
    weight: Number | None = Field(None, alias="权重",
                                  description="加权方案：本组占总分的百分比（各组合计 100）；不填则按分值直接相加")
    indicators: tuple[Indicator, ...] = Field((), alias="指标")
    groups: tuple[Group, ...] = Field((), alias="项目", description="分项目时：各项目及其指标（不再写“指标”）")

    def placed(self) -> list[tuple[tuple[str | int, ...], int | None, Indicator]]:
        """(path below the standard, group index or None, indicator) for every indicator."""
        direct = [(("指标", j), None, ind) for j, ind in enumerate(self.indicators)]
        return direct + [(("项目", g, "指标", j), g, ind) for g, grp in enumerate(self.groups)
                         for j, ind in enumerate(grp.indicators)]

    @property
    def all(self) -> tuple[Indicator, ...]:
        return tuple(ind for _, _, ind in self.placed())


class TargetScheme(Frozen):
    standards: tuple[Standard, ...] = Field(alias="标准")
    bonus: tuple[Indicator, ...] = Field((), alias="加分项",
                                         description="满分之外的加分指标（任何类型），如：被市级以上推广加10分")
    bonus_cap: Number | None = Field(None, alias="加分上限", description="加分合计最多几分")


class Targets(Frozen):
    team: TargetScheme | None = Field(None, alias="班子")
    principal: TargetScheme | None = Field(None, alias="正职")
    member: TargetScheme | None = Field(None, alias="成员")

    def get(self, kind: str) -> TargetScheme | None:
        return {"班子": self.team, "正职": self.principal, "成员": self.member}.get(kind)


class Veto(Frozen):
    """A one-vote veto: a named condition that caps the grade."""

    id: NonEmpty = Field(alias="编号")
    name: NonEmpty = Field(alias="名称")
    condition: VetoCondition = Field(alias="条件")
    outcomes: tuple[Outcome, ...] = Field(("纪律处分",), alias="方式", description="条件为处分时：哪些处理方式算数")
    principal: Count = Field(1, alias="正职", description="班子：正职受处分达到此人数即否决")
    members: Count = Field(2, alias="成员", description="班子：其他成员受处分达到此人数即否决")
    targets: tuple[TargetKind, ...] = Field(("班子", "正职", "成员"), alias="对象")
    cap: NonEmpty = Field(alias="最高等次", description="否决后最高只能评为此等次")
    tag: str | None = Field(None, alias="标记", description="条件为事件标记：问责事件“标记”中的情节，如：久拖不查")
    topic: str | None = Field(None, alias="评定项目", description="条件为评定：考核评定记录中的项目，如：上年度排名")
    levels: Texts = Field((), alias="等次", description="条件为评定：哪些等次否决，如：[末位]")
    duty: str | None = Field(None, alias="事项", description="条件为记录：履职记录中的事项（班子看正职的记录）")
    sub: str | None = Field(None, alias="细类", description="条件为记录：只计此细类")


class Band(Frozen):
    name: NonEmpty = Field(alias="名称")
    min: Number = Field(alias="最低分")
    conditions: tuple[BandCondition, ...] = Field((), alias="条件")


class Quota(Frozen):
    """At most `percent` % of each kind of target may get `grade` (the top band by default)."""

    grade: str | None = Field(None, alias="等次")
    percent: Number = Field(alias="比例")
    tiebreak: tuple[IndicatorKind, ...] = Field(("民主测评",), alias="并列",
                                                description="总分相同时依次比较的指标类型得分")
    by_class: bool = Field(False, alias="按分类", description="名额按考核方案“分类”分别计算")


class Scheme(Frozen):
    """`考核方案`: the scoring rules of one year."""

    name: NonEmpty = Field(alias="名称")
    full: Number = Field(Decimal(100), alias="满分")
    targets: Targets = Field(alias="对象")
    vetoes: tuple[Veto, ...] = Field((), alias="一票否决")
    bands: tuple[Band, ...] = Field(alias="等次")
    quota: Quota | None = Field(None, alias="优秀名额")
    note: str | None = Field(None, alias="说明")
    discretion_cap: Number | None = Field(None, alias="酌情扣分上限",
                                          description="考核组酌情扣分：每个对象合计最多几分（不写则不允许酌情扣分）")
    self_gap: Number | None = Field(None, alias="自评差异",
                                    description="自评分与考核组评分相差超过此分数时提示（按指标）")
    classes: dict[str, Texts] = Field(default_factory=dict, alias="分类",
                                      description="单位分类 → 单位类别或单位编号，如 {苏木镇: [苏木镇], 垂管: [sw]}")
    rank_by_class: bool = Field(False, alias="分类排名", description="在同一分类内排名")
    overall: Number | None = Field(None, alias="总体目标考核分值",
                                   description="纳入单位总体目标考核时本项占的分值：导出 总分 ÷ 满分 × 此分值")
    kinds: Texts = Field((), alias="记录事项",
                         description="履职记录可用的其他事项（内置事项之外），如：书面报告、实施细则、学习会议")

    @property
    def duty_kinds(self) -> tuple[str, ...]:
        """Every kind a duty record may have: the built-in ones and the scheme's own."""
        return tuple(dict.fromkeys((*DUTY_KINDS, *PERSONAL_KINDS, *self.kinds)))

    @property
    def top(self) -> str:
        return self.bands[0].name if self.bands else ""

    def band_rank(self, name: str) -> int:
        """0 for the top band, larger for lower ones (unknown names rank last)."""
        names = [b.name for b in self.bands]
        return names.index(name) if name in names else len(names)


Locate = Callable[..., Location]


def scheme_of(ws: Workspace) -> Scheme | None:
    """The workspace's own scheme (`考核方案` in a data file), if any."""
    found = ws.singleton("scheme")
    return found if isinstance(found, Scheme) else None


def outcome_keys() -> tuple[str, ...]:
    """What a deduction table may name: an outcome or an event flag."""
    return (*OUTCOMES, *EVENT_FLAGS)


def iter_indicators(scheme: Scheme) -> Iterator[tuple[str, int, int, Indicator]]:
    """(target kind, standard index, indicator index, indicator) over the whole scheme."""
    for kind in ("班子", "正职", "成员"):
        ts = scheme.targets.get(kind)
        for i, std in enumerate(ts.standards if ts else ()):
            for j, ind in enumerate(std.all):
                yield kind, i, j, ind
