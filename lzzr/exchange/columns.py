"""Which spreadsheet columns hold which field: Chinese defaults per import kind, overridable in
lzzr.yaml (`导入列名`), and finding the header row (one line, or two with merged cells).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from lzzr.errors import Problem
from lzzr.exchange.sheet import Cell, Grid
from lzzr.workspace.load import Workspace
from lzzr.workspace.scheme import iter_indicators, scheme_of


@dataclass(frozen=True)
class Column:
    """A field of the imported record: its YAML key, the headers that name it, how to read it."""

    key: str
    headers: tuple[str, ...]
    read: str = "text"


@dataclass(frozen=True)
class Kind:
    """An import kind: the section it fills, the default file, its columns."""

    name: str
    section: str
    record: str
    file: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


ID = Column("编号", ("编号", "任务编号", "ID"), "id")
KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("upper", "上级任务", "uptask", "upper.yaml", (
        ID,
        Column("文件", ("文件", "上级文件", "来源文件", "文号", "文件名称"), "updoc"),
        Column("条目", ("条目", "序号", "条目序号")),
        Column("原文", ("原文", "任务内容", "工作任务", "主要任务", "内容", "任务")),
        Column("类别", ("类别", "分类", "任务类别", "类型")),
    )),
    Kind("tasks", "任务", "task", "tasks.yaml", (
        ID,
        Column("名称", ("名称", "任务名称", "任务", "工作任务", "任务事项")),
        Column("所属任务", ("所属任务", "上级任务编号", "父任务"), "task"),
        Column("来源", ("来源", "任务来源", "上级任务"), "uptasks"),
        Column("类别", ("类别", "分类", "任务类别")),
        Column("内容", ("内容", "任务内容", "具体内容")),
        Column("牵头部门", ("牵头部门", "牵头单位", "责任单位", "主责单位"), "unit"),
        Column("协办单位", ("协办单位", "配合单位", "协办部门", "参与单位"), "units"),
        Column("总负责人", ("总负责人", "责任领导", "分管领导", "牵头领导"), "leader"),
        Column("具体负责人", ("具体负责人", "责任人", "具体责任人"), "person"),
        Column("工作标准", ("工作标准", "标准", "工作要求", "目标要求")),
        Column("量化指标", ("量化指标", "指标"), "targets"),
        Column("成果", ("成果", "成果形式")),
        Column("完成时限", ("完成时限", "完成时间", "时限", "截止时间", "完成期限"), "date"),
        Column("保障措施", ("保障措施", "措施"), "texts"),
        Column("监督主体", ("监督主体", "监督单位", "督查单位"), "unit"),
        Column("备注", ("备注",)),
    )),
    Kind("progress", "任务进展", "progress", "progress.yaml", (
        Column("任务编号", ("任务编号", "编号"), "task"),
        Column("任务", ("任务", "任务名称", "名称"), "task"),
        Column("状态", ("状态", "完成情况", "完成状态"), "status"),
        Column("完成日期", ("完成日期", "完成时间", "日期"), "date"),
        Column("实际", ("实际", "实际值", "完成指标"), "actual"),
        Column("完成比例", ("完成比例", "完成进度", "进度"), "number"),
        Column("依据", ("依据", "佐证材料", "佐证", "证明材料"), "texts"),
        Column("说明", ("说明", "进展", "进展情况")),
    )),
    Kind("duties", "履职记录", "duties", "duties.yaml", (
        Column("领导", ("领导", "姓名", "领导姓名"), "leader"),
        Column("事项", ("事项", "履职事项", "职责")),
        Column("完成", ("已完成", "是否完成", "完成"), "tick"),
        Column("日期", ("日期", "履职日期", "时间"), "date"),
        Column("依据", ("依据", "佐证材料", "佐证"), "texts"),
        Column("备注", ("备注", "说明")),
    )),
    Kind("polls", "民主测评", "poll", "polls.yaml", (
        Column("编号", ("编号", "测评编号"), "id"),
        Column("对象", ("对象", "测评对象", "对象类别")),
        Column("单位", ("单位", "被测评单位"), "unit"),
        Column("领导", ("领导", "被测评领导", "姓名"), "leader"),
        Column("日期", ("日期", "测评日期"), "date"),
        Column("测评人", ("测评人", "测评人类别", "参评人员")),
        Column("发放", ("发放", "发放票数", "发出"), "count"),
        Column("收回", ("收回", "收回票数", "有效票"), "count"),
        Column("备注", ("备注",)),
    )),
)}
VOTE_OPTIONS = ("满意", "基本满意", "不满意", "不了解", "好", "较好", "一般", "差", "优秀", "良好", "合格", "不合格")
KIND_ALIASES = {k.section: k.name for k in KINDS.values()}


@dataclass
class Header:
    """Where the header is (its last row) and which grid column holds which field."""

    last_row: int
    columns: dict[str, int] = field(default_factory=dict)
    votes: dict[str, int] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, Cell]] = field(default_factory=list)


_SUFFIX = re.compile(r"[(（][^)）]*[)）]$")


def header_key(text: str) -> str:
    """A header as compared: half-width, no spaces, no `*`, no `（必填）`-like suffix."""
    plain = "".join(unicodedata.normalize("NFKC", text).split()).strip("*＊")
    return _SUFFIX.sub("", plain) or plain


def header_names(kind: Kind, overrides: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Header key → field key; names from lzzr.yaml come first and win."""
    names: dict[str, str] = {}
    for column in kind.columns:
        for text in (*overrides.get(column.key, ()), *column.headers):
            names.setdefault(header_key(text), column.key)
    return names


