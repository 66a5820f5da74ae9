"""`lzzr check`: load the workspace and run every rule; the result other commands build on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lzzr.errors import Problem, ProblemCounts
from lzzr.load import Workspace, load_workspace
from lzzr.report import sorted_problems
from lzzr.rules import run_rules


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
        from lzzr.records import check_records

        found, settings = run_rules(ws)
        problems += found
        problems += [p for p in check_records(ws) if p not in problems]
    return CheckResult(ws, sorted_problems(problems), settings)
