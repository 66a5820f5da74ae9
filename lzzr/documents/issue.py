"""Issuing letters and pledges in batches: check glyphs, render in workers, skip what is
unchanged, sign when asked, combine for print, and keep the register. No printing here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lzzr import clock
from lzzr.documents.issue_cache import HtmlKeys, context_digest
from lzzr.documents.letters import (
    LetterSpec,
    as_signed,
    leaders_with_posts,
    letter_context,
    letter_filename,
    plan_letters,
    pledge_context,
    pledge_filename,
)
from lzzr.documents.register import Register, sha256_bytes
from lzzr.errors import Problem, UsageError
from lzzr.render.renderer import Renderer, renderer_for
from lzzr.workspace.letters_setup import KIND as SETUP_KIND
from lzzr.workspace.load import Workspace
from lzzr.workspace.model import Post

if TYPE_CHECKING:
    from lzzr.render.batch import ProgressCallback



@dataclass
class Options:
    """How to issue: where, how many workers, which PDF variant, signing, combining."""

    out: Path
    workers: int = 0
    variant: str | None = None
    combine: bool = False
    signer: Any = None
    progress: ProgressCallback | None = None
    today: dt.date = field(default_factory=lambda: clock.today())
    reissue: frozenset[str] = frozenset()
    cache: bool = True  # the HTML keys of lzzr/documents/issue_cache.py (False: build every HTML)


@dataclass
class Issued:
    """What an issue run did: one entry per document, plus the combined file if any."""

    docs: list[dict[str, Any]]
    combined: Path | None = None
    frozen: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)  # frozen documents whose signed file is gone or altered

    @property
    def rendered(self) -> int:
        return sum(1 for d in self.docs if d["rendered"])


@dataclass(frozen=True)
class Doc:
    """One document to issue: register id and entry, template, context, file name, and the
    records whose text it prints (for the glyph check)."""

    id: str
    entry: dict[str, Any]
    template: str
    context: dict[str, Any]
    filename: str
    texts: tuple[tuple[tuple[str, str, tuple[Any, ...]], str], ...]
    source: dict[str, Any] | None = None  # a 签订本: the context of the letter it copies


def select_letters(ws: Workspace, kind: str | None, unit: str | None, leader: str | None) -> list[LetterSpec]:
    """The year's letters, narrowed by kind, unit (either party's, or a unit bound) and leader."""
    found = []
    for spec in plan_letters(ws):
        if kind and spec.kind != kind:
            continue
        if unit and unit not in (*(p.unit for p in spec.parties), *spec.units):
            continue
        if leader and leader not in (p.leader for p in spec.parties):
            continue
        found.append(spec)
    return found


def letter_docs(ws: Workspace, specs: Sequence[LetterSpec]) -> list[Doc]:
    docs = []
    for spec in specs:
        entry = {"kind": f"letter-{spec.kind}", **_letter_entry(ws, spec)}
        texts = tuple(_letter_texts(ws, spec))
        docs.append(Doc(spec.id, entry, "letter.html", letter_context(ws, spec), letter_filename(spec), texts))
    return docs


def _letter_entry(ws: Workspace, spec: LetterSpec) -> dict[str, Any]:
    sides = ["a"] * (1 + len(spec.a_with)) + ["b"] * (1 + len(spec.b_with))  # spec.parties: side a first
    parties = [{"leader": p.leader, "name": p.name, "post": p.post, "unit": p.unit, "side": side}
               for p, side in zip(spec.parties, sides, strict=True)]
    return {"year": ws.config.year if ws.config else None, "parties": parties, "units": list(spec.units),
            "tasks": [t for t, _ in spec.tasks]}


SIGNED_SUFFIX = ":signed"


def signed_copy_docs(ws: Workspace, specs: Sequence[LetterSpec]) -> list[Doc]:
    """The 签订本 of every letter someone has signed: the letter as issued, with the signing
    dates of the register printed (`<id>:signed`, kind `letter-signed`). The signed letter
    itself stays frozen (issue 14); a copy is not a letter (no signatures of its own, not
    counted in the signing rate) and is rendered again when a signature is corrected."""
    register = Register.open(ws.root)
    docs = []
    for spec in specs:
        signatures = register.documents.get(spec.id, {}).get("signatures", [])
        dates = {s["leader"]: dt.date.fromisoformat(s["date"]) for s in signatures if _iso(s.get("date"))}
        if not dates:
            continue
        entry = {"kind": "letter-signed", "of": spec.id, **_letter_entry(ws, spec)}
        name = letter_filename(spec).removesuffix(".pdf") + "-签订本.pdf"
        docs.append(Doc(spec.id + SIGNED_SUFFIX, entry, "letter.html", as_signed(ws, spec, dates), name,
                        tuple(_letter_texts(ws, spec)), letter_context(ws, spec)))
    return docs


def _iso(value: Any) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def pledge_docs(ws: Workspace, unit: str | None, leader: str | None, public: bool) -> list[Doc]:
    assert ws.config is not None
    docs = []
    for leader_id, posts in leaders_with_posts(ws):
        if leader and leader_id != leader:
            continue
        if unit and unit not in (t for t, _ in posts):
            continue
        ctx = pledge_context(ws, leader_id, posts, public)
        doc_id = ctx["doc_id"]
        entry = {"kind": "pledge-public" if public else "pledge", "year": ws.config.year,
                 "parties": [{"leader": leader_id, "name": ctx["name"], "post": ctx["post"], "unit": posts[0][0]}]}
        texts = tuple(_pledge_texts(ws, leader_id, posts))
        docs.append(Doc(doc_id, entry, "pledge.html", ctx,
                        pledge_filename(ws.config.year, leader_id, ctx["name"], public), texts))
    return docs


def _letter_texts(ws: Workspace, spec: LetterSpec) -> Iterator[tuple[tuple[str, str, tuple[Any, ...]], str]]:
    for party in spec.parties:
        yield ("leader", party.leader, ("姓名",)), party.name
        yield ("unit", party.unit, ("名称",)), party.unit_name
        team = ws.teams.get(party.unit)
        on_team = team is not None and any(p.title == party.post for p in team.members)
        yield (("team", party.unit, ()) if on_team else (SETUP_KIND, "", ())), party.post
    if spec.office:
        yield (SETUP_KIND, "", ("股室",)), spec.office
    for unit_id in spec.units:
        unit = ws.units.get(unit_id)
        if unit:
            yield ("unit", unit_id, ("简称" if unit.short else "名称",)), unit.label
    for tid, _role in spec.tasks:
        task = ws.tasks[tid]
        for key, value in (("名称", task.title), ("工作标准", task.standard), ("成果", task.deliverable)):
            if value:
                yield ("task", tid, (key,)), value
        for i, target in enumerate(task.targets):
            yield ("task", tid, ("量化指标", i, "指标")), f"{target.metric}{target.unit or ''}"
    yield from _config_texts(ws)


def _pledge_texts(ws: Workspace, leader_id: str, posts: list[tuple[str, Post]]) -> Iterator[
        tuple[tuple[str, str, tuple[Any, ...]], str]]:
    leader = ws.leaders.get(leader_id)
    if leader:
        yield ("leader", leader_id, ("姓名",)), leader.name
    for team_id, post in posts:
        yield ("team", team_id, ()), post.title
    if ws.config:
        for i, item in enumerate(ws.config.pledge_items):
            yield ("config", "", ("承诺事项", i)), item
    yield from _config_texts(ws)


def _config_texts(ws: Workspace) -> Iterator[tuple[tuple[str, str, tuple[Any, ...]], str]]:
    if ws.config:
        yield ("config", "", ("机关",)), ws.config.organ
        yield ("config", "", ("地区",)), ws.config.region


def glyph_problems(ws: Workspace, docs: Sequence[Doc]) -> list[Problem]:
    """Errors for characters of the documents' data that none of the chosen fonts can draw;
    warnings for those the body face (仿宋) lacks, which print in a fallback face."""
    from lzzr.render.glyphcheck import glyph_problems as check

    return check(ws, (t for d in docs for t in d.texts))


def issue(ws: Workspace, docs: Sequence[Doc], options: Options, combined_name: str) -> Issued:
    """Render `docs` (skipping the unchanged), sign if asked, register, and combine if asked."""
    from lzzr.render.batch import Job, render_many, unchanged

    renderer = renderer_for(ws)
    register, keys = Register.open(ws.root), _Keys(ws, renderer, options)
    unknown = sorted(options.reissue - {d.id for d in docs})
    if unknown:
        raise UsageError("issue.reissue_unknown", docs="、".join(unknown))
    kept, jobs, htmls, html_shas, frozen, previous = [], [], [], [], [], register.previous()
    volume: list[tuple[str, Path, bool]] = []  # in order: (id, PDF file, frozen) of every document
    for doc in docs:
        if doc.source is not None and _stale(register, renderer, doc):
            frozen.append(str(doc.entry["of"]))  # the letter changed since it was signed: no copy
            continue
        html, key, html_sha = keys.known(doc)
        if register.frozen(doc.id, key):
            if doc.id not in options.reissue:
                frozen.append(doc.id)
                volume.append((doc.id, Path(register.documents[doc.id].get("file", "")), True))
                continue
            keep_aside(register, doc.id)
        target = options.out / doc.filename
        same = unchanged(target, key, previous) if html is None else None
        if html is None and (same is None or options.combine):
            html, key, html_sha = keys.build(doc)
        kept.append(doc)
        htmls.append(html or "")
        html_shas.append(html_sha)
        volume.append((doc.id, target, False))
        jobs.append(Job(target, html or "", key, same))
    keys.save()
    docs = kept
    done = render_many(jobs, template_dirs=renderer.template_dirs, font_css=renderer.font_css,
                       variant=options.variant, workers=options.workers, previous=previous,
                       progress=options.progress)
    result = []
    for doc, job, html_sha, outcome in zip(docs, jobs, html_shas, done, strict=True):
        sha = outcome.sha256
        if outcome.rendered and options.signer is not None:
            sha = _sign(job.target, options.signer, SIGN_REASONS.get(doc.entry["kind"], "党风廉政建设责任制文件"))
        register.record(doc.id, {**doc.entry, "file": str(job.target), "key": job.key, "html_sha256": html_sha,
                                 "pades": options.signer is not None}, sha, options.today)
        result.append({"id": doc.id, "file": str(job.target), "rendered": outcome.rendered, "sha256": sha})
    combined, left_out = None, list[str]()
    if options.combine and frozen:  # the signed versions go in as signed: bind the files
        from lzzr.documents.volume import bind_volume

        combined, left_out = bind_volume(register, volume, options.out / combined_name, options.today)
    elif options.combine and htmls:
        combined = _combine(renderer, register, htmls, options, combined_name, keys.templates)
    register.save()
    return Issued(result, combined, frozen, left_out)


class _Keys:
    """The content key of each document (its HTML with the fonts, templates, variant and
    signer), learnt without building the HTML when its template context is the one the
    HTML keys recorded (lzzr/documents/issue_cache.py)."""

    def __init__(self, ws: Workspace, renderer: Renderer, options: Options) -> None:
        from lzzr import cache
        from lzzr.render.batch import content_key, template_digest
        from lzzr.render.nobreak import unbreakable_words

        self.renderer, self.templates = renderer, template_digest(renderer.template_dirs)
        signing = options.signer.common_name if options.signer else ""
        self.salt = (renderer.font_css, self.templates, options.variant or "", signing)
        words = "\0".join(unbreakable_words(ws))  # the renderer's keep_known filter reads them
        self.html_keys = HtmlKeys(ws.root, content_key(cache.code_fingerprint(), *self.salt, words), options.cache)

    def known(self, doc: Doc) -> tuple[str | None, str, str]:
        """(None, key, HTML digest) when the context is as recorded, else the HTML built and its key."""
        context = context_digest(doc.template, doc.context)
        found = self.html_keys.get(doc.id, context) if context else None
        return (None, *found) if found is not None else self.build(doc)

    def build(self, doc: Doc) -> tuple[str, str, str]:
        """The document's HTML, content key and HTML digest (recorded for the next run)."""
        from lzzr.render.batch import content_key

        html = self.renderer.html(doc.template, doc.context)
        key, html_sha = content_key(html, *self.salt), sha256_bytes(html.encode("utf-8"))
        context = context_digest(doc.template, doc.context)
        if context:
            self.html_keys.put(doc.id, context, key, html_sha)
        return html, key, html_sha

    def save(self) -> None:
        self.html_keys.save()


