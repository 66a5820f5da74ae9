"""The 发文字号 (文号) of the documents lzzr issues, and the check that no two share one.

A 文号 is 前缀〔年份〕序号号 (示党发〔2026〕3号): the same prefix and number in another year is
another 文号, so the year counts. lzzr composes three kinds:

- 责任分解方案 (`decompose`): lzzr.yaml 文号前缀〔年度〕 发文 → 责任分解方案 → 序号;
- 落实情况报告 (`report progress`), one per 发文 → 落实情况报告 entry: its 文号前缀 (or lzzr.yaml's)
  〔the year of its 日期〕 序号. The 日期 defaults to 5 days after the period's end, so the
  report on 2026H2 or on 2026 is dated 2027 and numbered 〔2027〕: a workspace's documents are
  not all of one year;
- 责任追究决定 (`trace --issue`): 问责事件 → 决定 → 文号, as written (read as 前缀〔年份〕序号号
  when it has that shape, compared as written otherwise).

Other 文号 in the records (配套制度, 处理 → 文号, 依据, 上级文件) are documents lzzr only cites:
a unit's rule, a disciplinary decision, the higher level's document. They are not checked.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lzzr.errors import Location, Problem, Record
from lzzr.workspace.model import PERIOD_PATTERN, Config, ReportDoc
from lzzr.workspace.records import events

if TYPE_CHECKING:
    from lzzr.workspace.load import Workspace

REPORT_DELAY = dt.timedelta(days=5)  # a report's default 成文日期: 5 days after its period
_WRITTEN = re.compile(r"\s*(\S.*?)\s*[〔\[［(（]\s*(\d{4})\s*[〕\]］)）]\s*第?\s*0*(\d+)\s*号\s*\Z")


@dataclass(frozen=True)
class DocNumber:
    """示党发〔2026〕3号: prefix, year, number (no leading zeros, no 第)."""

    prefix: str
    year: int
    number: int

    @property
    def text(self) -> str:
        return f"{self.prefix}〔{self.year}〕{self.number}号"


def read_number(text: str) -> DocNumber | str:
    """A written 文号 as prefix, year and number (示纪发[2026]061号 is 示纪发〔2026〕61号);
    the text itself, stripped, when it has not that shape."""
    m = _WRITTEN.match(text)
    return DocNumber(m.group(1), int(m.group(2)), int(m.group(3))) if m else text.strip()


def period_dates(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a 时段 (2026, 2026H1, 2026Q3; any case); None if unreadable."""
    m = PERIOD_PATTERN.match(text.strip().upper())
    if not m:
        return None
    year = int(m.group(1))
    first, last = 1, 12
    if m.group(2):
        first = 1 if m.group(2) == "H1" else 7
        last = first + 5
    elif m.group(3):
        first = 3 * int(m.group(3)[1]) - 2
        last = first + 2
    end = dt.date(year + 1, 1, 1) if last == 12 else dt.date(year, last + 1, 1)
    return dt.date(year, first, 1), end - dt.timedelta(days=1)


def plan_number(config: Config, number: int) -> DocNumber:
    return DocNumber(config.doc_prefix, config.year, number)


def report_number(config: Config, doc: ReportDoc, end: dt.date) -> DocNumber:
    """The number of the report of a 发文 entry whose period ends on `end`."""
    return DocNumber(doc.prefix or config.doc_prefix, (doc.date or end + REPORT_DELAY).year, doc.number)


@dataclass(frozen=True)
class Issued:
    """One document lzzr issues with its 文号 (`shown` as composed or written), where that is
    written; `msg` and `args` name the document."""

    number: DocNumber | str
    shown: str
    where: Location
    record: Record
    field: str
    msg: str
    args: dict[str, str | int]


def issued_documents(ws: Workspace) -> Iterator[Issued]:
    """The plan, each period's report (a period listed twice only once: S018), each decision."""
    config = ws.config
    if config is None:
        return
    own = Record("config", "")
    if config.issuing.plan is not None:
        plan = plan_number(config, config.issuing.plan.number)
        yield Issued(plan, plan.text,
                     ws.locate("config", "", "发文", "责任分解方案", "序号"), own, "序号", "S019.plan", {})
    seen: set[str] = set()
    for i, doc in enumerate(config.issuing.reports):
        dates, key = period_dates(str(doc.period)), str(doc.period).strip().upper()
        if dates is not None and key not in seen:
            number = report_number(config, doc, dates[1])
            yield Issued(number, number.text, ws.locate("config", "", "发文", "落实情况报告", i, "序号"),
                         own, "序号", "S019", {"first": i + 1, "period": key})
        seen.add(key)
    for eid, event in events(ws).items():
        if event.decision is not None and event.decision.number:
            written = event.decision.number
            yield Issued(read_number(written), written.strip(), ws.locate("event", eid, "决定", "文号"),
                         Record("event", eid), "文号", "S019.decision", {"first": eid})


def check_doc_numbers(ws: Workspace) -> list[Problem]:
    """Every document whose 文号 an earlier one has already (S019), located at the later one."""
    first: dict[DocNumber | str, Issued] = {}
    found = []
    for doc in issued_documents(ws):
        before = first.setdefault(doc.number, doc)
        if before is not doc:
            found.append(Problem("S019", doc.where, record=doc.record, msg=before.msg,
                                 args={"field": doc.field, "value": doc.shown, **before.args}))
    return found
