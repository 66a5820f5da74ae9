"""Issuing documents: the renderer for a workspace, and the decomposition plan PDF."""

from __future__ import annotations

from pathlib import Path

from lzzr.errors import LzzrError
from lzzr.render.renderer import renderer_for
from lzzr.workspace.load import Workspace


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


def issue_plan(ws: Workspace, out_dir: Path, variant: str | None = None, workers: int | None = None) -> Path:
    """Render the decomposition plan to `out_dir`; return its path. An attachment table of more
    than `PART_ROWS` rows is laid out in sections (lzzr.render.chunked), each starting a new page
    before a top-level task, in up to `workers` processes (default: the CPUs free now), so that
    a city's plan stays in bounded memory."""
    from lzzr.cpus import free_cpus
    from lzzr.decompose.plan import plan_context
    from lzzr.fsutil import write_atomic
    from lzzr.render.chunked import TABLE_SECTIONS, write_long_table

    missing = plan_missing(ws)
    if missing:
        raise LzzrError("plan.missing", missing="、".join(missing))
    target = out_dir / plan_filename(ws)
    context = plan_context(ws)
    breaks = [row["depth"] == 0 for row in context["rows"]]
    renderer, jobs = renderer_for(ws), free_cpus() if workers is None else workers
    write_atomic(target, lambda out: write_long_table(out, renderer, "plan.html", context, variant=variant,
                                                      items=TABLE_SECTIONS, workers=jobs, breaks=breaks))
    return target


BESIDE_ROWS = 5_000  # rows of the workbook from which it is written beside the CSV and JSON


def table_files(ws: Workspace, out_dir: Path) -> list[Path]:
    """Write both decomposition views as CSV (one per view), one xlsx and one JSON file; a
    large workbook on a free CPU beside the rest (lzzr.forked: at 10k tasks, 2.2 s of 5)."""
    from lzzr.decompose.views import plan_table, static_view
    from lzzr.forked import beside
    from lzzr.fsutil import write_atomic
    from lzzr.render.tables import tables_json, to_csv, to_xlsx

    assert ws.config is not None
    views = {"按领导": static_view(ws), "按单位": plan_table(ws)}
    stem = out_dir / f"{ws.config.year}-责任分解"
    xlsx = Path(f"{stem}.xlsx")
    written = []
    rows = sum(len(table.rows) for table in views.values())
    with beside(lambda: write_atomic(xlsx, to_xlsx(*views.values())), wanted=rows >= BESIDE_ROWS):
        for name, table in views.items():
            path = Path(f"{stem}-{name}.csv")
            write_atomic(path, to_csv(table))
            written.append(path)
        js = Path(f"{stem}.json")
        write_atomic(js, tables_json(views))
    return [*written, xlsx, js]
