"""The outcome of a decision in each handled leader's 廉政档案 (`廉政档案/<leader>.yaml`).

The same files as the assessment's (lzzr/archive.py writes `考核记录`); here the key
`责任追究`, one entry per incident (`2026-W01`). Rewriting an entry replaces the keys lzzr
writes and keeps whatever a cadre added, and comments (ruamel.yaml round trip). Every file
is read before any is written, so a file that cannot be read stops the run unchanged.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from lzzr.errors import LzzrError
from lzzr.fsutil import write_atomic
from lzzr.workspace.load import Workspace

from .trace import Trace

ARCHIVE_DIR = "廉政档案"  # shared with lzzr/archive.py (the assessment's entries)
KEY = "责任追究"


def rt_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


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


def read_file(yaml: YAML, path: Path) -> CommentedMap:
    """A leader's file, or an empty one; LzzrError when it cannot be read."""
    if not path.exists():
        doc = CommentedMap()
        doc.yaml_set_start_comment("廉政档案（lzzr 写入“考核记录”“责任追究”；其他内容可手工填写，重新生成时保留）")
        return doc
    try:
        data = yaml.load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise LzzrError("archive.bad", path=str(path), detail=str(exc).splitlines()[0]) from None
    if data is None:
        return CommentedMap()
    if not isinstance(data, CommentedMap) or not isinstance(data.get(KEY, CommentedMap()), CommentedMap):
        raise LzzrError("archive.bad", path=str(path), detail="顶层应为映射，责任追究应为按事件的映射")
    return data


def write_outcomes(ws: Workspace, tr: Trace) -> list[Path]:
    """Write (or update) this incident's entry in each handled leader's file."""
    folder = ws.root / ARCHIVE_DIR
    entries = outcome_entries(ws, tr)
    yaml = rt_yaml()
    docs = {leader: read_file(yaml, folder / f"{leader}.yaml") for leader in entries}
    written = []
    for leader, entry in entries.items():
        doc = docs[leader]
        person = ws.leaders.get(leader)
        for pos, (key, value) in enumerate((("领导", leader), ("姓名", person.name if person else leader))):
            if key not in doc:
                doc.insert(pos, key, value)
        table = doc.setdefault(KEY, CommentedMap())
        current = table.get(entry_id(tr))
        if not isinstance(current, CommentedMap):
            current = table[entry_id(tr)] = CommentedMap()
        for key, value in entry.items():
            current[key] = value
        buffer = io.StringIO()
        yaml.dump(doc, buffer)
        path = folder / f"{leader}.yaml"
        write_atomic(path, buffer.getvalue())
        written.append(path)
    return written
