"""A document with one very long run of items, laid out part by part in bounded memory.

WeasyPrint keeps every page of a document in memory until it writes the PDF: the plan of a
city with 10,000 tasks is thousands of pages and several GB, its assessment report hundreds.
Here the template is rendered once per part, with the part's slice of the items (the data is
split, never the template), and each part is laid out alone. The items are the rows of the
template's longest table (`TABLE_ROWS`: the plan's attachment) or the elements of one class
(`sections("sheet")`: the report's score sheets, each on new pages); a part holds as many
items as fit its budget (each item weighs 1, or what the caller says):

- the first part keeps what stands before the table (the 公文's first pages, the attachment's
  label and title); the last keeps what follows it (the colophon); a middle part keeps only
  the table, so its header row opens each page as it does on every continued page;
- table rows: a part's last pages are laid out but not kept (those with its last two rows,
  which the template keeps together, and the page before them): the next part starts with
  the first row on them, so rows flow from page to page as in one pass and no row is cut at a
  seam; page numbers continue: a later part starts its page counter at the next number and on
  the side (left/right) that number falls on, so `— N —` alternates as in one pass;
- sections (`Items.independent`: each opens a new page) need no seam: a part keeps every page,
  and depends on the parts before it only through its page numbers. These are the report's
  score sheets, and the plan's rows in sections (`TABLE_SECTIONS`: each part of rows opens a
  new page with the table's header, and ends at a top-level task: `breaks`), so that the same
  parts are laid out whatever the number of workers. With more than one worker the parts are
  laid out apart in spawned processes, without numbers; once the parts before one are back,
  a worker lays its numbers out alone on as many empty pages (of the same named pages) and
  draws them over its pages, and the numbered parts are joined (built-in stylesheets only);
- the parts are joined with pypdf; the outline is built from every kept page's bookmarks
  (their levels, as WeasyPrint nests them in one pass, so a sheet's heading stays under the
  report's title), the document information and the catalogue's language from the first part.

When the template's items cannot be found as expected (the number of items laid out is not
the number given), or a PDF variant (PDF/A) is asked for, the document is laid out in one
pass as before. A document whose items fit in one part is laid out in one pass, so its bytes
are the same as without this module.
"""

from __future__ import annotations

import gc
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, BinaryIO

from lzzr.render.printer import Printer, quiet_weasyprint

if TYPE_CHECKING:
    from lzzr.render.renderer import Renderer

PART_ROWS = 400  # rows of the long table per part (docs/performance.md: measured)
PARTS_PER_WORKER = 4  # independent parts laid out apart: about this many for each worker
# A part laid out apart has no page numbers (gongwen.css puts them in these margin boxes).
UNNUMBERED = ("@page :left { @bottom-left { content: none !important } } "
              "@page :right { @bottom-right { content: none !important } }")


Found = tuple[Any, Any, list[Any]]  # (first and last element to keep whole, the item elements)


@dataclass(frozen=True)
class Items:
    """What the items are in the HTML, and how a part ends: the pages from the first one that
    holds one of its last `tail` items, and `slack` pages before those, are laid out again by
    the next part."""

    find: Callable[[Any], Found | None]
    tail: int
    slack: int
    # Each item opens a new page (the report's sheets): a part keeps every page it lays out, so
    # parts depend on each other only through their page numbers and may be laid out apart.
    independent: bool = False
    name: str = ""  # the class of `sections(name)`, to make the same Items in a worker
    # Each item opens a new page of itself (the report's sheets, not the plan's sections of rows):
    # parts of any size make the same pages, so parts laid out apart may be smaller.
    paged: bool = False


@dataclass
class _Mark:
    """What the outline needs of a kept page: its bookmarks and its height (WeasyPrint units)."""

    bookmarks: list[Any]
    height: float


@dataclass
class _Part:
    """One laid-out part: the PDF of its kept pages, their bookmarks, where the next starts."""

    pdf: bytes
    pages: int
    next_row: int
    marks: list[_Mark] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # each kept page's named page (@page NAME), or ""