def _stale(register: Register, renderer: Renderer, doc: Doc) -> bool:
    """Whether the letter a 签订本 copies reads otherwise today than the version registered (and
    signed): the copy would then show text nobody signed."""
    assert doc.source is not None
    recorded = register.documents.get(str(doc.entry["of"]), {}).get("html_sha256")
    now = sha256_bytes(renderer.html(doc.template, doc.source).encode("utf-8"))
    return recorded is not None and recorded != now


def keep_aside(register: Register, doc_id: str) -> None:
    """Before a signed document is re-issued, move its file to `<name>.v<N>.pdf` so that the
    signed version is kept beside its record in the register's history."""
    entry = register.documents[doc_id]
    old = Path(entry.get("file", ""))
    aside = old.with_name(f"{old.stem}.v{entry.get('version', 1)}{old.suffix}")
    if old.is_file() and not aside.exists():
        old.rename(aside)
        entry["file"] = str(aside)


SIGN_REASONS = {"letter-lower": "党风廉政建设责任书", "letter-member": "党风廉政建设责任书",
                "letter-supervision": "党风廉政建设监督责任书", "letter-office": "党风廉政建设责任书",
                "letter-signed": "党风廉政建设责任书（签订本）",
                "pledge": "廉洁自律承诺书", "pledge-public": "廉洁自律承诺书"}


