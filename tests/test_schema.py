"""`lzzr schema` validates what the loader accepts and rejects what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from lzzr.workspace.reader import read_yaml

from .helpers import MINI, SAMPLE, build_tree, run


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    from lzzr.workspace.jsonschema import workspace_schema

    schema = workspace_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _data(path: Path) -> object:
    parsed = read_yaml(path, path.name)
    assert parsed.problems == []
    return parsed.data


def test_schema_command_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    schema = json.loads(out)
    assert {"if", "then", "else"} <= set(schema) and "anyOf" not in schema  # one branch per file kind


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLE.glob("*.yaml")))
def test_every_sample_file_validates(name: str, validator: jsonschema.Draft202012Validator) -> None:
    errors = list(validator.iter_errors(_data(SAMPLE / name)))
    assert errors == []


def test_mini_files_validate(tmp_path: Path, validator: jsonschema.Draft202012Validator) -> None:
    root = build_tree(tmp_path, dict(MINI))
    for name in MINI:
        assert list(validator.iter_errors(_data(root / name))) == [], name


@pytest.mark.parametrize("text", [
    "单位:\n  qw: {名称: 旗委, 类别: 党委, 颜色: 红}\n",      # unknown key
    "任务:\n  T1: {名称: x, 完成时限: 明年}\n",               # bad date
    "任务:\n  1T: {名称: x}\n",                                # bad id
    "任物:\n  T1: {名称: x}\n",                                # unknown section
])
def test_schema_rejects_what_the_loader_rejects(
    text: str, tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    path = build_tree(tmp_path, {"x.yaml": text}) / "x.yaml"
    assert list(validator.iter_errors(_data(path))) != []


def test_a_bad_value_is_reported_at_its_own_path(validator: jsonschema.Draft202012Validator) -> None:
    """No top-level anyOf: an editor shows the bad field, not the whole file."""
    data = {"任务": {"T01": {"名称": "任务", "完成时限": 20261231, "量化指标": "三个"}}}
    best = jsonschema.exceptions.best_match(validator.iter_errors(data))
    assert best is not None and list(best.absolute_path)[:2] == ["任务", "T01"] and len(best.absolute_path) == 3
    config = {"机关": "中共示例旗委员会", "地区": "示例旗", "年度": "2026年", "文号前缀": "示党发"}
    best = jsonschema.exceptions.best_match(validator.iter_errors(config))
    assert best is not None and list(best.absolute_path) == ["年度"]
    leaders = {"领导": {"wjg": {"姓名": "王建国", "性别": "未知"}}}
    best = jsonschema.exceptions.best_match(validator.iter_errors(leaders))
    assert best is not None and list(best.absolute_path) == ["领导", "wjg", "性别"]
