"""Generate a workspace shaped like a real city (or province): the input of `make bench`.

    .venv/bin/python bench/generate.py OUT [--units 2000] [--tasks 10000] [--teams-per-unit 1.0]
        [--members 3] [--subtasks 3] [--seed 2026]

Shape (the defaults resemble a 市 of 2,000 units): 市委 at the root; 市政府, 市纪委监委 and the
市委 departments under it; the government's departments under 市政府; counties (区/县/旗), each
with its own party committee, government, 纪委监委, departments, towns and villages. Every
unit with units below it has a team whose members divide those units among themselves, 3–8
each (a few posts change hands on July 1); a leaf unit has a team with the given
`--teams-per-unit` probability, with a principal and about `--members` deputies. Tasks come
in trees: a top-level task led by a unit under 市委, with 2 to `--subtasks` levels of
sub-tasks led by the same unit or one below it, some fields inherited. Texts are Chinese of
varied length; about 3% of tasks copy their upper-level text (P4.5 warns on those). Records
of the year: progress of every leaf task, a democratic poll of every assessed target and the
assessors' rating sheets (bench/gen_records.py), so that every poll and rating indicator of
the scheme scores; the duty logs, rules in force and incidents (bench/gen_facts.py) that its
清单 and 扣分 indicators read.

Deterministic for a seed and valid: `lzzr check OUT` reports 0 errors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_records
import gen_text as tx

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2026
MID = dt.date(YEAR, 6, 30)


@dataclass
class Unit:
    id: str
    name: str
    short: str
    kind: str
    parent: str | None
    county: str | None = None
    children: list[str] = field(default_factory=list)
    team: bool = False


@dataclass
class Post:
    leader: str
    title: str
    principal: bool = False
    charge: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None

    def active(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class World:
    rng: random.Random
    units: dict[str, Unit] = field(default_factory=dict)
    leaders: dict[str, str] = field(default_factory=dict)
    teams: dict[str, list[Post]] = field(default_factory=dict)
    head: dict[str, str] = field(default_factory=dict)  # unit → its principal's leader id

    def add_unit(self, uid: str, name: str, short: str, kind: str, parent: str | None,
                 county: str | None = None) -> Unit:
        unit = Unit(uid, name, short, kind, parent, county)
        self.units[uid] = unit
        if parent:
            self.units[parent].children.append(uid)
        return unit

    def new_leader(self) -> str:
        lid = f"L{len(self.leaders) + 1:05d}"
        self.leaders[lid] = tx.person(self.rng)
        return lid


# ── units ────────────────────────────────────────────────────────────────────────────

def build_units(w: World, total: int) -> None:
    w.add_unit("sw", "中共示例市委员会", "市委", "党委", None)
    w.add_unit("szf", "示例市人民政府", "市政府", "政府", "sw")
    w.add_unit("sjw", "中共示例市纪律检查委员会、示例市监察委员会", "市纪委监委", "纪委监委", "sw")
    counties = max(1, total // 200)
    city_budget = min(len(tx.PARTY_DEPTS) + len(tx.GOV_DEPTS), max(4, total // 40))
    n_party = max(1, city_budget // 4)
    for i, (name, short) in enumerate(tx.PARTY_DEPTS[:n_party], 1):
        w.add_unit(f"p{i:02d}", f"中共示例市委员会{name}", f"市{short}", "部门", "sw")
    for i, (name, short) in enumerate(tx.GOV_DEPTS[: city_budget - n_party], 1):
        w.add_unit(f"g{i:02d}", f"示例市{name}", f"市{short}", "部门", "szf")
    left = total - len(w.units)
    for c in range(counties):
        budget = left // (counties - c)
        left -= budget
        build_county(w, c + 1, budget)


def build_county(w: World, n: int, budget: int) -> None:
    place = tx.PLACES[(n - 1) % len(tx.PLACES)] + ("" if n <= len(tx.PLACES) else str(n))
    suffix = tx.COUNTY_SUFFIX[n % len(tx.COUNTY_SUFFIX)]
    cid = f"c{n:02d}"
    w.add_unit(cid, f"中共示例市{place}{suffix}委员会", f"{place}{suffix}委", "党委", "sw", cid)
    w.add_unit(f"{cid}zf", f"示例市{place}{suffix}人民政府", f"{place}{suffix}政府", "政府", cid, cid)
    w.add_unit(f"{cid}jw", f"中共{place}{suffix}纪律检查委员会、{place}{suffix}监察委员会", f"{place}{suffix}纪委监委",
               "纪委监委", cid, cid)
    rest = max(0, budget - 3)
    n_party = min(len(tx.PARTY_DEPTS), max(1, rest * 4 // 100))
    n_gov = min(len(tx.GOV_DEPTS), max(1, rest * 13 // 100))
    n_town = max(1, rest * 6 // 100)
    for i, (name, short) in enumerate(tx.PARTY_DEPTS[:n_party], 1):
        w.add_unit(f"{cid}p{i:02d}", f"中共{place}{suffix}委员会{name}", f"{place}{suffix}{short}", "部门", cid, cid)
    for i, (name, short) in enumerate(tx.GOV_DEPTS[:n_gov], 1):
        w.add_unit(f"{cid}g{i:02d}", f"{place}{suffix}{name}", f"{place}{suffix}{short}", "部门", f"{cid}zf", cid)
    towns = []
    for i in range(1, n_town + 1):
        tail, kind = tx.TOWN_SUFFIX[(n + i) % len(tx.TOWN_SUFFIX)]
        tname = tx.PLACES[(n * 7 + i) % len(tx.PLACES)] + tail
        towns.append(w.add_unit(f"{cid}t{i:02d}", f"{place}{suffix}{tname}", tname, kind, cid, cid).id)
    villages = max(0, budget - 3 - n_party - n_gov - n_town)
    for i in range(villages):
        town = towns[i % len(towns)]
        k = i // len(towns) + 1
        vname = tx.PLACES[(i * 5 + n) % len(tx.PLACES)] + tx.VILLAGE_SUFFIX[i % len(tx.VILLAGE_SUFFIX)]
        w.add_unit(f"{town}v{k:02d}", f"{w.units[town].short}{vname}党组织", vname, "其他", town, cid)


# ── teams ────────────────────────────────────────────────────────────────────────────

HEAD = {"党委": "书记", "政府": "长", "纪委监委": "书记", "部门": "主要负责人", "乡镇": "党委书记", "苏木镇": "党委书记",
        "街道": "党工委书记", "其他": "党组织书记"}


def build_teams(w: World, leaf_team: float, members: int) -> None:
    for unit in w.units.values():
        unit.team = bool(unit.children) or unit.kind in ("党委", "政府", "纪委监委") or w.rng.random() < leaf_team
        if unit.team:
            w.head[unit.id] = w.new_leader()
    for unit in w.units.values():
        if unit.team:
            w.teams[unit.id] = team_posts(w, unit, members)


def team_posts(w: World, unit: Unit, members: int) -> list[Post]:
    posts = [Post(w.head[unit.id], unit.short + HEAD[unit.kind], principal=True)]
    if not unit.children:
        deputies = w.rng.randint(max(0, members - 1), members + 1)
        return posts + [Post(w.new_leader(), unit.short + "副职") for _ in range(deputies)]
    kids = sorted(unit.children, key=lambda c: (w.units[c].kind not in ("政府", "纪委监委"), w.rng.random()))
    groups = max(1, round(len(kids) / w.rng.uniform(3.5, 7.0)))
    for g in range(groups):
        mine = kids[g::groups]
        share = tuple(sorted(mine))
        first = w.units[mine[0]]
        reuse = g < 2 and first.kind in ("政府", "纪委监委")
        holder = w.head[first.id] if reuse else w.new_leader()
        title = f"{unit.short}{'副书记' if reuse and first.kind == '政府' else '委员'}"
        if reuse or w.rng.random() > 0.04:
            posts.append(Post(holder, title, charge=share))
            continue
        posts.append(Post(holder, title, charge=share, end=MID))  # the post changes hands on July 1
        posts.append(Post(w.new_leader(), title, charge=share, start=MID + dt.timedelta(days=1)))
    return posts


def in_charge(w: World, uid: str, day: dt.date) -> str:
    """Who answers for a task led by `uid` due on `day`: the member in charge of it, or the
    principal of the root."""
    parent = w.units[uid].parent
    if parent is None:
        return w.head[uid]
    return next(p.leader for p in w.teams[parent] if uid in p.charge and p.active(day))


def supervisor(w: World, uid: str) -> str:
    """The 纪委监委 above the lead unit; the party office when the lead unit is that 纪委监委."""
    county = w.units[uid].county
    jw, office = (f"{county}jw", f"{county}p01") if county and uid != county else ("sjw", "p01")
    return office if uid == jw else jw


# ── tasks ────────────────────────────────────────────────────────────────────────────

@dataclass
class Eff:
    """What a task has in effect (its own value or the inherited one)."""

    lead: str
    leader: str
    deadline: dt.date
    supervisor: str
    obj: str


@dataclass
class Tasks:
    w: World
    total: int
    depth: int
    sources: list[tuple[str, str, str]]  # (id, category, text)
    blocks: list[list[str]] = field(default_factory=list)  # one list of YAML blocks per tree
    leaves: list[tuple[str, Eff, list[tuple[str, int]]]] = field(default_factory=list)
    count: int = 0

    def day(self, lo: dt.date, hi: dt.date) -> dt.date:
        return lo + dt.timedelta(days=self.w.rng.randint(0, max(0, (hi - lo).days)))


def build_tasks(w: World, total: int, depth: int, n_sources: int) -> Tasks:
    rng = w.rng
    sources = []
    for i in range(1, n_sources + 1):
        sources.append((f"S{i:03d}", rng.choice(tx.AREAS), tx.upper_text(rng)))
    ts = Tasks(w, total, depth, sources)
    for lead, leader, lo, hi in coverage(w):  # every member of 市委 and 市政府 answers for a task (P2.2)
        if ts.count < total:
            top_task(ts, lead, ts.day(lo, hi), leader)
    tops = [u for u in ("sw", *w.units["sw"].children, *w.units["szf"].children) if w.units[u].team]
    while ts.count < total:
        lead = rng.choice(tops)
        top_task(ts, lead, ts.day(dt.date(YEAR, 5, 31), dt.date(YEAR, 12, 31)), None)
    return ts


def coverage(w: World) -> list[tuple[str, str, dt.date, dt.date]]:
    found = []
    for team in ("sw", "szf"):
        for post in w.teams[team]:
            if not post.principal and post.charge:
                lo = post.start or dt.date(YEAR, 5, 31)
                hi = post.end or dt.date(YEAR, 12, 31)
                found.append((post.charge[0], post.leader, max(lo, dt.date(YEAR, 3, 31)), hi))
    return found


def top_task(ts: Tasks, lead: str, deadline: dt.date, leader: str | None) -> None:
    w, rng = ts.w, ts.w.rng
    n = len(ts.blocks) + 1
    tid = f"T{n:04d}"
    src = [ts.sources[(n - 1) % len(ts.sources)]] if n <= len(ts.sources) else [rng.choice(ts.sources)]
    if rng.random() < 0.2:
        src.append(rng.choice(ts.sources))
    src = list(dict.fromkeys(src))
    obj = rng.choice(tx.OBJECTS)
    unit = w.units[lead]
    eff = Eff(lead, leader or in_charge(w, lead, deadline), deadline, supervisor(w, lead), obj)
    lines = [f"  {tid}:", f"    名称: {q(tx.task_name(rng, obj))}"]
    ids = [s[0] for s in src]
    lines.append(f"    来源: {ids[0] if len(ids) == 1 else flow(ids)}")
    lines.append(f"    类别: {q(src[0][1])}")
    content = tx.copied(rng, src[0][2]) if rng.random() < 0.03 else tx.task_content(rng, unit.short, obj)
    lines.append(f"    内容: {q(content)}")
    lines.append(f"    牵头部门: {lead}")
    co = co_units(w, lead)
    if co:
        lines.append(f"    协办单位: {flow(co)}")
    lines.append(f"    总负责人: {eff.leader}")
    lines += body(ts, eff, unit)
    lines.append(f"    完成时限: {deadline.isoformat()}")
    lines.append(f"    保障措施: {flow(rng.sample(tx.SAFEGUARDS, rng.randint(2, 3)))}")
    lines.append(f"    监督主体: {eff.supervisor}")
    ts.blocks.append(["\n".join(lines)])
    ts.count += 1
    levels = rng.randint(min(2, ts.depth), ts.depth)
    kids = sub_tasks(ts, tid, eff, levels)
    if not kids:
        ts.leaves.append((tid, eff, targets_of(lines)))


def sub_tasks(ts: Tasks, parent: str, peff: Eff, levels: int) -> int:
    rng = ts.w.rng
    made = 0
    if levels <= 0:
        return 0
    for k in range(1, rng.randint(2, 3) + 1):
        if ts.count >= ts.total:
            break
        sub_task(ts, f"{parent}.{k}", parent, peff, levels)
        made += 1
    return made


def sub_task(ts: Tasks, tid: str, parent: str, peff: Eff, levels: int) -> None:
    w, rng = ts.w, ts.w.rng
    below = [c for c in w.units[peff.lead].children if w.units[c].team]
    lead = rng.choice(below) if below and rng.random() < 0.7 else peff.lead
    deadline = ts.day(dt.date(YEAR, 3, 1), peff.deadline) if rng.random() < 0.6 else peff.deadline
    leader = in_charge(w, lead, deadline)
    sup = supervisor(w, lead) if peff.supervisor == lead or (lead != peff.lead and rng.random() < 0.5) \
        else peff.supervisor
    eff = Eff(lead, leader, deadline, sup, peff.obj)
    lines = [f"  {tid}:", f"    名称: {q(tx.sub_name(rng, peff.obj))}", f"    所属任务: {parent}"]
    if rng.random() < 0.5:
        lines.append(f"    内容: {q(tx.task_content(rng, w.units[lead].short, peff.obj))}")
    if lead != peff.lead:
        lines.append(f"    牵头部门: {lead}")
    if leader != peff.leader:
        lines.append(f"    总负责人: {leader}")
    lines += body(ts, eff, w.units[lead])
    if deadline != peff.deadline:
        lines.append(f"    完成时限: {deadline.isoformat()}")
    if rng.random() < 0.2:
        lines.append(f"    保障措施: {flow(rng.sample(tx.SAFEGUARDS, 2))}")
    if sup != peff.supervisor:
        lines.append(f"    监督主体: {sup}")
    ts.blocks[-1].append("\n".join(lines))
    ts.count += 1
    if not sub_tasks(ts, tid, eff, levels - 1):
        ts.leaves.append((tid, eff, targets_of(lines)))


def body(ts: Tasks, eff: Eff, unit: Unit) -> list[str]:
    """具体负责人, 工作标准, 量化指标 and 成果: written on every task."""
    rng = ts.w.rng
    lines = [f"    具体负责人: {{姓名: {tx.person(rng)}, 职务: {q(unit.short + rng.choice(tx.DUTY_TITLES))}}}",
             f"    工作标准: {q(tx.standard(rng, eff.obj))}"]
    if rng.random() < 0.5:
        lines.append("    量化指标:")
        for metric in rng.sample(("专项检查", "问题整改率", "覆盖率", "培训人次", "谈话人数", "抽查单位"), rng.randint(1, 3)):
            value, measure = (100, '"%"') if metric.endswith("率") else (rng.randint(2, 40), MEASURE[metric[-1]])
            lines.append(f"      - {{指标: {metric}, 目标: {value}, 单位: {measure}}}")
    if rng.random() < 0.1:
        lines.append(f"    成果: 《{eff.obj[:10]}工作报告》")
    return lines


MEASURE = {"查": "次", "次": "人次", "数": "人", "位": "个"}


def targets_of(lines: list[str]) -> list[tuple[str, int]]:
    return [(m.group(1), int(m.group(2))) for line in lines
            for m in [re.search(r"\{指标: (\S+), 目标: (\d+)", line)] if m]


def co_units(w: World, lead: str) -> list[str]:
    parent = w.units[lead].parent or lead
    pool = [c for c in w.units[parent].children if c != lead and w.units[c].team]
    if not pool or w.rng.random() > 0.4:
        return []
    return sorted(w.rng.sample(pool, min(len(pool), w.rng.randint(1, 2))))


# ── YAML text ───────────────────────────────────────────────────────────────────────

_PLAIN = re.compile(r"[^\s:#,\[\]{}\"'&*!|>%@`?-][^:#,\[\]{}\"'&*!|>%@`]*\Z")


def q(text: str) -> str:
    """A scalar as plain YAML when that reads back as the same text, else double-quoted."""
    if _PLAIN.match(text) and not text[0].isdigit() and text.strip() == text:
        return text
    return json.dumps(text, ensure_ascii=False)


def flow(items: list[str]) -> str:
    return "[" + ", ".join(q(i) for i in items) + "]"


def write(path: Path, header: str, body: str) -> None:
    path.write_text(header + body + ("\n" if body and not body.endswith("\n") else ""), encoding="utf-8")


def write_workspace(w: World, ts: Tasks, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write(out / "lzzr.yaml", "# 生成的工作区（bench/generate.py）：示例市，单位、人名均为虚构。\n", CONFIG)
    units = "".join(f"  {u.id}: {{名称: {q(u.name)}, 简称: {q(u.short)}, 类别: {u.kind}"
                    + (f", 上级: {u.parent}" if u.parent else "") + "}\n" for u in w.units.values())
    write(out / "units.yaml", "单位:\n", units)
    write(out / "leaders.yaml", "领导:\n", "".join(f"  {lid}: {name}\n" for lid, name in w.leaders.items()))
    write(out / "teams.yaml", "班子:\n", "".join(team_text(uid, posts) for uid, posts in w.teams.items()))
    upper = "".join(f"  {sid}: {{文件: sw{i % 3 + 1}, 条目: \"{i + 1}\", 类别: {cat}, 原文: {q(text)}}}\n"
                    for i, (sid, cat, text) in enumerate(ts.sources))
    write(out / "upper.yaml", UPDOCS + "上级任务:\n", upper)
    write(out / "plan.yaml", "", PLAN.format(leader=w.head["sw"]))
    per_file = math.ceil(len(ts.blocks) / max(1, round(ts.count / 2000)))
    for n in range(0, len(ts.blocks), per_file):
        chunk = ts.blocks[n:n + per_file]
        write(out / f"tasks-{n // per_file + 1:02d}.yaml", "任务:\n", "\n".join(b for tree in chunk for b in tree))
    write(out / "progress.yaml", "任务进展:\n", progress(w.rng, ts))
    shutil.copy(ROOT / "sample-data" / "scheme.yaml", out / "scheme.yaml")
    gen_records.write_records(w, out / "scheme.yaml", out)


def team_text(uid: str, posts: list[Post]) -> str:
    lines = [f"  {uid}:", "    成员:"]
    for p in posts:
        parts = [f"领导: {p.leader}", f"职务: {q(p.title)}"]
        if p.principal:
            parts.append("角色: 正职")
        if p.charge:
            parts.append(f"分管: {flow(list(p.charge))}")
        if p.start:
            parts.append(f"起: {p.start.isoformat()}")
        if p.end:
            parts.append(f"止: {p.end.isoformat()}")
        lines.append("      - {" + ", ".join(parts) + "}")
    return "\n".join(lines) + "\n"


def progress(rng: random.Random, ts: Tasks) -> str:
    """A year of progress records: most leaf tasks done on time, some late, a few not done."""
    out = []
    for tid, eff, targets in ts.leaves:
        roll = rng.random()
        actual = "" if not targets else ", 实际: {" + ", ".join(f"{m}: {v}" for m, v in targets) + "}"
        if roll < 0.05:
            out.append(f"  {tid}: {{状态: 未完成, 完成比例: {rng.choice((40, 60, 80))}}}")
            continue
        late = roll < 0.15 and eff.deadline < dt.date(YEAR, 12, 1)
        done = eff.deadline + dt.timedelta(days=rng.randint(1, 20)) if late else ts.day(dt.date(YEAR, 2, 1), eff.deadline)
        out.append(f"  {tid}: {{状态: 已完成, 完成日期: {done.isoformat()}{actual}, 依据: [工作台账]}}")
    return "\n".join(out)


CONFIG = """\
机关: 中共示例市委员会
地区: 示例市
年度: 2026
文号前缀: 示市党发
发文:
  责任分解方案:
    序号: 5
    日期: 2026-02-26
    主送: 各区县（旗）委，市委各部门，市直各部门党组（党委），各人民团体党组
    印发机关: 中共示例市委办公室
    印发日期: 2026-02-27
