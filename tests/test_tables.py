"""Writing tables: terminal text that fits, CSV for Excel/WPS, JSON, xlsx."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from wcwidth import wcswidth

from lzzr.decompose.views import dynamic_view, static_view
from lzzr.render.tables import (
    Table,
    cell_text,
    sheet_title,
    tables_json,
    text_width,
    to_csv,
    to_json,
    to_text,
    wrap,
    write_table,
    write_xlsx,
)
from lzzr.workspace.load import Workspace, load_workspace

from .helpers import SAMPLE, mini_workspace

WIDTHS = [2, 10, 20, 30, 40, 60, 80, 100, 120, 200]

SMALL = Table(
    title="示例表",
    headers=["领导", "任务编号", "任务", "责任"],
    rows=[
        ["赵慧敏", "T01", "落实党风廉政建设责任制", "主要领导责任"],
        ["赵慧敏", "T01.1", "签订责任书", "主要领导责任"],
        ["王建国", "T01", "落实党风廉政建设责任制", "重要领导责任"],
    ],
    group=1,
    sheet="静态分解",
)


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    ws, problems = load_workspace(mini_workspace(tmp_path_factory.mktemp("mini")))
    assert problems == []
    return ws


@pytest.fixture(scope="module")
def sample() -> Workspace:
    ws, _ = load_workspace(SAMPLE)
    return ws


def widest(text: str) -> int:
    return max(wcswidth(line) for line in text.split("\n"))


# --- wrapping ----------------------------------------------------------------------

def test_wrap_counts_cjk_as_two_columns() -> None:
    assert wrap("党风廉政建设责任制", 6) == ["党风廉", "政建设", "责任制"]
    assert wrap("党风廉政建设责任制", 7) == ["党风廉", "政建设", "责任制"]
    assert wrap("党风廉政", 8) == ["党风廉政"]


def test_wrap_keeps_words_numbers_and_punctuation_together() -> None:
    assert wrap("open the xlsx file", 9) == ["open the", "xlsx file"]
    assert wrap("召开2次会议", 6) == ["召开", "2次会", "议"]  # 2次 stays together
    assert wrap("一二，三四", 4) == ["一", "二，", "三四"]  # no line starts with ，
    assert wrap("一二（三四）", 6) == ["一二", "（三", "四）"]  # （ never ends a line, ） never starts one
    assert wrap("（三）", 6) == ["（三）"]


def test_wrap_splits_what_is_longer_than_a_line_and_keeps_newlines() -> None:
    assert wrap("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap("第一行\n第二行", 20) == ["第一行", "第二行"]
    assert wrap("", 10) == [""]
    assert wrap("a\tb\x07c", 10) == ["a bc"]


@given(st.text(alphabet=st.sampled_from(list("党风廉政建设abcXYZ 0123，。、（）《》“”\n%.;")), max_size=80),
       st.integers(min_value=2, max_value=40))
def test_wrap_never_exceeds_the_width_nor_loses_text(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(wcswidth(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")


# --- terminal text -------------------------------------------------------------------

@pytest.mark.parametrize("width", WIDTHS)
def test_mini_views_fit_the_terminal(mini: Workspace, width: int) -> None:
    for table in (static_view(mini), dynamic_view(mini)):
        assert widest(to_text(table, width)) <= width


@pytest.mark.parametrize("width", [40, 80, 120, 160])
def test_sample_views_fit_the_terminal(sample: Workspace, width: int) -> None:
    for table in (static_view(sample), dynamic_view(sample)):
        text = to_text(table, width)
        assert widest(text) <= width
        for row in table.rows[:20]:
            assert row[table.group] in text


def test_text_prints_each_group_once_then_a_grid(mini: Workspace) -> None:
    text = to_text(static_view(mini), 80)
    assert text == (
        "示例旗2026年党风廉政建设责任分解表（静态：按领导分工）\n"
        "\n"
        "领导：王建国　职务：旗委书记\n"
        "+----------+------------+--------------+\n"
        "| 任务编号 | 任务       | 责任         |\n"
        "+==========+============+==============+\n"
        "| T01      | 落实责任制 | 重要领导责任 |\n"
        "| T01.1    | 签订责任书 | 重要领导责任 |\n"
        "+----------+------------+--------------+\n"
        "\n"
        "领导：李志强　职务：旗委副书记、旗长　分管单位：旗政府、财政局\n"
        "\n"
        "领导：赵慧敏　职务：旗委常委、纪委书记　分管单位：旗纪委监委\n"
        "+----------+------------+--------------+\n"
        "| 任务编号 | 任务       | 责任         |\n"
        "+==========+============+==============+\n"
        "| T01      | 落实责任制 | 主要领导责任 |\n"
        "| T01.1    | 签订责任书 | 主要领导责任 |\n"
        "+----------+------------+--------------+\n"
    )


def test_wrapped_rows_are_ruled_apart() -> None:
    text = to_text(SMALL, 40)
    assert widest(text) <= 40
    lines = text.split("\n")
    assert lines[2] == "领导：赵慧敏"
    assert "| 任务编号 | 任务" in lines[4]
    assert set(lines[5]) == {"+", "="}
    assert sum(1 for line in lines if line.startswith("+-")) > 2  # a rule between rows


def test_too_narrow_for_a_grid_prints_cards(mini: Workspace) -> None:
    text = to_text(dynamic_view(mini), 40)
    assert widest(text) <= 40
    assert "牵头部门：旗纪委监委\n  任务编号：T01\n  任务：落实责任制\n" in text
    assert "  具体负责人：孙立（主任）\n" in text
    assert "+" not in text


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(st.text(alphabet=st.sampled_from(list("责任分解ab1 ，\n")), max_size=30),
                      min_size=4, max_size=4), max_size=6),
    st.integers(min_value=2, max_value=100),
    st.integers(min_value=0, max_value=4),
)
def test_any_table_fits(rows: list[list[str]], width: int, group: int) -> None:
    table = Table("标题", ["甲", "乙乙乙乙", "c", "丁"], rows, group=group)
    assert widest(to_text(table, width)) <= width


def test_empty_table_shows_its_headers() -> None:
    text = to_text(Table("空表", ["任务编号", "任务"], []), 80)
    assert "| 任务编号 | 任务 |" in text


def test_text_width() -> None:
    assert text_width("T01 党风") == 8
    assert text_width("\x07") == 0


# --- files ------------------------------------------------------------------------------

def test_csv_has_a_bom_and_round_trips() -> None:
    data = to_csv(SMALL)
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [SMALL.headers, *SMALL.rows]


def test_csv_quotes_commas_quotes_and_newlines() -> None:
    table = Table("t", ["a", "b"], [['含,逗号', '含"引号"\n换行']])
    rows = list(csv.reader(io.StringIO(to_csv(table).decode("utf-8-sig"), newline="")))
    assert rows[1] == ['含,逗号', '含"引号"\n换行']


def test_json_is_a_list_of_objects_keyed_by_header() -> None:
    text = to_json(SMALL)
    assert "赵慧敏" in text  # not \\u escapes
    assert json.loads(text)[1] == {"领导": "赵慧敏", "任务编号": "T01.1", "任务": "签订责任书", "责任": "主要领导责任"}
    assert json.loads(to_json(Table("t", ["a"], []))) == []


_CELLS = st.one_of(st.text(max_size=8), st.integers(), st.dates(), st.sampled_from(["换行\n", '"引\\号"', "\x07", "😀"]))


@settings(max_examples=60, deadline=None)
@given(headers=st.lists(st.sampled_from(["a", "名", "b", '"q"', ""]), max_size=4), data=st.data())
def test_json_is_what_json_dumps_writes(headers: list[str], data: st.DataObject) -> None:
    """to_json and tables_json write the rows themselves; the text is json.dumps's, byte for
    byte, including headers that repeat (keys collapse) and none at all."""
    rows = data.draw(st.lists(st.lists(_CELLS, min_size=len(headers), max_size=len(headers)), max_size=3))
    table = Table("t", headers, rows)
    records = [dict(zip(headers, [cell_text(c) for c in row], strict=True)) for row in rows]
    assert to_json(table) == json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    both = {"按领导": table, "空": Table("t", ["x"], [])}
    expected = {"按领导": records, "空": []}
    assert tables_json(both) == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_xlsx_has_headers_frozen_pane_and_rows(tmp_path: Path) -> None:
    path = tmp_path / "out" / "分解表.xlsx"
    write_xlsx(SMALL, path)
    assert [p.name for p in path.parent.iterdir()] == ["分解表.xlsx"]  # no temp file left
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "静态分解"
    values = [[c.value or "" for c in row] for row in sheet.iter_rows()]
    assert values == [SMALL.headers, *SMALL.rows]
    assert sheet.freeze_panes == "A2"
    assert all(c.font.b for c in sheet[1])
    assert sheet["A1"].fill.fgColor.rgb.endswith("D9E1F2")
    assert sheet["C2"].alignment.wrap_text
    widths = {col: sheet.column_dimensions[col].width for col in "ABCD"}
    assert widths["C"] == text_width("落实党风廉政建设责任制") + 2  # CJK counted double
    assert widths["B"] == text_width("任务编号") + 2


def test_xlsx_keeps_formula_like_and_control_text_as_text(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    write_xlsx(Table("t", ["a", "b"], [["=1+1", "响\x07铃"]]), path)
    sheet = openpyxl.load_workbook(path).active
    assert (sheet["A2"].value, sheet["A2"].data_type) == ("=1+1", "s")
    assert sheet["B2"].value == "响铃"


def test_xlsx_of_the_sample_dynamic_view(sample: Workspace, tmp_path: Path) -> None:
    table = dynamic_view(sample)
    path = tmp_path / "动态.xlsx"
    write_table(table, path, "xlsx")
    sheet = openpyxl.load_workbook(path).active
    assert sheet.max_row == len(table.rows) + 1
    assert [c.value for c in sheet[1]] == table.headers
    assert [c.value or "" for c in sheet[2]] == table.rows[0]


def test_sheet_title() -> None:
    long = "示例旗2026年党风廉政建设责任分解表（静态：按领导分工，2026年7月1日）"
    assert sheet_title(long) == long[:31]  # the full-width ： is allowed, only ASCII : is not
    assert len(sheet_title("x" * 40)) == 31
    assert sheet_title("a/b[c]*?") == "a_b_c___"
    assert sheet_title("''") == "Sheet1"


def test_write_table_dispatches_by_format(tmp_path: Path) -> None:
    write_table(SMALL, tmp_path / "t.csv", "csv")
    write_table(SMALL, tmp_path / "t.json", "json")
    write_table(SMALL, tmp_path / "t.xlsx", "xlsx")
    assert (tmp_path / "t.csv").read_bytes() == to_csv(SMALL)
    assert (tmp_path / "t.json").read_text(encoding="utf-8") == to_json(SMALL)
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").active["A2"].value == "赵慧敏"
    with pytest.raises(ValueError, match="unknown table format 'pdf'"):
        write_table(SMALL, tmp_path / "t.pdf", "pdf")  # type: ignore[arg-type]


def test_csv_cells_never_become_formulas() -> None:
    from lzzr.render.tables import Table, to_csv

    table = Table("t", ["a", "b"], [["=HYPERLINK(\"http://x\")", "@SUM(1)"], ["+1", "正常"]])
    rows = list(csv.reader(io.StringIO(to_csv(table).decode("utf-8-sig"))))
    assert rows[1] == ["'=HYPERLINK(\"http://x\")", "'@SUM(1)"] and rows[2] == ["'+1", "正常"]
