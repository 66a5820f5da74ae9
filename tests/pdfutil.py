"""Reading rendered PDFs back in tests (poppler's pdftotext / pdffonts / pdfinfo)."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from pypdf import PdfReader

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def pdf_text(path: Path, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pdf_fonts(path: Path) -> list[list[str]]:
    """Rows of pdffonts: [name, type, encoding, emb, sub, uni, ...]."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]


def same_pages(one: Path, other: Path) -> list[str]:
    """Assert that the PDF `other` has the pages of the PDF `one` (a long document laid out in
    parts against the same in one pass): as many pages, more than ten, each with the same text
    (pdftotext -layout). Returns the pages of `other`."""
    expected, got = pdf_text(one, layout=True).split("\f"), pdf_text(other, layout=True).split("\f")
    assert len(got) == len(expected) > 10
    for number, (want, have) in enumerate(zip(expected, got, strict=True), 1):
        assert have == want, f"page {number}"
    return got


def same_information(one: PdfReader, other: PdfReader) -> None:
    """Assert that two PDFs carry the same document information: title, author, language."""
    assert other.metadata is not None and one.metadata is not None
    assert (other.metadata.title, other.metadata.author) == (one.metadata.title, one.metadata.author)
    catalogues: list[Any] = [other.trailer["/Root"], one.trailer["/Root"]]
    assert catalogues[0]["/Lang"] == catalogues[1]["/Lang"]


@contextlib.contextmanager
def apart_results() -> Iterator[list[bool]]:
    """What each call of `lzzr.render.chunked._apart` returned while in the block (True: the
    parts were laid out in worker processes and joined, not one after another)."""
    from lzzr.render import chunked

    found: list[bool] = []
    real = chunked._apart

    def spy(*args: Any) -> bool:
        found.append(real(*args))
        return found[-1]

    with mock.patch.object(chunked, "_apart", spy):
        yield found
