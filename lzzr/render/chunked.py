"""A document with one very long table, laid out part by part in bounded memory.

WeasyPrint keeps every page of a document in memory until it writes the PDF: the plan of a
city with 10,000 tasks is thousands of pages and several GB. Here the template is rendered
once per part, with the part's slice of the table's rows (the data is split, never the
template), and each part is laid out alone:

- the first part keeps what stands before the table (the 公文's first pages, the attachment's
  label and title); the last keeps what follows it (the colophon); a middle part keeps only
  the table, so its header row opens each page as it does on every continued page;
- a part's last pages are laid out but not kept (those with its last two rows, which the
  template keeps together, and the page before them): the next part starts with the first
  row on them, so rows flow from page to page as in one pass and no row is cut at a seam;
- page numbers continue: a later part starts its page counter at the next number and on
  the side (left/right) that number falls on, so `— N —` alternates as in one pass;
- the parts are joined with pypdf; the outline (bookmarks), the document information and the
  catalogue's language come from the parts as WeasyPrint wrote them.

When the template's table cannot be found as expected (the number of data rows laid out is
not the number given), or a PDF variant (PDF/A) is asked for, the document is laid out in one
pass as before. A document whose rows fit in one part is laid out in one pass, so its bytes
are the same as without this module.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from lzzr.render.renderer import Renderer, _quiet_weasyprint

PART_ROWS = 400  # rows of the long table per part (docs/performance.md: measured)


@dataclass
class _Part:
    """One laid-out part: its pages to keep (as a WeasyPrint document) and where the next starts."""

    pdf: bytes
    pages: int
    next_row: int


def long_table_pdf(renderer: Renderer, template: str, context: dict[str, Any], rows_key: str = "rows",
                   part_rows: int = PART_ROWS, variant: str | None = None) -> bytes:
    """The PDF of `template` whose `context[rows_key]` is the long table's rows, in parts."""
    rows: Sequence[Any] = context[rows_key]
    if len(rows) <= part_rows or variant is not None:
        return renderer.pdf_bytes(renderer.html(template, context), variant)
    parts: list[bytes] = []
    start, page = 0, 1
    while start < len(rows):
        end = min(start + part_rows, len(rows))
        html = renderer.html(template, {**context, rows_key: rows[start:end]})
        part = _lay_out(renderer, html, start, end, len(rows), page)
        if part is None:
            return renderer.pdf_bytes(renderer.html(template, context), variant)
        parts.append(part.pdf)
        start, page = part.next_row, page + part.pages
        gc.collect()  # WeasyPrint's boxes hold cycles: free one part before the next
    return join_pdfs(parts)


def _lay_out(renderer: Renderer, html: str, start: int, end: int, total: int, first_page: int) -> _Part | None:
    """Lay out rows start..end (of `total`) starting at page `first_page`, or None when the
    HTML's table does not hold exactly those rows."""
    from weasyprint import CSS, HTML

    printer = renderer.printer(None)
    document = HTML(string=html, base_url=printer.base, url_fetcher=printer.fetcher)
    found = _table_rows(document.etree_element)
    if found is None or len(found[1]) != end - start:
        return None
    table, row_elements = found
    _prune(document.etree_element, table, before=start > 0, after=end < total)
    sheets = list(printer.sheets)
    if first_page > 1:
        side = "right" if first_page % 2 else "left"
        sheets.append(CSS(string=f"html {{ break-before: {side} }} "
                                 f"@page :first {{ counter-reset: page {first_page} }}",
                          font_config=printer.font_config))
    with _quiet_weasyprint():
        laid = document.render(stylesheets=sheets, font_config=printer.font_config, attachments=[],
                               uncompressed_pdf=False)
        index = {id(el): i for i, el in enumerate(row_elements)}
        on_page = [sorted({index[id(el)] for el in _row_elements(p._page_box) if id(el) in index})
                   for p in laid.pages]
        keep, next_row = _cut(on_page, end - start, end < total)
        if next_row is None:
            return None
        buf = io.BytesIO()
        laid.copy(laid.pages[:keep]).write_pdf(buf, attachments=[], uncompressed_pdf=False)
    return _Part(buf.getvalue(), keep, start + next_row)


def _cut(on_page: list[list[int]], count: int, more: bool) -> tuple[int, int | None]:
    """(pages to keep, first row of the next part) from the rows laid out on each page.

    The last part keeps every page. Another drops the first page that holds one of its last
    two rows (the template keeps those together, which can move them to a new page), every
    page after it, and the page before it (which that move may have left short); the next
    part starts with the first row not wholly on a kept page.
    """
    if not more:
        return len(on_page), count
    holds_last = [i for i, rows in enumerate(on_page) if rows and max(rows) >= count - 2]
    cut = min(holds_last[0] if holds_last else len(on_page), len(on_page)) - 1
    while cut > 0:
        later = [r for rows in on_page[cut:] for r in rows]
        first = min(later) if later else count
        if first not in on_page[cut - 1]:  # no row cut across the seam
            return (cut, first) if first > 0 else (cut, None)
        cut -= 1
    return 0, None


def _table_rows(root: Any) -> tuple[Any, list[Any]] | None:
    """The table with the most body rows, and those rows (`tr` in its `tbody` elements)."""
    best: tuple[Any, list[Any]] | None = None
    for table in root.iter(_tag("table")):
        rows = [tr for body in table if body.tag == _tag("tbody") for tr in body if tr.tag == _tag("tr")]
        if best is None or len(rows) > len(best[1]):
            best = (table, rows)
    return best


def _prune(root: Any, table: Any, before: bool, after: bool) -> None:
    """Remove what precedes (`before`) and what follows (`after`) the table in the body:
    the siblings of the table and of each of its ancestors up to <body>."""
    parents = {child: parent for parent in root.iter() for child in parent}
    node = table
    while node in parents and node.tag != _tag("body"):
        parent = parents[node]
        children = list(parent)
        at = children.index(node)
        for i, child in enumerate(children):
            if (before and i < at) or (after and i > at):
                parent.remove(child)
        if before and at > 0:  # text before the node belonged to a removed sibling
            parent.text = None
        node = parent


def _tag(name: str) -> str:
    """An element's tag as WeasyPrint's parser gives it (no XHTML namespace)."""
    return name


def _row_elements(box: Any) -> Iterator[Any]:
    """The elements of the table-row boxes laid out in `box` (a page)."""
    from weasyprint.formatting_structure.boxes import ParentBox, TableRowBox

    stack = [box]
    while stack:
        node = stack.pop()
        if isinstance(node, TableRowBox):
            yield node.element
            continue
        if isinstance(node, ParentBox):
            stack.extend(node.children)


def join_pdfs(parts: Sequence[bytes]) -> bytes:
    """One PDF of the parts in order: pages, outline, document information and language."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter()
    first = PdfReader(io.BytesIO(parts[0]))
    for data in parts:
        writer.append(PdfReader(io.BytesIO(data)))
    if first.metadata:
        writer.add_metadata(dict(first.metadata))
    catalogue: Any = first.trailer["/Root"]
    for key in ("/Lang", "/PageMode"):
        if key in catalogue:
            writer._root_object[NameObject(key)] = catalogue[key]
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()
