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
    defs["Leader"] = {"anyOf": [{"type": "string", "minLength": 1}, leader]}
    data = {"type": "object", "additionalProperties": False, "properties": sections,
            "title": "lzzr 数据文件", "minProperties": 1}
    config = _model_schema(Config, defs)
    chosen: dict[str, Any] = {"config": config, "data": data}.get(kind) or {"anyOf": [config, data]}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "lzzr workspace", **chosen, "$defs": defs}
