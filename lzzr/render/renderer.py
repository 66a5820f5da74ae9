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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError

from lzzr.errors import EnvironmentProblem, LzzrError
from lzzr.fsutil import leaves, write_atomic
from lzzr.render.nobreak import keep, keep_known, keep_parts, tall_row, text_lines
from lzzr.render.sandbox import MAX_HTML, MAX_SECONDS, BoundedSandbox, deadline
from lzzr.text import cut

if TYPE_CHECKING:
    from lzzr.workspace.load import Workspace



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
    _printers: dict[str | None, Printer] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.env = BoundedSandbox(
            loader=_ConfinedLoader([str(d) for d in self.template_dirs]),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update({"keep": keep, "keep_parts": keep_parts, "keep_known": keep_known(()),
                                 "text_lines": text_lines, "tall_row": tall_row, **self.filters})
        self.env.guard_filters()

    @property
    def allowed(self) -> list[Path]:
        return [p.resolve() for p in (*self.template_dirs, *self.extra_allowed)]

    def html(self, template: str, context: dict[str, Any]) -> str:
        """Render `template` with `context`; a template error becomes an LzzrError."""
        try:
            text = bounded_render(self.env.get_template(template), context)
        except TemplateError as exc:
            raise LzzrError("render.template", template=template, detail=cut(str(exc))) from None
        except (OverflowError, MemoryError, RecursionError) as exc:
            raise LzzrError("render.template", template=template, detail=type(exc).__name__) from None
        if has_attachment(text):
            raise LzzrError("render.attachment", template=template)
        return text

    def pdf_bytes(self, html: str, variant: str | None = None) -> bytes:
        """Lay out `html` (relative links resolve in the template folders) into PDF bytes."""
        return self.printer(variant).pdf(html)

    def printer(self, variant: str | None = None) -> Printer:
        """WeasyPrint set up for this renderer (made once per variant)."""
        if variant not in self._printers:
            self._printers[variant] = Printer(self.template_dirs, self.font_css, variant,
                                              self.extra_allowed, self.blocked)
        return self._printers[variant]

    def write_pdf(self, template: str, context: dict[str, Any], target: Path,
                  variant: str | None = None) -> bytes:
        """Render and write atomically; return the PDF bytes."""
        return self.write_pdf_html(self.html(template, context), target, variant)

    def write_pdf_html(self, html: str, target: Path, variant: str | None = None) -> bytes:
        """Lay out ready HTML and write it atomically; return the PDF bytes."""
        data = self.pdf_bytes(html, variant)
        write_atomic(target, data)
        return data


def bounded_render(template: Any, context: dict[str, Any], limit: int = MAX_HTML,
                   seconds: float | None = None) -> str:
    """Render in pieces against a deadline (lzzr/render/sandbox.py), stopping a template whose
    output or time runs past the bounds."""
    parts, size = [], 0
    with deadline(template.environment, MAX_SECONDS if seconds is None else seconds):
        for piece in template.generate(**context):
            size += len(piece)
            if size > limit:
                raise SecurityError(f"output over {limit} characters")
            parts.append(piece)
    return "".join(parts)


class _ConfinedLoader(FileSystemLoader):
    """A template that is a symlink out of its template folder is refused, not followed."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Any]:
        source, filename, uptodate = super().get_source(environment, template)
        if not any(not leaves(Path(filename), Path(folder)) for folder in self.searchpath):
            raise LzzrError("path.outside", path=f"templates/{template}")
        return source, filename, uptodate


class _AttachmentFinder(HTMLParser):
    """Finds <link rel=attachment> / <a rel=attachment> as the browser (and WeasyPrint) parses
    them: entities in attribute values decoded, case ignored."""

    found = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        rels = " ".join(v or "" for k, v in attrs if k == "rel").lower().split()
        if tag in ("link", "a") and "attachment" in rels:
            self.found = True


def has_attachment(html: str) -> bool:
    """Whether the rendered document asks WeasyPrint to embed a file (text that merely
    looks like such a tag is escaped data, and does not count)."""
    finder = _AttachmentFinder(convert_charrefs=True)
    finder.feed(html)
    finder.close()
    return finder.found


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
        with _quiet_weasyprint():
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


USER_TEMPLATES = "templates"


def renderer_for(ws: Workspace) -> Renderer:
    """A renderer that searches the workspace's templates/ first, then the built-in ones."""
    from lzzr.render.fonts import APT_HINT, choose, font_css, installed_families

    assert ws.config is not None
    have = installed_families()
    choices = choose(ws.config.fonts, have)
    if choices["song"].face is None:
        raise EnvironmentProblem("fonts.none", hint=APT_HINT)
    if leaves(ws.root / USER_TEMPLATES, ws.root):
        raise LzzrError("path.outside", path=USER_TEMPLATES)
    from lzzr.render.nobreak import unbreakable_words

    dirs = [d for d in (ws.root / USER_TEMPLATES,) if d.is_dir()] + [builtin_templates()]
    return Renderer(dirs, font_css=font_css(choices), filters={"keep_known": keep_known(unbreakable_words(ws))})