def long_table_pdf(renderer: Renderer, template: str, context: dict[str, Any], rows_key: str = "rows",
                   part_rows: int = PART_ROWS, variant: str | None = None, items: Items | None = None,
                   weights: Sequence[int] | None = None, workers: int = 1,
                   breaks: Sequence[bool] | None = None) -> bytes:
    """The PDF of `write_long_table` as bytes."""
    buf = io.BytesIO()
    write_long_table(buf, renderer, template, context, rows_key, part_rows, variant, items, weights, workers, breaks)
    return buf.getvalue()


def write_long_table(out: BinaryIO, renderer: Renderer, template: str, context: dict[str, Any],
                     rows_key: str = "rows", part_rows: int = PART_ROWS, variant: str | None = None,
                     items: Items | None = None, weights: Sequence[int] | None = None, workers: int = 1,
                     breaks: Sequence[bool] | None = None) -> None:
    """Write to `out` the PDF of `template` whose `context[rows_key]` are the long run's items
    (by default the rows of its longest table), in parts of at most `part_rows` of weight (an
    item weighs 1, or its entry in `weights`); a part starts only at an item whose entry in
    `breaks` is true (the plan's top-level tasks), unless one group of items outweighs a part.
    Independent items (`Items.independent`) in up to `workers` processes at once; the plan's
    sections are the same parts whatever the number of workers, so its pages do not depend on
    it. The parts are joined straight into `out` (a city's plan: 130 MB, which the process then
    does not also hold as bytes)."""
    rows: Sequence[Any] = context[rows_key]
    kind = items or TABLE_ROWS
    weight = list(weights) if weights is not None else [1] * len(rows)
    if sum(weight) <= part_rows or variant is not None:
        out.write(renderer.pdf_bytes(renderer.html(template, context), variant))
        return
    if kind.independent and workers > 1 and not renderer.own_stylesheets():
        # smaller parts than one after another, so that the workers finish close together
        budget = min(part_rows, -(-sum(weight) // (PARTS_PER_WORKER * workers))) if kind.paged else part_rows
        if _apart(out, renderer, template, context, rows_key, _spans(weight, budget, breaks), kind, workers):
            return
    parts: list[_Part] = []
    start, page = 0, 1
    printer = renderer.printer(None)
    while start < len(rows):
        end = _end(weight, start, part_rows, 1 if kind.independent else kind.tail + 1, breaks)
        html = renderer.html(template, {**context, rows_key: rows[start:end]})
        part = _lay_out(printer, html, (start, end, len(rows)), page, kind)
        if part is None:
            out.write(renderer.pdf_bytes(renderer.html(template, context), variant))
            return
        parts.append(part)
        start, page = part.next_row, page + part.pages
        gc.collect()  # WeasyPrint's boxes hold cycles: free one part before the next
    marks = [m for p in parts for m in p.marks]
    join_pdfs(out, (parts.pop(0).pdf for _ in range(len(parts))), marks)


def _spans(weight: Sequence[int], budget: int, breaks: Sequence[bool] | None = None) -> list[tuple[int, int]]:
    """The parts (first item, end) of independent items, each as many items as `budget` holds."""
    spans, start = [], 0
    while start < len(weight):
        end = _end(weight, start, budget, 1, breaks)
        spans.append((start, end))
        start = end
    return spans


def _apart(out: BinaryIO, renderer: Renderer, template: str, context: dict[str, Any], rows_key: str,
           spans: list[tuple[int, int]], kind: Items, workers: int) -> bool:
    """Independent parts laid out in `workers` processes at once, without page numbers (a part
    does not know its first page's number before the parts before it are laid out). As soon as
    the parts before one are back, its first page's number is known and a worker numbers it: the
    numbers laid out alone, on as many empty pages with the same page rules, drawn over its
    pages. The numbered parts are then joined into `out`. A few parts are given out at a time,
    so that numbering a part need not wait for every part to be laid out. False, with nothing
    written, when a part does not hold its items as expected, or its pages are not all the size
    of the numbered pages (the caller then lays the parts out one after another)."""
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from lzzr.render.batch import spawn_context, stop_pool
    from lzzr.render.worker import init_worker

    rows: Sequence[Any] = context[rows_key]
    setup = ([str(d) for d in renderer.template_dirs], [str(d) for d in renderer.extra_allowed],
             renderer.font_css, None)
    pool = ProcessPoolExecutor(max_workers=min(workers, len(spans)), mp_context=spawn_context(),
                               initializer=init_worker, initargs=setup)
    links: list[str] = []  # the stylesheets of the first part's HTML, for the numbers
    waiting = deque(spans)

    def give_out() -> Future[_Part | None]:
        start, end = waiting.popleft()
        html = renderer.html(template, {**context, rows_key: rows[start:end]})
        if not links:
            links.append("".join(_STYLESHEET.findall(html)))
        return pool.submit(lay_out_apart, html, (start, end, len(rows)), kind.name)

    try:
        laying = deque(give_out() for _ in range(min(len(spans), workers + 1)))
        numbering: list[Future[bytes]] = []
        marks: list[_Mark] = []
        page = 1
        while laying:
            part = laying.popleft().result()
            if waiting:
                laying.append(give_out())
            if part is None:
                return False
            numbering.append(pool.submit(number_part, part.pdf, part.names, page, links[0]))
            page += part.pages
            marks += part.marks
        # each part's bytes let go of once joined (the futures would hold them to the end)
        join_pdfs(out, (numbering.pop(0).result() for _ in range(len(numbering))), marks)
    except (BrokenProcessPool, OSError, RuntimeError, MemoryError):  # a worker died or could not start
        return False
    except ValueError:  # a page of another size than the numbered ones
        return False
    finally:  # also on Ctrl-C: the workers end now, not after their parts
        stop_pool(pool)
    return True


def lay_out_apart(html: str, span: tuple[int, int, int], name: str) -> _Part | None:
    """A worker's job (lzzr.render.worker's printer): one independent part, unnumbered."""
    from lzzr.render.worker import worker_printer

    kind = TABLE_SECTIONS if name == TABLE_SECTIONS.name else sections(name)
    part = _lay_out(worker_printer(), html, span, None, kind)
    gc.collect()  # WeasyPrint's boxes hold cycles: free this part before the worker's next
    return part


_STYLESHEET = re.compile(r"<link\b[^>]*\brel=\"stylesheet\"[^>]*>", re.IGNORECASE)


def number_part(pdf: bytes, names: list[str], number: int, links: str) -> bytes:
    """A worker's job: an unnumbered part with its page numbers drawn over it, from `number` on."""
    from lzzr.render.worker import worker_printer

    buf = io.BytesIO()
    join_pdfs(buf, [pdf], [], overlay=_numbers_pdf(worker_printer(), links, names, number))
    return buf.getvalue()


def _numbers_pdf(printer: Printer, links: str, names: Sequence[str], number: int = 1) -> bytes:
    """Empty pages with the page numbers of the stylesheets `links` (their page rules), from
    `number` on: one for each of `names`, of that named page (@page NAME: the plan's landscape
    attachment) or of none."""
    from weasyprint import HTML

    blank = "".join('<div style="{}{}"></div>'.format("break-before: page; " if i else "",
                                                     f"page: {name}" if name else "") for i, name in enumerate(names))
    document = HTML(string=f"<!DOCTYPE html><html><head>{links}</head><body>{blank}</body></html>",
                    base_url=printer.base, url_fetcher=printer.fetcher)
    buf = io.BytesIO()
    with quiet_weasyprint():
        document.write_pdf(buf, stylesheets=[*printer.sheets, *_first_page(number, printer)],
                           font_config=printer.font_config, attachments=[], uncompressed_pdf=False)
    return buf.getvalue()


def _first_page(number: int, printer: Printer) -> list[Any]:
    """The stylesheet that starts a document's pages at `number`, on that number's side."""
    from weasyprint import CSS

    if number <= 1:
        return []
    side = "right" if number % 2 else "left"
    return [CSS(string=f"html {{ break-before: {side} }} @page :first {{ counter-reset: page {number} }}",
                font_config=printer.font_config)]


def _end(weight: Sequence[int], start: int, budget: int, least: int, breaks: Sequence[bool] | None = None) -> int:
    """The end of the part that starts at `start`: as many items as `budget` holds, at least
    `least`; with `breaks`, the last item before it where a part may start (if there is one
    after the least)."""
    end, total = start, 0
    while end < len(weight) and (end - start < least or total + weight[end] <= budget):
        total += weight[end]
        end += 1
    if breaks is not None and end < len(weight) and not breaks[end]:
        end = next((e for e in range(end - 1, start + least - 1, -1) if breaks[e]), end)
    return end


def _lay_out(printer: Printer, html: str, span: tuple[int, int, int], first_page: int | None,
             kind: Items) -> _Part | None:
    """Lay out items start..end (of `total`, in `span`) starting at page `first_page` (None:
    without page numbers), or None when the HTML does not hold exactly those items."""
    from weasyprint import CSS, HTML

    start, end, total = span
    document = HTML(string=html, base_url=printer.base, url_fetcher=printer.fetcher)
    found = kind.find(document.etree_element)
    if found is None or len(found[2]) != end - start:
        return None
    first, last, row_elements = found
    _prune(document.etree_element, first, last, before=start > 0, after=end < total)
    sheets = list(printer.sheets)
    if first_page is None:
        sheets.append(CSS(string=UNNUMBERED, font_config=printer.font_config))
    else:
        sheets += _first_page(first_page, printer)
    with quiet_weasyprint():
        laid = document.render(stylesheets=sheets, font_config=printer.font_config, attachments=[],
                               uncompressed_pdf=False)
        index = {id(el): i for i, el in enumerate(row_elements)}
        on_page = [sorted(set(_items_on(p._page_box, index))) for p in laid.pages]
        keep, next_row = _cut(on_page, end - start, end < total and not kind.independent, kind.tail, kind.slack)
        if next_row is None:
            return None
        buf = io.BytesIO()
        kept = laid.pages[:keep]
        laid.copy(kept).write_pdf(buf, attachments=[], uncompressed_pdf=False)
    return _Part(buf.getvalue(), keep, start + next_row, [_Mark(list(p.bookmarks), p.height) for p in kept],
                 [p._page_box.page_type.name or "" for p in kept])


def _cut(on_page: list[list[int]], count: int, more: bool, tail: int = 2,
         slack: int = 1) -> tuple[int, int | None]:
    """(pages to keep, first item of the next part) from the items laid out on each page.

    The last part keeps every page. Another drops the first page that holds one of its last
    `tail` items (the plan keeps its last two rows together, which can move them to a new
    page), every page after it, and the `slack` pages before it (the page that move may have
    left short); the next part starts with the first item not wholly on a kept page.
    """
    if not more:
        return len(on_page), count
    holds_last = [i for i, rows in enumerate(on_page) if rows and max(rows) >= count - tail]
    cut = min(holds_last[0] if holds_last else len(on_page), len(on_page)) - slack
    while cut > 0:
        later = [r for rows in on_page[cut:] for r in rows]
        first = min(later) if later else count
        if first not in on_page[cut - 1]:  # no row cut across the seam
            return (cut, first) if first > 0 else (cut, None)
        cut -= 1
    return 0, None


def _table_rows(root: Any) -> Found | None:
    """The table with the most body rows (kept whole, header and all), and those rows (`tr`
    in its `tbody` elements)."""
    best: Found | None = None
    for table in root.iter(_tag("table")):
        rows = [tr for body in table if body.tag == _tag("tbody") for tr in body if tr.tag == _tag("tr")]
        if best is None or len(rows) > len(best[2]):
            best = (table, table, rows)
    return best


TABLE_ROWS = Items(_table_rows, tail=2, slack=1)
# The rows of the longest table in sections: each part of rows starts a new page (its header row
# first) and ends with its own last rows, so the parts are laid out apart like sections.
TABLE_SECTIONS = Items(_table_rows, tail=2, slack=0, independent=True, name=":table-rows")


def sections(name: str) -> Items:
    """Items that are the elements of class `name` (siblings, each opening a new page, like the
    report's score sheets): a part ends before the pages of its last one."""

    def find(root: Any) -> Found | None:
        found = [el for el in root.iter() if name in (el.get("class") or "").split()]
        return (found[0], found[-1], found) if found else None

    return Items(find, tail=1, slack=0, independent=True, name=name, paged=True)


def _prune(root: Any, first: Any, last: Any, before: bool, after: bool) -> None:
    """Remove what precedes `first` (`before`) and what follows `last` (`after`) in the body:
    the siblings before `first` and each of its ancestors up to <body>, and those after `last`
    and its ancestors."""
    parents = {child: parent for parent in root.iter() for child in parent}
    for node, drop, preceding in ((first, before, True), (last, after, False)):
        while drop and node in parents and node.tag != _tag("body"):
            parent = parents[node]
            children = list(parent)
            at = children.index(node)
            for i, child in enumerate(children):
                if (i < at) if preceding else (i > at):
                    parent.remove(child)
            if preceding and at > 0:  # text before the node belonged to a removed sibling
                parent.text = None
            node = parent


def _tag(name: str) -> str:
    """An element's tag as WeasyPrint's parser gives it (no XHTML namespace)."""
    return name


def _items_on(box: Any, index: dict[int, int]) -> Iterator[int]:
    """The items (numbers in `index`, by element id) with a box laid out in `box` (a page)."""
    from weasyprint.formatting_structure.boxes import ParentBox

    stack = [box]
    while stack:
        node = stack.pop()
        item = index.get(id(node.element))
        if item is not None:
            yield item
        elif isinstance(node, ParentBox):
            stack.extend(node.children)


def join_pdfs(out: BinaryIO, parts: Iterable[bytes], marks: Sequence[_Mark] | None = None,
              overlay: bytes | None = None) -> None:
    """Write to `out` one PDF of the parts in order (each let go of once read: `parts` may be a
    generator that hands each over): pages, outline (from each part's, or from `marks`: the
    bookmarks of every page of the whole), document information and language; the pages of
    `overlay` (as many) drawn over them. Nothing is written when a part or the overlay fails."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter()
    first: PdfReader | None = None
    for data in parts:
        reader = PdfReader(io.BytesIO(data))
        if first is None:
            first = reader
        writer.append(reader, import_outline=marks is None)
        del data, reader
    if first is None:
        raise ValueError("no parts to join")
    if overlay is not None:
        over = PdfReader(io.BytesIO(overlay)).pages
        if len(over) != len(writer.pages):
            raise ValueError(f"{len(over)} overlay pages for {len(writer.pages)}")
        for page, top in zip(writer.pages, over, strict=True):
            if [round(float(v)) for v in page.mediabox] != [round(float(v)) for v in top.mediabox]:
                raise ValueError("an overlay page of another size")
            page.merge_page(top)
    if marks is not None:
        _add_outline(writer, _bookmark_tree(marks), None)
    if first.metadata:
        writer.add_metadata(dict(first.metadata))
    catalogue: Any = first.trailer["/Root"]
    for key in ("/Lang", "/PageMode"):
        if key in catalogue:
            writer._root_object[NameObject(key)] = catalogue[key]
    writer.write(out)


def _bookmark_tree(marks: Sequence[_Mark]) -> list[Any]:
    """The outline tree of pages with these bookmarks, nested and placed as WeasyPrint does it
    for one document (its own function, over stand-ins for the pages)."""
    from weasyprint.document import Document

    class _Pages:
        pages = marks

    tree: list[Any] = Document.make_bookmark_tree(_Pages(), 0.75, transform_pages=True)
    return tree


def _add_outline(writer: Any, tree: list[Any], parent: Any) -> None:
    """Write the bookmark tree into `writer` as WeasyPrint would: /XYZ destinations, open or closed."""
    from pypdf.generic import Fit

    for title, (page, x, y), children, state in tree:
        item = writer.add_outline_item(title=title, page_number=page, parent=parent, fit=Fit.xyz(x, y, 0),
                                       is_open=state != "closed")
        _add_outline(writer, children, item)
