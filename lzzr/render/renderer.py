"""The one place that knows Jinja and WeasyPrint: template name + context in, PDF out.

- Templates: a user folder is searched before the built-in one, so overriding one file
  overrides just that file. The environment is sandboxed and autoescaped; CSS lives in
  .css files (autoescape would mangle quotes inside <style>).
- Fetching: WeasyPrint may read only files inside the template, asset and font folders;
  no http(s), no file:// elsewhere, and no attachments embedded in the PDF.
- WeasyPrint is imported here only, and only when a document is rendered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import FileSystemLoader, StrictUndefined, TemplateError
from jinja2.exceptions import SecurityError

from lzzr.errors import EnvironmentProblem, LzzrError
from lzzr.fsutil import leaves, write_atomic
from lzzr.render.nobreak import id_parts, keep, keep_known, keep_parts, tall_row, text_lines
from lzzr.render.printer import Printer
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
                                 "id_parts": id_parts,
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

    def own_stylesheets(self) -> bool:
        """Whether a template folder other than the built-in one holds a stylesheet (a
        workspace's own page rules, which may number pages other than gongwen.css does)."""
        builtin = builtin_templates().resolve()
        return any(Path(d).resolve() != builtin and any(Path(d).rglob("*.css")) for d in self.template_dirs)

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
