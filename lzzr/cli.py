"""The command line: parse, call, print, exit. No domain logic lives here."""

import contextlib
import json
import os
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from lzzr import __version__
from lzzr.errors import ExitCode, LzzrError
from lzzr.i18n import lang_from, set_lang, t, tr
from lzzr.report import format_problem, problem_dict


class Format(str, Enum):
    text = "text"
    json = "json"


class ViewFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


class View(str, Enum):
    leader = "leader"
    unit = "unit"


def _echo(text: str = "", err: bool = False) -> None:
    typer.echo(text, err=err)


def _localise_help() -> None:
    """Chinese words in Typer's help screens (panel titles, 'Usage', the --help option)."""
    from typer import rich_utils

    if tr("zh", "en") == "zh":
        with contextlib.suppress(ImportError, AttributeError):  # another Typer: English words stay
            _patch_click_words()
        rich_utils.OPTIONS_PANEL_TITLE = "选项"
        rich_utils.ARGUMENTS_PANEL_TITLE = "参数"
        rich_utils.COMMANDS_PANEL_TITLE = "命令"
        rich_utils.ERRORS_PANEL_TITLE = "错误"
        rich_utils.DEFAULT_STRING = "[默认: {}]"
        rich_utils.REQUIRED_LONG_STRING = "[必填]"
        rich_utils.ENVVAR_STRING = "[环境变量: {}]"


def _patch_click_words() -> None:
    from typer._click import decorators, formatting

    original_usage = formatting.HelpFormatter.write_usage
    if getattr(original_usage, "_lzzr", False):
        return

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "用法: " if prefix is None else prefix)

    write_usage._lzzr = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    original_help = decorators.help_option

    def help_option(*names: Any) -> Any:
        decorate = original_help(*names)

        def apply(f: Any) -> Any:
            result = decorate(f)
            f.params[-1].help = "显示此帮助并退出"
            return result

        return apply

    decorators.help_option = help_option  # type: ignore[assignment]


def build_app() -> typer.Typer:
    """The Typer app, with help texts in the language chosen before it is built."""
    _localise_help()
    app = typer.Typer(
        name="lzzr",
        help=tr(
            "lzzr：党风廉政建设责任制工具——年初责任分解、责任书与承诺书、年终考核、责任追究。",
            "lzzr: the clean-governance responsibility system toolkit — year-start "
            "decomposition, letters and pledges, year-end assessment, accountability.",
        ),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    _add_global(app)
    _add_check(app)
    _add_decompose(app)
    _add_rules(app)
    _add_schema(app)
    _add_init(app)
    from lzzr import cli_assess, cli_docs

    cli_docs.register_commands(app, _workspace_arg)
    cli_assess.register_commands(app, _workspace_arg)
    return app


def _version(value: bool) -> None:
    if value:
        _echo(f"lzzr {__version__}")
        raise typer.Exit()


def _add_global(app: typer.Typer) -> None:
    @app.callback()
    def main_options(
        lang: str = typer.Option("zh", "--lang", help=tr(
            "提示信息语言：zh 或 en（也可设环境变量 LZZR_LANG）",
            "message language: zh or en (or set LZZR_LANG)")),
        debug: bool = typer.Option(False, "--debug", help=tr(
            "出现内部错误时显示调用栈", "show the traceback of an internal error")),
        version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                     help=tr("显示版本", "show the version")),
    ) -> None:
        """Options shared by every command (their values are read before parsing)."""


def _workspace_arg() -> Any:
    return typer.Argument(Path("."), help=tr("工作区文件夹（含 lzzr.yaml）", "workspace folder (holding lzzr.yaml)"))


def _format_opt() -> Any:
    return typer.Option(Format.text, "--format", "-f", help=tr("输出格式", "output format"))


def _quiet_opt() -> Any:
    return typer.Option(False, "--quiet", "-q", help=tr("只输出问题，不输出汇总", "print problems only, no summary"))


def _add_check(app: typer.Typer) -> None:
    @app.command("check", short_help=tr(
        "检查工作区：格式、引用、四项原则", "check a workspace: format, references, the four principles"), help=tr(
        "检查工作区：文件格式、引用、四项原则。退出码 0 无问题，1 有问题。",
        "check a workspace: file format, references, the four principles. "
        "Exit 0 when clean, 1 when problems were found."))
    def check_cmd(
        workspace: Path = _workspace_arg(),
        fmt: Format = _format_opt(),
        strict: bool = typer.Option(False, "--strict", help=tr("警告也视为失败", "fail on warnings too")),
        quiet: bool = _quiet_opt(),
    ) -> None:
        from lzzr.check import check_workspace

        result = check_workspace(workspace)
        if fmt is Format.json:
            data = {"workspace": str(workspace), "ok": not result.failed(strict),
                    "summary": result.counts(), "rule_settings": result.settings,
                    "problems": [problem_dict(p) for p in result.problems]}
            _echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            for p in result.problems:
                _echo(format_problem(p))
            if not quiet:
                for rule_id, setting in sorted(result.settings.items()):
                    _echo(t("rule_setting", rule=rule_id, setting=setting))
                _echo(t("summary", **result.counts()))
        raise typer.Exit(ExitCode.PROBLEMS if result.failed(strict) else ExitCode.OK)


