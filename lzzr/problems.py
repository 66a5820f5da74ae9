"""Problems as text lines or JSON, in the chosen language."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lzzr.errors import Problem
from lzzr.i18n import get_lang, kind_label, t
from lzzr.messages import SEVERITY
from lzzr.text import cut, escape_controls


def message(p: Problem) -> str:
    """The problem's message, without location: `任务 T03: 牵头部门 'czj' 不存在`."""
    args = {k: cut(v) if isinstance(v, str) else v for k, v in p.args.items()}
    if p.code == "L005":
        args["hint_text"] = t("hint." + args.get("hint", "other"), **args)
    if p.code == "L004" and args.get("kind") == "binary":
        args["kind"] = t("filekind.binary")
    text = t(p.msg or p.code, **args)
    if p.record is None:
        return text
    label = kind_label(p.record.kind)
    return f"{label} {p.record.id}: {text}" if p.record.id else f"{label}: {text}"


def format_problem(p: Problem) -> str:
    """One line: `tasks.yaml:14:5: error[R001] 任务 T03: 牵头部门 'czj' 不存在`."""
    return f"{escape_controls(str(p.location))}: {p.severity.value}[{p.code}] {message(p)}"


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)


def problem_dict(p: Problem) -> dict[str, Any]:
    """The JSON form of a problem (stable keys, for scripts)."""
    return {
        "file": p.location.file,
        "line": p.location.line,
        "column": p.location.column,
        **({"cell": p.location.cell} if p.location.cell else {}),
        "severity": p.severity.value,
        "code": p.code,
        "record": {"kind": p.record.kind, "id": p.record.id} if p.record else None,
        "message": message(p),
    }


def severity_word(sev: str) -> str:
    pair = SEVERITY.get(sev, (sev, sev))
    return pair[1] if get_lang() == "en" else pair[0]
