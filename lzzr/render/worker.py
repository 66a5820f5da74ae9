"""The worker side of `render_many` (lzzr/render/batch.py): what a spawned process runs.

A worker unpickles its functions from here, so it imports only this module, the printer
(WeasyPrint) and `fsutil`: not batch.py's imports (the renderer, Jinja, the workspace model,
pydantic, ruamel.yaml: ~0.5 s of CPU per worker that no worker used).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import signal
from pathlib import Path

from lzzr.fsutil import write_atomic
from lzzr.render.printer import Printer

# (target, html) out; ("ok", sha256) or ("error", detail) back.
Task = tuple[str, str]
Result = tuple[str, str]


class WorkerPrinter(Printer):
    """A printer that lays out and writes one document at a time."""

    def render_to(self, target: str, html: str) -> Result:
        """Render and write one document; ("ok", sha256) or ("error", what went wrong)."""
        try:
            data = self.pdf(html)
            write_atomic(Path(target), data)
        except Exception as exc:
            return ("error", f"{type(exc).__name__}: {exc}")
        return ("ok", hashlib.sha256(data).hexdigest())


_printer: list[WorkerPrinter] = []  # the worker's one printer
_startup: list[str] = []  # or why it could not be made


def init_worker(template_dirs: list[str], extra: list[str], font_css: str, variant: str | None) -> None:
    """A worker's initializer: Ctrl-C is the parent's to handle, WeasyPrint's warnings go
    nowhere, and the printer (WeasyPrint's import, the font configuration) is made once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    logger = logging.getLogger("weasyprint")
    logger.handlers = [logging.NullHandler()]
    logger.propagate = False
    try:
        _printer.append(start_printer(template_dirs, extra, font_css, variant))
    except Exception as exc:  # reported per job: an initializer error would only break the pool
        _startup.append(f"{type(exc).__name__}: {exc}")


def start_printer(template_dirs: list[str], extra: list[str], font_css: str, variant: str | None) -> WorkerPrinter:
    """The printer for `render_many`'s settings."""
    # WeasyPrint prints a help banner to stdout when a system library is missing.
    with contextlib.redirect_stdout(io.StringIO()):
        return WorkerPrinter([Path(p) for p in template_dirs], font_css, variant, [Path(p) for p in extra])


def worker_printer() -> WorkerPrinter:
    """The worker's printer, or the error that kept `init_worker` from making it."""
    if not _printer:
        raise RuntimeError(_startup[0] if _startup else "no printer")
    return _printer[0]


def render_chunk(tasks: list[Task]) -> list[Result]:
    """Render a chunk of documents; stop at the first failure (its error is the last result)."""
    if not _printer:
        return [("error", _startup[0] if _startup else "no printer")]
    out: list[Result] = []
    for target, html in tasks:
        out.append(_printer[0].render_to(target, html))
        if out[-1][0] != "ok":
            break
    return out
