"""Files → model: read the workspace, validate every record, check ids, references, cycles.

`load_workspace` never raises for bad input: it returns whatever could be built plus every
problem found, each located at file:line:col and naming its record.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from lzzr.errors import Location, Problem, Record, Severity, UsageError
from lzzr.fsutil import leaves
from lzzr.i18n import kind_label, t
from lzzr.workspace.config_check import check_config
from lzzr.workspace.model import Config, Leader, Plan, Post, Task, Team, Unit, UpperDoc, UpperTask
from lzzr.workspace.names import Found, resolve
from lzzr.workspace.read_many import read_files
from lzzr.workspace.reader import Parsed, Path_, Positions, read_yaml
from lzzr.workspace.sections import SECTIONS, SINGLETONS
from lzzr.workspace.validate import describe, suggestion, validate_record

_T = TypeVar("_T")
CONFIG_FILE = "lzzr.yaml"
DATA_SUFFIXES = (".yaml", ".yml")


@dataclass
class Workspace:
    """One year's data, as far as it could be loaded, with the way back to the source."""

    root: Path
    config: Config | None = None
    units: dict[str, Unit] = field(default_factory=dict)
    leaders: dict[str, Leader] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)
    updocs: dict[str, UpperDoc] = field(default_factory=dict)
    uptasks: dict[str, UpperTask] = field(default_factory=dict)
    tasks: dict[str, Task] = field(default_factory=dict)
    plan: Plan | None = None
    extra: dict[str, dict[str, Any]] = field(default_factory=dict)
    singletons: dict[str, Any] = field(default_factory=dict)
    inherited: dict[str, frozenset[str]] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)
    _where: dict[tuple[str, str], tuple[Positions, Path_]] = field(default_factory=dict)
    _invalid: set[tuple[str, str]] = field(default_factory=set)
    _invalid_tasks: dict[str, dict[str, Any]] = field(default_factory=dict)  # their raw data
    _tainted: set[Path_] = field(default_factory=set)
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)  # derived lookups (rules)

    def memoised(self, name: str, build: Callable[[Workspace], _T]) -> _T:
        """A value derived from the loaded records (an index), built once while the record
        collections stay the same objects of the same size."""
        u, le, te, ud, ut, ta = self.units, self.leaders, self.teams, self.updocs, self.uptasks, self.tasks
        raw = self.raw
        key = (id(u), id(le), id(te), id(ud), id(ut), id(ta), id(raw),  # written out: asked per task
               len(u), len(le), len(te), len(ud), len(ut), len(ta), len(raw), id(self.plan), id(self.config))
        found = self.memo.get(name)
        if found is None or found[0] != key:
            found = (key, build(self))
            self.memo[name] = found
        value: _T = found[1]
        return value

    def tainted(self, path: Path_) -> bool:
        """Whether a refused value (a forbidden tag, already reported) lies under `path`."""
        return any(t[: len(path)] == path for t in self._tainted)

    def collection(self, kind: str) -> dict[str, Any]:
        """The records of one kind (section), by id; kinds beyond the core ones live in `extra`."""
        tables: dict[str, dict[str, Any]] = {
            "unit": self.units, "leader": self.leaders, "team": self.teams,
            "updoc": self.updocs, "uptask": self.uptasks, "task": self.tasks,
        }
        return tables[kind] if kind in tables else self.extra.setdefault(kind, {})

    def singleton(self, kind: str) -> Any:
        """A one-record section (方案, 考核方案 …), or None when the workspace has none."""
        return self.plan if kind == "plan" else self.singletons.get(kind)

    def locate(self, kind: str, rid: str, *keys: Any, key: bool = False) -> Location:
        """Where record `rid` (or one of its fields, by Chinese key) is written."""
        found = self._where.get((kind, rid))
        if found is None:
            return Location(CONFIG_FILE if kind == "config" else "")
        pos, path = found
        if not keys:
            return pos.locate(path, key=True)
        full = (*path, *keys)
        if full in pos.values or full in pos.keys:
            return pos.locate(full, key=key)
        return pos.locate(path, key=True)

    def failed(self, kind: str, rid: str | None = None) -> bool:
        """Whether record `rid` of `kind` (any one, when `rid` is None) was written but failed
        validation: its problems are reported, and what depends on it is uncertain."""
        return any(k == kind and (rid is None or r == rid) for k, r in self._invalid)

    def known(self, kind: str, rid: str) -> bool:
        """True when `rid` exists, or was written but is invalid (already reported)."""
        return rid in self.collection(kind) or (kind, rid) in self._invalid


