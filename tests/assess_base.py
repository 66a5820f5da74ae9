"""A tiny workspace with every kind of record and a scheme with every kind of indicator.

Three assessed teams (jw, czj, hdz), their principals (zhm, qym, fwj) and the members of the
party-committee and government teams (lzq, zhm, ccd). The numbers are chosen so that each
result can be worked out in one's head; tests change one file at a time.
"""

from __future__ import annotations

from pathlib import Path

from lzzr.assess.score import Assessment, assess
from lzzr.workspace.load import Workspace, load_workspace
from lzzr.workspace.scheme import scheme_of

from .helpers import build_changed

TINY: dict[str, str] = {
    "lzzr.yaml": "机关: 中共示例旗委员会\n地区: 示例旗\n年度: 2026\n文号前缀: 示党发\n",
    "units.yaml": (
        "单位:\n"
        "  qw: {名称: 中共示例旗委员会, 简称: 旗委, 类别: 党委}\n"
        "  qzf: {名称: 示例旗人民政府, 简称: 旗政府, 类别: 政府, 上级: qw}\n"
        "  jw: {名称: 中共示例旗纪律检查委员会, 简称: 旗纪委, 类别: 纪委监委, 上级: qw}\n"
        "  czj: {名称: 示例旗财政局, 简称: 财政局, 类别: 部门, 上级: qzf}\n"
        "  hdz: {名称: 中共示例旗红岱镇委员会, 简称: 红岱镇, 类别: 苏木镇, 上级: qw}\n"
    ),
    "leaders.yaml": (
        "领导:\n  wjg: 王建国\n  lzq: 李志强\n  zhm: 赵慧敏\n  ccd: 陈长达\n  qym: 钱玉梅\n  fwj: 范文杰\n"
    ),
    "teams.yaml": (
        "班子:\n"
        "  qw:\n"
        "    成员:\n"
        "      - {领导: wjg, 职务: 旗委书记, 角色: 正职}\n"
        "      - {领导: lzq, 职务: 旗委副书记、旗长, 分管: [qzf]}\n"
        "      - {领导: zhm, 职务: 旗委常委、纪委书记, 分管: [jw, hdz]}\n"
        "  qzf:\n"
        "    成员:\n"
        "      - {领导: lzq, 职务: 旗长, 角色: 正职}\n"
        "      - {领导: ccd, 职务: 副旗长, 分管: [czj]}\n"
        "  jw:\n"
        "    成员:\n"
        "      - {领导: zhm, 职务: 纪委书记, 角色: 正职}\n"
        "  czj:\n"
        "    成员:\n"
        "      - {领导: qym, 职务: 财政局局长, 角色: 正职}\n"
        "  hdz:\n"
        "    成员:\n"
        "      - {领导: fwj, 职务: 红岱镇党委书记, 角色: 正职}\n"
    ),
    "tasks.yaml": (
        "任务:\n"
        "  T1:\n"
        "    名称: 专题会议\n"
        "    牵头部门: jw\n"
        "    量化指标:\n"
        "      - {指标: 专题会议, 目标: 2, 单位: 次}\n"
        "    完成时限: 2026-06-30\n"
        "  T2: {名称: 财政资金检查, 牵头部门: czj, 类别: 监督, 完成时限: 2026-09-30}\n"
        "  T3: {名称: 小微权力清单, 牵头部门: hdz, 完成时限: 2026-12-31}\n"
        "  T4: {名称: 签订责任书, 牵头部门: hdz, 完成时限: 2026-03-31}\n"
    ),
    "progress.yaml": (
        "任务进展:\n"
        "  T1: {状态: 未完成, 实际: {专题会议: 1}, 依据: 示纪发〔2026〕3号}\n"
        "  T2: {状态: 已完成, 完成日期: 2026-09-20}\n"
        "  T3: {状态: 已完成, 完成日期: 2026-12-20}\n"
        "  T4: {状态: 已完成, 完成日期: 2026-04-10}\n"
    ),
    "duties.yaml": (
        "履职记录:\n"
        "  fwj:\n"
        "    记录:\n"
        "      - {事项: 部署分解, 日期: 2026-03-01}\n"
        "      - {事项: 廉政党课, 日期: 2026-05-01}\n"
        "  qym:\n"
        "    记录:\n"
        "      - {事项: 部署分解, 日期: 2026-03-02}\n"
        "  zhm:\n"
        "    记录:\n"
        "      - {事项: 廉政党课, 日期: 2026-06-01}\n"
    ),
    "institutions.yaml": (
        "配套制度:\n"
        "  hdz:\n"
        "    制度:\n"
        "      - {类别: 谈话诫勉, 名称: 《红岱镇廉政谈话制度》, 日期: 2025-03-01}\n"
    ),
    "polls.yaml": (
        "民主测评:\n"
        "  MC-hdz:\n"
        "    对象: 班子\n"
        "    单位: hdz\n"
        "    测评人:\n"
        "      干部: {发放: 10, 收回: 10, 票数: {满意: 8, 基本满意: 2}}\n"
        "      群众: {发放: 10, 收回: 9, 票数: {满意: 5, 不满意: 3, 不了解: 1}}\n"
        "  MC-czj:\n"
        "    对象: 班子\n"
        "    单位: czj\n"
        "    测评人:\n"
        "      干部: {发放: 10, 收回: 10, 票数: {满意: 10}}\n"
        "  MC-fwj:\n"
        "    对象: 正职\n"
        "    单位: hdz\n"
        "    测评人:\n"
        "      干部: {发放: 10, 收回: 10, 票数: {满意: 10}}\n"
        "  MC-zhm:\n"
        "    对象: 成员\n"
        "    领导: zhm\n"
        "    测评人:\n"
        "      干部: {发放: 10, 收回: 5, 票数: {满意: 5}}\n"
    ),
    "ratings.yaml": (
        "考核评定:\n"
        "  PD1:\n"
        "    项目: 融入业务\n"
        "    班子: {hdz: 好, czj: 一般, jw: 较好}\n"
        "    正职: {fwj: 好, qym: 好, zhm: 好}\n"
        "    成员: {lzq: 好, zhm: 较好, ccd: 一般}\n"
    ),
    "events.yaml": (
        "问责事件:\n"
        "  W1:\n"
        "    日期: 2026-05-01\n"
        "    单位: czj\n"
        "    事由: 违规发放津贴\n"
        "    处理:\n"
        "      - {领导: qym, 方式: 通报批评}\n"
    ),
    "scheme.yaml": (
        "考核方案:\n"
        "  名称: 测试细则\n"
        "  满分: 100\n"
        "  对象:\n"
        "    班子:\n"
        "      标准:\n"
        "        - 名称: 任务和测评\n"
        "          分值: 60\n"
        "          指标:\n"
        "            - {编号: A1, 名称: 任务, 分值: 40, 类型: 任务完成}\n"
        "            - 编号: A2\n"
        "              名称: 测评\n"
        "              分值: 20\n"
        "              类型: 民主测评\n"
        "              选项: {满意: 100, 基本满意: 75, 不满意: 55}\n"
        "              不计: [不了解]\n"
        "              类别权重: {干部: 50, 群众: 50}\n"
        "              有效回收率: 80\n"
        "        - 名称: 履职\n"
        "          分值: 20\n"
        "          指标:\n"
        "            - 编号: B1\n"
        "              名称: 履职和制度\n"
        "              分值: 20\n"
        "              类型: 清单\n"
        "              清单:\n"
        "                - {事项: 部署分解, 分值: 5}\n"
        "                - {事项: 廉政党课, 分值: 5}\n"
        "                - {制度: 谈话诫勉, 分值: 10}\n"
        "        - 名称: 廉洁\n"
        "          分值: 20\n"
        "          指标:\n"
        "            - {编号: C1, 名称: 融入业务, 分值: 10, 类型: 评定, 评定项目: 融入业务, 等次: {好: 100, 较好: 80, 一般: 60}}\n"
        "            - {编号: C2, 名称: 扣分, 分值: 10, 类型: 扣分, 扣分标准: {通报批评: 3, 重大案件: 8, 纪律处分: 10}}\n"
        "    正职:\n"
        "      标准:\n"
        "        - 名称: 全部\n"
        "          分值: 100\n"
        "          指标:\n"
        "            - {编号: A1, 名称: 任务, 分值: 50, 类型: 任务完成}\n"
        "            - {编号: A2, 名称: 测评, 分值: 20, 类型: 民主测评, 选项: {满意: 100}, 类别权重: {干部: 100}}\n"
        "            - {编号: C1, 名称: 融入业务, 分值: 10, 类型: 评定, 评定项目: 融入业务, 等次: {好: 100, 较好: 80, 一般: 60}}\n"
        "            - {编号: C2, 名称: 扣分, 分值: 20, 类型: 扣分, 扣分标准: {通报批评: 5, 纪律处分: 20}}\n"
        "    成员:\n"
        "      标准:\n"
        "        - 名称: 全部\n"
        "          分值: 100\n"
        "          指标:\n"
        "            - {编号: A1, 名称: 任务, 分值: 60, 类型: 任务完成}\n"
        "            - {编号: A2, 名称: 测评, 分值: 20, 类型: 民主测评, 选项: {满意: 100}, 类别权重: {干部: 100}, 有效回收率: 60}\n"
        "            - {编号: C1, 名称: 融入业务, 分值: 20, 类型: 评定, 评定项目: 融入业务, 等次: {好: 100, 较好: 80, 一般: 60}}\n"
        "  一票否决:\n"
        "    - {编号: V1, 名称: 正职受处分, 条件: 处分, 对象: [班子], 最高等次: 不合格}\n"
        "    - {编号: V2, 名称: 本人受处分, 条件: 处分, 对象: [正职, 成员], 最高等次: 不合格}\n"
        "    - {编号: V3, 名称: 重大案件, 条件: 重大案件, 对象: [班子, 正职], 最高等次: 合格}\n"
        "  等次:\n"
        "    - {名称: 优秀, 最低分: 90, 条件: [无零分指标]}\n"
        "    - {名称: 良好, 最低分: 80}\n"
        "    - {名称: 合格, 最低分: 60}\n"
        "    - {名称: 不合格, 最低分: 0}\n"
        "  优秀名额: {比例: 50, 并列: [民主测评]}\n"
    ),
}


def tiny(root: Path, **changes: str | None) -> Path:
    """The tiny workspace at `root`, with files replaced (`name_yaml=text`) or removed (None)."""
    return build_changed(root, TINY, dict(changes))


def load_tiny(root: Path, **changes: str | None) -> Workspace:
    ws, problems = load_workspace(tiny(root, **changes))
    assert [p for p in problems if p.severity.value == "error"] == [], problems
    return ws


def assess_tiny(root: Path, **changes: str | None) -> Assessment:
    ws = load_tiny(root, **changes)
    scheme = scheme_of(ws)
    assert scheme is not None
    return assess(ws, scheme)
