"""Issuing documents: the renderer for a workspace, and the decomposition plan PDF."""

from __future__ import annotations

from pathlib import Path

from lzzr.errors import EnvironmentProblem, LzzrError
from lzzr.fonts import APT_HINT, choose, font_css, installed_families
from lzzr.load import Workspace
from lzzr.render import Renderer, builtin_templates

USER_TEMPLATES = "templates"


def renderer_for(ws: Workspace) -> Renderer:
    """A renderer that searches the workspace's templates/ first, then the built-in ones."""
    assert ws.config is not None
    have = installed_families()
    choices = choose(ws.config.fonts, have)
    if choices["song"].face is None:
        raise EnvironmentProblem("fonts.none", hint=APT_HINT)
    dirs = [d for d in (ws.root / USER_TEMPLATES,) if d.is_dir()] + [builtin_templates()]
    return Renderer(dirs, font_css=font_css(choices))


def plan_missing(ws: Workspace) -> list[str]:
    """What the workspace lacks before the plan can be issued (config keys / sections)."""
    missing = []
    if ws.config is None or ws.config.issuing.plan is None:
        missing.append("lzzr.yaml → 发文 → 责任分解方案")
    if ws.plan is None:
        missing.append("方案")
    return missing


def plan_filename(ws: Workspace) -> str:
    assert ws.config is not None
    return f"{ws.config.year}-责任分解方案.pdf"


def issue_plan(ws: Workspace, out_dir: Path, variant: str | None = None) -> Path:
    """Render the decomposition plan to `out_dir`; return its path."""
    from lzzr.plan import plan_context

    missing = plan_missing(ws)
    if missing:
        raise LzzrError("plan.missing", missing="、".join(missing))
    target = out_dir / plan_filename(ws)
    renderer_for(ws).write_pdf("plan.html", plan_context(ws), target, variant)
    return target
