"""Commands that issue and keep documents: letters, pledges, sign, verify, doctor.

Parse, call, print, exit. The work is in lzzr/documents/ and lzzr/render/doctor.py.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import typer

from lzzr.cli import options as o
from lzzr.cli.locking import writing
from lzzr.cli.output import echo, echo_json, exit_with, print_problems, progress_bar, refuse
from lzzr.errors import ExitCode, UsageError
from lzzr.i18n import t, text, tr
from lzzr.text import escape_controls


def register_commands(app: typer.Typer) -> None:
    """Add the document commands to `app`."""

    @app.command("letters", short_help=tr(
        "生成责任书；--status 查看签订率", "issue letters; --status shows the signing rate"), help=tr(
        "生成党风廉政建设责任书（上下级、一把手与班子成员、监督责任书、股室），每份一个 PDF；"
        "--status 查看签订率；--as-signed 生成印有签订日期的签订本。",
        "issue responsibility letters (upper↔lower principal, principal↔member, 监督责任书, 股室), one PDF each; "
        "--status shows the signing rate; --as-signed writes the copies with the signing dates."))
    def letters_cmd(
        workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
        kind: o.LetterKind | None = typer.Option(None, "--kind", help=tr(
            "只生成一类：lower 上下级，member 班子成员，supervision 监督责任书，office 股室",
            "one kind only: lower, member, supervision (监督责任书) or office (股室)")),
        unit: str | None = o.unit_opt("只生成涉及该单位的责任书", "only letters of this unit"),
        leader: str | None = o.leader_opt("只生成该领导签订的责任书", "only letters this leader signs"),
        status: bool = typer.Option(False, "--status", help=tr(
            "查看签订率和未签人员，不生成文件", "show the signing rate and who has not signed")),
        signed: bool = typer.Option(False, "--as-signed", help=tr(
            "生成已登记签字的责任书的签订本（印有签订日期；已签的原件不变）",
            "write the as-signed copy of each letter with registered signatures "
            "(dates printed; the signed original stays)")),
        sign_key: Path | None = typer.Option(None, "--sign-key", help=tr(
            "用单位证书对 PDF 作数字签名（PKCS#12 文件，或 PEM 私钥配合 --sign-cert）",
            "sign the PDFs with the office key (PKCS#12, or a PEM key with --sign-cert)")),
        sign_cert: Path | None = typer.Option(None, "--sign-cert", help=tr("PEM 证书", "PEM certificate")),
        sign_pass_env: str | None = typer.Option(None, "--sign-pass-env", help=tr(
            "存放私钥口令的环境变量名", "environment variable holding the key passphrase")),
        out: Path = o.out_opt(), jobs: int = o.jobs_opt(), variant: o.PdfVariant | None = o.variant_opt(),
        combine: bool = o.combine_opt(), fmt: o.Format = o.format_opt(), quiet: bool = o.quiet_opt(),
        wait: float | None = o.wait_opt(), reissue: list[str] | None = o.reissue_opt(),
        no_cache: bool = o.no_cache_opt(),
    ) -> None:
        root, batch = o.pick_workspace(workspace, workspace_opt), _Batch(out, jobs, variant, combine, fmt, quiet,
                                                                        (wait, reissue))
        chosen = ("letters", kind.value if kind else "", unit or "", leader or "", str(signed))
        if not status and _replayed(root, batch, chosen, (sign_key, sign_cert, sign_pass_env), no_cache, signed):
            return
        from lzzr.documents import issue as d

        ws = _checked(root, fmt, unit, leader)
        specs = d.select_letters(ws, kind.value if kind else None, unit, leader)
        if status:
            _print_status(ws, specs, fmt, quiet, whole=not (kind or unit or leader))
            return
        batch.signer = _signer(sign_key, sign_cert, sign_pass_env)
        docs = d.signed_copy_docs(ws, specs) if signed else d.letter_docs(ws, specs)
        _issue(ws, docs, batch, f"{ws.config.year}-责任书{'-签订本' if signed else ''}-合订.pdf", "letters")

    @app.command("pledges", short_help=tr(
        "生成廉洁自律承诺书", "issue the pledges"), help=tr(
        "生成领导干部廉洁自律承诺书，每人一个 PDF；--public 生成公开栏版（不含个人信息）。",
        "issue the leaders' pledges, one PDF each; --public for the notice board (no private fields)."))
    def pledges_cmd(
        workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
        unit: str | None = o.unit_opt("只生成该班子成员的承诺书", "only this unit's team"),
        leader: str | None = o.leader_opt("只生成该领导的承诺书", "only this leader"),
        public: bool = typer.Option(False, "--public", help=tr("公开栏版", "notice-board version")),
        out: Path = o.out_opt(), jobs: int = o.jobs_opt(), variant: o.PdfVariant | None = o.variant_opt(),
        combine: bool = o.combine_opt(), fmt: o.Format = o.format_opt(), quiet: bool = o.quiet_opt(),
        wait: float | None = o.wait_opt(), reissue: list[str] | None = o.reissue_opt(),
        no_cache: bool = o.no_cache_opt(),
    ) -> None:
        root, batch = o.pick_workspace(workspace, workspace_opt), _Batch(out, jobs, variant, combine, fmt, quiet,
                                                                        (wait, reissue))
        if _replayed(root, batch, ("pledges", unit or "", leader or "", str(public)), (None, None, None), no_cache):
            return
        from lzzr.documents import issue as d

        ws = _checked(root, fmt, unit, leader)
        name = f"{ws.config.year}-承诺书{'-公开' if public else ''}-合订.pdf"
        _issue(ws, d.pledge_docs(ws, unit, leader, public), batch, name, "pledges")

    @app.command("sign", short_help=tr(
        "登记责任书的签字", "record a signature on a letter"), help=tr(
        "登记责任书的签字：lzzr sign 责任书编号或文件 --by 领导编号 --date 日期",
        "record a signature on a letter: lzzr sign LETTER --by LEADER --date DATE"))
    def sign_cmd(
        letter: str = typer.Argument(..., help=tr("责任书编号或 PDF 文件", "letter id or PDF file")),
        by: str = typer.Option(..., "--by", help=tr("签字人（领导编号或姓名）", "who signed (leader id or name)")),
        date: str = typer.Option(..., "--date", help=tr("签字日期，如 2026-03-20", "date signed, e.g. 2026-03-20")),
        workspace: Path | None = o.workspace_opt(), fmt: o.Format = o.format_opt(),
        wait: float | None = o.wait_opt(), correct: bool = typer.Option(False, "--correct", help=tr(
            "更正本人已登记的签字日期（原日期留在登记簿中）",
            "correct one's recorded signature (the old date is kept)")),
    ) -> None:
        from lzzr import clock
        from lzzr.documents.register import Register
        from lzzr.documents.sign_checks import sign_letter

        root = o.open_workspace(o.pick_workspace(None, workspace))
        with writing(root, "sign", wait):
            register = Register.open(root)
            doc_id, who, found = sign_letter(register, letter, by, _date(date), correct, clock.today())
            _print_findings(found)
            register.save()
        if fmt is o.Format.json:
            echo_json({"ok": True, "document": doc_id, "signer": who, "date": _date(date).isoformat()})
        else:
            echo(t("sign.done", doc=doc_id, who=who, date=date))

    @app.command("verify", short_help=tr(
        "核验 PDF：原件、改动、数字签名", "verify PDFs: original, altered, signatures"), help=tr(
        "核验 PDF：是否为登记在册的原件、是否被改动、数字签名是否有效。全部完好时退出码 0。",
        "verify PDFs: registered and intact, altered, signature valid; exit 0 when all are intact."))
    def verify_cmd(files: list[Path] = typer.Argument(..., help=tr("PDF 文件", "PDF files")),
                   workspace: Path | None = o.workspace_opt(), fmt: o.Format = o.format_opt()) -> None:
        from lzzr.documents.register import Register
        from lzzr.documents.verify import verify_file

        register = Register.open(o.open_workspace(o.pick_workspace(None, workspace)))
        results = [verify_file(register, f) for f in files]
        if fmt is o.Format.json:
            echo_json(results)
        else:
            for r in results:
                echo(f"{escape_controls(r['file'])}: {r['text']}")
        exit_with(any(not r["ok"] for r in results))

    @app.command("doctor", short_help=tr(
        "检查字体和系统组件", "check fonts and system libraries"), help=tr(
        "检查运行环境：字体（各角色找到的字体）、Pango、libharfbuzz-subset0，并给出安装命令。",
        "check the machine: fonts per role, Pango, libharfbuzz-subset0, and the command that fixes them."))
    def doctor_cmd(workspace: Path | None = typer.Argument(None, help=tr(
            "工作区（读取其字体配置；可省略）", "workspace (for its font settings; optional)")),
            workspace_opt: Path | None = o.workspace_opt(), fmt: o.Format = o.format_opt()) -> None:
        from lzzr.render.doctor import diagnose, format_report, report_dict

        report = diagnose(_fonts(workspace_opt or workspace))
        if fmt is o.Format.json:
            echo_json(report_dict(report))
        else:
            for line in format_report(report):
                echo(line)
        raise typer.Exit(ExitCode.OK if report.ok else ExitCode.ENVIRONMENT)


class _Batch:
    """How one run issues its documents (the options letters and pledges share)."""

    def __init__(self, out: Path, jobs: int, variant: o.PdfVariant | None, combine: bool, fmt: o.Format,
                 quiet: bool, lock: tuple[float | None, list[str] | None], signer: Any = None) -> None:
        self.out, self.jobs, self.combine, self.fmt, self.quiet = out, jobs, combine, fmt, quiet
        self.wait, self.reissue = lock[0], frozenset(lock[1] or ())
        self.variant = variant.value if variant else None
        self.signer = signer
        self.run: Any = None  # the result cache's view of this run (lzzr/documents/issue_cache.py)
        self.cache = True

    def options(self) -> tuple[str, ...]:
        """What of this batch shapes the files and the report (the result cache's key)."""
        return (str(self.out), str(self.out.resolve()), self.variant or "", str(self.combine))


def _replayed(root: Path, batch: _Batch, chosen: tuple[str, ...], signing: tuple[Path | None, Path | None, str | None],
              no_cache: bool, by_register: bool = False) -> bool:
    """Answer an unchanged run from the result cache (same report, exit 0); False when it
    cannot: then `batch.run` is set for the normal path to keep its report. `by_register`: the
    register chooses the documents (--as-signed), so any change of it counts."""
    from lzzr.documents import issue_cache
    from lzzr.errors import LzzrError
    from lzzr.lock import workspace_lock

    batch.cache = not no_cache
    if no_cache or batch.reissue or not root.is_dir():
        return False
    try:  # the lock only if free: a workspace that another run holds takes the normal path (and waits)
        with workspace_lock(root, chosen[0], 0.0):
            batch.run = issue_cache.start(root, chosen[0], (*chosen, *batch.options(), signing[2] or ""),
                                          signing[:2], by_register)
            found = issue_cache.replay(batch.run)
    except LzzrError:
        return False
    if found is None:
        return False
    batch.signer = _signer(*signing)  # a key that no longer opens fails as on the normal path
    print_problems(found.problems)
    _report(batch, chosen[0], found.docs, found.combined)
    return True


def _print_findings(found: Any) -> None:
    """The warnings of a signature, and its errors (then stop: exit 1, nothing recorded)."""
    for code, args in [*found.errors, *found.warnings]:
        echo(t(code, **args), err=True)
    if found.errors:
        echo(t("sign.refused", count=len(found.errors)), err=True)
        raise typer.Exit(ExitCode.PROBLEMS)


def _date(text: str) -> dt.date:
    from lzzr.workspace.model import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise UsageError("usage.bad_date", value=text) from None


def _fonts(workspace: Path | None) -> Any:
    from lzzr.workspace.model import Fonts

    if workspace is None:
        return Fonts()
    from lzzr.workspace.load import load_workspace

    ws, _ = load_workspace(workspace)
    return ws.config.fonts if ws.config else Fonts()


def _checked(workspace: Path, fmt: o.Format, unit: str | None, leader: str | None) -> Any:
    """Load and check; print the problems and stop (exit 1) when there are errors; a --unit or
    --leader filter must name a record that exists (exit 2)."""
    from lzzr.check import check_workspace
    from lzzr.documents.issue import require_known

    result = check_workspace(workspace)
    if result.failed():
        refuse(result.problems, fmt is o.Format.json, "issue.refused", errors=result.errors)
    require_known(result.workspace, "unit", unit)
    require_known(result.workspace, "leader", leader)
    return result.workspace


def _signer(key: Path | None, cert: Path | None, pass_env: str | None) -> Any:
    if key is None:
        if cert is not None:
            raise UsageError("sign.cert_without_key")
        return None
    from lzzr.documents.signing import load_signer

    passphrase = os.environ.get(pass_env, "").encode() if pass_env else None
    return load_signer(key, cert, passphrase)


def _issue(ws: Any, docs: list[Any], batch: _Batch, combined_name: str, what: str) -> None:
    from lzzr.documents import issue as d

    as_json = batch.fmt is o.Format.json
    problems = d.glyph_problems(ws, docs)
    print_problems(problems)
    if any(p.severity.value == "error" for p in problems):
        raise typer.Exit(ExitCode.PROBLEMS)
    options = d.Options(out=batch.out, workers=batch.jobs, variant=batch.variant, combine=batch.combine,
                        signer=batch.signer, progress=progress_bar(batch.quiet, as_json), reissue=batch.reissue,
                        cache=batch.cache)
    with writing(ws.root, what, batch.wait):
        issued = d.issue(ws, docs, options, combined_name)
    combined = str(issued.combined) if issued.combined else None
    _report(batch, what, issued.docs, combined, issued.frozen, issued.left_out)
    if batch.run is not None:
        from lzzr.documents import issue_cache

        issue_cache.remember(batch.run, issue_cache.Replay(issued.docs, combined, problems))


def _report(batch: _Batch, what: str, docs: list[dict[str, Any]], combined: str | None,
            frozen: list[str] | None = None, left_out: list[str] | None = None) -> None:
    """What an issue run prints: the counts (or JSON); exit 1 when signed documents were left as they were."""
    as_json = batch.fmt is o.Format.json
    rendered = sum(1 for doc in docs if doc["rendered"])
    if as_json:
        echo_json({"ok": True, "what": what, "count": len(docs), "rendered": rendered,
                   "unchanged": len(docs) - rendered, "combined": combined,
                   "documents": docs, "frozen": frozen or [], "left_out": left_out or []})
    elif not batch.quiet:
        echo(t(f"issue.{what}", count=len(docs), rendered=rendered, unchanged=len(docs) - rendered,
               out=str(batch.out)))
        if combined:
            echo(t("issue.combined", path=combined))
    if frozen:
        if not as_json:
            echo(t("issue.frozen", count=len(frozen), docs="、".join(frozen)), err=True)
        if left_out and not as_json:
            echo(t("issue.left_out", count=len(left_out), docs="、".join(left_out)), err=True)
        raise typer.Exit(ExitCode.PROBLEMS)


def _print_status(ws: Any, specs: list[Any], fmt: o.Format, quiet: bool, whole: bool) -> None:
    """The signing rate per unit; with `quiet`, the total only; unless a filter chose the letters
    (`whole`), the year's other registered documents after it. Exit 1 while letters are unsigned."""
    from lzzr.documents.register import Register
    from lzzr.documents.status import other_documents, other_lines, signing_status

    register = Register.open(ws.root)
    rows, unsigned = signing_status(ws, specs, register)
    others = other_documents(ws, register) if whole else []
    if fmt is o.Format.json:
        echo_json({"units": rows, "unsigned": unsigned, "others": [{**d, "title": text(d["title"])} for d in others]})
        return
    from tabulate import tabulate

    if not quiet:
        table = [[r["unit_name"], r["letters"], r["issued"], r["signed"], f"{r['rate']:.0%}"] for r in rows]
        echo(tabulate(table, headers=[tr("单位", "unit"), tr("应签", "due"), tr("已生成", "issued"),
                                      tr("已签", "signed"), tr("签订率", "rate")]))
    total = sum(r["letters"] for r in rows)
    signed = sum(r["signed"] for r in rows)
    echo(t("status.total", signed=signed, total=total, rate=f"{(signed / total if total else 1):.0%}"))
    for u in [] if quiet else unsigned:
        echo(t("status.unsigned", doc=u["id"], names="、".join(u["missing"])))
    for line in [] if quiet else other_lines(others):
        echo(text(line))
    if unsigned:
        raise typer.Exit(ExitCode.PROBLEMS)
