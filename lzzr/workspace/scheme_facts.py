"""Checks of the scheme's fact rules (checklist items and deduction rules that count
recorded facts) and of the duty records against the kinds the scheme declares.

A county declares its own record kinds in 考核方案 → 记录事项 (书面报告, 学习会议 …); a duty
record or a scheme item that names a kind neither built in nor declared is a located error
with a did-you-mean, found by `lzzr check` (and by `lzzr check --scheme FILE`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from lzzr.errors import Problem, Record, Severity
from lzzr.i18n import t
from lzzr.numbers import num
from lzzr.workspace.model import DUTY_KINDS, PERSONAL_KINDS
from lzzr.workspace.records import duty_logs, polls
from lzzr.workspace.scheme import ChecklistItem, DeductionRule, Fact, Indicator, Scheme, Veto

if TYPE_CHECKING:
    from lzzr.workspace.load import Workspace

Found = tuple[str, tuple[Any, ...], dict[str, Any]]
MODES = ("每缺一次扣", "每次扣", "每人未做扣")


def suggest(word: str, pool: Any) -> str:
    close = difflib.get_close_matches(word, [str(x) for x in pool], n=1, cutoff=0.5)
    return t("suggest", name=close[0]) if close else ""


def kinds_problems(scheme: Scheme) -> Iterator[Found]:
    """A declared kind that is built in already, or declared twice."""
    seen: set[str] = set()
    for i, kind in enumerate(scheme.kinds):
        if kind in DUTY_KINDS or kind in PERSONAL_KINDS or kind in seen:
            yield "A237", ("记录事项", i), {"kind": kind}
        seen.add(kind)


def indicator_facts(scheme: Scheme, path: tuple[Any, ...], ind: Indicator) -> Iterator[Found]:
    """The checklist items' and deduction rules' facts: known kinds, a period in order, one mode."""
    for k, item in enumerate(ind.checklist):
        yield from _item(scheme, (*path, "清单", k), item)
    for k, rule in enumerate(ind.rules):
        yield from _rule(scheme, (*path, "扣分项", k), k, rule, ind.points)
    if ind.kind == "同类比较" and (ind.tally is None) == (ind.compare is None):
        yield "A245", (*path, "类型"), {}
    if ind.tally is not None:
        if (ind.tally.duty is None) == (ind.tally.institution is None):
            yield "A244", (*path, "计数"), {}
        yield from _fact(scheme, (*path, "计数"), ind.tally)


def _item(scheme: Scheme, where: tuple[Any, ...], item: ChecklistItem) -> Iterator[Found]:
    """A checklist item: its fact, and one way to count (次数; 每次; 次数 + 达到得 + 每增加一次加)."""
    yield from _fact(scheme, where, item)
    if item.each is not None:
        if not 0 < item.each <= item.points:
            yield "A210", (*where, "每次"), {"field": "每次", "low": "0", "high": num(item.points),
                                            "value": num(item.each)}
        if "times" in item.model_fields_set:
            yield "A232", (*where, "次数"), {"name": item.label}
        for key, value in (("达到得", item.reached), ("每增加一次加", item.more)):
            if value is not None:
                yield "A243", (*where, key), {"name": item.label, "field": key}
    elif (item.reached is None) != (item.more is None):
        yield "A242", (*where, "达到得" if item.reached is not None else "每增加一次加"), {"name": item.label}
    for key, value in (("达到得", item.reached), ("每增加一次加", item.more)):
        if value is not None and not 0 < value <= item.points:
            yield "A210", (*where, key), {"field": key, "low": "0", "high": num(item.points), "value": num(value)}


def _fact(scheme: Scheme, where: tuple[Any, ...], fact: Fact) -> Iterator[Found]:
    if fact.duty is not None and fact.duty not in scheme.duty_kinds:
        yield "A230", (*where, "事项"), {"kind": fact.duty, "suggest": suggest(fact.duty, scheme.duty_kinds)}
    if fact.sub is not None and fact.duty is None:
        yield "A238", (*where, "细类"), {"sub": fact.sub}
    if fact.start is not None and fact.end is not None and fact.start > fact.end:
        yield "A233", (*where, "止"), {"start": fact.start.isoformat(), "end": fact.end.isoformat()}


def _rule(scheme: Scheme, where: tuple[Any, ...], k: int, rule: DeductionRule, points: Decimal) -> Iterator[Found]:
    if (rule.duty is None) == (rule.institution is None):
        yield "A236", where, {"n": k + 1}
    yield from _fact(scheme, where, rule)
    modes = [m for m, v in zip(MODES, (rule.per_missing, rule.per_each, rule.per_member), strict=True)
             if v is not None]
    if len(modes) != 1:
        yield "A235", where, {"n": k + 1, "given": "、".join(modes) or "—", "modes": "、".join(MODES)}
    for mode, value in zip(MODES, (rule.per_missing, rule.per_each, rule.per_member), strict=True):
        if value is not None and not 0 < value <= points:
            yield "A210", (*where, mode), {"field": mode, "low": "0", "high": num(points), "value": num(value)}
    if rule.per_member is not None and rule.institution is not None:
        yield "A239", (*where, "每人未做扣"), {}


def record_problems(ws: Workspace, scheme: Scheme | None) -> list[Problem]:
    """Records the scheme cannot score: duty records of a kind it does not know (without a
    scheme: not built in, a warning, since the scheme may come from `--scheme FILE`), voter
    classes and options of a poll that the scheme's poll indicators do not weight."""
    found = _duty_problems(ws, scheme)
    return found + _poll_problems(ws, scheme) if scheme is not None else found


