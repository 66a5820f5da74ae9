"""Scoring one indicator of one target: the input, the rule, the arithmetic and the points.

Pure. Every number shown in an explanation is the number used in the next step: ratios
and percentages are rounded half-up to two decimals (of a per cent) before they are used,
points to two decimals (`q2`). So a leader can redo every step by hand with the numbers
printed and get exactly the same result.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from lzzr.assess.counting import rule_cuts, score_checklist
from lzzr.assess.facts import HUNDRED, ONE, ZERO, Facts, Line, co_tasks, pct, q2, q4, target_tasks
from lzzr.assess.members import score_ref
from lzzr.assess.poll import score_poll
from lzzr.assess.rates import score_rate
from lzzr.assess.rectify import score_rectify
from lzzr.assess.relative import score_relative
from lzzr.assessees import Assessee
from lzzr.errors import Problem, Record, Severity
from lzzr.i18n import DateText, Joined, Text, msg
from lzzr.numbers import num
from lzzr.text import natural_key
from lzzr.workspace.model import Task
from lzzr.workspace.records import Event, Progress, events, progress, ratings
from lzzr.workspace.scheme import Indicator


def score(facts: Facts, target: Assessee, ind: Indicator) -> Line:
    """One indicator of one target; its points always to two decimals."""
    scorers = {"任务完成": score_tasks, "清单": score_checklist, "民主测评": score_poll,
               "扣分": score_deductions, "评定": score_rating, "整改": score_rectify, "比率": score_rate,
               "引用": score_ref, "同类比较": score_relative}
    category = facts.categories.get(target.key)
    if ind.applies and category not in ind.applies:
        return Line(ind.id, ind.name, ind.kind, ind.points, q2(ind.points),
                    msg("ax.class.input", category=category or "—"),
                    msg("ax.class.rule", classes="、".join(ind.applies)),
                    msg("ax.class.calc", points=num(ind.points)), note=ind.note)
    line = scorers[ind.kind](facts, target, ind)
    return replace(line, points=q2(line.points), note=ind.note)


# --- 任务完成 ---------------------------------------------------------------------------

def task_credit(facts: Facts, tid: str, ind: Indicator) -> tuple[Decimal, Text]:
    """How much of one task counts as done (0–1), and why, in words."""
    task = facts.leaves[tid]
    rec = progress(facts.ws).get(tid)
    if rec is None:
        return ZERO, msg("ax.task.none")
    if facts.on is not None and rec.done is not None and rec.done > facts.on:
        rec = rec.model_copy(update={"status": "进行中", "done": None})  # done after the day: not yet
    if rec.status == "已完成" and rec.done is not None:
        if task.deadline is None or rec.done <= task.deadline:
            return ONE, msg("ax.task.ontime", date=DateText(rec.done))
        return ind.late_factor, msg("ax.task.late", date=DateText(rec.done), deadline=DateText(task.deadline),
                                  factor=num(ind.late_factor))
    share, how = achievement(task, rec)
    credit = share * ind.unfinished_factor
    return credit, msg("ax.task.open", how=how, share=pct(share), factor=num(ind.unfinished_factor),
                     credit=num(credit))


def achievement(task: Task, rec: Progress) -> tuple[Decimal, Text]:
    """How far an unfinished task got: the mean of its metrics' actual/target (each at most
    100%), else the estimated 完成比例, else nothing."""
    if task.targets and rec.actual:
        parts = []
        for m in task.targets:
            goal = Decimal(repr(m.value))
            got = rec.actual.get(m.metric, ZERO)
            parts.append(ONE if goal <= 0 else min(q4(got / goal), ONE))
        share = q4(sum(parts, ZERO) / len(parts))
        shown = "、".join(f"{m.metric}{num(rec.actual.get(m.metric, ZERO))}/{num(Decimal(repr(m.value)))}"
                         for m in task.targets)
        return share, msg("ax.task.metrics", metrics=shown, share=pct(share))
    if rec.percent is not None:
        share = q4(min(max(rec.percent, ZERO), HUNDRED) / HUNDRED)
        return share, msg("ax.task.percent", percent=num(rec.percent))
    return ZERO, msg("ax.task.nothing")


def score_tasks(facts: Facts, target: Assessee, ind: Indicator) -> Line:
    led = target_tasks(facts, target)
    co = co_tasks(facts, target) if ind.co_share is not None else []
    tids = led + co
    rule: Text = msg("ax.rule.tasks", late=num(ind.late_factor), unfinished=num(ind.unfinished_factor))
    if ind.co_share is not None:
        rule = Joined((rule, msg("ax.rule.co", share=num(ind.co_share))))
    if ind.task_weights:
        table = "、".join(f"{k}×{num(v)}" for k, v in ind.task_weights.items())
        rule = Joined((rule, msg("ax.rule.weights", weights=table)))
    if not tids:
        full = ind.no_tasks != "零分"
        points = ind.points if full else ZERO
        return Line(ind.id, ind.name, ind.kind, ind.points, points, msg("ax.tasks.none"), rule,
                    msg("ax.calc.notasks_full" if full else "ax.calc.notasks_zero", points=num(points)))
    details: list[Text] = []
    done, weights = ZERO, ZERO
    for tid in tids:
        task = facts.leaves[tid]
        credit, why = task_credit(facts, tid, ind)
        weight = ind.task_weights.get(task.category or "", ONE)
        if tid in co:
            weight = weight * (ind.co_share or ZERO)
        done += credit * weight
        weights += weight
        shown: Text = msg("ax.task.weight", weight=num(weight)) if ind.task_weights or tid in co else ""
        details.append(Joined((f"{tid} {task.title}：", why, shown)))
    rate = q4(done / weights) if weights else ZERO
    points = q2(ind.points * rate)
    key = "ax.calc.tasks_weighted" if ind.task_weights or co else "ax.calc.tasks"
    calc = msg(key, done=num(done), n=num(weights), rate=pct(rate), max=num(ind.points), points=points)
    return Line(ind.id, ind.name, ind.kind, ind.points, points, msg("ax.tasks.input", n=len(tids)), rule, calc,
                tuple(details))


# --- 民主测评 ---------------------------------------------------------------------------

# --- 扣分 -------------------------------------------------------------------------------

def target_events(facts: Facts, target: Assessee) -> list[tuple[str, Event, list[str]]]:
    """(event id, event, the sanction outcomes that concern the target) in the target's time:
    for a team every event in its unit; for a principal the events in their unit that name
    them; for a member every event that names them (in whatever unit: their remit)."""
    found = []
    for eid in sorted(events(facts.ws), key=natural_key):
        event = events(facts.ws)[eid]
        if not target.start <= event.date <= target.end:
            continue
        if target.kind == "班子":
            if event.unit == target.unit:
                found.append((eid, event, [f"{s.outcome}（{leader_name(facts, s.leader)}）" for s in event.sanctions]))
            continue
        mine: list[str] = [s.outcome for s in event.sanctions if s.leader == target.leader]
        if mine and (target.kind == "成员" or event.unit == target.unit):
            found.append((eid, event, mine))
    return found


def leader_name(facts: Facts, leader: str) -> str:
    person = facts.ws.leaders.get(leader)
    return person.name if person else leader


def event_keys(event: Event, outcomes: list[str]) -> list[str]:
    keys = [o.split("（")[0] for o in outcomes]
    if event.major:
        keys.append("重大案件")
    if event.criticised:
        keys.append("上级通报")
    return list(dict.fromkeys(keys))


def score_deductions(facts: Facts, target: Assessee, ind: Indicator) -> Line:
    details: list[Text] = []
    total = ZERO
    for eid, event, outcomes in target_events(facts, target) if ind.deductions else ():
        keys = event_keys(event, outcomes)
        priced = [(ind.deductions[k], k) for k in keys if k in ind.deductions]
        cut, why = max(priced, key=lambda p: p[0]) if priced else (ZERO, "—")
        total += cut
        facts_text = "、".join([*(["重大案件"] if event.major else []), *(["上级通报"] if event.criticised else []),
                               *outcomes]) or msg("ax.event.nothing")
        details.append(msg("ax.event", id=eid, date=DateText(event.date), cause=event.cause, facts=facts_text,
                         key=why, cut=num(cut)))
    inp: Text = msg("ax.deduct.input", n=len(details)) if details else msg("ax.deduct.none")
    rule: Text = msg("ax.rule.deduct", table="、".join(f"{k} {num(v)}" for k, v in ind.deductions.items()),
                     floor=num(ind.floor_points))
    if ind.rules:
        cut, texts = rule_cuts(facts, target, ind)
        total += cut
        details += texts
        more = msg("ax.deduct.rules", n=len(ind.rules))
        inp = Joined((inp, more), "；") if ind.deductions else more
        rule = Joined((rule, msg("ax.rule.cuts")), "；") if ind.deductions else Joined(
            (msg("ax.rule.cuts"), msg("ax.rule.floor", floor=num(ind.floor_points))), "；")
    points = q2(max(ind.points - total, ind.floor_points))
    calc = msg("ax.calc.deduct", max=num(ind.points), cut=num(total), floor=num(ind.floor_points), points=points)
    return Line(ind.id, ind.name, ind.kind, ind.points, points, inp, rule, calc, tuple(details))


# --- 评定 -------------------------------------------------------------------------------

def rating_of(facts: Facts, target: Assessee, topic: str) -> tuple[str, str] | None:
    """(sheet id, grade) the assessors gave the target on `topic` (first sheet by id)."""
    for rid in sorted(ratings(facts.ws)):
        sheet = ratings(facts.ws)[rid]
        if sheet.item != topic:
            continue
        table = {"班子": sheet.teams, "正职": sheet.principals, "成员": sheet.members}[target.kind]
        ref = target.unit if target.kind == "班子" else target.leader
        if ref in table:
            return rid, table[ref]
    return None


def score_rating(facts: Facts, target: Assessee, ind: Indicator) -> Line:
    topic = ind.topic or ind.name
    rule = msg("ax.rule.rating", table="、".join(f"{k} {num(v)}%" for k, v in ind.levels.items()))
    found = rating_of(facts, target, topic)
    if found is None:
        facts.problems.append(Problem("A304", facts.here, Severity.WARNING, None,
                                      {"topic": topic, "target": target.name}))
        return Line(ind.id, ind.name, ind.kind, ind.points, ZERO, msg("ax.rating.none", topic=topic), rule,
                    msg("ax.calc.zero"))
    rid, level = found
    share = ind.levels.get(level)
    if share is None:
        where = facts.ws.locate("rating", rid, {"班子": "班子", "正职": "正职", "成员": "成员"}[target.kind],
                                target.unit if target.kind == "班子" else target.leader)
        facts.problems.append(Problem("A306", where, Severity.ERROR, Record("rating", rid),
                                      {"level": level, "known": "、".join(ind.levels)}))
        share = ZERO
    points = q2(ind.points * share / HUNDRED)
    calc = f"{num(ind.points)} × {num(share)}% = {points}"
    inp = msg("ax.rating.input", topic=topic, level=level, sheet=rid)
    return Line(ind.id, ind.name, ind.kind, ind.points, points, inp, rule, calc)

