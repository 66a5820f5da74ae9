"""Building a large heap without the cyclic garbage collector.

Loading a workspace makes hundreds of thousands of objects that live until the command ends
and form no cycles to speak of; the collector, triggered by every 700 allocations, went over
that growing heap thousands of times (at 10k tasks: 2,400 collections, ~2.5 s of a 7 s
check) and freed nothing. Reference counting still frees what is dropped.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off inside; after, what was made is moved to the oldest generation
    (otherwise the next young collection goes over all of it at once: 0.8 s at 10k) and the
    collector is on again if it was. Nested uses leave it to the outermost."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        gc.enable()


class StartUp:
    """The collector off while the command line starts (imports, the app, parsing, a help screen:
    objects that live to the end; the collector went over them ~40 times for `lzzr --help`,
    ~7% of its CPU), on again from `resume` (as a command's own work begins) or at the end of
    the `with` block, whichever comes first; then as `collector_paused` leaves it."""

    def __init__(self) -> None:
        self._paused = False

    def __enter__(self) -> StartUp:
        self._paused = gc.isenabled()
        gc.disable()
        return self

    def resume(self) -> None:
        if self._paused:
            self._paused = False
            gc.freeze()
            gc.unfreeze()
            gc.enable()

    def __exit__(self, *exc: object) -> None:
        self.resume()


def without_collector(function: _F) -> _F:
    """`function` run inside `collector_paused`."""

    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        with collector_paused():
            return function(*args, **kwargs)

    return run  # type: ignore[return-value]
