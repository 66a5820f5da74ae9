"""Rows → workspace records (plain data with Chinese keys), ids found or given, each validated
against the workspace model with problems located at the cell they come from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from lzzr.errors import Location, Problem, Record
from lzzr.exchange.rows import Reader, Row
from lzzr.exchange.sheet import Cell
from lzzr.exchange.values import CellError, read_count, read_text
from lzzr.workspace.load import Workspace
from lzzr.workspace.sections import SECTIONS


@dataclass
class Built:
    """A record the sheet gives: section, id, data (as it will be written), its cells."""

    section: str
    rid: str
    data: dict[str, Any]
    cells: list[dict[str, Cell]] = field(default_factory=list)
    failed: bool = False  # a cell of it was already reported: no second message from the model
    origin: Location | None = None  # its first row, where problems found later are shown

    @property
    def row(self) -> int:
        return min((c.row for cells in self.cells for c in cells.values()), default=0)


@dataclass
class Context:
    """What rows are read against: the workspace, the default upper document (--doc)."""

    ws: Workspace
    doc: str | None = None


def build_records(reader: Reader, ctx: Context) -> list[Built]:
    """Every record the sheet's rows give, merged by id (duty entries, poll voter classes)."""
    if reader.kind.name == "tasks":
        _announce_tasks(reader)
    builder = _BUILDERS[reader.kind.name]
    built: list[Built] = []
    for row in reader.rows():
        errors = _errors(reader)
        one = builder(reader, row, ctx)
        if one is not None:
            one.failed = _errors(reader) > errors
            built.append(one)
    records = _merge(built)
    reader.problems += _duplicates(records, reader)
    _assign_ids(records, ctx.ws)
    for rec in records:
        rec.origin = reader.where(rec.row, reader.column_of("编号"))
        if not rec.failed:
            reader.problems += validate(rec, reader)
    return records


def _errors(reader: Reader) -> int:
    return sum(1 for p in reader.problems if p.severity.value == "error")


def _missing(reader: Reader, row: Row, key: str, rec: Record | None = None, msg: str = "") -> None:
    cell = Cell(None, row.number, reader.column_of(key))
    reader.problem(CellError("X121", field=key, **({"msg": msg} if msg else {})), cell, key, rec)


def _put(data: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, "", [], {}):
        data[key] = value


def _upper(reader: Reader, row: Row, ctx: Context) -> Built | None:
    rid = reader.value(row, "编号") or ""
    doc = reader.value(row, "文件") if "文件" in row.cells else ctx.doc
    text = reader.value(row, "原文")
    if doc is None and "文件" not in row.cells:
        _missing(reader, row, "文件", msg="X121.doc")
    if text is None and "原文" not in row.cells:
        _missing(reader, row, "原文")
    data: dict[str, Any] = {}
    _put(data, "文件", doc)
    _put(data, "条目", reader.value(row, "条目"))
    _put(data, "类别", reader.value(row, "类别") or row.category)
    _put(data, "原文", text)
    return Built("上级任务", rid, data, [row.cells])


_TASK_KEYS = ("名称", "所属任务", "来源", "类别", "内容", "牵头部门", "协办单位", "总负责人", "具体负责人",
              "工作标准", "量化指标", "成果", "完成时限", "保障措施", "监督主体", "备注")


def _announce_tasks(reader: Reader) -> None:
    """Tasks of the sheet are known by id and name before any row is read (a sub-task may
    stand above its parent)."""
    for row in reader.rows():
        rid, name = row.cells.get("编号"), row.cells.get("名称")
        if rid is not None and isinstance(rid.value, str):
            reader.dirs["task"].add(rid.value.strip(), read_text(name.value) if name else rid.value.strip())


def _task(reader: Reader, row: Row, ctx: Context) -> Built | None:
    rid = reader.value(row, "编号") or ""
    rec = Record("task", rid) if rid else None
    data: dict[str, Any] = {}
    for key in _TASK_KEYS:
        value = reader.value(row, key, rec)
        _put(data, key, row.category if key == "类别" and value is None else value)
    if "名称" not in row.cells:
        _missing(reader, row, "名称", rec)
    return Built("任务", rid, data, [row.cells])


def _progress(reader: Reader, row: Row, ctx: Context) -> Built | None:
    tid = reader.value(row, "任务编号") or reader.value(row, "任务")
    if tid is None:
        if "任务编号" not in row.cells and "任务" not in row.cells:
            _missing(reader, row, "任务编号")
        return None
    rec = Record("progress", tid)
    data: dict[str, Any] = {}
    filled = ("状态", "完成日期", "实际", "完成比例", "依据", "说明")
    if not any(key in row.cells for key in filled):
        return None  # a task row nobody filled in (a returned form lists every task)
    for key in filled:
        _put(data, key, reader.value(row, key, rec))
    if "状态" not in row.cells:
        _missing(reader, row, "状态", rec)
    return Built("任务进展", tid, data, [row.cells])


def _duty(reader: Reader, row: Row, ctx: Context) -> Built | None:
    lid = reader.value(row, "领导")
    if lid is None:
        if "领导" not in row.cells:
            _missing(reader, row, "领导")
        return None
    rec = Record("duties", lid)
    if "完成" in reader.header.columns and reader.value(row, "完成", rec) is not True:
        return None  # not ticked: not done
    entry: dict[str, Any] = {}
    for key in ("事项", "日期", "依据", "备注"):
        _put(entry, key, reader.value(row, key, rec))
    return Built("履职记录", lid, {"记录": [entry]}, [row.cells])