def find_header(grid: Grid, kind: Kind, overrides: dict[str, tuple[str, ...]], votes: tuple[str, ...]) -> Header | None:
    """The first row (of the first 20) naming at least two fields, with a second header line
    below it when that row only holds field names and copies of merged header cells."""
    names = header_names(kind, overrides)
    vote_keys = {header_key(v): v for v in votes}
    for r, row in enumerate(grid.rows[:20]):
        matched = [c for c in row if isinstance(c.value, str) and header_key(c.value) in names]
        if len(matched) < 2:
            continue
        header = Header(r + 1)
        lower = grid.rows[r + 1] if r + 1 < len(grid.rows) else []
        second = _second_line(lower, names)
        if second:
            header.last_row = r + 2
        for i, cell in enumerate(row):
            below = lower[i] if second and i < len(lower) else None
            _assign(header, names, vote_keys, cell, below)
        return header
    return None


def _second_line(row: list[Cell], names: dict[str, str]) -> bool:
    """A second header line: text only, and either every text names a field or the header
    row has cells merged down into it."""
    own = [c for c in row if c.value is not None and not c.copied]
    if not own or not all(isinstance(c.value, str) for c in own):
        return False
    named = all(header_key(c.value) in names for c in own)
    return named or any(c.copied == "v" for c in row)


def _assign(header: Header, names: dict[str, str], votes: dict[str, str], cell: Cell, below: Cell | None) -> None:
    for candidate in (below, cell):
        if candidate is None or not isinstance(candidate.value, str) or (candidate is below and below.copied):
            continue
        key = header_key(candidate.value)
        if key in names:
            if names[key] in header.columns:
                header.duplicates.append((names[key], candidate))
            else:
                header.columns[names[key]] = candidate.col
            return
        if key in votes:
            header.votes[votes[key]] = candidate.col
            return
    if below is not None and isinstance(below.value, str) and not below.copied:
        header.ignored.append(below.value)
    elif isinstance(cell.value, str) and not cell.copied:
        header.ignored.append(cell.value)


def column_overrides(ws: Workspace, kind: Kind) -> tuple[dict[str, tuple[str, ...]], list[Problem]]:
    """lzzr.yaml → 导入列名 → <kind> → <field>: [headers]; unknown kinds and fields are problems."""
    assert ws.config is not None
    problems: list[Problem] = []
    chosen: dict[str, tuple[str, ...]] = {}
    for name, fields in ws.config.columns.items():
        other = KINDS.get(KIND_ALIASES.get(name, name))
        if other is None:
            problems.append(Problem("X153", ws.locate("config", "", "导入列名", name, key=True),
                                    args={"value": name, "known": "、".join(KIND_ALIASES)}))
            continue
        for key, headers in fields.items():
            if key not in {c.key for c in other.columns}:
                known = "、".join(c.key for c in other.columns)
                problems.append(Problem("X154", ws.locate("config", "", "导入列名", name, key, key=True),
                                        args={"value": key, "kind": other.section, "known": known}))
            elif other is kind:
                chosen[key] = headers
    return chosen, problems


def vote_options(ws: Workspace) -> tuple[str, ...]:
    """Columns read as vote counts: the usual options and those of the workspace's scheme."""
    scheme = scheme_of(ws)
    found = [opt for *_x, ind in iter_indicators(scheme) for opt in ind.options] if scheme else []
    return (*VOTE_OPTIONS, *found)
