"""Properties of the new rule types (issue 11) over random small years (Hypothesis): the
sample scheme plus per-occurrence bonus items with a cap (one counting from the second
occurrence, 达到得 + 每增加一次加), a rate bonus, deduction rules on
duty records (missing, per member) and discretionary deductions.

- every line stays within its bounds; the base within the full marks, the bonus within its
  cap, the total within full marks + cap;
- the order of units, teams, tasks and records never changes a result;
- one more duty record never lowers a total (every duty rule of this scheme is monotone).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from lzzr.assess.score import Assessment, assess
from lzzr.workspace.assessors import Discretion
from lzzr.workspace.load import Workspace
from lzzr.workspace.records import DutyLog
from lzzr.workspace.scheme import Scheme
from lzzr.workspace.scheme_check import load_scheme_file

from .helpers import SAMPLE
from .test_assess_properties import FAST, days, shuffled, year

EXTRA = (
    "      加分项:\n"
    "        - {编号: J1, 名称: 党课加分, 分值: 3, 类型: 清单, 清单: [{事项: 廉政党课, 细类: 专题党课, 每次: 1, 分值: 3}]}\n"
    "        - {编号: J2, 名称: 按期完成加分, 分值: 2, 类型: 比率, 比率: 按时完成率, 阈值: [{低于: 100, 扣: 1}],"
    " 每降低一个百分点扣: 0.05}\n"
    "        - {编号: J3, 名称: 谈话加分, 分值: 2, 类型: 清单, 清单: [{事项: 廉政党课, 次数: 2, 达到得: 1, 每增加一次加: 0.5,"
    " 分值: 2}]}\n"
    "      加分上限: 4\n"
)
RULES = (
    "              扣分项:\n"
    "                - {名称: 缺党课, 事项: 廉政党课, 应有: 2, 每缺一次扣: 1}\n"
    "                - {名称: 未督查, 事项: 调研督办, 每人未做扣: 1, 最多: 3}\n"
)


def _scheme(tmp: Path) -> Scheme:
    text = (SAMPLE / "scheme.yaml").read_text(encoding="utf-8")
    marker = "    # ───────── 班子正职"
    assert marker in text
    text = text.replace(marker, EXTRA + "\n" + marker, 1)
    e1 = "              最低: 0\n"
    text = text.replace(e1, e1 + RULES, 1)
    text = text.replace("  等次:\n    - {名称: 优秀", "  酌情扣分上限: 2\n  等次:\n    - {名称: 优秀", 1)
    path = tmp / "scheme.yaml"
    path.write_text(text, encoding="utf-8")
    scheme, problems = load_scheme_file(path)
    assert scheme is not None and not [p for p in problems if p.severity.value == "error"], problems
    ts = scheme.targets.get("班子")
    assert ts is not None and len(ts.bonus) == 3
    return scheme


SCHEME = _scheme(Path(tempfile.mkdtemp(prefix="lzzr-rules11-")))
CAP = SCHEME.targets.team.bonus_cap if SCHEME.targets.team else None


@st.composite
def rich_year(draw: Any) -> Workspace:
    """A random year with talks of two sub-types and some discretionary deductions."""
    ws: Workspace = draw(year())
    for leader, log in list(ws.collection("duties").items()):
        more = [{"事项": "廉政党课", "细类": draw(st.sampled_from(["专题党课", "其他"])), "日期": draw(days).isoformat()}
                for _ in range(draw(st.integers(0, 4)))]
        entries = [{"事项": e.kind, "日期": e.date.isoformat()} for e in log.entries] + more
        ws.collection("duties")[leader] = DutyLog.model_validate({"记录": entries})
    units = [u for u in ws.teams if u != "qw"]
    for i in range(draw(st.integers(0, 3))):
        ws.collection("discretion")[f"D{i}"] = Discretion.model_validate(
            {"对象": "班子", "单位": draw(st.sampled_from(units)), "扣分": draw(st.sampled_from(["0.5", "1", "1.5"])),
             "扣分原因": "材料不实"})
    return ws


def summary(a: Assessment) -> list[tuple[Any, ...]]:
    return [(r.target.key, tuple(line.points for line in r.lines), r.total, r.grade, r.rank,
             r.extra.bonus if r.extra else None) for r in a.results]


@FAST
@given(rich_year())
def test_scores_stay_within_bounds_with_bonus_and_deductions(ws: Workspace) -> None:
    assert CAP is not None
    for r in assess(ws, SCHEME).results:
        lines = [*r.lines, *(r.extra.bonus_lines if r.extra else ())]
        assert all(0 <= line.points <= line.max for line in lines)
        assert 0 <= r.base <= SCHEME.full
        if r.extra is not None:
            assert 0 <= r.extra.bonus <= CAP
            assert 0 <= r.extra.cut <= (SCHEME.discretion_cap or 0)
        assert 0 <= r.total <= SCHEME.full + CAP


@FAST
@given(rich_year(), st.integers(0, 10_000))
def test_order_never_changes_a_result_with_the_new_rules(ws: Workspace, seed: int) -> None:
    assert summary(assess(ws, SCHEME)) == summary(assess(shuffled(ws, seed), SCHEME))


@FAST
@given(rich_year(), st.data())
def test_one_more_duty_record_never_lowers_a_total(ws: Workspace, data: st.DataObject) -> None:
    logs = ws.collection("duties")
    leader = data.draw(st.sampled_from(sorted(logs)))
    kind = data.draw(st.sampled_from(["廉政党课", "调研督办", "部署分解"]))
    sub = data.draw(st.sampled_from([None, "专题党课"]))
    before = {r.target.key: r.total for r in assess(ws, SCHEME).results}
    entries = [{"事项": e.kind, **({"细类": e.sub} if e.sub else {}), "日期": e.date.isoformat()}
               for e in logs[leader].entries]
    entries.append({"事项": kind, **({"细类": sub} if sub else {}), "日期": data.draw(days).isoformat()})
    logs[leader] = DutyLog.model_validate({"记录": entries})
    after = {r.target.key: r.total for r in assess(ws, SCHEME).results}
    assert all(after[k] >= before[k] for k in before)