def _poll(reader: Reader, row: Row, ctx: Context) -> Built | None:
    unit, leader = reader.value(row, "单位"), reader.value(row, "领导")
    pid = reader.value(row, "编号") or (f"MC-{unit or leader}" if unit or leader else None)
    if pid is None:
        _missing(reader, row, "编号")
        return None
    rec = Record("poll", pid)
    data: dict[str, Any] = {}
    for key, value in (("对象", reader.value(row, "对象", rec)), ("单位", unit), ("领导", leader),
                       ("日期", reader.value(row, "日期", rec)), ("备注", reader.value(row, "备注", rec))):
        _put(data, key, value)
    voters = reader.value(row, "测评人", rec)
    if voters is None:
        _missing(reader, row, "测评人", rec)
        return None
    ballots: dict[str, Any] = {"发放": reader.value(row, "发放", rec), "收回": reader.value(row, "收回", rec)}
    ballots["票数"] = {opt: _count(reader, cell, rec) for opt, cell in row.votes.items()}
    ballots = {k: v for k, v in ballots.items() if v is not None}
    data["测评人"] = {voters: ballots}
    return Built("民主测评", pid, data, [{**row.cells, **row.votes}])


def _count(reader: Reader, cell: Cell, rec: Record) -> int | None:
    try:
        return read_count(cell.value)
    except CellError as exc:
        reader.problem(exc, cell, "票数", rec)
        return None


_BUILDERS: dict[str, Callable[[Reader, Row, Context], Built | None]] = {
    "upper": _upper, "tasks": _task, "progress": _progress, "duties": _duty, "polls": _poll,
}


def _merge(built: list[Built]) -> list[Built]:
    """Rows of one duty log or one poll become one record; other kinds keep one per row."""
    merged: dict[tuple[str, str], Built] = {}
    out: list[Built] = []
    for one in built:
        key = (one.section, one.rid)
        if one.section not in ("履职记录", "民主测评") or key not in merged:
            merged[key] = one
            out.append(one)
            continue
        into = merged[key]
        into.cells += one.cells
        into.failed = into.failed or one.failed
        if one.section == "履职记录":
            into.data["记录"] += one.data["记录"]
        else:
            into.data["测评人"].update(one.data["测评人"])
    return out


def _duplicates(records: list[Built], reader: Reader) -> list[Problem]:
    seen: dict[tuple[str, str], Built] = {}
    problems = []
    for rec in records:
        key = (rec.section, rec.rid)
        if rec.rid and key in seen:
            where = reader.where(rec.row, reader.column_of("编号"))
            problems.append(Problem("X115", where, args={"id": rec.rid, "first": seen[key].row}))
        seen.setdefault(key, rec)
    return problems


_TAIL = re.compile(r"(.*?)(\d+)$")


def _assign_ids(records: list[Built], ws: Workspace) -> None:
    """Records without an id: an existing record with the same name (task) or the same text
    (upper task) keeps its id; others get the next free one (S07, T12, T03.4)."""
    last: dict[str, int] = {}
    for rec in records:
        if rec.rid or rec.section not in ("任务", "上级任务"):
            continue
        kind = "task" if rec.section == "任务" else "uptask"
        existing = ws.collection(kind)
        same = [rid for rid, x in existing.items() if _same(rec, x)]
        if len(same) == 1:
            rec.rid = same[0]
            continue
        parent = rec.data.get("所属任务") if rec.section == "任务" else None
        prefix = f"{parent}." if parent else ("T" if rec.section == "任务" else "S")
        if prefix not in last:
            taken = set(existing) | {r.rid for r in records if r.rid}
            last[prefix] = max((int(m[2]) for rid in taken if (m := _TAIL.fullmatch(rid)) and m[1] == prefix),
                               default=0)
        last[prefix] += 1
        rec.rid = f"{prefix}{last[prefix]:0{1 if parent else 2}d}"


def _same(rec: Built, existing: Any) -> bool:
    if rec.section == "任务":
        return bool(existing.title == rec.data.get("名称") and existing.parent == rec.data.get("所属任务"))
    return bool(existing.text == rec.data.get("原文"))


def validate(rec: Built, reader: Reader) -> list[Problem]:
    """The record checked against the workspace model; each error located at its cell."""
    kind, model = SECTIONS[rec.section]
    try:
        model.model_validate(rec.data)
    except ValidationError as exc:
        return [_model_problem(rec, kind, e, reader) for e in exc.errors(include_url=False)]
    return []


def _model_problem(rec: Built, kind: str, err: Any, reader: Reader) -> Problem:
    loc = [str(x) for x in err["loc"]]
    index = int(loc[1]) if len(loc) > 2 and loc[1].isdigit() else 0
    cells = rec.cells[min(index, len(rec.cells) - 1)] if rec.cells else {}
    key = next((k for k in reversed(loc) if k in cells or k in reader.header.columns), loc[-1] if loc else "")
    cell = cells.get(key)
    where = reader.where(cell.row if cell else rec.row, cell.col if cell else reader.column_of(key))
    record = Record(kind, rec.rid)
    if err["type"] == "missing":
        return Problem("X121", where, record=record, args={"field": key})
    if err["type"] == "literal_error":
        expected = str(err.get("ctx", {}).get("expected", ""))
        allowed = expected.replace("' or '", "、").replace("', '", "、").strip("'")
        return Problem("X114", where, record=record, args={"field": key, "value": read_text(err["input"]),
                                                           "allowed": allowed})
    return Problem("X120", where, record=record, args={"field": key, "value": read_text(err["input"]),
                                                       "detail": err["msg"]})
