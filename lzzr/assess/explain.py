"""`lzzr assess --explain`: one target's result derived line by line, so that the leader
assessed can redo it by hand: for each indicator the input, the rule, the arithmetic and
the points; then the subtotals, the total, the vetoes, the grade and the rank."""

from __future__ import annotations

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
        lines += _standard(i, std)
    terms = " + ".join(str(s.points) for s in r.standards)
    lines.append(t("ex.total", terms=terms, total=r.total, full=num(scheme.full)))
    if r.vetoes:
        lines += [t("ex.veto", id=v.id, name=v.name, reason=v.reason, cap=v.cap) for v in r.vetoes]
    else:
        lines.append(t("ex.veto.none"))
    lines.append(t("ex.grade.head"))
    lines += [f"  {step}" for step in r.steps]
    lines.append(t("ex.grade", grade=r.grade))
    lines.append(t("ex.rank", rank=r.rank, of=r.of, kind=kind_word(target.kind)))
    return lines


def _standard(i: int, std: StandardResult) -> list[str]:
    weight = t("ex.weight", weight=num(std.weight)) if std.weight is not None else ""
    out = [t("ex.std", n=ordinal(i), name=std.name, max=num(std.max), weight=weight)]
    for line in std.lines:
        out.append(t("ex.ind", id=line.id, name=line.name, max=num(line.max)))
        out.append(t("ex.input", text=line.input))
        out += [f"        · {d}" for d in line.details]
        out.append(t("ex.rule", text=line.rule))
        out.append(t("ex.calc", text=line.calc))
        out.append(t("ex.points", points=line.points))
    terms = " + ".join(str(line.points) for line in std.lines)
    out.append(t("ex.subtotal", terms=terms, raw=std.raw, max=num(std.max)))
    if std.weight is not None:
        out.append(t("ex.weighted", text=std.calc))
    return out


def explain(assessment: Assessment, target_id: str) -> list[str]:
    """The derivation of one target's result, line by line, in the current language."""
    matches = find_targets([r.target for r in assessment.results], target_id)
    return [line for m in matches for line in explain_lines(assessment, assessment.get(m.key))]
