"""`lzzr init`: a new workspace, either a commented skeleton or carried over from last year."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from lzzr.errors import LzzrError
from lzzr.fsutil import write_atomic
from lzzr.workspace.load import CONFIG_FILE, data_files, load_workspace
from lzzr.workspace.model import parse_date
from lzzr.workspace.reader import decode

CARRIED = ("单位", "领导", "班子", "考核方案")  # the year's tasks, plan and records start afresh

SKELETON = {
    CONFIG_FILE: """\
# lzzr 配置文件。格式说明：docs/format.md；校验：lzzr check
机关: 中共某某旗委员会      # 发文机关全称
地区: 某某旗
年度: {year}
文号前缀: 某党发            # 文号：某党发〔{year}〕1号
语言: zh                    # 提示信息语言：zh 或 en
# 字体:                     # 各角色字体，找到的第一个生效
#   仿宋: [仿宋_GB2312, FandolFang R]
#   小标宋: [方正小标宋简体, Noto Serif CJK SC]
# 规则:                     # 按工作区调整规则：关闭 / 警告 / 错误
#   P2.5: 警告
""",
    "units.yaml": """\
# 单位：编号: {{名称, 简称, 类别, 上级}}
# 类别：党委 政府 人大 政协 纪委监委 部门 苏木镇 乡镇 街道 企事业单位 其他
单位:
  # qw:  {{名称: 中共某某旗委员会, 简称: 旗委, 类别: 党委}}
  # qzf: {{名称: 某某旗人民政府, 简称: 旗政府, 类别: 政府, 上级: qw}}
  # czj: {{名称: 某某旗财政局, 简称: 财政局, 类别: 部门, 上级: qzf}}
""",
    "leaders.yaml": """\
# 领导：编号: 姓名，或 编号: {{姓名, 性别, 备注}}
领导:
  # wjg: 王建国
  # lzq: {{姓名: 李志强, 性别: 男}}
""",
    "teams.yaml": """\
# 班子：单位编号: {{成员: [任职…]}}；任职：领导、职务、角色（正职/成员）、分管、起、止
班子:
  # qw:
  #   成员:
  #     - {{领导: wjg, 职务: 旗委书记, 角色: 正职}}
  #     - {{领导: lzq, 职务: 旗委副书记、旗长, 分管: [qzf]}}
""",
    "upper.yaml": """\
# 上级文件与上级任务（照录上级原文，年度任务在 tasks.yaml 中分解）
上级文件:
  # sw1: {{名称: 关于{year}年党风廉政建设和反腐败工作的任务分工, 文号: 某市党发〔{year}〕1号}}
上级任务:
  # S01: {{文件: sw1, 条目: 一（一）, 原文: 严格落实党风廉政建设责任制。}}
""",
    "tasks.yaml": """\
# {year}年度任务与子任务（子任务用“所属任务”指向上一级任务）
任务:
  # T01:
  #   名称: 落实党风廉政建设责任制
  #   来源: S01
  #   牵头部门: jw
  #   总负责人: lzq
  #   具体负责人: {{姓名: 孙立, 职务: 党风政风监督室主任}}
  #   工作标准: 每年主持召开不少于2次党风廉政建设专题会议
  #   量化指标: [{{指标: 专题会议, 目标: 2, 单位: 次}}]
  #   完成时限: {year}-12-31
  #   保障措施: 纳入年度目标责任考核
  #   监督主体: qw
""",
}


def init_workspace(target: Path, year: int | None, previous: Path | None) -> tuple[list[str], int]:
    """Create the workspace `target`; return the files written and the year."""
    if previous is None:
        chosen = year or dt.date.today().year
        files = {name: text.format(year=chosen) for name, text in SKELETON.items()}
    else:
        files, chosen = carry_over(previous, year)
    existing = sorted(name for name in files if (target / name).exists())
    if existing:
        raise LzzrError("init.exists", files="、".join(existing))
    for name, text in files.items():
        write_atomic(target / name, text)
    return sorted(files), chosen


def carry_over(previous: Path, year: int | None) -> tuple[dict[str, str], int]:
    """Next year's files from `previous`: config with the new year; units, leaders, teams."""
    ws, problems = load_workspace(previous)
    if ws.config is None or any(p.severity.value == "error" for p in problems):
        raise LzzrError("init.from_bad", path=str(previous))
    chosen = year or ws.config.year + 1
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    config = yaml.load(_read_text(previous / CONFIG_FILE))
    config["年度"] = chosen
    config.pop("发文", None)  # last year's document number and dates must not be reissued
    files = {CONFIG_FILE: _dump(yaml, config)}
    for path in data_files(previous):
        doc = yaml.load(_read_text(path))
        kept = _carry_sections(doc, dt.date(chosen, 1, 1))
        if kept:
            files[path.name] = _dump(yaml, doc)
    return files, chosen


def _carry_sections(doc: Any, new_start: dt.date) -> bool:
    """Drop everything but units, leaders and teams, and posts that ended before `new_start`."""
    for section in [s for s in doc if s not in CARRIED]:
        del doc[section]
    for team in (doc.get("班子") or {}).values():
        members = team.get("成员") or []
        for i in reversed(range(len(members))):
            end = members[i].get("止")
            if end is not None and parse_date(end if isinstance(end, dt.date) else str(end)) < new_start:
                del members[i]
    return bool(doc)


def _read_text(path: Path) -> str:
    text, _ = decode(path.read_bytes(), path.name)
    return text or ""


def _dump(yaml: YAML, doc: Any) -> str:
    buf = io.StringIO()
    yaml.dump(doc, buf)
    return buf.getvalue()
