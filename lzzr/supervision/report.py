"""The report to the 党委 (lecture 五(六): 定期向党委报告): 《关于…落实党风廉政建设责任制情况
的报告》 for a period, as an official document like the plan, from the status at the period's end.

Pure: the period, the context the template (templates/progress.html, body in
progress_body.html that a workspace may override) reads, and the texts for the glyph check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lzzr.errors import LzzrError, UsageError
from lzzr.responsibility import issuing_team, principal_of
from lzzr.supervision.status import DONE, OVERDUE, Status
from lzzr.supervision.summary import count, focuses, group, letters
from lzzr.supervision.tables import leader_name, unit_name
from lzzr.workspace.doc_numbers import REPORT_DELAY, DocNumber, issued_documents, period_dates
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import PERIOD_PATTERN, ReportDoc, cn_date

_CN_NUM = "一二三四五六七八九十"


@dataclass(frozen=True)
class Period:
    """A reporting period: `2026H1` (上半年), `2026Q3` (第三季度) or `2026` (全年)."""

    code: str
    label: str
    start: dt.date
    end: dt.date


def parse_period(text: str) -> Period:
    dates = period_dates(text)
    if dates is None:
        raise UsageError("sv.bad_period", value=text)
    start, end = dates
    m = PERIOD_PATTERN.match(text.strip().upper())
    assert m is not None
    if m.group(2):
        return Period(text, f"{start.year}年{'上' if m.group(2) == 'H1' else '下'}半年", start, end)
    if m.group(3):
        return Period(text, f"{start.year}年第{_CN_NUM[int(m.group(3)[1]) - 1]}季度", start, end)
    return Period(text, f"{start.year}年", start, end)


@dataclass(frozen=True)
class Numbering:
    """The report's document number and date: from lzzr.yaml → 发文 → 落实情况报告 (the entry
    of the period), a number or prefix given on the command line taking precedence."""

    number: int
    prefix: str
    date: dt.date

    @property
    def text(self) -> str:
        return f"{self.prefix}〔{self.date.year}〕{self.number}号"


def report_doc(ws: Workspace, period: Period) -> ReportDoc | None:
    """The 发文 entry of `period` (compared by dates, so 2026h1 is 2026H1)."""
    assert ws.config is not None
    for doc in ws.config.issuing.reports:
        other = parse_period(doc.period)
        if (other.start, other.end) == (period.start, period.end):
            return doc
    return None


def numbering(ws: Workspace, period: Period, number: int | None = None, prefix: str | None = None) -> Numbering:
    """The number, prefix and date of the period's report; LzzrError when no number is known."""
    assert ws.config is not None
    doc = report_doc(ws, period)
    chosen = number if number is not None else (doc.number if doc else None)
    if chosen is None:
        raise LzzrError("sv.report_unnumbered", period=period.code)
    numbered = Numbering(chosen, prefix or (doc.prefix if doc and doc.prefix else ws.config.doc_prefix),
                         doc.date if doc and doc.date else period.end + REPORT_DELAY)
    if number is not None or prefix is not None:
        _refuse_taken(ws, doc, numbered)
    return numbered


def _refuse_taken(ws: Workspace, own: ReportDoc | None, numbered: Numbering) -> None:
    """A number or prefix from the command line that gives the 文号 of another document lzzr
    issues (the plan, another period's report, a decision) is refused (S019's texts)."""
    mine = DocNumber(numbered.prefix, numbered.date.year, numbered.number)
    own_key = str(own.period).strip().upper() if own else None
    for doc in issued_documents(ws):
        if doc.number == mine and not (doc.msg == "S019" and doc.args["period"] == own_key):
            raise UsageError(doc.msg, field="--number", value=numbered.text, **doc.args)


def doc_id(period: Period) -> str:
    return f"progress:{period.start.year}:{period.code.upper()}"


def register_entry(period: Period, numbered: Numbering, pdf: str) -> dict[str, Any]:
    """The register entry of an issued report (like the decision's: no parties, no signatures);
    its title and 成文日期 for `letters --status`."""
    return {"kind": "progress", "year": period.start.year, "period": period.code.upper(),
            "number": numbered.text, "title": f"{period.label}落实情况报告", "date": numbered.date.isoformat(),
            "parties": [], "file": pdf, "key": "", "pades": False}


def organ_unit(ws: Workspace) -> str | None:
    """The unit that reports: the 纪委监委 under the issuing team (it organises supervision)."""
    top = issuing_team(ws)
    found = [uid for uid, u in ws.units.items() if u.kind == "纪委监委" and (top is None or u.parent == top)]
    return found[0] if found else None


