"""Every option that several commands share, declared once, and the choices as Enums.

Typer reads a parameter's default as its declaration, so each helper returns a fresh
`typer.Option`/`typer.Argument`; help texts are made when the app is built, after the
language is chosen.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Any

import typer

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


class PdfVariant(str, Enum):
    """The PDF variants WeasyPrint writes that an office may be asked for."""

    PDF_A_1B = "pdf/a-1b"
    PDF_A_2B = "pdf/a-2b"
    PDF_A_3B = "pdf/a-3b"
    PDF_UA_1 = "pdf/ua-1"


class SchemaKind(str, Enum):
    all = "all"
    config = "config"
    data = "data"


def workspace_arg() -> Any:
    return typer.Argument(Path("."), help=tr("工作区文件夹（含 lzzr.yaml）", "workspace folder (holding lzzr.yaml)"))


def workspace_opt() -> Any:
    return typer.Option(Path("."), "--workspace", "-w", help=tr("工作区", "workspace"))


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


def jobs_opt() -> Any:
    return typer.Option(0, "--jobs", "-j", help=tr("并行渲染进程数（默认：CPU 核数）",
                                                   "render processes (default: CPU count)"))


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
