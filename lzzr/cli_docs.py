"""Commands that issue and keep documents: letters, pledges, sign, verify, doctor.

Like cli.py: parse, call, print, exit. The work is in documents.py, register.py,
signing.py and doctor.py.
"""

import datetime as dt
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from lzzr.errors import ExitCode, UsageError
from lzzr.i18n import t, tr
from lzzr.report import format_problem, problem_dict


class Kind(str, Enum):
    LOWER = "lower"  # (upper-case names: `lower` would shadow str.lower)
    MEMBER = "member"


class OutFormat(str, Enum):
    text = "text"
    json = "json"


def _echo(text: str = "", err: bool = False) -> None:
    typer.echo(text, err=err)


def _common() -> dict[str, Any]:
    return {
        "out": typer.Option(Path("out"), "--out", "-o", help=tr("输出文件夹", "output folder")),
        "jobs": typer.Option(0, "--jobs", "-j", help=tr("并行渲染进程数（默认：CPU 核数）",
                                                        "render processes (default: CPU count)")),
        "variant": typer.Option(None, "--pdf-variant", help=tr("PDF 变体，如 pdf/a-2b（归档）",
                                                               "PDF variant, e.g. pdf/a-2b (archive)")),
        "combine": typer.Option(False, "--combine", help=tr("另生成一份合订 PDF，便于打印",
                                                            "also write one combined PDF for printing")),
        "fmt": typer.Option(OutFormat.text, "--format", "-f", help=tr("输出格式", "output format")),
        "quiet": typer.Option(False, "--quiet", "-q", help=tr("只输出问题", "print problems only")),
    }


