"""kill -9 at random moments during `letters` and during `assess` with its report PDF: after
every kill each PDF left opens, the register and the 廉政档案 parse; then a re-run completes
and leaves the very files (by SHA-256) that a run never killed leaves.

The moments are seeded fractions of how long the uninterrupted run took on this machine, so
they fall inside the run (start-up, checking, rendering, writing) however loaded the machine
is. Several kills in a row on one workspace, then one re-run: each kill starts from what the
last one left. CI cost: ~40 s of CPU (four kills of letters, three of assess, on tiny workspaces).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from ruamel.yaml import YAML

from lzzr.documents.register import Register

from .helpers import mini_workspace

LETTERS = ["letters", "-q", "--jobs", "1", "--wait", "30"]
ASSESS = ["assess", "-q", "--wait", "30"]


def _timed_run(*args: str) -> float:
    """Run lzzr to the end; return its wall time."""
    start = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "lzzr", *args], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return time.monotonic() - start


def _kill_at(after: float, *args: str) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "lzzr", *args], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # its render workers too
    proc.wait()


def _files(folder: Path) -> dict[str, str]:
    """Name → SHA-256 of what a run leaves (temporary files of a killed write excepted)."""
    if not folder.is_dir():
        return {}
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.endswith(".tmp")}


def _assert_whole(ws: Path, out: Path) -> None:
    from pypdf import PdfReader

    for pdf in out.glob("*.pdf") if out.is_dir() else []:
        assert len(PdfReader(pdf).pages) > 0, pdf
    Register.open(ws)  # parses (or does not exist yet)
    yaml = YAML(typ="rt")
    for path in (ws / "廉政档案").glob("*.yaml") if (ws / "廉政档案").is_dir() else []:
        data = yaml.load(path.read_text(encoding="utf-8"))
        assert data is None or "考核记录" in data, path


def _shas(ws: Path) -> dict[str, str]:
    return {i: e["pdf_sha256"] for i, e in Register.open(ws).documents.items()}


def _kill_repeatedly(tmp_path: Path, make: object, command: list[str], seed: int, kills: int) -> tuple[Path, Path]:
    """The clean run, `kills` killed runs at seeded moments, and the re-run; the two workspaces."""
    assert callable(make)
    rng = random.Random(seed)
    clean, clean_out = make(tmp_path / "clean"), tmp_path / "clean-out"
    took = _timed_run(command[0], str(clean), "--out", str(clean_out), *command[1:])
    ws, out = make(tmp_path / "ws"), tmp_path / "out"
    for _ in range(kills):
        _kill_at(rng.uniform(0.2, 1.0) * took, command[0], str(ws), "--out", str(out), *command[1:])
        _assert_whole(ws, out)
    _timed_run(command[0], str(ws), "--out", str(out), *command[1:])
    assert _files(out) == _files(clean_out)
    assert _files(ws / "廉政档案") == _files(clean / "廉政档案")
    assert _shas(ws) == _shas(clean)
    return clean, ws


def _with_scheme(root: Path) -> Path:
    from importlib import resources

    scheme = resources.files("lzzr.data").joinpath("starter-scheme.yaml").read_text(encoding="utf-8")
    for token, value in (("{地区}", "示例旗"), ("{年度}", "2026"), ("{乡镇}", "苏木镇"), ("{县}", "旗")):
        scheme = scheme.replace(token, value)
    return mini_workspace(root, clean=True, scheme_yaml=scheme)


def test_kill_during_letters(tmp_path: Path) -> None:
    clean, _ = _kill_repeatedly(tmp_path, lambda root: mini_workspace(root, clean=True), LETTERS, seed=14, kills=4)
    assert len(_shas(clean)) == 3


def test_kill_during_assess_with_its_report(tmp_path: Path) -> None:
    clean, _ = _kill_repeatedly(tmp_path, _with_scheme, ASSESS, seed=9704, kills=3)
    assert sorted(_files(tmp_path / "clean-out")) == ["2026-责任制考核报告.pdf"]
    assert sorted(_files(clean / "廉政档案")) == ["lzq.yaml", "sl.yaml", "zhm.yaml"]
