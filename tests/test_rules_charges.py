"""Issue 13, items 13 and 16: charges across teams (P2.6, and P2.3/P2.4 counting only charges
within the remit), P2.4 on the deadline's posts, and P1.5 reported once for an inherited
总负责人."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lzzr.check import check_workspace
from lzzr.i18n import set_lang
from lzzr.problems import format_problem

from .helpers import build_tree
from .rules_base import BASE, apply


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def lines(root: Path, files: dict[str, str], *codes: str) -> list[str]:
    result = check_workspace(build_tree(root, dict(files)))
    return [format_problem(p) for p in result.problems if not codes or p.code in codes]


def test_a_charge_within_another_teams_remit_is_reported(tmp_path: Path) -> None:
    files = apply((("teams.yaml", "{领导: glx, 职务: 旗委常委、组织部部长, 分管: [zzb, xcb]}",
                    "{领导: glx, 职务: 旗委常委、组织部部长, 分管: [zzb, xcb, czj]}"),
                   ("teams.yaml", "分管: [czj, zjj], 止", "分管: [zjj], 止"),
                   ("teams.yaml", "分管: [czj, zjj], 起", "分管: [zjj], 起"),
                   ("tasks.yaml", "牵头部门: czj\n    总负责人: ccd", "牵头部门: czj\n    总负责人: glx")))
    assert lines(tmp_path, files, "P2.3", "P2.4", "P2.6") == [
        "tasks.yaml:51:11: error[P2.4] 任务 T02.1: 总负责人高丽霞（glx）不是牵头部门财政局（czj）的分管领导；"
        "应为（该单位无人分管），或一把手李志强、王建国",
        "teams.yaml:7:50: error[P2.6] 班子 qw: 成员高丽霞（glx）任“旗委常委、组织部部长”时分管财政局（czj），"
        "但该单位的上一级班子是旗政府（qzf），而该成员不在旗政府（qzf）班子任职；请改由旗政府（qzf）班子的成员分管"
        "（同时在该班子任职的领导可以分管）",
        "teams.yaml:9:5: error[P2.3] 班子 qzf: 单位财政局（czj）无人分管；请在一名成员的“分管”中加入该单位",
    ]


def test_a_leader_on_both_teams_may_hold_the_charge_under_either_post(tmp_path: Path) -> None:
    """李志强 sits on the 旗委 and heads the 旗政府: his charge of 财政局, written under his 旗委
    post, is within the 旗政府's remit, covers it (P2.3) and makes him 总负责人 (P2.4)."""
    files = apply((("teams.yaml", "分管: [qzf]}", "分管: [qzf, czj]}"),
                   ("teams.yaml", "分管: [czj, zjj], 止", "分管: [zjj], 止"),
                   ("teams.yaml", "分管: [czj, zjj], 起", "分管: [zjj], 起"),
                   ("tasks.yaml", "牵头部门: czj\n    总负责人: ccd", "牵头部门: czj\n    总负责人: lzq")))
    assert lines(tmp_path, files, "P2.3", "P2.4", "P2.6") == []
    doubled = apply((("teams.yaml", "分管: [qzf]}", "分管: [qzf, czj]}"),), files=BASE)
    assert lines(tmp_path / "doubled", doubled, "P2.3", "P2.6") == [
        "teams.yaml:11:33: error[P2.3] 班子 qzf: 单位财政局（czj）同时由李志强、陈长达分管；一个单位只能有一名分管领导",
    ]


def test_p24_reads_the_charges_held_on_the_deadline(tmp_path: Path) -> None:
    """陈长达 stays 副旗长 after 30 June but hands 财政局 to 朝鲁门: a task of 财政局 due in
    September names the one in charge by then."""
    files = apply((("teams.yaml", "      - {领导: clm, 职务: 副旗长, 分管: [czj, zjj], 起: 2026-07-01}",
                    "      - {领导: ccd, 职务: 副旗长, 分管: [zjj], 起: 2026-07-01}\n"
                    "      - {领导: clm, 职务: 副旗长, 分管: [czj], 起: 2026-07-01}"),
                   ("tasks.yaml", "管理办法》\n    完成时限: 2026-06-30", "管理办法》\n    完成时限: 2026-09-30"),
                   ("tasks.yaml", "总负责人: clm", "总负责人: ccd")))
    assert lines(tmp_path, files, "P2.4", "P1.5") == [
        "tasks.yaml:51:11: error[P2.4] 任务 T02.1: 到完成时限2026年9月30日，总负责人陈长达（ccd）已不是牵头部门财政局（czj）"
        "的分管领导；届时应为朝鲁门，或一把手李志强、王建国",
    ]
    set_lang("en")
    assert lines(tmp_path / "en", files, "P2.4") == [
        "tasks.yaml:51:11: error[P2.4] task T02.1: by the deadline 2026-09-30 the 总负责人 陈长达 (ccd) is no longer "
        "in charge of the lead unit 财政局 (czj); name 朝鲁门, or the principal 李志强、王建国",
    ]


