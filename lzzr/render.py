"""The one place that knows Jinja and WeasyPrint: template name + context in, PDF out.

- Templates: a user folder is searched before the built-in one, so overriding one file
  overrides just that file. The environment is sandboxed and autoescaped; CSS lives in
  .css files (autoescape would mangle quotes inside <style>).
- Fetching: WeasyPrint may read only files inside the template, asset and font folders;
  no http(s), no file:// elsewhere, and no attachments embedded in the PDF.
- WeasyPrint is imported here only, and only when a document is rendered.
"""

from __future__ import annotations

import io
import logging
import mimetypes
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from lzzr.errors import LzzrError
from lzzr.fsutil import write_atomic

_ATTACHMENT = re.compile(r"""rel\s*=\s*["']?[^"'>]*\battachment\b""", re.IGNORECASE)


def builtin_templates() -> Path:
    """The built-in templates folder (inside the wheel, or `templates/` of a checkout)."""
    return Path(str(resources.files("lzzr.templates")))


@dataclass
class Renderer:
    """Renders named templates to HTML and PDF, reading only from `allowed` folders."""

    template_dirs: Sequence[Path]
    font_css: str = ""
    extra_allowed: Sequence[Path] = ()
    filters: dict[str, Any] = field(default_factory=dict)
    blocked: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.env = SandboxedEnvironment(
            loader=FileSystemLoader([str(d) for d in self.template_dirs]),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(self.filters)

    @property
    def allowed(self) -> list[Path]:
        return [p.resolve() for p in (*self.template_dirs, *self.extra_allowed)]

    def html(self, template: str, context: dict[str, Any]) -> str:
        """Render `template` with `context`; a template error becomes an LzzrError."""
        try:
            text = self.env.get_template(template).render(**context)
        except TemplateError as exc:
            raise LzzrError("render.template", template=template, detail=str(exc)) from None
        if _ATTACHMENT.search(text):
            raise LzzrError("render.attachment", template=template)
        return text

    def pdf_bytes(self, html: str, variant: str | None = None) -> bytes:
        """Lay out `html` (relative links resolve in the template folders) into PDF bytes."""
        from weasyprint import CSS, HTML

        fetcher = make_fetcher(self.allowed, self.blocked)
        base = self.template_dirs[-1].resolve().as_uri() + "/"
        document = HTML(string=html, base_url=base, url_fetcher=fetcher)
        sheets = [CSS(string=self.font_css, url_fetcher=fetcher, base_url=base)] if self.font_css else []
        buf = io.BytesIO()
        with _quiet_weasyprint():
            document.write_pdf(buf, stylesheets=sheets, pdf_variant=variant, attachments=[],
                               uncompressed_pdf=False)
        return buf.getvalue()

    def write_pdf(self, template: str, context: dict[str, Any], target: Path,
                  variant: str | None = None) -> bytes:
        """Render and write atomically; return the PDF bytes."""
        return self.write_pdf_html(self.html(template, context), target, variant)

    def write_pdf_html(self, html: str, target: Path, variant: str | None = None) -> bytes:
        """Lay out ready HTML and write it atomically; return the PDF bytes."""
        data = self.pdf_bytes(html, variant)
        write_atomic(target, data)
        return data


def make_fetcher(allowed: Iterable[Path], blocked: list[str]) -> Any:
    """A WeasyPrint URL fetcher that serves only files below `allowed` (and data: URLs)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = [p.resolve() for p in allowed]

    class SafeFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = local_path(url)
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


class _quiet_weasyprint:
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
