"""Imported records → workspace YAML, keeping every file's comments and layout (ruamel.yaml
round trip). New records are appended to the chosen file; a record that exists already and
differs is a change, shown as a diff and applied only when asked to; an equal one is left.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from lzzr.errors import Location, Problem
from lzzr.exchange.build import Built
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import parse_date
from lzzr.workspace.reader import round_trip_yaml
from lzzr.workspace.records import DutyDone
from lzzr.workspace.sections import SECTIONS

# Depth at which a record's values are written in flow style ({…}, […]), as the sample does.
FLOW_DEPTH = {"上级任务": 1, "任务": 1, "任务进展": 0, "履职记录": 2, "民主测评": 2}


@dataclass
class Change:
    """What importing one record does: `new`, `changed`, `same`, or `more` (duty entries added)."""

    status: str
    section: str
    rid: str
    file: str
    row: int
    diff: str = ""


@dataclass
class Writes:
    """The changes, and the new text of every file they touch."""

    changes: list[Change] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for c in self.changes if c.status == status)


def plan_writes(ws: Workspace, records: list[Built], into: dict[str, str], update: bool, source: str) -> Writes:
    """The file texts after importing `records` (changes applied only with `update`);
    `into` names the file new records of each section go to."""
    out = Writes()
    docs: dict[str, Any] = {}
    for rec in records:
        kind = SECTIONS[rec.section][0]
        file = ws.locate(kind, rec.rid).file if ws.known(kind, rec.rid) else into[rec.section]
        doc = _doc(ws, file, docs, out)
        if doc is None:
            continue
        section = doc.setdefault(rec.section, CommentedMap())
        if rec.rid not in section:
            section[rec.rid] = to_node(rec.data, FLOW_DEPTH[rec.section])
            out.changes.append(Change("new", rec.section, rec.rid, file, rec.row))
        else:
            out.changes.append(_update(section, rec, file, update, source))
    touched = {c.file for c in out.changes if c.status in ("new", "more") or (update and c.status == "changed")}
    for file in sorted(touched):
        out.texts[file] = _dump(docs[file])
    return out


def _doc(ws: Workspace, file: str, docs: dict[str, Any], out: Writes) -> Any:
    if file in docs:
        return docs[file]
    path = ws.root / file
    try:
        doc = round_trip_yaml().load(path.read_text(encoding="utf-8")) if path.exists() else None
    except (UnicodeDecodeError, YAMLError, OSError):
        out.problems.append(Problem("X130", Location(file, 1, 1)))
        docs[file] = None
        return None
    docs[file] = doc if isinstance(doc, CommentedMap) else CommentedMap()
    return docs[file]


def _update(section: Any, rec: Built, file: str, update: bool, source: str) -> Change:
    model = SECTIONS[rec.section][1]
    old = section[rec.rid]
    new_data = _with_old_entries(old, rec) if rec.section == "履职记录" else rec.data
    if _equal(model, old, new_data):
        return Change("same", rec.section, rec.rid, file, rec.row)
    new = to_node(new_data, FLOW_DEPTH[rec.section])
    diff = _diff(rec.rid, old, new, f"{file} {rec.section} {rec.rid}", source)
    status = "more" if rec.section == "履职记录" and _only_added(old, rec) else "changed"
    if update or status == "more":
        section[rec.rid] = new if status == "changed" else _append_entries(old, rec)
    return Change(status, rec.section, rec.rid, file, rec.row, diff)


def _equal(model: Any, old: Any, new: dict[str, Any]) -> bool:
    try:
        return bool(model.model_validate(plain(old)) == model.model_validate(new))
    except ValidationError:
        return False


def _entry_key(entry: Any) -> tuple[str, str]:
    """A duty entry is the same entry when 事项 and 日期 are (`2026年2月20日` = 2026-02-20)."""
    day = entry.get("日期")
    try:
        day = parse_date(day).isoformat()
    except (ValueError, TypeError):
        day = str(day)
    return str(entry.get("事项")), str(day)


def _with_old_entries(old: Any, rec: Built) -> dict[str, Any]:
    """A duty log: the entries on file, each replaced by the sheet's entry with the same
    事项 and 日期, then the sheet's new entries."""
    sheet = {_entry_key(e): e for e in rec.data["记录"]}
    kept = [sheet.pop(_entry_key(plain(e)), plain(e)) for e in old.get("记录", [])]
    return {**plain(old), "记录": [*kept, *sheet.values()]}


def _only_added(old: Any, rec: Built) -> bool:
    on_file = {_entry_key(plain(e)): plain(e) for e in old.get("记录", [])}
    return all(_entry_key(e) not in on_file or _same_entry(on_file[_entry_key(e)], e) for e in rec.data["记录"])


def _same_entry(old: dict[str, Any], new: dict[str, Any]) -> bool:
    try:
        return DutyDone.model_validate(old) == DutyDone.model_validate(new)
    except ValidationError:
        return False


def _append_entries(old: Any, rec: Built) -> Any:
    on_file = {_entry_key(plain(e)) for e in old.get("记录", [])}
    entries = old.setdefault("记录", CommentedSeq())
    for entry in rec.data["记录"]:
        if _entry_key(entry) not in on_file:
            entries.append(to_node(entry, 0))
    return old


def plain(node: Any) -> Any:
    """ruamel containers → dicts and lists; dates as ISO text (what the loader reads)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    return node


def to_node(value: Any, flow_depth: int, depth: int = 0, key: str = "") -> Any:
    """Plain data → ruamel containers, flow style from `flow_depth` on (量化指标 stays a block
    list of flow maps, as the sample writes it)."""
    if isinstance(value, dict):
        node = CommentedMap((k, to_node(v, flow_depth, depth + 1, k)) for k, v in value.items())
        if depth >= flow_depth:
            node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq(to_node(v, flow_depth if key != "量化指标" else depth + 1, depth + 1) for v in value)
        if depth >= flow_depth and key != "量化指标":
            seq.fa.set_flow_style()
        return seq
    return value


def _dump(doc: Any) -> str:
    buffer = io.StringIO()
    round_trip_yaml().dump(doc, buffer)
    return buffer.getvalue()


def _diff(rid: str, old: Any, new: Any, before: str, after: str) -> str:
    lines = difflib.unified_diff(_dump({rid: old}).splitlines(), _dump({rid: new}).splitlines(),
                                 before, after, lineterm="", n=1)
    return "\n".join(lines)
