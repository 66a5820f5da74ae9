"""The package layout holds: no import cycles, `lzzr check` stays light, results carry codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import grimp

from lzzr.assess.explain import explain
from lzzr.assess.run import assess_workspace
from lzzr.i18n import set_lang
from lzzr.messages import CATALOGUES

from .helpers import SAMPLE

ROOT = Path(__file__).resolve().parent.parent


def test_no_import_cycles() -> None:
    """No module reaches itself through imports (imports under TYPE_CHECKING do not run)."""
    graph = grimp.build_graph("lzzr", exclude_type_checking_imports=True)
    cycles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            chain = graph.find_shortest_chain(importer=imported, imported=module)
            if chain:
                cycles.append(" -> ".join((module, *chain)))
    assert cycles == []


def test_layer_contract_is_kept() -> None:
    """The import-linter contract in pyproject.toml (cli → phases → … → bottom) holds."""
    exe = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(exe)], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-2000:]
    assert "1 kept, 0 broken" in done.stdout


def test_check_imports_no_renderer_and_no_year_end_phase(tmp_path: Path) -> None:
    """`lzzr check` loads neither WeasyPrint nor pyHanko nor the assessment or documents."""
    probe = (
        "import json, sys\n"
        "from lzzr.cli import main\n"
        f"code = main(['check', {str(SAMPLE)!r}, '--quiet'])\n"
        "print(json.dumps([code, sorted(sys.modules)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    code, modules = json.loads(done.stdout.strip().splitlines()[-1])
    assert code == 0
    heavy = ("weasyprint", "pyhanko", "lzzr.assess.", "lzzr.documents.", "lzzr.decompose.")
    assert [m for m in modules if m.startswith(heavy) or m in ("lzzr.assess", "lzzr.documents")] == []


def test_a_code_belongs_to_one_catalogue() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for name, catalogue in CATALOGUES.items():
        for code in catalogue:
            if code in seen:
                clashes.append(f"{code}: {seen[code]} and {name}")
            seen[code] = name
    assert clashes == []


def test_language_is_chosen_when_printed_not_when_computed() -> None:
    """The assessment holds codes and arguments: computed in Chinese, explained in English."""
    set_lang("zh")
    run = assess_workspace(SAMPLE)
    assert run.assessment is not None
    zh = explain(run.assessment, "altsm")
    set_lang("en")
    try:
        en = explain(run.assessment, "altsm")
        fresh = assess_workspace(SAMPLE).assessment
        assert fresh is not None
        assert en == explain(fresh, "altsm")
    finally:
        set_lang("zh")
    assert zh != en
    assert any("rate" in line or "grade" in line for line in en)
    assert not any("等次" in line for line in en)


def _command_bodies() -> list[tuple[str, int]]:
    """(command function, lines of its body) for every `@app.command` in lzzr/cli/."""
    import ast

    found = []
    for path in sorted((ROOT / "lzzr" / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            decorators = [d for d in node.decorator_list if isinstance(d, ast.Call)
                          and isinstance(d.func, ast.Attribute) and d.func.attr == "command"]
            if decorators:
                body = node.body
                assert body[-1].end_lineno is not None
                found.append((f"{path.name}:{node.name}", body[-1].end_lineno - body[0].lineno + 1))
    return found


def test_command_bodies_are_thin() -> None:
    """Each command parses, calls one function, prints and exits: at most 15 lines."""
    bodies = _command_bodies()
    assert len(bodies) >= 11
    assert [(name, n) for name, n in bodies if n > 15] == []


def test_shared_options_are_declared_once() -> None:
    """--quiet, --strict, --out, --format, --pdf-variant and --no-cache are declared in cli/options.py only."""
    for path in sorted((ROOT / "lzzr" / "cli").glob("*.py")):
        if path.name == "options.py":
            continue
        source = path.read_text(encoding="utf-8")
        for flag in ('"--quiet"', '"--strict"', '"--out"', '"--format"', '"--pdf-variant"', '"--no-cache"'):
            assert flag not in source, f"{path.name} declares {flag}"


def test_architecture_doc_names_every_module() -> None:
    """docs/architecture.md matches the tree: each module of lzzr/ is named there."""
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = sorted(p.relative_to(ROOT / "lzzr") for p in (ROOT / "lzzr").rglob("*.py")
                     if p.name not in ("__init__.py", "__main__.py"))
    assert [str(m) for m in modules if f"{m.stem}" not in doc] == []
    packages = sorted(p.parent.name for p in (ROOT / "lzzr").glob("*/__init__.py") if p.parent.name != "data")
    assert [name for name in packages if f"`{name}/`" not in doc] == []
