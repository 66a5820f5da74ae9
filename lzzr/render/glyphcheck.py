"""The glyph check for every rendering command: the texts of the workspace that a document
prints, and the problems for characters the chosen fonts cannot draw.

G001 (error): no chosen font has the character: the command refuses before rendering.
G002 (warning): the body face (仿宋) lacks it, so it prints in a fallback face.
Pure apart from reading the fonts' character maps (lzzr.glyphs, cached).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from lzzr.errors import Problem, Record, Severity
from lzzr.render.fonts import ROLES, choose, installed_families
from lzzr.workspace.load import Workspace

Where = tuple[str, str, tuple[Any, ...]]
Text = tuple[Where, str]
# Fields that no document prints (internal notes).
UNPRINTED = frozenset({"备注"})
# The record kinds the plan prints; the assessment prints these and its own records too.
PLAN_KINDS = ("unit", "leader", "team", "updoc", "uptask", "task")


def record_texts(ws: Workspace, kinds: Iterable[str] = PLAN_KINDS,
                 singletons: Iterable[str] = ("plan",)) -> Iterator[Text]:
    """Every printed string of the records of `kinds` and of the one-record sections, with the
    record and field it comes from (Chinese keys, so that `ws.locate` finds the line)."""
    for kind in kinds:
        for rid, record in ws.collection(kind).items():
            if isinstance(record, BaseModel):
                yield from _strings(kind, str(rid), (), record)
    for kind in singletons:
        record = ws.singleton(kind)
        if isinstance(record, BaseModel):
            yield from _strings(kind, "", (), record)
    if ws.config is not None:
        yield ("config", "", ("机关",)), ws.config.organ
        yield ("config", "", ("地区",)), ws.config.region


def _strings(kind: str, rid: str, keys: tuple[Any, ...], value: Any) -> Iterator[Text]:
    if isinstance(value, str):
        yield (kind, rid, keys), value
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            alias = info.alias or name
            if alias not in UNPRINTED:
                yield from _strings(kind, rid, (*keys, alias), getattr(value, name))
    elif isinstance(value, (tuple, list)):
        for i, item in enumerate(value):
            yield from _strings(kind, rid, (*keys, i), item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(kind, rid, (*keys, key), item)


def glyph_problems(ws: Workspace, texts: Iterable[Text], missing_severity: Severity = Severity.ERROR) -> list[Problem]:
    """G001 for characters no chosen font can draw; when there are none, G002 warnings for those
    only a fallback face prints (the body face lacks them)."""
    from lzzr.render.glyphs import char_label, coverage, find_missing

    assert ws.config is not None
    choices = choose(ws.config.fonts, installed_families())
    stack = tuple(dict.fromkeys(name for role in ROLES for name in choices[role].stack))
    unique = list(dict.fromkeys(texts))
    problems = [_problem(ws, "G001", where, char_label(char), missing_severity)
                for where, char in dict.fromkeys(find_missing(unique, coverage(stack)))]
    body = choices["fangsong"].face
    if body and not problems:
        problems += [_problem(ws, "G002", where, char_label(char), Severity.WARNING, face=body)
                     for where, char in dict.fromkeys(find_missing(unique, coverage((body,))))]
    return problems


def name_texts(ws: Workspace) -> Iterator[Text]:
    """The names `lzzr check` looks at: leaders, units (full and short), people named in tasks."""
    for rid, leader in ws.leaders.items():
        yield ("leader", rid, ("姓名",)), leader.name
    for rid, unit in ws.units.items():
        yield ("unit", rid, ("名称",)), unit.name
        if unit.short:
            yield ("unit", rid, ("简称",)), unit.short
    for rid, task in ws.tasks.items():
        if task.person is not None:
            yield ("task", rid, ("具体负责人", "姓名")), task.person.name


def _problem(ws: Workspace, code: str, where: Where, char: str, severity: Severity, **args: str) -> Problem:
    kind, rid, keys = where
    return Problem(code, ws.locate(kind, rid, *keys), severity, Record(kind, rid), {"char": char, **args})


def with_glyph_problems(problems: list[Problem], ws: Workspace, texts: Iterable[Text],
                        severity: Severity = Severity.ERROR) -> list[Problem]:
    """`problems` and the glyph problems of `texts`, sorted by file and line (nothing added when
    the workspace has no configuration to choose fonts from)."""
    from lzzr.problems import sorted_problems

    if ws.config is None:
        return problems
    return sorted_problems([*problems, *glyph_problems(ws, texts, severity)])


def assessment_texts(ws: Workspace) -> Iterator[Text]:
    """What the assessment report prints: the plan's records, the year's records and the scheme."""
    yield from record_texts(ws, (*PLAN_KINDS, *ws.extra), ("plan", *ws.singletons))
