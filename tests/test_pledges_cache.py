"""The result cache answers an unchanged `lzzr pledges` as it does `letters` (lzzr/documents/issue_cache.py):
no load, no HTML; any change of an input or an output takes the normal path, which renders exactly
the pledges whose output changes.

The printer is tests/test_letters_cache.py's fake (the HTML written as the "PDF"); the workspace is
tests/helpers.py's small one (4 pledges).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from lzzr import cache

from .helpers import mini_workspace, run
from .test_letters_cache import (
    Counts,
    after_change,
    changes,
    counting,
    edit,
    issued,
)

PLEDGES = ["lzq", "sl", "wjg", "zhm"]


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Counts:
    return counting(monkeypatch, tmp_path)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return mini_workspace(tmp_path / "ws", clean=True)


def pledges(capsys: pytest.CaptureFixture[str], ws: Path, *extra: str) -> dict[str, Any]:
    return issued(capsys, "pledges", ws, *extra)


def laid_out(counts: Counts) -> list[str]:
    """The leaders whose pledges were laid out (`2026-承诺书-<leader>-<name>.pdf`)."""
    return sorted(name.split("-")[2] for name in counts.rendered)


def rendered_again(capsys: pytest.CaptureFixture[str], ws: Path, counts: Counts) -> list[str]:
    counts.reset()
    pledges(capsys, ws)
    assert counts.checks == 1  # not answered from the cache
    return laid_out(counts)


def test_unchanged_run_is_answered_from_the_cache(ws: Path, counts: Counts,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    first = pledges(capsys, ws)
    assert first["rendered"] == 4 and laid_out(counts) == PLEDGES
    counts.reset()
    fresh = pledges(capsys, ws, "--no-cache")  # the normal path: loads, builds every HTML, renders nothing
    assert (counts.checks, counts.html, counts.rendered, fresh["rendered"]) == (1, 4, [], 0)
    counts.reset()
    again = pledges(capsys, ws)
    assert (counts.checks, counts.html, counts.rendered) == (0, 0, [])
    assert again == fresh
    text = run(capsys, "pledges", str(ws), "--out", str(ws.parent / "out"), "-j", "1")
    assert text == run(capsys, "pledges", str(ws), "--out", str(ws.parent / "out"), "-j", "1", "--no-cache")
    assert text[1] == f"承诺书 4 份（新生成 0 份，未变 4 份）→ {ws.parent / 'out'}\n"


def change_template(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (ws / "templates").mkdir()
    shutil.copy(cache.builtin_templates() / "pledge.html", ws / "templates" / "pledge.html")
    edit(ws / "templates" / "pledge.html", "</body>", "<p>附：联系电话</p></body>")


CHANGES = changes(change_template, PLEDGES, ["zhm"], "2026-承诺书-zhm-*.pdf")


@pytest.mark.parametrize("what", list(CHANGES))
def test_any_change_takes_the_normal_path(what: str, ws: Path, counts: Counts, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """As for letters: the built-in templates and the installed faces are only swapped in the
    cache's key here, so the pledges read the same and none is laid out again."""
    after_change(CHANGES[what], pledges, rendered_again, ws, counts, capsys, monkeypatch, tmp_path)


def test_the_public_version_has_an_entry_of_its_own(ws: Path, counts: Counts,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    pledges(capsys, ws)
    counts.reset()
    public = pledges(capsys, ws, "--public")
    assert counts.checks == 1 and laid_out(counts) == PLEDGES
    assert all(d["id"].endswith("-public") for d in public["documents"])
    counts.reset()
    assert pledges(capsys, ws, "--public") == {**public, "rendered": 0, "unchanged": 4,
                                               "documents": [{**d, "rendered": False} for d in public["documents"]]}
    assert counts.checks == 0
    # the public run added its pledges to the register: entries the plain run neither reads nor
    # writes, so it is still answered from the cache, with what the normal path reports
    register = json.loads((ws / "lzzr-register.json").read_text(encoding="utf-8"))["documents"]
    assert sorted(i for i in register if i.endswith("-public")) == [f"2026-pledge-{x}-public" for x in PLEDGES]
    counts.reset()
    plain = pledges(capsys, ws)
    assert counts.checks == 0 and plain == pledges(capsys, ws, "--no-cache")
    counts.reset()
    assert pledges(capsys, ws, "--public")["rendered"] == 0 and pledges(capsys, ws)["count"] == 4
    assert counts.checks == 0


def test_an_entry_of_its_own_changed_in_the_register_takes_the_normal_path(
        ws: Path, counts: Counts, capsys: pytest.CaptureFixture[str]) -> None:
    """The part of the register a plain run depends on (its own entries) changed: not answered
    from the cache; another entry that cannot be read is the normal path's error, not a replay."""
    pledges(capsys, ws)
    pledges(capsys, ws, "--public")
    path = ws / "lzzr-register.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["documents"]["2026-pledge-zhm"]["issued"] = "2026-01-02"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert rendered_again(capsys, ws, counts) == []
    data["documents"]["2026-pledge-zhm-public"]["signatures"] = "none"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "pledges", str(ws), "--out", str(ws.parent / "out"), "-q")
    assert (code, out) == (1, "") and err.startswith("登记簿 lzzr-register.json 无法读取")
