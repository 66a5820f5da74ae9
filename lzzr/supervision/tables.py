"""A Status as tables (terminal, CSV, xlsx) and as JSON data, in the chosen language."""

from __future__ import annotations

from typing import Any

from lzzr.i18n import fmt_date, t, tr
from lzzr.render.tables import Cell, Table
from lzzr.supervision.status import OVERDUE, Status
from lzzr.supervision.summary import Counts, count, focuses, group, letters
from lzzr.workspace.load import Workspace


def unit_name(ws: Workspace, uid: str | None) -> str:
    unit = ws.units.get(uid or "")
    return unit.label if unit else (uid or "")


def leader_name(ws: Workspace, lid: str | None) -> str:
    leader = ws.leaders.get(lid or "")
    return leader.name if leader else (lid or "")


def _count_heads() -> list[str]:
    return [tr("合计", "total"), t("sv.state.done"), t("sv.state.on_track"), t("sv.state.due_soon"),
            t("sv.state.overdue"), t("sv.unreported")]


def _cells(c: Counts) -> list[Cell]:
    """Counts as numbers, so that a workbook can sum and sort them (text shows them the same)."""
    return [c.total, c.done, c.on_track, c.due_soon, c.overdue, c.unreported]


def overall_table(status: Status) -> Table:
    rows = [[tr("任务（末级）", "tasks (leaf)"), *_cells(count(status.tasks))],
            [tr("一把手职责", "principals' duties"), *_cells(count(status.duties))],
            [tr("整改事项", "rectifications"), *_cells(count(status.rects))]]
    title = tr(f"截至{fmt_date(status.day)}总体情况", f"Overall as of {fmt_date(status.day)}")
    return Table(title, [tr("类别", "kind"), *_count_heads()], rows, sheet=tr("总体", "overall"))


def by_unit_table(ws: Workspace, status: Status) -> Table:
    rows = [[unit_name(ws, u), *_cells(c)] for u, c in group(status.tasks, lambda x: x.lead).items()]
    return Table(tr("按牵头部门", "By lead unit"), [tr("牵头部门", "lead unit"), *_count_heads()], rows,
                 sheet=tr("牵头部门", "lead units"))


def by_leader_table(ws: Workspace, status: Status) -> Table:
    """Each leader's tasks by state, and the duties they recorded (履职记录) by the day."""
    records = dict(status.records)
    rows = [[leader_name(ws, lid), *_cells(c), records.get(lid, 0)]
            for lid, c in group(status.tasks, lambda x: x.leader).items()]
    return Table(tr("按总负责人", "By leader in overall charge"),
                 [tr("总负责人", "leader"), *_count_heads(), tr("履职记录", "duty records")],
                 rows, sheet=tr("总负责人", "leaders"))


def duties_table(ws: Workspace, status: Status) -> Table:
    """Per team: its principal, duties due by the day, done, and the kinds not done."""
    rows: list[list[Cell]] = []
    for team in sorted({d.team for d in status.duties}):
        mine = [d for d in status.duties if d.team == team]
        c = count(mine)
        missed = "、".join(d.kind for d in mine if d.state == OVERDUE)
        holder = next((d.leader for d in reversed(mine) if d.leader), None)
        rows.append([unit_name(ws, team), leader_name(ws, holder), c.due, c.done, missed])
    headers = [tr("单位", "unit"), tr("一把手", "principal"), tr("应履行", "due"), tr("已履行", "done"),
               tr("逾期未履行", "overdue")]
    return Table(tr("一把手职责履行情况", "Principals' duties"), headers, rows, sheet=tr("一把手职责", "duties"))


def tasks_table(ws: Workspace, status: Status, only_open: bool = False) -> Table:
    rows = [[x.id, x.title, unit_name(ws, x.lead), leader_name(ws, x.leader), x.deadline,
             t(f"sv.state.{x.state}"), t("sv.yes") if x.unreported else "",
             x.last_report or ""]
            for x in status.tasks if not only_open or x.state == OVERDUE]
    headers = [tr("编号", "id"), tr("任务", "task"), tr("牵头部门", "lead unit"), tr("总负责人", "leader"),
               tr("完成时限", "deadline"), tr("状态", "state"), t("sv.unreported"), tr("最近报送", "last report")]
    title = tr("逾期任务", "Overdue tasks") if only_open else tr("任务明细", "Tasks")
    return Table(title, headers, rows, sheet=tr("逾期任务", "overdue") if only_open else tr("任务", "tasks"))


def rects_table(ws: Workspace, status: Status) -> Table:
    rows = [[f"{r.inspection}-{r.n}", unit_name(ws, r.unit), r.problem, leader_name(ws, r.person),
             r.deadline, t(f"sv.state.{r.state}"), r.closed or ""]
            for r in status.rects]
    headers = [tr("编号", "id"), tr("被督查单位", "unit"), tr("问题", "finding"), tr("责任人", "responsible"),
               tr("整改时限", "deadline"), tr("状态", "state"), tr("销号日期", "closed")]
    return Table(tr("督查整改", "Rectifications"), headers, rows, sheet=tr("整改", "rectifications"))


