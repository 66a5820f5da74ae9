"""Messages of the scoring rule types of issue 11 (fact counting, deduction rules, rates,
bonus, discretionary deductions, self-scores …), in Chinese and English, keyed by code."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    "A230": ("事项「{kind}」既不是内置事项，也不在考核方案“记录事项”中{suggest}",
             "'{kind}' is neither a built-in duty nor listed in the scheme's 记录事项{suggest}"),
    "A232": ("「{name}」按次计分（每次），不应再写“次数”", "'{name}' scores per occurrence (每次); drop 次数"),
    "A233": ("“止”{end}早于“起”{start}", "止 {end} is before 起 {start}"),
    "A234": ("履职记录的事项「{kind}」既不是内置事项，也不在考核方案“记录事项”中{suggest}；"
             "请改正事项名，或在考核方案“记录事项”中加上它",
             "duty '{kind}' is neither built in nor in the scheme's 记录事项{suggest}; "
             "correct the name or add it to 记录事项"),
    "A235": ("扣分项第 {n} 条应写且只写一种扣法（{modes}），实为：{given}",
             "deduction rule {n} needs exactly one of {modes}; found: {given}"),
    "A236": ("扣分项第 {n} 条应写“事项”（履职记录）或“制度”（配套制度）之一",
             "deduction rule {n} needs exactly one of 事项 (a duty) or 制度 (a supporting rule)"),
    "A237": ("记录事项「{kind}」已是内置事项或重复", "记录事项 '{kind}' is built in already or listed twice"),
    "A238": ("“细类”{sub}只用于履职记录的事项；请同时写“事项”", "细类 {sub} applies to a duty; add 事项"),
    "A239": ("“每人未做扣”只用于履职记录的事项，不用于制度", "每人未做扣 applies to duties, not to 制度"),
    "ax.item.each": ("{name}：{count} 次 × {each} 分{period}（最多 {max}；{shown}）→ {points}/{max}",
                     "{name}: {count} × {each}{period} (at most {max}; {shown}) → {points}/{max}"),
    "ax.period": ("，{start}至{end}", ", {start} to {end}"),
    "ax.rule.checklist_each": ("事项达到规定次数、制度已建立的，得该项分值；按次计分的，每次得规定分值，至多该项分值",
                               "a duty done the required number of times or a rule in place scores its points; "
                               "a per-occurrence item scores so much each time, up to its points"),
    "ax.cut.missing": ("{name}：应有 {required} 次，有 {count} 次{period}（{shown}），缺 {missing} 次 × {per} = 扣 {cut}",
                       "{name}: needs {required}, has {count}{period} ({shown}), {missing} missing × {per} = −{cut}"),
    "ax.cut.each": ("{name}：{count} 次{period}（{shown}）× {per} = 扣 {cut}",
                    "{name}: {count}{period} ({shown}) × {per} = −{cut}"),
    "ax.cut.member": ("{name}：{count} 名成员没有记录{period}（{shown}）× {per} = 扣 {cut}",
                      "{name}: {count} members without a record{period} ({shown}) × {per} = −{cut}"),
    "ax.cut.capped": ("（本条最多扣 {most}）", " (this rule at most −{most})"),
    "ax.rule.cuts": ("按扣分项逐条扣分，各条相加", "each deduction rule in turn, added up"),
    "ax.deduct.rules": ("扣分项 {n} 条", "{n} deduction rules"),
    "ax.rule.floor": ("最低 {floor} 分", "at least {floor}"),
    "ax.none": ("无", "none"),
}
