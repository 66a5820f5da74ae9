"""kill -9 at a random moment during letters and assess: every PDF left opens, the register
and the 廉政档案 parse, and a re-run completes with the files a clean run gives."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from lzzr.documents.register import Register

from .helpers import copy_sample, mini_workspace


def _start(*args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "lzzr", *args], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _kill_at_random(proc: subprocess.Popen[bytes], rng: random.Random, longest: float) -> None:
    time.sleep(rng.uniform(0.3, longest))
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)  # the workers too
    proc.wait()


def _shas(ws: Path) -> dict[str, str]:
    return {i: e["pdf_sha256"] for i, e in Register.open(ws).documents.items()}


def _opens(pdf: Path) -> bool:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages) > 0


@pytest.mark.parametrize("seed", [1, 2])
def test_kill_during_letters(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    clean = mini_workspace(tmp_path / "clean", clean=True)
    assert subprocess.run([sys.executable, "-m", "lzzr", "letters", str(clean), "--out", str(tmp_path / "o1"),
                           "-q", "--jobs", "1"], check=False).returncode == 0
    ws, out = mini_workspace(tmp_path / "ws", clean=True), tmp_path / "o2"
    _kill_at_random(_start("letters", str(ws), "--out", str(out), "-q", "--jobs", "1"), rng, 4.0)
    assert all(_opens(pdf) for pdf in out.glob("*.pdf"))
    Register.open(ws)  # parses (or does not exist yet)
    done = subprocess.run([sys.executable, "-m", "lzzr", "letters", str(ws), "--out", str(out), "-q",
                           "--jobs", "1", "--wait", "10"], check=False)
    assert done.returncode == 0
    assert _shas(ws) == _shas(clean)
    assert sorted(p.name for p in out.glob("*.pdf")) == sorted(p.name for p in (tmp_path / "o1").glob("*.pdf"))


def test_kill_during_assess(tmp_path: Path) -> None:
    rng = random.Random(3)
    ws = copy_sample(tmp_path / "ws")
    _kill_at_random(_start("assess", str(ws), "--no-pdf", "-q"), rng, 6.0)
    yaml = YAML(typ="safe")
    for path in (ws / "廉政档案").glob("*.yaml") if (ws / "廉政档案").is_dir() else []:
        assert isinstance(yaml.load(path.read_text(encoding="utf-8")), dict), path
    done = subprocess.run([sys.executable, "-m", "lzzr", "assess", str(ws), "--no-pdf", "-q", "-f", "json",
                           "--wait", "10"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and json.loads(done.stdout)
    assert len(list((ws / "廉政档案").glob("*.yaml"))) > 0
