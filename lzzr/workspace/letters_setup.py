"""`责任书`: what the letters cite and who signs beyond the two pairs of the lecture.

A singleton section (any data file, usually `letters.yaml`). Every part is optional:
- `依据`: the documents the letters cite in their preamble (default: the 1998 规定, revised
  2010); the 责任追究 clause cites the `名称` of `责任追究规定` and lists its `情形`, so the
  situations are written once for the letters and for `lzzr trace`;
- `纪委书记`: who signs the 监督责任书 on the upper side (default: the principal of the
  纪委监委 below the issuing team);
- `监督责任`: the lower 纪委书记 / 纪检组长, one 监督责任书 each;
- `共同签订`: leaders who sign a unit's 上下级 letter beside its principal (党政同责: a
  township's 镇长 beside the 党委书记, a hospital's 党委书记 beside the 院长);
- `股室`: the 股室/科室 of a unit, each with its head and the member of the unit's team in
  charge of it: one letter between them (一级抓一级, down to the post).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from lzzr.workspace.model import Frozen, NonEmpty

SECTION = "责任书"
KIND = "letters_setup"
BASIS_DEFAULT: tuple[str, ...] = ("《中共中央、国务院关于实行党风廉政建设责任制的规定》",)


class Signer(Frozen):
    """A leader who signs for a unit: the unit, the leader (id in 领导), the post as printed."""

    unit: NonEmpty = Field(alias="单位", description="单位编号")
    leader: NonEmpty = Field(alias="领导", description="领导编号")
    post: NonEmpty = Field(alias="职务", description="如：红岱镇纪委书记、红岱镇党委副书记、镇长")


class Office(Frozen):
    """A 股室/科室 of a unit: its head and the member of the unit's team in charge of it."""

    unit: NonEmpty = Field(alias="单位", description="所属单位编号")
    name: NonEmpty = Field(alias="名称", description="如：预算股、办公室")
    head: NonEmpty = Field(alias="负责人", description="领导编号（股室负责人）")
    post: NonEmpty = Field(alias="职务", description="如：预算股股长")
    in_charge: str | None = Field(None, alias="分管领导",
                                  description="该单位班子中分管本股室的领导编号；不填为单位正职")


class LetterSetup(Frozen):
    """The section `责任书`."""

    basis: tuple[NonEmpty, ...] = Field(BASIS_DEFAULT, alias="依据", min_length=1,
                                        description="责任书引用的文件，如：《中国共产党问责条例》")
    inspector: str | None = Field(None, alias="纪委书记", description="签订监督责任书的上级纪委书记（领导编号）")
    supervision: tuple[Signer, ...] = Field((), alias="监督责任", description="下级纪委书记、纪检组长")
    cosigners: tuple[Signer, ...] = Field((), alias="共同签订", description="党政同责：与正职共同签字的领导")
    offices: tuple[Office, ...] = Field((), alias="股室", description="股室（科室）及其负责人、分管领导")


DEFAULT_SETUP = LetterSetup()


def letter_setup(singleton: Any) -> LetterSetup:
    """The workspace's `责任书` section (`ws.singleton("letters_setup")`), or the defaults."""
    return singleton if isinstance(singleton, LetterSetup) else DEFAULT_SETUP
