"""Reading a workspace's data files, on a second CPU when one is free and the files are large.

`read_files` yields one `Parsed` per file, in the order given, exactly as `read_yaml` would.
When the files hold at least `MIN_BYTES` and a fork is safe and worth it
(`lzzr.forked.can_fork`), a forked worker (Ctrl-C left to this process) parses the files of
the last half of the bytes while this process parses the first half and validates it; the
worker's results come back pickled (at 10k tasks: 3.5 s of parse, ~0.1 s to pickle and
unpickle a 1.2 MB file's data and positions). A worker that dies costs nothing but time: the
files it did not return are read here; it dies with this process (a worker left running
would keep the workspace lock's file open). Small workspaces, a busy machine, a process with other
threads and systems without `fork` read every file here.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from lzzr.forked import can_fork, die_with_parent, sigint_ignored
from lzzr.workspace.reader import Parsed, read_yaml

MIN_BYTES = 4 * 1024 * 1024  # below this a worker's start and the pickling cost more than they gain


def read_files(paths: Sequence[Path]) -> Iterator[Parsed]:
    """`read_yaml(path, path.name)` for each of `paths`, in order."""
    split = _split(paths)
    if split is None:
        for path in paths:
            yield read_yaml(path, path.name)
        return
    head, tail = paths[:split], paths[split:]
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                               initializer=die_with_parent, initargs=(os.getpid(),))
    try:
        with sigint_ignored():  # the worker is forked at the first submit and keeps Ctrl-C ignored
            futures: list[Future[Parsed]] = [pool.submit(_read, path) for path in tail]
        for path in head:
            yield read_yaml(path, path.name)
        for path, future in zip(tail, futures, strict=True):
            yield _result(future, path)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _split(paths: Sequence[Path]) -> int | None:
    """Where the worker's files begin (the last half of the bytes), or None to read here."""
    if len(paths) < 2:
        return None
    sizes = []
    for path in paths:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)
    total = sum(sizes)
    if total < MIN_BYTES or not can_fork():
        return None
    tail = 0
    for i in range(len(paths) - 1, 0, -1):
        tail += sizes[i]
        if tail * 2 >= total:
            return i
    return 1


def _read(path: Path) -> Parsed:
    return read_yaml(path, path.name)


def _result(future: Future[Parsed], path: Path) -> Parsed:
    try:
        return future.result()
    except BrokenProcessPool:  # the worker was killed (memory, a signal): read it here
        return read_yaml(path, path.name)
