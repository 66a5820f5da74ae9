"""Accountability as data: who was involved in an incident, the decision taken, and the
rules of 责任追究 (the six situations, the forms of handling, the bar periods).

The incident itself is the 问责事件 record (lzzr/workspace/records.py `Event`): one record that the
assessment reads for deductions and vetoes and that `lzzr trace` reads to find the leaders
who bear leadership responsibility. This module holds the parts that record is made of and
the singleton section `责任追究规定`, whose defaults are those of the 1998 规定 and the
lecture (二(五), 五(五)); a workspace writes the section to replace any part of them (a later
regulation's list of situations, its own forms and bar periods).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, StrictInt, model_validator

from lzzr.workspace.model import Date, Frozen, NonEmpty, RuleSetting

SECTION = "责任追究规定"

Focus = Literal["权力失控", "决策失误", "行为失范", "监督失察", "管理失效"]
FOCI: tuple[str, ...] = Focus.__args__  # type: ignore[attr-defined]

SITUATIONS_1998: dict[int, str] = {
    1: "对直接管辖范围内发生的明令禁止的不正之风不制止、不查处，或者对上级领导机关交办的党风廉政"
       "责任范围内的事项拒不办理，或者对严重违纪违法问题隐瞒不报、压制不查的",
    2: "直接管辖范围内发生重大案件，致使国家、集体资财和人民群众财产遭受重大损失或者造成恶劣影响的",
    3: "违反《党政领导干部选拔任用工作条例》的规定选拔任用干部，造成恶劣影响的，提拔任用明显有违纪"
       "违法行为的人的",
    4: "授意、指使、强令下属人员违反财政、金融、税务、审计、统计法规，弄虚作假的",
    5: "授意、指使、纵容下属人员阻挠、干扰、对抗监督检查或者案件查处，或者对办案人、检举控告人、"
       "证明人打击报复的",
    6: "对配偶、子女、身边工作人员严重违纪违法知情不管的；包庇、纵容的",
}
SELECTION_SITUATION = 3  # the upper principal bears 主要领导责任 for selecting lower principals

SEVERITIES: tuple[str, ...] = ("一般", "较重", "严重")
GRAVE = "严重"

# Forms of handling, heaviest first, each with its class (lecture 五(五): 组织处理 and
# 纪律处分; below them 一票否决, 经济处罚, 谈话诫勉, 通报批评, 书面检查; 批评教育 is not
# accountability at all: "不能用批评教育来代替责任追究").
FormClass = Literal["追究", "其他处理", "批评"]
FORMS_DEFAULT: dict[str, FormClass] = {
    "纪律处分": "追究", "组织处理": "追究",
    "一票否决": "其他处理", "经济处罚": "其他处理", "诫勉谈话": "其他处理",
    "通报批评": "其他处理", "书面检查": "批评", "批评教育": "批评",
}
CRITICISM = "批评"

OPEN_DEFAULT: dict[str, tuple[str, ...]] = {
    "严重": ("纪律处分", "组织处理", "一票否决", "经济处罚", "诫勉谈话", "通报批评", "书面检查"),
    "较重": ("纪律处分", "组织处理", "一票否决", "经济处罚", "诫勉谈话", "通报批评", "书面检查"),
    "一般": ("组织处理", "一票否决", "经济处罚", "诫勉谈话", "通报批评", "书面检查", "批评教育"),
}


class Bar(Frozen):
    """A period after a decision in which the leader may not be promoted (影响期)."""

    form: NonEmpty = Field(alias="处理", description="处理方式或细目，如：免职、党内警告")
    months: StrictInt = Field(alias="月数", ge=1, le=120)
    what: NonEmpty = Field(alias="限制", description="如：不得担任与原任职务相当的领导职务")
    rule: NonEmpty = Field(alias="依据", description="规定名称和条款")



def _bar(form: str, months: int, what: str, rule: str) -> Bar:
    return Bar.model_validate({"处理": form, "月数": months, "限制": what, "依据": rule})


# Sample periods: check them against the regulations in force before relying on them.
_DISMISSAL = "《关于实行党政领导干部问责的暂行规定》第十一条"
_PARTY = "《中国共产党纪律处分条例》第十三条"
BARS_DEFAULT: tuple[Bar, ...] = (
    _bar("免职", 12, "不得重新担任与原任职务相当的领导职务", _DISMISSAL),
    _bar("责令辞职", 12, "不得重新担任与原任职务相当的领导职务", _DISMISSAL),
    _bar("引咎辞职", 12, "不得重新担任与原任职务相当的领导职务", _DISMISSAL),
    _bar("党内警告", 12, "不得在党内提升职务", _PARTY),
    _bar("党内严重警告", 18, "不得在党内提升职务", _PARTY),
    _bar("诫勉谈话", 6, "不得提拔或者重用", "《关于对党员领导干部进行诫勉的规定》"),
)


class Involved(Frozen):
    """A person involved (当事人): a leader of the workspace (`领导`) or someone named only.

    A plain string stands for either: an id of the workspace (ASCII, `rhm`) or a name
    (`巴特尔`). `关系` with `领导` says whose spouse, child or staff the person is (情形 6).
    """

    leader: str | None = Field(None, alias="领导", description="领导编号（工作区中的领导干部）")
    name: str | None = Field(None, alias="姓名", description="不在工作区中的人员姓名")
    post: str | None = Field(None, alias="职务")
    relation: str | None = Field(None, alias="关系", description="如：配偶、子女、身边工作人员（情形6）")
    of: str | None = Field(None, alias="亲属领导", description="关系所指的领导编号（情形6）")

    @model_validator(mode="before")
    @classmethod
    def _short(cls, data: Any) -> Any:
        if isinstance(data, str):
            from lzzr.workspace.model import ID_PATTERN

            return {"领导": data} if ID_PATTERN.match(data.strip()) else {"姓名": data}
        return data

    @model_validator(mode="after")
    def _someone(self) -> Involved:
        if not (self.leader or self.name):
            from pydantic_core import PydanticCustomError

            raise PydanticCustomError("missing", "领导 or 姓名")
        return self

    @property
    def label(self) -> str:
        return self.name or self.leader or ""


class Decision(Frozen):
    """The 责任追究决定 once taken: deciding body, date, document number (and how it is sent)."""

    body: NonEmpty = Field(alias="机关", description="作出决定的机关，如：中共示例旗纪律检查委员会")
    date: Date = Field(alias="日期")
    number: str | None = Field(None, alias="文号", description="如：示纪发〔2026〕61号")
    title: str | None = Field(None, alias="标题", description="默认：关于对…责任追究的决定")
    addressees: str | None = Field(None, alias="主送")
    copies: str | None = Field(None, alias="抄送")
    printer: str | None = Field(None, alias="印发机关")


class AccountabilityRules(Frozen):
    """`责任追究规定`: the situations, forms, what is open per severity, bar periods."""

    name: NonEmpty = Field("《关于实行党风廉政建设责任制的规定》", alias="名称")
    situations: dict[int, NonEmpty] = Field(default_factory=lambda: dict(SITUATIONS_1998), alias="情形")
    selection: int | None = Field(SELECTION_SITUATION, alias="选人用人情形",
                                  description="上级正职对下级正职的选拔任用负主要领导责任的情形编号")
    severities: tuple[str, ...] = Field(SEVERITIES, alias="程度", description="从轻到重")
    forms: dict[str, FormClass] = Field(
        default_factory=lambda: dict(FORMS_DEFAULT), alias="处理方式")
    open: dict[str, tuple[str, ...]] = Field(default_factory=lambda: dict(OPEN_DEFAULT), alias="可用方式",
                                             description="程度 → 可以采用的处理方式")
    open_by_situation: dict[int, dict[str, tuple[str, ...]]] = Field(
        default_factory=dict, alias="情形可用方式", description="情形 → 程度 → 处理方式（覆盖“可用方式”）")
    criticism_only: RuleSetting = Field("错误", alias="以批评代替追究",
                                        description="严重事件只作批评教育、书面检查时：错误、警告或关闭")
    bars: tuple[Bar, ...] = Field(BARS_DEFAULT, alias="影响期")

    def open_forms(self, situation: int | None, severity: str | None) -> tuple[str, ...]:
        """The forms open for one situation and severity (all forms when either is unknown)."""
        if severity is None:
            return tuple(self.forms)
        table = self.open_by_situation.get(situation or 0, {})
        return table.get(severity, self.open.get(severity, tuple(self.forms)))


DEFAULT_RULES = AccountabilityRules()


def accountability_rules(singleton: Any) -> AccountabilityRules:
    """The workspace's rules (`ws.singleton("acc_rules")`), or the defaults."""
    return singleton if isinstance(singleton, AccountabilityRules) else DEFAULT_RULES
