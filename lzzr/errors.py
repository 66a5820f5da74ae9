"""Problems, locations, exceptions and exit codes: the vocabulary every layer shares."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class ExitCode(enum.IntEnum):
    """Exit codes of every `lzzr` command (documented in README.md)."""

    OK = 0
    PROBLEMS = 1
    USAGE = 2
    ENVIRONMENT = 3
    OVERDUE = 4  # `lzzr remind`: an item is in the overdue tier (红)
    LOCKED = 5  # another run holds the workspace lock (lzzr/lock.py)
    INTERNAL = 70
    INTERRUPTED = 130


class Severity(str, enum.Enum):
    """How bad a problem is: errors stop a command, warnings only under --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in the workspace: a file (relative to the workspace) and 1-based line/column.

    A spreadsheet cell keeps its row and column number in `line`/`column` (so problems sort
    by row) and prints as `cell`: `上级任务.xlsx:Sheet1!D14`.
    """

    file: str
    line: int = 0
    column: int = 0
    cell: str = ""

    def __str__(self) -> str:
        if self.cell:
            return f"{self.file}:{self.cell}"
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


@dataclass(frozen=True)
class Record:
    """The record a problem is about: its kind (`task`, `unit` …) and id."""

    kind: str
    id: str


@dataclass(frozen=True)
class Problem:
    """One finding. `code` selects the message; `args` fill it in the chosen language."""

    code: str
    location: Location
    severity: Severity = Severity.ERROR
    record: Record | None = None
    args: dict[str, Any] = field(default_factory=dict)
    msg: str = ""  # message key when it differs from `code` (a rule with several messages)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.location.file, self.location.line, self.location.column, self.code)


class ProblemCounts:
    """Counting the errors and warnings of an outcome that has a `problems` list."""

    problems: list[Problem]

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    def failed(self, strict: bool = False) -> bool:
        """Errors fail; with `strict`, warnings too."""
        return self.errors > 0 or (strict and self.warnings > 0)


class LzzrError(Exception):
    """An error the user can act on; `cli.py` prints it on one line and exits with `exit_code`."""

    exit_code = ExitCode.PROBLEMS

    def __init__(self, code: str, **args: Any) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args


class UsageError(LzzrError):
    """The command line itself is wrong (missing folder, bad option value)."""

    exit_code = ExitCode.USAGE


class EnvironmentProblem(LzzrError):
    """The machine lacks something lzzr needs (fonts, system libraries)."""

    exit_code = ExitCode.ENVIRONMENT


class WorkspaceLocked(LzzrError):
    """Another run holds the workspace lock and did not finish within the wait."""

    exit_code = ExitCode.LOCKED