def letters_table(status: Status) -> Table:
    lt = letters(status)
    rows: list[list[Cell]] = [[lt.due, lt.issued, lt.signed, lt.late, len(lt.unsigned), len(status.pledged),
                               len(status.to_pledge), lt.pledge_docs]]
    headers = [tr("应签责任书", "letters due"), tr("已印发", "issued"), tr("已签订", "signed"),
               tr("逾期签订", "signed late"), tr("未签订", "unsigned"), tr("已公开承诺", "pledged"),
               tr("在职领导", "leaders in post"), tr("已印发承诺书", "pledge documents")]
    return Table(tr("责任书和承诺", "Letters and pledges"), headers, rows, sheet=tr("责任书", "letters"))


def focus_tables(ws: Workspace, status: Status) -> list[Table]:
    f = focuses(status)
    one = Table(tr("重点一：一把手履职（防止只挂帅不出征）", "Focus 1: the principals' own duties"),
                [tr("单位", "unit"), tr("一把手", "principal"), tr("逾期未履行", "overdue duties")],
                [[unit_name(ws, u), leader_name(ws, lid), "、".join(k)] for u, lid, k in f.principals],
                sheet=tr("重点一", "focus 1"))
    two = Table(tr("重点二：牵头部门（防止牵头部门不牵头）", "Focus 2: the lead units"),
                [tr("牵头部门", "lead unit"), t("sv.state.overdue"), t("sv.unreported")],
                [[unit_name(ws, u), o, q] for u, o, q in f.leads], sheet=tr("重点二", "focus 2"))
    pct = f"{f.overall_rate * 100:.1f}%"
    three = Table(tr(f"重点三：后进单位（到期事项完成率低于全旗 {pct}）", f"Focus 3: lagging units (below {pct})"),
                  [tr("单位", "unit"), tr("到期事项", "due"), tr("已完成", "done"), t("sv.state.overdue"),
                   tr("完成率", "rate")],
                  [[unit_name(ws, s.unit), s.due, s.done, s.overdue, f"{s.rate * 100:.1f}%"]
                   for s in f.lagging], sheet=tr("重点三", "focus 3"))
    return [one, two, three]


def status_tables(ws: Workspace, status: Status) -> list[Table]:
    """Every table of `lzzr status`, in the order printed."""
    return [overall_table(status), *focus_tables(ws, status), by_unit_table(ws, status),
            by_leader_table(ws, status), duties_table(ws, status), letters_table(status),
            rects_table(ws, status), tasks_table(ws, status, only_open=True), tasks_table(ws, status)]


def status_json(ws: Workspace, status: Status) -> dict[str, Any]:
    """Everything, as data: ids, ISO dates and state codes (not words)."""
    def counts(c: Counts) -> dict[str, int]:
        return {"total": c.total, "done": c.done, "on_track": c.on_track, "due_soon": c.due_soon,
                "overdue": c.overdue, "unreported": c.unreported}
    f, lt = focuses(status), letters(status)
    return {
        "on": status.day.isoformat(),
        "overall": {"tasks": counts(count(status.tasks)), "duties": counts(count(status.duties)),
                    "rectifications": counts(count(status.rects))},
        "by_lead_unit": {u: counts(c) for u, c in group(status.tasks, lambda x: x.lead).items()},
        "by_leader": {lid: {**counts(c), "duty_records": dict(status.records).get(lid, 0)}
                      for lid, c in group(status.tasks, lambda x: x.leader).items()},
        "letters": {"due": lt.due, "issued": lt.issued, "signed": lt.signed, "signed_late": lt.late,
                    "unsigned": list(lt.unsigned), "pledge_documents": lt.pledge_docs,
                    "pledged": list(status.pledged), "leaders_in_post": len(status.to_pledge)},
        "focuses": {"principals": [{"unit": u, "principal": lid, "overdue": list(k)} for u, lid, k in f.principals],
                    "lead_units": [{"unit": u, "overdue": o, "unreported": q} for u, o, q in f.leads],
                    "lagging": [{"unit": s.unit, "due": s.due, "done": s.done, "overdue": s.overdue}
                                for s in f.lagging],
                    "overall_rate": round(f.overall_rate, 4)},
        "tasks": [{"id": x.id, "title": x.title, "lead": x.lead, "leader": x.leader,
                   "deadline": x.deadline.isoformat(), "state": x.state, "unreported": x.unreported,
                   "done": x.done.isoformat() if x.done else None,
                   "last_report": x.last_report.isoformat() if x.last_report else None} for x in status.tasks],
        "duties": [{"unit": d.team, "leader": d.leader, "kind": d.kind, "due": d.due.isoformat(),
                    "state": d.state, "done": d.done.isoformat() if d.done else None} for d in status.duties],
        "rectifications": [{"inspection": r.inspection, "n": r.n, "unit": r.unit, "problem": r.problem,
                            "person": r.person, "deadline": r.deadline.isoformat(), "state": r.state,
                            "closed": r.closed.isoformat() if r.closed else None} for r in status.rects],
    }
