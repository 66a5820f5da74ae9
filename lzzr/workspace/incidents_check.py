"""Checks of the incidents (问责事件) against the 责任追究规定, every problem located.

Pure: a loaded workspace in, problems out; run by `lzzr check` with the other records.
- the situation is one of the rules' list, the severity one of its degrees;
- a person involved, written as a leader id, exists;
- each form of handling is open for the incident's situation and severity;
- "不能用批评教育来代替责任追究" (lecture 五(五)): a 严重 incident handled only by forms of the
  class 批评 (批评教育, 书面检查) is an error, or a warning, or nothing (`以批评代替追究`);
- a decision is not dated before the incident;
- the rules themselves name known forms and situations.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from lzzr.errors import Problem, Record, Severity
from lzzr.i18n import fmt_date, t
from lzzr.workspace.incidents import CRITICISM, AccountabilityRules, accountability_rules
from lzzr.workspace.load import Workspace
from lzzr.workspace.records import OUTCOMES, Event, events

SETTING = {"错误": Severity.ERROR, "警告": Severity.WARNING}


def rules_of(ws: Workspace) -> AccountabilityRules:
    """The workspace's 责任追究规定, or the defaults of the 1998 规定."""
    return accountability_rules(ws.singleton("acc_rules"))


def check_incidents(ws: Workspace) -> list[Problem]:
    """Every problem of the incidents and of the rules, in no particular order."""
    rules = rules_of(ws)
    found = list(_check_rules(ws, rules))
    for eid, event in events(ws).items():
        found += _check_event(ws, rules, eid, event)
    return found


def _p(ws: Workspace, code: str, eid: str, *keys: Any, severity: Severity = Severity.ERROR,
       **args: Any) -> Problem:
    return Problem(code, ws.locate("event", eid, *keys), severity, Record("event", eid), args)


def _suggest(word: str, pool: Any) -> str:
    close = difflib.get_close_matches(word, [str(x) for x in pool], n=1, cutoff=0.6)
    return t("suggest", name=close[0]) if close else ""


def _check_event(ws: Workspace, rules: AccountabilityRules, eid: str, event: Event) -> list[Problem]:
    found = list(_refs(ws, eid, event))
    if event.situation is not None and event.situation not in rules.situations:
        found.append(_p(ws, "AC01", eid, "情形", value=event.situation, rules=rules.name,
                        known="、".join(str(k) for k in rules.situations)))
    if event.severity is not None and event.severity not in rules.severities:
        found.append(_p(ws, "AC02", eid, "程度", value=event.severity, known="、".join(rules.severities),
                        suggest=_suggest(event.severity, rules.severities)))
    found += _forms(ws, rules, eid, event)
    if event.decision is not None and event.decision.date < event.date:
        found.append(_p(ws, "AC06", eid, "决定", "日期", date=fmt_date(event.decision.date),
                        event_date=fmt_date(event.date)))
    return found


def _refs(ws: Workspace, eid: str, event: Event) -> Iterator[Problem]:
    for i, person in enumerate(event.involved):
        for key, ref in (("领导", person.leader), ("亲属领导", person.of)):
            if ref and not ws.known("leader", ref):
                deep = ws.locate("event", eid, "当事人", i, key) != ws.locate("event", eid)
                where = ("当事人", i, key) if deep else ("当事人", i)
                yield _p(ws, "A120", eid, *where, field="当事人", ref=ref, suggest=_suggest(ref, ws.leaders))


def _forms(ws: Workspace, rules: AccountabilityRules, eid: str, event: Event) -> Iterator[Problem]:
    if not event.sanctions:
        return
    severity = event.severity or ("严重" if event.major else None)
    open_forms = rules.open_forms(event.situation, severity if severity in rules.severities else None)
    for i, s in enumerate(event.sanctions):
        if s.outcome not in open_forms:
            yield _p(ws, "AC04", eid, "处理", i, "方式", severity=Severity.WARNING, form=s.outcome,
                     degree=severity or "", open="、".join(open_forms))
    setting = SETTING.get(rules.criticism_only)
    if setting and event.grave and all(rules.forms.get(s.outcome) == CRITICISM for s in event.sanctions):
        key = "程度" if event.severity else "重大案件"
        yield _p(ws, "AC05", eid, key, severity=setting,
                 forms="、".join(dict.fromkeys(s.outcome for s in event.sanctions)))


def _check_rules(ws: Workspace, rules: AccountabilityRules) -> Iterator[Problem]:
    if ws.singleton("acc_rules") is None:
        return
    record = Record("acc_rules", "")

    def here(code: str, *keys: Any, key: bool = True, **args: Any) -> Problem:
        return Problem(code, ws.locate("acc_rules", "", *keys, key=key), Severity.ERROR, record, args)

    for form in rules.forms:
        if form not in OUTCOMES:
            yield here("AC10", "处理方式", form, form=form, known="、".join(OUTCOMES))
    for degree, forms in rules.open.items():
        yield from _open_list(rules, here, ("可用方式", degree), degree, forms)
    for situation, table in rules.open_by_situation.items():
        if situation not in rules.situations:
            yield here("AC11", "情形可用方式", situation, value=situation, known="、".join(map(str, rules.situations)))
        for degree, forms in table.items():
            yield from _open_list(rules, here, ("情形可用方式", situation, degree), degree, forms)
    if rules.selection is not None and rules.selection not in rules.situations:
        yield here("AC11", "选人用人情形", value=rules.selection, known="、".join(map(str, rules.situations)))


def _open_list(rules: AccountabilityRules, here: Any, path: tuple[Any, ...], degree: str,
               forms: tuple[str, ...]) -> Iterator[Problem]:
    if degree not in rules.severities:
        yield here("AC12", *path, value=degree, known="、".join(rules.severities))
    for i, form in enumerate(forms):
        if form not in rules.forms:
            yield here("AC10", *path, i, key=False, form=form, known="、".join(rules.forms))
