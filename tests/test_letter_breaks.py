"""Where a letter's pages break (templates/letter.css): a heading keeps only with the first line
of what follows it, so that page 1 is not left a fifth empty when the heading "二、责任内容" and
its three-line first duty do not fit whole; a heading never ends a page; and a tall task row
splits across pages under the repeated header."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lzzr.documents.issue import letter_docs
from lzzr.documents.letters import plan_letters
from lzzr.render.renderer import renderer_for
from lzzr.workspace.load import load_workspace
from tests.helpers import MINI_CLEAN, copy_sample, mini_workspace
from tests.layoutcheck import MM, PORTRAIT, check_pdf, group_lines, workspace_words
from tests.pdfutil import needs_poppler

pytestmark = needs_poppler
# The sample letter whose page 1 ended 48 mm above the foot of the text block: 二、责任内容,
# （一）岗位职责 and the first duty (three lines) all moved to page 2 under the old rules.
LETTER = "2026-supervision-czj-zqy"
HEADINGS = ("一、", "二、", "三、", "四、", "五、", "（一）岗位职责", "（二）年度任务")


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    """The body lines (text, top to bottom) of each page of the letter."""
    import pdfplumber

    path = _sample_letter(tmp_path_factory.mktemp("breaks"), LETTER)
    result = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            body = [c for c in page.chars if float(c["top"]) / MM <= PORTRAIT[3] + 2 and c["text"].strip()]
            lines = sorted(group_lines(body), key=lambda x: (x.baseline, x.x0))
            result.append([x.text for x in lines])
            if page.page_number == 1:
                bottom = max(float(c["bottom"]) for c in body) / MM
                # two lines (20.4 mm) at most left empty at the foot of page 1
                assert bottom > PORTRAIT[3] - 20.4, f"page 1 ends {PORTRAIT[3] - bottom:.1f} mm above the text block's foot"
    return result


def test_page_one_holds_the_heading_and_the_first_line_of_its_duty(pages: list[list[str]]) -> None:
    first = pages[0]
    assert first[-3:-1] == ["二、责任内容", "（一）岗位职责"], first[-4:]
    assert first[-1].startswith("1.协助本单位党委（党组）"), first[-1]
    assert pages[1][0].startswith("腐败工作"), pages[1][:2]  # the rest of the duty: two lines, no widow
    assert pages[1][1].endswith("设任务。")


def test_no_page_ends_with_a_heading(pages: list[list[str]]) -> None:
    for number, lines in enumerate(pages[:-1], 1):
        assert not lines[-1].startswith(HEADINGS), f"p.{number} ends with the heading {lines[-1]}"


def _rules(page: Any) -> list[float]:
    """The heights (mm from the top) of the page's horizontal rules at least 100 mm long in all
    (a table's rule may be drawn cell by cell)."""
    length: dict[float, float] = {}
    for edge in page.edges:
        if edge["orientation"] == "h":
            top = round(float(edge["top"]) / MM, 1)
            length[top] = length.get(top, 0.0) + (float(edge["x1"]) - float(edge["x0"])) / MM
    return [top for top, mm in length.items() if mm > 100]


# A task standard of about 30 lines in the table's widest column (14 characters a line): a tall row.
TALL_STANDARD = "每季度开展1次资金专项检查，检查结果在全旗通报；" * 16


def test_a_tall_task_row_splits_under_the_repeated_header(tmp_path: Path) -> None:
    """The 财政局 letter's only task row is taller than what is left of the page its table starts
    on: it begins there and runs on to the next page below the repeated header (letter.css
    `tr.tall`), instead of moving to the next page whole and leaving the foot of this one empty."""
    import pdfplumber

    tasks = MINI_CLEAN["tasks.yaml"].replace("    工作标准: 每季度开展1次资金专项检查\n", f"    工作标准: {TALL_STANDARD}\n")
    ws, problems = load_workspace(mini_workspace(tmp_path / "ws", clean=True, tasks_yaml=tasks))
    assert [p for p in problems if p.severity.value == "error"] == []
    (doc,) = [d for d in letter_docs(ws, plan_letters(ws)) if d.id == "2026-czj-sl"]
    renderer = renderer_for(ws)
    path = tmp_path / "letter.pdf"
    path.write_bytes(renderer.pdf_bytes(renderer.html(doc.template, doc.context)))
    with pdfplumber.open(path) as pdf:
        pages = [sorted(group_lines(c for c in page.chars if float(c["top"]) / MM <= PORTRAIT[3] + 2),
                        key=lambda x: (x.baseline, x.x0)) for page in pdf.pages]
        rules = [_rules(page) for page in pdf.pages]
    cell = [(number, x) for number, lines in enumerate(pages, 1) for x in lines
            if len(x.text) > 3 and x.text in TALL_STANDARD]
    numbers = sorted({number for number, _ in cell})
    assert len(numbers) == 2 and numbers[1] == numbers[0] + 1, numbers  # on two pages that follow
    assert "".join(x.text for _, x in cell) == TALL_STANDARD  # nothing lost or repeated at the cut
    first, second = (pages[n - 1] for n in numbers)
    assert any(x.text == "T02" for x in first) and not any(x.text == "T02" for x in second)
    foot = max(x.baseline for n, x in cell if n == numbers[0]) / MM
    assert foot > PORTRAIT[3] - 12, f"the row's part on p.{numbers[0]} ends {PORTRAIT[3] - foot:.1f} mm above the foot"
    # the part at the foot is closed by a rule below its last line (border-collapse left it open)
    assert any(foot < top < foot + 8 for top in rules[numbers[0] - 1]), (foot, rules[numbers[0] - 1])
    head = [x.text for x in second if x.baseline < min(y.baseline for n, y in cell if n == numbers[1])]
    assert head == ["编号", "任务", "工作标准及量化指标", "完成时限", "责任"], head  # the header repeats above the rest
    words = workspace_words(ws, {"工作标准", "量化指标", "完成时限"})
    assert check_pdf(path, words) == []


def _letter_lines(tmp_path: Path, letter: str) -> list[list[Any]]:
    """The lines (split at gaps such as the 　 between a post and a name) of each page of a
    sample letter, top to bottom."""
    import pdfplumber

    with pdfplumber.open(_sample_letter(tmp_path, letter)) as pdf:
        return [sorted(group_lines(page.chars), key=lambda x: (x.baseline, x.x0)) for page in pdf.pages]


def test_a_party_line_breaks_before_the_post_and_hangs_under_the_unit(tmp_path: Path) -> None:
    """甲方's unit name and post (旗纪委监委's 21 characters, then 旗纪委书记、旗监委主任) do not fit
    one line: the line breaks before the post, which stays whole (it broke as 旗纪委 / 书记、…), and
    the second line starts under the unit name, after 甲方： (letter.css `.parties p.first`)."""
    first = _letter_lines(tmp_path, "2026-supervision-czj-zqy")[0]
    (party,) = [x for x in first if x.text.startswith("甲方：")]
    assert party.text == "甲方：中共示例旗纪律检查委员会、示例旗监察委员会　", party.text
    below = [x for x in first if 0 < x.baseline - party.baseline < 2 * party.size]
    assert [x.text for x in below] == ["旗纪委书记、旗监委主任　孟庆华"], [x.text for x in below]
    assert abs(below[0].x0 - (party.x0 + 3 * party.size / MM)) < 0.5, (party.x0, below[0].x0)  # mm


def test_a_signer_post_breaks_only_after_its_separators(tmp_path: Path) -> None:
    """Under the signatures (half the width) 旗委常委、旗纪委书记、旗监委主任 takes two lines and
    breaks after a 、 (it broke as 旗监 / 委主任 before)."""
    last = _letter_lines(tmp_path, "2026-qw-mqh")[-1]
    texts = [x.text for x in last]
    assert "旗委常委、旗纪委书记、" in texts and "旗监委主任　孟庆华" in texts, texts[-6:]


def _sample_letter(root: Path, letter: str) -> Path:
    """The PDF of one of the sample's letters, rendered in a copy of the sample under `root`."""
    ws, problems = load_workspace(copy_sample(root / "ws"))
    assert not problems
    (doc,) = [d for d in letter_docs(ws, plan_letters(ws)) if d.id == letter]
    renderer = renderer_for(ws)
    path = root / "letter.pdf"
    path.write_bytes(renderer.pdf_bytes(renderer.html(doc.template, doc.context)))
    return path
