"""Words that never break across lines: names, dates, unit short names, table header words.

Templates mark them with filters that wrap the text in `<span class="nb">` (gongwen.css:
`white-space: nowrap`): `keep` for one value, `keep_parts` for a list written as text, and
`keep_known` (made per workspace) for free text that mentions names, units and dates.
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


def keep(value: Any) -> Markup:
    """`value` (escaped) in a span that never breaks across lines."""
    text = str(value)
    return Markup('<span class="nb">{}</span>').format(text) if text else Markup("")


def keep_parts(value: Any) -> Markup:
    """A list written as text (`旗纪委监委、财政局`): each part kept whole with the separator after
    it (which may not start a line), so a line breaks only between parts."""
    return Markup("").join(keep(p) for p in _PARTS.findall(str(value)))


def keep_known(words: Iterable[str]) -> Callable[[Any], Markup]:
    """A filter that keeps whole every date and every one of `words` (longest first) inside
    free text, and escapes the rest."""
    names = sorted({w for w in words if len(w) > 1}, key=len, reverse=True)
    pattern = re.compile("|".join([DATE, *map(re.escape, names)]))

    def known(value: Any) -> Markup:
        text = str(value)
        out, last = [], 0
        for match in pattern.finditer(text):
            out += [escape(text[last:match.start()]), keep(match.group())]
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
    width = sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in str(value or ""))
    return math.ceil(width / per_line)


def tall_row(cells: Iterable[tuple[float, Iterable[Any]]]) -> bool:
    """Whether a table row may split across pages: its tallest cell takes over `TALL_ROW_LINES`
    lines. Each cell is (full-width characters per line, its pieces); every piece starts a line
    of its own (the plan's task title and content), so a cell's lines are the sum of its pieces'."""
    return max((sum(text_lines(piece, per_line) for piece in pieces) for per_line, pieces in cells),
               default=0) > TALL_ROW_LINES
