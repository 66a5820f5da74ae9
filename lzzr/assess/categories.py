"""Unit categories of the scheme (考核方案 → 分类: 苏木镇 / 旗直部门 / 垂管单位 …): which
category a target belongs to, for indicators that apply to some categories only, the quota
and the ranking per category. A unit id listed wins over a unit kind (类别). Pure."""

from __future__ import annotations

from lzzr.assessees import Assessee
from lzzr.workspace.load import Workspace
from lzzr.workspace.scheme import Scheme


def category_of(ws: Workspace, scheme: Scheme, target: Assessee) -> str | None:
    """The target's category (of its unit; a member's: of the first unit in their charge)."""
    if not scheme.classes:
        return None
    uid = target.unit or (target.units[0] if target.units else None)
    if uid is None:
        return None
    for name, members in scheme.classes.items():
        if uid in members:
            return name
    unit = ws.units.get(uid)
    for name, members in scheme.classes.items():
        if unit is not None and unit.kind in members:
            return name
    return None


def categories(ws: Workspace, scheme: Scheme, targets: list[Assessee]) -> dict[str, str | None]:
    return {x.key: category_of(ws, scheme, x) for x in targets}
