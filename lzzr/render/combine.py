"""Several complete documents as one print-ready file (`--combine`): each on a new page, a
right-hand one for two-sided printing, page numbers restarting per document."""

from __future__ import annotations

import re
from collections.abc import Sequence

_HEAD = re.compile(r"<head\b[^>]*>(.*?)</head\s*>", re.IGNORECASE | re.DOTALL)
_BODY = re.compile(r"<body\b([^>]*)>(.*?)(?:</body\s*>|\Z)", re.IGNORECASE | re.DOTALL)
_HTML_OPEN = re.compile(r"<html\b[^>]*>", re.IGNORECASE)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)

# WeasyPrint 70 ignores `counter-reset: page` on elements (only @page rules touch the page
# counter); a page group per document does restart it: each section is a named page, and
# the first page of each group resets the counter.
COMBINE_CSS = """
body.combined > section.doc { page: lzzr-doc; break-before: page; }
body.combined > section.doc:first-child { break-before: auto; }
@page :nth(1 of lzzr-doc) { counter-reset: page 1; }
"""
# For two-sided printing each document starts on a right-hand page; the blank page this may
# need carries no page number.
DUPLEX_CSS = """
body.combined > section.doc { break-before: right; }
body.combined > section.doc:first-child { break-before: auto; }
@page :blank { @top-left { content: none; } @top-center { content: none; } @top-right { content: none; }
  @bottom-left { content: none; } @bottom-center { content: none; } @bottom-right { content: none; } }
"""


def combine(htmls: Sequence[str], *, duplex: bool = False) -> str:
    """One print-ready HTML document from complete documents of the same template family.

    The first document's head is kept (its title and stylesheets serve all); each body
    becomes a `<section class="doc">` starting on a new page (a right-hand one with
    `duplex`, after an unnumbered blank page when needed), with page numbers restarting
    at 1. `counter(pages)` still counts the whole file.
    """
    if not htmls:
        raise ValueError("combine: no documents")
    head_match = _HEAD.search(htmls[0])
    head = head_match.group(1) if head_match else ""
    html_open = _HTML_OPEN.search(htmls[0])
    sections = []
    for html in htmls:
        attrs, body = _body(html)
        classes = " ".join(["doc", *_classes(attrs)])
        sections.append(f'<section class="{classes}">\n{body}\n</section>')
    style = COMBINE_CSS + (DUPLEX_CSS if duplex else "")
    return (f"<!DOCTYPE html>\n{html_open.group(0) if html_open else '<html>'}\n<head>{head}"
            f"<style>{style}</style></head>\n<body class=\"combined\">\n" + "\n".join(sections)
            + "\n</body>\n</html>\n")


def _body(html: str) -> tuple[str, str]:
    match = _BODY.search(html)
    if match:
        return match.group(1), match.group(2)
    head = _HEAD.search(html)
    return "", html[head.end():] if head else html


def _classes(attrs: str) -> list[str]:
    match = _CLASS.search(attrs)
    if not match:
        return []
    return next(g for g in match.groups() if g is not None).split()
