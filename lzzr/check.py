"""`lzzr check`: load the workspace and run every rule; the result other commands build on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lzzr.errors import Problem, ProblemCounts
from lzzr.problems import sorted_problems
from lzzr.records_check import check_all
from lzzr.rules import run_rules
from lzzr.workspace.load import Workspace, load_workspace


@dataclass
class CheckResult(ProblemCounts):
    """The loaded workspace, every problem (sorted) and the rule settings that applied."""

    workspace: Workspace
    problems: list[Problem]
    settings: dict[str, str]

    def counts(self) -> dict[str, Any]:
        ws = self.workspace
        return {
            "errors": self.errors, "warnings": self.warnings, "files": len(ws.files) + 1,
            "units": len(ws.units), "leaders": len(ws.leaders), "teams": len(ws.teams),
            "uptasks": len(ws.uptasks), "tasks": len(ws.tasks),
        }


def check_workspace(root: Path) -> CheckResult:
    """Load `root` and run the rules on whatever loaded."""
    ws, problems = load_workspace(root)
    settings: dict[str, str] = {}
    if ws.config is not None:
        found, settings = run_rules(ws)
        problems += found
        problems += [p for p in check_all(ws) if p not in problems]
    return CheckResult(ws, sorted_problems(problems), settings)