def report_context(ws: Workspace, status: Status, period: Period, numbered: Numbering,
                   mark_size: Callable[[str], float], township: str = "乡镇") -> dict[str, Any]:
    """Everything the report template needs; `mark_size` sizes the red header as the plan's
    does and `township` is the plan's word for the townships (both passed in by the CLI: they
    belong to the decompose phase, which this one does not import)."""
    assert ws.config is not None
    reporter = organ_unit(ws)
    organ = ws.units[reporter].name if reporter else ws.config.organ
    top = issuing_team(ws)
    tasks, duties, rects = count(status.tasks), count(status.duties), count(status.rects)
    in_period = [x for x in status.tasks if period.start <= x.deadline <= period.end]
    mark = f"{organ}文件"
    signed = cn_date(numbered.date)
    return {
        "organ": organ, "organ_mark": mark, "mark_size": mark_size(mark),
        "doc_number": numbered.text,
        "signer": leader_name(ws, principal_of(ws, reporter, period.end)) if reporter else "",
        "title": f"关于{ws.config.region}{period.label}落实党风廉政建设责任制情况的报告",
        "addressees": unit_name(ws, top) if top else ws.config.organ,
        "reporter": unit_name(ws, reporter) if reporter else organ, "level": ws.config.region[-1:],
        "township": township,
        "region": ws.config.region, "period": period.label, "as_of": cn_date(period.end),
        "tasks": tasks, "duties": duties, "rects": rects, "letters": letters(status),
        "in_period": len(in_period), "in_period_done": sum(1 for x in in_period if x.state == DONE),
        "rate": f"{tasks.done / tasks.total * 100:.1f}%" if tasks.total else "—",
        "inspections": len({r.inspection for r in status.rects}),
        "focus": _focus(ws, status), "overdue": _overdue(ws, status),
        "open_rects": [_rect(ws, r) for r in status.rects if r.state != DONE],
        "units": [_unit_row(ws, u, c) for u, c in group(status.tasks, lambda x: x.lead).items()],
        "attachment_title": f"{ws.config.region}{period.label}党风廉政建设责任制任务落实情况统计表",
        "signature_date": signed, "copies": "", "printer": organ, "print_date": signed,
    }


def _focus(ws: Workspace, status: Status) -> dict[str, Any]:
    f = focuses(status)
    return {
        "principals": [{"unit": unit_name(ws, u), "leader": leader_name(ws, lid), "kinds": "、".join(k)}
                       for u, lid, k in f.principals],
        "leads": [{"unit": unit_name(ws, u), "overdue": o, "unreported": q} for u, o, q in f.leads],
        "lagging": [{"unit": unit_name(ws, s.unit), "due": s.due, "done": s.done, "overdue": s.overdue,
                     "rate": f"{s.rate * 100:.1f}%"} for s in f.lagging],
        "rate": f"{f.overall_rate * 100:.1f}%",
    }


def _overdue(ws: Workspace, status: Status) -> list[dict[str, str]]:
    return [{"id": x.id, "title": x.title, "lead": unit_name(ws, x.lead), "leader": leader_name(ws, x.leader),
             "deadline": cn_date(x.deadline)} for x in status.tasks if x.state == OVERDUE]


def _rect(ws: Workspace, r: Any) -> dict[str, str]:
    return {"id": f"{r.inspection}-{r.n}", "unit": unit_name(ws, r.unit), "problem": r.problem,
            "person": leader_name(ws, r.person), "deadline": cn_date(r.deadline),
            "overdue": "逾期" if r.state == OVERDUE else "未到期"}


def _unit_row(ws: Workspace, uid: str, c: Any) -> dict[str, Any]:
    return {"unit": unit_name(ws, uid), "total": c.total, "done": c.done, "on_track": c.on_track,
            "due_soon": c.due_soon, "overdue": c.overdue, "unreported": c.unreported,
            "rate": f"{c.done / c.total * 100:.1f}%" if c.total else "—"}


def report_texts(ws: Workspace, status: Status) -> list[tuple[tuple[str, str, tuple[Any, ...]], str]]:
    """(where, text) of every piece of data the report prints, for the glyph check."""
    found: list[tuple[tuple[str, str, tuple[Any, ...]], str]] = []
    for x in status.tasks:
        found.append((("task", x.id, ("名称",)), x.title))
    for r in status.rects:
        found.append((("inspect", r.inspection, ("发现问题", r.n - 1, "问题")), r.problem))
    found += [(("unit", uid, ("名称",)), u.name) for uid, u in ws.units.items()]
    found += [(("unit", uid, ("简称",)), u.short) for uid, u in ws.units.items() if u.short]
    found += [(("leader", lid, ()), p.name) for lid, p in ws.leaders.items()]
    return found


def glyph_problems(ws: Workspace, status: Status) -> list[Any]:
    """G001 errors (located at the record) for characters none of the chosen fonts can draw."""
    from lzzr.errors import Problem, Record
    from lzzr.render.fonts import ROLES, choose, installed_families
    from lzzr.render.glyphs import char_label, coverage, find_missing

    assert ws.config is not None
    choices = choose(ws.config.fonts, installed_families())
    stack = tuple(dict.fromkeys(name for role in ROLES for name in choices[role].stack))
    missing = dict.fromkeys(find_missing(report_texts(ws, status), coverage(stack)))
    return [Problem("G001", ws.locate(kind, rid, *keys), record=Record(kind, rid), args={"char": char_label(char)})
            for (kind, rid, keys), char in missing]