"""
UPDOCS = """\
上级文件:
  sw1: {名称: 关于2026年全省党风廉政建设和反腐败工作的任务分工, 文号: 示省党发〔2026〕2号, 发文机关: 中共示例省委员会}
  sw2: {名称: 示例省纪委全会工作报告, 文号: 示省纪发〔2026〕1号, 发文机关: 中共示例省纪律检查委员会}
  sw3: {名称: 示例省人民政府2026年廉政工作要点, 文号: 示省政办发〔2026〕6号, 发文机关: 示例省人民政府办公室}
"""
PLAN = """\
方案:
  班子: sw
  第一责任人: {leader}
  组织者: {leader}
  责任书签订时限: 2026-03-31
  一把手职责:
    - {{事项: 部署分解, 日期: 2026-02-20}}
    - {{事项: 公开承诺, 日期: 2026-02-20}}
    - {{事项: 廉政党课, 日期: 2026-05-15}}
    - {{事项: 廉政谈话, 日期: 2026-04-10}}
    - {{事项: 调研督办, 日期: 2026-06-18}}
    - {{事项: 年中专题会议, 日期: 2026-07-14}}
    - {{事项: 听取汇报, 日期: 2026-09-22}}
    - {{事项: 年终专题会议, 日期: 2026-12-18}}
    - {{事项: 述职述廉, 日期: 2026-12-28}}
