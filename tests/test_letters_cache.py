"""The letters cache: an unchanged run is answered without loading; any change of an input or
of an output takes the normal path, which renders exactly the letters whose output changes.

The printer is replaced by one that writes the HTML as the "PDF" (the bytes do not matter
here, only which letters are laid out); the workspace is tests/helpers.py's small one (3 letters).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import lzzr
from lzzr import cache
from lzzr.fsutil import write_atomic
from lzzr.render import batch
from lzzr.render.renderer import Renderer

from .helpers import mini_workspace, run

LETTERS = ["2026-czj-sl", "2026-qw-lzq", "2026-qw-zhm"]


class Counts:
    """What the runs did: letters laid out, HTML built, workspace checks."""

    def __init__(self) -> None:
        self.rendered: list[str] = []
        self.html = 0
        self.checks = 0

    def reset(self) -> None:
        self.rendered, self.html, self.checks = [], 0, 0


class FakePrinter:
    def __init__(self, counts: Counts) -> None:
        self.counts = counts

    def render_to(self, target: str, html: str) -> tuple[str, str]:
        data = html.encode("utf-8")
        write_atomic(Path(target), data)
        self.counts.rendered.append(Path(target).name.split("-责任书")[0])
        return ("ok", hashlib.sha256(data).hexdigest())


@pytest.fixture
def counts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Counts:
    return counting(monkeypatch, tmp_path)


def counting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Counts:
    """The fake printer in place, checks and HTML builds counted (the `counts` fixture)."""
    import lzzr.check

    found = Counts()
    monkeypatch.setenv("LZZR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr("lzzr.clock.today", lambda: dt.date(2026, 3, 10))
    monkeypatch.setattr(batch, "_start_printer", lambda *a: FakePrinter(found))
    html, check = Renderer.html, lzzr.check.check_workspace

    def counted_html(self: Renderer, template: str, context: dict[str, Any]) -> str:
        found.html += 1
        return html(self, template, context)

    def counted_check(root: Path) -> Any:
        found.checks += 1
        return check(root)

    monkeypatch.setattr(Renderer, "html", counted_html)
    monkeypatch.setattr(lzzr.check, "check_workspace", counted_check)
    return found


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return mini_workspace(tmp_path / "ws", clean=True)


def letters(capsys: pytest.CaptureFixture[str], ws: Path, *extra: str) -> dict[str, Any]:
    return issued(capsys, "letters", ws, *extra)


def issued(capsys: pytest.CaptureFixture[str], command: str, ws: Path, *extra: str) -> dict[str, Any]:
    """`lzzr COMMAND WS` (letters, pledges) in one process, its JSON report."""
    code, stdout, stderr = run(capsys, command, str(ws), "--out", str(ws.parent / "out"), "-j", "1", "-f", "json",
                               *extra)
    assert code == 0, stderr
    data: dict[str, Any] = json.loads(stdout)
    return data


def rendered_again(capsys: pytest.CaptureFixture[str], ws: Path, counts: Counts) -> list[str]:
    """Run letters; the letters laid out, after asserting that the normal path ran."""
    counts.reset()
    letters(capsys, ws)
    assert counts.checks == 1  # not answered from the cache
    return sorted(counts.rendered)


def test_unchanged_run_is_answered_from_the_cache(ws: Path, counts: Counts,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    first = letters(capsys, ws)
    assert first["rendered"] == 3 and sorted(counts.rendered) == LETTERS
    counts.reset()
    fresh = letters(capsys, ws, "--no-cache")  # the normal path: loads, builds every HTML, renders nothing
    assert (counts.checks, counts.html, counts.rendered, fresh["rendered"]) == (1, 3, [], 0)
    counts.reset()
    again = letters(capsys, ws)
    assert (counts.checks, counts.html, counts.rendered) == (0, 0, [])
    assert again == fresh
    text = run(capsys, "letters", str(ws), "--out", str(ws.parent / "out"), "-j", "1")
    assert text == run(capsys, "letters", str(ws), "--out", str(ws.parent / "out"), "-j", "1", "--no-cache")
    assert text[1] == f"责任书 3 份（新生成 0 份，未变 3 份）→ {ws.parent / 'out'}\n"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_one_task_changed_builds_and_renders_only_its_letters(ws: Path, counts: Counts,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    letters(capsys, ws)
    edit(ws / "tasks.yaml", "每季度开展1次资金专项检查", "每季度开展2次资金专项检查")  # T02
    assert rendered_again(capsys, ws, counts) == ["2026-czj-sl", "2026-qw-lzq"]
    assert counts.html == 2  # the third letter's key came from its unchanged context
    edit(ws / "tasks.yaml", "    完成时限: 2026-03-31\n", "    完成时限: 2026-03-31  # 年初\n")  # same data
    assert rendered_again(capsys, ws, counts) == [] and counts.html == 0


def change_template(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (ws / "templates").mkdir()
    shutil.copy(cache.builtin_templates() / "letter.html", ws / "templates" / "letter.html")
    edit(ws / "templates" / "letter.html", "</body>", "<p>附：联系电话</p></body>")


def change_builtin(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    copy = shutil.copytree(cache.builtin_templates(), tmp_path / "builtin")
    (copy / "gongwen.css").write_text((copy / "gongwen.css").read_text(encoding="utf-8") + "p { orphans: 3; }\n",
                                      encoding="utf-8")
    monkeypatch.setattr(cache, "builtin_templates", lambda: copy)


def change_fonts(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = ws / "lzzr.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "字体:\n  仿宋: [不存在的仿宋]\n", encoding="utf-8")


def change_installed_fonts(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(cache, "fonts_fingerprint", lambda: "another machine")


def change_version(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(lzzr, "__version__", lzzr.__version__ + ".post1")


def change_data(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    edit(ws / "leaders.yaml", "zhm: 赵慧敏", "zhm: 赵慧明")


Change = Callable[[Path, pytest.MonkeyPatch, Path], None]


def changes(template: Change, everyone: list[str], one: list[str], output: str) -> dict[str, tuple[Change, list[str]]]:
    """Each change of an input or an output, with what must be laid out again after it: `template`
    edits a workspace template (`everyone` again), the data change and the PDF `output` (a glob in
    the out folder) touch `one`."""
    def delete_output(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        next((ws.parent / "out").glob(output)).unlink()

    def alter_output(ws: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        path = next((ws.parent / "out").glob(output))
        path.write_bytes(path.read_bytes() + b"\n")

    return {"input YAML": (change_data, one), "workspace template": (template, everyone),
            "built-in template": (change_builtin, []), "fonts in lzzr.yaml": (change_fonts, everyone),
            "installed fonts": (change_installed_fonts, []), "lzzr version": (change_version, []),
            "deleted PDF": (delete_output, one), "altered PDF": (alter_output, one)}


CHANGES = changes(change_template, LETTERS, ["2026-qw-zhm"], "2026-qw-zhm-*.pdf")


@pytest.mark.parametrize("what", list(CHANGES))
def test_any_change_takes_the_normal_path(what: str, ws: Path, counts: Counts, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The cache answers no more once an input or an output changed; what the normal path
    then renders is exactly what changed (a face named in lzzr.yaml goes into every letter's
    font stack; the built-in templates and the installed faces are only swapped in the cache's
    key here, so the letters read the same)."""
    after_change(CHANGES[what], letters, rendered_again, ws, counts, capsys, monkeypatch, tmp_path)


