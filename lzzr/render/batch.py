"""Rendering many documents: a few long-lived worker processes, and no work for what has not changed.

- Each worker imports WeasyPrint once, builds its URL fetcher, font stylesheet and font
  configuration once, and renders many documents. One FontConfiguration per worker matters:
  WeasyPrint's default (a new one per document) grows a process to ~800 MB over 20 letters,
  one reused configuration stays near 200 MB and is ~8% faster (measured, WeasyPrint 70).
- `--jobs N` is this process and N-1 workers, started before this process imports WeasyPrint;
  all take one document at a time from one queue, longest first, so the pool balances itself
  and no long document finishes alone; workers write their PDFs themselves (atomically) and
  send back only a digest. A worker imports only lzzr/render/worker.py and what it needs.
- A job is skipped when the register says it was rendered from the same content key and
  the file on disk still has the digest recorded then.
- The output is the same for 1 or N workers: the same HTML gives the same bytes (WeasyPrint
  adds no date unless the HTML has `dcterms.created`/`dcterms.modified`, and the file ID is
  a digest of the content), also for PDF/A-2b.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import math
import multiprocessing
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from queue import SimpleQueue
from typing import IO

from lzzr.cpus import free_cpus
from lzzr.errors import LzzrError
from lzzr.forked import sigint_ignored
from lzzr.fsutil import remove_temporaries, sha256_file
from lzzr.i18n import t
from lzzr.render.worker import Result, WorkerPrinter, init_worker, render_chunk
from lzzr.render.worker import start_printer as _start_printer

ProgressCallback = Callable[[int, int], None]

@dataclass(frozen=True)
class Job:
    """One document to render: where it goes, its HTML, and the content key it comes from."""

    target: Path
    html: str
    key: str
    known: str | None = None  # the file's digest when the caller found it unchanged (`html` may then be "")


@dataclass(frozen=True)
class Done:
    """A rendered (or, with `rendered=False`, unchanged and skipped) document and its digest."""

    target: Path
    sha256: str
    rendered: bool


def content_key(*parts: str | bytes) -> str:
    """A sha256 hex digest of `parts`; each part is length-prefixed so boundaries count."""
    digest = hashlib.sha256()
    for part in parts:
        raw = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(raw).to_bytes(8, "big"))
        digest.update(raw)
    return digest.hexdigest()


def template_digest(template_dirs: Sequence[Path]) -> str:
    """A digest of every file below the template folders (HTML, CSS, images), in search order.

    CSS and images are read by WeasyPrint, not Jinja, so a content key built from the
    Jinja template sources alone would miss an edited stylesheet.
    """
    parts: list[str | bytes] = []
    for index, folder in enumerate(template_dirs):
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            parts += [f"{index}:{path.relative_to(folder).as_posix()}", path.read_bytes()]
    return content_key(*parts)


def render_many(jobs: Sequence[Job], *, template_dirs: Sequence[Path], font_css: str, variant: str | None,
                workers: int, previous: Mapping[str, tuple[str, str]] | None = None,
                progress: ProgressCallback | None = None, extra_allowed: Sequence[Path] = ()) -> list[Done]:
    """Render `jobs` to their targets; return one `Done` per job, in job order.

    Args:
        jobs: the documents; targets must be distinct.
        template_dirs: template folders, searched first to last; relative links resolve in
            the last one, and WeasyPrint may read only below these (and `extra_allowed`).
        font_css: the stylesheet binding font roles to faces (`fonts.font_css`).
        variant: a WeasyPrint PDF variant such as "pdf/a-2b", or None.
        workers: worker processes, obeyed; 1 renders in this process; below 1 lets
            `default_workers` choose from the CPUs free now and the number of documents.
        previous: str(target) → (content key, sha256) of what was rendered before: a job
            whose key matches and whose file still has that digest is skipped (as is a job
            whose `known` digest the caller found so).
        progress: called with (finished, total) as documents finish.
        extra_allowed: more folders WeasyPrint may read (fonts named by @font-face).

    Raises:
        LzzrError: `batch.failed` / `batch.crashed` naming the target that failed.
    """
    _check_targets(jobs)
    results: dict[int, Done] = {}
    todo: list[int] = []
    for index, job in enumerate(jobs):
        sha = job.known or unchanged(job.target, job.key, previous or {})
        if sha is None:
            todo.append(index)
        else:
            results[index] = Done(job.target, sha, rendered=False)
    ticker = _Ticker(progress, len(jobs), len(results))
    setup = ([str(p) for p in template_dirs], [str(p) for p in extra_allowed], font_css, variant)
    count = min(workers, len(todo)) if workers >= 1 else default_workers(len(todo))
    if count <= 1 or len(todo) == 1:
        _render_share(jobs, _Queue(list(todo)), setup, results, ticker, lambda: None)  # in this process
    else:
        _render_pool(jobs, todo, setup, count, results, ticker)
    return [results[i] for i in range(len(jobs))]


MIN_POOL = 4  # fewer documents render in this process: a worker's start costs more than it gains
PER_WORKER = 2  # and each worker gets at least this many


def default_workers(documents: int) -> int:
    """How many processes render `documents` when --jobs is not given.

    A worker costs its start (spawn, WeasyPrint's import ~0.45 s, the font configuration, ~200
    MB), so a few documents render in this process. More go to one process per CPU that is free
    (`lzzr.cpus.free_cpus`): workers that outnumber the free CPUs only take turns on them, and
    lost 1.14-1.27x against one process on a shared machine.
    """
    if documents < MIN_POOL:
        return 1
    return max(1, min(free_cpus(), documents // PER_WORKER))


def _check_targets(jobs: Sequence[Job]) -> None:
    seen: set[Path] = set()
    for job in jobs:
        target = job.target.resolve()
        if target in seen:
            raise LzzrError("batch.duplicate", target=str(job.target))
        seen.add(target)


def unchanged(target: Path, key: str, previous: Mapping[str, tuple[str, str]]) -> str | None:
    """The digest of `target` when it was rendered from content `key` and still has the digest
    recorded then (it needs no new render), else None."""
    entry = previous.get(str(target))
    if entry is None or entry[0] != key:
        return None
    try:
        sha = sha256_file(target)
    except OSError:
        return None
    return sha if sha == entry[1] else None


class _Ticker:
    """Counts finished documents and reports them to the progress callback."""

    def __init__(self, progress: ProgressCallback | None, total: int, done: int) -> None:
        self.progress, self.total, self.done = progress, total, done
        if progress is not None and total:
            progress(done, total)

    def add(self, count: int) -> None:
        self.done += count
        if self.progress is not None and count:
            self.progress(self.done, self.total)


# --- rendering in a pool -------------------------------------------------------------------

def _render_pool(jobs: Sequence[Job], todo: Sequence[int], setup: tuple[list[str], list[str], str, str | None],
                 count: int, results: dict[int, Done], ticker: _Ticker) -> None:
    """Render with `count` processes: this one and `count - 1` workers, longest documents first.

    The workers are started first, so that their start (interpreter, WeasyPrint's import, the
    font configuration) overlaps this process's own printer start; then all take documents one
    at a time from the same queue, a worker being handed the next one by the pool's thread as
    soon as it returns one. Longest first (by HTML length), so that no long document is left
    to finish alone while the other processes have nothing to do.
    """
    queue = _Queue(sorted(todo, key=lambda i: -len(jobs[i].html)))
    executor = ProcessPoolExecutor(count - 1, mp_context=spawn_context(), initializer=init_worker, initargs=setup)
    finished: SimpleQueue[tuple[int, Future[list[Result]]]] = SimpleQueue()
    submitted = _Counter()

    def feed() -> None:  # hand the pool the next document
        index = queue.pop()
        if index is None:
            return
        job = jobs[index]
        try:
            future = executor.submit(render_chunk, [(str(job.target), job.html)])
        except RuntimeError:  # shut down or broken: what is out reports it
            return
        submitted.add()
        future.add_done_callback(lambda f: returned(index, f))

    def returned(index: int, future: Future[list[Result]]) -> None:  # in the pool's thread
        if not future.cancelled() and future.exception() is None and future.result()[-1][0] == "ok":
            feed()  # before the put: the collector's count then includes the next one
        finished.put((index, future))

    collected = 0

    def collect(block: bool) -> None:
        nonlocal collected
        while collected < submitted.value and (block or not finished.empty()):
            index, future = finished.get()
            collected += 1
            _collect(jobs, [index], future, results)
            ticker.add(1)

    try:
        with sigint_ignored():  # workers start now and inherit the ignored SIGINT
            for _ in range(count - 1):
                feed()
        _render_share(jobs, queue, setup, results, ticker, lambda: collect(False))
        collect(True)
    except BaseException:
        queue.stop()
        _stop(executor, [jobs[i] for i in todo if i not in results])
        raise
    executor.shutdown(wait=True)


class _Counter:
    def __init__(self) -> None:
        self.value, self.lock = 0, threading.Lock()

    def add(self) -> None:
        with self.lock:
            self.value += 1


class _Queue:
    """Documents still to render, taken from the front by this process and by the pool."""

    def __init__(self, order: list[int]) -> None:
        self.order, self.next, self.stopped = order, 0, False
        self.lock = threading.Lock()

    def pop(self) -> int | None:
        with self.lock:
            if self.stopped or self.next >= len(self.order):
                return None
            self.next += 1
            return self.order[self.next - 1]

    def stop(self) -> None:
        with self.lock:
            self.stopped = True


def _render_share(jobs: Sequence[Job], queue: _Queue, setup: tuple[list[str], list[str], str, str | None],
                  results: dict[int, Done], ticker: _Ticker, between: Callable[[], None]) -> None:
    """Render in this process, taking the next document from `queue` until none is left;
    `between` runs after each (the pool collects what its workers returned)."""
    index = queue.pop()
    if index is None:
        return
    printer = _start_printer_for(jobs[index], setup)
    with _quiet():
        while index is not None:
            job = jobs[index]
            status, value = printer.render_to(str(job.target), job.html)
            if status != "ok":
                raise LzzrError("batch.failed", target=str(job.target), detail=value)
            results[index] = Done(job.target, value, rendered=True)
            ticker.add(1)
            between()
            index = queue.pop()


def _start_printer_for(job: Job, setup: tuple[list[str], list[str], str, str | None]) -> WorkerPrinter:
    try:
        return _start_printer(*setup)
    except Exception as exc:
        raise LzzrError("batch.failed", target=str(job.target), detail=f"{type(exc).__name__}: {exc}") from None


def _collect(jobs: Sequence[Job], chunk: list[int], future: Future[list[Result]],
             results: dict[int, Done]) -> None:
    try:
        answers = future.result()
    except BrokenProcessPool:
        raise LzzrError("batch.crashed", target=str(jobs[chunk[0]].target)) from None
    except Exception as exc:  # the chunk could not even be sent or run
        raise LzzrError("batch.failed", target=str(jobs[chunk[0]].target),
                        detail=f"{type(exc).__name__}: {exc}") from None
    for index, (status, value) in zip(chunk, answers, strict=False):
        if status != "ok":
            raise LzzrError("batch.failed", target=str(jobs[index].target), detail=value)
        results[index] = Done(jobs[index].target, value, rendered=True)


def _stop(executor: ProcessPoolExecutor, unfinished: Sequence[Job]) -> None:
    """Cancel what has not started, end the workers now (Ctrl-C, a failed job), and remove
    the temporary files of documents they were writing."""
    stop_pool(executor)
    for job in unfinished:
        remove_temporaries(job.target)


def stop_pool(executor: ProcessPoolExecutor) -> None:
    """Cancel what has not started and end the workers now, without waiting for their jobs."""
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
    else:
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            process.terminate()
    # The pool's manager thread sees the workers die, fails what is left and reaps them.
    executor.shutdown(wait=True, cancel_futures=True)


def spawn_context() -> multiprocessing.context.BaseContext:
    """Spawned workers: they inherit nothing (no threads, no half-initialised Pango) from us.

    Forking would save ~0.1 s per run but is unsafe once the parent has threads, which is
    why Python 3.14 stopped making it the default.
    """
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Keep WeasyPrint's warnings off the terminal while rendering in this process."""
    logger = logging.getLogger("weasyprint")
    saved = (logger.propagate, list(logger.handlers))
    logger.handlers, logger.propagate = [logging.NullHandler()], False
    try:
        yield
    finally:
        logger.propagate, logger.handlers = saved[0], saved[1]


# --- progress ------------------------------------------------------------------------------

def progress_printer(stream: IO[str]) -> ProgressCallback | None:
    """A one-line `渲染 12/200 [#####...]` bar on a terminal; None (print nothing) for pipes and cron."""
    isatty = getattr(stream, "isatty", None)
    if isatty is None or not isatty():
        return None

    def show(done: int, total: int) -> None:
        width = 24
        filled = math.floor(width * done / total) if total else width
        stream.write(f"\r{t('batch.progress', done=done, total=total)} [{'#' * filled}{'.' * (width - filled)}]")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show

