"""`lzzr assess`: what the command does below the CLI — check, choose the scheme, assess.

The CLI calls `assess_workspace`, prints the problems, and when nothing failed prints or
writes the results (`assess_table`, `explain`, `assess_report.issue_report`,
`archive.write_archive`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lzzr.assess.score import Assessment, assess
from lzzr.check import check_workspace
from lzzr.errors import LzzrError, Problem, ProblemCounts, Severity
from lzzr.problems import sorted_problems
from lzzr.workspace.letters_register import read_letter_states
from lzzr.workspace.load import Workspace
from lzzr.workspace.scheme import Locate, Scheme, scheme_of
from lzzr.workspace.scheme_check import load_scheme_source


@dataclass
class AssessRun(ProblemCounts):
    """The workspace, every problem (check, records, scheme; sorted) and, when there are no
    errors, the assessment."""

    workspace: Workspace
    problems: list[Problem]
    assessment: Assessment | None


def assess_workspace(root: Path, scheme_file: Path | None = None, on: dt.date | None = None) -> AssessRun:
    """Check the workspace and its records; assess under `scheme_file` (else the workspace's
    own 考核方案). Raises LzzrError("assess.no_scheme") when there is no scheme at all."""
    checked = check_workspace(root)
    ws = checked.workspace
    problems = list(checked.problems)  # check_workspace already ran the record checks
    scheme, locate = _scheme(ws, scheme_file, problems)
    if scheme is None or any(p.severity is Severity.ERROR for p in problems):
        return AssessRun(ws, sorted_problems(problems), None)
    assessment = assess(ws, scheme, locate, on, read_letter_states(ws.root))
    problems = _merge(problems, list(assessment.problems))
    return AssessRun(ws, sorted_problems(problems), assessment if ws.config else None)


def _scheme(ws: Workspace, scheme_file: Path | None, problems: list[Problem]) -> tuple[Scheme | None, Locate | None]:
    if scheme_file is None:
        scheme = scheme_of(ws)
        if scheme is None and ws.config is not None and not _errors(problems):
            raise LzzrError("assess.no_scheme")
        return scheme, None
    scheme, found, locate = load_scheme_source(scheme_file)
    problems += found
    return scheme, locate


def _errors(problems: list[Problem]) -> bool:
    return any(p.severity is Severity.ERROR for p in problems)


def _merge(first: list[Problem], more: list[Problem]) -> list[Problem]:
    """`first` plus those of `more` not already in it (check may already run the record checks)."""
    seen = {(p.code, p.location, p.record) for p in first}
    return [*first, *(p for p in more if (p.code, p.location, p.record) not in seen)]


def problems_shown(run: AssessRun, explain: str | None) -> list[Problem]:
    """The problems to print: all of them, or with `--explain X` all but the scoring warnings
    about other targets."""
    if explain is None or run.assessment is None:
        return run.problems
    from lzzr.assessees import find_targets

    keys = {x.key for x in find_targets([r.target for r in run.assessment.results], explain)}
    if not keys:
        return run.problems
    hidden = {id(p) for p in run.assessment.problems} - {id(p) for p in run.assessment.problems_about(keys)}
    return [p for p in run.problems if id(p) not in hidden]
