"""Checks of lzzr.yaml beyond its schema, every problem located (run by the loader, so `lzzr
check` and every command that loads the workspace report them).

- a 时段 of 发文 → 落实情况报告 is listed once: two entries for one period would give its
  report two numbers and dates (2026h1 is 2026H1, `时段: 2026` is "2026").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lzzr.errors import Problem, Record

if TYPE_CHECKING:
    from lzzr.workspace.load import Workspace


def check_config(ws: Workspace) -> list[Problem]:
    """Every problem of the loaded lzzr.yaml that its schema cannot see."""
    return list(_twice_periods(ws))


def _twice_periods(ws: Workspace) -> Iterator[Problem]:
    if ws.config is None:
        return
    first: dict[str, int] = {}
    for i, doc in enumerate(ws.config.issuing.reports):
        key = str(doc.period).strip().upper()
        if key in first:
            where = ws.locate("config", "", "发文", "落实情况报告", i, "时段")
            yield Problem("S018", where, record=Record("config", ""),
                          args={"field": "时段", "value": doc.period, "first": first[key] + 1})
        first.setdefault(key, i)