def register_commands(app: typer.Typer, workspace_arg: Any) -> None:
    """Add the document commands to `app`."""
    o = _common()

    @app.command("letters", short_help=tr(
        "生成责任书；--status 查看签订率", "issue letters; --status shows the signing rate"), help=tr(
        "生成党风廉政建设责任书（上下级、一把手与班子成员），每份一个 PDF；--status 查看签订率。",
        "issue responsibility letters (upper↔lower principal, principal↔member), one PDF each; "
        "--status shows the signing rate."))
    def letters_cmd(
        workspace: Path = workspace_arg(),
        kind: Kind | None = typer.Option(None, "--kind", help=tr("只生成一类：lower 上下级，member 班子成员",
                                                                 "one kind only: lower or member")),
        unit: str | None = typer.Option(None, "--unit", help=tr(
            "只生成涉及该单位的责任书", "only letters of this unit")),
        leader: str | None = typer.Option(None, "--leader", help=tr("只生成该领导签订的责任书",
                                                                    "only letters this leader signs")),
        status: bool = typer.Option(False, "--status", help=tr("查看签订率和未签人员，不生成文件",
                                                               "show the signing rate and who has not signed")),
        sign_key: Path | None = typer.Option(None, "--sign-key", help=tr(
            "用单位证书对 PDF 作数字签名（PKCS#12 文件，或 PEM 私钥配合 --sign-cert）",
            "sign the PDFs with the office key (PKCS#12, or a PEM key with --sign-cert)")),
        sign_cert: Path | None = typer.Option(None, "--sign-cert", help=tr("PEM 证书", "PEM certificate")),
        sign_pass_env: str | None = typer.Option(None, "--sign-pass-env", help=tr(
            "存放私钥口令的环境变量名", "environment variable holding the key passphrase")),
        out: Path = o["out"], jobs: int = o["jobs"], variant: str | None = o["variant"],
        combine: bool = o["combine"], fmt: OutFormat = o["fmt"], quiet: bool = o["quiet"],
    ) -> None:
        from lzzr import documents as d

        ws = _checked(workspace, fmt, unit, leader)
        specs = d.select_letters(ws, kind.value if kind else None, unit, leader)
        if status:
            _print_status(ws, specs, fmt, quiet)
            return
        signer = _signer(sign_key, sign_cert, sign_pass_env)
        docs = d.letter_docs(ws, specs)
        name = f"{ws.config.year}-责任书-合订.pdf" if ws.config else "责任书-合订.pdf"
        _issue(ws, docs, out, jobs, variant, combine, signer, fmt, quiet, name, "letters")

    @app.command("pledges", short_help=tr(
        "生成廉洁自律承诺书", "issue the pledges"), help=tr(
        "生成领导干部廉洁自律承诺书，每人一个 PDF；--public 生成公开栏版（不含个人信息）。",
        "issue the leaders' pledges, one PDF each; --public for the notice board (no private fields)."))
    def pledges_cmd(
        workspace: Path = workspace_arg(),
        unit: str | None = typer.Option(None, "--unit", help=tr("只生成该班子成员的承诺书", "only this unit's team")),
        leader: str | None = typer.Option(None, "--leader", help=tr("只生成该领导的承诺书", "only this leader")),
        public: bool = typer.Option(False, "--public", help=tr("公开栏版", "notice-board version")),
        out: Path = o["out"], jobs: int = o["jobs"], variant: str | None = o["variant"],
        combine: bool = o["combine"], fmt: OutFormat = o["fmt"], quiet: bool = o["quiet"],
    ) -> None:
        from lzzr import documents as d

        ws = _checked(workspace, fmt, unit, leader)
        docs = d.pledge_docs(ws, unit, leader, public)
        suffix = "-公开" if public else ""
        name = f"{ws.config.year}-承诺书{suffix}-合订.pdf" if ws.config else "承诺书-合订.pdf"
        _issue(ws, docs, out, jobs, variant, combine, None, fmt, quiet, name, "pledges")

    @app.command("sign", short_help=tr(
        "登记责任书的签字", "record a signature on a letter"), help=tr(
        "登记责任书的签字：lzzr sign 责任书编号或文件 --by 领导编号 --date 日期",
        "record a signature on a letter: lzzr sign LETTER --by LEADER --date DATE"))
    def sign_cmd(
        letter: str = typer.Argument(..., help=tr("责任书编号或 PDF 文件", "letter id or PDF file")),
        by: str = typer.Option(..., "--by", help=tr("签字人（领导编号或姓名）", "who signed (leader id or name)")),
        date: str = typer.Option(..., "--date", help=tr("签字日期，如 2026-03-20", "date signed, e.g. 2026-03-20")),
        workspace: Path = typer.Option(Path("."), "--workspace", "-w", help=tr("工作区", "workspace")),
    ) -> None:
        from lzzr.register import Register, sign_entry

        register = Register.open(_folder(workspace))
        doc_id, entry = register.find(letter)
        who = sign_entry(entry, by, _date(date))
        register.save()
        _echo(t("sign.done", doc=doc_id, who=who, date=date))

    @app.command("verify", short_help=tr(
        "核验 PDF：原件、改动、数字签名", "verify PDFs: original, altered, signatures"), help=tr(
        "核验 PDF：是否为登记在册的原件、是否被改动、数字签名是否有效。全部完好时退出码 0。",
        "verify PDFs: registered and intact, altered, signature valid; exit 0 when all are intact."))
    def verify_cmd(
        files: list[Path] = typer.Argument(..., help=tr("PDF 文件", "PDF files")),
        workspace: Path = typer.Option(Path("."), "--workspace", "-w", help=tr("工作区", "workspace")),
        fmt: OutFormat = o["fmt"],
    ) -> None:
        from lzzr.register import Register
        from lzzr.verify import verify_file

        register = Register.open(_folder(workspace))
        results = [verify_file(register, f) for f in files]
        if fmt is OutFormat.json:
            _echo(json.dumps(results, ensure_ascii=False, indent=2))
        else:
            for r in results:
                _echo(f"{r['file']}: {r['text']}")
        bad = any(not r["ok"] for r in results)
        raise typer.Exit(ExitCode.PROBLEMS if bad else ExitCode.OK)

    @app.command("doctor", short_help=tr(
        "检查字体和系统组件", "check fonts and system libraries"), help=tr(
        "检查运行环境：字体（各角色找到的字体）、Pango、libharfbuzz-subset0，并给出安装命令。",
        "check the machine: fonts per role, Pango, libharfbuzz-subset0, and the command that fixes them."))
    def doctor_cmd(workspace: Path | None = typer.Argument(None, help=tr(
            "工作区（读取其字体配置；可省略）", "workspace (for its font settings; optional)"))) -> None:
        from lzzr.doctor import diagnose, format_report
        from lzzr.model import Fonts

        fonts = Fonts()
        if workspace is not None:
            from lzzr.load import load_workspace

            ws, _ = load_workspace(workspace)
            fonts = ws.config.fonts if ws.config else fonts
        report = diagnose(fonts)
        for line in format_report(report):
            _echo(line)
        raise typer.Exit(ExitCode.OK if report.ok else ExitCode.ENVIRONMENT)


