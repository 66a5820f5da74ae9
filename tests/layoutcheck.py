"""A measured layout check of rendered PDFs (GB/T 9704 page grid, FORMAT-NOTES.md).

Positions come from pdfplumber (pdfminer.six): it gives a box, size and font for every
character and the boxes of rules and chart shapes, which is what a measurement needs. pypdf
(a runtime dependency) only hands out text runs with a matrix, so measuring with it means
re-implementing pdfminer's width tables. pdfminer silently drops the characters of a font
with a custom encoding, which WeasyPrint writes exactly when a glyph is missing; the glyph
check therefore reads the fonts with pypdf and fontTools instead: every glyph a font's
ToUnicode map lists must exist in the embedded font program and map to a real character.

`check_pdf` returns one line per defect (`file p.N: what`), so a failing test prints them
all. Lengths are in millimetres unless a name says pt.
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MM = 72 / 25.4
A4 = (210.0, 297.0)
# The text block (版心) of a portrait page and of the landscape attachment (gongwen.css).
PORTRAIT = (28.0, 184.0, 37.0, 262.0)
LANDSCAPE = (25.0, 272.0, 28.0, 180.0)
TOLERANCE = 0.6  # mm: glyph boxes are em boxes; 0.6 mm is a tenth of a character
BODY_PT = 16.0
PITCH_PT = 28.95  # 22 lines in 225 mm
CHAR_MM = 156.0 / 28
PAGE_NUMBER = re.compile(r"^— (\d+) —$")
DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
PARAGRAPH_STARTS = ("甲方：", "乙方：", "丙方：")
NO_LINE_START = set("，。、；：？！”’）》」』〕】…—·%")
NO_LINE_END = set("“‘（《「『〔【")
SIGNATURE_MARKS = ("（签字）", "承诺人", "责任书编号：", "编号：", "（盖章）", "年　　月　　日")


@dataclass(frozen=True)
class Words:
    """What the check knows about the workspace: words that never break (names, unit short
    names, table header words) and the texts a signature line is made of (posts, names,
    units). Dates are found by their pattern."""

    unbreakable: frozenset[str]
    signature: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Expect:
    """What kind of document a PDF is: a 公文 (22 × 28 grid on body pages), whether landscape
    pages are allowed, whether page numbers restart per document (a bound volume, where each
    document then starts on a right-hand page)."""

    gongwen: bool = False
    landscape: bool = False
    volume: bool = False
    max_pages: int | None = None


@dataclass
class Line:
    """Characters on one baseline, left to right, split where a gap is wider than half a
    character (table cells, the two signature columns)."""

    baseline: float
    size: float
    chars: list[dict[str, Any]] = field(default_factory=list)

    text: str = ""

    def add(self, char: dict[str, Any]) -> None:
        self.chars.append(char)
        self.text += char["text"]

    @property
    def x0(self) -> float:
        return float(self.chars[0]["x0"]) / MM

    @property
    def x1(self) -> float:
        return float(self.chars[-1]["x1"]) / MM


def check_pdf(path: Path, words: Words, expect: Expect | None = None) -> list[str]:
    """Every layout defect of the PDF at `path`, one line each (empty when it passes)."""
    import pdfplumber

    expect = expect or Expect()

    problems = [f"{path.name}: {p}" for p in glyph_problems(path)]
    numbers: list[tuple[int, int | None, bool]] = []
    with pdfplumber.open(path) as pdf:
        pages = list(pdf.pages)
        least = [_least_lines(page, words) for page in pages[1:]] + [0]
        if expect.max_pages is not None and len(pages) > expect.max_pages:
            problems.append(f"{path.name}: {len(pages)} pages, at most {expect.max_pages} expected")
        for index, page in enumerate(pages, 1):
            found, number, blank = _check_page(page, words, expect, index, least[index - 1])
            problems += [f"{path.name} p.{index}: {p}" for p in found]
            numbers.append((index, number, blank))
    problems += [f"{path.name}: {p}" for p in _check_numbers(numbers, expect)]
    return problems


def _least_lines(following: Any, words: Words) -> int:
    """How many body lines the page before `following` must use: 20 of 22 when `following`
    continues the body text (portrait, body-size characters), 12 when it also holds the
    signature (the closing moved over with the last lines of the text: GB/T 9704 7.3.5.3; the
    attachment note and signature take up to eight lines), none otherwise."""
    body = [c for c in following.chars if abs(float(c["size"]) - BODY_PT) < 0.3]
    if following.width > following.height or not body:
        return 0
    rows: dict[float, str] = {}
    for line in group_lines(body):
        rows[line.baseline] = rows.get(line.baseline, "") + line.text
    return 12 if any(DATE.fullmatch(r) for r in rows.values()) else 20


def _check_page(page: Any, words: Words, expect: Expect, index: int, least: int) -> tuple[list[str], int | None, bool]:
    width, height = float(page.width) / MM, float(page.height) / MM
    landscape = width > height
    problems = []
    if sorted((round(width), round(height))) != list(A4):
        problems.append(f"page is {width:.1f} × {height:.1f} mm, not A4")
    if landscape and not expect.landscape:
        problems.append("landscape page")
    block = LANDSCAPE if landscape else PORTRAIT
    footer = [c for c in page.chars if float(c["top"]) / MM > block[3] + 2]
    body = [c for c in page.chars if float(c["top"]) / MM <= block[3] + 2]
    problems += _outside(body, page, block)
    problems += _crossing(body, page)
    number, found = _page_number(footer, block)
    problems += found
    lines = group_lines(body)
    problems += _breaks(lines, words)
    problems += _spacing(lines, block, words)
    if _only_signature(lines, words):
        problems.append("a page with only the signature: " + " / ".join(x.text for x in lines))
    if expect.gongwen and not landscape and index > 1:
        problems += _grid(lines, block, least)
    return problems, number, not page.chars and not page.rects and not page.lines


def _outside(chars: list[dict[str, Any]], page: Any, block: tuple[float, float, float, float]) -> Iterator[str]:
    left, right, top, bottom = (v + d for v, d in zip(block, (-TOLERANCE, TOLERANCE, -TOLERANCE, TOLERANCE),
                                                      strict=True))
    for c in chars:
        if c["text"].isspace():
            continue  # a full-width space hanging at the end of a line draws nothing
        x0, x1, t, b = (float(c[k]) / MM for k in ("x0", "x1", "top", "bottom"))
        if x0 < left or x1 > right or t < top or b > bottom:
            yield f"“{c['text']}” at x {x0:.1f}–{x1:.1f}, y {t:.1f}–{b:.1f} mm is outside the text block"
    for kind in ("rects", "lines", "curves", "images"):
        for obj in getattr(page, kind):
            x0, x1, t, b = (float(obj[k]) / MM for k in ("x0", "x1", "top", "bottom"))
            if x0 < left - 0.5 or x1 > right + 0.5 or t < top - 0.5 or b > bottom + 0.5:
                yield f"a {kind[:-1]} at x {x0:.1f}–{x1:.1f}, y {t:.1f}–{b:.1f} mm is outside the text block"


def _crossing(chars: list[dict[str, Any]], page: Any) -> Iterator[str]:
    """Characters drawn across a vertical cell line of a table: a thin line or rectangle, or the
    left or right edge of a filled rectangle (WeasyPrint draws a cell's separate borders as its
    border box filled within a clip, which pdfplumber reports as the whole box)."""
    rules = [(float(r["x0"] + r["x1"]) / 2, float(r["top"]), float(r["bottom"]))
             for r in (*page.lines, *page.rects) if float(r["x1"] - r["x0"]) < 1.5 and float(r["bottom"] - r["top"]) > 3]
    rules += [(float(r[edge]), float(r["top"]), float(r["bottom"])) for r in page.rects
              if r.get("fill") and float(r["x1"] - r["x0"]) >= 1.5 and float(r["bottom"] - r["top"]) > 3
              for edge in ("x0", "x1")]
    if not rules:
        return
    seen: set[str] = set()
    for c in chars:
        x0, x1, top, bottom = (float(c[k]) for k in ("x0", "x1", "top", "bottom"))
        for x, r_top, r_bottom in rules:
            if x0 + 0.4 < x < x1 - 0.4 and top < r_bottom - 1 and bottom > r_top + 1:
                key = f"“{c['text']}” at y {top / MM:.1f} mm crosses a cell line at x {x / MM:.1f} mm"
                if key not in seen:
                    seen.add(key)
                    yield key
                break


def group_lines(chars: Iterable[dict[str, Any]]) -> list[Line]:
    """Characters grouped by baseline (top to bottom) and split at gaps wider than half a
    character (left to right within a baseline)."""
    rows: dict[tuple[float, float], list[dict[str, Any]]] = {}
    for c in chars:
        if c["text"] not in ("", " ") and c.get("upright", True):
            rows.setdefault((round(float(c["bottom"]), 1), round(float(c["size"]), 1)), []).append(c)
    lines: list[Line] = []
    for (baseline, size), row in sorted(rows.items()):
        row.sort(key=lambda c: float(c["x0"]))
        current = Line(baseline, size)
        for c in row:
            if current.chars and float(c["x0"]) - float(current.chars[-1]["x1"]) > 0.5 * size:
                lines.append(current)
                current = Line(baseline, size)
            current.add(c)
        lines.append(current)
    return lines


def _page_number(footer: list[dict[str, Any]], block: tuple[float, float, float, float]) -> tuple[int | None, list[str]]:
    if not footer:
        return None, []
    text = " ".join(x.text for x in group_lines(footer)).replace("—", " — ").split()
    joined = " ".join(text)
    match = PAGE_NUMBER.match(joined)
    if not match:
        return None, [f"“{joined}” below the text block is not a page number"]
    number = int(match.group(1))
    x0 = min(float(c["x0"]) for c in footer) / MM
    x1 = max(float(c["x1"]) for c in footer) / MM
    top = min(float(c["top"]) for c in footer) / MM
    em = 14 / MM  # 四号, one character in
    problems = []
    if number % 2 and abs(x1 - (block[1] - em)) > 1.5:
        problems.append(f"odd page number {number} ends at {x1:.1f} mm, not one character in from the right")
    if not number % 2 and abs(x0 - (block[0] + em)) > 1.5:
        problems.append(f"even page number {number} starts at {x0:.1f} mm, not one character in from the left")
    if not 5 <= top - block[3] <= 11:
        problems.append(f"page number {top - block[3]:.1f} mm below the text block (7 mm expected)")
    return number, problems


def _check_numbers(numbers: Sequence[tuple[int, int | None, bool]], expect: Expect) -> Iterator[str]:
    previous = 0
    for pos, (index, number, blank) in enumerate(numbers):
        if number is None:
            following = numbers[pos + 1][1] if pos + 1 < len(numbers) else None
            if not (expect.volume and blank and following == 1):
                yield f"p.{index}: no page number"
            continue
        if number == 1 and expect.volume:
            if index % 2 == 0:
                yield f"p.{index}: a document starts on a left-hand (even) page"
        elif number != previous + 1:
            yield f"p.{index}: page number {number} after {previous}"
        if (number % 2) != (index % 2):
            yield f"p.{index}: page number {number} on a page of the other side"
        previous = number


def _breaks(lines: list[Line], words: Words) -> Iterator[str]:
    """A word or date whose beginning ends one line and whose rest starts the next line of
    the same column."""
    for a, b in _continuations(lines):
        for word in words.unbreakable:
            for k in range(1, len(word)):
                if a.text.endswith(word[:k]) and b.text.startswith(word[k:]):
                    yield f"“{word}” split across lines: “{word[:k]}/{word[k:]}”"
        joined = a.text + b.text
        for match in DATE.finditer(joined):
            if match.start() < len(a.text) < match.end():
                cut = len(a.text) - match.start()
                yield f"date split across lines: “{match.group()[:cut]}/{match.group()[cut:]}”"


def _continuations(lines: list[Line]) -> Iterator[tuple[Line, Line]]:
    """(line, the next line below it in the same column): same size, within two pitches."""
    for i, a in enumerate(lines):
        below = [b for b in lines[i + 1:] if b.size == a.size and 0.9 * a.size <= b.baseline - a.baseline <= 2.2 * a.size
                 and b.x0 < a.x1 and b.x1 > a.x0 - 0.1 and b.x0 >= a.x0 - 2.6 * a.size / MM]
        if below:
            first = min(b.baseline for b in below)
            yield from ((a, b) for b in below if b.baseline == first)


def _spacing(lines: list[Line], block: tuple[float, float, float, float], words: Words) -> Iterator[str]:
    """Body lines: no stretched space, and a line continued on the next one reaches the right edge
    with whole characters (28 per line)."""
    body = [x for x in lines if abs(x.size - BODY_PT) < 0.3]
    for left, right in itertools.pairwise(body):
        gap = (right.x0 - left.x1) * MM
        if left.baseline == right.baseline and _has_ascii(left.text[-1]) and gap > 0.3 * left.size:
            yield f"stretched space ({gap:.1f} pt) in “{left.text[-6:]}␣{right.text[:6]}”"
    rows: dict[float, list[Line]] = {}
    for line in body:
        rows.setdefault(line.baseline, []).append(line)
    ordered = sorted(rows.items())
    for (y, row), (y2, below) in itertools.pairwise(ordered):
        if not 0.9 * BODY_PT <= y2 - y <= 2.2 * BODY_PT or abs(below[0].x0 - block[0]) > 0.3:
            continue
        if below[0].text.startswith(PARAGRAPH_STARTS) or _columns(row) or _columns(below):
            continue  # a new paragraph without indent (the parties), or a row of columns (signatures)
        text, end = "".join(x.text for x in row), row[-1].x1
        wide = all(abs(float(c["width"]) - c["size"]) < 1.0 for x in row for c in x.chars) and not _has_ascii(text)
        if wide and end > block[0] + 100 and block[1] - end > _allowed_short(below[0].text, words):
            yield f"line “{text[:10]}…” ({len(text)} characters) ends {block[1] - end:.1f} mm short of the right edge"


def _columns(row: list[Line]) -> bool:
    return any((b.x0 - a.x1) * MM > 1.1 * a.size for a, b in itertools.pairwise(row))


def _allowed_short(following: str, words: Words) -> float:
    """How far a line may end short of the edge: as many characters as the punctuation that
    may not begin a line (“）；”) at the start of the next line, or after its first character;
    a word less one character when the next line starts with a word that never breaks (after
    opening brackets or quotes, which may not end a line, and with the punctuation after it)."""
    run = max(_run(following, NO_LINE_START), _run(following[1:], NO_LINE_START))
    allowed = 0.5 + run * CHAR_MM  # the break moved back so that punctuation (“）；”) does not start a line
    opening = _run(following, NO_LINE_END)  # “（ may not end a line: they move with the word after them
    rest = following[opening:]
    starts = [len(w) for w in words.unbreakable if rest.startswith(w)]
    starts += [len(m.group()) for m in [DATE.match(rest)] if m]
    if not starts:
        return allowed
    word = opening + max(starts)  # the word moved to the next line whole, with the punctuation after it
    return 0.5 + (word - 1 + _run(following[word:], NO_LINE_START)) * CHAR_MM


def _run(text: str, marks: set[str]) -> int:
    """How many of the first characters of `text` are in `marks`."""
    return len(text) - len(text.lstrip("".join(marks)))


def _has_ascii(text: str) -> bool:
    return any(ord(ch) < 0x2000 for ch in text)


def _grid(lines: list[Line], block: tuple[float, float, float, float], least: int) -> Iterator[str]:
    """A body page of a 公文: body lines on a grid of 28.95 pt from the top of the text block
    (22 lines fit; a full page uses at least 20 of them, two may stay empty before a heading
    that keeps with its text), and lines of whole characters on the 28-character grid."""
    body = [x for x in lines if abs(x.size - BODY_PT) < 0.3]
    if not body:
        return
    face = max({x.chars[0]["fontname"] for x in body}, key=lambda f: sum(x.chars[0]["fontname"] == f for x in body))
    anchor = min(x.baseline for x in body if x.chars[0]["fontname"] == face)
    first = anchor - round((anchor - min(x.baseline for x in body)) / PITCH_PT) * PITCH_PT
    top_mm = (first - (PITCH_PT + BODY_PT) / 2) / MM  # the em box sits in the middle of its line box
    if abs(top_mm - block[2]) > 1.5:
        yield f"first line box starts at {top_mm:.1f} mm (text block top {block[2]:.0f} mm)"
    slots = set()
    for line in body:
        slot = round((line.baseline - first) / PITCH_PT)
        off = line.baseline - first - slot * PITCH_PT
        if abs(off) > (0.5 if line.chars[0]["fontname"] == face else 4.0):
            yield f"line “{line.text[:8]}…” is {off:+.1f} pt off the 28.95 pt line grid"
        slots.add(slot)
    if max(slots) > 21:
        yield f"{max(slots) + 1} lines on a page (22 fit)"
    if max(slots) + 1 < least:
        yield f"{max(slots) + 1} lines on a full body page ({least}–22 expected)"
    for line in body:
        if line.chars[0]["fontname"] == face and abs(line.x0 - block[0]) < 0.3 and not _has_ascii(line.text):
            pitch = (line.x1 - line.x0) / len(line.chars)
            if abs(pitch - CHAR_MM) > 0.05:
                yield f"character pitch {pitch:.2f} mm in “{line.text[:10]}…” (28 per line: {CHAR_MM:.2f})"


def _only_signature(lines: list[Line], words: Words) -> bool:
    """A page whose text (besides the page number) is nothing but signature lines."""
    rows: dict[float, str] = {}
    for line in lines:
        rows[line.baseline] = rows.get(line.baseline, "") + line.text
    if not rows:
        return False
    signature = [r for r in rows.values() if _is_signature(r, words)]
    return bool(signature) and len(rows) - len(signature) < 2


def _is_signature(text: str, words: Words) -> bool:
    if any(mark in text for mark in SIGNATURE_MARKS):
        return True
    rest = DATE.sub("", text)
    for part in sorted(words.signature, key=len, reverse=True):
        rest = rest.replace(part, "")
    return not rest.replace("　", "").replace("（公开栏版）", "").strip()


# --- glyphs ------------------------------------------------------------------------------------

def glyph_problems(path: Path) -> list[str]:
    """Glyphs that would print as a box: a font not embedded, a custom encoding (WeasyPrint
    writes one for glyphs the font lacks), a glyph absent from the embedded font, or one
    that maps to no character."""
    import pypdf

    reader = pypdf.PdfReader(path)
    problems: list[str] = []
    seen: set[int] = set()
    for index, page in enumerate(reader.pages, 1):
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for name, ref in fonts.items():
            key = getattr(ref, "idnum", id(ref))
            if key in seen:
                continue
            seen.add(key)
            problems += [f"p.{index} font {name}: {p}" for p in _font_problems(ref.get_object())]
    return problems


def _font_problems(font: Any) -> list[str]:
    base = str(font.get("/BaseFont", "?"))
    if font.get("/Subtype") != "/Type0":
        descriptor = font.get("/FontDescriptor")
        return [] if descriptor and _embedded(descriptor.get_object()) else [f"{base} is not embedded"]
    encoding = font.get("/Encoding")
    problems = [] if encoding == "/Identity-H" else [f"{base}: encoding {encoding} (glyphs outside the font)"]
    cid_font = font["/DescendantFonts"][0].get_object()
    descriptor = cid_font["/FontDescriptor"].get_object()
    program = _embedded(descriptor)
    if program is None:
        return [*problems, f"{base} is not embedded"]
    have = _glyph_ids(program, cid_font)
    for code, text in _to_unicode(font).items():
        if code == 0 or (have is not None and code not in have):
            problems.append(f"{base}: glyph {code} for “{text}” is not in the font (a box)")
        elif not text or text in ("\ufffd", "\u25a1") or any(0xE000 <= ord(ch) <= 0xF8FF for ch in text):
            problems.append(f"{base}: glyph {code} maps to {text!r}, no real character")
    return problems


def _embedded(descriptor: Any) -> Any:
    for key in ("/FontFile", "/FontFile2", "/FontFile3"):
        if key in descriptor:
            return descriptor[key].get_object()
    return None


def _glyph_ids(program: Any, cid_font: Any) -> set[int] | None:
    """The CIDs the embedded font can draw (CIDToGIDMap Identity, or a CID-keyed CFF)."""
    from fontTools.cffLib import CFFFontSet  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    data = program.get_data()
    try:
        if program.get("/Subtype") == "/CIDFontType0C":
            cff = CFFFontSet()
            cff.decompile(io.BytesIO(data), None)
            order = cff[cff.fontNames[0]].charset
        else:
            order = TTFont(io.BytesIO(data)).getGlyphOrder()
    except Exception:  # an unreadable font program: every glyph of it is reported
        return set()
    if all(name.startswith("cid") for name in order[1:]):
        return {int(name[3:]) for name in order[1:]}
    if cid_font.get("/CIDToGIDMap", "/Identity") != "/Identity":
        return None  # a mapped font: glyph ids are not CIDs; the ToUnicode check still applies
    return set(range(1, len(order)))


_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.DOTALL)
_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.DOTALL)
_HEX = re.compile(rb"<([0-9a-fA-F]+)>")


def _to_unicode(font: Any) -> dict[int, str]:
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    data = stream.get_object().get_data()
    out: dict[int, str] = {}
    for block in _BFCHAR.findall(data):
        pairs = _HEX.findall(block)
        for code, text in zip(pairs[::2], pairs[1::2], strict=False):
            out[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be", "replace")
    for block in _BFRANGE.findall(data):
        values = _HEX.findall(block)
        for lo, hi, start in zip(values[::3], values[1::3], values[2::3], strict=False):
            first = int(start, 16)
            for offset, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(first + offset) if first + offset < 0x110000 else "\ufffd"
    return out


# --- what the check knows about a workspace ---------------------------------------------------

def workspace_words(ws: Any, extra: Iterable[str] = ()) -> Words:
    """Names (leaders and the people named in tasks), unit short names and `extra` (table
    header words); the signature texts are posts, names and unit names."""
    names = {leader.name for leader in ws.leaders.values()}
    names |= {task.person.name for task in ws.tasks.values() if task.person is not None}
    shorts = {u.short for u in ws.units.values() if u.short}
    posts = {p.title for team in ws.teams.values() for p in team.members}
    units = {u.name for u in ws.units.values()} | shorts
    organ = {ws.config.organ} if ws.config else set()
    unbreakable = frozenset(w for w in (*names, *shorts, *extra) if len(w) > 1)
    parts = {*posts, *(x for p in posts for x in re.split("[、，,]", p)), *names, *units, *organ, "、"}
    return Words(unbreakable, frozenset(p for p in parts if p))
