"""Read one YAML file into plain Python data plus a separate map of positions.

The parse is event-driven: ruamel.yaml's libyaml-based C parser (pure-Python parser when
the C extension is missing) yields events, and `_Builder` turns them into dicts, lists and
scalars while recording where each key and value stands. Position data lives apart from
the values, so the rest of lzzr never touches parser objects, and the parser underneath
can be swapped without changing a single message.

Deliberately safe: no Python tags, no timestamps (dates stay text and are checked by the
model), duplicate keys are reported, alias expansion is bounded (billion laughs), files
above `MAX_FILE_BYTES` are refused before reading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

from lzzr.errors import Location, Problem, Severity

MAX_FILE_BYTES = 20 * 1024 * 1024
ALIAS_BUDGET = 100_000

Path_ = tuple[Any, ...]

_STD_TAG = "tag:yaml.org,2002:"
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"[-+]?[0-9]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")


@dataclass
class Positions:
    """Where things stand in one file: 0-based (line, column) of values and of mapping keys."""

    file: str
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: Path_, *, key: bool = False) -> Location:
        """The 1-based location of `path`, or of its nearest recorded ancestor."""
        table = self.keys if key else self.values
        p = tuple(path)
        while True:
            pos = table.get(p) or self.values.get(p)
            if pos is not None:
                return Location(self.file, pos[0] + 1, pos[1] + 1)
            if not p:
                return Location(self.file, 1, 1)
            p = p[:-1]


@dataclass
class Parsed:
    """The outcome of reading one file: data (None when unusable), positions, problems."""

    data: Any
    positions: Positions
    problems: list[Problem]
    tainted: list[Path_] = field(default_factory=list)  # paths holding refused (tagged) values


def read_yaml(path: Path, display: str) -> Parsed:
    """Read `path` (shown to the user as `display`) into data and positions; never raises."""
    positions = Positions(display)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return _fail(positions, "L002", size_mb=round(size / 1048576, 1),
                         limit_mb=MAX_FILE_BYTES // 1048576)
        raw = path.read_bytes()
    except OSError as exc:
        return _fail(positions, "L001", reason=exc.strerror or str(exc))
    text, problems = decode(raw, display)
    if text is None:
        return Parsed(None, positions, problems)
    parsed = parse_text(text, display)
    parsed.problems[:0] = problems
    return parsed


def _fail(positions: Positions, code: str, **args: Any) -> Parsed:
    return Parsed(None, positions, [Problem(code, Location(positions.file, 1, 1), args=args)])


def decode(raw: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """Bytes to text: UTF-8 (BOM or not); GB18030/GBK loads with a warning saying how to convert."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    kind = _binary_kind(raw)
    if kind:
        return None, [Problem("L004", Location(display, 1, 1), args={"kind": kind})]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        bad_line = raw.count(b"\n", 0, exc.start) + 1
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None, [Problem("L003", Location(display, bad_line, 1), args={"file": display})]
    warn = Problem("L003W", Location(display, bad_line, 1), Severity.WARNING, args={"file": display})
    return text, [warn]


def _binary_kind(raw: bytes) -> str:
    head = raw[:8]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if head.startswith(b"PK\x03\x04"):
        return "ZIP/Office (.docx/.xlsx)"
    if head.startswith(b"%PDF"):
        return "PDF"
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        return "Office 97-2003 (.doc/.xls)"
    if b"\x00" in raw[:65536]:
        return "binary"
    return ""


def parse_text(text: str, display: str) -> Parsed:
    """Parse YAML text into data and positions; syntax errors become located problems."""
    positions = Positions(display)
    builder = _Builder(positions)
    try:
        for event in _events(text):
            builder.feed(event)
    except MarkedYAMLError as exc:
        builder.problems.append(_syntax_problem(exc, display, text))
        return Parsed(None, positions, builder.problems)
    except _Stop:
        return Parsed(None, positions, builder.problems)
    except ReaderError as exc:  # a control character (NUL …) past the part that was sniffed
        builder.problems.append(_control_problem(exc, display, text))
        return Parsed(None, positions, builder.problems)
    return Parsed(builder.root, positions, builder.problems, builder.tainted)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _control_problem(exc: ReaderError, display: str, text: str) -> Problem:
    """The control character YAML refuses, at its line and column (found in the text itself:
    libyaml counts bytes, the pure parser characters)."""
    found = _CONTROL.search(text)
    position = found.start() if found else 0
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    code = ord(text[position]) if found else 0
    return Problem("L017", Location(display, line, column), args={"char": f"U+{code:04X}"})