def load_workspace(root: Path) -> tuple[Workspace, list[Problem]]:
    """Load every file of the workspace at `root`; raise UsageError only if there is none."""
    if not root.exists():
        raise UsageError("usage.no_workspace", path=str(root))
    if not root.is_dir():
        raise UsageError("usage.not_dir", path=str(root))
    ws = Workspace(root)
    problems: list[Problem] = []
    problems += _load_config(ws)
    try:
        files = data_files(root)
    except OSError as exc:
        raise UsageError("usage.unreadable", path=str(root), reason=exc.strerror or str(exc)) from None
    inside = []
    for path in files:
        if leaves(path, root):
            problems.append(Problem("F001", Location(path.name)))
        else:
            inside.append(path)
    for path, parsed in zip(inside, read_files(inside), strict=True):
        ws.files.append(path.name)
        problems += _load_file(ws, parsed)
    problems += _check_references(ws)
    problems = [_named_key(ws, p) for p in problems]
    problems += _check_cycles(ws, "unit", "上级", lambda u: [u.parent] if u.parent else [])
    problems += _check_cycles(ws, "task", "所属任务", lambda x: [x.parent] if x.parent else [])
    problems += _resolve_tasks(ws)
    problems += _fill_persons(ws)
    return ws, problems


def data_files(root: Path) -> list[Path]:
    """The workspace's data files: top-level *.yaml / *.yml other than lzzr.yaml, by name."""
    found = [p for p in root.iterdir()
             if p.suffix.lower() in DATA_SUFFIXES and p.name not in (CONFIG_FILE, "lzzr.yml")
             and not p.name.startswith((".", "~$")) and p.is_file()]
    return sorted(found, key=lambda p: p.name)


def _load_config(ws: Workspace) -> list[Problem]:
    path = ws.root / CONFIG_FILE
    if not path.is_file():
        if (ws.root / "lzzr.yml").is_file():
            return [Problem("L011", Location("lzzr.yml", 1, 1), msg="L011.yml")]
        return [Problem("L011", Location(CONFIG_FILE))]
    if leaves(path, ws.root):
        return [Problem("F001", Location(CONFIG_FILE))]
    parsed = read_yaml(path, CONFIG_FILE)
    problems = parsed.problems
    if parsed.data is None and problems:
        return problems
    if parsed.data is None:
        parsed.data = {}
    ws._where[("config", "")] = (parsed.positions, ())
    record = Record("config", "")
    ws.config, found = validate_record(Config, parsed.data, parsed.positions, (), record)
    return problems + found + check_config(ws)


def _load_file(ws: Workspace, parsed: Parsed) -> list[Problem]:
    name = parsed.positions.file
    problems = parsed.problems
    data, pos = parsed.data, parsed.positions
    if data is None:
        if not problems:
            problems.append(Problem("L012", Location(name, 1, 1)))
        return problems
    if not isinstance(data, dict):
        return [*problems, Problem("L013", pos.locate(()), args={"actual": describe(data)})]
    ws.raw[name] = data
    ws._tainted.update(parsed.tainted)
    for section, body in data.items():
        problems += _load_section(ws, pos, section, body)
    return problems


