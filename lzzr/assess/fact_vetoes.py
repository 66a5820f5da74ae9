"""Vetoes on any recorded fact (一票否决 条件: 事件标记, 评定, 记录): an accountability event
in scope carrying a tag (久拖不查, 处理不到位, 移送司法 …), a rating sheet giving one of the
listed levels (上年度排名: 末位), a duty record of a kind (班子: the principal's). Pure."""

from __future__ import annotations

from lzzr.assess.counting import duties_of
from lzzr.assess.facts import Facts
from lzzr.assess.indicators import rating_of, target_events
from lzzr.assessees import Assessee
from lzzr.i18n import DateText, Joined, Text, msg
from lzzr.workspace.scheme import Veto


def fact_reason(facts: Facts, veto: Veto, target: Assessee) -> Text:
    """Why the veto applies to the target, or "" when it does not."""
    if veto.condition == "事件标记":
        ids = [eid for eid, event, _ in target_events(facts, target) if veto.tag in event.tags]
        return msg("ax.veto.tag", ids="、".join(ids), tag=veto.tag or "") if ids else ""
    if veto.condition == "评定":
        found = rating_of(facts, target, veto.topic or "")
        if found is None or found[1] not in veto.levels:
            return ""
        return msg("ax.veto.rating", sheet=found[0], topic=veto.topic or "", level=found[1])
    dates = sorted(d for kind, sub, d, _ in duties_of(facts, target)
                   if kind == veto.duty and (veto.sub is None or sub == veto.sub))
    if not dates:
        return ""
    return msg("ax.veto.duty", kind=veto.duty or "", dates=Joined(tuple(DateText(d) for d in dates), "、"))
