"""`lzzr init`: a new workspace, either a commented skeleton or carried over from last year."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from lzzr.errors import LzzrError
from lzzr.fsutil import write_atomic
from lzzr.workspace.load import CONFIG_FILE, data_files, load_workspace
from lzzr.workspace.model import parse_date
from lzzr.workspace.reader import decode, round_trip_yaml

CARRIED = ("单位", "领导", "班子", "考核方案", "责任书")  # the year's tasks, plan and records start afresh

PLACEHOLDER = "待填写"


@dataclass(frozen=True)
class Words:
    """A county's own words: 县/乡镇 (ids xw, xzf) or 旗/苏木镇 (qw, qzf) or 区/街道."""

    county: str  # 县、旗、区
    township: str  # 乡镇、苏木镇、街道
    party: str  # the party committee's id
    gov: str  # the government's id


KINDS = {
    "县": Words("县", "乡镇", "xw", "xzf"),
    "旗": Words("旗", "苏木镇", "qw", "qzf"),
    "区": Words("区", "街道", "qw", "qzf"),
}


def kind_of(region: str | None, kind: str | None) -> Words:
    """The words of `kind`, else of the region's last character (示例旗 → 旗), else 县."""
    if kind is not None:
        return KINDS[kind]
    return KINDS.get((region or "")[-1:], KINDS["县"])


def skeleton(year: int, region: str | None, words: Words) -> dict[str, str]:
    """Every file a year needs, with comments; names still to be filled are marked 待填写."""
    c, place = words.county, region or f"某某{words.county}"
    v = {"year": year, "c": c, "t": words.township, "place": place, "p": words.party, "g": words.gov,
         "todo": PLACEHOLDER}
    files = {name: text.format(**v) for name, text in _TEXTS.items()}
    scheme = resources.files("lzzr.data").joinpath("starter-scheme.yaml").read_text(encoding="utf-8")
    for token, value in (("{地区}", place), ("{年度}", str(year)), ("{乡镇}", words.township), ("{县}", c)):
        scheme = scheme.replace(token, value)
    files["scheme.yaml"] = scheme
    return files