def _load_section(ws: Workspace, pos: Positions, section: str, body: Any) -> list[Problem]:
    if section in SINGLETONS:
        return _load_singleton(ws, pos, section, body)
    if section not in SECTIONS:
        where = pos.locate((section,), key=True)
        if section in Config.model_fields or section in _config_keys():
            return [Problem("L015", where, args={"key": section})]
        names = [*SECTIONS, *SINGLETONS]
        args = {"key": section, "suggest": suggestion(section, names), "allowed": "、".join(names)}
        return [Problem("L014", where, args=args)]
    if body is None:
        return []
    if not isinstance(body, dict):
        args = {"field": section, "expected": t("type.map"), "actual": describe(body)}
        return [Problem("S003", pos.locate((section,)), args=args)]
    kind, model = SECTIONS[section]
    problems: list[Problem] = []
    for rid, raw in body.items():
        problems += _load_record(ws, pos, section, kind, model, str(rid), raw)
    return problems


def _load_singleton(ws: Workspace, pos: Positions, section: str, body: Any) -> list[Problem]:
    """A section that is one record (方案), not a mapping of ids to records."""
    kind, model = SINGLETONS[section]
    record = Record(kind, "")
    here = pos.locate((section,), key=True)
    earlier = ws._where.get((kind, ""))
    if earlier is not None:
        return [Problem("R002", here, record=record,
                        args={"where": str(earlier[0].locate(earlier[1], key=True))})]
    ws._where[(kind, "")] = (pos, (section,))
    built, problems = validate_record(model, body, pos, (section,), record)
    if built is not None and kind == "plan":
        ws.plan = built
    elif built is not None:
        ws.singletons[kind] = built
    return problems


def _config_keys() -> set[str]:
    return {f.alias or n for n, f in Config.model_fields.items()}


def _load_record(ws: Workspace, pos: Positions, section: str, kind: str,
                 model: Any, rid: str, raw: Any) -> list[Problem]:
    path = (section, rid)
    record = Record(kind, rid)
    here = pos.locate(path, key=True)
    earlier = ws._where.get((kind, rid))
    if earlier is not None:
        return [Problem("R002", here, record=record,
                        args={"where": str(earlier[0].locate(earlier[1], key=True))})]
    ws._where[(kind, rid)] = (pos, path)
    problems: list[Problem] = []
    if "：" in rid:  # `rsj：{名称: …}`: YAML read one key up to the next half-width colon
        ws._invalid.add((kind, rid))
        colon = Location(here.file, here.line, here.column + rid.index("："))
        fixed = rid.split("：", 1)[0]
        return [Problem("S015", colon, record=Record(kind, fixed), args={"id": fixed})]
    if not _valid_id(rid):
        problems.append(Problem("S006", here, record=record, args={"id": rid}))
    if ws.tainted(path):
        ws._invalid.add((kind, rid))
        return problems
    built, found = validate_record(model, raw, pos, path, record)
    if isinstance(built, Team):
        found += _check_post_dates(pos, path, record, built)
    problems += found
    if built is None or problems:
        ws._invalid.add((kind, rid))
        if kind == "task" and isinstance(raw, dict):
            ws._invalid_tasks[rid] = raw
    else:
        ws.collection(kind)[rid] = built
    return problems


def _check_post_dates(pos: Positions, path: Path_, record: Record, team: Team) -> list[Problem]:
    return [Problem("S011", pos.locate((*path, "成员", i, "止")), record=record, args={"start": str(post.start)})
            for i, post in enumerate(team.members)
            if post.start and post.end and post.end < post.start]


def _valid_id(rid: str) -> bool:
    from lzzr.workspace.model import ID_PATTERN

    return bool(ID_PATTERN.match(rid))


