"""Nothing from outside the workspace is read, embedded or written, symlinks included."""

from __future__ import annotations

from pathlib import Path

import pytest

from lzzr.render.renderer import has_attachment

from .helpers import MINI_CLEAN, copy_sample, mini_workspace, run


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "elsewhere" / "secret.yaml"
    path.parent.mkdir()
    path.write_text("机密: 口令是 hunter2\n", encoding="utf-8")
    return path


def test_a_data_file_linked_out_is_not_read(tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True)
    (ws / "zz.yaml").symlink_to(secret)
    code, stdout, _ = run(capsys, "check", str(ws), "-q")
    assert code == 1 and stdout == "zz.yaml: error[F001] 这个文件（符号链接）指向工作区以外，未读取\n"


def test_a_config_linked_out_is_not_read(tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True, lzzr_yaml=None)
    (ws / "lzzr.yaml").symlink_to(secret)
    code, stdout, _ = run(capsys, "check", str(ws), "-q")
    assert code == 1 and stdout.splitlines()[0] == "lzzr.yaml: error[F001] 这个文件（符号链接）指向工作区以外，未读取"
    assert "hunter2" not in stdout


@pytest.mark.parametrize("link", ["templates", "templates/letter.html"])
def test_templates_linked_out_are_refused(tmp_path: Path, secret: Path, capsys: pytest.CaptureFixture[str],
                                          link: str) -> None:
    ws = mini_workspace(tmp_path / "ws", clean=True)
    if link == "templates":
        (ws / link).symlink_to(secret.parent, target_is_directory=True)
    else:
        (ws / "templates").mkdir()
        (ws / link).symlink_to(secret)
    code, _, err = run(capsys, "letters", str(ws), "--out", str(tmp_path / "out"))
    assert code == 1 and err == f"{link}：指向工作区以外（符号链接？），拒绝读写\n"
    assert not (tmp_path / "out").exists()


def test_an_archive_folder_linked_out_is_not_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (ws / "廉政档案").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = run(capsys, "assess", str(ws), "--no-pdf", "-q")
    assert code == 1 and err == "廉政档案：指向工作区以外（符号链接？），拒绝读写\n"
    assert list(elsewhere.iterdir()) == []


def test_attachment_links_are_found_as_parsed_not_as_text() -> None:
    assert has_attachment('<link rel="&#97;ttachment" href="x.txt">')
    assert has_attachment("<A REL='Attachment' HREF='x.txt'>x</A>")
    assert has_attachment('<link rel="stylesheet attachment" href="x">')
    assert not has_attachment("<p>&lt;link rel=attachment href=/etc/passwd&gt;</p>")
    assert not has_attachment('<link rel="stylesheet" href="gongwen.css">')


def test_a_leader_named_like_a_tag_is_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "<link rel=attachment href=/etc/passwd>"
    leaders = MINI_CLEAN["leaders.yaml"].replace("  sl: 孙立\n", f"  sl: '{name}'\n")
    ws = mini_workspace(tmp_path / "ws", clean=True, leaders_yaml=leaders)
    code, _, err = run(capsys, "letters", str(ws), "--out", str(tmp_path / "out"), "--unit", "czj", "-q")
    assert (code, err) == (0, "")


def test_an_archive_folder_linked_out_is_not_written_by_a_decision(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    ws = copy_sample(tmp_path / "ws")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (ws / "廉政档案").symlink_to(elsewhere, target_is_directory=True)
    code, _, err = run(capsys, "trace", "W01", str(ws), "--issue", "-q", "--out", str(tmp_path / "out"))
    assert code == 1 and err.splitlines()[-1] == "廉政档案：指向工作区以外（符号链接？），拒绝读写"
    assert list(elsewhere.iterdir()) == []
