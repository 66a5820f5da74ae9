"""P4 可操作性: every task can be carried out and checked."""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from importlib import resources

from lzzr.errors import Problem, Record, Severity
from lzzr.i18n import fmt_date
from lzzr.numbers import num
from lzzr.rules.common import in_year, sound_tasks, unit_name, where
from lzzr.rules.registry import Rule, registrar
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import INHERITED, Task

# (field, Chinese key) in the order they are reported. 牵头部门 is checked on loading and
# 具体负责人 by P3.2.
REQUIRED = (
    ("leader", "总负责人"),
    ("standard", "工作标准"),
    ("deadline", "完成时限"),
    ("safeguards", "保障措施"),
    ("supervisor", "监督主体"),
)

# Something a checker can count or hold in hand: a number, a percentage (also 百分之九十), a named document
# (《…》), or a Chinese number with a measure word (两次, 三个月, 十个工作日). A bare 个 is
# left out on purpose: 四个意识、两个维护 are slogans, not targets.
_MEASURABLE = re.compile(
    r"[0-9０-９%％]|《[^》]+》|百分之[零〇一二两三四五六七八九十百]+"
    r"|[一二两三四五六七八九十百千万半]+(?:次|项|份|篇|批|期|名|人|天|日|周|月|季度|轮|场|条|件|本|户|所|家|处|倍|"
    r"课时|小时|个工作日|个月|个百分点)"
)
SIMILAR = 0.85

RULES: list[Rule] = []
rule = registrar(RULES)


@functools.cache
def builtin_slogans() -> tuple[str, ...]:
    """The slogan words shipped in lzzr/data/slogans.txt (one a line, # comments)."""
    text = resources.files("lzzr.data").joinpath("slogans.txt").read_text(encoding="utf-8")
    return tuple(w for w in (line.split("#", 1)[0].strip() for line in text.splitlines()) if w)


def slogans(ws: Workspace) -> tuple[str, ...]:
    """The built-in slogan words and the workspace's own (lzzr.yaml 口号词), longest first."""
    extra = ws.config.slogans if ws.config else ()
    return tuple(sorted(dict.fromkeys((*builtin_slogans(), *extra)), key=lambda w: (-len(w), w)))


def find_slogans(text: str, words: Iterable[str]) -> list[str]:
    """The slogan words in `text`, in order of appearance, longest match first, each once."""
    ordered = sorted(set(words), key=len, reverse=True)
    found: list[str] = []
    i = 0
    while i < len(text):
        hit = next((w for w in ordered if w and text.startswith(w, i)), None)
        if hit:
            found.append(hit)
        i += len(hit) if hit else 1
    return list(dict.fromkeys(found))


def measurable(task: Task) -> bool:
    """Whether the task's standard can be checked: quantified targets, a deliverable, or a
    standard with a number, a percentage or a named document in it."""
    return bool(task.targets or task.deliverable or (task.standard and _MEASURABLE.search(task.standard)))


_NOT_ALNUM = re.compile(r"[\W_]+")  # exactly the characters for which str.isalnum() is false


def _norm(s: str) -> str:
    return _NOT_ALNUM.sub("", s)


def similarity(a: str, b: str) -> float:
    """How alike two texts are (0–1), ignoring spaces and punctuation."""
    return difflib.SequenceMatcher(None, _norm(a), _norm(b), autojunk=False).ratio()


class _Source:
    """One upper text prepared once: its matcher (difflib indexes the second sequence once)
    and its character counts, for a bound that skips pairs which cannot reach `SIMILAR`."""

    def __init__(self, text: str) -> None:
        self.text = _norm(text)
        self.counts = Counter(self.text)
        self.matcher = difflib.SequenceMatcher(None, "", self.text, autojunk=False)

    def similarity(self, text: str, counts: Counter[str], floor: float) -> float:
        """`similarity(text, source)` when it can reach `floor`, else an upper bound below it.

        SequenceMatcher matches each character at most once, so twice the characters two
        texts share (as multisets) over their total length bounds the ratio from above.
        """
        total = len(text) + len(self.text)
        if not total:
            return 1.0
        bound = 2.0 * min(len(text), len(self.text)) / total  # the very arithmetic of difflib's ratio
        if bound < floor:
            return bound
        bound = 2.0 * sum(min(n, self.counts[ch]) for ch, n in counts.items()) / total
        if bound < floor:
            return bound
        self.matcher.set_seq1(text)
        return self.matcher.ratio()