def _references(ws: Workspace) -> Iterator[tuple[str, str, tuple[Any, ...], str, str]]:
    """(kind, id, field path, target kind, target id) for every reference in the model."""
    for uid, unit in ws.units.items():
        if unit.parent:
            yield "unit", uid, ("上级",), "unit", unit.parent
    for tid, team in ws.teams.items():
        yield "team", tid, (), "unit", tid
        for i, post in enumerate(team.members):
            yield "team", tid, ("成员", i, "领导"), "leader", post.leader
            for j, unit_id in enumerate(post.in_charge):
                yield "team", tid, ("成员", i, "分管", j), "unit", unit_id
    for uid, up in ws.uptasks.items():
        yield "uptask", uid, ("文件",), "updoc", up.doc
    for tid, task in ws.tasks.items():
        yield from _task_references(tid, task)
    for tid, raw in ws._invalid_tasks.items():
        yield from _raw_task_references(tid, raw)
    if ws.plan is not None:
        yield "plan", "", ("班子",), "team", ws.plan.team
        yield "plan", "", ("第一责任人",), "leader", ws.plan.first
        yield "plan", "", ("组织者",), "leader", ws.plan.organiser


def _task_references(tid: str, task: Task) -> Iterator[tuple[str, str, tuple[Any, ...], str, str]]:
    if task.parent:
        yield "task", tid, ("所属任务",), "task", task.parent
    for i, src in enumerate(task.sources):
        yield "task", tid, ("来源", i) if len(task.sources) > 1 else ("来源",), "uptask", src
    for name, value in (("牵头部门", task.lead), ("监督主体", task.supervisor)):
        if value:
            yield "task", tid, (name,), "unit", value
    for i, co in enumerate(task.co_units):
        yield "task", tid, ("协办单位", i) if len(task.co_units) > 1 else ("协办单位",), "unit", co
    if task.leader:
        yield "task", tid, ("总负责人",), "leader", task.leader
    if task.person is not None and task.person.leader:
        yield "task", tid, ("具体负责人", "领导"), "leader", task.person.leader


_RAW_TASK_REFS = {"所属任务": "task", "牵头部门": "unit", "监督主体": "unit", "总负责人": "leader", "来源": "uptask",
                  "协办单位": "unit"}


def _raw_task_references(tid: str, raw: dict[str, Any]) -> Iterator[tuple[str, str, tuple[Any, ...], str, str]]:
    """The references of a task that failed validation for another reason, so that its other
    problems show in the same run (only values written as ids: a value of the wrong type was
    reported already)."""
    for name, target in _RAW_TASK_REFS.items():
        value = raw.get(name)
        values = value if isinstance(value, list) else [value]
        for i, item in enumerate(values):
            if isinstance(item, str) and item.strip():
                path = (name, i) if isinstance(value, list) and len(value) > 1 else (name,)
                yield "task", tid, path, target, item.strip()
    person = raw.get("具体负责人")
    leader = person.get("领导") if isinstance(person, dict) else person
    if isinstance(leader, str) and leader.strip():
        yield "task", tid, ("具体负责人", "领导"), "leader", leader.strip()


_REF_FIELD = {"unit": "单位", "leader": "领导", "updoc": "上级文件", "uptask": "上级任务", "task": "任务",
              "team": "班子"}
Renames = dict[tuple[str, str], list[tuple[tuple[Any, ...], str]]]


def _check_references(ws: Workspace) -> list[Problem]:
    """Every reference that is not an id: a unique name is taken for its id (the record is
    rewritten, as if the id had been written); an ambiguous name (R005) or an unknown value
    (R001) is reported where it is written."""
    problems = []
    renames: Renames = {}
    for kind, rid, path, target, ref in _references(ws):
        if ws.known(target, ref):
            continue
        found = resolve(ws, target, ref)
        if found.id is not None:
            renames.setdefault((kind, rid), []).append((path, found.id))
            continue
        problems.append(_bad_reference(ws, kind, rid, path, target, ref, found))
    for kind, rid, path, target, ref in _record_references(ws):
        found = resolve(ws, target, ref)
        if found.by_name and found.id is not None:  # anything else: the record checks report it
            renames.setdefault((kind, rid), []).append((path, found.id))
    _rename(ws, renames)
    return problems


# Sections whose keys are the id of another record: a key written as that record's name is
# answered with the id (keys are not rewritten: they are the records' own ids).
_KEY_TARGET = {"team": "unit", "duties": "leader", "institutions": "unit"}


