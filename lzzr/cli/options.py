"""Every option that several commands share, declared once, and the choices as Enums.

Typer reads a parameter's default as its declaration, so each helper returns a fresh
`typer.Option`/`typer.Argument`; help texts are made when the app is built, after the
language is chosen.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from lzzr.errors import UsageError
from lzzr.i18n import tr


class Format(str, Enum):
    """Output of a command that prints a result: words for people, or JSON for scripts."""

    text = "text"
    json = "json"


class ViewFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


class TableFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class View(str, Enum):
    leader = "leader"
    unit = "unit"


class LetterKind(str, Enum):
    LOWER = "lower"  # (upper-case names: `lower` would shadow str.lower)
    MEMBER = "member"
    SUPERVISION = "supervision"
    OFFICE = "office"


class PdfVariant(str, Enum):
    """The PDF variants WeasyPrint writes that an office may be asked for."""

    PDF_A_1B = "pdf/a-1b"
    PDF_A_2B = "pdf/a-2b"
    PDF_A_3B = "pdf/a-3b"
    PDF_UA_1 = "pdf/ua-1"


class CountyKind(str, Enum):
    """A county-level area and its own words: 县 with 乡镇, 旗 with 苏木镇, 区 with 街道."""

    XIAN = "县"
    QI = "旗"
    QU = "区"


class SchemaKind(str, Enum):
    all = "all"
    config = "config"
    data = "data"


def workspace_arg() -> Any:
    return typer.Argument(None, show_default=False, help=tr(
        "工作区文件夹（含 lzzr.yaml；默认：当前文件夹；也可用 -w 指定）",
        "workspace folder (holding lzzr.yaml; default: the current folder; or -w)"))


def workspace_opt() -> Any:
    return typer.Option(None, "--workspace", "-w", show_default=False, help=tr(
        "工作区文件夹（默认：当前文件夹）", "workspace folder (default: the current folder)"))


def pick_workspace(positional: Path | None, option: Path | None) -> Path:
    """The workspace named on the command line: positional, -w, or the current folder."""
    from lzzr.errors import UsageError

    if positional is not None and option is not None and positional != option:
        raise UsageError("usage.two_workspaces", first=str(positional), second=str(option))
    return option or positional or Path(".")


def open_workspace(path: Path) -> Path:
    """A folder that is a workspace (holds lzzr.yaml), for commands that read the register."""
    from lzzr.errors import UsageError

    if not path.exists():
        raise UsageError("usage.no_workspace", path=str(path))
    if not path.is_dir():
        raise UsageError("usage.not_dir", path=str(path))
    if not (path / "lzzr.yaml").is_file():
        raise UsageError("usage.no_config", path=str(path))
    return path


def format_opt(default: Enum = Format.text, zh: str = "输出格式", en: str = "output format") -> Any:
    return typer.Option(default, "--format", "-f", help=tr(zh, en))


def quiet_opt() -> Any:
    return typer.Option(False, "--quiet", "-q", help=tr("只输出问题，不输出汇总", "print problems only, no summary"))


def strict_opt() -> Any:
    return typer.Option(False, "--strict", help=tr("警告也视为失败", "fail on warnings too"))


def out_opt() -> Any:
    return typer.Option(Path("out"), "--out", "-o", help=tr("输出文件夹", "output folder"))


def no_pdf_opt(zh: str = "不生成 PDF", en: str = "skip the PDF") -> Any:
    return typer.Option(False, "--no-pdf", help=tr(zh, en))


def jobs_opt(zh: str = "并行渲染进程数（默认：按当前空闲的 CPU 核数；文件少于 4 份时不另开进程）",
             en: str = "render processes (default: the CPUs free now; fewer than 4 documents render in one process)",
             ) -> Any:
    return typer.Option(0, "--jobs", "-j", show_default=False, help=tr(zh, en))


def variant_opt() -> Any:
    return typer.Option(None, "--pdf-variant", help=tr("PDF 变体，如 pdf/a-2b（归档）",
                                                       "PDF variant, e.g. pdf/a-2b (archive)"))


def combine_opt() -> Any:
    return typer.Option(False, "--combine", help=tr("另生成一份合订 PDF，便于打印",
                                                    "also write one combined PDF for printing"))


def unit_opt(zh: str, en: str) -> Any:
    return typer.Option(None, "--unit", help=tr(zh, en))


def leader_opt(zh: str, en: str) -> Any:
    return typer.Option(None, "--leader", help=tr(zh, en))


def on_opt(zh: str = "截至日期（默认今天），如 2026-07-15", en: str = "as of this date (default today)") -> Any:
    return typer.Option(None, "--on", help=tr(zh, en))


def parse_day(value: str | None) -> dt.date:
    """`--on`: an ISO or Chinese date; today when not given."""
    if value is None:
        return dt.date.today()
    from pydantic_core import PydanticCustomError

    from lzzr.workspace.model import parse_date

    try:
        return parse_date(value)
    except PydanticCustomError:
        raise UsageError("sv.bad_date", value=value) from None


def wait_opt() -> Any:
    return typer.Option(None, "--wait", min=0, help=tr(
        "工作区被另一个 lzzr 进程占用时最多等待的秒数（不写时依次看环境变量 LZZR_LOCK_WAIT、lzzr.yaml 的"
        "锁等待秒数，默认 30）",
        "seconds to wait while another lzzr run holds the workspace (else $LZZR_LOCK_WAIT, else lzzr.yaml's "
        "锁等待秒数, else 30)"))


def reissue_opt() -> Any:
    return typer.Option(None, "--reissue", help=tr(
        "重新印发一份已签的文件（可多次指定）：旧版本及其签字留在登记簿中，标为已被取代",
        "re-issue a signed document (repeatable): the old version and its signatures stay on record, superseded"))


def no_cache_opt(writes: bool = True) -> Any:
    """--no-cache. `writes`: the command writes files, so the last result is repeated only when
    its outputs are unchanged too (`check` writes nothing: inputs alone)."""
    if not writes:
        return typer.Option(False, "--no-cache", help=tr(
            "不使用结果缓存（输入未变时直接给出上次结果）",
            "do not use the result cache (unchanged inputs reuse the last result)"))
    return typer.Option(False, "--no-cache", help=tr(
        "不使用结果缓存（输入和输出都未变时直接给出上次结果）",
        "do not use the result cache (a run whose inputs and outputs are unchanged repeats the last report)"))
