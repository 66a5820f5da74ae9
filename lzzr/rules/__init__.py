"""The rule registry: every check over the loaded model, one place to list and run them.

A rule is a pure function from the workspace to problems; `@rule` registers it with its
id, default severity and a Chinese/English title and explanation. Per-workspace settings
(`规则:` in lzzr.yaml) switch a rule off or change its severity.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lzzr.errors import Problem, Record, Severity
from lzzr.load import Workspace

Check = Callable[[Workspace], Iterable[Problem]]

SETTING_SEVERITY = {"警告": Severity.WARNING, "错误": Severity.ERROR}


@dataclass(frozen=True)
class Rule:
    """One registered rule."""

    id: str
    severity: Severity
    title: tuple[str, str]
    explain: tuple[str, str]
    check: Check


REGISTRY: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, title: tuple[str, str],
         explain: tuple[str, str]) -> Callable[[Check], Check]:
    """Register the decorated function as rule `rule_id`."""

    def register(check: Check) -> Check:
        REGISTRY[rule_id] = Rule(rule_id, severity, title, explain, check)
        return check

    return register


def run_rules(ws: Workspace) -> tuple[list[Problem], dict[str, str]]:
    """Run every enabled rule; return the problems and the settings that changed a rule."""
    settings: dict[str, str] = dict(ws.config.rules) if ws.config else {}
    problems: list[Problem] = []
    for rule_id in sorted(REGISTRY):
        r = REGISTRY[rule_id]
        setting = settings.get(rule_id)
        if setting == "关闭":
            continue
        severity = SETTING_SEVERITY.get(setting or "", r.severity)
        for p in r.check(ws):
            problems.append(dataclasses.replace(p, code=rule_id, severity=severity))
    applied = {k: v for k, v in settings.items() if k in REGISTRY}
    for unknown in sorted(set(settings) - set(REGISTRY)):
        where = ws.locate("config", "", "规则", unknown, key=True)
        args = {"rule": unknown, "known": ", ".join(sorted(REGISTRY))}
        problems.append(Problem("C001", where, Severity.WARNING, Record("config", ""), args))
    return problems, applied


def _load_builtin() -> None:
    from lzzr.rules import p1_principal, p2_members, p3_layers, p4_operability  # noqa: F401  (registers on import)


_load_builtin()
