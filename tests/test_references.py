"""References by name (issue 13, item 2): a leader's name and a unit's name or 简称 are
accepted wherever the year-start data asks for an id; an ambiguous name is a located error
listing the candidates; `lzzr sign --by` goes through the same resolver."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lzzr.workspace.load import load_workspace
from lzzr.workspace.names import Found, Names

from .helpers import MINI, MINI_CLEAN, build_tree, run

CLEAN_LINE = "检查完成：0 个错误，0 个警告（7 个文件；单位 4，领导 4，班子 4，上级任务 1，任务 3）\n"


def _named(files: dict[str, str]) -> dict[str, str]:
    """MINI_CLEAN with names (and 简称, full names, spaces, full-width letters) for every id."""
    tasks = (files["tasks.yaml"].replace("总负责人: zhm", "总负责人: 赵慧敏").replace("监督主体: qw", "监督主体: 旗 委")
             .replace("牵头部门: jw", "牵头部门: 旗纪委监委").replace("牵头部门: czj", "牵头部门: 示例旗财政局")
             .replace("总负责人: lzq", "总负责人: 李志强"))
    teams = (files["teams.yaml"].replace("{领导: wjg,", "{领导: 王建国,").replace("分管: [qzf]", "分管: [旗政府]")
             .replace("分管: [czj]", "分管: 财政局"))
    units = files["units.yaml"].replace("上级: qzf}", "上级: 示例旗人民政府}")
    plan = files["plan.yaml"].replace("班子: qw", "班子: 中共示例旗委员会").replace("第一责任人: wjg", "第一责任人: 王建国")
    return {**files, "tasks.yaml": tasks, "teams.yaml": teams, "units.yaml": units, "plan.yaml": plan}


def test_names_are_taken_as_the_ids_they_stand_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    by_id = build_tree(tmp_path / "ids", MINI_CLEAN)
    by_name = build_tree(tmp_path / "names", _named(MINI_CLEAN))
    assert run(capsys, "check", str(by_id)) == (0, CLEAN_LINE, "")
    assert run(capsys, "check", str(by_name)) == (0, CLEAN_LINE, "")  # no hint: see docs/format.md
    a, b = load_workspace(by_id)[0], load_workspace(by_name)[0]
    assert (a.tasks, a.teams, a.units, a.plan) == (b.tasks, b.teams, b.units, b.plan)  # as if ids were written
    assert b.tasks["T01.1"].leader == "zhm"  # the sub-task inherits the id, not the name
    views = [json.loads(run(capsys, "decompose", str(ws), "--by", "leader", "-f", "json")[1])["view"]
             for ws in (by_id, by_name)]
    assert views[0] == views[1] and len(views[0]) == 6


def test_an_ambiguous_name_lists_the_candidates(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    files = _named(MINI_CLEAN)
    files["leaders.yaml"] += "  zhm2: 赵慧敏\n"
    files["units.yaml"] += "  czj2: {名称: 示例旗财政局（国资）, 简称: 财政局, 类别: 部门, 上级: qzf}\n"
    ws = build_tree(tmp_path / "ws", files)
    code, stdout, _ = run(capsys, "check", str(ws), "--quiet")
    lines = [line for line in stdout.splitlines() if "R005" in line]
    assert code == 1 and lines == [
        "tasks.yaml:6:11: error[R005] 任务 T01: 总负责人 '赵慧敏' 不唯一：名为“赵慧敏”的领导有 2 个："
        "zhm（旗委常委、纪委书记）、zhm2；请写其中一个的编号",
        "teams.yaml:9:39: error[R005] 班子 qzf: 分管 '财政局' 不唯一：名为“财政局”的单位有 2 个："
        "czj（示例旗财政局）、czj2（示例旗财政局（国资））；请写其中一个的编号",
    ]
    monkeypatch.setenv("LZZR_LANG", "en")
    stdout = run(capsys, "check", str(ws), "--quiet")[1]
    assert ("tasks.yaml:6:11: error[R005] task T01: 总负责人 '赵慧敏' is ambiguous: 2 leaders are named "
            "'赵慧敏': zhm（旗委常委、纪委书记）、zhm2; write the id of one") in stdout.splitlines()


def test_an_unknown_name_is_still_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tasks = MINI["tasks.yaml"].replace("总负责人: zhm", "总负责人: 赵慧明")
    ws = build_tree(tmp_path / "ws", {**MINI, "tasks.yaml": tasks})
    stdout = run(capsys, "check", str(ws), "--quiet")[1]
    assert [line for line in stdout.splitlines() if "R001" in line] == [
        "tasks.yaml:6:11: error[R001] 任务 T01: 总负责人 '赵慧明' 不存在"]


def test_a_name_in_a_task_that_failed_validation_is_checked_too(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    tasks = MINI["tasks.yaml"].replace("总负责人: zhm", "总负责人: 赵慧明\n    期限: 明年")
    ws = build_tree(tmp_path / "ws", {**MINI, "tasks.yaml": tasks})
    lines = run(capsys, "check", str(ws), "--quiet")[1].splitlines()
    assert "tasks.yaml:6:11: error[R001] 任务 T01: 总负责人 '赵慧明' 不存在" in lines
    assert not any("R001" in line and "T01.1" in line for line in lines)


def test_resolver_ids_first_then_names() -> None:
    names = Names.of([("wj", ["王军"]), ("wang", ["wj"]), ("w1", ["王伟"]), ("w2", ["王 伟"])])
    assert names.resolve("wj") == Found("wj")  # an id wins over a name
    assert names.resolve("王军") == Found("wj", by_name=True)
    assert names.resolve("王伟") == Found(None, ("w1", "w2"), by_name=True)
    assert names.resolve("李四") == Found(None)


POLL = """民主测评:
  MC-1:
    对象: 成员
    领导: 李志强
    测评人:
      班子成员: {发放: 5, 收回: 5, 票数: {满意: 5}}
  MC-2:
    对象: 班子
    单位: 旗 政府
    测评人:
      班子成员: {发放: 5, 收回: 5, 票数: {满意: 5}}
  MC-3:
    对象: 成员
    领导: 赵慧敏
    测评人:
      班子成员: {发放: 5, 收回: 5, 票数: {满意: 5}}
