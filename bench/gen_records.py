"""The year-end assessment records of a generated workspace: a democratic poll (民主测评) of every
assessed target and the assessors' rating sheets (考核评定), shaped like sample-data/polls.yaml
and sample-data/ratings.yaml.

Who is assessed follows lzzr/assessees.py: the team of every unit directly under 市委 or 市政府
(市政府 itself excepted), the principal of each, and the other members of those two teams.
What is written follows the scheme the workspace uses (its 民主测评 indicators' voter classes and
options, its 评定 indicators' items and grades), so that every poll and rating indicator scores.
Ballots: 班子成员 as many as the team has members, 中层干部 12–28, 群众代表 20–36; nearly all
returned (every poll above the scheme's quorum); votes mostly 满意, a few 不了解. Grades mostly
好 or 较好, some 一般, a rare 差.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gen_facts
from ruamel.yaml import YAML

YEAR = 2026
MID = dt.date(YEAR, 6, 30)
RATER = "示例市委党风廉政建设责任制考核组"


@dataclass
class Needs:
    """What the scheme scores from polls and rating sheets."""

    poll_kinds: set[str] = field(default_factory=set)
    classes: list[str] = field(default_factory=list)  # voter classes (类别权重), in the scheme's order
    options: list[str] = field(default_factory=list)  # counted options, best first
    ignored: list[str] = field(default_factory=list)  # 不计 (不了解)
    topics: dict[str, set[str]] = field(default_factory=dict)  # 评定项目 → the kinds rated on it
    grades: list[str] = field(default_factory=list)  # 等次, best first


@dataclass(frozen=True)
class Target:
    kind: str  # 班子, 正职, 成员
    unit: str | None
    leader: str | None
    label: str
    voters: int  # 班子成员 who vote: the members of the team the target belongs to
    last: dt.date  # the last day the target is in post
    first: dt.date = dt.date(YEAR, 1, 1)  # the first


def scheme_needs(path: Path) -> Needs:
    """Read the poll and rating indicators of the scheme at `path` (a 考核方案 section)."""
    scheme = YAML(typ="safe").load(path.read_text(encoding="utf-8"))["考核方案"]
    needs = Needs()
    for kind, spec in scheme["对象"].items():
        for standard in spec["标准"]:
            for ind in standard["指标"]:
                _note(needs, kind, ind)
    return needs


def _note(needs: Needs, kind: str, ind: dict[str, Any]) -> None:
    if ind["类型"] == "民主测评":
        needs.poll_kinds.add(kind)
        needs.classes = needs.classes or list(ind["类别权重"])
        needs.options = needs.options or list(ind["选项"])
        needs.ignored = needs.ignored or list(ind.get("不计", ()))
    elif ind["类型"] == "评定":
        needs.topics.setdefault(ind.get("评定项目") or ind["名称"], set()).add(kind)
        needs.grades = needs.grades or list(ind["等次"])


def targets(w: Any) -> list[Target]:
    """Everyone the workspace's plan assesses, teams first, then principals, then members
    (`w` is generate.World)."""
    top = ["sw", *(c for c in w.units["sw"].children if w.units[c].kind == "政府" and w.units[c].team)]
    units = [u for t in top for u in w.units[t].children if w.units[u].team and u not in top]
    end = dt.date(YEAR, 12, 31)
    found = [Target("班子", u, None, f"{w.units[u].short}领导班子", len(w.teams[u]), end) for u in units]
    found += [Target("正职", u, w.head[u], w.leaders[w.head[u]], len(w.teams[u]), end) for u in units]
    posts: dict[str, list[Any]] = {}
    for t in top:
        for post in w.teams[t]:
            if not post.principal:
                posts.setdefault(post.leader, []).append(post)
    voters = len({p.leader for t in top for p in w.teams[t]})
    for leader in sorted(posts):
        last = max(p.end or end for p in posts[leader])
        first = min(p.start or dt.date(YEAR, 1, 1) for p in posts[leader])
        found.append(Target("成员", None, leader, w.leaders[leader], voters, last, first))
    return found


def polls_text(rng: random.Random, needs: Needs, found: list[Target]) -> str:
    """The 民主测评 section: one poll per target of a kind the scheme polls."""
    out = []
    for n, t in enumerate(x for x in found if x.kind in needs.poll_kinds):
        pid = {"班子": f"MC-{t.unit}", "正职": f"MC-{t.unit}-zz", "成员": f"MC-{t.leader}"}[t.kind]
        who = f"单位: {t.unit}" if t.kind == "班子" else f"单位: {t.unit}\n    领导: {t.leader}" \
            if t.kind == "正职" else f"领导: {t.leader}"
        day = dt.date(YEAR, 12, 10 + n % 12) if t.kind != "成员" else min(dt.date(YEAR, 12, 29), t.last - dt.timedelta(days=4))
        lines = [f"  {pid}:  # {t.label}", f"    对象: {t.kind}", f"    {who}", f"    日期: {day.isoformat()}", "    测评人:"]
        content = rng.uniform(0.55, 0.92)  # the share of 满意 this target earns
        for i, name in enumerate(needs.classes):
            issued = t.voters if i == 0 else rng.randint(12, 28) if i == 1 else rng.randint(20, 36)
            lines.append(f"      {name}: {ballots(rng, needs, issued, content)}")
        out.append("\n".join(lines))
    return "民主测评:\n" + "\n".join(out) + "\n"


def ballots(rng: random.Random, needs: Needs, issued: int, content: float) -> str:
    returned = max(0, issued - rng.choice((0, 0, 0, 1, 1, 2)))
    rest = 1 - content
    weights = [content, rest * 0.75, rest * 0.2][: len(needs.options)]
    weights += [rest * 0.05 / max(1, len(needs.options) - 3)] * (len(needs.options) - len(weights))
    weights += [rng.choice((0.0, 0.0, 0.03, 0.06))] * len(needs.ignored)
    choices = [*needs.options, *needs.ignored]
    drawn = rng.choices(choices, weights, k=returned)
    votes = ", ".join(f"{o}: {drawn.count(o)}" for o in choices if drawn.count(o))
    return f"{{发放: {issued}, 收回: {returned}, 票数: {{{votes}}}}}"


def ratings_text(rng: random.Random, needs: Needs, found: list[Target]) -> str:
    """The 考核评定 section: one sheet per 评定项目, a grade for every target of the kinds rated on it."""
    spread = [0.32, 0.43, 0.22, 0.03][: len(needs.grades)]
    spread += [0.03] * (len(needs.grades) - len(spread))
    sheets = []
    for n, (topic, kinds) in enumerate(needs.topics.items(), 1):
        lines = [f"  PD-{n:02d}:", f"    项目: {topic}", f"    评定人: {RATER}", f"    日期: {YEAR}-12-28"]
        for kind in ("班子", "正职", "成员"):
            rated = [t for t in found if t.kind == kind] if kind in kinds else []
            if rated:
                lines.append(f"    {kind}:")
                lines += [f"      {t.unit if kind == '班子' else t.leader}: {rng.choices(needs.grades, spread)[0]}"
                          for t in rated]
        sheets.append("\n".join(lines))
    return "考核评定:\n" + "\n".join(sheets) + "\n"


def write_records(w: Any, scheme: Path, out: Path) -> None:
    """Write polls.yaml and ratings.yaml of the world `w` into `out`, for the scheme at `scheme`,
    and the duty logs, rules in force and incidents (bench/gen_facts.py)."""
    needs = scheme_needs(scheme)
    found = targets(w)
    head = "# 生成的年终考核记录（bench/gen_records.py）：示例市，人名均为虚构。\n"
    (out / "polls.yaml").write_text(head + polls_text(w.rng, needs, found), encoding="utf-8")
    (out / "ratings.yaml").write_text(head + ratings_text(w.rng, needs, found), encoding="utf-8")
    gen_facts.write_facts(w, scheme, found, out)
