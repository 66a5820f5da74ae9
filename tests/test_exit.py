"""The console script's exit (lzzr.cli.app.run): no tearing the heap down, all else as a normal exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROLOGUE = """
import atexit, sys, threading, time
from pathlib import Path
marks = Path(sys.argv[1])

class Heap:  # stands for the workspace: freed one object at a time by a normal exit
    def __del__(self):
        with marks.open("a") as f:
            f.write("torn down\\n")

HEAP = Heap()
atexit.register(lambda: marks.open("a").write("exit handler\\n"))
"""


def _run(tmp_path: Path, body: str, *args: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    marks = tmp_path / "marks"
    marks.write_text("")
    code = _PROLOGUE + body + "\nsys.argv = ['lzzr', *sys.argv[2:]]\nfrom lzzr.cli.app import run\nrun()\n"
    done = subprocess.run([sys.executable, "-c", code, str(marks), *args], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    return done, marks.read_text().splitlines()


def test_output_and_exit_handlers_kept_heap_not_torn_down(tmp_path: Path) -> None:
    done, marks = _run(tmp_path, "", "check", "sample-data", "-f", "json")
    assert done.returncode == 0, done.stderr
    assert done.stdout.rstrip().endswith("}") and '"problems"' in done.stdout  # the whole output, flushed
    assert marks == ["exit handler"]  # atexit ran; the interpreter did not free the heap


def test_exit_code_kept(tmp_path: Path) -> None:
    done, marks = _run(tmp_path, "", "check", str(tmp_path / "missing"))
    assert done.returncode == 2
    assert "missing" in done.stderr and marks == ["exit handler"]


def test_another_thread_gets_the_normal_exit(tmp_path: Path) -> None:
    body = ("def late():\n    time.sleep(0.3)\n    marks.open('a').write('thread done\\n')\n"
            "threading.Thread(target=late).start()\n")
    done, marks = _run(tmp_path, body, "--version")
    assert done.returncode == 0 and done.stdout.startswith("lzzr ")
    assert marks[0] == "thread done" and "exit handler" in marks  # waited for, as Python does


def test_closed_pipe_is_quiet(tmp_path: Path) -> None:
    shell = (f"{sys.executable} -m lzzr check sample-data -f json | true; "
             "echo ${PIPESTATUS[0]}")
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.stdout.strip() == "0"
    assert "Exception ignored" not in done.stderr and "BrokenPipe" not in done.stderr
