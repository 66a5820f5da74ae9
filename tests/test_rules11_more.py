""""开展1次得1分，每增加一次加0.5分" (issue 11, type 2): full marks for the first (or Nth)
occurrence, then so much for each further one, up to the item's points. Worked by hand on
the 任职谈话 of fwj in tests/rules11_base.py: 3 March, 1 April, 1 May, 1 August (4 in all)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.assess.explain import explain
from lzzr.i18n import set_lang

from .assess_base import assess_tiny, tiny
from .helpers import ROOT, run
from .rules11_base import DUTIES, SCHEME

OLD = "{事项: 廉政谈话, 细类: 任职谈话, 每次: 0.5, 分值: 2, 起: 2026-01-01, 止: 2026-06-30}"
MORE = "{事项: 廉政谈话, 细类: 任职谈话, 次数: 1, 达到得: 1, 每增加一次加: 0.5, 分值: 2}"
MORE_SCHEME = SCHEME.replace(OLD, MORE)


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def _f2(tmp_path: Path, scheme: str, key: str = "principal:hdz:fwj") -> str:
    a = assess_tiny(tmp_path, scheme_yaml=scheme, duties_yaml=DUTIES)
    return str(a.get(key).lines[1].points)


def test_first_occurrence_then_each_further_one_up_to_the_points(tmp_path: Path) -> None:
    # 4 talks: 1 + (4 − 1) × 0.5 = 2.5, at most 2
    assert _f2(tmp_path, MORE_SCHEME) == "2.00"
    # counting from the third: 1 + (4 − 3) × 0.5 = 1.5
    assert _f2(tmp_path / "b", MORE_SCHEME.replace("次数: 1, 达到得", "次数: 3, 达到得")) == "1.50"
    # fewer than 次数: nothing
    assert _f2(tmp_path / "c", MORE_SCHEME.replace("次数: 1, 达到得", "次数: 5, 达到得")) == "0.00"
    assert _f2(tmp_path / "d", MORE_SCHEME, "principal:czj:qym") == "0.00"  # qym: no talk


def test_explain_shows_the_base_count_and_the_increments(tmp_path: Path) -> None:
    text = explain(assess_tiny(tmp_path, scheme_yaml=MORE_SCHEME, duties_yaml=DUTIES), "fwj")
    assert ("        · 廉政谈话（任职谈话）：4 次（2026年3月1日、2026年4月1日、2026年5月1日、2026年8月1日）；"
            "达到 1 次得 1，每增加一次加 0.5：1 + (4 − 1) × 0.5 = 2.5，最多 2 → 2/2") in text
    few = explain(assess_tiny(tmp_path / "b", scheme_yaml=MORE_SCHEME.replace("次数: 1,", "次数: 5,"),
                              duties_yaml=DUTIES), "fwj")
    assert any(line.endswith("达到 5 次得 1，每增加一次加 0.5：不足 5 次，0 → 0/2") for line in few)


def test_english(tmp_path: Path) -> None:
    a = assess_tiny(tmp_path, scheme_yaml=MORE_SCHEME, duties_yaml=DUTIES)
    set_lang("en")
    assert str(a.get("principal:hdz:fwj").lines[1].details[0]).endswith(
        "; 1 at 1, +0.5 for each one more: 1 + (4 − 1) × 0.5 = 2.5, at most 2 → 2/2")


def _check(capsys: pytest.CaptureFixture[str], scheme: str, tmp_path: Path) -> str:
    code, out, _ = run(capsys, "check", str(tiny(tmp_path, scheme_yaml=scheme, duties_yaml=DUTIES)))
    assert code == 1
    return out


def test_typical_mistakes_are_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    alone = MORE_SCHEME.replace("达到得: 1, ", "")
    assert ("scheme.yaml:22:55: error[A242] 考核方案: 「廉政谈话（任职谈话）」的“达到得”和“每增加一次加”应同时写"
            in _check(capsys, alone, tmp_path))
    both = SCHEME.replace(OLD, "{事项: 廉政谈话, 细类: 任职谈话, 每次: 0.5, 每增加一次加: 0.5, 分值: 2}")
    assert ("scheme.yaml:22:57: error[A243] 考核方案: 「廉政谈话（任职谈话）」按次计分（每次），不应再写“每增加一次加”"
            in _check(capsys, both, tmp_path / "b"))
    big = MORE_SCHEME.replace("达到得: 1,", "达到得: 3,")
    assert ("scheme.yaml:22:52: error[A210] 考核方案: 「达到得」应在 0 到 2 之间，实为 3"
            in _check(capsys, big, tmp_path / "c"))


def test_the_doc_fragment_is_the_tested_scheme() -> None:
    import re

    text = (ROOT / "docs" / "assessment.md").read_text(encoding="utf-8")
    fragment = re.findall(r"<!-- more-fragment -->\n```yaml\n(.*?)```\n<!-- /more-fragment -->", text, re.S)
    assert len(fragment) == 1 and fragment[0].strip() in MORE_SCHEME


def test_the_mistakes_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tiny(tmp_path, scheme_yaml=MORE_SCHEME.replace("达到得: 1, ", ""), duties_yaml=DUTIES)
    code, out, _ = run(capsys, "--lang", "en", "check", str(root))
    assert code == 1
    assert "scheme.yaml:22:55: error[A242] " in out
    assert "'廉政谈话（任职谈话）': 达到得 and 每增加一次加 go together" in out
