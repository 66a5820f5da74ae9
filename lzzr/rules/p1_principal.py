"""P1 一把手负总责: the principal bears overall responsibility."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lzzr.errors import Problem, Record, Severity
from lzzr.i18n import fmt_date, t
from lzzr.load import Workspace
from lzzr.model import Post, Team
from lzzr.rules import rule


def checkpoints(team: Team, year_start: dt.date, year_end: dt.date) -> list[dt.date]:
    """The days in the year on which a team's membership can change."""
    days = {year_start}
    for post in team.members:
        if post.start and year_start < post.start <= year_end:
            days.add(post.start)
        if post.end and year_start <= post.end < year_end:
            days.add(post.end + dt.timedelta(days=1))
    return sorted(days)


@rule(
    "P1.1",
    Severity.ERROR,
    ("每个班子有且只有一名正职", "every team has exactly one principal"),
    (
        "一把手负总责：班子正职是党风廉政建设第一责任人，对职责范围内的工作负总责。"
        "班子在年度内任何一天都应有且只有一名正职（任职日期用“起/止”表示）。",
        "The principal bears overall responsibility (P1): on every day of the year each "
        "team has exactly one principal (post dates are given with 起/止).",
    ),
)
def check_one_principal(ws: Workspace) -> Iterator[Problem]:
    if ws.config is None:
        return
    for tid, team in ws.teams.items():
        for day in checkpoints(team, ws.config.year_start, ws.config.year_end):
            principals = team.principals(day)
            if len(principals) == 1:
                continue
            yield _principal_problem(ws, tid, team, principals, day)
            break


def _principal_problem(ws: Workspace, tid: str, team: Team, principals: list[Post], day: dt.date) -> Problem:
    record = Record("team", tid)
    assert ws.config is not None
    when = "" if day == ws.config.year_start else t("when", date=fmt_date(day))
    if not principals and when:
        args = {"date": fmt_date(day), "date_iso": day.isoformat()}
        return Problem("P1.1", ws.locate("team", tid), record=record, msg="P1.1.gap", args=args)
    if not principals:
        return Problem("P1.1", ws.locate("team", tid), record=record, msg="P1.1.none", args={"when": when})
    names = "、".join(ws.leaders[p.leader].name if p.leader in ws.leaders else p.leader for p in principals)
    second = team.members.index(principals[1])
    where = ws.locate("team", tid, "成员", second, "角色", key=True)
    args = {"n": len(principals), "names": names, "when": when}
    return Problem("P1.1", where, record=record, msg="P1.1.many", args=args)