def _named_key(ws: Workspace, problem: Problem) -> Problem:
    """S006 for a key that is a leader's or unit's name (`履职记录: 韩雪梅:`) says which id to write."""
    target = _KEY_TARGET.get(problem.record.kind if problem.record else "")
    if problem.code != "S006" or target is None:
        return problem
    found = resolve(ws, target, str(problem.args.get("id", "")))
    if found.id is None:
        return problem
    args = {**problem.args, "kind": kind_label(target), "ref": found.id}
    return Problem("S006", problem.location, problem.severity, problem.record, args, msg="S006.name")


def _record_references(ws: Workspace) -> Iterator[tuple[str, str, tuple[Any, ...], str, str]]:
    """The leader and unit references inside the year's records (not their keys, which are ids)."""
    for pid, poll in ws.collection("poll").items():
        for name, target, value in (("单位", "unit", poll.unit), ("领导", "leader", poll.leader)):
            if value:
                yield "poll", pid, (name,), target, value
    for eid, event in ws.collection("event").items():
        yield "event", eid, ("单位",), "unit", event.unit
        for i, sanction in enumerate(event.sanctions):
            yield "event", eid, ("处理", i, "领导"), "leader", sanction.leader
    for iid, ins in ws.collection("inspect").items():
        yield "inspect", iid, ("督查主体",), "unit", ins.body
        yield "inspect", iid, ("被督查单位",), "unit", ins.unit
        for i, finding in enumerate(ins.findings):
            yield "inspect", iid, ("发现问题", i, "责任人"), "leader", finding.person


def _bad_reference(ws: Workspace, kind: str, rid: str, path: tuple[Any, ...], target: str, ref: str,
                   found: Found) -> Problem:
    field_name = next((p for p in reversed(path) if isinstance(p, str)), _REF_FIELD[target])
    if path[:1] == ("具体负责人",):
        field_name = "具体负责人"
    if kind == "team" and not path:
        field_name = kind_label("unit")
    where = _ref_location(ws, kind, rid, path)
    if found.candidates:
        args = {"field": field_name, "ref": ref, "kind": kind_label(target), "n": len(found.candidates),
                "ids": "、".join(candidate_label(ws, target, c) for c in found.candidates)}
        return Problem("R005", where, record=Record(kind, rid), args=args)
    pool = [x for x in ws.collection(target) if not (target == kind and x == rid)]
    close = difflib.get_close_matches(ref, pool, n=1, cutoff=0.6)
    args = {"field": field_name, "ref": ref, "suggest": t("suggest", name=close[0]) if close else ""}
    return Problem("R001", where, record=Record(kind, rid), args=args)


def _ref_location(ws: Workspace, kind: str, rid: str, path: tuple[Any, ...]) -> Location:
    """Where the reference is written: its key path, else the nearest written key above it
    (`具体负责人: ly` for the path 具体负责人 → 领导), else the record."""
    record = ws.locate(kind, rid)
    for cut in range(len(path), 0, -1):
        found = ws.locate(kind, rid, *path[:cut])
        if found != record or kind == "plan":
            return found
    return record


def candidate_label(ws: Workspace, kind: str, rid: str) -> str:
    """`zhm（旗委常委、纪委书记）` for a leader (their first post), `czj（示例旗财政局）` for a unit:
    what tells apart records of one name."""
    if kind == "leader":
        title = next((p.title for team in ws.teams.values() for p in team.members if p.leader == rid), "")
        return f"{rid}（{title}）" if title else rid
    unit = ws.units.get(rid)
    return f"{rid}（{unit.name}）" if unit else rid


def _rename(ws: Workspace, renames: Renames) -> None:
    """Write the ids that names stood for into the loaded records."""
    for (kind, rid), changes in renames.items():
        if kind == "plan" and ws.plan is not None:
            ws.plan = _replaced(ws.plan, changes)
        elif rid in ws.collection(kind):
            ws.collection(kind)[rid] = _replaced(ws.collection(kind)[rid], changes)


