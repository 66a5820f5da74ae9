"""The letter kinds of the section `责任书`: the legal basis as data, the 监督责任书, two signers
on one side (党政同责), and the 股室 letters; their located errors; one PDF each through the
layout check."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from lzzr.documents.issue import letter_docs
from lzzr.documents.letters import plan_letters
from lzzr.render.renderer import renderer_for
from lzzr.workspace.load import Workspace, load_workspace
from tests.helpers import MINI_CLEAN, build_changed, run
from tests.layoutcheck import Expect, check_pdf, workspace_words
from tests.pdfutil import needs_poppler, pdf_text

SETUP = (
    "责任书:\n"
    "  监督责任:\n    - {单位: hdz, 领导: lyh, 职务: 红岱镇纪委书记}\n"
    "  共同签订:\n    - {单位: hdz, 领导: whl, 职务: 红岱镇党委副书记、镇长}\n"
    "    - {单位: rmyy, 领导: djh, 职务: 人民医院党委书记}\n"
    "  股室:\n    - {单位: czj, 名称: 预算股, 负责人: xhx, 职务: 预算股股长}\n"
)
FILES = {
    "units_yaml": MINI_CLEAN["units.yaml"] + (
        "  hdz: {名称: 中共示例旗红岱镇委员会, 简称: 红岱镇, 类别: 乡镇, 上级: qw}\n"
        "  rmyy: {名称: 示例旗人民医院, 简称: 人民医院, 类别: 企事业单位, 上级: qzf}\n"),
    "leaders_yaml": MINI_CLEAN["leaders.yaml"] + (
        "  fwj: 范文杰\n  whl: 王浩林\n  lyh: 刘永辉\n  zlm: 张立明\n  djh: 杜建华\n  xhx: 徐红霞\n"),
    "teams_yaml": MINI_CLEAN["teams.yaml"].replace("分管: [czj]}", "分管: [czj, rmyy]}").replace(
        "分管: [jw]}", "分管: [jw, hdz]}") + (
        "  hdz:\n    成员:\n      - {领导: fwj, 职务: 红岱镇党委书记, 角色: 正职}\n"
        "  rmyy:\n    成员:\n      - {领导: zlm, 职务: 人民医院院长, 角色: 正职}\n"),
    # T02 names the head; T01.1 refers to her by id (the loader fills in 姓名)
    "tasks_yaml": MINI_CLEAN["tasks.yaml"].replace("{姓名: 孙立, 职务: 局长}", "{姓名: 徐红霞, 职务: 预算股股长}").replace(
        "{姓名: 孙立, 职务: 主任}", "{领导: xhx, 职务: 预算股股长}"),
    "letters_yaml": SETUP,
}


def county(root: Path, **changes: str | None) -> Path:
    return build_changed(root, MINI_CLEAN, {**FILES, **changes})


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    loaded, problems = load_workspace(county(tmp_path_factory.mktemp("kinds")))
    assert not problems
    return loaded


def test_who_signs_the_new_kinds(ws: Workspace) -> None:
    letters = {s.id: s for s in plan_letters(ws)}
    supervision = letters["2026-supervision-hdz-lyh"]
    # the upper 纪委书记 is the principal of the 纪委监委 (jw) when the section names nobody
    assert (supervision.kind, supervision.a.leader, supervision.a.post) == ("supervision", "zhm", "旗纪委书记")
    assert (supervision.b.name, supervision.b.post, supervision.title) == ("刘永辉", "红岱镇纪委书记", "党风廉政建设监督责任书")
    # 党政同责: the township's 镇长 and the hospital's 党委书记 sign beside their principal
    assert [p.leader for p in letters["2026-hdz-fwj"].parties] == ["wjg", "fwj", "whl"]
    assert [p.post for p in letters["2026-rmyy-zlm"].parties] == ["旗长", "人民医院院长", "人民医院党委书记"]
    # the 股室 letter: the unit's principal (no 分管领导 written) with the head; it binds the
    # tasks whose 具体负责人 is the head
    office = letters["2026-office-czj-xhx"]
    assert (office.a.leader, office.b.leader, office.office, office.tasks) == ("sl", "xhx", "预算股", (("T01.1", "具体负责"), ("T02", "具体负责")))


def _html(ws: Workspace, doc_id: str) -> str:
    (doc,) = [d for d in letter_docs(ws, plan_letters(ws)) if d.id == doc_id]
    return renderer_for(ws).html(doc.template, doc.context)


def test_the_legal_basis_and_the_situations_are_data(tmp_path: Path) -> None:
    rules = ("责任追究规定:\n  名称: 《中国共产党问责条例》\n  选人用人情形: 2\n"
             "  情形:\n    1: 党的领导弱化，党的理论和路线方针政策贯彻执行不力的\n    2: 选人用人问题突出的\n")
    basis = "  依据:\n    - 《中国共产党问责条例》\n    - 《中国共产党纪律处分条例》\n"
    loaded, problems = load_workspace(county(tmp_path, letters_yaml=SETUP + basis, rules_yaml=rules))
    assert not problems
    html = _html(loaded, "2026-hdz-fwj")
    assert "为深入贯彻落实《中国共产党问责条例》《中国共产党纪律处分条例》，根据示例旗" in html
    assert "依照《中国共产党问责条例》追究责任" in html
    assert "<li>（一）党的领导弱化，党的理论和路线方针政策贯彻执行不力的；</li>" in html
    assert "<li>（二）选人用人问题突出的。</li>" in html and "打击报复" not in html


def test_the_default_basis_is_the_1998_rules(ws: Workspace) -> None:
    html = _html(ws, "2026-qw-lzq")
    assert "为深入贯彻落实《中共中央、国务院关于实行党风廉政建设责任制的规定》，" in html
    assert "依照《关于实行党风廉政建设责任制的规定》追究责任" in html
    # the co-signer under the principal of the same side, indented, without the unit again
    assert '<p class="with"><span class="nb">红岱镇党委副书记、镇长　</span>' in _html(ws, "2026-hdz-fwj")
    assert html.count("<li>（") == 6 and "<li>（六）对配偶、子女、身边工作人员严重违纪违法知情不管的；包庇、纵容的。</li>" in html


def test_bad_entries_are_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = (
        "责任书:\n"
        "  依据: [中共中央、国务院关于实行党风廉政建设责任制的规定]\n"
        "  监督责任:\n    - {单位: hdzz, 领导: lyh, 职务: 红岱镇纪委书记}\n"
        "  共同签订:\n    - {单位: hdz, 领导: fwj, 职务: 红岱镇党委书记}\n"
        "    - {单位: hdz, 领导: fwj, 职务: 红岱镇党委书记}\n"
        "  股室:\n    - {单位: czj, 名称: 预算股, 负责人: xhx, 职务: 预算股股长, 分管领导: wjg}\n"
    )
    rules = "责任追究规定:\n  情形: {}\n  选人用人情形: null\n"
    root = county(tmp_path, letters_yaml=bad, rules_yaml=rules)
    code, out, _ = run(capsys, "check", str(root), "--no-cache")
    assert code == 1
    assert out.splitlines()[:-1] == [
        "letters.yaml:2:8: warning[LT01] 责任书: 「依据」“中共中央、国务院关于实行党风廉政建设责任制的规定”"
        "不是书名号《》中的文件名称，责任书将照原样引用",
        "letters.yaml:4:12: error[R001] 责任书: 单位 'hdzz' 不存在（是否指「hdz」？）",
        "letters.yaml:6:21: error[LT03] 责任书: fwj 是 hdz 的班子正职，已作为正职签字，不必列入“共同签订”",
        "letters.yaml:7:7: error[LT08] 责任书: 与第 1 条重复（hdz、fwj）",
        "letters.yaml:7:21: error[LT03] 责任书: fwj 是 hdz 的班子正职，已作为正职签字，不必列入“共同签订”",
        "letters.yaml:9:53: error[LT04] 责任书: 分管领导 wjg 不在 czj 的班子中",
        "rules.yaml:2:3: error[LT05] 责任追究规定: “情形”为空：责任书的责任追究条款至少需要一种应当追究责任的情形",
    ]


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from lzzr.cli.app import main

    root = tmp_path_factory.mktemp("issued")
    ws, out = county(root / "ws"), root / "out"
    assert main(["letters", str(ws), "--unit", "hdz", "--out", str(out), "-q", "--jobs", "1"]) == 0
    return ws, out


@needs_poppler
def test_the_pdfs_pass_the_layout_check(issued: tuple[Path, Path], ws: Workspace) -> None:
    _, out = issued
    words = workspace_words(ws)
    supervision = out / "2026-supervision-hdz-lyh-监督责任书-赵慧敏-刘永辉.pdf"
    both = out / "2026-hdz-fwj-责任书-王建国-范文杰.pdf"
    for path in (supervision, both):
        assert check_pdf(path, words, Expect()) == []
    text = "".join(pdf_text(supervision).split())
    assert "党风廉政建设监督责任书" in text and "乙方不履行或者不正确履行监督责任" in text
    text = "".join(pdf_text(both).split())
    # both signers of the township, on the parties' lines and in the signature block
    assert text.count("红岱镇党委副书记、镇长王浩林") == 2 and text.count("红岱镇党委书记范文杰") == 2


def test_sign_both_signers_and_the_kinds_in_the_register(issued: tuple[Path, Path], capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    ws, _ = issued
    register = json.loads((ws / "lzzr-register.json").read_text(encoding="utf-8"))["documents"]
    assert register["2026-supervision-hdz-lyh"]["kind"] == "letter-supervision"
    day = register["2026-hdz-fwj"]["issued"]  # signed on the day of issue
    monkeypatch.setattr("lzzr.clock.today", lambda: dt.date.fromisoformat(day))
    for who in ("wjg", "fwj"):
        assert run(capsys, "sign", "2026-hdz-fwj", "--by", who, "--date", day, "-w", str(ws))[0] == 0
    code, out, _ = run(capsys, "letters", str(ws), "--unit", "hdz", "--kind", "lower", "--status")
    assert code == 1 and out.splitlines()[-2:] == ["合计：已签 0/1，签订率 0%", "未签：2026-hdz-fwj（王浩林）"]
    code, out, _ = run(capsys, "sign", "2026-hdz-fwj", "--by", "王浩林", "--date", day, "-w", str(ws))
    assert code == 0 and out == f"已登记：2026-hdz-fwj 由 王浩林 于 {day} 签字\n"
    code, out, _ = run(capsys, "letters", str(ws), "--unit", "hdz", "--kind", "lower", "--status", "--quiet")
    assert (code, out) == (0, "合计：已签 1/1，签订率 100%\n")
    # the 签订本: the dates of the register printed under the signatures; the original unchanged
    copy_out = ws.parent / "copies"
    assert run(capsys, "letters", str(ws), "--unit", "hdz", "--kind", "lower", "--as-signed", "--out", str(copy_out),
               "-q")[0] == 0
    (copy,) = copy_out.glob("*.pdf")
    assert copy.name == "2026-hdz-fwj-责任书-王建国-范文杰-签订本.pdf"
    signed_day = dt.date.fromisoformat(day)
    text = "".join(pdf_text(copy).split())
    assert text.count(f"{signed_day.year}年{signed_day.month}月{signed_day.day}日") == 2  # one line per side
    assert "签订本" in text and "年月日" not in text
    code, out, _ = run(capsys, "verify", str(copy), "-w", str(ws))
    assert code == 0 and out.endswith("登记在册的原件，完好（2026-hdz-fwj:signed）\n")
    register = json.loads((ws / "lzzr-register.json").read_text(encoding="utf-8"))["documents"]
    assert register["2026-hdz-fwj:signed"]["kind"] == "letter-signed" and len(register["2026-hdz-fwj"]["signatures"]) == 3
    code, _, err = run(capsys, "sign", "2026-hdz-fwj:signed", "--by", "whl", "--date", day, "--correct", "-w", str(ws))
    assert code == 1 and err.startswith("2026-hdz-fwj:signed 是签订本，不在签订本上登记签字；请登记在责任书 2026-hdz-fwj 上\n")
    # the letter's data changed after it was signed: no copy of text nobody signed
    (ws / "leaders.yaml").write_text((ws / "leaders.yaml").read_text(encoding="utf-8").replace("范文杰", "范文洁"),
                                     encoding="utf-8")
    code, _, err = run(capsys, "letters", str(ws), "--unit", "hdz", "--kind", "lower", "--as-signed", "--out",
                       str(copy_out), "-q")
    assert code == 1 and err.startswith("1 份已签的文件内容有变，未重新生成（已签版本保持不变）：2026-hdz-fwj；")


def test_signing_dates_per_side(ws: Workspace) -> None:
    from lzzr.documents.letters import BLANK_DATE, signature_sides

    spec = next(s for s in plan_letters(ws) if s.id == "2026-hdz-fwj")
    blank = signature_sides(spec, {})
    assert [(s["label"], s["date"], [p["date"] for p in s["signers"]]) for s in blank] == [
        ("甲方", BLANK_DATE, [""]), ("乙方", BLANK_DATE, ["", ""])]
    # the 党委书记 signed, the 镇长 not yet: a date under the one, a line to fill in under the other
    some = signature_sides(spec, {"wjg": dt.date(2026, 3, 2), "fwj": dt.date(2026, 3, 3)})
    assert [(s["date"], [p["date"] for p in s["signers"]]) for s in some] == [
        ("2026年3月2日", [""]), ("", ["2026年3月3日", BLANK_DATE])]
    both = signature_sides(spec, {"fwj": dt.date(2026, 3, 3), "whl": dt.date(2026, 3, 3)})
    assert (both[1]["date"], [p["date"] for p in both[1]["signers"]]) == ("2026年3月3日", ["", ""])
