"""Shared test helpers: build workspaces from text, run the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lzzr.cli.app import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample-data"

MINI = {
    "lzzr.yaml": "机关: 中共示例旗委员会\n地区: 示例旗\n年度: 2026\n文号前缀: 示党发\n",
    "units.yaml": (
        "单位:\n"
        "  qw: {名称: 中共示例旗委员会, 简称: 旗委, 类别: 党委}\n"
        "  qzf: {名称: 示例旗人民政府, 简称: 旗政府, 类别: 政府, 上级: qw}\n"
        "  jw: {名称: 中共示例旗纪律检查委员会, 简称: 旗纪委监委, 类别: 纪委监委, 上级: qw}\n"
        "  czj: {名称: 示例旗财政局, 简称: 财政局, 类别: 部门, 上级: qzf}\n"
    ),
    "leaders.yaml": "领导:\n  wjg: 王建国\n  lzq: {姓名: 李志强, 性别: 男}\n  zhm: 赵慧敏\n",
    "teams.yaml": (
        "班子:\n"
        "  qw:\n"
        "    成员:\n"
        "      - {领导: wjg, 职务: 旗委书记, 角色: 正职}\n"
        "      - {领导: lzq, 职务: 旗委副书记、旗长, 分管: [qzf]}\n"
        "      - {领导: zhm, 职务: 旗委常委、纪委书记, 分管: [jw]}\n"
        "  qzf:\n"
        "    成员:\n"
        "      - {领导: lzq, 职务: 旗长, 角色: 正职, 分管: [czj]}\n"
    ),
    "upper.yaml": (
        "上级文件:\n  sw1: {名称: 关于2026年党风廉政建设工作的意见, 文号: 示市党发〔2026〕1号}\n"
        "上级任务:\n  S01: {文件: sw1, 条目: 一, 原文: 严格落实党风廉政建设责任制。}\n"
    ),
    "tasks.yaml": (
        "任务:\n"
        "  T01:\n"
        "    名称: 落实责任制\n"
        "    来源: S01\n"
        "    牵头部门: jw\n"
        "    总负责人: zhm\n"
        "    工作标准: 每年召开不少于2次专题会议\n"
        "    完成时限: 2026年12月31日\n"
        "    监督主体: qw\n"
        "  T01.1:\n"
        "    名称: 签订责任书\n"
        "    所属任务: T01\n"
        "    具体负责人: {姓名: 孙立, 职务: 主任}\n"
        "    完成时限: 2026-03-31\n"
    ),
}


# MINI passes the loader; MINI_CLEAN also passes every rule (P1–P4), for tests of clean output.
MINI_CLEAN: dict[str, str] = {
    **MINI,
    "leaders.yaml": MINI["leaders.yaml"] + "  sl: 孙立\n",
    "teams.yaml": MINI["teams.yaml"] + (
        "  jw:\n"
        "    成员:\n"
        "      - {领导: zhm, 职务: 旗纪委书记, 角色: 正职}\n"
        "  czj:\n"
        "    成员:\n"
        "      - {领导: sl, 职务: 局长, 角色: 正职}\n"
    ),
    "tasks.yaml": MINI["tasks.yaml"].replace(
        "    监督主体: qw\n", "    监督主体: qw\n    保障措施: 纳入年度目标考核\n"
    ) + (
        "    工作标准: 3月底前签订率100%\n"
        "  T02:\n"
        "    名称: 规范财政资金管理\n"
        "    来源: S01\n"
        "    牵头部门: czj\n"
        "    总负责人: lzq\n"
        "    具体负责人: {姓名: 孙立, 职务: 局长}\n"
        "    工作标准: 每季度开展1次资金专项检查\n"
        "    完成时限: 2026-12-31\n"
        "    保障措施: 纳入年度目标考核\n"
        "    监督主体: jw\n"
    ),
    "plan.yaml": (
        "方案:\n"
        "  班子: qw\n"
        "  第一责任人: wjg\n"
        "  组织者: wjg\n"
        "  一把手职责:\n"
        + "".join(f"    - {{事项: {kind}, 日期: {day}}}\n" for kind, day in (
            ("部署分解", "2026-02-20"), ("公开承诺", "2026-02-20"), ("廉政党课", "2026-05-15"),
            ("廉政谈话", "2026-04-10"), ("调研督办", "2026-06-18"), ("听取汇报", "2026-09-22"),
            ("年中专题会议", "2026-07-14"), ("年终专题会议", "2026-12-18"), ("述职述廉", "2026-12-28")))
    ),
}


def build_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `files` ({relative path: text or bytes}) below `root` and return `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def build_changed(root: Path, base: dict[str, str], changes: dict[str, str | bytes | None]) -> Path:
    """`base` written at `root` with files replaced (`name_yaml=text`) or removed (None)."""
    files: dict[str, str | bytes] = dict(base)
    for name, content in changes.items():
        key = name.replace("_yaml", ".yaml")
        if content is None:
            files.pop(key, None)
        else:
            files[key] = content
    return build_tree(root, files)


def mini_workspace(root: Path, clean: bool = False, **changes: str | bytes | None) -> Path:
    """The small valid workspace (`clean`: one that passes every rule too), with files
    replaced (or removed when None)."""
    return build_changed(root, MINI_CLEAN if clean else MINI, changes)


def copy_sample(dest: Path) -> Path:
    """A copy of sample-data without what running lzzr on it by hand may have left there."""
    shutil.copytree(SAMPLE, dest, ignore=shutil.ignore_patterns("lzzr-register.json", "廉政档案", ".lzzr.lock"))
    return dest


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run `lzzr ARGS` in-process; return (exit code, stdout, stderr)."""
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err
