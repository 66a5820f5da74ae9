"""Rendering many documents: skipping unchanged ones, identical bytes, errors, combining."""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import os
from pathlib import Path

import pypdf
import pytest

from lzzr.errors import LzzrError
from lzzr.render.batch import Done, Job, content_key, progress_printer, render_many, template_digest
from lzzr.render.combine import combine
from lzzr.render.fonts import choose, font_css
from lzzr.render.renderer import Renderer
from lzzr.workspace.model import Fonts

from .helpers import build_tree
from .pdfutil import needs_poppler, pdf_info, pdf_text

FONT_CSS = font_css(choose(Fonts()))
needs_cjk = pytest.mark.skipif(choose(Fonts())["song"].face is None, reason="no CJK font installed")
pytestmark = needs_cjk

STYLE = """@page { size: A6; margin: 12mm; @bottom-center { content: "第" counter(page) "页"; } }
p { margin: 0 0 4pt 0; }
"""


def page(title: str, paragraphs: int = 3) -> str:
    body = "".join(f"<p>第{i}条 {title}认真履行“一岗双责”，加强监督检查。</p>" for i in range(paragraphs))
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>'
            f'<link rel="stylesheet" href="style.css"></head><body class="letter">{body}</body></html>')


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    return build_tree(tmp_path / "templates", {"style.css": STYLE})


def jobs_for(out: Path, titles: list[str]) -> list[Job]:
    return [Job(out / f"{i}.pdf", page(title), content_key(page(title))) for i, title in enumerate(titles)]


def render(jobs: list[Job], templates: Path, workers: int = 1, variant: str | None = None,
           previous: dict[str, tuple[str, str]] | None = None) -> list[Done]:
    return render_many(jobs, template_dirs=[templates], font_css=FONT_CSS, variant=variant, workers=workers,
                       previous=previous)


def as_previous(jobs: list[Job], done: list[Done]) -> dict[str, tuple[str, str]]:
    return {str(d.target): (j.key, d.sha256) for j, d in zip(jobs, done, strict=True)}


def test_content_key_counts_boundaries() -> None:
    assert content_key("ab", "c") != content_key("a", "bc")
    assert content_key("王", b"x") == content_key("王".encode(), "x")


def test_template_digest_sees_a_stylesheet_edit(templates: Path) -> None:
    before = template_digest([templates])
    (templates / "style.css").write_text(STYLE + "p { color: red; }\n", encoding="utf-8")
    assert template_digest([templates]) != before


@pytest.mark.parametrize("variant", [None, "pdf/a-2b"])
def test_identical_inputs_give_identical_bytes(tmp_path: Path, templates: Path, variant: str | None) -> None:
    jobs = [Job(tmp_path / "a.pdf", page("甲"), "k"), Job(tmp_path / "b.pdf", page("甲"), "k")]
    first, second = render(jobs, templates, variant=variant)
    assert first.sha256 == second.sha256 == hashlib.sha256((tmp_path / "a.pdf").read_bytes()).hexdigest()
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    # The same bytes as the one-document renderer (which makes a fresh font configuration).
    assert Renderer([templates], font_css=FONT_CSS).pdf_bytes(page("甲"), variant) == (tmp_path / "a.pdf").read_bytes()


def test_pdfa_has_no_date(tmp_path: Path, templates: Path) -> None:
    render([Job(tmp_path / "a.pdf", page("甲"), "k")], templates, variant="pdf/a-2b")
    reader = pypdf.PdfReader(tmp_path / "a.pdf")
    xmp = reader.xmp_metadata
    assert xmp is not None and xmp.pdfaid_part == "2" and xmp.pdfaid_conformance == "B"
    assert xmp.xmp_create_date is None and xmp.xmp_modify_date is None
    assert "/CreationDate" not in (reader.metadata or {}) and "/ModDate" not in (reader.metadata or {})


def test_two_workers_give_the_bytes_of_one(tmp_path: Path, templates: Path) -> None:
    titles = ["甲", "乙", "丙", "丁", "戊"]
    one = render(jobs_for(tmp_path / "one", titles), templates, workers=1)
    two = render(jobs_for(tmp_path / "two", titles), templates, workers=2)
    assert [d.sha256 for d in two] == [d.sha256 for d in one]
    assert [d.target.name for d in two] == [f"{i}.pdf" for i in range(5)]
    assert all(d.rendered for d in two)
    assert multiprocessing.active_children() == []


