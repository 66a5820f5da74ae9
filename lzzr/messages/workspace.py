"""Messages of the workspace: files, YAML, schema, references, structure (lzzr/workspace/), in Chinese and English, keyed by code."""

from __future__ import annotations

# record kinds, as named in messages (`任务 T03: …`)
KINDS: dict[str, tuple[str, str]] = {
    "unit": ("单位", "unit"),
    "leader": ("领导", "leader"),
    "team": ("班子", "team"),
    "updoc": ("上级文件", "upper document"),
    "uptask": ("上级任务", "upper task"),
    "task": ("任务", "task"),
    "config": ("配置", "config"),
    "plan": ("方案", "plan"),
    "section": ("节", "section"),
    "progress": ("任务进展", "task progress"),
    "duties": ("履职记录", "duty record"),
    "institutions": ("配套制度", "supporting rules"),
    "poll": ("民主测评", "poll"),
    "event": ("问责事件", "accountability event"),
    "rating": ("考核评定", "rating sheet"),
    "discretion": ("酌情扣分", "discretionary deduction"),
    "selfscore": ("自评", "self-assessment"),
    "scheme": ("考核方案", "scheme"),
    "report": ("进展报告", "progress report"),
    "inspect": ("督查", "inspection"),
    "acc_rules": ("责任追究规定", "accountability rules"),
}

SEVERITY = {"error": ("错误", "error"), "warning": ("警告", "warning")}

