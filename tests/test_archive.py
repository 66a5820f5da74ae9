"""廉政档案: one file per leader, one entry per year; a rerun replaces its year, never duplicates it,
and keeps what a cadre wrote (other years, added keys, comments)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from lzzr.assess.archive import ARCHIVE_DIR, write_archive
from lzzr.assess.score import assess
from lzzr.errors import LzzrError
from lzzr.i18n import set_lang
from lzzr.workspace.load import load_workspace
from lzzr.workspace.scheme import scheme_of

from .assess_base import TINY, tiny


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def run(root: Path) -> list[Path]:
    ws, _ = load_workspace(root)
    scheme = scheme_of(ws)
    assert scheme is not None
    return write_archive(ws, assess(ws, scheme))


def test_one_file_per_assessed_leader(tmp_path: Path) -> None:
    root = tiny(tmp_path)
    written = run(root)
    assert sorted(p.name for p in written) == ["ccd.yaml", "fwj.yaml", "lzq.yaml", "qym.yaml", "zhm.yaml"]
    assert all(p.parent == root / ARCHIVE_DIR for p in written)
    text = (root / ARCHIVE_DIR / "fwj.yaml").read_text(encoding="utf-8")
    assert text == (
        "# 廉政档案（lzzr assess 写入“考核记录”；其他内容可手工填写，重新考核时保留）\n"
        "领导: fwj\n"
        "姓名: 范文杰\n"
        "考核记录:\n"
        "  2026:\n"
        "    年度: 2026\n"
        "    考核方案: 测试细则\n"
        "    结果:\n"
        "      - 对象: 正职\n"
        "        单位: 中共示例旗红岱镇委员会\n"
        "        职务: 红岱镇党委书记\n"
        "        得分: 95.00\n"
        "        等次: 优秀\n"
        "        排名: 1/3\n"
        "        一票否决: []\n"
        "        备注: [所在班子考核等次：优秀（93.81分）]\n"
    )


def test_a_leader_on_two_posts_has_both_results_in_one_entry(tmp_path: Path) -> None:
    root = tiny(tmp_path)
    run(root)
    data = YAML(typ="safe").load((root / ARCHIVE_DIR / "zhm.yaml").read_text(encoding="utf-8"))
    assert [r["对象"] for r in data["考核记录"][2026]["结果"]] == ["正职", "成员"]


def test_rerunning_the_year_replaces_it_and_keeps_a_cadres_work(tmp_path: Path) -> None:
    root = tiny(tmp_path)
    run(root)
    path = root / ARCHIVE_DIR / "fwj.yaml"
    first = path.read_text(encoding="utf-8")
    assert run(root) and path.read_text(encoding="utf-8") == first  # same year, same data: same file
    edited = first.replace("考核记录:\n", "考核记录:\n  # 2025年度由组织部录入\n  2025:\n    等次: 良好  # 手工录入\n")
    edited = edited.replace("    结果:\n", "    组织意见: 继续保持  # 部长批示\n    结果:\n")
    path.write_text("# 本档案由组织部保管\n" + edited, encoding="utf-8")
    # the year's result changes: the principal is now disciplined
    events = TINY["events.yaml"].replace("单位: czj", "单位: hdz").replace("{领导: qym, 方式: 通报批评}",
                                                                         "{领导: fwj, 方式: 纪律处分}")
    (root / "events.yaml").write_text(events, encoding="utf-8")
    run(root)
    text = path.read_text(encoding="utf-8")
    for kept in ("# 本档案由组织部保管", "# 2025年度由组织部录入", "等次: 良好  # 手工录入",
                 "组织意见: 继续保持  # 部长批示"):
        assert kept in text
    data = YAML(typ="safe").load(text)
    assert list(data["考核记录"]) == [2025, 2026]
    entry = data["考核记录"][2026]
    assert len(entry["结果"]) == 1
    assert entry["结果"][0]["等次"] == "不合格"
    assert entry["结果"][0]["一票否决"] == ["V2 本人受处分：本人受到纪律处分（W1）"]
    assert text.count("2026:") == 1


def test_an_unreadable_file_stops_the_run_before_anything_is_written(tmp_path: Path) -> None:
    root = tiny(tmp_path)
    folder = root / ARCHIVE_DIR
    folder.mkdir()
    (folder / "zhm.yaml").write_text("考核记录: [unclosed\n", encoding="utf-8")
    with pytest.raises(LzzrError) as caught:
        run(root)
    assert caught.value.code == "archive.bad"
    assert sorted(p.name for p in folder.iterdir()) == ["zhm.yaml"]