def after_change(case: tuple[Any, list[str]], issue: Any, again: Any, ws: Path, counts: Counts,
                 capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Run `issue` twice, make the change of `case`, assert that `again` (a run through the normal
    path) lays out what `case` expects, then that the next run is answered from the cache."""
    issue(capsys, ws)
    issue(capsys, ws)
    change, expected = case
    change(ws, monkeypatch, tmp_path)
    assert again(capsys, ws, counts) == expected
    counts.reset()
    issue(capsys, ws)
    assert counts.checks == 0  # and the new state is kept


def test_a_signature_recorded_since_takes_the_normal_path(ws: Path, counts: Counts,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    letters(capsys, ws)
    code, _, _ = run(capsys, "sign", "2026-qw-zhm", "--by", "zhm", "--date", "2026-03-10", "-w", str(ws))
    assert code == 0
    assert rendered_again(capsys, ws, counts) == []


def test_a_signature_on_another_letter_changes_nothing_a_run_depends_on(
        ws: Path, counts: Counts, capsys: pytest.CaptureFixture[str]) -> None:
    """`--kind lower` issues 2026-czj-sl only: a signature recorded on 2026-qw-zhm is in an entry it
    neither reads nor writes, so it is still answered from the cache (the whole run is not)."""
    letters(capsys, ws)
    one = letters(capsys, ws, "--kind", "lower")
    code, _, _ = run(capsys, "sign", "2026-qw-zhm", "--by", "zhm", "--date", "2026-03-10", "-w", str(ws))
    assert code == 0
    counts.reset()
    assert letters(capsys, ws, "--kind", "lower") == {**one, "rendered": 0, "unchanged": 1, "documents": [
        {**d, "rendered": False} for d in one["documents"]]}
    assert counts.checks == 0
    assert rendered_again(capsys, ws, counts) == []  # the whole run reads the signed letter's entry


def test_as_signed_copies_depend_on_every_signature(ws: Path, counts: Counts,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """`--as-signed` copies every letter someone has signed: a signature on a letter it has no copy
    of yet changes what it writes, so any change of the register takes the normal path."""
    letters(capsys, ws)
    for letter, by in (("2026-qw-zhm", "zhm"), ("2026-czj-sl", "sl")):
        assert run(capsys, "sign", letter, "--by", by, "--date", "2026-03-10", "-w", str(ws))[0] == 0
        counts.reset()
        copies = letters(capsys, ws, "--as-signed")
        assert counts.checks == 1
    assert sorted(d["id"] for d in copies["documents"]) == ["2026-czj-sl:signed", "2026-qw-zhm:signed"]
    counts.reset()
    assert letters(capsys, ws, "--as-signed")["count"] == 2 and counts.checks == 0


def test_options_have_entries_of_their_own(ws: Path, counts: Counts, capsys: pytest.CaptureFixture[str]) -> None:
    letters(capsys, ws)
    counts.reset()
    one = letters(capsys, ws, "--kind", "lower")
    assert counts.checks == 1 and [d["id"] for d in one["documents"]] == ["2026-czj-sl"]
    counts.reset()
    assert letters(capsys, ws, "--kind", "lower") == one and counts.checks == 0
    assert letters(capsys, ws)["count"] == 3 and counts.checks == 0
    counts.reset()
    letters(capsys, ws, "--out", str(ws.parent / "elsewhere"))
    assert counts.checks == 1 and len(counts.rendered) == 3
