"""`lzzr check` through the result cache: an unchanged workspace is answered from the cache.

Only the check command's output is kept (problems, rule settings, counts), not the loaded
workspace: commands that go on to render or score need the model and load it as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lzzr import cache
from lzzr.errors import Location, Problem, ProblemCounts, Record, Severity

KIND = "check"


@dataclass
class CheckSummary(ProblemCounts):
    """What `lzzr check` prints: the problems (sorted), rule settings applied, the counts."""

    root: Path
    problems: list[Problem]
    settings: dict[str, str]
    summary: dict[str, Any] = field(default_factory=dict)
    cached: bool = False

    def counts(self) -> dict[str, Any]:
        return self.summary


def check_summary(root: Path, use_cache: bool = True, fresh: Callable[[Path], Any] | None = None) -> CheckSummary:
    """The check of `root`, from the cache when every input is unchanged (see lzzr.cache);
    `fresh` runs the check when the cache cannot answer (default: `check_workspace`)."""
    if not use_cache or not root.is_dir():
        return _fresh(root, fresh)
    key = cache.inputs_key(root, KIND)
    stored = cache.load(root, KIND, key)
    if stored is not None:
        found = _decode(root, stored)
        if found is not None:
            return found
    result = _fresh(root, fresh)
    cache.store(root, KIND, key, _encode(result))
    return result


def _fresh(root: Path, fresh: Callable[[Path], Any] | None) -> CheckSummary:
    from lzzr.check import check_workspace  # the model and the rules, only when needed

    result = (fresh or check_workspace)(root)
    return CheckSummary(result.workspace.root, result.problems, result.settings, result.counts())


def _encode(s: CheckSummary) -> tuple[Any, ...]:
    return (encode_problems(s.problems), s.settings, s.summary)


def encode_problems(problems: list[Problem]) -> list[tuple[Any, ...]]:
    """Problems as plain data (for lzzr.cache); `decode_problems` gives them back."""
    return [(p.code, p.location.file, p.location.line, p.location.column, p.severity.value,
             p.record.kind if p.record else None, p.record.id if p.record else None, p.args, p.msg)
            for p in problems]


def decode_problems(rows: Any) -> list[Problem]:
    """Problems back from `encode_problems`' data; TypeError or ValueError when it is not of that shape."""
    return [Problem(code, Location(file, line, col), Severity(sev),
                    Record(kind, rid) if kind is not None else None, dict(args), msg)
            for code, file, line, col, sev, kind, rid, args, msg in rows]


def _decode(root: Path, value: Any) -> CheckSummary | None:
    """The summary back from plain data; None when it is not of the expected shape."""
    try:
        rows, settings, summary = value
        return CheckSummary(root, decode_problems(rows), dict(settings), dict(summary), cached=True)
    except (TypeError, ValueError):
        return None
