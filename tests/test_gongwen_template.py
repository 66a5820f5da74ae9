"""The shared GB/T 9704 template (templates/gongwen.html) and the plan table's rows: the HTML
only (no layout), so these are cheap; the layout is measured in test_layout_demo.py."""

from __future__ import annotations

import re

from lzzr.decompose.plan import plan_context
from lzzr.render.nobreak import tall_row, text_lines
from lzzr.render.renderer import builtin_templates, renderer_for
from lzzr.workspace.load import load_workspace

from .helpers import SAMPLE


def test_text_lines_counts_full_width_characters() -> None:
    assert [text_lines("", 8), text_lines("一" * 8, 8), text_lines("一" * 9, 8)] == [0, 1, 2]
    assert text_lines("T01.1 ab", 4) == 1  # Latin letters, digits and spaces count half
    assert text_lines(None, 8) == 0


def test_a_row_is_tall_when_its_tallest_cell_takes_over_six_lines() -> None:
    assert not tall_row([(4, ["一" * 24]), (8, ["一" * 8])])  # six lines
    assert tall_row([(4, ["一" * 25]), (8, ["一" * 8])])  # seven
    assert tall_row([(4, ["一" * 12, "一" * 13])])  # pieces start a line each: 3 + 4
    assert not tall_row([(4, ["一" * 12, ""])]) and not tall_row([])


def test_the_three_documents_extend_the_one_base() -> None:
    folder = builtin_templates()
    for name in ("plan.html", "decision.html", "progress.html"):
        text = (folder / name).read_text(encoding="utf-8")
        assert text.startswith('{% extends "gongwen.html" %}'), name
        assert "red-rule" not in text and "colophon" not in text, name


def test_only_tall_rows_may_split() -> None:
    ws, _ = load_workspace(SAMPLE)
    html = renderer_for(ws).html("plan.html", plan_context(ws))
    found = re.findall(r'<tr class="(?:top|sub)( tall)?">\s*<td class="c id">(.+?)</td>', html)
    rows = {re.sub(r"<[^>]+>", "", tid): bool(tall) for tall, tid in found}
    assert len(rows) == len(ws.tasks)
    assert rows["T01"] and not rows["T19.3"], rows
