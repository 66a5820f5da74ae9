"""The glyph check: characters the chosen fonts cannot draw are found before rendering."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.render import glyphs
from lzzr.render.fonts import choose
from lzzr.render.glyphs import char_label, codepoints, coverage, find_missing, font_files, missing
from lzzr.workspace.model import Fonts

CHOICES = choose(Fonts())
RARE = "\U00020000"  # 𠀀, CJK Extension B: not in Noto CJK, FandolFang or FandolKai
needs_cjk = pytest.mark.skipif(CHOICES["song"].face is None, reason="no CJK font installed")


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh on-disk and in-process cache of character maps for each test."""
    monkeypatch.setenv("LZZR_CACHE_DIR", str(tmp_path / "cache"))
    glyphs.codepoints.cache_clear()
    glyphs._coverage.cache_clear()
    yield tmp_path / "cache"
    glyphs.codepoints.cache_clear()
    glyphs._coverage.cache_clear()


@needs_cjk
@pytest.mark.parametrize("role", ["fangsong", "song", "hei", "kai", "title"])
def test_a_rare_character_is_missing_and_common_ones_are_not(role: str) -> None:
    covered = coverage(CHOICES[role].stack)
    if ord(RARE) in covered:
        pytest.skip(f"a font on this machine has {char_label(RARE)}")
    assert missing(f"王{RARE}明 党风廉政建设责任书（2026年度）“一岗双责”", covered) == [RARE]


@needs_cjk
def test_collections_are_read_by_index() -> None:
    faces = font_files(CHOICES["song"].face or "")
    assert faces and all(face.path.is_file() for face in faces)
    assert {ord("中"), ord("文")} <= codepoints(faces[0])


def test_unknown_family_covers_nothing() -> None:
    assert font_files("No Such Family 7f3a") == []
    assert coverage(["No Such Family 7f3a"]) == frozenset()
    assert missing("中", coverage(["No Such Family 7f3a"])) == ["中"]


def test_invisible_characters_are_ignored() -> None:
    text = "王 明\t\n\u3000\u200d\ufeff\u00ad明\ufe00"  # spaces, ZWJ, BOM, soft hyphen, variation selector
    assert missing(text, frozenset(map(ord, "王明"))) == []


def test_each_character_once_in_order() -> None:
    assert missing("甲乙甲丙乙", frozenset({ord("丙")})) == ["甲", "乙"]


def test_find_missing_names_the_record() -> None:
    texts = [("领导 wjg 姓名", f"王{RARE}"), ("单位 qw 名称", "中共示例旗委员会")]
    assert find_missing(texts, frozenset(map(ord, "王中共示例旗委员会"))) == [("领导 wjg 姓名", RARE)]


def test_char_label() -> None:
    assert char_label(RARE) == "𠀀 (U+20000)"
    assert char_label("㒿") == "㒿 (U+34BF)"


@needs_cjk
def test_maps_are_cached_on_disk(cache: Path) -> None:
    face = font_files(CHOICES["song"].face or "")[0]
    first = codepoints(face)
    [stored] = cache.glob("cmap-*.bin")
    glyphs.codepoints.cache_clear()
    assert codepoints(face) == first
    stored.write_bytes(b"lzzr-cmap-1\n\x01")  # damaged: read the font again
    glyphs.codepoints.cache_clear()
    assert codepoints(face) == first


def test_ranges() -> None:
    assert list(glyphs._ranges([1, 2, 3, 7, 9, 10])) == [(1, 3), (7, 7), (9, 10)]
    assert list(glyphs._ranges([])) == []
