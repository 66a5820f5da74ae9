"""Properties of the assessment over random small years (Hypothesis).

- every indicator, standard and total stays within its bounds;
- the order of units, teams, tasks and records never changes a result;
- completing one more task (or finishing a late one on time) never lowers a score;
- a veto always caps the grade;
- the top-grade quota is never exceeded.

Workspaces are built in memory (no files), so each example takes milliseconds.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lzzr.assess.score import Assessment, assess
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import DUTY_KINDS, Config, Leader, Task, Team, Unit
from lzzr.workspace.records import OUTCOMES, DutyLog, Event, Institutions, Poll, Progress, Rating
from lzzr.workspace.scheme import Scheme
from lzzr.workspace.scheme_check import load_scheme_file

from .helpers import SAMPLE

_SCHEME, _ = load_scheme_file(SAMPLE / "scheme.yaml")
assert _SCHEME is not None
SCHEME: Scheme = _SCHEME
YEAR = 2026
FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

days = st.integers(0, 364).map(lambda n: dt.date(YEAR, 1, 1) + dt.timedelta(days=n))
LEVELS = ("好", "较好", "一般", "差")
OPTIONS = ("满意", "基本满意", "不满意", "不了解")
CLASSES = ("班子成员", "中层干部", "群众代表")
INSTITUTIONS = ("定期报告", "检查考核", "谈话诫勉", "述职述廉")


@st.composite
def ballots(draw: Any) -> dict[str, Any]:
    issued = draw(st.integers(0, 30))
    returned = draw(st.integers(0, issued))
    votes: dict[str, int] = {}
    left = returned
    for option in OPTIONS:
        n = draw(st.integers(0, left))
        if n:
            votes[option] = n
        left -= n
    return {"发放": issued, "收回": returned, "票数": votes}


@st.composite
def progress(draw: Any, deadline: dt.date) -> dict[str, Any] | None:
    kind = draw(st.sampled_from(["none", "ontime", "late", "open", "open_pct"]))
    if kind == "none":
        return None
    if kind == "ontime":
        return {"状态": "已完成", "完成日期": draw(st.sampled_from([deadline, dt.date(YEAR, 1, 1)])).isoformat()}
    if kind == "late":
        return {"状态": "已完成", "完成日期": dt.date(YEAR, 12, 31).isoformat()}
    if kind == "open_pct":
        return {"状态": "未完成", "完成比例": draw(st.integers(0, 100))}
    return {"状态": draw(st.sampled_from(["未完成", "进行中"])), "实际": {"次数": draw(st.integers(0, 5))}}


@st.composite
def year(draw: Any) -> Workspace:
    """A county with 1–5 lower units (one principal each) and a party committee of 1–3 members."""
    n_units = draw(st.integers(1, 5))
    units = [f"u{i}" for i in range(n_units)]
    n_members = draw(st.integers(1, 3))
    members = [f"m{i}" for i in range(n_members)]
    ws = Workspace(Path("."))
    ws.config = Config.model_validate({"机关": "中共示例旗委员会", "地区": "示例旗", "年度": YEAR, "文号前缀": "示党发"})
    ws.units["qw"] = Unit.model_validate({"名称": "旗委", "类别": "党委"})
    ws.leaders["top"] = Leader.model_validate("书记")
    charge: dict[str, list[str]] = {m: [] for m in members}
    for uid in units:
        charge[draw(st.sampled_from(members))].append(uid)
    posts = [{"领导": "top", "职务": "书记", "角色": "正职"}]
    posts += [{"领导": m, "职务": "常委", "分管": charge[m]} for m in members]
    ws.teams["qw"] = Team.model_validate({"成员": posts})
    for m in members:
        ws.leaders[m] = Leader.model_validate(f"成员{m}")
    for uid in units:
        ws.units[uid] = Unit.model_validate({"名称": f"单位{uid}", "类别": "苏木镇", "上级": "qw"})
        ws.leaders[f"p{uid}"] = Leader.model_validate(f"正职{uid}")
        ws.teams[uid] = Team.model_validate({"成员": [{"领导": f"p{uid}", "职务": "书记", "角色": "正职"}]})
    add_tasks(draw, ws, units)
    add_records(draw, ws, units, members)
    return ws


def add_tasks(draw: Any, ws: Workspace, units: list[str]) -> None:
    for i in range(draw(st.integers(0, 10))):
        deadline = draw(days)
        task: dict[str, Any] = {"名称": f"任务{i}", "牵头部门": draw(st.sampled_from(units)),
                                "完成时限": deadline.isoformat(), "类别": draw(st.sampled_from(["监督", "教育"]))}
        if draw(st.booleans()):
            task["量化指标"] = [{"指标": "次数", "目标": draw(st.integers(1, 4))}]
        ws.tasks[f"T{i}"] = Task.model_validate(task)
        rec = draw(progress(deadline))
        if rec is not None:
            ws.collection("progress")[f"T{i}"] = Progress.model_validate(rec)


def add_records(draw: Any, ws: Workspace, units: list[str], members: list[str]) -> None:
    leaders = [f"p{u}" for u in units] + members
    for leader in leaders:
        kinds = draw(st.lists(st.sampled_from(DUTY_KINDS), max_size=6))
        entries = [{"事项": k, "日期": draw(days).isoformat()} for k in kinds]
        ws.collection("duties")[leader] = DutyLog.model_validate({"记录": entries})
    for uid in units:
        chosen = draw(st.lists(st.sampled_from(INSTITUTIONS), max_size=4, unique=True))
        ws.collection("institutions")[uid] = Institutions.model_validate(
            {"制度": [{"类别": k, "名称": f"《{k}制度》"} for k in chosen]})
    targets = [("班子", {"单位": u}) for u in units] + [("正职", {"单位": u}) for u in units]
    targets += [("成员", {"领导": m}) for m in members]
    for i, (kind, ref) in enumerate(targets):
        if draw(st.integers(0, 4)):
            voters = {c: draw(ballots()) for c in draw(st.lists(st.sampled_from(CLASSES), min_size=1, unique=True))}
            ws.collection("poll")[f"MC{i}"] = Poll.model_validate({"对象": kind, **ref, "测评人": voters})
    for topic in ("工作机制", "融入业务"):
        sheet = {"项目": topic,
                 "班子": {u: draw(st.sampled_from(LEVELS)) for u in units if draw(st.booleans())},
                 "正职": {f"p{u}": draw(st.sampled_from(LEVELS)) for u in units},
                 "成员": {m: draw(st.sampled_from(LEVELS)) for m in members}}
        ws.collection("rating")[f"PD-{topic}"] = Rating.model_validate(sheet)
    for i in range(draw(st.integers(0, 3))):
        sanctions = [{"领导": draw(st.sampled_from(leaders)), "方式": draw(st.sampled_from(OUTCOMES))}
                     for _ in range(draw(st.integers(0, 2)))]
        ws.collection("event")[f"W{i}"] = Event.model_validate(
            {"日期": draw(days).isoformat(), "单位": draw(st.sampled_from(units)), "事由": "事件",
             "重大案件": draw(st.booleans()), "上级通报": draw(st.booleans()), "处理": sanctions})


def summary(a: Assessment) -> list[tuple[Any, ...]]:
    return [(r.target.key, tuple(line.points for line in r.lines), r.total, r.grade, r.rank,
             tuple(v.id for v in r.vetoes)) for r in a.results]


def scheme_with(percent: int) -> Scheme:
    assert SCHEME.quota is not None
    return SCHEME.model_copy(update={"quota": SCHEME.quota.model_copy(update={"percent": Decimal(percent)})})


@FAST
@given(year(), st.integers(0, 100))
def test_scores_stay_within_bounds(ws: Workspace, percent: int) -> None:
    a = assess(ws, scheme_with(percent))
    for r in a.results:
        for std in r.standards:
            assert 0 <= std.points <= std.share_max
            for line in std.lines:
                assert 0 <= line.points <= line.max
        assert 0 <= r.total <= SCHEME.full
        assert 1 <= r.rank <= r.of


def shuffled(ws: Workspace, seed: int) -> Workspace:
    rnd = random.Random(seed)

    def mix(table: dict[str, Any]) -> dict[str, Any]:
        items = list(table.items())
        rnd.shuffle(items)
        return dict(items)

    other = Workspace(ws.root, config=ws.config)
    for name in ("units", "leaders", "teams", "tasks"):
        setattr(other, name, mix(getattr(ws, name)))
    other.extra = {kind: mix(table) for kind, table in mix(ws.extra).items()}
    return other


@FAST
@given(year(), st.integers(0, 10_000))
def test_order_of_units_and_records_never_changes_a_result(ws: Workspace, seed: int) -> None:
    assert summary(assess(ws, SCHEME)) == summary(assess(shuffled(ws, seed), SCHEME))


@FAST
@given(year(), st.data())
def test_completing_one_more_task_never_lowers_a_score(ws: Workspace, data: st.DataObject) -> None:
    open_tasks = [tid for tid, task in ws.tasks.items()
                  if not _on_time(ws.collection("progress").get(tid), task)]
    if not open_tasks:
        return
    tid = data.draw(st.sampled_from(sorted(open_tasks)))
    before = assess(ws, SCHEME)
    deadline = ws.tasks[tid].deadline or dt.date(YEAR, 12, 31)
    done = Progress.model_validate({"状态": "已完成",
                                    "完成日期": deadline.isoformat()})
    ws.collection("progress")[tid] = done
    after = assess(ws, SCHEME)
    for old, new in zip(before.results, sorted(after.results, key=lambda r: _order(before, r)), strict=True):
        assert old.target.key == new.target.key
        assert new.total >= old.total
        for a, b in zip(old.lines, new.lines, strict=True):
            assert b.points >= a.points, (a.id, a.points, b.points)


def _order(a: Assessment, r: Any) -> int:
    return [x.target.key for x in a.results].index(r.target.key)


def _on_time(rec: Progress | None, task: Task) -> bool:
    return (rec is not None and rec.status == "已完成" and rec.done is not None
            and (task.deadline is None or rec.done <= task.deadline))


@FAST
@given(year(), st.integers(0, 100))
def test_a_veto_always_caps_the_grade(ws: Workspace, percent: int) -> None:
    scheme = scheme_with(percent)
    for r in assess(ws, scheme).results:
        for veto in r.vetoes:
            assert scheme.band_rank(r.grade) >= scheme.band_rank(veto.cap)


@FAST
@given(year(), st.integers(0, 100))
def test_the_quota_is_never_exceeded(ws: Workspace, percent: int) -> None:
    scheme = scheme_with(percent)
    a = assess(ws, scheme)
    for kind in a.kinds():
        mine = a.by_kind(kind)
        assert sum(1 for r in mine if r.grade == scheme.top) <= len(mine) * percent // 100


def _result(i: int, total: int, poll: int) -> Any:
    from lzzr.assess.facts import Line
    from lzzr.assess.score import Result, StandardResult
    from lzzr.assessees import Assessee

    lines = (Line("A", "a", "任务完成", Decimal(90), Decimal(total - poll), "", "", ""),
             Line("B", "b", "民主测评", Decimal(10), Decimal(poll), "", "", ""))
    std = StandardResult("s", Decimal(100), None, Decimal(total), Decimal(total), lines)
    target = Assessee(f"team:u{i}", "班子", f"u{i}", None, f"u{i}", f"u{i}", (f"u{i}",),
                    dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    return Result(target, (std,), Decimal(total), (), "优秀", "优秀", ())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(90, 93), st.integers(8, 9)), min_size=1, max_size=12), st.integers(0, 100))
def test_the_quota_is_never_exceeded_even_with_many_ties(scores: list[tuple[int, int]], percent: int) -> None:
    from lzzr.assess.score import apply_quota

    results, _ = apply_quota(scheme_with(percent), [_result(i, t, p) for i, (t, p) in enumerate(scores)])
    kept = [r for r in results if r.grade == "优秀"]
    assert len(kept) <= len(scores) * percent // 100
    # whoever keeps the grade is at least as good as whoever loses it
    lost = [r for r in results if r.grade != "优秀"]
    for k in kept:
        for x in lost:
            assert (k.total, k.kind_points("民主测评")) > (x.total, x.kind_points("民主测评"))
