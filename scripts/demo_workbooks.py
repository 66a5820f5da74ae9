"""Workbooks for `make demo`, made as a cadre would: an upper-level task list, a filled form.

    python scripts/demo_workbooks.py upper OUT.xlsx
        示例市纪委 list of two further items, WPS style: merged title, a two-line header,
        a heading row per category, text dates (所有人名、单位均为虚构).
    python scripts/demo_workbooks.py fill FORM.xlsx OUT.xlsx
        阿拉坦苏木's form filled in: SM07.3 reported done, one more 廉政谈话 ticked.
"""

from __future__ import annotations

import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]

from lzzr.render.xlsxfile import workbook_bytes


def upper(out: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "任务分工"
    rows = [
        ["示例市纪委监委2026年重点工作任务分工（补充）", None, None, None, None],
        ["序号", "任务内容", "责任单位", None, "完成时限"],
        [None, None, "牵头单位", "配合单位", None],
        ["一、监督执纪问责", None, None, None, None],
        ["1", "开展乡村振兴领域不正之风和腐败问题专项整治，建立问题线索台账并按季度销号。", "市纪委监委", "市农牧局",
         "2026年11月30日"],
        [],
        ["二、作风建设", None, None, None, None],
        ["2", "整治形式主义为基层减负，精简文件会议，规范督查检查考核事项。", "市委办公室", "市政府办公室", "12月底"],
    ]
    for row in rows:
        sheet.append(row)
    for ref in ("A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3", "A4:E4", "A7:E7"):
        sheet.merge_cells(ref)
    out.write_bytes(workbook_bytes(book))  # with SOURCE_DATE_EPOCH (make demo) the same bytes every run


def fill(form: Path, out: Path) -> None:
    book = load_workbook(form)
    tasks, duties = book["任务进展"], book["履职记录"]
    for row in tasks.iter_rows(min_row=4):
        if row[0].value == "SM07.3":
            row[5].value, row[6].value = "已完成", "2026年12月20日"
            row[9].value, row[10].value = "哈日根台嘎查党员大会记录（第1—4季度）", "第四季度党员大会已补开"
    for row in duties.iter_rows(min_row=4):
        if row[1].value == "廉政谈话":
            row[3].value, row[4].value, row[5].value = "是", "2026.11.3", "廉政谈话记录本"
    out.write_bytes(workbook_bytes(book))


if __name__ == "__main__":
    if sys.argv[1:2] == ["upper"] and len(sys.argv) == 3:
        upper(Path(sys.argv[2]))
    elif sys.argv[1:2] == ["fill"] and len(sys.argv) == 4:
        fill(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        sys.exit(__doc__)
