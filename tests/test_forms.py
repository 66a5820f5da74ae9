"""`lzzr forms`: a fill-in workbook per unit, filled here with openpyxl, read back by `lzzr import`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from lzzr.assess.run import assess_workspace
from lzzr.errors import ExitCode
from lzzr.workspace.load import load_workspace

from .helpers import copy_sample, run

Capsys = pytest.CaptureFixture[str]
ALTSM = "2026-填报表-阿拉坦苏木-altsm.xlsx"


@pytest.fixture()
def sample(tmp_path: Path, capsys: Capsys) -> tuple[Path, Path]:
    """A copy of the sample and the forms made from it."""
    ws = copy_sample(tmp_path / "ws")
    code, out, _ = run(capsys, "forms", str(ws), "--out", str(tmp_path / "forms"))
    assert (code, out) == (ExitCode.OK, f"已生成 38 份填报表（2026年度）：{tmp_path / 'forms'}\n")
    return ws, tmp_path / "forms"

def problems(err: str) -> str:
    """The problem lines of a refused import (on stderr, before the refusal line)."""
    lines = err.splitlines(keepends=True)
    return "".join(lines[:-1])


def last(err: str) -> str:
    return err.splitlines(keepends=True)[-1]



def _fill(form: Path, dest: Path, tasks: dict[str, list[object]], duties: dict[str, list[object]]) -> Path:
    """Fill the form's rows by task id / duty kind: values for the columns after the given ones."""
    book = load_workbook(form)
    for sheet, rows, first in ((book["任务进展"], tasks, 6), (book["履职记录"], duties, 4)):
        for row in sheet.iter_rows(min_row=4):
            key = row[0].value if sheet.title == "任务进展" else row[1].value
            for i, value in enumerate(rows.get(str(key), [])):
                row[first - 1 + i].value = value
    book.save(dest)
    return dest


def test_a_form_per_unit_with_locked_tasks_lists_and_identity(sample: tuple[Path, Path]) -> None:
    _, forms = sample
    book = load_workbook(forms / ALTSM)
    assert book.sheetnames == ["任务进展", "履职记录", "_lzzr"]
    assert book["_lzzr"].sheet_state == "veryHidden"
    identity = {k: v for k, v in book["_lzzr"].iter_rows(values_only=True)}
    assert {k: identity[k] for k in ("类别", "单位", "年度", "期间")} == {
        "类别": "填报表", "单位": "altsm", "年度": 2026, "期间": "2026年度"}
    assert book.properties.keywords.startswith("lzzr:类别=填报表;单位=altsm;年度=2026;期间=2026年度;版本=")
    tasks = book["任务进展"]
    assert tasks["A1"].value == "示例旗2026年度党风廉政建设任务进展填报表（阿拉坦苏木）"
    assert [c.value for c in tasks[3]] == ["任务编号", "任务", "工作标准", "量化指标", "完成时限", "完成情况",
                                         "完成日期", "实际值", "完成比例", "佐证材料", "进展情况"]
    assert [tasks.cell(r, 1).value for r in range(4, tasks.max_row + 1)] == ["SM07", "SM07.1", "SM07.2", "SM07.3"]
    assert isinstance(tasks["E4"].value, dt.datetime) and tasks["E4"].number_format == 'yyyy"年"m"月"d"日"'
    assert tasks.protection.sheet and tasks["A4"].protection.locked and tasks["C3"].protection.locked
    assert not any(tasks.cell(4, c).protection.locked for c in range(6, 12))
    rules = {str(v.sqref): (v.type, v.formula1) for v in tasks.data_validations.dataValidation}
    assert rules == {"F4:F7": ("list", '"已完成,未完成,进行中"'), "G4:G7": ("date", "DATE(2026,1,1)"),
                     "I4:I7": ("decimal", "0")}
    duties = book["履职记录"]
    assert [duties.cell(r, 1).value for r in range(4, 13)] == ["白玉华"] * 9
    assert duties["B4"].value == "部署分解" and duties.freeze_panes == "D4"


