"""The records of the year that the checklist (清单) and deduction (扣分) indicators read, for a
generated workspace: 履职记录 (duties.yaml), 配套制度 (institutions.yaml) and 问责事件
(accountability.yaml), shaped like those files of sample-data.

- 履职记录: for every assessed principal and member, the duties the scheme's 清单 indicators of
  their kind list (a team's are its principal's), dated as offices date them (公开承诺 and
  部署分解 in February–March, the two 专题会议 in July and December, 述职述廉 at the year end) and
  within the time in post. Each leader has a diligence: most do nearly everything, some leave
  one or two duties undone or hear one report instead of two, so checklists score between 0
  and full marks.
- 配套制度: for every assessed unit, the rules the scheme's 清单 indicators ask for (and 责任追究,
  财务管理 now and then), each present with the unit's diligence, issued 2016–2026 with a 文号.
- 问责事件: about one assessed unit in nine has an incident in the year, handled as the default
  责任追究规定 allows for its 程度 (never criticism alone for a grave one); its principal, and
  sometimes the member in charge of it, is named in the handling; some have a 决定 of the
  市纪委 with its own 文号. A rare one is a 重大案件 or 上级通报.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

YEAR = 2026
DECIDER = "中共示例市纪律检查委员会"

# When an office does each duty: (first month, last month) of the usual date.
WHEN = {"公开承诺": (2, 3), "部署分解": (2, 3), "年中专题会议": (7, 7), "年终专题会议": (12, 12),
        "述职述廉": (12, 12), "廉政党课": (4, 10), "廉政谈话": (3, 11), "调研督办": (4, 11)}
EVIDENCE = {"公开承诺": "全市党风廉政建设工作会议", "部署分解": "党委（党组）会议纪要", "廉政谈话": "廉政谈话记录本",
            "廉政党课": "理论学习中心组学习记录", "调研督办": "调研报告", "述职述廉": "述职述廉报告"}
RULE_TITLES = {"定期报告": "党风廉政建设责任制落实情况定期报告制度", "检查考核": "党风廉政建设责任制检查考核办法",
               "谈话诫勉": "领导干部廉政谈话和诫勉谈话制度", "述职述廉": "领导干部述职述廉制度",
               "责任追究": "党风廉政建设责任追究办法", "财务管理": "机关财务管理制度"}
CAUSES = ("违规公款吃喝", "违规发放津贴补贴", "违规收受礼品礼金", "公车私用", "虚报冒领惠民补贴资金",
          "违规插手工程项目", "落实中央八项规定精神不力", "履行监管职责不力，造成国有资产损失")
# 程度 → the forms the default 责任追究规定 opens for it, lightest first (lzzr/workspace/incidents.py)
FORMS = {"一般": ("批评教育", "书面检查", "通报批评", "诫勉谈话"),
         "较重": ("书面检查", "通报批评", "诫勉谈话", "组织处理"),
         "严重": ("诫勉谈话", "组织处理", "纪律处分")}


@dataclass
class Needs:
    """What the scheme's 清单 indicators count, per target kind: duties (事项 → 次数) and rules (制度)."""

    duties: dict[str, dict[str, int]] = field(default_factory=dict)
    rules: set[str] = field(default_factory=set)


def scheme_needs(path: Path) -> Needs:
    scheme = YAML(typ="safe").load(path.read_text(encoding="utf-8"))["考核方案"]
    needs = Needs()
    for kind, spec in scheme["对象"].items():
        wanted = needs.duties.setdefault(kind, {})
        for ind in (i for s in spec["标准"] for i in s["指标"] if i["类型"] == "清单"):
            for item in ind["清单"]:
                if "事项" in item:
                    wanted[item["事项"]] = max(wanted.get(item["事项"], 1), int(item.get("次数", 1)))
                elif "制度" in item:
                    needs.rules.add(item["制度"])
    return needs


def _day(rng: random.Random, duty: str, first: dt.date, last: dt.date, n: int = 0) -> dt.date | None:
    """The date of a duty (the n-th 听取汇报: July, then December) in the time in post, or None."""
    months = ((7, 7), (12, 12))[min(n, 1)] if duty == "听取汇报" else WHEN.get(duty, (3, 11))
    month = rng.randint(*months)
    day = dt.date(YEAR, month, rng.randint(1, 28 if month != 12 else 26))
    return day if first <= day <= last else None


def _evidence(rng: random.Random, duty: str, day: dt.date) -> str:
    if duty in ("听取汇报", "年中专题会议", "年终专题会议"):
        return f"党委（党组）会议纪要第{day.month + rng.randint(0, 3)}期"
    return EVIDENCE.get(duty, "工作台账")


def duty_log(rng: random.Random, wanted: dict[str, int], first: dt.date, last: dt.date) -> list[str]:
    """One leader's records: each duty done (its 次数, now and then one fewer) with the leader's
    diligence, sorted by date."""
    diligence = rng.choice((1.0, 1.0, 0.95, 0.9, 0.8, 0.65))
    found: list[tuple[dt.date, str]] = []
    for duty, times in wanted.items():
        if rng.random() > diligence:
            continue
        done = times - (1 if times > 1 and rng.random() > diligence else 0)
        for n in range(done):
            day = _day(rng, duty, first, last, n)
            if day is not None:
                found.append((day, f"{{事项: {duty}, 日期: {day.isoformat()}, 依据: {_evidence(rng, duty, day)}}}"))
    return [text for _, text in sorted(found)]


