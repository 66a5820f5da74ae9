"""`lzzr opinion`: the draft 党风廉政意见回复 with the bar periods of the 责任追究规定."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.accountability.opinion import Case, add_months, bar_hits
from lzzr.i18n import set_lang
from lzzr.workspace.incidents import BARS_DEFAULT

from .helpers import copy_sample, run
from .layoutcheck import Expect, check_pdf, workspace_words
from .pdfutil import needs_poppler, pdf_text


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def case(form: str, detail: str, day: str) -> Case:
    return Case(2026, "W1", "x", form, detail, dt.date.fromisoformat(day), "", "主要领导责任")


def test_months_are_calendar_months() -> None:
    assert add_months(dt.date(2026, 9, 18), 12) == dt.date(2027, 9, 18)
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)


def test_a_dismissal_bars_a_post_of_the_same_level_for_a_year() -> None:
    (hit,) = bar_hits([case("组织处理", "免职", "2026-09-18")], BARS_DEFAULT, dt.date(2027, 9, 17))
    assert (hit.bar.form, hit.start.isoformat(), hit.end.isoformat(), hit.active) == (
        "免职", "2026-09-18", "2027-09-17", True)
    assert hit.bar.what == "不得重新担任与原任职务相当的领导职务"
    (later,) = bar_hits([case("组织处理", "免职", "2026-09-18")], BARS_DEFAULT, dt.date(2027, 9, 18))
    assert later.active is False
    # 细目 first, then the form; a form with no bar gives none
    assert bar_hits([case("通报批评", "", "2026-09-18")], BARS_DEFAULT, dt.date(2026, 10, 1)) == []


def test_bar_periods_are_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    (ws / "rules.yaml").write_text("责任追究规定:\n  影响期:\n    - {处理: 诫勉谈话, 月数: 3, 限制: 不得提拔, 依据: 本旗规定}\n",
                                   encoding="utf-8")
    code, out, _ = run(capsys, "opinion", "rhm", str(ws), "--date", "2026-12-31", "-f", "json", "--no-pdf")
    assert code == 0
    (bar,) = json.loads(out)["影响期"]
    assert (bar["依据"], bar["起"], bar["止"], bar["在影响期内"]) == ("本旗规定", "2026-09-18", "2026-12-17", False)


@needs_poppler
def test_sample_opinion(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    code, out, err = run(capsys, "opinion", "rhm", str(ws), "--date", "2026-12-31", "-f", "json",
                         "--out", str(tmp_path))
    assert code == 0, err
    data = json.loads(out)
    assert (data["结论"], data["主送"], data["出具机关"]) == ("影响期内", "中共示例旗委员会组织部", "中共示例旗纪律检查委员会")
    assert [(c["事件"], c["领导责任"], c["处理"], c["决定日期"]) for c in data["责任追究"]] == [
        ("W01", "主要领导责任", "诫勉谈话", "2026-09-18")]
    pdf = tmp_path / "党风廉政意见回复-任红梅-rhm.pdf"
    assert err.strip() == f"党风廉政意见回复（草稿，影响期内）→ {pdf}"
    text = pdf_text(pdf).replace("\n", "")
    for part in ("关于任红梅同志党风廉政情况的意见", "6个月内不得提拔或者重用：自2026年9月18日至2027年3月17日",
                 "截至2026年12月31日，仍在影响期内", "影响期满前不宜提拔或者重用"):
        assert part in text, part
    # no split date (2027年3/月17日), the signature kept with the opinion (never alone on a page)
    from lzzr.workspace.load import load_workspace

    assert check_pdf(pdf, workspace_words(load_workspace(ws)[0]), Expect()) == []


def test_a_leader_without_cases(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    code, out, _ = run(capsys, "opinion", "byh", str(ws), "--date", "2026-12-31", "-f", "json", "--no-pdf")
    assert code == 0
    data = json.loads(out)
    assert (data["结论"], data["责任追究"], data["影响期"]) == ("未发现问题", [], [])
    code, _, err = run(capsys, "opinion", "byh", str(ws), "--date", "2026-13-01", "--no-pdf")
    assert code == 2 and "2026-13-01" in err
