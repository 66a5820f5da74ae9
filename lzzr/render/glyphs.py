"""Which characters the chosen fonts can draw, so that a rare character in a name is an error
before rendering instead of a box (tofu) in an issued PDF.

Faces are found through fontconfig (`fc-list`), like Pango finds them; each face's character
map is read with fontTools (only the `cmap` table, lazily; a .ttc collection by its index).
Reading Noto Serif CJK's map takes ~0.1 s, so maps are cached per (file, index) in-process.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import itertools
import os
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

from lzzr.fsutil import write_atomic

K = TypeVar("K")

# Regular upright faces are enough: a family's bold and italic files share its repertoire
# (and Pango would fill a glyph missing from one style from the next face anyway).
REGULAR_WEIGHT = 80  # FC_WEIGHT_REGULAR
_SKIP_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}
_MAGIC = b"lzzr-cmap-1\n"


@dataclass(frozen=True, order=True)
class FontFile:
    """One face: a font file and its index inside a collection (0 for a single font)."""

    path: Path
    index: int


def font_files(family: str) -> list[FontFile]:
    """The files fontconfig has for `family` (any of its localised names), regular faces first choice."""
    return list(_faces().get(family, ()))


@lru_cache(maxsize=1)
def _faces() -> dict[str, tuple[FontFile, ...]]:
    """family name → its regular faces (or all its faces when it has no regular one)."""
    if shutil.which("fc-list") is None:
        return {}
    try:
        out = subprocess.run(["fc-list", "-f", r"%{file}\t%{index}\t%{weight}\t%{slant}\t%{family}\n"],
                             capture_output=True, text=True, timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    regular: dict[str, list[FontFile]] = {}
    other: dict[str, list[FontFile]] = {}
    for line in out.splitlines():
        fields = line.split("\t")
        if len(fields) != 5 or not fields[1].isdigit():
            continue
        face = FontFile(Path(fields[0]), int(fields[1]))
        bucket = regular if fields[2] == str(REGULAR_WEIGHT) and fields[3] == "0" else other
        for name in (n.strip() for n in fields[4].split(",")):
            if name:
                bucket.setdefault(name, []).append(face)
    names = regular.keys() | other.keys()
    return {name: tuple(sorted(set(regular.get(name) or other[name]))) for name in names}


@cache
def codepoints(face: FontFile) -> frozenset[int]:
    """The code points a face maps to glyphs (empty when the file cannot be read).

    Decoding Noto CJK's cmap takes ~0.1 s, most of an unchanged `lzzr letters` re-run, so
    the result is also kept on disk (see `cache_dir`), keyed by file, index, size and mtime.
    """
    try:
        stat = face.path.stat()
    except OSError:
        return frozenset()
    key = f"{face.path}|{face.index}|{stat.st_size}|{stat.st_mtime_ns}"
    cached = cache_dir() / f"cmap-{hashlib.sha256(key.encode()).hexdigest()[:32]}.bin"
    points = _load(cached)
    if points is None:
        points = _read_cmap(face)
        _save(cached, points)
    return points


def cache_dir() -> Path:
    """Where character maps are cached: $LZZR_CACHE_DIR, else $XDG_CACHE_HOME/lzzr or ~/.cache/lzzr."""
    if os.environ.get("LZZR_CACHE_DIR"):
        return Path(os.environ["LZZR_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lzzr"


def _read_cmap(face: FontFile) -> frozenset[int]:
    from fontTools.ttLib import TTFont, TTLibError  # type: ignore[import-untyped]

    try:
        font = TTFont(str(face.path), fontNumber=face.index, lazy=True)
        try:
            cmap = font["cmap"].getBestCmap() or {}
        finally:
            font.close()
    except (OSError, TTLibError, KeyError, AssertionError):
        return frozenset()
    return frozenset(cmap)


def _load(path: Path) -> frozenset[int] | None:
    """A cached map: a magic line, then (first, last) code point pairs as 32-bit integers."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if not raw.startswith(_MAGIC) or (len(raw) - len(_MAGIC)) % 8:
        return None
    pairs = array.array("I")
    pairs.frombytes(raw[len(_MAGIC):])
    return frozenset(itertools.chain.from_iterable(
        range(pairs[i], pairs[i + 1] + 1) for i in range(0, len(pairs), 2)))


def _save(path: Path, points: frozenset[int]) -> None:
    pairs = array.array("I")
    for first, last in _ranges(sorted(points)):
        pairs.extend((first, last))
    with contextlib.suppress(OSError):  # a read-only home only costs the next run 0.1 s
        write_atomic(path, _MAGIC + pairs.tobytes())


def _ranges(points: list[int]) -> Iterator[tuple[int, int]]:
    start = prev = -2
    for point in points:
        if point != prev + 1:
            if start >= 0:
                yield start, prev
            start = point
        prev = point
    if start >= 0:
        yield start, prev


def coverage(stack: Sequence[str]) -> frozenset[int]:
    """The union of the character maps of the installed faces in a font stack."""
    return _coverage(tuple(stack))


@lru_cache(maxsize=64)
def _coverage(stack: tuple[str, ...]) -> frozenset[int]:
    covered: set[int] = set()
    for family in dict.fromkeys(stack):
        for face in font_files(family):
            covered |= codepoints(face)
    return frozenset(covered)


def missing(text: str, covered: Iterable[int] | frozenset[int]) -> list[str]:
    """The characters of `text` the fonts cannot draw, each once, in order of appearance.

    White space, control and format characters (zero-width joiners, BOM) are not drawn and
    are ignored; so are variation selectors, which select a glyph of the preceding character.
    """
    have = covered if isinstance(covered, (set, frozenset)) else frozenset(covered)
    out: dict[str, None] = {}
    for char in text:
        if ord(char) in have or char in out or _invisible(char):
            continue
        out[char] = None
    return list(out)


def _invisible(char: str) -> bool:
    code = ord(char)
    if 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return True
    return unicodedata.category(char) in _SKIP_CATEGORIES


def char_label(char: str) -> str:
    """A character as users and support staff can both read it: `𠀀 (U+20000)`."""
    return f"{char} (U+{ord(char):04X})"


def find_missing(texts: Iterable[tuple[K, str]], covered: frozenset[int]) -> list[tuple[K, str]]:
    """(label, character) for each character the fonts cannot draw, once per label.

    Labels are whatever names the text for the user: a record id and field, say.
    """
    return [(label, char) for label, text in texts for char in missing(text, covered)]
