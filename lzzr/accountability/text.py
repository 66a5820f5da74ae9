"""A trace as text lines and as JSON data, in the current language (made when printed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from lzzr.i18n import fmt_date, t
from lzzr.responsibility import Finding
from lzzr.workspace.incidents_check import rules_of
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Post

from .trace import Note, Trace


def post_dates(post: Post | None) -> str:
    """`2026年7月1日起`, `至2026年6月30日`, both, or that the post has no dates."""
    if post is None or (post.start is None and post.end is None):
        return t("tr.dates.none")
    if post.start and post.end:
        return t("tr.dates.both", start=fmt_date(post.start), end=fmt_date(post.end))
    if post.start:
        return t("tr.dates.from", start=fmt_date(post.start))
    return t("tr.dates.to", end=fmt_date(post.end))


def name_of(ws: Workspace, leader: str | None) -> str:
    """A leader's name, or the id as written when the leader is unknown."""
    person = ws.leaders.get(leader or "")
    return person.name if person else (leader or "")


def unit_of(ws: Workspace, unit_id: str | None) -> str:
    """A unit's label, or the id as written when the unit is unknown."""
    unit = ws.units.get(unit_id or "")
    return unit.label if unit else (unit_id or "")


def label_text(label: str) -> str:
    return t(f"tr.label.{label}")


def finding_args(ws: Workspace, tr: Trace, f: Finding) -> dict[str, Any]:
    """The arguments of one reason (names, posts and their dates)."""
    subject = _subject(ws, tr, f)
    return {"bearer": name_of(ws, f.leader), "bpost": f.post.title if f.post else "", "bteam": unit_of(ws, f.team),
            "bdates": post_dates(f.post), "subject": subject, "spost": f.subject_post.title if f.subject_post else "",
            "steam": unit_of(ws, f.subject_team), "sdates": post_dates(f.subject_post),
            "unit": unit_of(ws, tr.event.unit),
            "situation": tr.event.situation or "", "relation": _relation(tr, f)}


def _subject(ws: Workspace, tr: Trace, f: Finding) -> str:
    if f.subject:
        return name_of(ws, f.subject)
    if f.rule == "R6":
        person = next((p for p in tr.event.involved if p.of == f.leader), None)
        return person.label if person else t("tr.someone")
    named = [p.label for p in tr.event.involved if p.leader not in ws.leaders]
    return "、".join(named) or t("tr.someone")


def _relation(tr: Trace, f: Finding) -> str:
    person = next((p for p in tr.event.involved if p.of == f.leader), None)
    return (person.relation if person and person.relation else t("tr.relation"))


def note_text(ws: Workspace, tr: Trace, note: Note) -> str:
    args: dict[str, Any] = {}
    for key, value in note.args.items():
        if isinstance(value, dt.date):
            args[key] = fmt_date(value)
        elif key in ("unit", "upper"):
            args[key] = unit_of(ws, value) or "—"
        elif key == "leader":
            args[key] = name_of(ws, value)
        elif key == "posts":
            args[key] = "；".join(f"{name_of(ws, p.leader)} {p.title} {post_dates(p)}" for p in value) or t("TN06.none")
        else:
            args[key] = value
    return t(note.code, **args)


def trace_lines(ws: Workspace, tr: Trace) -> list[str]:
    """The trace, rule by rule, for the terminal."""
    e = tr.event
    rules = rules_of(ws)
    lines = [t("tr.head", id=tr.id, cause=e.cause),
             t("tr.facts", date=fmt_date(e.date), unit=unit_of(ws, e.unit), situation=e.situation or "—",
               severity=e.severity or ("严重" if e.major else "—"))]
    if e.situation in rules.situations:
        lines.append(t("tr.situation", n=e.situation, text=rules.situations[e.situation]))
    if e.involved:
        lines.append(t("tr.involved", names="、".join(_involved(ws, e))))
    lines.append(t("tr.asof", date=fmt_date(e.date)))
    for b in tr.bearers:
        lines.append("  " + t("tr.bearer", name=name_of(ws, b.leader), leader=b.leader, label=label_text(b.label)))
        lines += ["    " + t(f"tr.{f.rule}", **finding_args(ws, tr, f)) for f in b.findings]
    if not tr.bearers:
        lines.append("  " + t("tr.nobody"))
    if tr.team is not None:
        lines.append("  " + t("tr.team", team=unit_of(ws, tr.team.team) + "领导班子"))
    if tr.notes:
        lines.append(t("tr.notes"))
        lines += ["  " + note_text(ws, tr, n) for n in tr.notes]
    return lines


def _involved(ws: Workspace, e: Any) -> list[str]:
    out = []
    for p in e.involved:
        text = name_of(ws, p.leader) if p.leader in ws.leaders else p.label
        if p.post:
            text += f"（{p.post}）"
        out.append(text)
    return out


def trace_json(ws: Workspace, tr: Trace) -> dict[str, Any]:
    """The trace as data: codes and arguments, and the text in the current language."""
    e = tr.event
    return {
        "id": tr.id, "date": e.date.isoformat(), "unit": e.unit, "situation": e.situation,
        "severity": e.severity, "involved": [p.model_dump(by_alias=True, exclude_none=True) for p in e.involved],
        "bearers": [{"leader": b.leader, "name": name_of(ws, b.leader), "label": b.label,
                     "reasons": [_reason(ws, tr, f) for f in b.findings]} for b in tr.bearers],
        "team": {"unit": tr.team.team, "label": tr.team.label} if tr.team else None,
        "notes": [{"code": n.code, "text": note_text(ws, tr, n)} for n in tr.notes],
    }


def _reason(ws: Workspace, tr: Trace, f: Finding) -> dict[str, Any]:
    post = f.post
    return {"rule": f.rule, "label": f.label, "team": f.team,
            "post": post.title if post else None,
            "start": post.start.isoformat() if post and post.start else None,
            "end": post.end.isoformat() if post and post.end else None,
            "subject": f.subject, "text": t(f"tr.{f.rule}", **finding_args(ws, tr, f))}