def _poll_problems(ws: Workspace, scheme: Scheme) -> list[Problem]:
    found = []
    for pid, poll in polls(ws).items():
        ts = scheme.targets.get(poll.target)
        inds = [i for i in (*(i for s in ts.standards for i in s.all), *ts.bonus) if i.kind == "民主测评"] \
            if ts else []
        if not inds:
            continue
        classes = {k for i in inds for k in i.class_weights}
        options = {k for i in inds for k in (*i.options, *i.ignored)}
        for name, ballots in poll.voters.items():
            if name not in classes:
                found.append(Problem("A303", ws.locate("poll", pid, "测评人", name, key=True), Severity.ERROR,
                                     Record("poll", pid), {"voters": name, "known": "、".join(sorted(classes))}))
                continue
            found += [Problem("A302", ws.locate("poll", pid, "测评人", name, "票数", option, key=True),
                              Severity.ERROR, Record("poll", pid),
                              {"option": option, "known": "、".join(sorted(options))})
                      for option in ballots.votes if option not in options]
    return found


def _duty_problems(ws: Workspace, scheme: Scheme | None) -> list[Problem]:
    known = scheme.duty_kinds if scheme is not None else (*DUTY_KINDS, *PERSONAL_KINDS)
    severity = Severity.ERROR if scheme is not None else Severity.WARNING
    found = []
    for lid, log in duty_logs(ws).items():
        for i, entry in enumerate(log.entries):
            if entry.kind not in known:
                found.append(Problem("A234", ws.locate("duties", lid, "记录", i, "事项"), severity,
                                     Record("duties", lid),
                                     {"kind": entry.kind, "suggest": suggest(entry.kind, known)}))
    return found


def rate_problems(path: tuple[Any, ...], ind: Indicator) -> Iterator[Found]:
    """A 比率 indicator: some way to lose points, thresholds and cuts in range."""
    if not ind.thresholds and ind.per_point is None:
        yield "A240", (*path, "类型"), {}
    for k, th in enumerate(ind.thresholds):
        where = (*path, "阈值", k)
        if not 0 < th.below <= 100:
            yield "A210", (*where, "低于"), {"field": "低于", "low": "0", "high": "100", "value": num(th.below)}
        if not 0 < th.cut <= ind.points:
            yield "A210", (*where, "扣"), {"field": "扣", "low": "0", "high": num(ind.points), "value": num(th.cut)}
    if ind.per_point is not None and not 0 < ind.per_point <= ind.points:
        yield "A210", (*path, "每降低一个百分点扣"), {"field": "每降低一个百分点扣", "low": "0",
                                                    "high": num(ind.points), "value": num(ind.per_point)}
    if ind.basis is not None and not 0 < ind.basis <= 100:
        yield "A210", (*path, "基准"), {"field": "基准", "low": "0", "high": "100", "value": num(ind.basis)}