def _events(text: str) -> Iterator[Any]:
    try:
        from _ruamel_yaml import CParser  # libyaml, ~7x faster than the pure parser
    except ImportError:  # pragma: no cover - depends on the installed wheel
        from ruamel.yaml import YAML

        yield from YAML(typ="safe", pure=True).parse(text)
        return
    parser = CParser(text)
    while True:
        event = parser.get_event()
        yield event
        if type(event) is StreamEndEvent:
            return


_SYNTAX_HINTS = (
    ("found unexpected end of stream", "unclosed"),
    ("mapping values are not allowed", "colon"),
    ("did not find expected key", "indent"),
    ("did not find expected '-' indicator", "dash"),
    ("could not find expected ':'", "nocolon"),
    ("did not find expected ',' or '}'", "brace"),
    ("did not find expected ',' or ']'", "bracket"),
    ("found undefined alias", "alias"),
    ("found duplicate anchor", "anchor"),
)
_QUOTE_OPEN = re.compile(r"""(?:^\s*-\s+|:\s+|[\[{,]\s*)(["'])""")


def _syntax_problem(exc: MarkedYAMLError, display: str, text: str) -> Problem:
    """A located, explained syntax error; typing slips are found on the line where they are."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line, mark.column) if mark else (0, 0)
    problem = str(exc.problem or exc.context or "")
    lines = text.splitlines()
    found = _typing_slip(lines, line)
    if found is not None:
        hint, line, col = found
    else:
        hint = next((h for pat, h in _SYNTAX_HINTS if pat in problem), "other")
        if "cannot start any token" in problem:
            hint = _bad_start(lines, line, col)
        if hint in ("brace", "bracket", "unclosed") and exc.context_mark is not None:
            line, col = exc.context_mark.line, exc.context_mark.column
    args: dict[str, Any] = {"hint": hint, "detail": problem}
    args["from_line"], args["from_col"] = line + 1, col + 1
    return Problem("L005", Location(display, line + 1, col + 1), args=args)


def _bad_start(lines: list[str], line: int, col: int) -> str:
    char = lines[line][col] if line < len(lines) and col < len(lines[line]) else ""
    return {"\t": "tab", "@": "reserved", "`": "reserved"}.get(char, "other")


_FULLWIDTH_KEY = re.compile(r"^\s*(?:-\s+)?[^\s:：#'\"{}\[\],]+：")


def _typing_slip(lines: list[str], error_line: int) -> tuple[str, int, int] | None:
    """Slips an input method makes (full-width colon or comma, no space after ':', an unclosed
    quote), searched from the error line back to the previous lines that hold content."""
    for n in range(min(error_line, len(lines) - 1), max(error_line - 40, -1), -1):
        raw = lines[n]
        body = raw.split(" #", 1)[0]
        stripped = body.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key_slip = _FULLWIDTH_KEY.search(body)  # `rsj：{名称: …}`: the key ends at a full-width colon
        if key_slip is not None:
            return "fullwidth_colon", n, key_slip.end() - 1
        if ("{" in body or "[" in body) and "，" in body:
            return "fullwidth_comma", n, body.index("，")
        if "：" in body and ": " not in body and not body.rstrip().endswith(":"):
            return "fullwidth_colon", n, body.index("：")
        m = re.search(r"^\s*(?:-\s+)?[^\s:#'\"{}\[\],]+:(?=[^\s/])", body)
        if m and "://" not in body and ": " not in body:
            return "nospace", n, m.end() - 1
        quote = _unclosed_quote(body)
        if quote is not None:
            return "unclosed", n, quote
    return None


def _unclosed_quote(body: str) -> int | None:
    """The column of a quote that opens a value on this line and is not closed on it."""
    m = _QUOTE_OPEN.search(body)
    if m is None:
        return None
    q, start = m.group(1), m.end(1)
    rest = body[start:]
    if q == '"':
        rest = re.sub(r"\\.", "", rest)
        return None if '"' in rest else start - 1
    return None if "'" in rest else start - 1


class _Stop(Exception):
    """Raised by the builder when the file cannot be read any further."""


MAX_DEPTH = 64  # levels of nesting; the deepest real workspace file has 6


def depth_problem(text: str, display: str) -> Problem | None:
    """F002 where YAML `text` nests deeper than MAX_DEPTH, building nothing: for a file that
    another loader reads (the 廉政档案's round trip, whose pure-Python composer takes minutes
    on 10,000 levels). Syntax errors are left to that loader."""
    depth = 0
    try:
        for ev in _events(text):
            kind = type(ev)
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                depth += 1
                if depth > MAX_DEPTH:
                    mark = ev.start_mark
                    return Problem("F002", Location(display, mark.line + 1, mark.column + 1), args={"depth": MAX_DEPTH})
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                depth -= 1
    except (MarkedYAMLError, ReaderError):
        return None
    return None


def shallow_text(path: Path) -> str:
    """The text of a 廉政档案 file, which the round-trip loader will read (keeping comments),
    refused at its place when nested past MAX_DEPTH.

    Raises:
        LzzrError: archive.bad with `file:line:col` and the F002 message.
        OSError, UnicodeDecodeError: the file cannot be read as text (the caller says so).
    """
    from lzzr.errors import LzzrError
    from lzzr.i18n import t

    text = path.read_text(encoding="utf-8")
    deep = depth_problem(text, str(path))
    if deep is not None:
        raise LzzrError("archive.bad", path=str(deep.location), detail=t("F002", **deep.args))
    return text


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def json_depth_problem(text: str, display: str) -> Problem | None:
    """F002 where JSON `text` nests deeper than MAX_DEPTH (strings skipped), at its line and column."""
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                at = match.start()
                line, column = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
                return Problem("F002", Location(display, line, column), args={"depth": MAX_DEPTH})
        elif token in "]}":
            depth -= 1
    return None


class _Builder:
    """Turns parser events into plain data, recording positions and refusing what is unsafe."""

    def __init__(self, positions: Positions) -> None:
        self.pos = positions
        self.problems: list[Problem] = []
        self.root: Any = None
        self.docs = 0
        # stack entries: [container, path, pending_key, size]
        self.stack: list[list[Any]] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.alias_size = 0
        self.tainted: list[Path_] = []
        self._taint_next = False

    def error(self, code: str, mark: Any, **args: Any) -> None:
        loc = Location(self.pos.file, mark.line + 1, mark.column + 1)
        self.problems.append(Problem(code, loc, args=args))

    def feed(self, ev: Any) -> None:
        kind = type(ev)  # compared by identity: this runs once per event (~50 per task)
        if kind is ScalarEvent:
            value = self.scalar(ev)
            path = self.attach(value, ev, 1)
            if self._taint_next:
                self._taint_next = False
                self.tainted.append(path)
        elif kind is MappingStartEvent:
            self.open({}, ev)
        elif kind is SequenceStartEvent:
            self.open([], ev)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            self.close()
        elif kind is AliasEvent:
            self.alias(ev)
        elif kind is DocumentStartEvent:
            self.docs += 1
            if self.docs > 1:
                self.error("L009", ev.start_mark)
                raise _Stop

    def scalar(self, ev: Any) -> Any:
        value: str = ev.value
        tag = ev.tag
        if tag is not None and tag != "!":
            return self.tagged(value, tag, ev)
        if tag == "!" or not ev.implicit[0]:
            return value
        return resolve_plain(value)

    def tagged(self, value: str, tag: str, ev: Any) -> Any:
        short = tag[len(_STD_TAG):] if tag.startswith(_STD_TAG) else None
        if short == "str":
            return value
        if short in ("int", "float", "bool", "null"):
            resolved = resolve_plain(value)
            return resolved
        self.error("L007", ev.start_mark, tag=tag.replace(_STD_TAG, "!!"))
        self._taint_next = True
        return None

    def open(self, container: Any, ev: Any) -> None:
        if len(self.stack) >= MAX_DEPTH:  # stop early: deep nesting costs time with the square of depth
            self.error("F002", ev.start_mark, depth=MAX_DEPTH)
            raise _Stop
        tag = getattr(ev, "tag", None)
        path = self.attach(container, ev, 0)
        if tag not in (None, "!", _STD_TAG + "map", _STD_TAG + "seq"):
            self.error("L007", ev.start_mark, tag=str(tag).replace(_STD_TAG, "!!"))
            self.tainted.append(path)
        self.stack.append([container, path, _NO_KEY, 1])
        if ev.anchor:
            self.anchors[ev.anchor] = (container, -1)

    def close(self) -> None:
        container, _path, _key, size = self.stack.pop()
        for name, (obj, s) in self.anchors.items():
            if obj is container and s < 0:
                self.anchors[name] = (obj, size)
        if self.stack:
            self.stack[-1][3] += size

    def alias(self, ev: Any) -> None:
        if ev.anchor not in self.anchors:
            mark = ev.start_mark
            loc = Location(self.pos.file, mark.line + 1, mark.column + 1)
            self.problems.append(Problem("L005", loc, args={"hint": "alias", "detail": ev.anchor}))
            raise _Stop
        obj, size = self.anchors[ev.anchor]
        if size < 0:
            self.error("L008", ev.start_mark, anchor=ev.anchor)
            raise _Stop
        self.alias_size += size
        if self.alias_size > ALIAS_BUDGET:
            self.error("L008", ev.start_mark, anchor=ev.anchor)
            raise _Stop
        self.attach(obj, ev, size)

    def attach(self, value: Any, ev: Any, size: int) -> Path_:
        mark = ev.start_mark
        if type(ev) is ScalarEvent and ev.anchor:
            self.anchors[ev.anchor] = (value, 1)
        if not self.stack:
            self.root = value
            self.pos.values[()] = (mark.line, mark.column)
            return ()
        top = self.stack[-1]
        container, path = top[0], top[1]
        top[3] += size
        if isinstance(container, list):
            p = (*path, len(container))
            container.append(value)
            self.pos.values[p] = (mark.line, mark.column)
            return p
        if top[2] is _NO_KEY:
            top[2] = self.key(value, ev, container, path)
            return (*path, "?")
        key = top[2]
        top[2] = _NO_KEY
        p = (*path, key)
        if not isinstance(key, _BadKey):
            container[key] = value
            self.pos.values[p] = (mark.line, mark.column)
        return p

    def key(self, value: Any, ev: Any, container: dict[str, Any], path: Path_) -> Any:
        if isinstance(value, (dict, list)):
            self.error("L010", ev.start_mark)
            return _BadKey()
        key = "" if value is None else (ev.value if hasattr(ev, "value") else str(value))
        if key == "<<" and getattr(ev, "implicit", (False,))[0]:
            self.error("L016", ev.start_mark)  # YAML 1.1 merge keys: not supported, say so
            return _BadKey()
        p = (*path, key)
        if key in container:
            first = self.pos.keys[p]
            self.error("L006", ev.start_mark, key=key, first_line=first[0] + 1)
            return _BadKey()
        self.pos.keys[p] = (ev.start_mark.line, ev.start_mark.column)
        return key


_NO_KEY = object()


class _BadKey:
    """A refused key (duplicate or complex): each one distinct, so its value's paths are too."""


def resolve_plain(value: str) -> Any:
    """Resolve a plain scalar like YAML 1.2's core schema, except that dates stay text."""
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value[0] in "0123456789+-.":
        if _INT.match(value):
            return int(value)
        if _FLOAT.match(value) and value not in (".", "+", "-"):
            return float(value)
    return value


def round_trip_yaml() -> YAML:
    """The one ruamel.yaml round-trip setup for files lzzr rewrites (comments and a cadre's
    keys kept): Chinese written as is, no line folding, lists indented under their key."""
    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
