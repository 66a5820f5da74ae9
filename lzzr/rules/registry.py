"""Rules and how they run: `Rule`, the `@rule` decorator maker, and `run_rules`.

A rule is a pure function from the workspace to problems. Each principle's module keeps
its own list (`RULES = []; rule = registrar(RULES)`), and `lzzr/rules/__init__.py` joins
the lists into `registry` explicitly: nothing is registered by importing a module.
Per-workspace settings (`规则:` in lzzr.yaml) switch a rule off or change its severity.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from lzzr.errors import Problem, Record, Severity
from lzzr.workspace.load import Workspace

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


Decorator = Callable[[str, Severity, tuple[str, str], tuple[str, str]], Callable[[Check], Check]]


def registrar(into: list[Rule]) -> Decorator:
    """A `@rule(id, severity, title, explain)` decorator that appends to `into`."""

    def rule(rule_id: str, severity: Severity, title: tuple[str, str],
             explain: tuple[str, str]) -> Callable[[Check], Check]:
        def register(check: Check) -> Check:
            into.append(Rule(rule_id, severity, title, explain, check))
            return check

        return register

    return rule


def run_rules(registry: dict[str, Rule], ws: Workspace) -> tuple[list[Problem], dict[str, str]]:
    """Run every enabled rule of `registry`; return the problems and the settings that changed a rule."""
    settings: dict[str, str] = dict(ws.config.rules) if ws.config else {}
    problems: list[Problem] = []
    for rule_id in sorted(registry):
        r = registry[rule_id]
        setting = settings.get(rule_id)
        if setting == "关闭":
            continue
        severity = SETTING_SEVERITY.get(setting or "", r.severity)
        for p in r.check(ws):
            problems.append(dataclasses.replace(p, code=rule_id, severity=severity))
    applied = {k: v for k, v in settings.items() if k in registry}
    for unknown in sorted(set(settings) - set(registry)):
        where = ws.locate("config", "", "规则", unknown, key=True)
        args = {"rule": unknown, "known": ", ".join(sorted(registry))}
        problems.append(Problem("C001", where, Severity.WARNING, Record("config", ""), args))
    return problems, applied
