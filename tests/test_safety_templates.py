"""A hostile template in a workspace is bounded inside the sandbox: a single expression that
would run long or grow huge is refused before it runs, and a loop that prints nothing stops at
the deadline. Exit 1 with the template named, never exit 70, never a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

from lzzr.render.renderer import Renderer

from .helpers import mini_workspace, run

SIZE = [
    ("{{ 'x' * 10**9 }}", "result too large"),
    ("{{ 'x'|center(10**9) }}", "argument too large"),
    ("{{ 'x'.ljust(10**9) }}", "argument too large"),
    ("{{ '%999999999d' % 1 }}", "format width too large"),
    ("{{ '%s'|format(1) }}{{ '%999999999d'|format(1) }}", "format width too large"),
    ("{{ '{:>999999999}'.format(1) }}", "format width too large"),
    ("{{ '{:{}}'.format(1, 10**9) }}", "argument too large"),
    ("{{ '%*d' % (10**9, 1) }}", "argument too large"),
    ("{{ ('x' * 1000)|wordwrap(1)|length }}{{ range(10)|slice(10**9)|list }}", "argument too large"),
    ("{% set s = 'x' * 20000000 %}{{ (s ~ s ~ s)|length }}", "result too large"),
    ("{% set s = 'x' * 20000000 %}{{ (s + s)|length }}", "result too large"),
    ("{% set s = 'x' * 5000 %}{{ s.replace('', s)|length }}", "result too large"),
    ("{% set s = 'x' * 5000 %}{{ s|replace('', s)|length }}", "result too large"),
    ("{{ range(99999)|join(',' * 1000) }}", "result too large"),
    ("{{ ('x\\n' * 100000)|indent(100000) }}", "result too large"),
    ("{{ (range(99999)|list * 200)|length }}", "result too large"),
    ("{{ ((10**64)**64)**64 }}", "power too large"),
    ("{% set b = 10**600 %}{{ b*b*b*b*b*b*b*b }}", "integer too large"),
    ("{{ lipsum(5) }}", "'lipsum' is undefined"),
    ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}", "RecursionError"),
]

TIME = [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{% set l = range(1000)|list %}{% for a in l %}{% for b in l %}{% for c in l %}{% endfor %}{% endfor %}"
    "{% endfor %}",
    "{% set ns = namespace(n=0) %}{% for i in range(100000) %}{% for j in range(100000) %}{% set ns.n = j %}"
    "{% endfor %}{% endfor %}",
]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return mini_workspace(tmp_path / "ws", clean=True)


def _pledges(capsys: pytest.CaptureFixture[str], ws: Path, body: str) -> tuple[int, str, str]:
    (ws / "templates").mkdir(exist_ok=True)
    (ws / "templates" / "pledge.html").write_text(body, encoding="utf-8")
    return run(capsys, "pledges", str(ws), "--out", str(ws.parent / "out"), "--leader", "wjg")


@pytest.mark.parametrize(("body", "detail"), SIZE, ids=[d for _, d in SIZE])
def test_one_expression_too_large_is_refused_before_it_runs(workspace: Path, capsys: pytest.CaptureFixture[str],
                                                            body: str, detail: str) -> None:
    assert _pledges(capsys, workspace, body) == (1, "", f"模板 pledge.html 出错：{detail}\n")
    assert not (workspace.parent / "out").exists()


@pytest.mark.parametrize("body", TIME, ids=["ranges", "lists", "namespace"])
def test_a_loop_that_prints_nothing_stops_at_the_deadline(workspace: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    monkeypatch.setattr("lzzr.render.renderer.MAX_SECONDS", 1.0)
    assert _pledges(capsys, workspace, body) == (1, "", "模板 pledge.html 出错：rendering took over 1 s\n")


def test_the_deadline_timer_is_put_back(tmp_path: Path) -> None:
    import signal

    (tmp_path / "t.html").write_text("{% for i in range(3) %}{{ i }}{% endfor %}", encoding="utf-8")
    before = signal.getsignal(signal.SIGPROF)
    assert Renderer([tmp_path]).html("t.html", {}) == "012"
    assert signal.getsignal(signal.SIGPROF) is before and signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_the_deadline_counts_cpu_time_not_waiting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A render slowed by a busy machine (here: a data call that waits) is not cut short: under
    cron with `nice`, a 10k plan's part once took over 60 s of wall time and failed."""
    import time

    monkeypatch.setattr("lzzr.render.renderer.MAX_SECONDS", 0.5)
    (tmp_path / "t.html").write_text("{{ wait() }}{% for i in range(3) %}{{ i }}{% endfor %}", encoding="utf-8")
    assert Renderer([tmp_path]).html("t.html", {"wait": lambda: time.sleep(1.0) or ""}) == "012"


def test_ordinary_template_code_still_works(tmp_path: Path) -> None:
    (tmp_path / "t.html").write_text(
        "{% for i in range(3) %}{{ loop.index }}{{ i ~ '-' }}{{ '%3d'|format(i) }}{{ 'ab'|center(4) }}{% endfor %}"
        "|{{ range(5)|reverse|join(',') }}|{{ 'a-b'|replace('-', '+') }}|{{ 'x'.ljust(3) }}|{{ 2**10 }}"
        "|{{ [1, 2] * 2 }}|{{ 'ab' + 'c' }}|{{ range(10)[2:4]|list }}|{{ '{:>4}'.format(7) }}"
        # large values are data, not widths: free
        "|{{ '%d 元' % 1234567 }}|{{ '{:,}'.format(1234567) }}|{{ '%d'|format(1234567) }}|{{ money(2500000) }}"
        "|{{ nothing|default(1000000) }}|{{ (10**600)|string|length }}", encoding="utf-8")
    assert Renderer([tmp_path]).html("t.html", {"money": lambda n: f"{n / 10000:g}万元"}) == (
        "10-  0 ab 21-  1 ab 32-  2 ab |4,3,2,1,0|a+b|x  |1024|[1, 2, 1, 2]|abc|[2, 3]|   7"
        "|1234567 元|1,234,567|1234567|250万元|1000000|601")