def _print_problems(problems: list[Any], err: bool = False) -> None:
    for p in problems:
        _echo(format_problem(p), err=err)


def _add_decompose(app: typer.Typer) -> None:
    @app.command("decompose", short_help=tr(
        "年初责任分解：检查并印发方案，导出分解表", "year start: check, issue the plan, export the tables"), help=tr(
        "年初责任分解：按四项原则检查；无错误时印发《责任分解方案》PDF，并导出分解表（CSV、xlsx、JSON）到 --out。"
        "有错误时列出问题，退出码 1，不生成任何文件。",
        "year-start decomposition: check the four principles; when clean, issue the plan PDF and "
        "export the tables (CSV, xlsx, JSON) to --out. With errors: list them, exit 1, write nothing."))
    def decompose_cmd(
        workspace: Path = _workspace_arg(),
        by: View | None = typer.Option(None, "--by", help=tr(
            "在终端显示分解表：leader 静态（按领导），unit 动态（按牵头部门）",
            "show a view: leader (static, by leader) or unit (dynamic, by lead unit)")),
        fmt: ViewFormat = typer.Option(ViewFormat.text, "--format", "-f", help=tr(
            "输出格式：text 表格，json 数据，csv（配合 --by）", "output: text tables, json data, csv (with --by)")),
        out: Path = typer.Option(Path("out"), "--out", "-o", help=tr("输出文件夹", "output folder")),
        no_pdf: bool = typer.Option(False, "--no-pdf", help=tr("不生成 PDF", "skip the PDF")),
        strict: bool = typer.Option(False, "--strict", help=tr("警告也视为失败", "fail on warnings too")),
        quiet: bool = _quiet_opt(),
    ) -> None:
        from lzzr.check import check_workspace

        result = check_workspace(workspace)
        data_on_stdout = fmt is not ViewFormat.text
        if result.failed(strict):
            if fmt is ViewFormat.json:
                _echo(json.dumps({"ok": False, "files": [], "summary": result.counts(),
                                  "problems": [problem_dict(p) for p in result.problems]},
                                 ensure_ascii=False, indent=2))
            else:
                _print_problems(result.problems, err=data_on_stdout)
                _echo(t("decompose.refused", **result.counts()), err=True)
            raise typer.Exit(ExitCode.PROBLEMS)
        if fmt is ViewFormat.csv and by is None:
            raise LzzrError("usage.csv_needs_by")
        files = _issue_decomposition(result.workspace, out, no_pdf)
        view = _view_text(result.workspace, by, fmt) if by else None
        if fmt is ViewFormat.json:
            payload: dict[str, Any] = {"ok": True, "files": [str(f) for f in files], "summary": result.counts(),
                                       "problems": [problem_dict(p) for p in result.problems]}
            if view is not None:
                payload["view"] = json.loads(view)
            _echo(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        _print_problems(result.problems, err=data_on_stdout)
        if view is not None:
            _echo(view.rstrip("\n"))
        if not quiet:
            _echo(t("decompose.done", files="、".join(str(f) for f in files)), err=data_on_stdout)


def _issue_decomposition(ws: Any, out: Path, no_pdf: bool) -> list[Path]:
    from lzzr.publish import issue_plan, plan_missing, table_files

    missing = plan_missing(ws)
    if missing and not no_pdf:
        raise LzzrError("plan.missing", missing="、".join(missing))
    files = table_files(ws, out)
    if not no_pdf:
        files.insert(0, issue_plan(ws, out))
    return files


def _view_text(ws: Any, by: View, fmt: ViewFormat) -> str:
    import shutil

    from lzzr.decompose import dynamic_view, static_view
    from lzzr.tables import to_csv, to_json, to_text

    table = static_view(ws) if by is View.leader else dynamic_view(ws)
    if fmt is ViewFormat.csv:
        return to_csv(table).decode("utf-8-sig")
    if fmt is ViewFormat.json:
        return to_json(table)
    return to_text(table, shutil.get_terminal_size((120, 24)).columns)


def _add_rules(app: typer.Typer) -> None:
    @app.command("rules", short_help=tr(
        "列出规则，或解释一条规则", "list the rules, or explain one"),
        help=tr("列出规则，或解释一条规则", "list the rules, or explain one"))
    def rules_cmd(
        rule_id: str | None = typer.Argument(None, help=tr("规则编号，如 P1.1", "rule id, e.g. P1.1")),
        fmt: Format = _format_opt(),
    ) -> None:
        from lzzr.rules import REGISTRY

        pick = 1 if tr("zh", "en") == "en" else 0
        chosen = [REGISTRY[rule_id]] if rule_id in REGISTRY else list(REGISTRY.values())
        if rule_id and rule_id not in REGISTRY:
            raise LzzrError("rules.unknown", rule=rule_id, known=", ".join(sorted(REGISTRY)))
        rows = [{"id": r.id, "severity": r.severity.value, "title": r.title[pick],
                 "explain": r.explain[pick]} for r in sorted(chosen, key=lambda r: r.id)]
        if fmt is Format.json:
            _echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            _echo(f"{row['id']}\t{row['severity']}\t{row['title']}")
            if rule_id:
                _echo("\n" + row["explain"])


def _add_schema(app: typer.Typer) -> None:
    @app.command("schema", short_help=tr(
        "输出供编辑器使用的 JSON Schema", "print the JSON Schema for editors"), help=tr(
        "输出 JSON Schema，供编辑器校验 YAML 文件", "print the JSON Schema for editors' YAML validation"))
    def schema_cmd(
        kind: str = typer.Option("all", "--kind", help=tr(
            "all（默认，配置和数据文件都可校验）、config 或 data", "all (default), config or data")),
    ) -> None:
        from lzzr.jsonschema import workspace_schema

        if kind not in ("all", "config", "data"):
            raise LzzrError("usage.bad_kind", value=kind)
        _echo(json.dumps(workspace_schema(kind), ensure_ascii=False, indent=2))


def _add_init(app: typer.Typer) -> None:
    @app.command("init", short_help=tr(
        "新建工作区，或从上一年度结转", "create a workspace, or carry last year's over"), help=tr(
        "新建工作区：带注释的骨架，或用 --from 从上一年度结转单位、领导和班子（不含任务）",
        "create a workspace: a commented skeleton, or with --from carry units, leaders and "
        "teams over from last year's (not the tasks)"))
    def init_cmd(
        directory: Path = typer.Argument(..., help=tr("新工作区文件夹", "new workspace folder")),
        year: int | None = typer.Option(None, "--year", help=tr(
            "年度（默认：今年，或上一年度加一）", "year (default: this year, or the previous one's + 1)")),
        previous: Path | None = typer.Option(None, "--from", help=tr("上一年度的工作区", "last year's workspace")),
        quiet: bool = _quiet_opt(),
    ) -> None:
        from lzzr.init import init_workspace

        written, chosen_year = init_workspace(directory, year, previous)
        if not quiet:
            _echo(t("init.done", path=str(directory), year=chosen_year, files="、".join(written)))


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: pick the language, run the app, map every outcome to an ExitCode."""
    args = list(sys.argv[1:] if argv is None else argv)
    set_lang(lang_from(args))
    debug = "--debug" in args
    args = strip_global_options(args)
    from typer._click.exceptions import UsageError as ClickUsageError

    command = typer.main.get_command(build_app())
    try:
        result: Any = command.main(args=args, prog_name="lzzr", standalone_mode=False)
    except LzzrError as exc:
        _echo(t(exc.code, **exc.args_), err=True)
        return int(exc.exit_code)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except ClickUsageError as exc:
        _echo(t("usage.error", detail=exc.format_message()), err=True)
        return int(ExitCode.USAGE)
    except (KeyboardInterrupt, typer.Abort):
        _echo(t("interrupted"), err=True)
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        return int(ExitCode.OK)
    except Exception as exc:
        if debug:
            raise
        _echo(t("internal", detail=f"{type(exc).__name__}: {exc}"), err=True)
        return int(ExitCode.INTERNAL)
    return int(result) if isinstance(result, int) else int(ExitCode.OK)


def strip_global_options(args: list[str]) -> list[str]:
    """--lang and --debug are read before parsing, so they may stand anywhere on the line."""
    kept: list[str] = []
    skip = False
    for i, arg in enumerate(args):
        if skip:
            skip = False
        elif arg == "--":
            kept += args[i:]
            break
        elif arg == "--lang":
            skip = True
        elif not (arg.startswith("--lang=") or arg == "--debug"):
            kept.append(arg)
    return kept


def _silence_stdout() -> None:
    """After a closed pipe (`lzzr check | head`), stop Python's final flush from failing."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