SUB = """  T02.2.1:
    名称: 排查在建项目
    所属任务: T02.2
    具体负责人: {姓名: 张明, 职务: 住建局办公室主任}
    工作标准: 5月底前排查在建项目3个
    完成时限: 2026-05-31
"""


def test_p15_reports_an_inherited_leader_once(tmp_path: Path) -> None:
    """T03's 总负责人 is outside the issuing team: reported on T03 only, not on T03.1 and T03.2
    that inherit it. T02.2.1 inherits 朝鲁门 but is due before his post starts: its own
    deadline breaks the chain, reported at its 完成时限."""
    files = apply((
        ("units.yaml", "单位:\n", "单位:\n  sjw: {名称: 示例市纪委监委, 类别: 纪委监委}\n"),
        ("leaders.yaml", "领导:\n", "领导:\n  fxm: 冯晓敏\n"),
        ("teams.yaml", "班子:\n", "班子:\n  sjw:\n    成员:\n      - {领导: fxm, 职务: 市纪委书记, 角色: 正职}\n"),
        ("tasks.yaml", "    协办单位: zzb\n    总负责人: zhm", "    协办单位: zzb\n    总负责人: fxm"),
    ))
    files["tasks.yaml"] += SUB
    assert lines(tmp_path, files, "P1.5") == [
        "tasks.yaml:71:11: error[P1.5] 任务 T03: 总负责人冯晓敏（fxm）不在旗委（qw）及其下属任何班子任职，"
        "责任链到不了一把手王建国（wjg）；请改由本级分管领导负责",
        "tasks.yaml:94:11: error[P1.5] 任务 T02.2.1: 到完成时限2026年5月31日，总负责人朝鲁门（clm）已不在旗委（qw）"
        "及其下属班子任职，责任链到不了一把手王建国（wjg）；请改由届时在任的分管领导负责，或调整完成时限",
    ]


def test_a_share_written_under_the_other_post_is_a_share(tmp_path: Path) -> None:
    """陈长达 becomes a 旗委常委 too, in charge of 宣传部 (a party department) under his 副旗长 post:
    his 常委 post needs no 分管 of its own (P2.1), the charge covers 宣传部 (P2.3) and is within
    the 旗委's remit (P2.6)."""
    files = apply((("teams.yaml", "分管: [zzb, xcb]}", "分管: [zzb]}"),
                   ("teams.yaml", "      - {领导: ccd, 职务: 副旗长, 分管: [czj, zjj], 止: 2026-06-30}",
                    "      - {领导: ccd, 职务: 副旗长, 分管: [czj, zjj, xcb], 止: 2026-06-30}"),
                   ("teams.yaml", "      - {领导: glx, 职务: 旗委常委、组织部部长, 分管: [zzb]}",
                    "      - {领导: glx, 职务: 旗委常委、组织部部长, 分管: [zzb]}\n"
                    "      - {领导: ccd, 职务: 旗委常委, 止: 2026-06-30}\n"
                    "      - {领导: glx, 职务: 旗委常委、组织部部长, 分管: [xcb], 起: 2026-07-01}")))
    assert lines(tmp_path, files, "P2.1", "P2.3", "P2.6") == []
    alone = apply((("teams.yaml", "      - {领导: ccd, 职务: 旗委常委, 止: 2026-06-30}\n", ""),), files=files)
    assert lines(tmp_path / "alone", alone, "P2.1", "P2.3", "P2.6") == [
        "teams.yaml:8:49: error[P2.3] 班子 qw: 单位宣传部（xcb）无人分管；请在一名成员的“分管”中加入该单位",
        "teams.yaml:12:43: error[P2.6] 班子 qzf: 成员陈长达（ccd）任“副旗长”时分管宣传部（xcb），但该单位的上一级班子是旗委（qw），"
        "而该成员不在旗委（qw）班子任职；请改由旗委（qw）班子的成员分管（同时在该班子任职的领导可以分管）",
    ]
