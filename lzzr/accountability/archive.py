"""The outcome of a decision in each handled leader's 廉政档案 (`廉政档案/<leader>.yaml`).

The same files as the assessment's (lzzr/assess/archive.py writes `考核记录`); here the key
`责任追究`, one entry per incident (`2026-W01`). Rewriting an entry replaces the keys lzzr
writes and keeps whatever a cadre added, and comments; the folder's reading, confinement and
writing are lzzr/workspace/archive.py's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from lzzr.workspace.archive import ARCHIVE_DIR, write_leader_files
from lzzr.workspace.load import Workspace

from .trace import Trace

__all__ = ["ARCHIVE_DIR", "KEY", "entry_id", "outcome_entries", "write_outcomes"]

KEY = "责任追究"
COMMENT = "廉政档案（lzzr 写入“考核记录”“责任追究”；其他内容可手工填写，重新生成时保留）"


def entry_id(tr: Trace) -> str:
    return f"{tr.event.date.year}-{tr.id}"


def outcome_entries(ws: Workspace, tr: Trace) -> dict[str, dict[str, Any]]:
    """Leader id → the entry of this incident, for every leader the decision handles."""
    e, d = tr.event, tr.event.decision
    labels = tr.labels()
    unit = ws.units.get(e.unit)
    found: dict[str, dict[str, Any]] = {}
    for s in e.sanctions:
        entry: dict[str, Any] = {
            "年度": e.date.year, "事件": tr.id, "事由": e.cause, "事件日期": e.date.isoformat(),
            "单位": unit.name if unit else e.unit, "情形": e.situation,
            "领导责任": labels.get(s.leader, "—"), "处理": s.outcome, "细目": s.detail,
            "处理日期": (s.date or (d.date if d else e.date)).isoformat(),
            "决定机关": d.body if d else None, "文号": s.number or (d.number if d else None), "说明": s.note,
        }
        found[s.leader] = {k: v for k, v in entry.items() if v is not None}
    return found


def write_outcomes(ws: Workspace, tr: Trace) -> list[Path]:
    """Write (or update) this incident's entry in each handled leader's file."""
    def put(doc: CommentedMap, entry: dict[str, Any]) -> None:
        table = doc[KEY]
        current = table.get(entry_id(tr))
        if not isinstance(current, CommentedMap):
            current = table[entry_id(tr)] = CommentedMap()
        for key, value in entry.items():
            current[key] = value

    return write_leader_files(ws, outcome_entries(ws, tr), KEY, COMMENT, put)
