"""Messages of the commands (lzzr/cli/), in Chinese and English, keyed by code."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    "usage.no_workspace": ("工作区不存在：{path}", "workspace not found: {path}"),
    "usage.not_dir": ("不是文件夹：{path}", "not a folder: {path}"),
    "usage.no_config": (
        "这里没有工作区：{path} 中没有 lzzr.yaml（在工作区文件夹中运行，或用 -w 指定；新建：lzzr init 文件夹）",
        "no workspace here: {path} holds no lzzr.yaml (run inside a workspace, or name it with -w; create one: lzzr init DIR)",
    ),
    "usage.two_workspaces": (
        "工作区只能指定一个：参数 {first} 与 -w {second} 不同",
        "name the workspace once: the argument {first} and -w {second} differ",
    ),
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
    "G001": (
        "字符 {char} 在所选字体中都没有，PDF 中会显示为方框；请在 lzzr.yaml 的“字体”中加入含有该字的字体（lzzr doctor 查看字体）",
        "character {char} is in none of the chosen fonts and would print as a box; add a font that has it "
        "to 字体 in lzzr.yaml (see lzzr doctor)",
    ),
    "G002": (
        "字符 {char} 不在正文字体 {face} 中，将以后备字体印出，字形与上下文不一致；可在 lzzr.yaml 的“字体 → 仿宋”中换用字库更全的字体",
        "character {char} is not in the body face {face}; it prints in a fallback face that does not match; "
        "choose a fuller face under 字体 → 仿宋 in lzzr.yaml",
    ),
    "usage.unknown_ref": ("没有编号为 {ref} 的{kind}{suggest}", "no {kind} with id {ref}{suggest}"),
    "issue.refused": ("未生成：有 {errors} 个错误，请先改正（lzzr check）", "nothing issued: {errors} errors (see lzzr check)"),
    "issue.letters": ("责任书 {count} 份（新生成 {rendered} 份，未变 {unchanged} 份）→ {out}", "{count} letters ({rendered} rendered, {unchanged} unchanged) → {out}"),
    "issue.pledges": ("承诺书 {count} 份（新生成 {rendered} 份，未变 {unchanged} 份）→ {out}", "{count} pledges ({rendered} rendered, {unchanged} unchanged) → {out}"),
    "issue.combined": ("合订本：{path}", "combined: {path}"),
    "sign.done": ("已登记：{doc} 由 {who} 于 {date} 签字", "recorded: {doc} signed by {who} on {date}"),
    "sign.not_party": ("{who} 不是这份责任书的签订方（签订方：{parties}）", "{who} is not a party to this letter (parties: {parties})"),
    "sign.cert_without_key": ("--sign-cert 需要与 --sign-key 一起使用", "--sign-cert needs --sign-key"),
    "usage.bad_date": ("日期无效：{value}（应写作 2026-03-20 或 2026年3月20日）", "invalid date: {value} (write 2026-03-20)"),
    "usage.bad_variant": ("不支持的 PDF 变体：{value}（可用 pdf/a-1b、pdf/a-2b、pdf/a-3b、pdf/ua-1）", "unsupported PDF variant: {value} (pdf/a-1b, pdf/a-2b, pdf/a-3b, pdf/ua-1)"),
    "status.total": ("合计：已签 {signed}/{total}，签订率 {rate}", "total: {signed}/{total} signed, rate {rate}"),
    "status.unsigned": ("未签：{doc}（{names}）", "not signed: {doc} ({names})"),
    "verify.registered": ("登记在册的原件，完好（{doc}）", "registered original, intact ({doc})"),
    "verify.altered": ("与登记的 {doc} 不一致：生成后被改动过", "differs from registered {doc}: altered since issue"),
    "verify.unknown": ("登记簿中没有这份文件", "not in the register"),
    "verify.unreadable": ("无法读取：{reason}", "cannot read: {reason}"),
    "verify.sep": ("；", "; "),
    "verify.sig_unreadable": ("数字签名无法读取（文件已损坏）", "the signature cannot be read (damaged file)"),
    "S014": ("字体名“{value}”含有不允许的字符（引号、反斜杠、分号、花括号、尖括号）", "font name '{value}' contains characters that are not allowed (quotes, backslash, semicolon, braces, angle brackets)"),
    "assess.xlsx": ("考核结果：{path}", "results: {path}"),
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
