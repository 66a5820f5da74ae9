"""The JSON Schema of lzzr's files, for editors (YAML language server) and for tests."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from lzzr.workspace.model import Config
from lzzr.workspace.sections import SECTIONS, SINGLETONS

ID_REGEX = "^[A-Za-z][A-Za-z0-9_.-]{0,31}$"


def _model_schema(model: type[BaseModel], defs: dict[str, Any]) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, ref_template="#/$defs/{model}", mode="validation")
    defs.update(schema.pop("$defs", {}))
    defs[model.__name__] = schema
    return {"$ref": f"#/$defs/{model.__name__}"}


def workspace_schema(kind: str = "all") -> dict[str, Any]:
    """A schema for `lzzr.yaml` (`config`), data files (`data`) or either (`all`)."""
    defs: dict[str, Any] = {}
    sections = {}
    for section, (_kind, model) in SECTIONS.items():
        sections[section] = {
            "type": ["object", "null"],
            "propertyNames": {"pattern": ID_REGEX},
            "additionalProperties": _model_schema(model, defs),
        }
    for section, (_kind, model) in SINGLETONS.items():
        sections[section] = _model_schema(model, defs)
    leader = defs["Leader"]
    # if/then/else instead of anyOf: an editor then reports a bad value at its own path,
    # not "…is not valid under any of the given schemas" at the record.
    defs["Leader"] = {"if": {"type": "string"}, "then": {"minLength": 1}, "else": leader}
    # 具体负责人: a leader's id or name, or {姓名, 职务} / {领导, 职务}
    defs["Person"] = {"if": {"type": "string"}, "then": {"minLength": 1}, "else": defs["Person"]}
    # 当事人: an id or a name, or {姓名, 职务, …}
    defs["Involved"] = {"if": {"type": "string"}, "then": {"minLength": 1}, "else": defs["Involved"]}
    data = {"type": "object", "additionalProperties": False, "properties": sections,
            "title": "lzzr 数据文件", "minProperties": 1}
    config = _model_schema(Config, defs)
    # lzzr.yaml is the file with 机关 (required there, never a section): one branch is checked.
    either = {"if": {"type": "object", "required": ["机关"]}, "then": config, "else": data}
    chosen: dict[str, Any] = {"config": config, "data": data}.get(kind) or either
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "lzzr workspace", **chosen, "$defs": defs}
