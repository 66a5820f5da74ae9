"""The render pipeline: sandboxed, autoescaped templates and a fetcher that reads nothing outside."""

from __future__ import annotations

from pathlib import Path

import pytest

from lzzr.errors import LzzrError
from lzzr.render.printer import local_path
from lzzr.render.renderer import Renderer

from .pdfutil import needs_poppler, pdf_text

SECRET_CSS = 'body::after { content: "SECRET-7f3a"; }\n'
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head>
<body><p>{{{{ value }}}}</p>{body}</body></html>"""


def make(tmp_path: Path, head: str = "", body: str = "") -> tuple[Renderer, Path]:
    tdir = tmp_path / "templates"
    tdir.mkdir()
    (tdir / "t.html").write_text(PAGE.format(head=head, body=body), encoding="utf-8")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.css").write_text(SECRET_CSS, encoding="utf-8")
    return Renderer([tdir]), outside


def render_text(renderer: Renderer, tmp_path: Path, value: str = "x") -> str:
    target = tmp_path / "out.pdf"
    renderer.write_pdf("t.html", {"value": value}, target)
    return pdf_text(target)


@needs_poppler
def test_stylesheet_outside_is_not_fetched(tmp_path: Path) -> None:
    secret = (tmp_path / "outside" / "secret.css").as_uri()
    renderer, _ = make(tmp_path, head=f'<link rel="stylesheet" href="{secret}">')
    assert "SECRET-7f3a" not in render_text(renderer, tmp_path)
    assert renderer.blocked == [secret]


@needs_poppler
def test_the_same_stylesheet_inside_is_fetched(tmp_path: Path) -> None:
    """Control: proves the test above can fail."""
    renderer, _ = make(tmp_path, head='<link rel="stylesheet" href="inside.css">')
    (tmp_path / "templates" / "inside.css").write_text(SECRET_CSS, encoding="utf-8")
    assert "SECRET-7f3a" in render_text(renderer, tmp_path)


@needs_poppler
@pytest.mark.parametrize("head", [
    '<link rel="stylesheet" href="../outside/secret.css">',
    '<style>@import url("../outside/secret.css");</style>',
    '<link rel="stylesheet" href="http://127.0.0.1:9/secret.css">',
    '<link rel="stylesheet" href="file:///etc/hostname">',
])
def test_escapes_are_blocked(tmp_path: Path, head: str) -> None:
    renderer, _ = make(tmp_path, head=head)
    assert "SECRET-7f3a" not in render_text(renderer, tmp_path)
    assert len(renderer.blocked) == 1


def test_attachments_are_refused(tmp_path: Path) -> None:
    renderer, _ = make(tmp_path, body='<a rel="attachment" href="file:///etc/hostname">x</a>')
    with pytest.raises(LzzrError) as err:
        renderer.html("t.html", {"value": "x"})
    assert err.value.code == "render.attachment"


@needs_poppler
def test_values_are_escaped_not_markup(tmp_path: Path) -> None:
    renderer, outside = make(tmp_path)
    hostile = f'<link rel="stylesheet" href="{(outside / "secret.css").as_uri()}">王<b>五</b>'
    html = renderer.html("t.html", {"value": hostile})
    assert "&lt;link" in html and "<b>" not in html
    text = render_text(renderer, tmp_path, hostile)
    assert "SECRET-7f3a" not in text and "<b>五</b>" in text
    assert renderer.blocked == []


def test_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    tdir = tmp_path / "t"
    tdir.mkdir()
    (tdir / "evil.html").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    with pytest.raises(LzzrError) as err:
        Renderer([tdir]).html("evil.html", {})
    assert err.value.code == "render.template"


def test_user_folder_overrides_one_file(tmp_path: Path) -> None:
    user, builtin = tmp_path / "user", tmp_path / "builtin"
    user.mkdir()
    builtin.mkdir()
    (builtin / "page.html").write_text("[{% include 'part.html' %}]", encoding="utf-8")
    (builtin / "part.html").write_text("built-in", encoding="utf-8")
    (user / "part.html").write_text("mine", encoding="utf-8")
    assert Renderer([user, builtin]).html("page.html", {}) == "[mine]"
    assert Renderer([builtin]).html("page.html", {}) == "[built-in]"


def test_local_path_only_for_file_urls() -> None:
    assert local_path("http://example.invalid/x") is None
    assert local_path("file://otherhost/etc/hostname") is None
    assert local_path("file:///tmp/a/../b") == Path("/tmp/b").resolve()


@needs_poppler
def test_user_stylesheet_overrides_the_builtin_one(tmp_path: Path) -> None:
    user, builtin = tmp_path / "user", tmp_path / "builtin"
    user.mkdir()
    builtin.mkdir()
    (builtin / "t.html").write_text('<html><head><link rel="stylesheet" href="s.css"></head><body><p>x</p></body></html>',
                                    encoding="utf-8")
    (builtin / "s.css").write_text('p::after { content: "BUILTIN-CSS"; }', encoding="utf-8")
    target = tmp_path / "out.pdf"
    Renderer([user, builtin]).write_pdf("t.html", {}, target)
    assert "BUILTIN-CSS" in pdf_text(target)
    (user / "s.css").write_text('p::after { content: "USER-CSS"; }', encoding="utf-8")
    Renderer([user, builtin]).write_pdf("t.html", {}, target)
    assert "USER-CSS" in pdf_text(target) and "BUILTIN-CSS" not in pdf_text(target)
