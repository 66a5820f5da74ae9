"""Messages of the four-principle rules P1.2–P4.5 (lzzr/rules/), in Chinese and English, keyed by code."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    "P1.2": (
        "第一责任人{who}不是发文班子{team}的正职；第一责任人应为一把手{principal}",
        "第一责任人 {who} is not the principal of the issuing team {team}; it must be the principal, {principal}",
    ),
    "P1.2.noplan": (
        "已有任务，但没有“方案”节，第一责任人未记录在案；请在数据文件中写明 方案: 班子、第一责任人、组织者（见 docs/format.md）",
        "there are tasks but no 方案 section, so no first person responsible is on record; add 方案 with 班子, 第一责任人 and 组织者 (see docs/format.md)",
    ),
    "P1.3": (
        "组织者{who}不是发文班子{team}的正职；责任分解应由一把手{principal}亲自组织",
        "组织者 {who} is not the principal of the issuing team {team}; the principal, {principal}, organises the decomposition in person",
    ),
    "P1.4.missing": (
        "一把手职责缺少：{kinds}；请为每项写明 事项 和 日期",
        "the principal's duties lack: {kinds}; plan each with 事项 and 日期",
    ),
    "P1.4.date": (
        "“{kind}”的日期{date}不在{start}至{end}之间",
        "'{kind}' is dated {date}, outside {start} to {end}",
    ),
    "P1.5.left": (
        "到完成时限{date}，总负责人{leader}已不在{top}及其下属班子任职，责任链到不了一把手{principal}；请改由届时在任的分管领导负责，或调整完成时限",
        "by the deadline {date} the 总负责人 {leader} holds no post in {top} or a team below it, so the chain of responsibility does not reach the principal {principal}; name the leader in charge by then, or change the deadline",
    ),
    "P1.5.outside": (
        "总负责人{leader}不在{top}及其下属任何班子任职，责任链到不了一把手{principal}；请改由本级分管领导负责",
        "the 总负责人 {leader} holds no post in {top} or any team below it, so the chain of responsibility does not reach the principal {principal}; name a leader of this level in charge",
    ),
    "P2.1": (
        "成员{leader}任“{title}”的任职记录没有分管单位；班子其他成员应各有分管，请填写“分管”",
        "member {leader}, as {title}, is in charge of no unit; each other member has a share: fill in 分管",
    ),
    "P2.2": (
        "成员{leader}不是任何任务的总负责人（分管：{units}）；请由其担任分管单位牵头任务的总负责人",
        "member {leader} is 总负责人 of no task (in charge of: {units}); make them 总负责人 of the tasks their units lead",
    ),
    "P2.2.nothing": ("无", "nothing"),
    "P2.3.gap": (
        "{when}单位{unit}无人分管；请在一名成员的“分管”中加入该单位",
        "{when}no member is in charge of {unit}; add it to one member's 分管",
    ),
    "P2.3.double": (
        "{when}单位{unit}同时由{names}分管；一个单位只能有一名分管领导",
        "{when}{unit} is in the charge of {names} at once; a unit has exactly one member in charge",
    ),
    "P2.4": (
        "总负责人{leader}不是牵头部门{lead}的分管领导；应为{expected}，或一把手{principals}",
        "the 总负责人 {leader} is not in charge of the lead unit {lead}; name {expected}, or the principal {principals}",
    ),
    "P2.4.when": (
        "到完成时限{date}，总负责人{leader}已不是牵头部门{lead}的分管领导；届时应为{expected}，或一把手{principals}",
        "by the deadline {date} the 总负责人 {leader} is no longer in charge of the lead unit {lead}; name {expected}, "
        "or the principal {principals}",
    ),
    "P2.4.nobody": ("（该单位无人分管）", "(nobody is in charge of it)"),
    "P2.6": (
        "成员{leader}任“{title}”时分管{unit}，但该单位的上一级班子是{upper}，而该成员不在{upper}班子任职；"
        "请改由{upper}班子的成员分管（同时在该班子任职的领导可以分管）",
        "member {leader}, as {title}, is in charge of {unit}, whose team above is {upper}, on which the member does "
        "not sit; give the charge to a member of that team (a leader who also sits on it may hold it)",
    ),
    "P2.5": (
        "成员{leader}分管 {n} 个单位，超过本班子成员分管数中位数（{median}）的两倍；请考虑调整分工",
        "member {leader} is in charge of {n} units, more than twice the team's median ({median}); consider rebalancing the division of work",
    ),
    "P3.1": (
        "没有分解到任何任务；请在任务的“来源”中写上 {id}",
        "not decomposed into any task; name {id} in a task's 来源",
    ),
    "P3.2": (
        "末级任务没有具体负责人；请填写 具体负责人 的姓名和职务，落实到岗位、落实到人",
        "a leaf task without a specific person responsible; fill in 具体负责人 with 姓名 and 职务",
    ),
    "P3.3": (
        "牵头部门{lead}不在上一级任务 {parent} 的牵头部门{parent_lead}之下；子任务不能超出上一级任务的范围",
        "the lead unit {lead} is not {parent_lead}, the lead unit of the parent task {parent}, nor below it; a sub-task stays inside its parent's remit",
    ),
    "P3.4": (
        "完成时限{date}晚于上一级任务 {parent} 的完成时限{parent_date}",
        "the deadline {date} is later than that of the parent task {parent}, {parent_date}",
    ),
    "P3.5.noteam": (
        "承担任务（{tasks}）但没有领导班子，无法与其一把手签订责任书；请在“班子”节中添加该单位的班子和正职",
        "given tasks ({tasks}) but has no leadership team whose principal can sign a letter; add its team and principal under 班子",
    ),
    "P3.5.noupper": (
        "承担任务（{tasks}）但没有上一级班子，无法签订责任书；请填写“上级”",
        "given tasks ({tasks}) but has no team above it to sign a letter with; fill in 上级",
    ),
    "P4.1": (
        "缺少「{field}」；请填写",
        "missing '{field}'; fill it in",
    ),
    "P4.1.inherit": (
        "缺少「{field}」；请填写（子任务可不填，从上一级任务继承）",
        "missing '{field}'; fill it in (a sub-task may leave it to inherit from its parent)",
    ),
    "P4.6": (
        "牵头部门{unit}同时列为协办单位；牵头部门负直接责任，请从协办单位中删去",
        "the lead unit {unit} is also listed as a co-operating unit; remove it from 协办单位",
    ),
    "P4.7.negative": (
        "量化指标“{metric}”的目标为 {value}{unit}，是负数，无法达到；请写明要达到的数量",
        "the target of '{metric}' is {value}{unit}, a negative amount; give the amount to reach",
    ),
    "P4.7.percent": (
        "量化指标“{metric}”的目标为 {value}{unit}，超过 100%，不可能达到；请改为不超过 100 的百分比",
        "the target of '{metric}' is {value}{unit}, above 100%; a percentage cannot exceed 100",
    ),
    "P4.2": (
        "监督主体{unit}就是牵头部门本身；谁的责任检查谁，请改由其他单位监督",
        "the supervising body {unit} is the lead unit itself; name another unit to supervise it",
    ),
    "P4.3": (
        "完成时限{date}不在 {year} 年度内",
        "the deadline {date} is outside the year {year}",
    ),
    "P4.4": (
        "工作标准无法检查：没有量化指标或成果，标准中也没有数字、比例或《…》；请写明数量、比例、时限或成果",
        "the work standard cannot be checked: no 量化指标 or 成果, and no number, percentage or 《…》 in it; state a quantity, rate, date or deliverable",
    ),
    "P4.4.slogans": (
        "工作标准只有口号（{words}），无法检查：没有量化指标或成果，也没有数字、比例或《…》；请写明数量、比例、时限或成果",
        "the work standard is only slogans ({words}) and cannot be checked: no 量化指标 or 成果, no number, percentage or 《…》; state a quantity, rate, date or deliverable",
    ),
    "P4.8": (
        "工作标准只有口号（{words}）；量化指标或成果可以检查，但标准本身也应写明做什么、做到什么程度",
        "the work standard is only slogans ({words}); the targets can be checked, but say in the standard what is done and how far",
    ),
    "P4.5": (
        "{field}与上级任务 {source} 原文相似度 {percent}%，疑似照抄照搬；请结合本地实际写明怎么做、做到什么程度",
        "{field} is {percent}% similar to the text of upper task {source}, as if copied; say what is done here and to what standard",
    ),
}
