"""Messages of the Excel exchange phase (`lzzr import`, `lzzr forms`), in Chinese and English."""

from __future__ import annotations

CATALOG: dict[str, tuple[str, str]] = {
    # reading workbooks
    "X001": ("无法读取工作簿（{reason}）：文件损坏或不是 xlsx 文件", "cannot read the workbook ({reason}): damaged or not an xlsx file"),
    "X001.missing": ("文件不存在", "no such file"),
    "X002": ("文件过大（{size_mb} MB，上限 50 MB），已拒绝读取；请按单位拆分", "file too large ({size_mb} MB, limit 50 MB); split it by unit"),
    "X003": ("无法识别 CSV 文件的编码；请用 UTF-8 或 GBK 保存", "unknown CSV encoding; save it as UTF-8 or GBK"),
    "X004": ("这是旧版 .xls 工作簿；请在 Excel/WPS 中“另存为” .xlsx 后再导入", "an old .xls workbook; save it as .xlsx in Excel/WPS, then import"),
    "X005": ("不支持 {suffix} 文件：请导入 .xlsx 或 .csv", "{suffix} files are not supported: import .xlsx or .csv"),
    "X006": (
        "公式 {formula} 没有保存的计算结果；请在 Excel/WPS 中打开、保存后再导入（或把公式改为数值）",
        "formula {formula} has no saved result; open and save the workbook in Excel/WPS, or replace it by its value",
    ),
    "X007": ("单元格是错误值 {value}，请改正", "the cell holds the error value {value}"),
    # cell values
    "X101": (
        "{field}「{value}」不是日期：请写成 2026-06-30、2026年6月30日、2026.6.30 或 6月底",
        "{field} '{value}' is not a date: write 2026-06-30, 2026年6月30日, 2026.6.30 or 6月底",
    ),
    "X102": ("{field}「{value}」不是有效日期（没有这一天）", "{field} '{value}' is not a valid date (no such day)"),
    "X103": ("{field}「{value}」不是数字", "{field} '{value}' is not a number"),
    "X104": ("{field}「{value}」应为非负整数（张数、票数）", "{field} '{value}' must be a whole number (ballots, votes)"),
    "X105": (
        "{field}「{value}」缺少职务：请写成 姓名（职务），如 孙立（旗纪委党风政风监督室主任）",
        "{field} '{value}' has no post: write 姓名（职务）, e.g. 孙立（旗纪委党风政风监督室主任）",
    ),
    "X106": (
        "{field}「{value}」应为“指标 数值 单位”，多个用分号隔开，如：专题会议 2 次；签订率 100 %",
        "{field} '{value}' must be 'metric value unit', several separated by ';', e.g. 专题会议 2 次；签订率 100 %",
    ),
    "X110": ("{field}「{value}」不唯一，可能是：{candidates}；请写全称或编号", "{field} '{value}' is ambiguous: {candidates}; write the full name or the id"),
    "X111": ("{field}「{value}」在工作区中不存在", "{field} '{value}' does not exist in the workspace"),
    "X111.suggest": ("{field}「{value}」在工作区中不存在；是否指：{candidates}？", "{field} '{value}' does not exist in the workspace; did you mean {candidates}?"),
    "X112": ("「{value}」按 {label}（{id}）导入；如不对请写全称或编号", "'{value}' read as {label} ({id}); write the full name or the id if that is wrong"),
    "X113": (
        "编号「{value}」不合规：应以字母开头，只含字母、数字和 _ . -（如 T03、T03.1）",
        "id '{value}' is not valid: a letter first, then letters, digits, _ . - (e.g. T03, T03.1)",
    ),
    "X114": ("{field}「{value}」应为 {allowed} 之一", "{field} '{value}' must be one of {allowed}"),
    "X115": ("编号 {id} 重复（第 {first} 行已有）", "id {id} appears twice (already on row {first})"),
    "X116": ("{field}「{value}」应为 是 或 否（也可写 √、×）", "{field} '{value}' must be 是 or 否 (or √, ×)"),
    "X120": ("{field}「{value}」不符合要求：{detail}", "{field} '{value}' is not accepted: {detail}"),
    "X121": ("缺少 {field}", "{field} is missing"),
    "X121.doc": (
        "缺少上级文件：请加一列“文件”（上级文件编号、名称或文号），或用 --doc 指定",
        "no upper-level document: add a column 文件 (id, name or number of the document) or pass --doc",
    ),
    # workbook layout and options
    "X130": ("无法按 UTF-8 读取此 YAML 文件，不能写入；请先转换为 UTF-8（lzzr check 有说明）", "cannot read this YAML file as UTF-8 to write into it; convert it first (see lzzr check)"),
    "X141": ("工作表 {sheet} 是空的，没有可导入的内容", "sheet {sheet} is empty: nothing to import"),
    "X142": (
        "找不到表头：导入为“{kind}”时，前 20 行中应有一行写着 {expected} 等列名（可在 lzzr.yaml 的“导入列名”中另设）",
        "no header found: to import as {kind}, one of the first 20 rows must name columns like {expected} "
        "(other names can be set in lzzr.yaml, 导入列名)",
    ),
    "X143": ("{field} 列重复：只读取第一列，请删除或改名", "column {field} appears twice: only the first is read; remove or rename it"),
    "X150": ("--as 应为 {known} 之一（或节名），实为 {value}", "--as must be one of {known} (or a section name), not {value}"),
    "X151": (
        "--into 应为工作区中的 .yaml 文件名（不含路径，不能是 lzzr.yaml），实为 {value}",
        "--into must name a .yaml file directly in the workspace (no folder, not lzzr.yaml), not {value}",
    ),
    "X152": ("工作簿中没有工作表「{value}」；已有：{known}", "the workbook has no sheet '{value}'; it has: {known}"),
    "X153": ("导入列名：没有导入类别「{value}」；应为 {known} 之一", "导入列名: no import kind '{value}'; use one of {known}"),
    "X154": ("导入列名：{kind} 没有字段「{value}」；可设：{known}", "导入列名: {kind} has no field '{value}'; fields: {known}"),
    # returned fill-in forms
    "X160": ("这是 {year} 年度的填报表，工作区是 {ws_year} 年度，未导入", "a form of {year}, the workspace is {ws_year}: not imported"),
    "X161": ("填报表的单位 {unit} 在工作区中不存在，未导入", "the form's unit {unit} does not exist in the workspace: not imported"),
    "X162": ("这是 {unit} 的填报表，不是 {expected} 的，未导入", "this is the form of {unit}, not of {expected}: not imported"),
    "X163": ("这是“{period}”的填报表，不是“{expected}”的，未导入", "this form is for '{period}', not '{expected}': not imported"),
    "X164": (
        "{unit} 的填报表是按变更前的任务生成的，未导入；请用 lzzr forms 重新生成并下发",
        "the form of {unit} was made before the tasks changed: not imported; make and send it again (lzzr forms)",
    ),
    "X165": ("不是 {unit} 牵头的任务，不能在其填报表中填报", "not a task {unit} leads: it cannot be reported on its form"),
    "X166": ("不是 {unit} 的主要负责人，不能在其填报表中填报", "not the principal of {unit}: cannot be reported on its form"),
    "forms.done": ("已生成 {count} 份填报表（{period}）：{folder}", "wrote {count} forms ({period}) into {folder}"),
    "forms.no_unit": ("没有需要填报的单位：{unit} 不牵头任何任务", "nothing to fill in: {unit} leads no task"),
    "forms.refused": ("工作区有 {errors} 个错误，未生成填报表；请先运行 lzzr check", "the workspace has {errors} errors: no forms written; run lzzr check"),
    # outcome
    "import.new": ("新增 {section} {id}（写入 {file}，来自第 {row} 行）", "new {section} {id} (into {file}, from row {row})"),
    "import.more": ("补充 {section} {id} 的记录（{file}，来自第 {row} 行）", "more entries for {section} {id} ({file}, from row {row})"),
    "import.changed": ("修改 {section} {id}（{file}，来自第 {row} 行）：", "change {section} {id} ({file}, from row {row}):"),
    "import.ignored": ("未导入的列：{columns}", "columns not imported: {columns}"),
    "import.done": (
        "导入完成：工作表 {sheet}，新增 {new} 条，补充 {more} 条，修改 {changed} 条，未变 {same} 条；写入 {files}",
        "imported sheet {sheet}: {new} new, {more} extended, {changed} changed, {same} unchanged; wrote {files}",
    ),
    "import.nothing": ("没有需要写入的内容（{same} 条记录与工作区相同）", "nothing to write ({same} records as in the workspace)"),
    "import.dry_run": (
        "试运行：将新增 {new} 条，补充 {more} 条，修改 {changed} 条，未变 {same} 条；未写入任何文件",
        "dry run: {new} new, {more} extended, {changed} changed, {same} unchanged; nothing written",
    ),
    "import.pending": (
        "有 {changed} 条已有记录与表格不同（差异见上）；未写入任何文件。确认无误后加 --update 再运行",
        "{changed} existing records differ from the sheet (diff above); nothing written. Add --update to apply",
    ),
    "import.refused": (
        "未导入：{errors} 个错误，{warnings} 个警告；改正后再运行，工作区未改动",
        "not imported: {errors} errors, {warnings} warnings; fix them and run again (workspace unchanged)",
    ),
}
