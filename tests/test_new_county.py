"""A new county's first year (issue 13): `lzzr init --kind 县` and then only the data itself —
units, leaders, teams, the upper task and the tasks — through check, decompose, letters,
pledges, sign, the signing status, assess and verify. Every message on the way is asserted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from .helpers import SAMPLE, run

LEADERS = """# 领导：编号: 姓名，或 编号: {姓名, 性别, 备注}；职务写在 teams.yaml 的班子里。
领导:
  sj: 李明德
  zz: 王志强
  jwsj: 赵敏
  fsj: 周红梅
  fxz: 陈刚
  ly: 刘洋
  sl: 孙丽娜
"""
UNITS_ADDED = """  czj: {名称: 青山县财政局, 简称: 财政局, 类别: 部门, 上级: xzf}
  hsz: {名称: 中共青山县河口镇委员会, 简称: 河口镇, 类别: 乡镇, 上级: xw}
"""
TEAMS = """# 班子：单位编号: {成员: [任职…]}；任职：领导、职务、角色（正职/成员）、分管、起、止
# 一把手写“角色: 正职”；其他成员写“分管”的单位，一把手以外每个单位都要有人分管。
班子:
  xw:
    成员:
      - {领导: sj, 职务: 县委书记, 角色: 正职}
      - {领导: zz, 职务: 县委副书记、县长, 分管: [xzf]}
      - {领导: jwsj, 职务: 县委常委、县纪委书记、县监委主任, 分管: [jw]}
      - {领导: fsj, 职务: 县委副书记, 分管: [hsz]}
  xzf:
    成员:
      - {领导: zz, 职务: 县长, 角色: 正职}
      - {领导: fxz, 职务: 副县长, 分管: [czj]}
  czj:
    成员:
      - {领导: sl, 职务: 局长, 角色: 正职}
  hsz:
    成员:
      - {领导: ly, 职务: 党委书记, 角色: 正职}
  jw:
    成员:
      - {领导: jwsj, 职务: 县纪委书记、县监委主任, 角色: 正职}
"""
UPPER = """上级文件:
  sw1: {名称: 关于2026年党风廉政建设和反腐败工作的任务分工, 文号: 示市党发〔2026〕1号}
上级任务:
  S01: {文件: sw1, 条目: 一（一）, 原文: 严格落实党风廉政建设责任制，加强对权力运行的制约和监督。}
"""
TASKS = """任务:
  T01:
    名称: 开展党风廉政建设专题教育
    来源: S01
    牵头部门: jw
    总负责人: jwsj
    具体负责人: {姓名: 何平, 职务: 党风政风监督室主任}
    工作标准: 全年组织警示教育不少于4次，覆盖全县科级干部
    量化指标: [{指标: 警示教育, 目标: 4, 单位: 次}]
    完成时限: 2026-11-30
    保障措施: 纳入年度目标责任考核
    监督主体: xw
  T02:
    名称: 规范财政资金审批
    来源: S01
    牵头部门: czj
    总负责人: fxz
    具体负责人: {姓名: 马骏, 职务: 预算股股长}
    工作标准: 建立资金拨付台账，每季度公开一次专项资金使用情况
    量化指标: [{指标: 公开, 目标: 4, 单位: 次}]
    完成时限: 2026-12-20
    保障措施: 每季度由县纪委监委抽查
    监督主体: jw
  T03:
    名称: 落实乡镇“三资”监管
    来源: S01
    牵头部门: hsz
    总负责人: fsj
    具体负责人: {姓名: 吴涛, 职务: 纪委书记}
    工作标准: 完成全镇12个村集体资产清查，问题整改率达到100%
    量化指标: [{指标: 清查村数, 目标: 12, 单位: 个}]
    完成时限: 2026-10-31
    保障措施: 镇党委每月听取一次进展汇报
    监督主体: jw
  T04:
    名称: 推进政务公开和廉洁政府建设
    来源: S01
    牵头部门: xzf
    总负责人: zz
    具体负责人: {姓名: 郑洁, 职务: 县政府办公室主任}
    工作标准: 政府常务会议每半年专题研究一次廉政工作，全年不少于2次
    量化指标: [{指标: 专题研究, 目标: 2, 单位: 次}]
    完成时限: 2026-12-31
    保障措施: 县政府办公室督办
    监督主体: jw
