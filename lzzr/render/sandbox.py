"""The Jinja sandbox with bounds on time and size, so that no template can hang lzzr or fill
its memory — even a single expression, not only the output between pieces.

- Time: rendering runs against a deadline of CPU time (the process's own: a render slowed
  by a busy machine or `nice` under cron is not cut short, a template that loops is). In the
  main thread an interval timer (SIGPROF, ITIMER_PROF) interrupts whatever Python code the
  template is running (nested loops that print nothing,
  a filter over a huge range); every hook below (calls, filters, attribute access, operators,
  `range` loops) also checks the clock, which bounds rendering in any thread.
- Size: what a single C-level operation could make huge is checked *before* it runs:
  `*` and `+` on strings and lists, `**` and `*` on integers (by bits), `~`, `%` and
  str.format widths, integer arguments of string methods and filters (`center(10**9)`),
  `join` and `replace`; every value a call or filter returns is checked after.
- `lipsum` is gone from the globals (it loops in Python over a count the template chooses).
"""

from __future__ import annotations

import functools
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.nodes import Concat
from jinja2.sandbox import SandboxedEnvironment, safe_range

MAX_HTML = 20 * 1024 * 1024  # characters of one rendered document, and of any value made on the way
MAX_ITEMS = 1_000_000  # items a template may collect into one list, dict or set
MAX_ARG = 100_000  # an integer argument of a string method or filter, a format width (center(10**9))
MAX_INT_BITS = 14_000  # integers stay printable (Python prints at most 4,300 digits)
MAX_SECONDS = 60.0  # CPU seconds to render one document's HTML
_CHECK_EVERY = 4096  # range items between looks at the clock

_SPEC = re.compile(r"%[#0 +\-]*(\d*)(?:\.(\d*))?|\{[^{}]*?:[^{}\d]*(\d+)(?:[^{}\d]*(\d+))?[^{}]*\}")
_STAR = re.compile(r"%[#0 +\-]*\*|%[#0 +\-]*\d*\.\*")
_NESTED = re.compile(r"\{[^{}]*:[^{}]*\{")
_WIDTH_FILTERS = frozenset({"center", "indent", "wordwrap", "truncate", "batch", "slice"})
_GROWING = frozenset({"append", "extend", "insert", "update", "add", "setdefault", "__setitem__"})


class TemplateTooSlow(SecurityError):
    """The deadline passed while the template ran."""


class _Deadline:
    """The clock of the render running now (none outside a render)."""

    def __init__(self) -> None:
        self.at: float | None = None
        self.seconds = MAX_SECONDS

    def check(self) -> None:
        if self.at is not None and time.process_time() > self.at:
            raise TemplateTooSlow(f"rendering took over {self.seconds:g} s")


def _too_large(what: str) -> SecurityError:
    return SecurityError(f"{what} too large")


def _sized(value: Any) -> int:
    return len(value) if isinstance(value, (str, bytes, list, tuple, dict, set, frozenset)) else 0


def _limit(value: Any) -> int:
    """Characters for text, items for a collection."""
    return MAX_HTML if isinstance(value, (str, bytes)) else MAX_ITEMS


def _check_result(value: Any) -> Any:
    if _sized(value) > _limit(value):
        raise _too_large("result")
    if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
        raise _too_large("integer")
    return value


def _check_widths(fmt: str, args: tuple[Any, ...] = (), kwargs: dict[str, Any] | None = None) -> None:
    """`'%999999999d' % 1` and `'{:>999999999}'.format(1)` are refused before they run; so is a
    width taken from the arguments (`'%*d'`, `'{:{}}'`) past MAX_ARG. Values themselves
    (`'%d 元' % 1234567`) are free."""
    for match in _SPEC.finditer(fmt):
        if any(g and int(g) > MAX_ARG for g in match.groups()):
            raise _too_large("format width")
    if _STAR.search(fmt) or _NESTED.search(fmt):
        _check_args(args, kwargs or {})


def _check_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_ARG:
            raise _too_large("argument")


def _check_join(separator: Any, items: Any) -> None:
    if isinstance(separator, str) and _sized(items) and len(separator) * (len(items) - 1) > MAX_HTML:
        raise _too_large("result")


def _check_replace(text: Any, old: Any, new: Any) -> None:
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str) and len(new) > len(old):
        count = len(text) + 1 if old == "" else text.count(old)
        if len(text) + count * (len(new) - len(old)) > MAX_HTML:
            raise _too_large("result")


