"""The layout check (tests/layoutcheck.py) over every PDF `make demo` renders, and over a
workspace made of long names and posts. The sample's documents are rendered once here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.cli import main
from lzzr.workspace.load import load_workspace
from tests.helpers import MINI_CLEAN, ROOT, build_changed, copy_sample
from tests.layoutcheck import Expect, Words, check_pdf, workspace_words
from tests.pdfutil import needs_poppler

pytestmark = needs_poppler
_TH = re.compile(r"<th\b[^>]*>([^<{}]+)</th>")


def header_words() -> set[str]:
    """The words of the table headers of the documents checked here (牵头部门, 监督主体, 工作标准, …)."""
    words: set[str] = set()
    for path in (ROOT / "templates" / name for name in ("plan.html", "letter.html", "pledge.html", "assessment.html")):
        for cell in _TH.findall(path.read_text(encoding="utf-8")):
            words |= {w for w in re.split(r"[及和、（）()]", cell) if len(w) > 2}
    return words


def issue_all(ws: Path, out: Path) -> None:
    """What `make demo` renders: the plan, letters (and the bound volume), pledges, the report."""
    assert main(["decompose", str(ws), "--out", str(out), "--quiet"]) == 0
    for args in (["letters", str(ws), "--out", str(out / "责任书"), "--combine"],
                 ["pledges", str(ws), "--out", str(out / "承诺书")],
                 ["pledges", str(ws), "--out", str(out / "承诺书-公开栏"), "--public"]):
        assert main([*args, "--quiet", "--jobs", "2"]) == 0, args


def expect_for(path: Path) -> Expect:
    if path.name.endswith("责任分解方案.pdf"):
        return Expect(gongwen=True, landscape=True)
    if path.name.endswith("合订.pdf"):
        return Expect(volume=True)
    if "承诺书" in path.name:
        return Expect(max_pages=1)
    return Expect()


def defects(out: Path, words: Words, pattern: str) -> Iterator[str]:
    paths = sorted(out.glob(pattern))
    assert paths, pattern
    for path in paths:
        yield from check_pdf(path, words, expect_for(path))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Words]:
    root = tmp_path_factory.mktemp("demo")
    ws = copy_sample(root / "workspace")
    out = root / "out"
    issue_all(ws, out)
    assert main(["assess", str(ws), "--out", str(out), "--quiet"]) == 0
    loaded, _ = load_workspace(ws)
    return out, workspace_words(loaded, header_words())


# The letters are checked in the bound volume: it is laid out from the same HTML, page for page
# (each letter from a recto, numbered from 1), so checking the 46 single files again would only
# double the time.
@pytest.mark.parametrize("pattern", ["*责任分解方案.pdf", "*考核报告.pdf", "责任书/*合订.pdf",
                                     "承诺书/*.pdf", "承诺书-公开栏/*.pdf"])
def test_demo_documents_pass_the_layout_check(demo: tuple[Path, Words], pattern: str) -> None:
    out, words = demo
    assert list(defects(out, words, pattern)) == []


def long_names(width: int) -> Iterator[str]:
    """Unit names of exactly `width` characters."""
    stem = "内蒙古自治区示例盟示例旗人民政府办公室机关事务服务中心综合保障和后勤管理科室"
    for head in ("人民政府", "纪律检查委员会", "财政局"):
        yield (head + stem)[:width - 2] + "机关"


LONG = {
    "lzzr.yaml": MINI_CLEAN["lzzr.yaml"] + (
        "发文:\n  责任分解方案:\n    序号: 3\n    日期: 2026-02-26\n    主送: 各苏木镇党委，旗委各部门\n"
        "    抄送: 示例市纪委监委\n    印发机关: 中共示例旗委办公室\n    印发日期: 2026-02-27\n"),
    "units.yaml": (
        "单位:\n"
        "  qw: {{名称: 中共示例旗委员会, 简称: 旗委, 类别: 党委}}\n"
        "  qzf: {{名称: {}, 简称: 旗政府, 类别: 政府, 上级: qw}}\n"
        "  jw: {{名称: {}, 简称: 旗纪委监委, 类别: 纪委监委, 上级: qw}}\n"
        "  czj: {{名称: {}, 简称: 财政局, 类别: 部门, 上级: qzf}}\n"
    ).format(*long_names(40)),
    "leaders.yaml": ("领导:\n  wjg: 额尔敦毕力格图\n  lzq: {姓名: 那顺乌力吉木仁, 性别: 男}\n"
                     "  zhm: 斯琴高娃其木格\n  sl: 图门吉日格勒图\n"),
    "teams.yaml": MINI_CLEAN["teams.yaml"].replace(
        "职务: 旗委副书记、旗长,", "职务: 旗委副书记、旗长、旗政府党组书记、旗人民武装部党委第一书记,"),
}


def test_long_names_and_posts_pass_the_layout_check(tmp_path: Path) -> None:
    assert all(len(name) == 40 for name in long_names(40))
    ws = build_changed(tmp_path / "ws", MINI_CLEAN, LONG)
    out = tmp_path / "out"
    issue_all(ws, out)
    loaded, _ = load_workspace(ws)
    words = workspace_words(loaded, header_words())
    assert {"那顺乌力吉木仁", "图门吉日格勒图"} <= words.unbreakable
    found = [*defects(out, words, "*责任分解方案.pdf"), *defects(out, words, "责任书/*.pdf"),
             *defects(out, words, "承诺书/*.pdf"), *defects(out, words, "承诺书-公开栏/*.pdf")]
    assert found == []


def test_the_plan_table_never_ends_with_one_row_alone(demo: tuple[Path, Words]) -> None:
    import pdfplumber

    out, _ = demo
    with pdfplumber.open(out / "2026-责任分解方案.pdf") as pdf:
        pages = [p for p in pdf.pages if p.width > p.height]
        first_column = [c for c in pages[-1].chars if float(c["x0"]) < pages[-1].width * 0.125]
    rows: dict[int, str] = {}
    for c in first_column:
        rows[round(float(c["top"]))] = rows.get(round(float(c["top"])), "") + c["text"]
    assert len([r for r in rows.values() if re.match(r"[A-Z]+\d", r)]) >= 2, rows


def test_a_tall_plan_row_splits_under_a_repeated_header(demo: tuple[Path, Words]) -> None:
    """T01 (the tallest row) no longer stands alone on its page: the row after it starts there
    and runs on to the next page, where the header is repeated above its rest."""
    import pdfplumber

    out, _ = demo
    with pdfplumber.open(out / "2026-责任分解方案.pdf") as pdf:
        pages = [p for p in pdf.pages if p.width > p.height]
        ids = [[w["text"] for w in p.extract_words() if w["x0"] < p.width * 0.125 and re.match(r"T\d", w["text"])]
               for p in pages]
        heads = [p.extract_words()[:1] for p in pages]
        second = pages[1].extract_words()
    assert ids[0] == ["T01", "T01.1"], ids[0]
    assert all(h and h[0]["text"] in ("编号", "附件") for h in heads)  # the header repeats on every page
    header_bottom = next(w["bottom"] for w in second if w["text"] == "编号")
    first_id_top = next(w["top"] for w in second if w["text"] == ids[1][0])
    continued = [w for w in second if header_bottom + 2 < w["bottom"] < first_id_top - 2]
    assert continued, "the row split at the foot of the first page continues above the first id of the next"