"""


def test_names_in_records(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {**MINI_CLEAN, "polls.yaml": POLL, "leaders.yaml": MINI_CLEAN["leaders.yaml"] + "  zhm2: 赵慧敏\n"}
    ws = build_tree(tmp_path / "ws", files)
    loaded = load_workspace(ws)[0]
    polls = loaded.collection("poll")
    assert (polls["MC-1"].leader, polls["MC-2"].unit, polls["MC-3"].leader) == ("lzq", "qzf", "赵慧敏")
    lines = [line for line in run(capsys, "check", str(ws), "--quiet")[1].splitlines() if "A120" in line]
    assert lines == []
    lines = [line for line in run(capsys, "check", str(ws), "--quiet")[1].splitlines() if "R005" in line]
    assert lines == ["polls.yaml:14:9: error[R005] 民主测评 MC-3: 领导 '赵慧敏' 不唯一：名为“赵慧敏”的领导有 2 个："
                     "zhm（旗委常委、纪委书记）、zhm2；请写其中一个的编号"]


def test_sign_by_uses_the_same_resolver() -> None:
    from lzzr.documents.register import party_of
    from lzzr.errors import LzzrError
    from lzzr.i18n import t

    entry = {"parties": [{"leader": "sj", "name": "李明德"}, {"leader": "ly", "name": "刘洋"}]}
    assert [party_of(entry, by)["leader"] for by in ("ly", "刘洋", "刘 洋", " sj ")] == ["ly", "ly", "ly", "sj"]
    with pytest.raises(LzzrError) as caught:
        party_of(entry, "王伟")
    assert t(caught.value.code, **caught.value.args_) == "王伟 不是这份责任书的签订方（签订方：李明德（sj）、刘洋（ly））"


def test_specific_person_may_be_a_leader(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tasks = (MINI_CLEAN["tasks.yaml"].replace("具体负责人: {姓名: 孙立, 职务: 局长}", "具体负责人: 孙立")
             .replace("具体负责人: {姓名: 孙立, 职务: 主任}", "具体负责人: {领导: zhm, 职务: 旗纪委书记}"))
    ws = build_tree(tmp_path / "ws", {**MINI_CLEAN, "tasks.yaml": tasks})
    assert run(capsys, "check", str(ws)) == (0, CLEAN_LINE, "")
    loaded = load_workspace(ws)[0]
    t02, t011 = loaded.tasks["T02"].person, loaded.tasks["T01.1"].person
    assert t02 is not None and (t02.leader, t02.name, t02.post) == ("sl", "孙立", "局长")  # post on czj's team
    assert t011 is not None and (t011.leader, t011.name, t011.post) == ("zhm", "赵慧敏", "旗纪委书记")
    code, stdout, _ = run(capsys, "decompose", str(ws), "--by", "unit", "-f", "json")
    assert code == 0 and "孙立（局长）" in stdout


PERSON = "具体负责人缺少「{}」：请写 {{姓名: …, 职务: …}}，或写 {{领导: 领导编号}}（班子中的领导）"


@pytest.mark.parametrize(("person", "line"), [
    ("孙丽", "tasks.yaml:22:12: error[R001] 任务 T02: 具体负责人 '孙丽' 不存在"),
    ("{领导: 孙丽}", "tasks.yaml:22:17: error[R001] 任务 T02: 具体负责人 '孙丽' 不存在"),
    ("{职务: 局长}", "tasks.yaml:22:5: error[S016] 任务 T02: " + PERSON.format("姓名")),
    ("{姓名: 孙立}", "tasks.yaml:22:5: error[S016] 任务 T02: " + PERSON.format("职务")),
    ("wjg2", "tasks.yaml:22:12: error[S001] 任务 T02: 缺少必填字段「职务」"),
])
def test_specific_person_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], person: str, line: str) -> None:
    tasks = MINI_CLEAN["tasks.yaml"].replace("具体负责人: {姓名: 孙立, 职务: 局长}", f"具体负责人: {person}")
    leaders = MINI_CLEAN["leaders.yaml"] + "  wjg2: 王建国二\n"  # a leader without any post
    ws = build_tree(tmp_path / "ws", {**MINI_CLEAN, "tasks.yaml": tasks, "leaders.yaml": leaders})
    code, stdout, _ = run(capsys, "check", str(ws), "--quiet")
    assert code == 1 and [x for x in stdout.splitlines() if "error" in x] == [line]


def test_the_specific_person_is_known_to_the_responsibility_layer(tmp_path: Path) -> None:
    from lzzr.responsibility import specific_tasks

    tasks = (MINI_CLEAN["tasks.yaml"].replace("具体负责人: {姓名: 孙立, 职务: 局长}", "具体负责人: 孙立")
             .replace("具体负责人: {姓名: 孙立, 职务: 主任}", "具体负责人: {领导: sl, 职务: 局长}"))
    ws = load_workspace(build_tree(tmp_path / "ws", {**MINI_CLEAN, "tasks.yaml": tasks}))[0]
    assert specific_tasks(ws, "sl") == ["T01.1", "T02"]
    assert specific_tasks(ws, "zhm") == []  # 总负责人, not 具体负责人


def test_problems_on_stderr_data_on_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 13, item 8: a command's data on stdout, its problems on stderr, in every format;
    `check`, whose data is its problem lines, keeps them on stdout."""
    files = {**MINI_CLEAN, "tasks.yaml": MINI_CLEAN["tasks.yaml"].replace("    名称: 规范财政资金管理\n",
                                                                          "    名称: 规范财政资金管理\n    内容: 严格落实党风廉政建设责任制。\n")}
    ws = build_tree(tmp_path / "ws", files)
    warning = ("tasks.yaml:19:9: warning[P4.5] 任务 T02: 内容与上级任务 S01 原文相似度 100%，疑似照抄照搬；"
               "请结合本地实际写明怎么做、做到什么程度")
    code, stdout, stderr = run(capsys, "check", str(ws), "--quiet")
    assert (code, stdout, stderr) == (0, warning + "\n", "")
    for fmt in ("text", "csv"):
        code, stdout, stderr = run(capsys, "decompose", str(ws), "--by", "unit", "-f", fmt)
        assert code == 0 and stderr == warning + "\n" and "P4.5" not in stdout and "T02" in stdout