def _check_method(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Before a method of a string or container runs: its arguments and what it would make."""
    owner, name = getattr(obj, "__self__", None), getattr(obj, "__name__", "")
    if isinstance(owner, (str, bytes, list, tuple)):  # ljust(10**9), zfill, expandtabs …
        _check_args(args, kwargs)
    if isinstance(owner, str) and name == "join" and args:
        _check_join(owner, args[0])
    elif isinstance(owner, str) and name == "replace" and len(args) >= 2:
        _check_replace(owner, args[0], args[1])
    elif isinstance(owner, (list, dict, set)) and name in _GROWING and len(owner) >= MAX_ITEMS:
        raise _too_large("collection")


class _TimedRange:
    """`range` in templates: at most 100,000 items (Jinja's own limit), and a loop over it
    looks at the clock, so nested loops that print nothing still stop at the deadline."""

    def __init__(self, deadline: _Deadline, *args: int) -> None:
        self._items = safe_range(*args)
        self._deadline = deadline

    def __iter__(self) -> Iterator[int]:
        return _timed(self._items, self._deadline)

    def __reversed__(self) -> Iterator[int]:
        return _timed(reversed(self._items), self._deadline)

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: Any) -> Any:
        return self._items[index]

    def __contains__(self, value: object) -> bool:
        return value in self._items

    def __repr__(self) -> str:
        return repr(self._items)


def _timed(items: Iterable[int], deadline: _Deadline) -> Iterator[int]:
    for i, value in enumerate(items):
        if i % _CHECK_EVERY == 0:
            deadline.check()
        yield value


class _BoundedCodeGenerator(CodeGenerator):
    """`a ~ b` goes through the environment, which measures the parts before joining them."""

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        if frame.eval_ctx.volatile:
            join = "(markup_join if context.eval_ctx.volatile else str_join)"
        else:
            join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
        self.write(f"environment.bounded_concat({join}, (")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class BoundedSandbox(SandboxedEnvironment):
    """The sandbox with every operation that could run long or grow large bounded."""

    code_generator_class = _BoundedCodeGenerator
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = _Deadline()
        self.globals.pop("lipsum", None)
        self.range = functools.partial(_TimedRange, self.deadline)
        self.globals["range"] = self.range

    def guard_filters(self) -> None:
        """Wrap every filter (call once all are added): clock, arguments, result."""
        self.filters = {name: _guarded(name, f, self.deadline) for name, f in self.filters.items()}

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.deadline.check()
        _check_binop(operator, left, right)
        return _check_result(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.deadline.check()
        _check_method(__obj, args, kwargs)
        return _check_result(super().call(__context, __obj, *args, **kwargs))

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.deadline.check()
        return super().getattr(obj, attribute)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """str.format / format_map as the sandbox wraps them, with their widths bounded."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt: str = value.__self__

        def bounded(*args: Any, **kwargs: Any) -> str:
            _check_widths(fmt, args, kwargs)
            return _check_result(wrapped(*args, **kwargs))  # type: ignore[no-any-return]

        return bounded

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.deadline.check()
        return super().getitem(obj, argument)

    def bounded_concat(self, join: Callable[[Any], str], parts: tuple[Any, ...]) -> str:
        self.deadline.check()
        if sum(_sized(p) for p in parts) > MAX_HTML:
            raise _too_large("result")
        return _check_result(join(parts))  # type: ignore[no-any-return]


def _check_binop(operator: str, left: Any, right: Any) -> None:
    if operator == "**" and isinstance(left, int) and isinstance(right, int):
        if right > 0 and max(abs(left).bit_length(), 1) * right > MAX_INT_BITS and abs(left) > 1:
            raise _too_large("power")
    elif operator == "*" and isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise _too_large("integer")
    elif operator == "*":
        sized, times = (left, right) if isinstance(right, int) else (right, left)
        if isinstance(times, int) and _sized(sized) * max(times, 0) > _limit(sized):
            raise _too_large("result")
    elif operator == "+" and _sized(left) + _sized(right) > _limit(left):
        raise _too_large("result")
    elif operator == "%" and isinstance(left, str):
        _check_widths(left, right if isinstance(right, tuple) else (right,))


def _guarded(name: str, func: Callable[..., Any], deadline: _Deadline) -> Callable[..., Any]:
    @functools.wraps(func)  # keeps jinja_pass_arg (pass_context, pass_eval_context …)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        deadline.check()
        values = [a for a in args if not _is_jinja_context(a)]
        if name in _WIDTH_FILTERS:
            _check_args(tuple(values[1:]), kwargs)
        if name == "join" and values:
            _check_join(values[1] if len(values) > 1 else kwargs.get("d", ""), values[0])
        elif name == "replace" and len(values) >= 3:
            _check_replace(values[0], values[1], values[2])
        elif name == "format" and values and isinstance(values[0], str):
            _check_widths(values[0], tuple(values[1:]), kwargs)
        elif name == "indent" and values and isinstance(values[0], str):
            _check_indent(values[0], values[1] if len(values) > 1 else kwargs.get("width", 4))
        return _check_result(func(*args, **kwargs))

    return guarded


def _check_indent(text: str, width: Any) -> None:
    step = width if isinstance(width, int) else _sized(width)
    if len(text) + step * (text.count("\n") + 1) > MAX_HTML:
        raise _too_large("result")


def _is_jinja_context(value: Any) -> bool:
    from jinja2.nodes import EvalContext
    from jinja2.runtime import Context

    return isinstance(value, (Context, EvalContext, SandboxedEnvironment))


@contextmanager
def deadline(env: Any, seconds: float) -> Iterator[None]:
    """Run the block against a deadline: the hooks of a BoundedSandbox `env` look at the clock,
    and in the main thread an interval timer interrupts the template wherever it is."""
    clock = env.deadline if isinstance(env, BoundedSandbox) else _Deadline()
    clock.at, clock.seconds = time.process_time() + seconds, seconds
    use_timer = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if use_timer:
        previous = signal.signal(signal.SIGPROF, _time_up(seconds))
        signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        clock.at = None
        if use_timer:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)


def _time_up(seconds: float) -> Callable[[int, Any], None]:
    def handler(signum: int, frame: Any) -> None:
        raise TemplateTooSlow(f"rendering took over {seconds:g} s")

    return handler
