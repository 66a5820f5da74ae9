"""One-vote vetoes (一票否决): named conditions that cap a target's grade, with the reason.

Conditions (考核方案 → 一票否决 → 条件):
- `处分`: for a team, its principal (≥ 正职, default 1) or its other members (≥ 成员,
  default 2) were disciplined in the year (方式, default 纪律处分); for a leader, the
  leader was;
- `重大案件`: an event marked 重大案件 in the team's unit (for a leader: naming the leader)
  in which leaders were held accountable;
- `上级通报`: an event in scope marked 上级通报 (a public criticism from the upper level).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lzzr.assess.fact_vetoes import fact_reason
from lzzr.assess.facts import Facts
from lzzr.assess.indicators import leader_name, target_events
from lzzr.assessees import Assessee
from lzzr.i18n import Joined, Text, msg
from lzzr.workspace.records import events
from lzzr.workspace.scheme import Scheme, Veto


@dataclass(frozen=True)
class VetoHit:
    """A veto that applies: which, the grade it caps at, and why (naming the events)."""

    id: str
    name: str
    cap: str
    reason: Text


def vetoes_for(facts: Facts, scheme: Scheme, target: Assessee) -> Iterator[VetoHit]:
    for veto in scheme.vetoes:
        if target.kind not in veto.targets:
            continue
        reason = _reason(facts, veto, target)
        if reason:
            yield VetoHit(veto.id, veto.name, veto.cap, reason)


def _reason(facts: Facts, veto: Veto, target: Assessee) -> Text:
    if veto.condition == "处分":
        return _disciplined(facts, veto, target)
    if veto.condition in ("事件标记", "评定", "记录"):
        return fact_reason(facts, veto, target)
    hits = [(eid, event) for eid, event, _ in target_events(facts, target)
            if (veto.condition == "重大案件" and event.major and event.sanctions)
            or (veto.condition == "上级通报" and event.criticised)]
    return "；".join(f"{eid} {event.cause}" for eid, event in hits)


def _sanctioned(facts: Facts, veto: Veto, target: Assessee) -> dict[str, list[str]]:
    """Leader id → event ids in which they got one of the veto's outcomes, in the target's time."""
    found: dict[str, list[str]] = {}
    for eid in sorted(events(facts.ws)):
        event = events(facts.ws)[eid]
        if not target.start <= event.date <= target.end:
            continue
        for s in event.sanctions:
            if s.outcome in veto.outcomes:
                found.setdefault(s.leader, []).append(eid)
    return found


def _disciplined(facts: Facts, veto: Veto, target: Assessee) -> Text:
    found = _sanctioned(facts, veto, target)
    if target.kind != "班子":
        ids = found.get(target.leader or "", [])
        return msg("ax.veto.self", outcomes="、".join(veto.outcomes), ids="、".join(ids)) if ids else ""
    team = facts.ws.teams.get(target.unit or "")
    posts = team.members if team else ()
    principals = sorted({p.leader for p in posts if p.principal and p.leader in found})
    members = sorted({p.leader for p in posts if not p.principal and p.leader in found} - set(principals))
    parts: list[Text] = []
    if veto.principal and len(principals) >= veto.principal:
        parts.append(msg("ax.veto.principal", names=_names(facts, principals, found)))
    if veto.members and len(members) >= veto.members:
        parts.append(msg("ax.veto.members", n=len(members), names=_names(facts, members, found)))
    return Joined(tuple(parts), "；")


def _names(facts: Facts, leaders: list[str], found: dict[str, list[str]]) -> str:
    return "、".join(f"{leader_name(facts, x)}（{'、'.join(found[x])}）" for x in leaders)
