"""The four-principle rules (P1–P4): one module per principle, joined here into REGISTRY.

To add a rule, write it in its principle's module with `@rule(...)`; to add a module, add
it to `_MODULES`.
"""

from __future__ import annotations

from lzzr.errors import Problem
from lzzr.rules import p1_principal, p2_members, p3_layers, p4_operability
from lzzr.rules import registry as _registry
from lzzr.rules.registry import Rule
from lzzr.workspace.load import Workspace

_MODULES = (p1_principal, p2_members, p3_layers, p4_operability)
REGISTRY: dict[str, Rule] = {r.id: r for module in _MODULES for r in module.RULES}


def run_rules(ws: Workspace) -> tuple[list[Problem], dict[str, str]]:
    """Run every enabled rule; return the problems and the settings that changed a rule."""
    return _registry.run_rules(REGISTRY, ws)


__all__ = ["REGISTRY", "Rule", "run_rules"]
