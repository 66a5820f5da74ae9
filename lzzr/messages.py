"""Every user-facing message, in Chinese and English, keyed by code."""

from __future__ import annotations

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
    "L014": ("未知的节「{key}」{suggest}；可用的节：{allowed}", "unknown section '{key}'{suggest}; sections: {allowed}"),
    "L015": (
        "配置项「{key}」应写在 lzzr.yaml 中",
        "config key '{key}' belongs in lzzr.yaml",
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
    "S006": (
        "编号 '{id}' 不合规：应以字母开头，仅含字母、数字、_ . -，不超过 32 个字符",
        "id '{id}' is malformed: start with a letter; letters, digits, _ . - only; at most 32 characters",
    ),
    "S007": ("「{field}」{detail}", "'{field}': {detail}"),
    "S008": ("「{field}」不能为空", "'{field}' must not be empty"),
    "S010": ("记录应为映射（键: 值），实为{actual}", "a record must be a mapping (key: value), found {actual}"),
    "S011": ("任职终止日期（止）早于起始日期（起 {start}）", "the post ends (止) before it starts (起 {start})"),
    "item": ("{field}第 {n} 项", "item {n} of {field}"),
    "S009": ("「{field}」应在 {low} 到 {high} 之间，实为 {value}", "'{field}' must be between {low} and {high}, found {value}"),
    "date.format": ("应写作 2026-06-30 或 2026年6月30日", "write it as 2026-06-30 or 2026年6月30日"),
    "date.month": ("月份应为 1–12", "the month must be 1-12"),
    "date.day": ("{month}月没有这一天", "month {month} has no such day"),
    "suggest": ("（是否指「{name}」？）", " (did you mean '{name}'?)"),
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
    # four-principle rules P1.2–P4.5 (lzzr/rules/p1_principal.py … p4_operability.py)
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
    "P2.4.nobody": ("（该单位无人分管）", "(nobody is in charge of it)"),
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
    "P4.5": (
        "{field}与上级任务 {source} 原文相似度 {percent}%，疑似照抄照搬；请结合本地实际写明怎么做、做到什么程度",
        "{field} is {percent}% similar to the text of upper task {source}, as if copied; say what is done here and to what standard",
    ),
    # rendering engine: batch, glyph check, doctor, signatures (lzzr/batch.py, glyphs.py, doctor.py, signing.py)
    "batch.failed": ("渲染 {target} 失败：{detail}", "rendering {target} failed: {detail}"),
    "batch.crashed": (
        "渲染进程意外退出（内存不足或被系统终止？），{target} 等文档未生成；请用 --jobs 1 重试",
        "a rendering process died (out of memory, or killed?); {target} and others were not written; retry with --jobs 1",
    ),
    "batch.duplicate": ("两个文档要写入同一个文件：{target}", "two documents would be written to the same file: {target}"),
    "batch.progress": ("渲染 {done}/{total}", "rendering {done}/{total}"),
    "glyph.missing": (
        "{record}：字符「{char}」在所选字体（{fonts}）中都没有字形，PDF 中会显示为方框；请安装含该字的字体并在 lzzr.yaml 的“字体”中配置",
        "{record}: the character {char} has no glyph in the chosen fonts ({fonts}) and would print as a box; install a font that has it and name it under 字体 in lzzr.yaml",
    ),
    "glyph.fallback": (
        "{record}：字符「{char}」不在{role}字体 {face} 中，将以后备字体印出，字形与上下文不一致",
        "{record}: the character {char} is not in the {role} face {face}; it prints in a fallback face that does not match",
    ),
    "role.fangsong": ("仿宋", "FangSong"),
    "role.song": ("宋体", "Song"),
    "role.hei": ("黑体", "Hei"),
    "role.kai": ("楷体", "Kai"),
    "role.title": ("小标宋", "XiaoBiaoSong (titles)"),
    "doctor.fonts": ("字体：", "fonts:"),
    "doctor.role": ("  {role}：{face}", "  {role}: {face}"),
    "doctor.role_borrowed": (
        "  {role}：未找到，借用{other}字体 {face}",
        "  {role}: none found, borrowing the {other} face {face}",
    ),
    "doctor.role_none": ("  {role}：未找到任何字体", "  {role}: no face found"),
    "doctor.configured": ("    已配置：{faces}", "    configured: {faces}"),
    "doctor.defaults": ("    默认：{faces}", "    defaults: {faces}"),
    "doctor.system": ("系统组件：", "system:"),
    "doctor.item": ("  {item}：{state}", "  {item}: {state}"),
    "doctor.found": ("正常", "ok"),
    "doctor.missing": ("缺少", "missing"),
    "doctor.too_old": ("版本过旧（至少需要 {minimum}）", "too old (needs {minimum} or later)"),
    "doctor.no_subset": (
        "缺少（中文文档每份需约 8 秒，而不是 0.2 秒）",
        "missing (a Chinese document takes ~8 s instead of ~0.2 s)",
    ),
    "doctor.fix": ("修复：{command}", "to fix: {command}"),
    "doctor.fix_fonts": ("安装免费的仿宋、楷体字体：make fonts", "free FangSong and Kai faces: make fonts"),
    "doctor.ok": ("一切就绪", "all set"),
    "signing.read": ("无法读取 {path}：{detail}", "cannot read {path}: {detail}"),
    "signing.not_pkcs12": ("{path} 不是 PKCS#12（.p12/.pfx）文件", "{path} is not a PKCS#12 (.p12/.pfx) file"),
    "signing.passphrase": ("{path} 的密码错误或未提供", "wrong or missing passphrase for {path}"),
    "signing.not_key": ("{path} 中没有私钥", "{path} holds no private key"),
    "signing.not_cert": ("{path} 中没有证书", "{path} holds no certificate"),
    "signing.mismatch": ("{path} 的私钥与证书不匹配", "the private key in {path} does not match the certificate"),
    "signing.expired": (
        "证书 CN={name} 的有效期为 {start} 至 {end}，当前不在有效期内",
        "the certificate CN={name} is valid from {start} to {end}, not now",
    ),
    "signing.failed": ("签名失败：{detail}", "signing failed: {detail}"),
    "signing.not_pdf": ("不是可读取的 PDF 文件：{detail}", "not a readable PDF file: {detail}"),
    "sig.trusted": ("签名有效，文件自签名后未改动；签名人 CN={signer}，{when}", "valid signature, unchanged since signing; signed by CN={signer} at {when}"),
    "sig.untrusted": (
        "签名有效，文件自签名后未改动；签名人 CN={signer}，{when}（证书未列为可信：自签名或内部证书）",
        "valid signature, unchanged since signing; signed by CN={signer} at {when} (certificate not trusted: self-signed or internal)",
    ),
    "sig.modified": (
        "签名本身有效，但签名后文件又被修改；签名人 CN={signer}，{when}",
        "the signature is valid, but the file was changed after signing; signed by CN={signer} at {when}",
    ),
    "sig.altered": ("文件在签名后被篡改（签名 {field} 覆盖的内容已改变）", "altered after signing (the bytes signature {field} covers have changed)"),
    "sig.invalid": ("签名无效（与证书的密钥不符）；签名人 CN={signer}", "invalid signature (does not match the certificate's key); signer CN={signer}"),
    # command-level
    "usage.no_workspace": ("工作区不存在：{path}", "workspace not found: {path}"),
    "usage.not_dir": ("不是文件夹：{path}", "not a folder: {path}"),
    "usage.error": ("用法错误：{detail}（lzzr --help 查看用法）", "usage error: {detail} (see lzzr --help)"),
    "internal": (
        "内部错误：{detail}（加 --debug 重新运行可查看详细信息，并请报告此问题）",
        "internal error: {detail} (rerun with --debug for details, and please report it)",
    ),
    "C001": ("规则设置中的 {rule} 不是已有规则（已有：{known}），已忽略", "rule setting {rule} names no known rule ({known}); ignored"),
    "decompose.refused": (
        "未印发：{errors} 个错误，{warnings} 个警告；请先改正后再运行 lzzr decompose",
        "nothing issued: {errors} errors, {warnings} warnings; fix them and run lzzr decompose again",
    ),
    "decompose.done": ("已生成：{files}", "written: {files}"),
    "usage.csv_needs_by": ("--format csv 需要同时指定 --by leader 或 --by unit", "--format csv needs --by leader or --by unit"),
    "register.bad": ("登记簿 {path} 无法读取：{detail}", "cannot read the register {path}: {detail}"),
    "register.unknown": ("登记簿中没有 {ref}（先用 lzzr letters 生成）", "{ref} is not in the register (issue it with lzzr letters first)"),
    "rule_setting": ("规则设置：{rule} → {setting}", "rule setting: {rule} → {setting}"),
    "rules.unknown": ("没有规则 {rule}；已有规则：{known}", "no rule {rule}; known rules: {known}"),
    "usage.bad_kind": ("--kind 应为 all、config 或 data，实为 {value}", "--kind must be all, config or data, not {value}"),
    "render.template": ("模板 {template} 出错：{detail}", "template {template} failed: {detail}"),
    "render.attachment": (
        "模板 {template} 试图在 PDF 中嵌入附件（rel=attachment），已拒绝",
        "template {template} tries to embed an attachment in the PDF (rel=attachment); refused",
    ),
    "fonts.none": ("找不到任何中文字体，无法生成 PDF；请安装：{hint}", "no Chinese font found, cannot render PDFs; install: {hint}"),
    "plan.missing": (
        "缺少印发责任分解方案所需的内容：{missing}（格式见 docs/format.md）",
        "the workspace lacks what the plan needs: {missing} (see docs/format.md)",
    ),
    "interrupted": ("已中断", "interrupted"),
    "summary": (
        "检查完成：{errors} 个错误，{warnings} 个警告（{files} 个文件；单位 {units}，领导 {leaders}，"
        "班子 {teams}，上级任务 {uptasks}，任务 {tasks}）",
        "checked: {errors} errors, {warnings} warnings ({files} files; {units} units, "
        "{leaders} leaders, {teams} teams, {uptasks} upper tasks, {tasks} tasks)",
    ),
    "init.exists": (
        "拒绝覆盖已有文件：{files}",
        "refusing to overwrite existing files: {files}",
    ),
    "init.done": ("已创建工作区 {path}（{year} 年度）：{files}", "created workspace {path} for {year}: {files}"),
    "init.from_bad": (
        "上一年度工作区有错误，无法结转；请先运行 lzzr check {path}",
        "the previous workspace has errors; run lzzr check {path} first",
    ),
}
