"""Baseline of `letters` with a task changed: WeasyPrint alone laying out the given letters.

    .venv/bin/python bench/render_only.py WORKSPACE LETTER_ID... → seconds on stdout

The letters' HTML is built first, untimed, the way `lzzr letters` builds it; the time is that
of the printer's start (WeasyPrint's import, the font configuration) and the layout of each
letter, one after another: what a re-run cannot avoid for the letters it renders again.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from lzzr.check import check_workspace
    from lzzr.documents import issue as d
    from lzzr.render.renderer import renderer_for

    root, wanted = Path(sys.argv[1]), set(sys.argv[2:])
    ws = check_workspace(root).workspace
    docs = [doc for doc in d.letter_docs(ws, d.select_letters(ws, None, None, None)) if doc.id in wanted]
    renderer = renderer_for(ws)
    htmls = [renderer.html(doc.template, doc.context) for doc in docs]
    start = time.perf_counter()
    printer = renderer.printer(None)
    for html in htmls:
        printer.pdf(html)
    print(f"{time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main()