def _folder(path: Path) -> Path:
    if not path.is_dir():
        raise UsageError("usage.no_workspace", path=str(path))
    return path


def _date(text: str) -> dt.date:
    from lzzr.model import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise UsageError("usage.bad_date", value=text) from None


def _checked(workspace: Path, fmt: OutFormat, unit: str | None, leader: str | None) -> Any:
    """Load and check; print the problems and stop (exit 1) when there are errors; a --unit or
    --leader filter must name a record that exists (exit 2)."""
    from lzzr.check import check_workspace
    from lzzr.documents import require_known

    result = check_workspace(workspace)
    if result.failed():
        if fmt is OutFormat.json:
            _echo(json.dumps({"ok": False, "problems": [problem_dict(p) for p in result.problems]},
                             ensure_ascii=False, indent=2))
        else:
            for p in result.problems:
                _echo(format_problem(p))
            _echo(t("issue.refused", errors=result.errors), err=True)
        raise typer.Exit(ExitCode.PROBLEMS)
    require_known(result.workspace, "unit", unit)
    require_known(result.workspace, "leader", leader)
    return result.workspace


def _signer(key: Path | None, cert: Path | None, pass_env: str | None) -> Any:
    if key is None:
        if cert is not None:
            raise UsageError("sign.cert_without_key")
        return None
    from lzzr.signing import load_signer

    passphrase = os.environ.get(pass_env, "").encode() if pass_env else None
    return load_signer(key, cert, passphrase)


def _issue(ws: Any, docs: list[Any], out: Path, jobs: int, variant: str | None, combine: bool,
           signer: Any, fmt: OutFormat, quiet: bool, combined_name: str, what: str) -> None:
    from lzzr import documents as d
    from lzzr.batch import progress_printer

    if variant not in (None, "pdf/a-1b", "pdf/a-2b", "pdf/a-3b", "pdf/ua-1"):
        raise UsageError("usage.bad_variant", value=variant)
    problems = d.glyph_problems(ws, docs)
    for p in problems:
        _echo(format_problem(p), err=fmt is OutFormat.json)
    if any(p.severity.value == "error" for p in problems):
        raise typer.Exit(ExitCode.PROBLEMS)
    progress = None if (quiet or fmt is OutFormat.json) else progress_printer(sys.stderr)
    options = d.Options(out=out, workers=jobs, variant=variant, combine=combine, signer=signer, progress=progress)
    issued = d.issue(ws, docs, options, combined_name)
    if fmt is OutFormat.json:
        _echo(json.dumps({"ok": True, "what": what, "count": len(issued.docs), "rendered": issued.rendered,
                          "unchanged": len(issued.docs) - issued.rendered,
                          "combined": str(issued.combined) if issued.combined else None,
                          "documents": issued.docs}, ensure_ascii=False, indent=2))
    elif not quiet:
        _echo(t(f"issue.{what}", count=len(issued.docs), rendered=issued.rendered,
                unchanged=len(issued.docs) - issued.rendered, out=str(out)))
        if issued.combined:
            _echo(t("issue.combined", path=str(issued.combined)))


def _print_status(ws: Any, specs: list[Any], fmt: OutFormat, quiet: bool) -> None:
    """The signing rate per unit; with `quiet`, the total only. Exit 1 while letters are unsigned."""
    from lzzr.register import Register
    from lzzr.status import signing_status

    rows, unsigned = signing_status(ws, specs, Register.open(ws.root))
    if fmt is OutFormat.json:
        _echo(json.dumps({"units": rows, "unsigned": unsigned}, ensure_ascii=False, indent=2))
        return
    from tabulate import tabulate

    if not quiet:
        table = [[r["unit_name"], r["letters"], r["issued"], r["signed"], f"{r['rate']:.0%}"] for r in rows]
        _echo(tabulate(table, headers=[tr("单位", "unit"), tr("应签", "due"), tr("已生成", "issued"),
                                       tr("已签", "signed"), tr("签订率", "rate")]))
    total = sum(r["letters"] for r in rows)
    signed = sum(r["signed"] for r in rows)
    _echo(t("status.total", signed=signed, total=total, rate=f"{(signed / total if total else 1):.0%}"))
    for u in [] if quiet else unsigned:
        _echo(t("status.unsigned", doc=u["id"], names="、".join(u["missing"])))
    if unsigned:
        raise typer.Exit(ExitCode.PROBLEMS)

