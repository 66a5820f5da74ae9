"""The YAML reader: data, positions, and refusal of everything unsafe."""

from __future__ import annotations

from pathlib import Path

from lzzr.errors import Severity
from lzzr.workspace.reader import MAX_FILE_BYTES, decode, parse_text, read_yaml, resolve_plain


def test_values_and_positions() -> None:
    parsed = parse_text("任务:\n  T01:\n    名称: 测试\n    目标: [1, 2.5]\n", "t.yaml")
    assert parsed.problems == []
    assert parsed.data == {"任务": {"T01": {"名称": "测试", "目标": [1, 2.5]}}}
    pos = parsed.positions
    assert str(pos.locate(("任务", "T01"), key=True)) == "t.yaml:2:3"
    assert str(pos.locate(("任务", "T01", "名称"))) == "t.yaml:3:9"
    assert str(pos.locate(("任务", "T01", "目标", 1))) == "t.yaml:4:13"
    # an unknown path falls back to its nearest known ancestor
    assert str(pos.locate(("任务", "T01", "名称", "x"))) == "t.yaml:3:9"


def test_dates_stay_text_and_scalars_resolve_like_yaml_12() -> None:
    assert resolve_plain("2026-06-30") == "2026-06-30"
    assert resolve_plain("yes") == "yes"
    assert resolve_plain("true") is True
    assert resolve_plain("~") is None
    assert resolve_plain("007") == 7
    assert resolve_plain("-1.5e3") == -1500.0
    assert resolve_plain("1.2.3") == "1.2.3"
    parsed = parse_text("a: '12'\nb: !!str 12\nc: !!int '12'\n", "x.yaml")
    assert parsed.data == {"a": "12", "b": "12", "c": 12}


def test_python_tag_is_an_error_not_an_object() -> None:
    parsed = parse_text("a: !!python/object/apply:os.system ['echo hi']\n", "x.yaml")
    assert [p.code for p in parsed.problems] == ["L007"]
    assert str(parsed.problems[0].location) == "x.yaml:1:4"


def test_duplicate_key_names_the_first_line() -> None:
    parsed = parse_text("a: 1\nb: 2\na: 3\n", "x.yaml")
    (problem,) = parsed.problems
    assert problem.code == "L006"
    assert problem.args == {"key": "a", "first_line": 1}
    assert str(problem.location) == "x.yaml:3:1"
    assert parsed.data == {"a": 1, "b": 2}


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]")
    parsed = parse_text("\n".join(lines) + "\n", "bomb.yaml")
    assert parsed.data is None
    assert [p.code for p in parsed.problems] == ["L008"]


def test_small_aliases_are_fine() -> None:
    parsed = parse_text("a: &x [1, 2]\nb: *x\n", "x.yaml")
    assert parsed.problems == []
    assert parsed.data == {"a": [1, 2], "b": [1, 2]}


def test_syntax_error_is_located_and_explained() -> None:
    parsed = parse_text('a: "open\nb: 1\n', "q.yaml")
    (problem,) = parsed.problems
    assert problem.code == "L005"
    assert problem.args["hint"] == "unclosed"
    assert (problem.args["from_line"], problem.args["from_col"]) == (1, 4)


def test_decode_bom_gbk_and_binary() -> None:
    text, problems = decode("\ufeffa: 1\n".encode(), "x.yaml")
    assert text == "a: 1\n" and problems == []
    text, problems = decode("任务: 测试\n".encode("gbk"), "x.yaml")
    assert text == "任务: 测试\n"
    assert [(p.code, p.severity) for p in problems] == [("L003W", Severity.WARNING)]
    text, problems = decode(b"PK\x03\x04rest", "x.yaml")
    assert text is None and problems[0].code == "L004"
    text, problems = decode("a: 1".encode("utf-16"), "x.yaml")
    assert text is None and problems[0].args["kind"] == "UTF-16"


def test_oversized_file_is_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    parsed = read_yaml(big, "big.yaml")
    assert parsed.data is None
    assert [p.code for p in parsed.problems] == ["L002"]


def test_second_document_is_an_error() -> None:
    parsed = parse_text("a: 1\n---\nb: 2\n", "x.yaml")
    assert [p.code for p in parsed.problems] == ["L009"]
    assert str(parsed.problems[0].location) == "x.yaml:2:1"


def test_merge_key_is_refused_with_its_own_message() -> None:
    parsed = parse_text("base: &b {类别: 部门}\nczj:\n  <<: *b\n  名称: 财政局\n", "u.yaml")
    assert [(p.code, str(p.location)) for p in parsed.problems] == [("L016", "u.yaml:3:3")]
    assert parsed.data == {"base": {"类别": "部门"}, "czj": {"名称": "财政局"}}
