"""Words that never break across lines: names, dates, unit short names, table header words.

Templates mark them with filters that wrap the text in `<span class="nb">` (gongwen.css:
`white-space: nowrap`): `keep` for one value, `keep_parts` for a list written as text, and
`keep_known` (made per workspace) for free text that mentions names, units and dates; `id_parts`
for a record's id in a narrow column, which may break only after its separators.
`text_lines` estimates how many lines a cell's text takes, and `tall_row` tells from it
whether a table row may split across pages (the plan's and the letters' task tables).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup, escape

from lzzr.workspace.load import Workspace

_PARTS = re.compile(r"[^、，；,;]+[、，；,;]?|[、，；,;]")
DATE = r"(?:\d{4}年)?\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月"
# A row whose tallest cell takes more lines than this may split across pages (under the repeated
# header); shorter rows stay whole, so that a row of a few lines is never cut.
TALL_ROW_LINES = 6
# A name wider than its table column is set smaller to fit, down to this share of the size (10 pt
# becomes 7 pt); beyond that it breaks.
SHRINK_LEAST = 0.7


def keep(value: Any, fit: float | None = None) -> Markup:
    """`value` (escaped) in a span that never breaks across lines. In a table column of `fit`
    full-width characters a line (the template says), a value wider than that is set smaller
    until it fits, as Word's 适应文字 does (`东河县纪委监委` in a column of five: 71 %), never
    over the next column; one that would need less than `SHRINK_LEAST` breaks where it must."""
    text = str(value)
    if not text:
        return Markup("")
    wide = width(text)
    if fit is not None and wide > fit:
        if fit / wide < SHRINK_LEAST:
            return escape(text)
        return Markup('<span class="nb" style="font-size: {}%">{}</span>').format(math.floor(100 * fit / wide), text)
    return Markup('<span class="nb">{}</span>').format(text)


def keep_parts(value: Any, fit: float | None = None) -> Markup:
    """A list written as text (`旗纪委监委、财政局`): each part kept whole with the separator after
    it (which may not start a line), so a line breaks only between parts (a part wider than
    `fit` is set smaller, as by `keep`)."""
    return Markup("").join(keep(p, fit) for p in _PARTS.findall(str(value)))


_AFTER_SEPARATOR = re.compile(r"(?<=[.\-_/])(?=.)")


def id_parts(value: Any) -> Markup:
    """A record's id that may break after a separator and nowhere else when it is wider than
    its column (`T0016.2.1.1` in the plan's 编号 column; the table cell's `overflow-wrap:
    anywhere` is the last resort for one long segment). An id that fits stays on one line; the
    break opportunity is a `<wbr>`, which adds no character to the PDF's text."""
    return Markup("<wbr>").join(escape(part) for part in _AFTER_SEPARATOR.split(str(value)))


def keep_known(words: Iterable[str]) -> Callable[..., Markup]:
    """A filter that keeps whole every date and every one of `words` (longest first) inside
    free text, and escapes the rest (in a table column of `fit` characters a line, a word wider
    than the column is set smaller, as by `keep`)."""
    names = sorted({w for w in words if len(w) > 1}, key=len, reverse=True)
    pattern = re.compile("|".join([DATE, *map(re.escape, names)]))

    def known(value: Any, fit: float | None = None) -> Markup:
        text = str(value)
        out, last = [], 0
        for match in pattern.finditer(text):
            out += [escape(text[last:match.start()]), keep(match.group(), fit)]
            last = match.end()
        out.append(escape(text[last:]))
        return Markup("").join(out)

    return known


def unbreakable_words(ws: Workspace) -> list[str]:
    """The workspace's names (leaders, people named in tasks) and unit short names."""
    names = [leader.name for leader in ws.leaders.values()]
    names += [task.person.name for task in ws.tasks.values() if task.person is not None]
    names += [unit.short for unit in ws.units.values() if unit.short]
    return list(dict.fromkeys(names))


def text_lines(value: Any, per_line: float) -> int:
    """About how many lines `value` takes in a column of `per_line` full-width characters
    (Latin letters and digits count half): templates use it to let a tall table row split."""
    return math.ceil(width(str(value or "")) / per_line)


def width(text: str) -> float:
    """`text`'s width in full-width characters (Latin letters and digits count half)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in text)


def tall_row(cells: Iterable[tuple[float, Iterable[Any]]]) -> bool:
    """Whether a table row may split across pages: its tallest cell takes over `TALL_ROW_LINES`
    lines. Each cell is (full-width characters per line, its pieces); every piece starts a line
    of its own (the plan's task title and content), so a cell's lines are the sum of its pieces'."""
    return max((sum(text_lines(piece, per_line) for piece in pieces) for per_line, pieces in cells),
               default=0) > TALL_ROW_LINES