def test_unchanged_documents_are_skipped(tmp_path: Path, templates: Path) -> None:
    jobs = jobs_for(tmp_path, ["甲", "乙"])
    done = render(jobs, templates)
    stamps = [os.stat(j.target).st_mtime_ns for j in jobs]
    again = render(jobs, templates, workers=2, previous=as_previous(jobs, done))
    assert again == [Done(d.target, d.sha256, rendered=False) for d in done]
    assert [os.stat(j.target).st_mtime_ns for j in jobs] == stamps


def test_a_changed_key_or_file_is_rendered_again(tmp_path: Path, templates: Path) -> None:
    jobs = jobs_for(tmp_path, ["甲", "乙", "丙"])
    previous = as_previous(jobs, render(jobs, templates))
    changed = [jobs[0], Job(jobs[1].target, page("乙二"), content_key(page("乙二"))), jobs[2]]
    jobs[2].target.write_bytes(b"%PDF-1.7 edited by hand")
    again = render(changed, templates, previous=previous)
    assert [d.rendered for d in again] == [False, True, True]
    assert again[2].sha256 == previous[str(jobs[2].target)][1]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_job_names_its_target(tmp_path: Path, templates: Path, workers: int) -> None:
    (tmp_path / "blocker").write_text("a file where a folder should be", encoding="utf-8")
    jobs = [*jobs_for(tmp_path / "ok", ["甲", "乙"]), Job(tmp_path / "blocker" / "x.pdf", page("丙"), "k")]
    with pytest.raises(LzzrError) as err:
        render(jobs, templates, workers=workers)
    assert err.value.code == "batch.failed"
    assert err.value.args_["target"] == str(tmp_path / "blocker" / "x.pdf")
    assert multiprocessing.active_children() == []


def test_the_same_target_twice_is_refused(tmp_path: Path, templates: Path) -> None:
    with pytest.raises(LzzrError) as err:
        render([Job(tmp_path / "a.pdf", "x", "1"), Job(tmp_path / "." / "a.pdf", "y", "2")], templates)
    assert err.value.code == "batch.duplicate"


def test_ctrl_c_stops_the_pool(tmp_path: Path, templates: Path) -> None:
    def interrupt(done: int, total: int) -> None:
        if done:
            raise KeyboardInterrupt

    jobs = jobs_for(tmp_path, [str(i) for i in range(40)])
    with pytest.raises(KeyboardInterrupt):
        render_many(jobs, template_dirs=[templates], font_css=FONT_CSS, variant=None, workers=2, progress=interrupt)
    assert multiprocessing.active_children() == []
    assert sum(j.target.exists() for j in jobs) < len(jobs)


@needs_poppler
def test_combined_documents_keep_their_pages_and_restart_numbers(tmp_path: Path, templates: Path) -> None:
    htmls = [page("甲", 2), page("乙", 30), page("丙", 60)]
    singles = render(jobs_for(tmp_path, ["甲"]) + [Job(tmp_path / f"s{i}.pdf", h, "k") for i, h in enumerate(htmls)],
                     templates)
    counts = [int(pdf_info(d.target)["Pages"]) for d in singles[1:]]
    assert counts[0] == 1 and counts[1] >= 2 and counts[2] > counts[1]
    html = combine(htmls)
    assert html.count('<section class="doc letter">') == 3 and html.count("<title>") == 1
    render([Job(tmp_path / "all.pdf", html, "k")], templates)
    assert int(pdf_info(tmp_path / "all.pdf")["Pages"]) == sum(counts)
    numbers = [text.strip().splitlines()[-1] for text in pdf_text(tmp_path / "all.pdf").split("\f") if text.strip()]
    expected = [f"第{n}页" for count in counts for n in range(1, count + 1)]
    assert numbers == expected


@needs_poppler
def test_duplex_starts_each_document_on_a_right_hand_page(tmp_path: Path, templates: Path) -> None:
    htmls = [page("甲", 2), page("乙", 30), page("丙", 2)]
    singles = render([Job(tmp_path / f"s{i}.pdf", h, "k") for i, h in enumerate(htmls)], templates)
    counts = [int(pdf_info(d.target)["Pages"]) for d in singles]
    assert counts[0] % 2 == 1 and counts[1] % 2 == 1  # so that blank pages are needed
    render([Job(tmp_path / "all.pdf", combine(htmls, duplex=True), "k")], templates)
    pages = [text.strip() for text in pdf_text(tmp_path / "all.pdf").split("\f")][:-1]
    numbers = [p.splitlines()[-1] if p else "" for p in pages]
    expected: list[str] = []
    for i, count in enumerate(counts):
        expected += [f"第{n}页" for n in range(1, count + 1)] + ([""] if count % 2 and i < len(counts) - 1 else [])
    assert numbers == expected