def test_filled_form_changes_the_assessment(sample: tuple[Path, Path], tmp_path: Path, capsys: Capsys) -> None:
    ws, forms = sample
    before = assess_workspace(ws).assessment
    assert before is not None and before.get("team:altsm").total == Decimal("84.59")
    filled = _fill(forms / ALTSM, tmp_path / "交回.xlsx",
                   {"SM07.3": ["已完成", dt.datetime(2026, 12, 20), None, None, "党员大会记录（第1—4季度）"]},
                   {"廉政谈话": ["是", "2026年11月3日", "廉政谈话记录本"]})
    code, out, err = run(capsys, "import", str(filled), str(ws))
    assert code == ExitCode.PROBLEMS
    assert out.splitlines()[:5] == [
        "修改 任务进展 SM07.3（progress.yaml，来自第 7 行）：",
        "--- progress.yaml 任务进展 SM07.3",
        "+++ 交回.xlsx:任务进展、履职记录",
        "@@ -1 +1 @@",
        "-SM07.3: {状态: 未完成, 完成比例: 75, 依据: [哈日根台嘎查党员大会记录（第1—3季度）]}    # 第四季度党员大会未召开",
    ]
    assert err.endswith("确认无误后加 --update 再运行\n")
    code, out, _ = run(capsys, "import", str(filled), str(ws), "--update", "--unit", "阿拉坦苏木", "--period", "2026年度")
    assert code == ExitCode.OK
    assert out.splitlines()[-1] == ("导入完成：工作表 任务进展、履职记录，新增 0 条，补充 1 条，修改 1 条，未变 0 条；"
                                    "写入 duties.yaml、progress.yaml")
    after = assess_workspace(ws).assessment
    assert after is not None and after.get("team:altsm").total > Decimal("84.59")
    loaded, _ = load_workspace(ws)
    assert loaded.collection("progress")["SM07.3"].status == "已完成"
    assert [e.date for e in loaded.collection("duties")["byh"].entries if e.kind == "廉政谈话"] == [
        dt.date(2026, 4, 16), dt.date(2026, 11, 3)]


def test_forms_of_another_unit_period_year_or_task_version_are_refused(
        sample: tuple[Path, Path], tmp_path: Path, capsys: Capsys) -> None:
    ws, forms = sample
    filled = _fill(forms / ALTSM, tmp_path / "交回.xlsx", {"SM07.3": ["已完成", "2026-12-20"]}, {})
    code, _, err = run(capsys, "import", str(filled), str(ws), "--unit", "hdz")
    assert (code, problems(err)) == (ExitCode.PROBLEMS, "交回.xlsx:任务进展: error[X162] 这是 阿拉坦苏木 的填报表，不是 hdz 的，未导入\n")
    code, _, err = run(capsys, "import", str(filled), str(ws), "--period", "2026年上半年")
    assert problems(err) == "交回.xlsx:任务进展: error[X163] 这是“2026年度”的填报表，不是“2026年上半年”的，未导入\n"
    book = load_workbook(filled)
    book["_lzzr"]["B3"] = 2025
    book.save(tmp_path / "去年.xlsx")
    code, _, err = run(capsys, "import", str(tmp_path / "去年.xlsx"), str(ws))
    assert problems(err) == "去年.xlsx:任务进展: error[X160] 这是 2025 年度的填报表，工作区是 2026 年度，未导入\n"
    tasks = (ws / "tasks-sumu.yaml").read_text(encoding="utf-8")
    (ws / "tasks-sumu.yaml").write_text(tasks.replace("名称: 哈日根台嘎查党务村务公开和廉洁承诺", "名称: 哈日根台嘎查党务村务公开"), encoding="utf-8")
    code, _out, err = run(capsys, "import", str(filled), str(ws))
    assert problems(err) == ("交回.xlsx:任务进展: error[X164] 阿拉坦苏木 的填报表是按变更前的任务生成的，未导入；"
                   "请用 lzzr forms 重新生成并下发\n")


def test_a_row_of_another_units_task_is_refused(sample: tuple[Path, Path], tmp_path: Path, capsys: Capsys) -> None:
    ws, forms = sample
    book = load_workbook(forms / ALTSM)
    sheet = book["任务进展"]
    sheet["A5"], sheet["F5"], sheet["G5"] = "SM01", "已完成", "2026-12-01"
    book.save(tmp_path / "改.xlsx")
    before = (ws / "progress.yaml").read_bytes()
    code, _out, err = run(capsys, "import", str(tmp_path / "改.xlsx"), str(ws))
    assert (code, problems(err)) == (ExitCode.PROBLEMS,
                           "改.xlsx:任务进展!A5: error[X165] 任务进展 SM01: 不是 阿拉坦苏木 牵头的任务，不能在其填报表中填报\n")
    assert (ws / "progress.yaml").read_bytes() == before