@rule(
    "P4.1",
    Severity.ERROR,
    ("任务要素齐全", "every task has its leader, standard, deadline, safeguards and supervisor"),
    (
        "可操作性：每项任务都要明确牵头部门、总负责人、工作标准、完成时限、保障措施和监督主体。"
        "每缺一项报告一次。子任务可从上一级任务继承总负责人、完成时限、保障措施和监督主体，上一级"
        "也缺时只在上一级报告；工作标准不继承。牵头部门在加载时检查，具体负责人由 P3.2 检查。",
        "Operability (P4): every task names its lead unit, 总负责人, work standard, deadline, "
        "safeguards and supervising body; one problem per missing field. A sub-task inherits "
        "the 总负责人, deadline, safeguards and supervisor from its parent, and a gap both share "
        "is reported on the parent only; the standard is not inherited. The lead unit is checked "
        "on loading, the specific person by P3.2.",
    ),
)
def check_fields(ws: Workspace) -> Iterator[Problem]:
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        parent = ws.tasks.get(task.parent or "")
        for name, key in REQUIRED:
            if getattr(task, name):
                continue
            if name in INHERITED and task.parent and (parent is None or not getattr(parent, name)):
                continue  # the parent lacks it too (and reports it), or cannot be seen
            msg = "P4.1.inherit" if name in INHERITED else "P4.1"
            yield Problem("P4.1", ws.locate("task", tid), record=Record("task", tid), msg=msg, args={"field": key})


@rule(
    "P4.2",
    Severity.ERROR,
    ("监督主体不是牵头部门本身", "the supervisor is not the lead unit itself"),
    (
        "可操作性：谁的责任谁落实，谁的责任检查谁；牵头部门不能自己监督自己。监督主体应是牵头部门"
        "以外的单位。",
        "Operability (P4): whoever answers for a task is checked by someone else, so the "
        "supervising body is not the lead unit itself.",
    ),
)
def check_supervisor(ws: Workspace) -> Iterator[Problem]:
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        if not task.supervisor or task.supervisor != task.lead:
            continue
        if {"supervisor", "lead"} <= ws.inherited.get(tid, frozenset()):
            continue  # the same pair as its parent, which reports it
        where_ = where(ws, "task", tid, "监督主体", "牵头部门")
        args = {"unit": unit_name(ws, task.supervisor)}
        yield Problem("P4.2", where_, record=Record("task", tid), msg="P4.2", args=args)


@rule(
    "P4.3",
    Severity.ERROR,
    ("完成时限在本年度内", "the deadline falls inside the year"),
    (
        "可操作性：年度责任分解的任务要在本年度内完成、在年终考核中检查，完成时限应在本年度"
        "1月1日至12月31日之间（继承的时限只在上一级报告）。",
        "Operability (P4): the year's tasks are done and assessed within the year, so each "
        "deadline falls between January 1 and December 31 of it (an inherited deadline is "
        "reported on the parent).",
    ),
)
def check_deadline_in_year(ws: Workspace) -> Iterator[Problem]:
    if ws.config is None:
        return
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        if task.deadline is None or in_year(ws, task.deadline) or "deadline" in ws.inherited.get(tid, ()):
            continue
        args = {"date": fmt_date(task.deadline), "year": ws.config.year}
        yield Problem("P4.3", ws.locate("task", tid, "完成时限"), record=Record("task", tid), msg="P4.3",
                      args=args)


@rule(
    "P4.4",
    Severity.ERROR,
    ("工作标准可检查", "the work standard is measurable"),
    (
        "可操作性：工作标准要具体、可检查、可考核，不能只写“进一步加强”“切实”“认真抓好”之类的"
        "口号。任务应有量化指标或成果，或者工作标准中有数字、百分比、带量词的中文数字（如“两次”）"
        "或《…》形式的成果名称。不满足时报告，并列出标准中的口号词：口号词表在 lzzr/data/slogans.txt，"
        "工作区可在 lzzr.yaml 的“口号词”中补充。",
        "Operability (P4): a work standard is specific and can be checked at assessment, not only "
        "slogans such as 进一步加强, 切实, 认真抓好. A task has quantified targets (量化指标) or a "
        "deliverable (成果), or its standard holds a number, a percentage, a Chinese number with "
        "a measure word (两次) or a named document (《…》). Otherwise it is reported with the "
        "slogan words found; the list is lzzr/data/slogans.txt, extended per workspace by "
        "口号词 in lzzr.yaml.",
    ),
)
def check_measurable(ws: Workspace) -> Iterator[Problem]:
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        if not task.standard or measurable(task):
            continue
        found = find_slogans(task.standard, slogans(ws))
        yield Problem("P4.4", ws.locate("task", tid, "工作标准"), record=Record("task", tid),
                      msg="P4.4.slogans" if found else "P4.4", args={"words": "、".join(found)})