"""


def _fill(ws: Path) -> None:
    """What the office types in: the data, and the two settings `lzzr check` warned about."""
    config = (ws / "lzzr.yaml").read_text(encoding="utf-8")
    config = config.replace("文号前缀: 待填写党发", "文号前缀: 青党发").replace("抄送: 待填写纪委监委", "抄送: 示例市纪委监委")
    (ws / "lzzr.yaml").write_text(config, encoding="utf-8")
    units = (ws / "units.yaml").read_text(encoding="utf-8")
    (ws / "units.yaml").write_text(units.replace("  # 其余单位照此添加，如：\n", UNITS_ADDED + "  # 其余单位照此添加，如：\n"),
                                   encoding="utf-8")
    for name, text in (("leaders.yaml", LEADERS), ("teams.yaml", TEAMS), ("upper.yaml", UPPER), ("tasks.yaml", TASKS)):
        (ws / name).write_text(text, encoding="utf-8")


def test_a_new_county_issues_and_assesses_its_first_year(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lzzr.clock.today", lambda: dt.date(2026, 3, 1))  # letters issued on 1 March
    ws, out = tmp_path / "青山县2026", tmp_path / "out"
    assert run(capsys, "init", str(ws), "--kind", "县", "--name", "青山县", "--year", "2026") == (
        0, f"已创建工作区 {ws}（2026 年度）：leaders.yaml、lzzr.yaml、plan.yaml、scheme.yaml、tasks.yaml、"
           "teams.yaml、units.yaml、upper.yaml\n", "")
    code, stdout, _ = run(capsys, "check", str(ws))
    assert code == 0
    assert stdout.splitlines() == [
        "leaders.yaml:3:3: warning[C010] 领导 sj: 姓名“待填写”还是占位内容，请改为实际内容",
        "leaders.yaml:4:3: warning[C010] 领导 zz: 姓名“待填写”还是占位内容，请改为实际内容",
        "leaders.yaml:5:3: warning[C010] 领导 jwsj: 姓名“待填写”还是占位内容，请改为实际内容",
        "lzzr.yaml:6:7: warning[C010] 配置: 文号前缀“待填写党发”还是占位内容，请改为实际内容",
        "lzzr.yaml:20:9: warning[C010] 配置: 抄送“待填写纪委监委”还是占位内容，请改为实际内容",
        "检查完成：0 个错误，5 个警告（8 个文件；单位 3，领导 3，班子 3，上级任务 0，任务 0）",
    ]
    _fill(ws)
    assert run(capsys, "check", str(ws)) == (
        0, "检查完成：0 个错误，0 个警告（8 个文件；单位 5，领导 7，班子 5，上级任务 1，任务 4）\n", "")
    code, stdout, _ = run(capsys, "decompose", str(ws), "--out", str(out))
    assert code == 0 and stdout.startswith(f"已生成：{out / '2026-责任分解方案.pdf'}、")
    assert run(capsys, "letters", str(ws), "--out", str(out / "责任书")) == (
        0, f"责任书 6 份（新生成 6 份，未变 0 份）→ {out / '责任书'}\n", "")
    assert run(capsys, "pledges", str(ws), "--out", str(out / "承诺书")) == (
        0, f"承诺书 7 份（新生成 7 份，未变 0 份）→ {out / '承诺书'}\n", "")
    monkeypatch.setattr("lzzr.clock.today", lambda: dt.date(2026, 3, 12))
    assert run(capsys, "sign", "2026-hsz-ly", "--by", "刘洋", "--date", "2026-03-10", "-w", str(ws)) == (
        0, "已登记：2026-hsz-ly 由 刘洋 于 2026-03-10 签字\n", "")
    assert run(capsys, "sign", "2026-hsz-ly", "--by", "sj", "--date", "2026-03-10", "-w", str(ws)) == (
        0, "已登记：2026-hsz-ly 由 李明德 于 2026-03-10 签字\n", "")
    assert run(capsys, "letters", str(ws), "--status", "--quiet") == (1, "合计：已签 1/6，签订率 17%\n", "")
    code, stdout, stderr = run(capsys, "assess", str(ws), "--no-pdf", "--no-archive", "--out", str(out), "--quiet")
    lines = stderr.splitlines()  # warnings on stderr, data (none with --quiet) on stdout
    assert code == 0 and stdout == "" and len(lines) == 23  # no poll and no rating yet: each scores 0, with a warning
    assert "scheme.yaml:22:19: warning[A301] 河口镇领导班子没有民主测评记录，测评指标计 0 分" in lines
    letter = out / "责任书" / "2026-hsz-ly-责任书-李明德-刘洋.pdf"
    assert run(capsys, "verify", str(letter), "-w", str(ws)) == (
        0, f"{letter}: 登记在册的原件，完好（2026-hsz-ly）\n", "")


def test_a_name_where_an_id_is_asked_is_taken_for_the_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .helpers import MINI, build_tree

    tasks = MINI["tasks.yaml"].replace("总负责人: zhm", "总负责人: 赵慧敏").replace("监督主体: qw", "监督主体: 旗委")
    ws = build_tree(tmp_path / "ws", {**MINI, "tasks.yaml": tasks})
    code, stdout, _ = run(capsys, "check", str(ws), "--quiet")
    assert not [line for line in stdout.splitlines() if "R00" in line]  # tests/test_references.py: the rest
    leaders = MINI["leaders.yaml"] + "  zhm2: 赵慧敏\n"
    build_tree(ws, {"leaders.yaml": leaders})
    code, stdout, _ = run(capsys, "check", str(ws), "--quiet")
    assert code == 1 and ("tasks.yaml:6:11: error[R005] 任务 T01: 总负责人 '赵慧敏' 不唯一：名为“赵慧敏”的领导有 2 个："
                          "zhm（旗委常委、纪委书记）、zhm2；请写其中一个的编号") in stdout.splitlines()


def test_a_year_without_a_plan_is_warned(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from .helpers import MINI, build_tree

    ws = build_tree(tmp_path / "ws", {k: v for k, v in MINI.items() if k not in ("tasks.yaml",)})
    stdout = run(capsys, "check", str(ws), "--quiet")[1]
    assert ("lzzr.yaml: warning[C011] 配置: 工作区还没有“方案”节，无法印发责任分解方案；"
            "可用 lzzr init 生成带方案的新工作区，格式见 docs/format.md“方案”") in stdout.splitlines()
    assert "C011" not in run(capsys, "check", str(SAMPLE), "--quiet")[1]
