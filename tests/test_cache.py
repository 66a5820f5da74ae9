"""The result cache: a hit only when no input changed; a damaged entry is ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

import lzzr
from lzzr import cache
from lzzr.check_cache import KIND, check_summary
from lzzr.i18n import set_lang
from lzzr.problems import format_problem

from .helpers import copy_sample, run
from .test_invalid import CASES, build_workspace


@pytest.fixture
def ws(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("LZZR_CACHE_DIR", str(tmp_path / "cache"))
    set_lang("zh")
    root = copy_sample(tmp_path / "ws")
    (root / "tasks.yaml").write_text((root / "tasks.yaml").read_text(encoding="utf-8").replace(
        "完成时限: 2026-12-31", "完成时限: 2027-01-31", 1), encoding="utf-8")  # one error to keep
    return root


def lines(root: Path, use_cache: bool = True) -> tuple[bool, list[str], dict[str, object]]:
    result = check_summary(root, use_cache)
    return result.cached, [format_problem(p) for p in result.problems], result.counts()


def test_unchanged_rerun_comes_from_the_cache(ws: Path) -> None:
    cached, first, counts = lines(ws)
    assert not cached and any("P4.3" in line for line in first)
    assert lines(ws) == (True, first, counts)
    assert lines(ws, use_cache=False) == (False, first, counts)


def change_data(ws: Path) -> None:
    path = ws / "tasks.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("完成时限: 2027-01-31", "完成时限: 2026-11-30"),
                    encoding="utf-8")


def add_data_file(ws: Path) -> None:
    (ws / "more.yaml").write_text("领导:\n  zzx: 张新\n", encoding="utf-8")


def change_template(ws: Path) -> None:
    (ws / "templates").mkdir(exist_ok=True)
    (ws / "templates" / "letter.css").write_text("p { margin: 0; }\n", encoding="utf-8")


def change_fonts(ws: Path) -> None:
    path = ws / "lzzr.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "字体:\n  仿宋: [FandolFang]\n", encoding="utf-8")


def change_version(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lzzr, "__version__", lzzr.__version__ + ".post1")


def change_builtin_template(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "builtin"
    folder.mkdir()
    (folder / "plan.html").write_text("<p>{{ x }}</p>", encoding="utf-8")
    monkeypatch.setattr(cache, "builtin_templates", lambda: folder)


@pytest.mark.parametrize("change", ["data", "new file", "template", "fonts", "version", "builtin template",
                                    "language"])
def test_any_input_change_misses(ws: Path, change: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    lines(ws)
    assert lines(ws)[0]
    if change == "data":
        change_data(ws)
    elif change == "new file":
        add_data_file(ws)
    elif change == "template":
        change_template(ws)
    elif change == "fonts":
        change_fonts(ws)
    elif change == "version":
        change_version(ws, monkeypatch)
    elif change == "builtin template":
        change_builtin_template(ws, monkeypatch, tmp_path)
    else:
        set_lang("en")
    cached, found, counts = lines(ws)
    assert not cached
    assert (found, counts) == lines(ws, use_cache=False)[1:]
    assert lines(ws)[0]
    set_lang("zh")


def test_a_changed_file_gives_the_new_result(ws: Path) -> None:
    _, before, _ = lines(ws)
    change_data(ws)
    _, after, _ = lines(ws)
    assert [line for line in before if "P4.3" in line] and not [line for line in after if "P4.3" in line]


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty", "other key"])
def test_damaged_entry_is_ignored(ws: Path, damage: str) -> None:
    _, first, counts = lines(ws)
    entry = next((Path(cache.cache_root()) / "results").rglob(f"{KIND}.bin"))
    raw = bytearray(entry.read_bytes())
    if damage == "flip":
        raw[-5] ^= 0xFF
    elif damage == "truncate":
        raw = raw[: len(raw) // 2]
    elif damage == "garbage":
        raw = bytearray(b"\x80\x04garbage" * 20)
    elif damage == "empty":
        raw = bytearray()
    else:
        raw[len(cache.MAGIC)] ^= 0x01  # the stored key no longer matches
    entry.write_bytes(bytes(raw))
    assert lines(ws) == (False, first, counts)
    assert lines(ws)[0]


def test_unwritable_cache_still_checks(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("LZZR_CACHE_DIR", str(blocker / "below-a-file"))
    assert lines(ws)[0] is False and lines(ws)[0] is False


def test_cli_output_is_the_same_from_the_cache(ws: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "check", str(ws))
    assert first[0] == 1
    assert run(capsys, "check", str(ws)) == first
    assert run(capsys, "check", str(ws), "--no-cache") == first
    assert run(capsys, "check", str(ws), "--format", "json") == run(capsys, "check", str(ws), "--format", "json")


CORPUS = sorted(c for c in CASES.iterdir() if c.is_dir() and (c / "expected.txt").exists())


@pytest.mark.parametrize("case", CORPUS, ids=[c.name for c in CORPUS])
def test_invalid_corpus_same_messages_from_the_cache(case: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LZZR_CACHE_DIR", str(tmp_path / "cache"))
    set_lang("zh")
    root = build_workspace(case, tmp_path / "ws")
    fresh = lines(root, use_cache=False)
    assert lines(root)[1:] == fresh[1:]
    again = lines(root)
    assert again[1:] == fresh[1:]
    assert again[0]