def test_progress_bar_only_on_a_terminal() -> None:
    assert progress_printer(io.StringIO()) is None

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    show = progress_printer(stream)
    assert show is not None
    show(1, 2)
    show(2, 2)
    assert stream.getvalue().startswith("\r渲染 1/2 [")
    assert "\r渲染 2/2 [" in stream.getvalue() and stream.getvalue().endswith("]\n")


def test_combine_keeps_the_first_head_and_each_body() -> None:
    first = '<html lang="zh-CN"><head><title>一</title><link rel="stylesheet" href="a.css"></head><body class="x y">甲</body></html>'
    second = "<html><head><title>二</title></head><BODY>乙</BODY></html>"
    html = combine([first, second, "<p>丙</p>"])
    assert html.startswith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head><title>一</title><link rel="stylesheet" href="a.css">')
    assert "<title>二</title>" not in html
    assert '<body class="combined">' in html
    assert '<section class="doc x y">\n甲\n</section>' in html
    assert '<section class="doc">\n乙\n</section>' in html
    assert '<section class="doc">\n<p>丙</p>\n</section>' in html
    assert "@page :nth(1 of lzzr-doc) { counter-reset: page 1; }" in html


@pytest.mark.parametrize(("documents", "cpus", "load", "expected"), [
    (3, 2, 0.0, 1),     # a few documents: no pool
    (46, 2, 1.0, 2),    # this process alone on 2 CPUs
    (46, 2, 2.2, 1),    # another job holds the second CPU
    (46, 2, 7.0, 1),    # a busy machine
    (46, 8, 3.0, 6),
    (5, 8, 0.0, 2),     # at least 2 documents per worker
])
def test_default_workers_follow_the_free_cpus(documents: int, cpus: int, load: float, expected: int,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from lzzr.render import batch

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(cpus)))
    monkeypatch.setattr(os, "getloadavg", lambda: (load, load, load))
    assert batch.default_workers(documents) == expected


def test_explicit_workers_are_obeyed(tmp_path: Path, templates: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lzzr.render import batch

    monkeypatch.setattr(os, "getloadavg", lambda: (9.0, 9.0, 9.0))
    pools: list[int] = []

    def pool(jobs: list[Job], todo: list[int], setup: object, count: int, results: dict[int, Done],
             ticker: object) -> None:
        pools.append(count)
        results.update({i: Done(jobs[i].target, "", rendered=True) for i in todo})

    monkeypatch.setattr(batch, "_render_pool", pool)
    render(jobs_for(tmp_path, ["一", "二", "三"]), templates, workers=3)
    assert pools == [3]


def test_this_process_renders_beside_its_workers_longest_first(tmp_path: Path, templates: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """With 2 jobs, one worker and this process share the documents: the worker is handed the
    longest, this process takes the next longest, and so on down; results come in job order."""
    from lzzr.render import batch

    here: list[str] = []

    class Here:  # this process's printer (the worker's is WeasyPrint's)
        def render_to(self, target: str, html: str) -> tuple[str, str]:
            here.append(Path(target).name)
            Path(target).write_bytes(html.encode("utf-8"))
            return ("ok", hashlib.sha256(html.encode("utf-8")).hexdigest())

    monkeypatch.setattr(batch, "_start_printer", lambda *a: Here())
    jobs = [Job(tmp_path / f"{n}.pdf", page("甲", paragraphs=n), str(n)) for n in (2, 9, 4, 12, 1, 6)]
    done = render(jobs, templates, workers=2)
    assert [d.target for d in done] == [j.target for j in jobs] and all(d.rendered for d in done)
    assert here and here[0] == "9.pdf"  # 12 went to the worker first
    assert here == sorted(here, key=lambda name: -int(name.split(".")[0]))
    worker = {d.target.name for d in done} - set(here)
    assert "12.pdf" in worker and all((tmp_path / n).read_bytes().startswith(b"%PDF") for n in worker)
    assert multiprocessing.active_children() == []
