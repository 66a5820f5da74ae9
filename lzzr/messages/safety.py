"""Messages of the safeguards (the workspace lock, the register's versions, paths, limits)."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    "lock.held": (
        "工作区 {path} 正被另一个 lzzr 进程使用（进程号 {pid}，命令 {command}，开始于 {started}），"
        "等待 {wait} 秒后仍未结束；请稍后再试，或用 --wait 延长等待",
        "workspace {path} is in use by another lzzr run (pid {pid}, command {command}, started "
        "{started}) and it did not finish within {wait} s; try again later, or wait longer with --wait",
    ),
    "lock.open": ("无法打开工作区锁文件 {path}：{reason}", "cannot open the workspace lock file {path}: {reason}"),
    "lock.bad_wait": ("环境变量 {env} 的值 {value!r} 不是秒数", "environment variable {env}: {value!r} is not a number of seconds"),
    "lock.bad_config_wait": ("{where}: {key} 的值 {value!r} 不是 0 到 {most} 之间的秒数",
                             "{where}: {key} {value!r} is not a number of seconds from 0 to {most}"),
    "issue.frozen": (
        "{count} 份已签的文件内容有变，未重新生成（已签版本保持不变）：{docs}；确需重新印发时，"
        "用 --reissue 编号（旧版本及其签字留在登记簿中，标为已被取代）",
        "{count} signed documents would change and were not issued again (the signed versions stay as "
        "they are): {docs}; to re-issue one, use --reissue ID (the old version and its signatures stay "
        "on record, marked superseded)",
    ),
    "issue.left_out": (
        "合订本未收入 {count} 份已签的文件：{docs}（已签的 PDF 文件不在，或已不是登记的那一份；请从备份恢复后重新合订）",
        "the combined volume leaves out {count} signed documents: {docs} (the signed PDF is missing or no "
        "longer the registered one; restore it from a backup and combine again)",
    ),
    "issue.reissue_unknown": ("--reissue 指定的 {docs} 不在本次生成的文件中", "--reissue names {docs}, which this run does not issue"),
    "verify.superseded": (
        "登记在册的 {doc} 第 {version} 版（{issued} 印发），已被第 {current} 版（{date} 印发）取代",
        "registered {doc} version {version} (issued {issued}), superseded by version {current} (issued {date})",
    ),
    "sign.before_issue": ("签字日期 {date} 早于 {doc} 的印发日期 {issued}", "date signed {date} is before {doc} was issued ({issued})"),
    "sign.future": ("签字日期 {date} 晚于今天（{today}）", "date signed {date} is after today ({today})"),
    "sign.before_post": ("签字日期 {date} 时 {who} 尚未任 {post}（{start} 起任）",
                         "on {date} {who} did not yet hold the post {post} (from {start})"),
    "sign.after_post": ("签字日期 {date} 时 {who} 已不任 {post}（{end} 止）",
                        "on {date} {who} no longer held the post {post} (until {end})"),
    "sign.again": ("{who} 已于 {date} 签字；如需更正，加 --correct（原日期留在登记簿中）",
                   "{who} already signed on {date}; to correct it, add --correct (the old date is kept)"),
    "sign.late": ("警告：签字日期 {date} 晚于责任书签订时限 {deadline}", "warning: date signed {date} is after the deadline for letters, {deadline}"),
    "sign.file_differs": ("{file} 与登记的 {doc} 内容不一致（SHA-256 不同），不是印发的原件",
                          "{file} differs from the registered {doc} (SHA-256): not the issued original"),
    "sign.refused": ("未登记签字：{count} 个问题", "signature not recorded: {count} problems"),
    "F001": ("这个文件（符号链接）指向工作区以外，未读取", "this file (a symbolic link) leads out of the workspace; not read"),
    "path.outside": ("{path}：指向工作区以外（符号链接？），拒绝读写", "{path}: leads out of the workspace (a symbolic link?); refused"),
    "register.not_file": ("不是普通文件", "not a regular file"),
    "register.too_deep": ("嵌套过深", "nested too deep"),
    "register.shape": ("{where} 的结构不对（不是 lzzr 写的登记簿？请从备份恢复）",
                       "{where} does not have the register's shape (not written by lzzr? restore it from a backup)"),
    "verify.not_regular": ("不是普通文件", "not a regular file"),
    "archive.not_file": ("是文件夹，不是文件", "a folder, not a file"),
    "archive.not_folder": ("不是文件夹", "not a folder"),
    "archive.shape": ("顶层应为映射，{key}也应为映射", "the top level must be a mapping, and so must {key}"),
    "F002": ("嵌套超过 {depth} 层，未继续读取", "nested more than {depth} levels deep; not read further"),
    "usage.unreadable": ("无法读取工作区 {path}：{reason}", "cannot read the workspace {path}: {reason}"),
}