def _replaced(model: Any, changes: list[tuple[tuple[Any, ...], str]]) -> Any:
    for path, new in changes:
        model = _set(model, path, new)
    return model


def _set(value: Any, path: tuple[Any, ...], new: str) -> Any:
    """`value` with the reference at `path` (Chinese keys and list indexes) replaced by `new`."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        items = list(value)
        items[head] = _set(items[head], rest, new)
        return tuple(items)
    attr = next(n for n, f in type(value).model_fields.items() if (f.alias or n) == head)
    inner = getattr(value, attr)
    if not rest and isinstance(inner, tuple):
        return value.model_copy(update={attr: (new,)})  # a one-item list written as one value
    return value.model_copy(update={attr: _set(inner, rest, new)})


def _check_cycles(ws: Workspace, kind: str, field_name: str, parents: Any) -> list[Problem]:
    items = ws.collection(kind)
    problems: list[Problem] = []
    reported: set[str] = set()
    for start in sorted(items):
        chain: list[str] = []
        node: str | None = start
        while node is not None and node in items and node not in chain:
            chain.append(node)
            ups = parents(items[node])
            node = ups[0] if ups else None
        if node is None or node not in chain or node in reported:
            continue
        cycle = chain[chain.index(node):]
        reported.update(cycle)
        code = "R004" if len(cycle) == 1 else "R003"
        args = {"field": field_name, "cycle": " → ".join([*cycle, node])}
        first = min(cycle, key=lambda c: ws.locate(kind, c))
        problems.append(Problem(code, ws.locate(kind, first, field_name), record=Record(kind, first), args=args))
    return problems


def _resolve_tasks(ws: Workspace) -> list[Problem]:
    """Fill sub-tasks' missing fields from their parents; report tasks with no lead unit."""
    resolved: dict[str, Task] = {}

    def resolve(tid: str, seen: frozenset[str]) -> Task:
        if tid in resolved:
            return resolved[tid]
        task = ws.tasks[tid]
        if task.parent in ws.tasks and task.parent not in seen:
            parent = resolve(task.parent, seen | {tid})
            task, filled = task.inherit(parent)
            ws.inherited[tid] = filled
        resolved[tid] = task
        return task

    problems = []
    for tid in ws.tasks:
        task = resolve(tid, frozenset())
        if not task.lead and task.parent is None:
            where = ws.locate("task", tid)
            problems.append(Problem("S001", where, record=Record("task", tid), args={"field": "牵头部门"}))
    ws.tasks = resolved
    return problems


def _fill_persons(ws: Workspace) -> list[Problem]:
    """A 具体负责人 written as a leader gets the leader's name and, unless written, the title of
    their post on the lead unit's team (else the post in charge of the lead unit, else their
    first post); a leader without any post must have 职务 written."""
    problems = []
    posts: dict[str, list[tuple[str, Post]]] | None = None
    for tid, task in ws.tasks.items():
        person = task.person
        if person is None or person.leader is None or person.leader not in ws.leaders:
            continue
        if posts is None:
            posts = {}
            for team_id, team in ws.teams.items():
                for p in team.members:
                    posts.setdefault(p.leader, []).append((team_id, p))
        post = person.post or _title_for(posts.get(person.leader, []), task.lead)
        if not post:
            where = _ref_location(ws, "task", tid, ("具体负责人", "领导"))
            problems.append(Problem("S001", where, record=Record("task", tid), args={"field": "职务"}))
        filled = person.model_copy(update={"name": ws.leaders[person.leader].name, "post": post})
        ws.tasks[tid] = task.model_copy(update={"person": filled})
    return problems


def _title_for(posts: list[tuple[str, Post]], unit_id: str | None) -> str:
    ranked = sorted(posts, key=lambda tp: (tp[0] != unit_id, unit_id not in tp[1].in_charge))
    return ranked[0][1].title if ranked else ""


def count_errors(problems: list[Problem]) -> tuple[int, int]:
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    return errors, len(problems) - errors
