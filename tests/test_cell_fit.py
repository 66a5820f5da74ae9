"""Nothing in a table cell runs over the next column: a deep sub-task's id (`T0003.1.2`) breaks
after a dot, a unit name wider than its column (`东河县纪委监委` in the plan's five-character
监督主体 column) is set smaller until it fits (nobreak.keep's `fit`), and neither breaks a name."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from lzzr.decompose.plan import plan_context
from lzzr.render.nobreak import id_parts, keep, keep_known, keep_parts
from lzzr.render.renderer import renderer_for
from lzzr.workspace.load import load_workspace
from tests.layoutcheck import MM, Expect, check_pdf, group_lines, workspace_words
from tests.pdfutil import needs_poppler

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate


def test_an_id_may_break_only_after_its_separators() -> None:
    assert id_parts("T0016.2.1.1") == "T0016.<wbr>2.<wbr>1.<wbr>1"
    assert id_parts("T01") == "T01"
    assert id_parts("A-1_b/2.") == "A-<wbr>1_<wbr>b/<wbr>2."  # nothing after a trailing separator
    assert id_parts("<T>.1") == "&lt;T&gt;.<wbr>1"  # escaped


def test_a_value_wider_than_its_column_is_set_smaller() -> None:
    assert keep("旗纪委监委", 5) == '<span class="nb">旗纪委监委</span>'  # fits: as without fit
    assert keep("东河县纪委监委", 5) == '<span class="nb" style="font-size: 71%">东河县纪委监委</span>'
    assert keep("2026年10月12日", 6) == '<span class="nb" style="font-size: 85%">2026年10月12日</span>'
    assert keep("市纪委监委派驻第三纪检监察组", 5) == "市纪委监委派驻第三纪检监察组"  # 36 %: may break instead
    assert keep("东河县纪委监委") == '<span class="nb">东河县纪委监委</span>'  # no column: kept whole
    assert keep_parts("东河县纪委、财政局", 5) == (  # the separator is part of the width
        '<span class="nb" style="font-size: 83%">东河县纪委、</span><span class="nb">财政局</span>')
    known = keep_known(["东河县纪委监委"])
    assert known("报东河县纪委监委备案", 5) == '报<span class="nb" style="font-size: 71%">东河县纪委监委</span>备案'
    assert known("报东河县纪委监委备案") == '报<span class="nb">东河县纪委监委</span>备案'


@needs_poppler
def test_the_plan_of_a_city_keeps_every_cell_in_its_column(tmp_path: Path) -> None:
    """The plan of a generated city (ids three levels deep, county names of seven characters):
    no character crosses a cell's edge or the text block, no name is split (the layout check),
    and the deep ids stand in the 编号 column on two lines."""
    import pdfplumber

    generate(tmp_path / "ws", units=40, tasks=60, teams_per_unit=1.0, members=3, subtasks=3, seed=1)
    ws, problems = load_workspace(tmp_path / "ws")
    assert not [p for p in problems if p.severity.value == "error"]
    context = plan_context(ws)
    assert max(row["id"].count(".") for row in context["rows"]) == 3
    assert "东河县纪委监委" in {row["supervisor"] for row in context["rows"]}
    renderer = renderer_for(ws)
    path = tmp_path / "plan.pdf"
    path.write_bytes(renderer.pdf_bytes(renderer.html("plan.html", context)))
    assert check_pdf(path, workspace_words(ws), Expect(gongwen=True, landscape=True)) == []
    with pdfplumber.open(path) as pdf:
        table = [page for page in pdf.pages if page.width > page.height]
        lines = [x for page in table for x in group_lines(page.chars)]
    header = next(x for x in lines if x.text == "编号")
    column = [x for x in lines if x.x0 < header.x1 + 4 * MM and x.text.startswith(("T0", "1.", "2.", "3."))]
    assert any(x.text.count(".") == 1 and x.text.endswith(".") for x in column)  # "T0003.", then "1.2"
    assert {x.text for x in column} >= {"T0003."}


@pytest.mark.parametrize("fit", [5, 7])
def test_fit_is_the_share_that_makes_the_width_fit(fit: int) -> None:
    from lzzr.render.nobreak import SHRINK_LEAST, width

    for text in ("东河县纪委监委", "2026年10月12日", "东河县人民政府办公室"):
        html = keep(text, fit)
        if width(text) <= fit:
            assert "font-size" not in html
        elif fit / width(text) >= SHRINK_LEAST:
            share = int(html.split("font-size: ")[1].split("%")[0])
            assert width(text) * share / 100 <= fit < width(text) * (share + 1) / 100
        else:
            assert "<span" not in html