"""


def generate(out: Path, units: int, tasks: int, teams_per_unit: float, members: int, subtasks: int,
             seed: int) -> Tasks:
    """Write the workspace into `out` (created); return the tasks made."""
    w = World(random.Random(seed))
    build_units(w, units)
    build_teams(w, teams_per_unit, members)
    ts = build_tasks(w, tasks, subtasks, min(120, max(8, math.ceil(tasks / 80))))
    write_workspace(w, ts, out)
    return ts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--units", type=int, default=2000)
    ap.add_argument("--tasks", type=int, default=10000)
    ap.add_argument("--teams-per-unit", type=float, default=1.0,
                    help="probability that a unit without units below it has a team (default 1: every unit)")
    ap.add_argument("--members", type=int, default=3, help="deputies of a team without units below (about)")
    ap.add_argument("--subtasks", type=int, default=3, help="levels of sub-tasks, at most (2 to this many)")
    ap.add_argument("--seed", type=int, default=2026)
    a = ap.parse_args(argv)
    if a.out.exists():
        shutil.rmtree(a.out)
    ts = generate(a.out, a.units, a.tasks, a.teams_per_unit, a.members, a.subtasks, a.seed)
    print(f"{a.out}: {a.units} units, {ts.count} tasks")


if __name__ == "__main__":
    main()
