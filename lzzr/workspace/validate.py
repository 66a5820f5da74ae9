"""Validate one record into the model and turn pydantic's errors into located problems."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from lzzr.errors import Location, Problem, Record
from lzzr.i18n import get_lang, t
from lzzr.workspace.model import aliases, english_names
from lzzr.workspace.reader import Path_, Positions

_TYPE_WORDS = {
    "string_type": "type.str",
    "int_type": "type.int",
    "int_parsing": "type.int",
    "int_from_float": "type.int",
    "float_type": "type.float",
    "float_parsing": "type.float",
    "bool_type": "type.bool",
    "bool_parsing": "type.bool",
    "dict_type": "type.map",
    "model_type": "type.map",
    "model_attributes_type": "type.map",
    "tuple_type": "type.list",
    "list_type": "type.list",
    "date_type": "type.date",
}


def validate_record(
    model: type[BaseModel], raw: Any, pos: Positions, path: Path_, record: Record
) -> tuple[Any, list[Problem]]:
    """`model` built from `raw`, or None with every problem located under `path`."""
    try:
        return model.model_validate(raw), []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        return None, [_problem(model, e, pos, path, record) for e in errors]


def _problem(model: type[BaseModel], err: Any, pos: Positions, path: Path_, rec: Record) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    field = _field_name(loc)
    full = (*path, *loc)
    if kind == "missing":
        return Problem("S001", pos.locate(full[:-1], key=True), record=rec, args={"field": field})
    if kind == "lzzr_missing":  # 具体负责人: 领导, or 姓名 and 职务
        return Problem("S016", pos.locate(full, key=True), record=rec, args={"field": err["ctx"]["field"]})
    if kind == "extra_forbidden":
        allowed = aliases(_model_at(model, loc[:-1]))
        suggest = suggestion(str(loc[-1]), allowed, english_names(_model_at(model, loc[:-1])))
        args = {"key": loc[-1], "suggest": suggest}
        return Problem("S002", pos.locate(full, key=True), record=rec, args=args)
    code, args = _value_problem(kind, err, field)
    if code == "S003" and not loc:
        code, args = "S010", {"actual": args["actual"]}
    return Problem(code, pos.locate(full), record=rec, args=args)


def _value_problem(kind: str, err: Any, field: str) -> tuple[str, dict[str, Any]]:
    value = err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "lzzr_date":
        why = t("date." + ctx.get("why", "format"), month=ctx.get("month", ""))
        return "S005", {"field": field, "value": value, "why": why}
    if kind == "lzzr_period":
        return "S017", {"field": field, "value": ctx.get("value", value)}
    if kind == "lzzr_font":
        return "S014", {"value": ctx.get("value", value)}
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        sep = ", " if get_lang() == "en" else "、"
        return "S004", {"field": field, "expected": sep.join(choices), "value": value}
    if kind == "string_too_short":
        return "S008", {"field": field}
    if kind == "greater_than_equal":
        return "S012", {"field": field, "bound": ctx.get("ge", ""), "value": value}
    if kind == "less_than_equal":
        return "S013", {"field": field, "bound": ctx.get("le", ""), "value": value}
    if kind in _TYPE_WORDS:
        args = {"field": field, "expected": t(_TYPE_WORDS[kind]), "actual": describe(value)}
        return "S003", args
    return "S007", {"field": field, "detail": err.get("msg", kind)}


def _field_name(loc: tuple[Any, ...]) -> str:
    """The innermost named key of a pydantic location (`量化指标[0].目标` → 目标;
    `成员[1]` → 成员第 2 项)."""
    names = [str(p) for p in loc if isinstance(p, str)]
    if not names:
        return ""
    if loc and isinstance(loc[-1], int):
        return t("item", field=names[-1], n=loc[-1] + 1)
    return names[-1]


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel]:
    """The model that owns the keys at `loc` inside `model`."""
    current = model
    for part in loc:
        if not isinstance(part, str):
            continue
        by_alias = {f.alias or n: f for n, f in current.model_fields.items()}
        info = by_alias.get(part)
        inner = _find_model(info.annotation) if info is not None else None
        if inner is None:
            return current
        current = inner
    return current


def _find_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _find_model(arg)
        if found is not None:
            return found
    if isinstance(annotation, types.UnionType):  # pragma: no cover - covered by get_args
        return None
    return None


def suggestion(word: str, allowed: list[str], english: dict[str, str] | None = None) -> str:
    """`（是否指「牵头部门」？）` for a near miss or an English field name; '' otherwise."""
    if english and word in english:
        return t("suggest", name=english[word])
    close = difflib.get_close_matches(word, allowed, n=1, cutoff=0.5)
    if close:
        return t("suggest", name=close[0])
    near = difflib.get_close_matches(word, list(english or {}), n=1, cutoff=0.6)
    return t("suggest", name=english[near[0]]) if english and near else ""


def describe(value: Any) -> str:
    """A short description of a YAML value for messages: 列表, 文本 'abc', 整数 3 …"""
    if value is None:
        return t("type.null")
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return f"{t('type.int')} {value}"
    if isinstance(value, float):
        return f"{t('type.float')} {value}"
    if isinstance(value, str):
        short = value if len(value) <= 20 else value[:20] + "…"
        return f"{t('type.str')} '{short}'"
    if isinstance(value, dict):
        return t("type.map")
    if isinstance(value, (list, tuple)):
        return t("type.list")
    return type(value).__name__


def at(pos: Positions, path: Path_, key: bool = False) -> Location:
    return pos.locate(path, key=key)
