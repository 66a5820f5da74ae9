"""Commands about the workspace itself: check, rules, schema, init."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from lzzr.cli import options as o
from lzzr.cli.locking import writing
from lzzr.cli.output import echo, echo_json, exit_with, print_problems, problem_list
from lzzr.errors import LzzrError
from lzzr.i18n import t, tr


def register_commands(app: typer.Typer) -> None:
    """Add check, rules, schema and init to `app`."""

    @app.command("check", short_help=tr(
        "检查工作区：格式、引用、四项原则", "check a workspace: format, references, the four principles"), help=tr(
        "检查工作区：文件格式、引用、四项原则。退出码 0 无问题，1 有问题。",
        "check a workspace: file format, references, the four principles. "
        "Exit 0 when clean, 1 when problems were found."))
    def check_cmd(workspace: Path | None = o.workspace_arg(), workspace_opt: Path | None = o.workspace_opt(),
                  scheme: Path | None = typer.Option(None, "--scheme", help=tr(
                      "同时检查另一份考核方案文件，以及记录是否与它相符",
                      "also check this scheme file and the records against it")),
                  fmt: o.Format = o.format_opt(),
                  strict: bool = o.strict_opt(), quiet: bool = o.quiet_opt(),
                  no_cache: bool = o.no_cache_opt(writes=False)) -> None:
        from lzzr.check_cache import check_summary

        result = check_summary(o.pick_workspace(workspace, workspace_opt), use_cache=not no_cache and scheme is None,
                               fresh=lambda root: _checked(root, scheme))
        _print_check(result, fmt, strict, quiet)
        exit_with(result.failed(strict))

    @app.command("rules", short_help=tr(
        "列出规则，或解释一条规则", "list the rules, or explain one"),
        help=tr("列出规则，或解释一条规则", "list the rules, or explain one"))
    def rules_cmd(rule_id: str | None = typer.Argument(None, help=tr("规则编号，如 P1.1", "rule id, e.g. P1.1")),
                  fmt: o.Format = o.format_opt()) -> None:
        rows = _rule_rows(rule_id)
        if fmt is o.Format.json:
            echo_json(rows)
            return
        for row in rows:
            echo(f"{row['id']}\t{row['severity']}\t{row['title']}")
            if rule_id:
                echo("\n" + row["explain"])

    @app.command("schema", short_help=tr(
        "输出供编辑器使用的 JSON Schema", "print the JSON Schema for editors"), help=tr(
        "输出 JSON Schema，供编辑器校验 YAML 文件", "print the JSON Schema for editors' YAML validation"))
    def schema_cmd(kind: o.SchemaKind = typer.Option(o.SchemaKind.all, "--kind", show_default=False, help=tr(
            "all（默认，配置和数据文件都可校验）、config 或 data", "all (default), config or data"))) -> None:
        from lzzr.workspace.jsonschema import workspace_schema

        echo_json(workspace_schema(kind.value))

    @app.command("init", short_help=tr(
        "新建工作区，或从上一年度结转", "create a workspace, or carry last year's over"), help=tr(
        "新建工作区：一个可以印发的年度（配置和发文参数、县委县政府纪委三个单位及其班子、方案、起步考核方案，"
        "带注释，待填写的内容由 lzzr check 提示）；或用 --from 从上一年度结转单位、领导、班子和考核方案（不含任务）",
        "create a workspace: a year that can be issued (config and issuing settings, the party committee, "
        "government and discipline commission with their teams, the plan, a starter scheme; placeholders "
        "are reported by lzzr check); or with --from carry units, leaders, teams and the scheme over"))
    def init_cmd(
        directory: Path = typer.Argument(..., help=tr("新工作区文件夹", "new workspace folder")),
        year: int | None = typer.Option(None, "--year", show_default=False, help=tr(
            "年度（默认：今年，或上一年度加一）", "year (default: this year, or the previous one's + 1)")),
        previous: Path | None = typer.Option(None, "--from", help=tr("上一年度的工作区", "last year's workspace")),
        name: str | None = typer.Option(None, "--name", help=tr(
            "地区名称，如 示例县（写入机关、单位名称）", "the region's name, e.g. 示例县")),
        kind: o.CountyKind | None = typer.Option(None, "--kind", help=tr(
            "县（乡镇）、旗（苏木镇）或 区（街道）；默认按 --name 的末字，否则为县",
            "县, 旗 or 区 (default: from the last character of --name, else 县)")),
        fmt: o.Format = o.format_opt(), quiet: bool = o.quiet_opt(), wait: float | None = o.wait_opt(),
    ) -> None:
        from lzzr.workspace.init import init_workspace

        with writing(directory, "init", wait, create=True):
            written, chosen_year = init_workspace(directory, year, previous, name, kind.value if kind else None)
        if fmt is o.Format.json:
            echo_json({"ok": True, "workspace": str(directory), "year": chosen_year, "files": written})
        elif not quiet:
            echo(t("init.done", path=str(directory), year=chosen_year, files="、".join(written)))


def _print_check(result: Any, fmt: o.Format, strict: bool, quiet: bool) -> None:
    if fmt is o.Format.json:
        echo_json({"workspace": str(result.root), "ok": not result.failed(strict), "summary": result.counts(),
                   "rule_settings": result.settings, "problems": problem_list(result.problems)})
        return
    print_problems(result.problems, err=False)  # check's data: the problem lines (README "输出")
    if not quiet:
        for rule_id, setting in sorted(result.settings.items()):
            echo(t("rule_setting", rule=rule_id, setting=setting))
        echo(t("summary", **result.counts()))


def _rule_rows(rule_id: str | None) -> list[dict[str, str]]:
    from lzzr.rules import REGISTRY

    if rule_id and rule_id not in REGISTRY:
        raise LzzrError("rules.unknown", rule=rule_id, known=", ".join(sorted(REGISTRY)))
    pick = 1 if tr("zh", "en") == "en" else 0
    chosen = [REGISTRY[rule_id]] if rule_id in REGISTRY else list(REGISTRY.values())
    return [{"id": r.id, "severity": r.severity.value, "title": r.title[pick], "explain": r.explain[pick]}
            for r in sorted(chosen, key=lambda r: r.id)]


def _checked(workspace: Path, scheme: Path | None = None) -> Any:
    """The check, and warnings for names that no face or only a fallback face can print (the
    commands that render refuse those no face has)."""
    from lzzr.check import check_workspace
    from lzzr.errors import Severity
    from lzzr.render.glyphcheck import name_texts, with_glyph_problems

    result = check_workspace(workspace, scheme)
    result.problems = with_glyph_problems(result.problems, result.workspace, name_texts(result.workspace),
                                          Severity.WARNING)
    return result