VETO_FIELDS = {"事件标记": ("标记",), "评定": ("评定项目", "等次"), "记录": ("事项",)}


def veto_problems(scheme: Scheme, i: int, veto: Veto) -> Iterator[Found]:
    """A veto on a recorded fact names the fact: the tag, the rating and its levels, the duty."""
    given = {Veto.model_fields[f].alias for f in veto.model_fields_set}
    for key in VETO_FIELDS.get(veto.condition, ()):
        if key not in given:
            yield "A260", ("一票否决", i, "条件"), {"condition": veto.condition, "field": key}
    for cond, keys in VETO_FIELDS.items():
        for key in keys:
            if key in given and cond != veto.condition:
                yield "A261", ("一票否决", i, key), {"field": key, "owner": cond, "condition": veto.condition}
    if veto.duty is not None and veto.duty not in scheme.duty_kinds:
        yield "A230", ("一票否决", i, "事项"), {"kind": veto.duty, "suggest": suggest(veto.duty, scheme.duty_kinds)}


def class_problems(scheme: Scheme) -> Iterator[Found]:
    """Categories named by indicators must exist; per-category quota and ranking need categories."""
    known = list(scheme.classes)
    for kind, i, j, ind in _all_indicators(scheme):
        for name in ind.applies:
            if name not in known:
                yield "A270", (*_where(kind, i, j), "适用"), {"name": name, "known": "、".join(known) or "—"}
    yield from ref_problems(scheme)
    yield from compare_problems(scheme)
    if not known and scheme.rank_by_class:
        yield "A271", ("分类排名",), {"field": "分类排名"}
    if not known and scheme.quota is not None and scheme.quota.by_class:
        yield "A271", ("优秀名额", "按分类"), {"field": "按分类"}


def _all_indicators(scheme: Scheme) -> Iterator[tuple[str, str | int, tuple[Any, ...], Indicator]]:
    for kind in ("班子", "正职", "成员"):
        ts = scheme.targets.get(kind)
        for i, std in enumerate(ts.standards if ts else ()):
            for rel, _, ind in std.placed():
                yield kind, i, rel, ind
        for j, ind in enumerate(ts.bonus if ts else ()):
            yield kind, "加分项", ("加分项", j), ind


def _where(kind: str, i: str | int, rel: tuple[Any, ...]) -> tuple[Any, ...]:
    return ("对象", kind, *rel) if i == "加分项" else ("对象", kind, "标准", i, *rel)


def ref_problems(scheme: Scheme) -> Iterator[Found]:
    """A 引用 indicator is a team's and names a non-引用 indicator of the members or principals."""
    for kind, i, j, ind in _all_indicators(scheme):
        if ind.kind != "引用":
            continue
        where = _where(kind, i, j)
        if kind != "班子":
            yield "A280", (*where, "类型"), {}
            continue
        ts = scheme.targets.get("正职" if ind.source == "正职" else "成员")
        found = [x for s in (ts.standards if ts else ()) for x in s.all if x.id == ind.ref]
        if ind.ref is not None and ind.source is not None and (not found or found[0].kind == "引用"):
            yield "A281", (*where, "引用指标"), {"source": ind.source, "ref": ind.ref}


def compare_problems(scheme: Scheme) -> Iterator[Found]:
    """A 同类比较 indicator's 比较指标 names another indicator of the same kind's scheme (not a
    同类比较 one)."""
    for kind, i, j, ind in _all_indicators(scheme):
        if ind.compare is None:
            continue
        ts = scheme.targets.get(kind)
        found = [x for s in (ts.standards if ts else ()) for x in s.all if x.id == ind.compare]
        if not found or found[0].kind == "同类比较":
            yield "A246", (*_where(kind, i, j), "比较指标"), {"ref": ind.compare}