def duties_text(rng: random.Random, needs: Needs, found: list[Any], w: Any) -> str:
    """The 履职记录 section, one log per leader: a principal's duties count for their team too,
    and a leader assessed twice (a principal who sits on the 市委 or 市政府 team) does each once."""
    wanted: dict[str, dict[str, int]] = {}
    span: dict[str, tuple[dt.date, dt.date]] = {}
    for t in (x for x in found if x.kind != "班子"):
        mine = wanted.setdefault(t.leader, {})
        for kind in (t.kind, "班子") if t.kind == "正职" else (t.kind,):
            for duty, times in needs.duties.get(kind, {}).items():
                mine[duty] = max(times, mine.get(duty, 1))
        first, last = span.get(t.leader, (t.first, t.last))
        span[t.leader] = (min(first, t.first), max(last, t.last))
    blocks = []
    for leader, duties in wanted.items():
        lines = duty_log(rng, duties, *span[leader])
        if lines:
            blocks.append(f"  {leader}:  # {w.leaders[leader]}\n    记录:\n" + "".join(f"      - {x}\n" for x in lines))
    return "履职记录:\n" + "".join(blocks)


def _prefix(w: Any, uid: str) -> str:
    unit = w.units[uid]
    return f"{unit.short[:1]}党发" if unit.kind in ("乡镇", "苏木镇", "街道", "党委") else f"示{unit.short[1:2] or unit.short[:1]}发"


def institutions_text(rng: random.Random, needs: Needs, found: list[Any], w: Any) -> str:
    """The 配套制度 section: the rules each assessed unit has in force."""
    kinds = [k for k in RULE_TITLES if k in needs.rules or k in ("责任追究", "财务管理")]
    blocks = []
    for t in (x for x in found if x.kind == "班子"):
        diligence = rng.choice((1.0, 0.9, 0.85, 0.75, 0.6))
        short = w.units[t.unit].short
        items, number = [], rng.randint(3, 20)
        for kind in kinds:
            if rng.random() > (diligence if kind in needs.rules else 0.4):
                continue
            day = dt.date(rng.randint(2016, YEAR), rng.randint(1, 12), rng.randint(1, 28))
            day = min(day, dt.date(YEAR, 11, 30))
            number += rng.randint(1, 9)
            items.append(f"      - {{类别: {kind}, 名称: 《{short}{RULE_TITLES[kind]}》, "
                         f"文号: {_prefix(w, t.unit)}〔{day.year}〕{number}号, 日期: {day.isoformat()}}}\n")
        if items:
            blocks.append(f"  {t.unit}:  # {short}\n    制度:\n" + "".join(items))
    return "配套制度:\n" + "".join(blocks)


def events_text(rng: random.Random, found: list[Any], w: Any) -> str:
    """The 问责事件 section: a few incidents in assessed units, handled by the default rules."""
    members = {t.leader: t for t in found if t.kind == "成员"}
    blocks, decided = [], 30
    for n, t in enumerate((x for x in found if x.kind == "班子" and rng.random() < 0.11), 1):
        day = dt.date(YEAR, rng.randint(2, 10), rng.randint(1, 28))
        degree = rng.choices(("一般", "较重", "严重"), (0.6, 0.3, 0.1))[0]
        major = degree == "严重" and rng.random() < 0.5
        forms = FORMS[degree]
        handled = [(w.head[t.unit], rng.choice(forms[:2]) if degree != "严重" else forms[0])]
        charge = [p.leader for posts in w.teams.values() for p in posts
                  if t.unit in p.charge and p.leader in members and p.active(day)]
        if charge and rng.random() < 0.4:
            handled.append((charge[0], forms[0]))
        when = day + dt.timedelta(days=rng.randint(15, 45))
        lines = [f"  WZ{n:03d}:", f"    日期: {day.isoformat()}", f"    单位: {t.unit}",
                 f"    事由: {w.units[t.unit].short}{rng.choice(CAUSES)}", f"    情形: {rng.choice((1, 1, 1, 2, 4))}",
                 f"    程度: {degree}"]
        if major:
            lines.append("    重大案件: true")
        if rng.random() < 0.05:
            lines.append("    上级通报: true")
        if rng.random() < 0.5:
            decided += rng.randint(1, 4)
            lines.append(f"    决定: {{机关: {DECIDER}, 日期: {when.isoformat()}, 文号: 示市纪发〔{YEAR}〕{decided}号}}")
        lines.append("    处理:")
        lines += [f"      - {{领导: {leader}, 方式: {form}, 日期: {when.isoformat()}}}" for leader, form in handled]
        blocks.append("\n".join(lines) + "\n")
    return "问责事件:\n" + "".join(blocks)


def write_facts(w: Any, scheme: Path, found: list[Any], out: Path) -> None:
    """Write duties.yaml, institutions.yaml and accountability.yaml of the world `w` into `out`."""
    needs = scheme_needs(scheme)
    head = "# 生成的年度记录（bench/gen_facts.py）：示例市，人名均为虚构。\n"
    for name, text in (("duties.yaml", duties_text(w.rng, needs, found, w)),
                       ("institutions.yaml", institutions_text(w.rng, needs, found, w)),
                       ("accountability.yaml", events_text(w.rng, found, w))):
        if text.count("\n") > 1:  # a section with no record is not written
            (out / name).write_text(head + text, encoding="utf-8")
