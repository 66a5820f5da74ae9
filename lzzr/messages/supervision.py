"""Messages of the supervision phase (status, remind, calendar, report, dashboard), zh and en."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # records: 进展报告, 督查
    "V101": ("报送日期{date}不在 {year} 年度内", "the report is dated {date}, outside the year {year}"),
    "V111": ("督查日期{date}不在 {year} 年度内", "the inspection is dated {date}, outside the year {year}"),
    "V112": ("第{n}个问题的整改时限{date}早于督查日期{found}",
             "finding {n}: the rectification deadline {date} is before the inspection ({found})"),
    "V113": ("第{n}个问题的销号日期{date}早于督查日期{found}",
             "finding {n}: closed on {date}, before the inspection found it ({found})"),
    # the scheme's indicator type 整改 (lzzr/rectify_score.py)
    "ax.rule.rectify": ("督查发现问题按期整改销号计 1，逾期销号或未整改计 0；到期（或已销号）的问题才计入",
                        "a finding closed by its deadline counts 1, closed late or open 0; only findings due "
                        "(or closed) count"),
    "ax.rectify.none": ("没有到期的整改事项，得满分", "no rectification due: full points"),
    "ax.rectify.item": ("{id} {problem}：{how}", "{id} {problem}: {how}"),
    "ax.rectify.input": ("到期的整改事项 {n} 项", "{n} rectifications due"),
    "ax.rectify.ontime": ("{date}销号（时限{deadline}），计 1", "closed {date} (deadline {deadline}): 1"),
    "ax.rectify.late": ("{date}销号，超过时限{deadline}，计 0", "closed {date}, after the deadline {deadline}: 0"),
    "ax.rectify.open": ("逾期未整改（时限{deadline}），计 0", "open past the deadline {deadline}: 0"),
    "ax.calc.rectify": ("{good} ÷ {n} = {rate}；{max} × {rate} = {points}",
                        "{good} ÷ {n} = {rate}; {max} × {rate} = {points}"),
    "ax.calc.rectify_none": ("按满分计 {points}", "full points, {points}"),
    # states
    "sv.state.done": ("已完成", "done"),
    "sv.state.overdue": ("逾期", "overdue"),
    "sv.state.due_soon": ("临近到期", "due soon"),
    "sv.state.on_track": ("按计划推进", "on track"),
    "sv.state.not_due": ("未到期", "not due"),
    "sv.unreported": ("未报送", "not reported"),
    "sv.yes": ("是", "yes"),
    # command-line problems
    "sv.bad_date": ("日期 '{value}' 无法识别；请写 2026-07-15 或 2026年7月15日",
                    "cannot read the date '{value}'; write 2026-07-15"),
    "sv.bad_period": ("时段 '{value}' 无法识别；请写 2026、2026H1、2026H2 或 2026Q1–2026Q4",
                      "cannot read the period '{value}'; write 2026, 2026H1, 2026H2 or 2026Q1-2026Q4"),
    # lzzr.yaml → 发文 → 落实情况报告 → 时段 (lzzr/workspace/model.py PERIOD_PATTERN, located by validate.py)
    "S017": ("「{field}」无法识别：'{value}'；请写 2026、2026H1、2026H2 或 2026Q1–2026Q4",
             "'{field}': cannot read the period '{value}'; write 2026, 2026H1, 2026H2 or 2026Q1-2026Q4"),
    "S018": ("「{field}」'{value}' 与第 {first} 项重复：每个时段只写一项（一个文号、一个日期）",
             "'{field}': the period '{value}' is listed twice (entry {first} has it already); write one entry per period"),
    # two documents lzzr issues with one 文号 (lzzr/workspace/doc_numbers.py): the variant names the first
    "S019": ("「{field}」'{value}' 与 lzzr.yaml 发文 → 落实情况报告 第 {first} 项（{period}）的文号重复：两份公文不能用同一发文字号",
             "'{field}': the document number '{value}' is already that of entry {first} ({period}) of lzzr.yaml "
             "发文 → 落实情况报告; no two documents may share one"),
    "S019.plan": ("「{field}」'{value}' 与 lzzr.yaml 发文 → 责任分解方案 的文号重复：两份公文不能用同一发文字号",
                  "'{field}': the document number '{value}' is already that of lzzr.yaml 发文 → 责任分解方案; "
                  "no two documents may share one"),
    "S019.decision": ("「{field}」'{value}' 与问责事件 {first} 的责任追究决定文号重复：两份公文不能用同一发文字号",
                      "'{field}': the document number '{value}' is already that of the decision on accountability "
                      "event {first}; no two documents may share one"),
    "sv.no_unit": ("没有单位 '{unit}'{suggest}", "no unit '{unit}'{suggest}"),
    "sv.no_leader": ("没有领导 '{leader}'{suggest}", "no leader '{leader}'{suggest}"),
    "sv.written": ("已写入 {path}", "written: {path}"),
    "sv.report_unnumbered": (
        "lzzr.yaml 的 发文 → 落实情况报告 没有时段 {period} 的序号：请添加一项（时段: {period}，序号: …）"
        "或用 --number 指定",
        "lzzr.yaml 发文 → 落实情况报告 has no 序号 for the period {period}: add an entry "
        "(时段: {period}, 序号: …) or give --number"),
    "sv.refused": ("工作区有 {errors} 个错误，无法统计落实情况；请先运行 lzzr check",
                   "the workspace has {errors} errors; run lzzr check first"),
}
CATALOG.update({
    # lzzr remind
    "rm.summary": ("截至{date}需要办理的事项 {n} 项：{tiers}", "{n} items need action as of {date}: {tiers}"),
    "rm.tier": ("{tier} {n} 项", "{tier} {n}"),
    "rm.sep": ("，", ", "),
    "rm.line": ("  [{tier}] {kind}：{what}（{unit}）—— {when}", "  [{tier}] {kind}: {what} ({unit}) - {when}"),
    "rm.person": ("{name}（{n} 项）", "{name} ({n})"),
    "rm.kind.task": ("任务", "task"),
    "rm.kind.duty": ("一把手职责", "principal's duty"),
    "rm.kind.rectify": ("整改", "rectification"),
    "rm.late": ("时限{date}，已逾期 {days} 天", "due {date}, {days} days overdue"),
    "rm.today": ("时限{date}，今天到期", "due {date}, today"),
    "rm.ahead": ("时限{date}，还有 {days} 天", "due {date}, {days} days left"),
})
