"""WeasyPrint set up once to lay out many documents, and the URL fetcher that confines it.

Apart from the renderer (renderer.py, which pulls in Jinja and the workspace model) so that a
render worker imports only this, WeasyPrint and the standard library: a spawned worker's start
is part of every pooled run.
"""

from __future__ import annotations

import io
import logging
import mimetypes
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit


class Printer:
    """WeasyPrint set up once (fetcher, base URL, font stylesheet, font configuration) to lay out
    many documents: one font configuration serves them all, which keeps memory flat."""

    def __init__(self, template_dirs: Sequence[Path], font_css: str, variant: str | None,
                 extra_allowed: Sequence[Path] = (), blocked: list[str] | None = None) -> None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        dirs = [Path(d).resolve() for d in template_dirs]
        self.blocked = blocked if blocked is not None else []
        self.fetcher = make_fetcher([*dirs, *extra_allowed], self.blocked, search=dirs)
        self.base = dirs[-1].as_uri() + "/"
        self.font_config = FontConfiguration()
        self.sheets = [CSS(string=font_css, url_fetcher=self.fetcher, base_url=self.base,
                           font_config=self.font_config)] if font_css else []
        self.variant = variant

    def pdf(self, html: str) -> bytes:
        from weasyprint import HTML

        document = HTML(string=html, base_url=self.base, url_fetcher=self.fetcher)
        buf = io.BytesIO()
        with quiet_weasyprint():
            document.write_pdf(buf, stylesheets=self.sheets, pdf_variant=self.variant, attachments=[],
                               font_config=self.font_config, uncompressed_pdf=False)
        return buf.getvalue()


def make_fetcher(allowed: Iterable[Path], blocked: list[str], search: Sequence[Path] = ()) -> Any:
    """A WeasyPrint URL fetcher that serves only files below `allowed` (and data: URLs).

    Relative links resolve in the last of `search` (the built-in templates); the fetcher
    then serves the first folder of `search` that has the same file, so a stylesheet copied
    into the workspace's templates/ overrides the built-in one like a template does.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in allowed]
    folders = [p.resolve() for p in search]

    def overridden(path: Path) -> Path:
        if not folders or folders[-1] not in path.parents:
            return path
        rel = path.relative_to(folders[-1])
        return next((f / rel for f in folders if (f / rel).is_file()), path)

    class SafeFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = local_path(url)
            path = overridden(path) if path is not None else None
            if path is None or not any(path == r or r in path.parents for r in roots) or not path.is_file():
                blocked.append(url)
                raise ValueError(f"lzzr: blocked {url}")
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})

    return SafeFetcher()


def local_path(url: str) -> Path | None:
    """The resolved local path of a file: URL, or None for any other scheme."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    return Path(unquote(parts.path)).resolve()


class quiet_weasyprint:
    """Keep WeasyPrint's warnings (blocked URLs, unsupported CSS) off the user's terminal."""

    def __enter__(self) -> None:
        self.logger = logging.getLogger("weasyprint")
        self.saved = (self.logger.level, self.logger.propagate, list(self.logger.handlers))
        self.logger.handlers = [logging.NullHandler()]
        self.logger.propagate = False

    def __exit__(self, *exc: object) -> None:
        self.logger.setLevel(self.saved[0])
        self.logger.propagate = self.saved[1]
        self.logger.handlers = self.saved[2]
