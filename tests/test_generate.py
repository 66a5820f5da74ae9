"""bench/generate.py: a city-shaped workspace, the same for a seed, and valid."""

from __future__ import annotations

import sys
from pathlib import Path

from lzzr.assess.run import assess_workspace
from lzzr.check import check_workspace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate


def files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(root.iterdir())}


def test_generated_workspace_is_valid_and_city_shaped(tmp_path: Path) -> None:
    made = generate(tmp_path / "ws", units=220, tasks=600, teams_per_unit=1.0, members=3, subtasks=3, seed=1)
    result = check_workspace(tmp_path / "ws")
    ws = result.workspace
    assert result.errors == 0
    assert made.count == len(ws.tasks) == 600
    assert len(ws.units) == 220 and len(ws.teams) == 220  # every unit with a team
    charges = [len(p.in_charge) for team in ws.teams.values() for p in team.members if p.in_charge]
    assert charges and all(1 <= n <= 8 for n in charges)
    assert sum(3 <= n <= 8 for n in charges) / len(charges) > 0.8
    depth = {tid: tid.count(".") for tid in ws.tasks}
    assert max(depth.values()) == 3 and sum(1 for d in depth.values() if d == 0) < 100
    assert len({t.content for t in ws.tasks.values() if t.content}) > 300  # varied text


def test_every_record_indicator_does_its_work(tmp_path: Path) -> None:
    """Polls and ratings score for every target; duties, rules in force and incidents are there
    (bench/gen_facts.py), so the 清单 and 扣分 indicators score between 0 and full for some."""
    generate(tmp_path / "ws", units=220, tasks=150, teams_per_unit=0.8, members=2, subtasks=2, seed=1)
    run = assess_workspace(tmp_path / "ws")
    assert run.errors == 0 and run.assessment is not None
    assert not [p.code for p in run.problems if p.code.startswith("A3")]  # no poll or rating missing (A301, A304)
    results = run.assessment.results
    assert {r.target.kind for r in results} == {"班子", "正职", "成员"}
    scored = [line for r in results for line in r.lines if line.kind in ("民主测评", "评定")]
    assert len(scored) == sum(3 if r.target.kind == "班子" else 2 for r in results)
    assert all(0 < line.points <= line.max for line in scored)
    assert len({line.points for line in scored if line.kind == "民主测评"}) > len(results) // 2  # varied votes
    for kind in ("清单", "扣分"):
        lines = [line for r in results for line in r.lines if line.kind == kind]
        assert lines and any(0 < line.points < line.max for line in lines), kind
        assert {line.id for line in lines if 0 < line.points < line.max} | {"C2"} >= {line.id for line in lines}
    assert {r.target.kind for r in results for line in r.lines if line.kind == "扣分" and line.points < line.max} \
        == {"班子", "正职", "成员"}  # incidents in units, naming principals and members in charge


def test_same_seed_same_files(tmp_path: Path) -> None:
    generate(tmp_path / "a", units=80, tasks=100, teams_per_unit=0.8, members=2, subtasks=2, seed=5)
    generate(tmp_path / "b", units=80, tasks=100, teams_per_unit=0.8, members=2, subtasks=2, seed=5)
    generate(tmp_path / "c", units=80, tasks=100, teams_per_unit=0.8, members=2, subtasks=2, seed=6)
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert files(tmp_path / "a") != files(tmp_path / "c")


def test_fewer_teams_is_still_valid(tmp_path: Path) -> None:
    generate(tmp_path / "ws", units=120, tasks=200, teams_per_unit=0.3, members=0, subtasks=2, seed=3)
    result = check_workspace(tmp_path / "ws")
    assert result.errors == 0
    assert len(result.workspace.teams) < 120
