"""Scoring the indicator type 整改: rectifications of 督查 findings done by their deadline.

Pure, like lzzr/indicators.py. The findings a target answers for: for a team, those found
in its unit; for a leader, those naming them as 责任人 (within their time in post). A finding
counts when its deadline has passed by the day assessed (the year end, or `assess --on`)
or it was closed by then: closed by the deadline 1, closed late or still open 0; the score
is the indicator's points × the share counted 1. No finding due: full points.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lzzr.assess.facts import Facts, Line, pct, q2, q4
from lzzr.assessees import Assessee
from lzzr.i18n import DateText, Text, msg
from lzzr.numbers import num
from lzzr.workspace.scheme import Indicator
from lzzr.workspace.supervision import Finding, inspections


def target_findings(facts: Facts, target: Assessee, day: dt.date) -> list[tuple[str, int, Finding]]:
    """(inspection id, finding number, finding) the target answers for, due or closed by `day`."""
    found = []
    for iid in sorted(inspections(facts.ws)):
        ins = inspections(facts.ws)[iid]
        for i, f in enumerate(ins.findings):
            mine = ins.unit == target.unit if target.kind == "班子" else \
                f.person == target.leader and target.start <= ins.date <= target.end
            closed = f.closed is not None and f.closed.date <= day
            if mine and ins.date <= day and (f.deadline <= day or closed):
                found.append((iid, i + 1, f))
    return found


def score_rectify(facts: Facts, target: Assessee, ind: Indicator) -> Line:
    assert facts.ws.config is not None
    day = facts.on or facts.ws.config.year_end
    findings = target_findings(facts, target, day)
    rule = msg("ax.rule.rectify")
    if not findings:
        return Line(ind.id, ind.name, ind.kind, ind.points, ind.points, msg("ax.rectify.none"), rule,
                    msg("ax.calc.rectify_none", points=num(ind.points)))
    details: list[Text] = []
    good = 0
    for iid, n, f in findings:
        ok = f.closed is not None and f.closed.date <= min(f.deadline, day)
        good += ok
        how = msg("ax.rectify.ontime" if ok else "ax.rectify.late" if f.closed and f.closed.date <= day
                  else "ax.rectify.open", date=DateText(f.closed.date) if f.closed else "",
                  deadline=DateText(f.deadline))
        details.append(msg("ax.rectify.item", id=f"{iid}-{n}", problem=f.problem, how=how))
    rate = q4(Decimal(good) / len(findings))
    points = q2(ind.points * rate)
    calc = msg("ax.calc.rectify", good=good, n=len(findings), rate=pct(rate), max=num(ind.points), points=points)
    return Line(ind.id, ind.name, ind.kind, ind.points, points,
                msg("ax.rectify.input", n=len(findings)), rule, calc, tuple(details))
