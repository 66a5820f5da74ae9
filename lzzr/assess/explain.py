"""`lzzr assess --explain`: one target's result derived line by line, so that the leader
assessed can redo it by hand: for each indicator the input, the rule, the arithmetic and
the points; then the subtotals, the total, the vetoes, the grade and the rank."""

from __future__ import annotations

from lzzr.assess.extras import Extra, overall_share
from lzzr.assess.facts import Line
from lzzr.assess.score import Assessment, Result, StandardResult
from lzzr.assessees import find_targets
from lzzr.i18n import get_lang, t
from lzzr.numbers import num

_CN = "一二三四五六七八九十"


def ordinal(i: int) -> str:
    """`一、` … `十、` (then `11.`), or `1.` in English."""
    if get_lang() == "en":
        return f"{i + 1}."
    return f"{_CN[i]}、" if i < len(_CN) else f"{i + 1}."


def kind_word(kind: str) -> str:
    return t(f"ax.kind.{kind}")


def explain_lines(assessment: Assessment, r: Result) -> list[str]:
    target, scheme = r.target, assessment.scheme
    lines = [t("ex.head", name=target.name, kind=kind_word(target.kind), key=target.key, post=target.post),
             t("ex.scheme", scheme=scheme.name, full=num(scheme.full))]
    lines += [t("ex.note", note=n) for n in r.notes]
    for i, std in enumerate(r.standards):
        lines += _standard(i, std, r.extra)
    terms = " + ".join(str(s.points) for s in r.standards)
    base = r.extra.base if r.extra else r.total
    lines.append(t("ex.total", terms=terms, total=base, full=num(scheme.full)))
    if r.extra:
        lines += _extra(r.extra)
    share = overall_share(scheme, r.total)
    if share is not None and scheme.overall is not None:
        lines.append(t("ex.overall", total=r.total, full=num(scheme.full), points=num(scheme.overall), share=share))
    if r.vetoes:
        lines += [t("ex.veto", id=v.id, name=v.name, reason=v.reason, cap=v.cap) for v in r.vetoes]
    else:
        lines.append(t("ex.veto.none"))
    lines.append(t("ex.grade.head"))
    lines += [f"  {step}" for step in r.steps]
    lines.append(t("ex.grade", grade=r.grade))
    lines.append(t("ex.rank", rank=r.rank, of=r.of, kind=kind_word(target.kind)))
    return lines


def _line(line: Line) -> list[str]:
    note = [t("ex.ind_note", note=line.note)] if line.note else []
    return [t("ex.ind", id=line.id, name=line.name, max=num(line.max)), *note, t("ex.input", text=line.input),
            *(f"        · {d}" for d in line.details), t("ex.rule", text=line.rule), t("ex.calc", text=line.calc),
            t("ex.points", points=line.points)]


def _self(line: Line, extra: Extra | None) -> list[str]:
    own = extra.self_score(line.id) if extra else None
    if extra is None or own is None:
        return []
    diff = abs(own - line.points)
    flag = t("ex.self.flag", gap=num(extra.gap)) if extra.gap is not None and diff > extra.gap else ""
    return [t("ex.self", own=num(own), group=line.points, diff=num(diff), flag=flag)]


def _standard(i: int, std: StandardResult, extra: Extra | None = None) -> list[str]:
    weight = t("ex.weight", weight=num(std.weight)) if std.weight is not None else ""
    out = [t("ex.std", n=ordinal(i), name=std.name, max=num(std.max), weight=weight)]
    if std.groups:
        for g, grp in enumerate(std.groups):
            out.append(t("ex.group", n=g + 1, name=grp.name, max=num(grp.max)))
            for line in grp.lines:
                out += _line(line) + _self(line, extra)
            terms = " + ".join(str(line.points) for line in grp.lines)
            out.append(t("ex.group.subtotal", name=grp.name, terms=terms, points=grp.points, max=num(grp.max)))
    for line in () if std.groups else std.lines:
        out += _line(line) + _self(line, extra)
    terms = " + ".join(str(x.points) for x in (std.groups or std.lines))
    out.append(t("ex.subtotal", terms=terms, raw=std.raw, max=num(std.max)))
    if std.weight is not None:
        out.append(t("ex.weighted", text=std.calc))
    return out


def _extra(extra: Extra) -> list[str]:
    """The bonus items and the discretionary deductions, apart from the base score."""
    out: list[str] = []
    if extra.bonus_lines:
        cap = t("ex.bonus.cap", cap=num(extra.cap)) if extra.cap is not None else ""
        out.append(t("ex.bonus.head", cap=cap))
        out += [text for line in extra.bonus_lines for text in _line(line)]
        capped = t("ex.bonus.capped", bonus=extra.bonus) if extra.bonus != extra.bonus_raw else ""
        terms = " + ".join(str(line.points) for line in extra.bonus_lines)
        out.append(t("ex.bonus", terms=terms, raw=extra.bonus_raw, capped=capped))
    out += [t("ex.cut", id=c.id, points=num(c.points), reason=c.reason, rater=c.rater) for c in extra.cuts]
    bonus = t("ex.final.bonus", bonus=extra.bonus) if extra.bonus_lines else ""
    cut = t("ex.final.cut", cut=extra.cut) if extra.cuts else ""
    out.append(t("ex.final", base=extra.base, bonus=bonus, cut=cut, total=extra.total))
    return out


def explain(assessment: Assessment, target_id: str) -> list[str]:
    """The derivation of one target's result, line by line, in the current language."""
    matches = find_targets([r.target for r in assessment.results], target_id)
    return [line for m in matches for line in explain_lines(assessment, assessment.get(m.key))]
