"""The wording of letters and of the plan (issue 12, item 10), read from the rendered HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lzzr.decompose.plan import plan_context, township_word
from lzzr.documents.letters import BLANK_DATE, OVERALL, letter_context, plan_letters
from lzzr.render.renderer import renderer_for
from lzzr.responsibility import in_subtree
from lzzr.workspace.load import Workspace, load_workspace
from tests.helpers import MINI, SAMPLE, copy_sample, mini_workspace


@pytest.fixture(scope="module")
def sample() -> Workspace:
    ws, _ = load_workspace(SAMPLE)
    return ws


def letter_text(ws: Workspace, letter_id: str) -> str:
    spec = next(s for s in plan_letters(ws) if s.id == letter_id)
    html = renderer_for(ws).html("letter.html", letter_context(ws, spec))
    return re.sub(r"<[^>]+>|\s", "", html)


def test_the_head_of_a_unit_answers_for_it_as_a_whole(sample: Workspace) -> None:
    text = letter_text(sample, "2026-qw-bydl")
    assert "乙方认真履行“一岗双责”，作为旗政府党风廉政建设第一责任人，对其党风廉政建设负总责，" in text
    assert "对分管的旗政府" not in text and "的的" not in text
    spec = next(s for s in plan_letters(sample) if s.id == "2026-qw-bydl")
    led = [tid for tid, role in spec.tasks if role == OVERALL]
    assert led and all(in_subtree(sample, sample.tasks[tid].lead or "", "qzf") for tid in led)


def test_a_member_in_charge_of_units_and_one_in_charge_of_none(tmp_path: Path, sample: Workspace) -> None:
    assert ("作为宣传部党风廉政建设第一责任人，对其党风廉政建设负总责；对分管的乌兰苏木的党风廉政建设负直接领导责任"
            in letter_text(sample, "2026-qw-sqty"))
    teams = ("班子:\n  qw:\n    成员:\n      - {领导: wjg, 职务: 旗委书记, 角色: 正职}\n"
             "      - {领导: zhm, 职务: 旗委常委}\n")
    ws, _ = load_workspace(mini_workspace(tmp_path / "ws", teams_yaml=teams))
    text = letter_text(ws, "2026-qw-zhm")
    assert "乙方认真履行“一岗双责”，对职责范围内的党风廉政建设负直接领导责任，" in text
    assert "分管的的" not in text


def test_signing_dates_are_left_to_fill_in(sample: Workspace) -> None:
    html = renderer_for(sample).html("letter.html", letter_context(sample, plan_letters(sample)[0]))
    signatures = html[html.index('<div class="signatures">'):]
    assert signatures.count(BLANK_DATE) == 2 and "2026年3月31日" not in signatures


def test_the_plan_names_townships_as_the_workspace_does(tmp_path: Path, sample: Workspace) -> None:
    assert "各苏木镇、各部门主要负责人" in renderer_for(sample).html("plan.html", plan_context(sample))
    units = MINI["units.yaml"] + "  xz: {名称: 示例乡人民政府, 简称: 示例乡, 类别: 乡镇, 上级: qzf}\n"
    ws, _ = load_workspace(mini_workspace(tmp_path / "ws", units_yaml=units))
    assert township_word(ws) == "乡镇"
    ws, _ = load_workspace(mini_workspace(tmp_path / "ws2", units_yaml=units.replace("类别: 乡镇", "类别: 街道")))
    assert township_word(ws) == "街道"


def test_the_duties_follow_the_unit_category(tmp_path: Path, sample: Workspace) -> None:
    township = letter_text(sample, "2026-hdz-fwj")
    department = letter_text(sample, "2026-czj-qym")
    assert "1.对辖区内党风廉政建设负总责" in township and "推进嘎查村（社区）党务、村务、财务公开" in township
    assert "对本地区、本部门、本单位群众反映强烈的热点难点问题认真研究解决" in department
    assert "推进嘎查村（社区）党务、村务、财务公开" not in department


def test_a_workspace_overrides_the_form_of_a_category(tmp_path: Path) -> None:
    ws_root = copy_sample(tmp_path / "ws")
    override = ws_root / "templates" / "parts" / "duties_principal_部门.html"
    override.parent.mkdir(parents=True)
    override.write_text("<li>1.本部门的职责，由本机关自定。</li>\n", encoding="utf-8")
    ws, _ = load_workspace(ws_root)
    assert "1.本部门的职责，由本机关自定。" in letter_text(ws, "2026-czj-qym")
    assert "1.本部门的职责，由本机关自定。" not in letter_text(ws, "2026-hdz-fwj")