def test_a_key_written_as_a_name_is_answered_with_the_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    duties = "履职记录:\n  李志强:\n    记录:\n      - {事项: 廉政谈话, 日期: 2026-04-10}\n"
    teams = MINI_CLEAN["teams.yaml"].replace("  czj:\n", "  财政局:\n")
    ws = build_tree(tmp_path / "ws", {**MINI_CLEAN, "duties.yaml": duties, "teams.yaml": teams})
    lines = [line for line in run(capsys, "check", str(ws), "--quiet")[1].splitlines() if "S006" in line]
    assert lines == ["duties.yaml:2:3: error[S006] 履职记录 李志强: 编号 '李志强' 不合规：“李志强”是领导 lzq 的名称，这里请写编号 lzq",
                     "teams.yaml:13:3: error[S006] 班子 财政局: 编号 '财政局' 不合规：“财政局”是单位 czj 的名称，这里请写编号 czj"]


def test_the_name_index_follows_the_leaders() -> None:
    """An index built from the leaders is rebuilt when the leaders change (it was keyed on
    units, teams and tasks only: a leader added after a first lookup was not found)."""
    from lzzr.workspace.names import resolve

    from .helpers import SAMPLE

    ws, _ = load_workspace(SAMPLE)
    assert resolve(ws, "leader", "钱新人").id is None
    known = next(iter(ws.leaders.values()))
    ws.leaders["qxr"] = known.model_copy(update={"name": "钱新人"})
    assert resolve(ws, "leader", "钱新人").id == "qxr"
