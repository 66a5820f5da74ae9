"""Rates (issue 11, type 4) from facts lzzr has: the share of rectifications closed, and the
signing rate over the letters the decomposition calls for (a letter never generated counts as
unsigned). Each figure worked by hand."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.assess.explain import explain
from lzzr.assess.letters_due import letters_due
from lzzr.assess.score import Assessment, assess
from lzzr.i18n import set_lang
from lzzr.workspace.letters_register import read_letter_states
from lzzr.workspace.load import load_workspace
from lzzr.workspace.scheme import scheme_of

from .assess_base import TINY, tiny
from .helpers import ROOT, SAMPLE, run
from .rules11_base import RATE_SCHEME, REGISTER

RECTIFY = (
    "            - 编号: R4\n"
    "              名称: 整改落实\n"
    "              分值: 5\n"
    "              类型: 比率\n"
    "              比率: 整改完成率\n"
    "              每降低一个百分点扣: 0.05\n"
)
RECTIFY_SCHEME = RATE_SCHEME.replace("  满分: 20\n", "  满分: 25\n").replace(
    "          分值: 20\n", "          分值: 25\n").replace("  等次:\n", RECTIFY + "  等次:\n")

FINDINGS = (
    "督查:\n"
    "  DC1:\n"
    "    日期: 2026-05-10\n"
    "    督查主体: jw\n"
    "    被督查单位: hdz\n"
    "    发现问题:\n"
    "      - {问题: 台账不全, 整改要求: 补齐台账, 责任人: fwj, 整改时限: 2026-06-30, 销号: {日期: 2026-07-05, 依据: [整改报告]}}\n"
    "      - {问题: 未公示, 整改要求: 重新公示, 责任人: fwj, 整改时限: 2026-08-31}\n"
    "      - {问题: 制度未修订, 整改要求: 修订制度, 责任人: fwj, 整改时限: 2027-01-31}\n"
)

# 红岱镇 gets a second member: the decomposition then calls for the member letter 2026-hdz-ccd
TEAMS = TINY["teams.yaml"].replace("      - {领导: fwj, 职务: 红岱镇党委书记, 角色: 正职}\n",
                                   "      - {领导: fwj, 职务: 红岱镇党委书记, 角色: 正职}\n"
                                   "      - {领导: ccd, 职务: 红岱镇党委副书记}\n")
PER_POINT = RATE_SCHEME.replace("              比率: 签订率\n              阈值: [{低于: 100, 扣: 2}]\n",
                                "              比率: 签订率\n              每降低一个百分点扣: 0.05\n")


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def _assess(root: Path) -> Assessment:
    ws, problems = load_workspace(root)
    assert [p for p in problems if p.severity.value == "error"] == []
    scheme = scheme_of(ws)
    assert scheme is not None
    return assess(ws, scheme, letters=read_letter_states(root))


def test_the_share_of_rectifications_closed(tmp_path: Path) -> None:
    a = _assess(tiny(tmp_path, scheme_yaml=RECTIFY_SCHEME, supervision_yaml=FINDINGS,
                     **{"lzzr-register.json": REGISTER}))
    r4 = a.get("team:hdz").lines[3]
    # due by 31 Dec: 台账不全 (closed 5 July, late but closed) and 未公示 (open); 制度未修订 is due in 2027
    assert str(r4.input) == "整改已销号 1/2 项 = 50.00%"
    # (100 − 50) × 0.05 = 2.5; 5 − 2.5 = 2.50
    assert str(r4.calc) == "(100 − 50.00) × 0.05 = 扣 2.5；5 − 2.5（不低于 0）= 2.50"
    assert str(a.get("team:czj").lines[3].points) == "5.00"  # no finding due: 100%
    assert "      输入：整改已销号 1/2 项 = 50.00%" in explain(a, "team:hdz")


def test_the_rectification_rate_as_of_a_day(tmp_path: Path) -> None:
    import datetime as dt

    root = tiny(tmp_path, scheme_yaml=RECTIFY_SCHEME, supervision_yaml=FINDINGS)
    ws, _ = load_workspace(root)
    scheme = scheme_of(ws)
    assert scheme is not None
    # on 1 August only 台账不全 is due, and it is closed: 100%
    line = assess(ws, scheme, on=dt.date(2026, 8, 1)).get("team:hdz").lines[3]
    assert (str(line.input), str(line.points)) == ("整改已销号 1/1 项 = 100.00%", "5.00")


def test_a_letter_never_generated_counts_as_unsigned(tmp_path: Path) -> None:
    a = _assess(tiny(tmp_path, scheme_yaml=PER_POINT, teams_yaml=TEAMS, **{"lzzr-register.json": REGISTER}))
    r3 = a.get("team:hdz").lines[2]
    # L1 (= 2026-hdz-fwj) signed by both, L2 not, 2026-hdz-ccd due but never generated: 1/3 = 33.33%
    assert str(r3.input) == ("责任书全部签字 1/3 份 = 33.33%，其中未印发 2026-hdz-ccd（按分解应有，计为未签）")
    # (100 − 33.33) × 0.05 = 3.3335 → 3.33; 5 − 3.33 = 1.67
    assert str(r3.calc) == "(100 − 33.33) × 0.05 = 扣 3.33；5 − 3.33（不低于 0）= 1.67"
    czj = a.get("team:czj").lines[2]
    assert str(czj.input) == "责任书全部签字 0/1 份 = 0.00%，其中未印发 2026-czj-qym（按分解应有，计为未签）"
    # only the discipline commission's team has no letter at all (its principal signs as a 旗委 member)
    assert [p.args["target"] for p in a.problems if p.code == "A241"] == [a.get("team:jw").target.name]


def test_the_rates_in_english(tmp_path: Path) -> None:
    a = _assess(tiny(tmp_path, scheme_yaml=PER_POINT, teams_yaml=TEAMS, supervision_yaml=FINDINGS,
                     **{"lzzr-register.json": REGISTER}))
    set_lang("en")
    assert str(a.get("team:hdz").lines[2].input) == (
        "1 of 3 letters signed by all parties = 33.33%, of which not issued: 2026-hdz-ccd "
        "(due per the decomposition, counted unsigned)")


def test_the_due_letters_are_the_letters_lzzr_generates() -> None:
    """The 主体责任 letters (member and lower): 监督责任书 and 股室 letters are set up by hand in
    the 责任书 section and count toward the rate once they are in the register."""
    from lzzr.documents.letters import plan_letters

    ws, _ = load_workspace(SAMPLE)
    planned = [(s.id, (s.a.leader, s.a.unit), (s.b.leader, s.b.unit)) for s in plan_letters(ws)
               if s.kind in ("member", "lower")]
    assert [(d.id, d.a, d.b) for d in letters_due(ws)] == planned
    assert len(planned) > 30


def test_an_unknown_rate_is_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tiny(tmp_path, scheme_yaml=RECTIFY_SCHEME.replace("比率: 整改完成率", "比率: 整改率"))
    code, out, _ = run(capsys, "check", str(root))
    assert code == 1
    assert ("scheme.yaml:32:19: error[S004] 考核方案: 「比率」的取值应为 按时完成率、测评回收率、签订率、整改完成率，"
            "实为 '整改率'") in out


def test_the_doc_fragment_is_the_tested_scheme() -> None:
    import re

    text = (ROOT / "docs" / "assessment.md").read_text(encoding="utf-8")
    fragment = re.findall(r"<!-- rectify-fragment -->\n```yaml\n(.*?)```\n<!-- /rectify-fragment -->", text, re.S)
    assert fragment == [RECTIFY]


# 党政同责 on the first side: the 旗委书记 and the 旗长 sign L1 together with 红岱镇's principal.
# The letter concerns 红岱镇 (its second side), not the unit of the first side's co-signer.
CO_SIGNED = REGISTER.replace(
    '"parties": [{"leader": "wjg", "unit": "qw"}, {"leader": "fwj", "unit": "hdz"}],\n'
    '         "signatures": [{"leader": "wjg"}, {"leader": "fwj"}]}',
    '"parties": [{"leader": "wjg", "unit": "qw", "side": "a"}, {"leader": "qym", "unit": "czj", "side": "a"},\n'
    '                     {"leader": "fwj", "unit": "hdz", "side": "b"}],\n'
    '         "signatures": [{"leader": "wjg"}, {"leader": "qym"}, {"leader": "fwj"}]}')


def test_a_co_signer_on_the_first_side_does_not_move_the_letter(tmp_path: Path) -> None:
    assert CO_SIGNED != REGISTER
    a = _assess(tiny(tmp_path, scheme_yaml=PER_POINT, teams_yaml=TEAMS, **{"lzzr-register.json": CO_SIGNED}))
    # as without the co-signer: L1 signed by all, L2 not, 2026-hdz-ccd never generated
    assert str(a.get("team:hdz").lines[2].input).startswith("责任书全部签字 1/3 份 = 33.33%")
    # 财政局's team is not the second side of L1: it still has only its own due letter
    assert str(a.get("team:czj").lines[2].input).startswith("责任书全部签字 0/1 份")


def test_the_register_records_each_partys_side() -> None:
    """What `lzzr letters` registers reads back with the sides it was written with, also for a
    letter with co-signers on both sides."""
    import dataclasses

    from lzzr.documents.issue import letter_docs
    from lzzr.documents.letters import plan_letters
    from lzzr.workspace.letters_register import letter_states

    ws, _ = load_workspace(SAMPLE)
    spec = next(s for s in plan_letters(ws) if s.kind == "lower")
    one, two = [s.b for s in plan_letters(ws) if s.kind == "member" and s.a != spec.a][:2]
    both = dataclasses.replace(spec, a_with=(one,), b_with=(two,))
    docs = letter_docs(ws, [spec, both])
    assert [[p["side"] for p in d.entry["parties"]] for d in docs] == [["a", "b"], ["a", "a", "b", "b"]]
    states = letter_states({str(i): {**d.entry, "signatures": []} for i, d in enumerate(docs)})
    assert [(s.first, s.second) for s in states] == [
        (((spec.a.leader, spec.a.unit),), ((spec.b.leader, spec.b.unit),)),
        (((spec.a.leader, spec.a.unit), (one.leader, one.unit)),
         ((spec.b.leader, spec.b.unit), (two.leader, two.unit)))]
