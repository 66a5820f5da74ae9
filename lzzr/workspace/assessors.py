"""What the assessment group records beside the facts: discretionary deductions (酌情扣分,
each with its reason, printed in the score sheet) and self-scores (自评分) to set beside the
group's score (section 酌情扣分 and 自评, keyed by record id)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field

from lzzr.workspace.model import Date, Frozen, NonEmpty
from lzzr.workspace.records import Number, TargetKind

if TYPE_CHECKING:
    from lzzr.workspace.load import Workspace


class Discretion(Frozen):
    """A deduction the assessors make at their discretion, with the reason."""

    target: TargetKind = Field(alias="对象", description="班子、正职或成员")
    unit: str | None = Field(None, alias="单位", description="班子、正职：单位编号")
    leader: str | None = Field(None, alias="领导", description="成员：领导编号；正职可不填")
    points: Number = Field(alias="扣分")
    reason: NonEmpty = Field(alias="扣分原因")
    rater: str | None = Field(None, alias="评定人", description="如：旗委考核组")
    date: Date | None = Field(None, alias="日期")


class SelfScore(Frozen):
    """A target's own score (自评分), per indicator id, to compare with the group's."""

    target: TargetKind = Field(alias="对象", description="班子、正职或成员")
    unit: str | None = Field(None, alias="单位")
    leader: str | None = Field(None, alias="领导")
    scores: dict[str, Number] = Field(alias="得分", description="指标编号 → 自评得分")


ASSESSOR_SECTIONS: dict[str, tuple[str, type[Frozen]]] = {
    "酌情扣分": ("discretion", Discretion),
    "自评": ("selfscore", SelfScore),
}


def discretions(ws: Workspace) -> dict[str, Discretion]:
    return ws.collection("discretion")


def self_scores(ws: Workspace) -> dict[str, SelfScore]:
    return ws.collection("selfscore")
