"""`lzzr import`: workbooks and CSV files built here, into small workspaces; exact messages."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from lzzr.errors import ExitCode
from lzzr.workspace.load import load_workspace

from .helpers import MINI_CLEAN, ROOT, copy_sample, mini_workspace, run
from .xlsx_build import with_cached_values, workbook

Capsys = pytest.CaptureFixture[str]

def problems(err: str) -> str:
    """The problem lines of a refused import (on stderr, before the refusal line)."""
    lines = err.splitlines(keepends=True)
    return "".join(lines[:-1])


def last(err: str) -> str:
    return err.splitlines(keepends=True)[-1]



def _ws(tmp_path: Path, **changes: str) -> Path:
    return mini_workspace(tmp_path / "ws", clean=True, **changes)


def _upper_book(path: Path) -> Path:
    """A WPS-style upper-level list: merged title, a two-line header, a heading row, gaps."""
    rows = [
        ["示例市2026年党风廉政建设任务分工", None, None, None, None],
        ["序号", "任务内容", "责任单位", None, "完成时限"],
        [None, None, "牵头单位", "配合单位", None],
        [],
        ["一、监督执纪", None, None, None, None],
        ["1", "深化整治群众身边不正之风和腐败问题。", "市纪委监委", "市民政局", "2026年6月30日"],
        [],
        ["2", "加强对“一把手”和领导班子的监督。", "市纪委监委", None, "6月底"],
    ]
    return workbook(path, rows, merges=["A1:E1", "A2:A3", "B2:B3", "C2:D2", "E2:E3", "A5:E5"])


def test_upper_workbook_appends_records_keeping_comments(tmp_path: Path, capsys: Capsys) -> None:
    root = _ws(tmp_path, upper_yaml="# 上级文件和上级任务（注释要保留）\n" + MINI_CLEAN["upper.yaml"])
    book = _upper_book(tmp_path / "上级任务.xlsx")
    code, out, err = run(capsys, "import", str(book), str(root), "--as", "upper", "--doc", "sw1")
    assert (code, err) == (ExitCode.OK, "")
    assert out.splitlines() == [
        "新增 上级任务 S02（写入 upper.yaml，来自第 6 行）",
        "新增 上级任务 S03（写入 upper.yaml，来自第 8 行）",
        "未导入的列：牵头单位、配合单位、完成时限",
        "导入完成：工作表 Sheet1，新增 2 条，补充 0 条，修改 0 条，未变 0 条；写入 upper.yaml",
    ]
    text = (root / "upper.yaml").read_text(encoding="utf-8")
    assert text.startswith("# 上级文件和上级任务（注释要保留）\n上级文件:\n  sw1: {名称: 关于2026年党风廉政建设工作的意见")
    assert text.endswith(
        "  S02:\n    文件: sw1\n    条目: '1'\n    类别: 监督执纪\n    原文: 深化整治群众身边不正之风和腐败问题。\n"
        "  S03:\n    文件: sw1\n    条目: '2'\n    类别: 监督执纪\n    原文: 加强对“一把手”和领导班子的监督。\n")
    ws, problems = load_workspace(root)
    assert problems == [] and ws.uptasks["S03"].category == "监督执纪"


def test_upper_without_document_is_refused_at_the_row(tmp_path: Path, capsys: Capsys) -> None:
    root = _ws(tmp_path)
    before = (root / "upper.yaml").read_bytes()
    code, _out, err = run(capsys, "import", str(_upper_book(tmp_path / "上级任务.xlsx")), str(root), "--as", "upper")
    assert code == ExitCode.PROBLEMS
    assert problems(err).splitlines() == [
        "上级任务.xlsx:Sheet1!A6: error[X121] 缺少上级文件：请加一列“文件”（上级文件编号、名称或文号），或用 --doc 指定",
        "上级任务.xlsx:Sheet1!A8: error[X121] 缺少上级文件：请加一列“文件”（上级文件编号、名称或文号），或用 --doc 指定",
    ]
    assert last(err) == "未导入：2 个错误，0 个警告；改正后再运行，工作区未改动\n"
    assert (root / "upper.yaml").read_bytes() == before


TASK_HEADER = ["任务编号", "任务名称", "来源", "牵头单位", "协办单位", "责任领导", "具体负责人", "工作标准",
               "量化指标", "完成时限", "保障措施", "监督主体"]


def _task_row(tid: str, deadline: object, **cells: object) -> list[object]:
    row: dict[str, object] = {
        "任务编号": tid, "任务名称": f"任务{tid}", "来源": "S01", "牵头单位": "财政局", "协办单位": "旗纪委监委、旗委",
        "责任领导": "李志强", "具体负责人": "孙立（局长）", "工作标准": "每季度开展1次资金专项检查",
        "量化指标": "专项检查 4 次；整改率 100 %", "完成时限": deadline, "保障措施": "纳入年度目标考核；季度通报",
        "监督主体": "jw",
    }
    row.update(cells)
    return [row[h] for h in TASK_HEADER]


def test_tasks_with_dates_typed_every_way(tmp_path: Path, capsys: Capsys) -> None:
    root = _ws(tmp_path)
    deadlines = [dt.datetime(2026, 6, 30), "2026年6月30日", "2026.6.30", "2026/6/30", "6月底", 46203, "20260630"]
    rows = [TASK_HEADER] + [_task_row(f"T1{i}", d) for i, d in enumerate(deadlines)]
    code, out, _ = run(capsys, "import", str(workbook(tmp_path / "任务.xlsx", rows)), str(root), "-q")
    assert (code, out) == (ExitCode.OK, "")
    ws, problems = load_workspace(root)
    assert problems == []
    imported = [ws.tasks[f"T1{i}"] for i in range(len(deadlines))]
    assert {t.deadline for t in imported} == {dt.date(2026, 6, 30)}
    task = imported[0]
    assert (task.lead, task.co_units, task.leader, task.supervisor) == ("czj", ("jw", "qw"), "lzq", "jw")
    assert (task.person.name, task.person.post) if task.person else None == ("孙立", "局长")
    assert [(x.metric, x.value, x.unit) for x in task.targets] == [("专项检查", 4, "次"), ("整改率", 100, "%")]
    assert task.safeguards == ("纳入年度目标考核", "季度通报")
    text = (root / "tasks.yaml").read_text(encoding="utf-8")
    assert ("  T10:\n    名称: 任务T10\n    来源: [S01]\n    牵头部门: czj\n    协办单位: [jw, qw]\n    总负责人: lzq\n"
            "    具体负责人: {姓名: 孙立, 职务: 局长}\n    工作标准: 每季度开展1次资金专项检查\n    量化指标:\n"
            "      - {指标: 专项检查, 目标: 4, 单位: 次}\n      - {指标: 整改率, 目标: 100, 单位: '%'}\n"
            "    完成时限: 2026-06-30\n    保障措施: [纳入年度目标考核, 季度通报]\n    监督主体: jw\n") in text


def test_every_bad_cell_is_reported_at_once_and_nothing_written(tmp_path: Path, capsys: Capsys) -> None:
    root = _ws(tmp_path)
    before = (root / "tasks.yaml").read_bytes()
    rows = [
        TASK_HEADER,
        _task_row("T10", "长期坚持", 牵头单位="旗", 责任领导="李志", 具体负责人="孙立"),
        _task_row("T11", "2026.2.30", 来源="S9", 协办单位="旗纪委", 量化指标="全覆盖"),
        _task_row("T10", 3.5),
    ]
    code, _out, err = run(capsys, "import", str(workbook(tmp_path / "任务.xlsx", rows, title="分解")), str(root))
    assert code == ExitCode.PROBLEMS
    assert problems(err).splitlines() == [
        "任务.xlsx:分解!D2: error[X110] 任务 T10: 牵头部门「旗」不唯一，可能是：财政局（czj）、旗纪委监委（jw）、旗委（qw）、旗政府（qzf）；请写全称或编号",
        "任务.xlsx:分解!F2: error[X111] 任务 T10: 总负责人「李志」在工作区中不存在；是否指：李志强（lzq）？",
        "任务.xlsx:分解!G2: error[X105] 任务 T10: 具体负责人「孙立」缺少职务：请写成 姓名（职务），如 孙立（旗纪委党风政风监督室主任）",
        "任务.xlsx:分解!J2: error[X101] 任务 T10: 完成时限「长期坚持」不是日期：请写成 2026-06-30、2026年6月30日、2026.6.30 或 6月底",
        "任务.xlsx:分解!C3: error[X111] 任务 T11: 来源「S9」在工作区中不存在",
        "任务.xlsx:分解!E3: warning[X112] 任务 T11: 「旗纪委」按 旗纪委监委（jw）导入；如不对请写全称或编号",
        "任务.xlsx:分解!I3: error[X106] 任务 T11: 量化指标「全覆盖」应为“指标 数值 单位”，多个用分号隔开，如：专题会议 2 次；签订率 100 %",
        "任务.xlsx:分解!J3: error[X102] 任务 T11: 完成时限「2026.2.30」不是有效日期（没有这一天）",
        "任务.xlsx:分解!A4: error[X115] 编号 T10 重复（第 2 行已有）",
        "任务.xlsx:分解!J4: error[X101] 任务 T10: 完成时限「3.5」不是日期：请写成 2026-06-30、2026年6月30日、2026.6.30 或 6月底",
    ]
    assert last(err) == "未导入：9 个错误，1 个警告；改正后再运行，工作区未改动\n"
    assert (root / "tasks.yaml").read_bytes() == before


def test_english_messages(tmp_path: Path, capsys: Capsys) -> None:
    rows = [TASK_HEADER, _task_row("T10", "长期坚持")]
    code, out, err = run(capsys, "--lang", "en", "import", str(workbook(tmp_path / "t.xlsx", rows)), str(_ws(tmp_path)))
    assert (code, out) == (ExitCode.PROBLEMS, "")  # problems on stderr, stdout keeps only data
    assert problems(err) == ("t.xlsx:Sheet1!J2: error[X101] task T10: 完成时限 '长期坚持' is not a date: write 2026-06-30, "
                   "2026年6月30日, 2026.6.30 or 6月底\n")


def test_changed_record_needs_update_and_shows_a_diff(tmp_path: Path, capsys: Capsys) -> None:
    root = _ws(tmp_path)
    rows = [["任务编号", "任务名称", "完成时限", "工作标准", "牵头部门", "来源", "总负责人", "监督主体", "保障措施",
             "具体负责人"],
            ["T02", "规范财政资金管理", "2026-11-30", "每季度开展1次资金专项检查", "czj", "S01", "lzq", "jw",
             "纳入年度目标考核", "孙立（局长）"]]
    book = workbook(tmp_path / "t.xlsx", rows)
    before = (root / "tasks.yaml").read_bytes()
    code, out, err = run(capsys, "import", str(book), str(root))
    assert code == ExitCode.PROBLEMS
    assert out.splitlines()[:3] == ["修改 任务 T02（tasks.yaml，来自第 2 行）：", "--- tasks.yaml 任务 T02", "+++ t.xlsx:Sheet1"]
    assert "-  完成时限: 2026-12-31" in out and "+  完成时限: 2026-11-30" in out
    assert err == "有 1 条已有记录与表格不同（差异见上）；未写入任何文件。确认无误后加 --update 再运行\n"
    assert (root / "tasks.yaml").read_bytes() == before
    code, out, err = run(capsys, "import", str(book), str(root), "--quiet")  # not applied: still shown
    assert code == ExitCode.PROBLEMS and out.startswith("修改 任务 T02") and err.startswith("有 1 条已有记录")
    code, out, _ = run(capsys, "import", str(book), str(root), "--update")
    assert code == ExitCode.OK and out.endswith("新增 0 条，补充 0 条，修改 1 条，未变 0 条；写入 tasks.yaml\n")
    assert "--- tasks.yaml 任务 T02" in out
    (root / "tasks.yaml").write_bytes(before)
    code, out, err = run(capsys, "import", str(book), str(root), "--update", "--quiet")  # applied: nothing to say
    assert (code, out, err) == (ExitCode.OK, "", "")
    ws, problems = load_workspace(root)
    assert problems == [] and ws.tasks["T02"].deadline == dt.date(2026, 11, 30)
    code, out, _ = run(capsys, "import", str(book), str(root))
    assert (code, out) == (ExitCode.OK, "没有需要写入的内容（1 条记录与工作区相同）\n")


def test_dry_run_writes_nothing(tmp_path: Path, capsys: Capsys) -> None:
    root = _ws(tmp_path)
    before = (root / "tasks.yaml").read_bytes()
    rows = [TASK_HEADER, _task_row("T10", "2026-06-30")]
    code, out, _ = run(capsys, "import", str(workbook(tmp_path / "t.xlsx", rows)), "-w", str(root), "--dry-run")
    assert code == ExitCode.OK
    assert out.splitlines()[-1] == "试运行：将新增 1 条，补充 0 条，修改 0 条，未变 0 条；未写入任何文件"
    assert (root / "tasks.yaml").read_bytes() == before


def test_gbk_csv_of_progress(tmp_path: Path, capsys: Capsys) -> None:
    root = _ws(tmp_path)
    csv = "任务编号,完成情况,完成日期,佐证材料,进展\r\nT01,已完成,2026年12月20日,示党发〔2026〕8号；会议纪要,按期完成\r\n" \
          "T02,进行中,,,正在推进\r\n"
    path = tmp_path / "进展.csv"
    path.write_bytes(csv.encode("gbk"))
    code, out, _ = run(capsys, "import", str(path), str(root), "--as", "progress", "-q")
    assert (code, out) == (ExitCode.OK, "")
    assert (root / "progress.yaml").read_text(encoding="utf-8") == (
        "任务进展:\n  T01: {状态: 已完成, 完成日期: 2026-12-20, 依据: [示党发〔2026〕8号, 会议纪要], 说明: 按期完成}\n"
        "  T02: {状态: 进行中, 说明: 正在推进}\n")
    _, problems = load_workspace(root)
    assert problems == []


def test_csv_located_without_sheet(tmp_path: Path, capsys: Capsys) -> None:
    path = tmp_path / "进展.csv"
    path.write_text("任务编号,完成情况\nT01,差不多\nT09,已完成\n", encoding="utf-8")
    code, _out, err = run(capsys, "import", str(path), str(_ws(tmp_path)), "--as", "progress")
    assert code == ExitCode.PROBLEMS
    assert problems(err).splitlines() == [
        "进展.csv:B2: error[X114] 任务进展 T01: 状态「差不多」应为 已完成、未完成、进行中 之一",
        "进展.csv:A3: error[X111] 任务编号「T09」在工作区中不存在；是否指：落实责任制（T01）、签订责任书（T01.1）、规范财政资金管理（T02）？",
    ]


def test_empty_sheet(tmp_path: Path, capsys: Capsys) -> None:
    code, _out, err = run(capsys, "import", str(workbook(tmp_path / "空.xlsx", [])), str(_ws(tmp_path)))
    assert (code, problems(err)) == (ExitCode.PROBLEMS, "空.xlsx:Sheet1: error[X141] 工作表 Sheet1 是空的，没有可导入的内容\n")


def test_sheet_without_header(tmp_path: Path, capsys: Capsys) -> None:
    book = workbook(tmp_path / "x.xlsx", [["姓名", "电话"], ["张三", "123"]])
    code, _out, err = run(capsys, "import", str(book), str(_ws(tmp_path)), "--as", "upper")
    assert code == ExitCode.PROBLEMS
    assert problems(err) == ("x.xlsx:Sheet1: error[X142] 找不到表头：导入为“上级任务”时，前 20 行中应有一行写着 编号、文件、条目、原文、类别 等列名"
                   "（可在 lzzr.yaml 的“导入列名”中另设）\n")


def test_formulas_read_their_saved_values_or_are_refused(tmp_path: Path, capsys: Capsys) -> None:
    root = _ws(tmp_path)
    rows = [["领导", "事项", "日期"], ["王建国", "廉政党课", "=DATE(2026,5,15)"]]
    book = workbook(tmp_path / "履职.xlsx", rows)
    code, _, err = run(capsys, "import", str(book), str(root), "--as", "duties")
    assert code == ExitCode.PROBLEMS
    assert problems(err) == ("履职.xlsx:Sheet1!C2: error[X006] 公式 =DATE(2026,5,15) 没有保存的计算结果；"
                   "请在 Excel/WPS 中打开、保存后再导入（或把公式改为数值）\n")
    with_cached_values(book, {"C2": "46157"})
    code, _out, err = run(capsys, "import", str(book), str(root), "--as", "duties", "-q")
    assert (code, problems(err)) == (ExitCode.OK, "")
    assert (root / "duties.yaml").read_text(encoding="utf-8") == (
        "履职记录:\n  wjg:\n    记录:\n      - {事项: 廉政党课, 日期: 2026-05-15}\n")


def test_duty_entries_are_added_to_a_log_on_file(tmp_path: Path, capsys: Capsys) -> None:
    duties = "履职记录:\n  wjg:  # 旗委书记\n    记录:\n      - {事项: 公开承诺, 日期: 2026-02-20}\n"
    root = _ws(tmp_path, duties_yaml=duties)
    rows = [["姓名", "履职事项", "日期", "佐证材料"], ["王建国", "公开承诺", "2026-02-20", None],
            ["王建国", "廉政党课", "2026年5月15日", "党课讲稿"]]
    code, out, _ = run(capsys, "import", str(workbook(tmp_path / "d.xlsx", rows)), str(root), "--as", "duties")
    assert code == ExitCode.OK
    assert out.splitlines()[0] == "补充 履职记录 wjg 的记录（duties.yaml，来自第 2 行）"
    assert (root / "duties.yaml").read_text(encoding="utf-8") == (
        "履职记录:\n  wjg:  # 旗委书记\n    记录:\n      - {事项: 公开承诺, 日期: 2026-02-20}\n"
        "      - {事项: 廉政党课, 日期: 2026-05-15, 依据: [党课讲稿]}\n")


def test_polls_one_row_per_voter_class(tmp_path: Path, capsys: Capsys) -> None:
    root = _ws(tmp_path)
    rows = [["测评对象", "单位", "测评人类别", "发放", "收回", "满意", "基本满意", "不满意"],
            ["班子", "旗纪委监委", "班子成员", 9, 9, 7, 2, None],
            ["班子", "旗纪委监委", "群众代表", 30, "28", 20, 6, 2.5]]
    code, _, err = run(capsys, "import", str(workbook(tmp_path / "p.xlsx", rows)), str(root), "--as", "polls")
    assert code == ExitCode.PROBLEMS
    assert problems(err) == "p.xlsx:Sheet1!H3: error[X104] 民主测评 MC-jw: 票数「2.5」应为非负整数（张数、票数）\n"
    rows[2][7] = 2
    code, _out, err = run(capsys, "import", str(workbook(tmp_path / "p.xlsx", rows)), str(root), "--as", "polls", "-q")
    assert (code, problems(err)) == (ExitCode.OK, "")
    assert (root / "polls.yaml").read_text(encoding="utf-8") == (
        "民主测评:\n  MC-jw:\n    对象: 班子\n    单位: jw\n    测评人:\n"
        "      班子成员: {发放: 9, 收回: 9, 票数: {满意: 7, 基本满意: 2}}\n"
        "      群众代表: {发放: 30, 收回: 28, 票数: {满意: 20, 基本满意: 6, 不满意: 2}}\n")


def test_column_names_from_the_workspace_config(tmp_path: Path, capsys: Capsys) -> None:
    config = MINI_CLEAN["lzzr.yaml"] + "导入列名:\n  任务进展:\n    状态: [落实情况]\n    依据: [台账]\n"
    root = _ws(tmp_path, lzzr_yaml=config)
    rows = [["任务编号", "落实情况", "台账"], ["T01", "未完成", "工作台账"]]
    code, out, _ = run(capsys, "import", str(workbook(tmp_path / "p.xlsx", rows)), str(root), "--as", "progress", "-q")
    assert (code, out) == (ExitCode.OK, "")
    assert "T01: {状态: 未完成, 依据: [工作台账]}" in (root / "progress.yaml").read_text(encoding="utf-8")


def test_bad_column_config_is_located_in_lzzr_yaml(tmp_path: Path, capsys: Capsys) -> None:
    config = MINI_CLEAN["lzzr.yaml"] + "导入列名:\n  任务进展:\n    进度条: [x]\n"
    rows = [["任务编号", "状态"], ["T01", "未完成"]]
    code, _out, err = run(capsys, "import", str(workbook(tmp_path / "p.xlsx", rows)),
                       str(_ws(tmp_path, lzzr_yaml=config)), "--as", "progress")
    assert code == ExitCode.PROBLEMS
    assert problems(err).splitlines() == [
        "lzzr.yaml:7:5: error[X154] 导入列名：任务进展 没有字段「进度条」；可设：任务编号、任务、状态、完成日期、实际、完成比例、依据、说明"]


def test_into_must_stay_in_the_workspace(tmp_path: Path, capsys: Capsys) -> None:
    rows = [TASK_HEADER, _task_row("T10", "2026-06-30")]
    code, _, err = run(capsys, "import", str(workbook(tmp_path / "t.xlsx", rows)), str(_ws(tmp_path)),
                       "--into", "../escape.yaml")
    assert code == ExitCode.USAGE
    assert err == "--into 应为工作区中的 .yaml 文件名（不含路径，不能是 lzzr.yaml），实为 ../escape.yaml\n"


def test_new_file_via_into_and_json(tmp_path: Path, capsys: Capsys) -> None:
    root = _ws(tmp_path)
    rows = [TASK_HEADER, _task_row("T10", "2026-06-30")]
    code, out, _ = run(capsys, "import", str(workbook(tmp_path / "t.xlsx", rows)), str(root),
                       "--into", "tasks-import.yaml", "-f", "json")
    data = json.loads(out)
    assert code == ExitCode.OK and data["written"] == ["tasks-import.yaml"]
    assert data["changes"] == [{"status": "new", "section": "任务", "id": "T10", "file": "tasks-import.yaml",
                                "row": 2, "diff": ""}]
    ws, problems = load_workspace(root)
    assert problems == [] and "T10" in ws.tasks


def test_old_xls_and_unknown_kind(tmp_path: Path, capsys: Capsys) -> None:
    path = tmp_path / "旧.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    code, _out, err = run(capsys, "import", str(path), str(_ws(tmp_path)))
    assert (code, problems(err)) == (ExitCode.PROBLEMS,
                           "旧.xls: error[X004] 这是旧版 .xls 工作簿；请在 Excel/WPS 中“另存为” .xlsx 后再导入\n")
    code, _, err = run(capsys, "import", str(path), str(_ws(tmp_path)), "--as", "people")
    assert code == ExitCode.USAGE
    assert err == "--as 应为 upper、tasks、progress、duties、polls 之一（或节名），实为 people\n"


def test_a_five_megabyte_workbook(tmp_path: Path, capsys: Capsys) -> None:
    """1,000 long upper-level items (~5 MB of hardly compressible text): read, checked, counted."""
    rng = random.Random(9704)
    chars = [chr(c) for c in range(0x4E00, 0x4E00 + 6000)]
    rows: list[list[object]] = [["序号", "任务内容", "类别"]]
    rows += [[str(i + 1), "".join(rng.choices(chars, k=2000)) + "。", "监督"] for i in range(1000)]
    book = workbook(tmp_path / "大表.xlsx", rows)
    assert 4_500_000 < book.stat().st_size < 6_500_000
    root = _ws(tmp_path)
    code, out, _ = run(capsys, "import", str(book), str(root), "--as", "upper", "--doc", "sw1", "-q")
    assert (code, out) == (ExitCode.OK, "")
    ws, problems = load_workspace(root)
    assert problems == [] and len(ws.uptasks) == 1001 and ws.uptasks["S1001"].item == "1000"


def test_the_demo_upper_workbook(tmp_path: Path, capsys: Capsys) -> None:
    """scripts/demo_workbooks.py makes the workbook `make demo` imports."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("demo_workbooks", ROOT / "scripts" / "demo_workbooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.upper(tmp_path / "上级任务-补充.xlsx")
    root = copy_sample(tmp_path / "ws")
    code, out, _ = run(capsys, "import", str(tmp_path / "上级任务-补充.xlsx"), str(root), "--as", "upper", "--doc", "sj1")
    assert code == ExitCode.OK
    assert out.splitlines() == [
        "新增 上级任务 S23（写入 upper.yaml，来自第 5 行）",
        "新增 上级任务 S24（写入 upper.yaml，来自第 8 行）",
        "未导入的列：牵头单位、配合单位、完成时限",
        "导入完成：工作表 任务分工，新增 2 条，补充 0 条，修改 0 条，未变 0 条；写入 upper.yaml",
    ]
    ws, problems = load_workspace(root)
    assert problems == [] and (ws.uptasks["S23"].category, ws.uptasks["S24"].category) == ("监督执纪问责", "作风建设")