def _sign(target: Path, signer: Any, reason: str) -> str:
    from lzzr.documents.signing import sign_pdf
    from lzzr.fsutil import write_atomic

    signed = sign_pdf(target.read_bytes(), signer, reason=reason, location="")
    write_atomic(target, signed)
    return sha256_bytes(signed)


def _combine(renderer: Renderer, register: Register, htmls: list[str], options: Options, name: str,
             templates: str) -> Path:
    """The print-ready file of all documents; registered, and not rendered again when unchanged."""
    from lzzr.render.batch import Job, content_key, render_many
    from lzzr.render.combine import combine

    html = combine(htmls, duplex=True)  # each letter on a recto: two-sided printing never mixes two letters
    target = options.out / name
    key = content_key(html, renderer.font_css, templates, options.variant or "")
    (done,) = render_many([Job(target, html, key)], template_dirs=renderer.template_dirs,
                          font_css=renderer.font_css, variant=options.variant, workers=1,
                          previous=register.previous())
    entry = {"kind": "combined", "year": options.today.year, "parties": [], "file": str(target), "key": key,
             "pades": False}
    register.record(f"combined:{name}", entry, done.sha256, options.today)
    return target


def require_known(ws: Workspace, kind: str, rid: str | None) -> None:
    """A --unit/--leader filter must name a record that exists (with a suggestion if not)."""
    if rid is None or rid in ws.collection(kind):
        return
    import difflib

    close = difflib.get_close_matches(rid, list(ws.collection(kind)), n=1, cutoff=0.6)
    from lzzr.i18n import kind_label

    raise UsageError("usage.unknown_ref", kind=kind_label(kind), ref=rid, suggest=f"（{close[0]}？）" if close else "")