CATALOG: dict[str, tuple[str, str]] = {
    # files and YAML
    "L001": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "L002": (
        "文件过大（{size_mb} MB，上限 {limit_mb} MB），已拒绝读取；请按部门拆分为多个文件",
        "file too large ({size_mb} MB, limit {limit_mb} MB), not read; split it into several files",
    ),
    "L003": (
        "无法识别文件编码；请用 UTF-8 保存（WPS/记事本：另存为 → 编码选 UTF-8）",
        "unknown text encoding; save the file as UTF-8",
    ),
    "L003W": (
        "文件似乎是 GBK/GB18030 编码，已按 GB18030 读取；建议转换为 UTF-8（WPS/记事本：另存为 → 编码选 UTF-8；"
        "命令行：iconv -f GB18030 -t UTF-8 {file} -o {file}.utf8 && mv {file}.utf8 {file}）",
        "the file seems to be GBK/GB18030-encoded and was read as GB18030; convert it to UTF-8: "
        "iconv -f GB18030 -t UTF-8 {file} -o {file}.utf8 && mv {file}.utf8 {file}",
    ),
    "L004": (
        "不是 YAML 文本文件（看起来是 {kind} 文件）；请把它移出工作区，或另存为 UTF-8 文本",
        "not a YAML text file (it looks like a {kind} file); move it out of the workspace "
        "or save it as UTF-8 text",
    ),
    "L005": ("YAML 语法错误：{hint_text}", "YAML syntax error: {hint_text}"),
    "L006": (
        "键「{key}」重复（第 {first_line} 行已出现）",
        "duplicate key '{key}' (already on line {first_line})",
    ),
    "L007": (
        "不允许的标签 {tag}：lzzr 只读取普通数据，不创建对象",
        "tag {tag} is not allowed: lzzr reads plain data and never builds objects",
    ),
    "L008": (
        "别名 *{anchor} 展开过大或自我引用（疑似“十亿笑声”攻击），已停止读取",
        "alias *{anchor} expands too far or refers to itself (a 'billion laughs' "
        "document?); reading stopped",
    ),
    "L009": ("一个文件只能有一个 YAML 文档（多余的 ---）", "one YAML document per file (extra ---)"),
    "L010": ("键必须是简单文本", "a key must be plain text"),
    "L011": (
        "缺少配置文件 lzzr.yaml（可用 lzzr init 生成）",
        "missing config file lzzr.yaml (lzzr init creates one)",
    ),
    "L011.yml": ("配置文件应命名为 lzzr.yaml；请把 lzzr.yml 改名", "the config file must be named lzzr.yaml; rename lzzr.yml"),
    "L012": (
        "文件为空；若不需要请删除，否则至少写一节，如“任务:”",
        "the file is empty; delete it, or write at least one section such as '任务:'",
    ),
    "L013": (
        "顶层应为“节名: 内容”的映射，实为{actual}",
        "the top level must be a mapping of sections, found {actual}",
    ),
    "L017": (
        "此处有控制字符 {char}，YAML 不允许；请删除它（常见于文件损坏，或从别处粘贴时带入）",
        "a control character {char} here, which YAML does not allow; delete it (a damaged file, or pasted in)",
    ),
    "L014": ("未知的节「{key}」{suggest}；可用的节：{allowed}", "unknown section '{key}'{suggest}; sections: {allowed}"),
    "L015": (
        "配置项「{key}」应写在 lzzr.yaml 中",
        "config key '{key}' belongs in lzzr.yaml",
    ),
    "L016": (
        "不支持合并键“<<”；请把要共用的字段直接写在每条记录里",
        "merge keys ('<<') are not supported; write the shared fields in each record",
    ),
    # syntax hints
    "hint.tab": ("不能用制表符（Tab）缩进，请改用空格", "tab characters cannot indent YAML; use spaces"),
    "hint.unclosed": (
        "引号未闭合（引号从第 {from_line} 行第 {from_col} 列开始）",
        "unclosed quote (opened at line {from_line}, column {from_col})",
    ),
    "filekind.binary": ("二进制", "binary"),
    "hint.colon": (
        "此处不能出现“: ”；值中含冒号时请加引号",
        "': ' is not allowed here; quote a value that contains a colon",
    ),
    "hint.indent": ("缩进不一致，找不到应有的键", "inconsistent indentation: expected a key"),
    "hint.dash": ("列表项缩进不一致，缺少“- ”", "inconsistent list indentation: expected '- '"),
    "hint.nocolon": ("缺少“:”", "expected ':'"),
    "hint.alias": ("引用了未定义的锚点 *{detail}", "alias to an undefined anchor *{detail}"),
    "hint.reserved": ("值不能以“@”或“`”开头；请给这个值加引号", "a value cannot start with '@' or '`'; quote it"),
    "hint.fullwidth_colon": ("“：”是全角冒号，请改为半角冒号加空格“: ”", "'：' is a full-width colon; use ': ' (ASCII colon and a space)"),
    "hint.nospace": ("冒号“:”后面要加一个空格", "put a space after the colon ':'"),
    "hint.fullwidth_comma": ("“，”是全角逗号，请改为半角逗号“,”", "'，' is a full-width comma; use ','"),
    "hint.brace": ("花括号“{{”未闭合，请在这一行末尾补上“}}”", "unclosed '{{': add '}}' at the end of the line"),
    "hint.bracket": ("方括号“[”未闭合，请在这一行末尾补上“]”", "unclosed '[': add ']' at the end of the line"),
    "hint.anchor": ("锚点重复定义", "duplicate anchor"),
    "hint.other": ("{detail}", "{detail}"),
    # schema
    "S001": ("缺少必填字段「{field}」", "missing required field '{field}'"),
    "S002": ("未知字段「{key}」{suggest}", "unknown field '{key}'{suggest}"),
    "S003": ("「{field}」应为{expected}，实为{actual}", "'{field}' must be {expected}, found {actual}"),
    "S004": ("「{field}」的取值应为 {expected}，实为 '{value}'", "'{field}' must be one of {expected}, found '{value}'"),
    "S005": ("「{field}」日期无效：'{value}'，{why}", "'{field}': invalid date '{value}', {why}"),
    "S006.name": (
        "编号 '{id}' 不合规：“{id}”是{kind} {ref} 的名称，这里请写编号 {ref}",
        "id '{id}' is malformed: '{id}' is the name of {kind} {ref}; write its id {ref} here",
    ),
    "S006": (
        "编号 '{id}' 不合规：应以字母开头，仅含字母、数字、_ . -，不超过 32 个字符",
        "id '{id}' is malformed: start with a letter; letters, digits, _ . - only; at most 32 characters",
    ),
    "S007": ("「{field}」{detail}", "'{field}': {detail}"),
    "S008": ("「{field}」不能为空", "'{field}' must not be empty"),
    "S010": ("记录应为映射（键: 值），实为{actual}", "a record must be a mapping (key: value), found {actual}"),
    "S011": ("任职终止日期（止）早于起始日期（起 {start}）", "the post ends (止) before it starts (起 {start})"),
    "item": ("{field}第 {n} 项", "item {n} of {field}"),
    "S015": (
        "“：”是全角冒号，YAML 无法在此分开编号和内容；请改为半角冒号加空格：{id}: …",
        "'：' is a full-width colon: YAML cannot split the id from its content here; write a half-width colon and a space: {id}: …",
    ),
    "S016": (
        "具体负责人缺少「{field}」：请写 {{姓名: …, 职务: …}}，或写 {{领导: 领导编号}}（班子中的领导）",
        "具体负责人 has no '{field}': write {{姓名: …, 职务: …}}, or {{领导: leader id}} (a leader of a team)",
    ),
    "S012": ("「{field}」应不小于 {bound}，实为 {value}", "'{field}' must be at least {bound}, found {value}"),
    "S013": ("「{field}」应不大于 {bound}，实为 {value}", "'{field}' must be at most {bound}, found {value}"),
    "date.format": ("应写作 2026-06-30 或 2026年6月30日", "write it as 2026-06-30 or 2026年6月30日"),
    "date.month": ("月份应为 1–12", "the month must be 1-12"),
    "date.day": ("{month}月没有这一天", "month {month} has no such day"),
    "C010": (
        "{field}“{value}”还是占位内容，请改为实际内容",
        "{field} '{value}' is still a placeholder; write the real value",
    ),
    "C011": (
        "工作区还没有“方案”节，无法印发责任分解方案；可用 lzzr init 生成带方案的新工作区，格式见 docs/format.md“方案”",
        "the workspace has no 方案 section, so no plan can be issued; see docs/format.md (方案)",
    ),
    "suggest": ("（是否指「{name}」？）", " (did you mean '{name}'?)"),
    "suggest.by_name": ("（“{ref}”是{kind} {id} 的名称；这里请写编号 {id}）", " ('{ref}' is the name of {kind} {id}: write its id {id})"),
    "suggest.by_name_many": (
        "（名为“{ref}”的{kind}有 {n} 个：{ids}；请写其中一个的编号）",
        " ({n} {kind}s are named '{ref}': {ids}; write the id of one)",
    ),
    "type.str": ("文本", "text"),
    "type.int": ("整数", "a whole number"),
    "type.float": ("数字", "a number"),
    "type.bool": ("true 或 false", "true or false"),
    "type.map": ("映射（键: 值）", "a mapping (key: value)"),
    "type.list": ("列表", "a list"),
    "type.null": ("空值", "nothing"),
    "type.date": ("日期", "a date"),
    # references
    "R001": (
        "{field} '{ref}' 不存在{suggest}",
        "{field} '{ref}' does not exist{suggest}",
    ),
    "R005": (
        "{field} '{ref}' 不唯一：名为“{ref}”的{kind}有 {n} 个：{ids}；请写其中一个的编号",
        "{field} '{ref}' is ambiguous: {n} {kind}s are named '{ref}': {ids}; write the id of one",
    ),
    "R002": ("编号重复：已在 {where} 定义", "duplicate id: already defined at {where}"),
    "R003": ("{field}构成循环：{cycle}", "{field} forms a cycle: {cycle}"),
    "R004": ("{field}不能指向自身", "{field} cannot refer to itself"),
    # structural rules
    "P1.1.none": (
        "{when}班子没有正职（一把手）；请在成员中标注“角色: 正职”",
        "{when}the team has no principal; mark one member '角色: 正职'",
    ),
    "P1.1.many": (
        "{when}班子有 {n} 名正职（{names}），应当只有一名",
        "{when}the team has {n} principals ({names}); there must be exactly one",
    ),
    "when": ("自{date}起，", "from {date}, "),
    "P1.1.gap": (
        "自{date}起班子没有正职（一把手）；请补充继任者的任职记录（角色: 正职，起: {date_iso}）",
        "from {date} the team has no principal; add the successor's post (角色: 正职, 起: {date_iso})",
    ),
}