_TEXTS = {
    CONFIG_FILE: """\
# lzzr 配置文件。格式说明：docs/format.md；校验：lzzr check
# 标有“{todo}”的内容请改为实际内容（lzzr check 会提示还有哪些没改）。
机关: 中共{place}委员会      # 发文机关全称
地区: {place}
年度: {year}
文号前缀: {todo}党发          # 文号前缀，如“示党发”：文号为 示党发〔{year}〕1号
语言: zh                    # 提示信息语言：zh 或 en
# 字体:                     # 各角色字体，找到的第一个生效
#   仿宋: [仿宋_GB2312, FandolFang R]
#   小标宋: [方正小标宋简体, Noto Serif CJK SC]
# 规则:                     # 按工作区调整规则：关闭 / 警告 / 错误
#   P2.5: 警告

# 公文印发参数（lzzr decompose 印发《责任分解方案》时使用）
发文:
  责任分解方案:
    序号: 1
    日期: {year}-02-28
    主送: 各{t}党委，{c}委各部门，{c}直各部门党组（党委），各人民团体党组
    抄送: {todo}纪委监委
    印发机关: 中共{place}委办公室
    印发日期: {year}-02-28
""",
    "units.yaml": """\
# 单位：编号: {{名称, 简称, 类别, 上级}}；编号用拼音首字母，改名称不改编号。
# 类别：党委 政府 人大 政协 纪委监委 部门 苏木镇 乡镇 街道 企事业单位 其他
单位:
  {p}:  {{名称: 中共{place}委员会, 简称: {c}委, 类别: 党委}}
  {g}: {{名称: {place}人民政府, 简称: {c}政府, 类别: 政府, 上级: {p}}}
  jw:  {{名称: 中共{place}纪律检查委员会、{place}监察委员会, 简称: {c}纪委监委, 类别: 纪委监委, 上级: {p}}}
  # 其余单位照此添加，如：
  # czj: {{名称: {place}财政局, 简称: 财政局, 类别: 部门, 上级: {g}}}
  # xzz: {{名称: 某某{t}, 简称: 某某{t}, 类别: {t}, 上级: {p}}}
""",
    "leaders.yaml": """\
# 领导：编号: 姓名，或 编号: {{姓名, 性别, 备注}}；职务写在 teams.yaml 的班子里。
领导:
  sj: {todo}      # {c}委书记
  zz: {todo}      # {c}委副书记、{c}长
  jwsj: {todo}    # {c}委常委、{c}纪委书记、{c}监委主任
""",
    "teams.yaml": """\
# 班子：单位编号: {{成员: [任职…]}}；任职：领导、职务、角色（正职/成员）、分管、起、止
# 一把手写“角色: 正职”；其他成员写“分管”的单位，一把手以外每个单位都要有人分管。
班子:
  {p}:
    成员:
      - {{领导: sj, 职务: {c}委书记, 角色: 正职}}
      - {{领导: zz, 职务: {c}委副书记、{c}长, 分管: [{g}]}}
      - {{领导: jwsj, 职务: {c}委常委、{c}纪委书记、{c}监委主任, 分管: [jw]}}
  {g}:
    成员:
      - {{领导: zz, 职务: {c}长, 角色: 正职}}
  jw:
    成员:
      - {{领导: jwsj, 职务: {c}纪委书记、{c}监委主任, 角色: 正职}}
""",
    "plan.yaml": """\
# 责任分解方案：发文班子、第一责任人、组织者，以及一把手全年职责安排（“五个一”、
# 年中和年终专题会议、公开承诺、述职述廉）。日期按本年度安排修改。
方案:
  班子: {p}
  第一责任人: sj
  组织者: sj
  责任书签订时限: {year}-03-31
  一把手职责:
    - {{事项: 部署分解, 日期: {year}-02-20, 备注: 全{c}党风廉政建设工作会议，部署全年任务并亲自组织责任分解}}
    - {{事项: 公开承诺, 日期: {year}-02-20}}
    - {{事项: 廉政党课, 日期: {year}-05-15}}
    - {{事项: 廉政谈话, 日期: {year}-04-10}}
    - {{事项: 调研督办, 日期: {year}-06-30}}
    - {{事项: 年中专题会议, 日期: {year}-07-15}}
    - {{事项: 听取汇报, 日期: {year}-09-30}}
    - {{事项: 年终专题会议, 日期: {year}-12-20}}
    - {{事项: 述职述廉, 日期: {year}-12-28}}
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
  #   总负责人: jwsj
  #   具体负责人: {{姓名: 某某, 职务: 党风政风监督室主任}}
  #   工作标准: 每年主持召开不少于2次党风廉政建设专题会议
  #   量化指标: [{{指标: 专题会议, 目标: 2, 单位: 次}}]
  #   完成时限: {year}-12-31
  #   保障措施: 纳入年度目标责任考核
  #   监督主体: {p}
""",
}


def init_workspace(target: Path, year: int | None, previous: Path | None, region: str | None = None,
                   kind: str | None = None) -> tuple[list[str], int]:
    """Create the workspace `target`; return the files written and the year."""
    if previous is None:
        chosen = year or dt.date.today().year
        files = skeleton(chosen, region, kind_of(region, kind))
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
    yaml = round_trip_yaml()
    config = yaml.load(_read_text(previous / CONFIG_FILE))
    config["年度"] = chosen
    config.pop("发文", None)  # last year's document number and dates must not be reissued
    files = {CONFIG_FILE: _dump(yaml, config)}
    for path in data_files(previous):
        doc = yaml.load(_read_text(path))
        kept = _carry_sections(doc, dt.date(chosen, 1, 1))
        _rename_scheme_year(doc, ws.config.year, chosen)
        if kept:
            files[path.name] = _dump(yaml, doc)
    archive = previous / "廉政档案"  # each leader's file goes on from year to year
    for path in sorted(archive.glob("*.yaml")) if archive.is_dir() else ():
        files[f"廉政档案/{path.name}"] = _read_text(path)
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


def _rename_scheme_year(doc: Any, old: int, new: int) -> None:
    """`示例旗2026年度…考核细则` becomes `示例旗2027年度…` in the carried scheme."""
    scheme: Any = doc.get("考核方案") if isinstance(doc, dict) else None
    if isinstance(scheme, dict) and isinstance(scheme.get("名称"), str):
        scheme["名称"] = scheme["名称"].replace(f"{old}年", f"{new}年")


def _read_text(path: Path) -> str:
    text, _ = decode(path.read_bytes(), path.name)
    return text or ""


def _dump(yaml: YAML, doc: Any) -> str:
    buf = io.StringIO()
    yaml.dump(doc, buf)
    return buf.getvalue()
