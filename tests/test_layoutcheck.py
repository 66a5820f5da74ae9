"""The layout check itself: each defect it is meant to find, found on a page made to have it,
and a clean page passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from lzzr.render.fonts import choose, font_css
from lzzr.render.renderer import Renderer, builtin_templates
from lzzr.workspace.model import Fonts
from tests.layoutcheck import Expect, Words, check_pdf

WORDS = Words(frozenset({"那顺乌力吉", "旗纪委监委"}), frozenset({"旗委书记", "高振宇"}))
PARAGRAPH = "对管辖范围内的党风廉政建设负总责主持召开专题会议研究党风廉政建设和反腐败工作" * 3


@pytest.fixture(scope="module")
def render(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    renderer = Renderer([builtin_templates()], font_css=font_css(choose(Fonts())))
    folder = tmp_path_factory.mktemp("layoutcheck")

    def make(name: str, body: str) -> Path:
        html = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">'
                f'<link rel="stylesheet" href="letter.css"></head><body>{body}</body></html>')
        target = folder / f"{name}.pdf"
        target.write_bytes(renderer.pdf_bytes(html))
        return target

    return make


def problems(path: Path, expect: Expect | None = None) -> list[str]:
    return [p.split(": ", 1)[1] for p in check_pdf(path, WORDS, expect)]


def test_a_clean_page_passes(render) -> None:  # type: ignore[no-untyped-def]
    path = render("clean", f'<p class="clause">{PARAGRAPH}</p><p class="clause">那顺乌力吉</p>')
    assert problems(path) == []


def test_a_split_name_and_date(render) -> None:  # type: ignore[no-untyped-def]
    path = render("split", '<p style="width: 4em">一那顺乌力吉</p><p style="width: 7em">于2026年12月31日前</p>')
    assert "“那顺乌力吉” split across lines: “那顺乌/力吉”" in problems(path)
    assert "date split across lines: “2026年12月31/日”" in problems(path)


def test_a_missing_glyph_is_a_box(render) -> None:  # type: ignore[no-untyped-def]
    found = problems(render("box", "<p>张\ue000三</p>"))
    assert any("glyphs outside the font" in p for p in found), found
    assert any("is not in the font (a box)" in p for p in found), found


def test_outside_the_text_block(render) -> None:  # type: ignore[no-untyped-def]
    found = problems(render("outside", '<p style="margin-left: -10mm">左出版心</p>'
                                       '<p style="white-space: nowrap">' + PARAGRAPH[:40] + "</p>"))
    assert any(p.startswith("“左” at x 18.0") and p.endswith("outside the text block") for p in found), found
    assert sum("outside the text block" in p for p in found) >= 13


def test_a_page_with_only_the_signature(render) -> None:  # type: ignore[no-untyped-def]
    path = render("alone", f'<p>{PARAGRAPH}</p><p style="break-before: page">甲方（签字）：</p>'
                           "<p>旗委书记　高振宇</p><p>2026年3月31日</p>")
    assert problems(path) == ["a page with only the signature: 甲方（签字）： / 旗委书记　高振宇 / 2026年3月31日"]


def test_stretched_space_and_short_lines(render) -> None:  # type: ignore[no-untyped-def]
    path = render("stretch", f'<p style="text-align: justify">1. 对管辖<span style="white-space: nowrap">{PARAGRAPH[:26]}</span>'
                             f'</p><p style="letter-spacing: 0">{PARAGRAPH}</p>')
    found = problems(path)
    assert any(p.startswith("stretched space") and "“1.␣对管辖”" in p for p in found), found
    assert any("mm short of the right edge" in p for p in found), found


def test_landscape_pages_and_page_count(render) -> None:  # type: ignore[no-untyped-def]
    path = render("landscape", f'<p>{PARAGRAPH}</p><div class="attachment"><p>附件</p></div>')
    assert "landscape page" in problems(path)
    assert "2 pages, at most 1 expected" in " ".join(check_pdf(path, WORDS, Expect(landscape=True, max_pages=1)))
    assert not [p for p in problems(path, Expect(landscape=True)) if "landscape" in p]


def test_gongwen_grid(render) -> None:  # type: ignore[no-untyped-def]
    body = f'<p>{PARAGRAPH * 12}</p>'
    assert [p for p in problems(render("grid", body), Expect(gongwen=True)) if "body lines" in p] == []
    loose = render("loose", f'<p style="line-height: 30pt">{PARAGRAPH * 12}</p>')
    assert any(p.startswith("line “") and p.endswith("pt off the 28.95 pt line grid")
               for p in problems(loose, Expect(gongwen=True)))


def test_how_short_a_line_may_end() -> None:
    """A line may end short by what had to move with the next line's first character: the
    punctuation that may not start a line, or a whole name after an opening bracket."""
    from tests.layoutcheck import CHAR_MM, _allowed_short

    words = Words(frozenset({"田国栋"}))
    assert _allowed_short("办）；阿拉坦苏木", words) == pytest.approx(0.5 + 2 * CHAR_MM)
    assert _allowed_short("（田国栋，调研督办）", words) == pytest.approx(0.5 + 4 * CHAR_MM)
    assert _allowed_short("田国栋，调研督办", words) == pytest.approx(0.5 + 3 * CHAR_MM)
    assert _allowed_short("（调研督办）", words) == pytest.approx(0.5)
