"""Atomic writes: a killed write leaves a temporary file beside its target (kill -9 between
writing and renaming); the next write of that file removes it once it is clearly stale, and
leaves everything else alone."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import BinaryIO

import pytest

from lzzr.fsutil import STALE_SECONDS, write_atomic


def _aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"half")
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_a_stale_temporary_file_of_the_target_goes(tmp_path: Path) -> None:
    target = tmp_path / "2026-[hdz]-责任书.pdf"  # glob characters in the name are literal
    stale = _aged(tmp_path / f".{target.name}.k3j2_x.tmp", STALE_SECONDS + 60)
    fresh = _aged(tmp_path / f".{target.name}.a9b8_y.tmp", 5)  # another write may be under way
    other = _aged(tmp_path / ".2026-hdz-承诺书.pdf.q1w2_z.tmp", STALE_SECONDS + 60)  # another file's
    write_atomic(target, b"%PDF")
    assert target.read_bytes() == b"%PDF"
    assert not stale.exists()
    assert fresh.exists() and other.exists()


def test_a_symlink_named_like_a_temporary_file_is_not_followed(tmp_path: Path) -> None:
    outside = _aged(tmp_path / "outside.txt", STALE_SECONDS + 60)
    (tmp_path / "out").mkdir()
    link = tmp_path / "out" / ".a.pdf.x.tmp"
    link.symlink_to(outside)
    os.utime(link, (time.time() - STALE_SECONDS - 60,) * 2, follow_symlinks=False)
    write_atomic(tmp_path / "out" / "a.pdf", b"x")
    assert outside.exists() and link.is_symlink()


def test_a_file_written_by_a_function_appears_whole_or_not_at_all(tmp_path: Path) -> None:
    """A large PDF is joined straight into the temporary file (lzzr.render.chunked); when the
    function that writes it fails, neither the target nor a temporary file is left, and an
    earlier version of the target stays as it was."""
    target = tmp_path / "2026-责任分解方案.pdf"
    write_atomic(target, lambda out: out.write(b"%PDF-1.7 whole"))
    assert target.read_bytes() == b"%PDF-1.7 whole"

    def fails(out: BinaryIO) -> None:
        out.write(b"%PDF-1.7 half")
        raise ValueError("a part of another page size")

    with pytest.raises(ValueError):
        write_atomic(target, fails)
    assert target.read_bytes() == b"%PDF-1.7 whole"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