@rule(
    "P4.5",
    Severity.WARNING,
    ("不照抄照搬上级原文", "the task is not copied from the upper-level text"),
    (
        "可操作性：照抄照搬上级规定、不结合本地实际，任务就无法落实。任务的“内容”（没有内容时用"
        "“名称”）与其来源上级任务的“原文”相似度（忽略空格和标点）达到85%时提示，并显示相似度。",
        "Operability (P4): copying the upper level's wording without adapting it (照抄照搬) leaves "
        "nothing to carry out. Warns when a task's 内容 (its 名称 when it has none) is 85% or "
        "more similar to the 原文 of an upper task it comes from (spaces and punctuation ignored), "
        "and shows the similarity.",
    ),
)
def check_copied(ws: Workspace) -> Iterator[Problem]:
    prepared: dict[str, _Source] = {}
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        text, key = (task.content, "内容") if task.content else (task.title, "名称")
        norm = _norm(text)
        counts = Counter(norm)
        scores = []
        for s in task.sources:
            if s in ws.uptasks:
                source = prepared.get(s) or prepared.setdefault(s, _Source(ws.uptasks[s].text))
                scores.append((source.similarity(norm, counts, SIMILAR), s))
        best = max(scores, key=lambda x: (x[0], x[1]), default=None)
        if best is None or best[0] < SIMILAR:
            continue
        args = {"field": key, "source": best[1], "percent": math.floor(best[0] * 100)}
        yield Problem("P4.5", ws.locate("task", tid, key), record=Record("task", tid), msg="P4.5", args=args)


@rule(
    "P4.6",
    Severity.ERROR,
    ("牵头部门不同时是协办单位", "the lead unit is not also a co-operating unit"),
    (
        "可操作性：牵头部门负直接责任，协办单位积极配合；同一单位既牵头又协办，责任就说不清。"
        "协办单位中不能有牵头部门本身。",
        "Operability (P4): the lead unit answers for the task and the co-operating units help; a "
        "unit that is both leaves the responsibility unclear. The co-operating units do not include "
        "the lead unit.",
    ),
)
def check_lead_not_co_unit(ws: Workspace) -> Iterator[Problem]:
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        if not task.lead or task.lead not in task.co_units:
            continue
        i = task.co_units.index(task.lead)
        field = ("协办单位", i) if len(task.co_units) > 1 else "协办单位"
        yield Problem("P4.6", where(ws, "task", tid, field, "协办单位"), record=Record("task", tid),
                      msg="P4.6", args={"unit": unit_name(ws, task.lead)})


_PERCENT_UNITS = ("%", "％", "百分比")


@rule(
    "P4.7",
    Severity.ERROR,
    ("量化指标可以达到", "a quantified target can be reached"),
    (
        "可操作性：量化指标要能在年终检查、能够达到。目标不能是负数，单位为 % 的目标不能超过 100"
        "（目标为 0 可以是本意，如“问题发生 0 起”，不报告）。",
        "Operability (P4): a quantified target is checked at the year's end and can be reached: "
        "it is not negative, and a percentage does not exceed 100 (a target of 0 can be meant, "
        "such as no incidents, and is not reported).",
    ),
)
def check_targets_reachable(ws: Workspace) -> Iterator[Problem]:
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        for i, target in enumerate(task.targets):
            percent = (target.unit or "").strip() in _PERCENT_UNITS
            if target.value >= 0 and not (percent and target.value > 100):
                continue  # 0 can be meant (零发生、0 项): only a negative amount or 100%+ cannot be
            why = "P4.7.percent" if target.value >= 0 else "P4.7.negative"
            args = {"metric": target.metric, "value": num(target.value), "unit": target.unit or ""}
            yield Problem("P4.7", ws.locate("task", tid, "量化指标", i, "目标"), record=Record("task", tid),
                          msg=why, args=args)


@rule(
    "P4.8",
    Severity.WARNING,
    ("有量化指标的任务，工作标准也不只是口号", "a standard is more than slogans even when targets exist"),
    (
        "可操作性：量化指标或成果能让任务在年终检查，但工作标准本身也应写明做什么、做到什么程度；"
        "工作标准中没有数字、比例或《…》而有口号词时提示（没有量化指标和成果时由 P4.4 报告）。",
        "Operability (P4): targets or a deliverable let a task be checked, but the standard itself "
        "still says what is done and how far; warns when it holds slogan words and no number, "
        "percentage or 《…》 (without targets or a deliverable P4.4 reports it).",
    ),
)
def check_standard_not_only_slogans(ws: Workspace) -> Iterator[Problem]:
    for tid in sound_tasks(ws):
        task = ws.tasks[tid]
        if not task.standard or not measurable(task) or _MEASURABLE.search(task.standard):
            continue
        found = find_slogans(task.standard, slogans(ws))
        if found:
            yield Problem("P4.8", ws.locate("task", tid, "工作标准"), record=Record("task", tid),
                          msg="P4.8", args={"words": "、".join(found)})
