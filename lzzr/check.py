"""`lzzr check`: load the workspace and run every rule; the result other commands build on."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lzzr.errors import Location, Problem, ProblemCounts, Record, Severity
from lzzr.heap import without_collector
from lzzr.problems import sorted_problems
from lzzr.records_check import check_all
from lzzr.records_check_supervision import check_supervision
from lzzr.rules import run_rules
from lzzr.workspace.load import CONFIG_FILE, Workspace, load_workspace


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


@without_collector
def check_workspace(root: Path, scheme_file: Path | None = None) -> CheckResult:
    """Load `root` and run the rules on whatever loaded; with `scheme_file`, also check that
    scheme and the records against it (`lzzr check --scheme FILE`)."""
    ws, problems = load_workspace(root)
    settings: dict[str, str] = {}
    if ws.config is not None and not _unread(problems):
        found, settings = run_rules(ws)
        problems += found
        problems += setup_problems(ws)
        problems += [p for p in check_all(ws) if p not in problems]
        problems += check_supervision(ws)  # 进展报告, 督查 (lzzr/records_check_supervision.py)
    if scheme_file is not None:
        problems += [p for p in scheme_file_problems(ws, scheme_file) if p not in problems]
    return CheckResult(ws, sorted_problems(problems), settings)


# A data file that could not be read at all: the rules and record checks would then report
# everything that refers to its records (hundreds of knock-on lines); its own error comes first.
UNREAD = frozenset({"L001", "L002", "L003", "L004", "L005", "L009", "L013", "L017", "F001", "F002"})


def _unread(problems: list[Problem]) -> bool:
    return any(p.code in UNREAD and p.severity is Severity.ERROR for p in problems)


def scheme_file_problems(ws: Workspace, path: Path) -> list[Problem]:
    """A scheme of its own file, checked, and the records checked against it."""
    from lzzr.workspace.scheme_check import load_scheme_source
    from lzzr.workspace.scheme_facts import record_problems

    scheme, found, _ = load_scheme_source(path)
    return found + (record_problems(ws, scheme) if scheme is not None and ws.config is not None else [])


PLACEHOLDERS = ("待填写", "某某")


def setup_problems(ws: Workspace) -> list[Problem]:
    """Warnings for a year still being set up: names left as `lzzr init` wrote them, no plan."""
    assert ws.config is not None
    found = []
    config = ws.config
    issuing = config.issuing.plan
    fields: list[tuple[str, str, tuple[str, ...], str | None]] = [
        ("config", "", ("机关",), config.organ), ("config", "", ("地区",), config.region),
        ("config", "", ("文号前缀",), config.doc_prefix),
        *((("config", "", ("发文", "责任分解方案", key), value) for key, value in (
            ("主送", issuing.addressees), ("抄送", issuing.copies), ("印发机关", issuing.printer))) if issuing else ()),
        *(("unit", uid, ("名称",), u.name) for uid, u in ws.units.items()),
        *(("unit", uid, ("简称",), u.short) for uid, u in ws.units.items()),
        *(("leader", lid, ("姓名",), leader.name) for lid, leader in ws.leaders.items()),
    ]
    for kind, rid, path, value in fields:
        if value and any(mark in value for mark in PLACEHOLDERS):
            where = ws.locate(kind, rid, *path)
            args = {"field": path[-1], "value": value}
            found.append(Problem("C010", where, Severity.WARNING, Record(kind, rid), args))
    if ws.plan is None and not ws.tasks:
        found.append(Problem("C011", Location(CONFIG_FILE), Severity.WARNING, Record("config", "")))
    return found
