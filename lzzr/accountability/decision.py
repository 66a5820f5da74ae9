"""The 责任追究决定 (accountability decision) as an official document (GB/T 9704, like the plan).

`decision_context` is pure (a trace in, plain strings out); `issue_decision` renders the PDF,
records it in the register of issued documents and writes the outcome into each affected
leader's 廉政档案. The body is templates/decision_body.html (a workspace may override it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lzzr.errors import LzzrError, Problem, Record, Severity
from lzzr.render.fonts import ROLES, choose, installed_families
from lzzr.responsibility import Finding
from lzzr.workspace.incidents_check import rules_of
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import cn_date

from .text import name_of, unit_of
from .trace import Trace

WHY = {  # why a leader bears the responsibility, in the decision's words
    "R1": "分管{steam}，对该单位领导班子正职{subject}的党风廉政建设",
    "R2": "分管{steam}，对该单位领导班子成员{subject}的党风廉政建设",
    "R3": "作为{bteam}领导班子正职，对班子成员{subject}的党风廉政建设",
    "R4": "作为{bteam}领导班子正职，对下级领导班子正职{subject}的选拔任用工作",
    "R5": "作为{bteam}领导班子正职，对本单位职责范围内的党风廉政建设",
    "R5M": "分管{unit}，对该单位的党风廉政建设",
    "R6": "对其{relation}{subject}的违纪违法问题知情不管",
}
CN_NUM = "一二三四五六七八九十"
TEXT_BLOCK_PT = 156 / 25.4 * 72  # GB/T 9704 版心 width
MARK_MAX_PT = 42  # 初号


def mark_size(mark: str) -> float:
    """The red header's type size: 初号, shrunk so that a long organ name fits the line (the
    plan's rule, lzzr/decompose/plan.py; phases do not import each other)."""
    return round(min(MARK_MAX_PT, TEXT_BLOCK_PT / max(len(mark), 1) * 0.96), 1)


@dataclass(frozen=True)
class Issued:
    """What `issue_decision` wrote: the PDF and the 廉政档案 files, and the entry for the
    register of issued documents (which the CLI records: the register belongs to the
    documents phase)."""

    pdf: Path
    doc_id: str
    entry: dict[str, Any]
    archives: tuple[Path, ...]


def doc_id(tr: Trace) -> str:
    return f"decision:{tr.id}"


def decision_filename(tr: Trace) -> str:
    return f"{tr.event.date.year}-责任追究决定-{tr.id}.pdf"


def _why(ws: Workspace, tr: Trace, f: Finding) -> str:
    from .text import finding_args

    return WHY[f.rule].format(**finding_args(ws, tr, f))


def _bearers(ws: Workspace, tr: Trace) -> list[dict[str, str]]:
    rows = []
    for b in tr.bearers:
        first = b.findings[0]
        post = first.post.title if first.post else ""
        why = "；".join(dict.fromkeys(_why(ws, tr, f) for f in b.findings if f.label == b.label))
        rows.append({"name": name_of(ws, b.leader), "post": post, "why": why, "label": b.label})
    return rows


def _post_of(ws: Workspace, leader: str, day: dt.date) -> str:
    from lzzr.responsibility import posts_on

    posts = posts_on(ws, leader, day)
    return posts[0][1].title if posts else ""


def _sanctions(ws: Workspace, tr: Trace) -> list[dict[str, str]]:
    day = tr.event.date
    return [{"no": CN_NUM[i] if i < len(CN_NUM) else str(i + 1),
             "name": f"{_post_of(ws, s.leader, day)}{name_of(ws, s.leader)}", "form": s.outcome,
             "detail": s.detail or "", "note": (s.note or "").rstrip("。")}
            for i, s in enumerate(tr.event.sanctions)]


def decision_context(ws: Workspace, tr: Trace) -> dict[str, Any]:
    """Everything the decision template needs (requires the incident's 决定)."""
    e, d = tr.event, tr.event.decision
    assert d is not None and ws.config is not None
    rules = rules_of(ws)
    mark = f"{d.body}文件"
    unit = unit_of(ws, e.unit)
    what = e.cause if e.cause.startswith(unit) else f"{unit}{e.cause}"
    return {
        "doc_id": doc_id(tr), "organ": d.body, "organ_mark": mark, "mark_size": mark_size(mark),
        "doc_number": d.number or "",
        "title": d.title or f"{d.body}关于对{what}问题有关领导干部实行责任追究的决定",
        "addressees": (d.addressees or "").rstrip("：:"), "date": cn_date(e.date), "unit": unit,
        "cause": what, "facts": e.facts or "", "evidence": "、".join(e.evidence),
        "situation": rules.situations.get(e.situation or 0, ""), "situation_no": e.situation or "",
        "rules_name": rules.name, "focus": "、".join(e.focus),
        "bearers": _bearers(ws, tr), "team": f"{unit}领导班子" if tr.team else "",
        "sanctions": _sanctions(ws, tr), "signature_date": cn_date(d.date), "copies": d.copies or "",
        "printer": d.printer or "", "print_date": cn_date(d.date),
    }


def decision_texts(tr: Trace) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(field path, text) of what the decision prints from the incident (for the glyph check)."""
    e = tr.event
    yield ("事由",), e.cause
    if e.facts:
        yield ("事实",), e.facts
    for i, text in enumerate(e.evidence):
        yield ("证据", i), text
    for i, s in enumerate(e.sanctions):
        for key, value in (("细目", s.detail), ("说明", s.note)):
            if value:
                yield ("处理", i, key), value
    if e.decision is not None:
        for key, value in (("机关", e.decision.body), ("标题", e.decision.title), ("主送", e.decision.addressees),
                           ("抄送", e.decision.copies), ("文号", e.decision.number)):
            if value:
                yield ("决定", key), value


def glyph_problems(ws: Workspace, tr: Trace) -> list[Problem]:
    """G001 for each character of the incident's text that none of the chosen fonts can draw."""
    from lzzr.render.glyphs import char_label, coverage, find_missing

    assert ws.config is not None
    choices = choose(ws.config.fonts, installed_families())
    stack = tuple(dict.fromkeys(name for role in ROLES for name in choices[role].stack))
    found = dict.fromkeys(find_missing(decision_texts(tr), coverage(stack)))
    return [Problem("G001", ws.locate("event", tr.id, *keys), Severity.ERROR, Record("event", tr.id),
                    {"char": char_label(char)}) for keys, char in found]


def issue_decision(ws: Workspace, tr: Trace, out: Path) -> Issued:
    """Render the decision PDF to `out` and update the 廉政档案 of each leader the decision
    handles. Raises LzzrError when no 决定 is recorded."""
    from lzzr.render.renderer import renderer_for

    from .archive import write_outcomes

    d = tr.event.decision
    if d is None:
        raise LzzrError("trace.no_decision", id=tr.id)
    target = out / decision_filename(tr)
    renderer_for(ws).write_pdf("decision.html", decision_context(ws, tr), target)
    # the 成文日期 (the 决定's 日期, printed above the seal) for `letters --status`, like the report's
    entry = {"kind": "decision", "year": tr.event.date.year, "incident": tr.id, "number": d.number or "",
             "date": d.date.isoformat(), "parties": [], "file": str(target), "key": "", "pades": False}
    return Issued(target, doc_id(tr), entry, tuple(write_outcomes(ws, tr)))
