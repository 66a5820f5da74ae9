"""The rules' shared index answers exactly as `lzzr.responsibility` does, in the same order."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lzzr.responsibility import (
    MAIN,
    Charge,
    ancestors,
    in_charge_of,
    in_subtree,
    overall_leaders,
    task_responsibility,
    units_in_charge,
    units_under,
    upper_team,
)
from lzzr.rules.index import Index, index
from lzzr.rules.p4_operability import SIMILAR, _norm, _Source, similarity
from lzzr.workspace.load import Workspace, load_workspace

from .helpers import copy_sample
from .rules_base import BASE, BREAKERS, apply

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from generate import generate

DAYS = (None, dt.date(2026, 1, 1), dt.date(2026, 6, 30), dt.date(2026, 7, 1), dt.date(2026, 12, 31))


def reference_sound(ws: Workspace) -> list[str]:
    """The walk the rules did before the index (one walk up per task)."""
    sound = []
    for tid in sorted(ws.tasks):
        seen = {tid}
        parent = ws.tasks[tid].parent
        while parent in ws.tasks and parent not in seen:
            seen.add(parent)
            parent = ws.tasks[parent].parent
        if parent not in seen:
            sound.append(tid)
    return sound


def reference_in_charge(ws: Workspace, unit_id: str, day: dt.date | None) -> list[Charge]:
    """The scan `responsibility.in_charge_of` did before its lookup."""
    return [Charge(team_id, post) for team_id, team in ws.teams.items() for post in team.members
            if unit_id in post.in_charge and (day is None or post.active_on(day))]


def reference_units_in_charge(ws: Workspace, leader_id: str, day: dt.date | None) -> list[tuple[str, str]]:
    return [(team_id, unit) for team_id, team in ws.teams.items() for post in team.members
            if post.leader == leader_id and (day is None or post.active_on(day)) for unit in post.in_charge]


def assert_same(ws: Workspace, idx: Index) -> None:
    for lid in ws.leaders:
        for day in DAYS:
            assert units_in_charge(ws, lid, day) == reference_units_in_charge(ws, lid, day)
    for uid in ws.units:
        assert idx.ancestors[uid] == ancestors(ws, uid)
        assert idx.upper_team[uid] == upper_team(ws, uid)
        assert idx.overall_leaders(ws, uid) == overall_leaders(ws, uid)
        for day in DAYS:
            assert idx.overall_leaders(ws, uid, day) == overall_leaders(ws, uid, day)
        for day in DAYS:
            assert idx.in_charge_of(uid, day) == in_charge_of(ws, uid, day) == reference_in_charge(ws, uid, day)
        for root in ws.units:
            assert idx.in_subtree(uid, root) == in_subtree(ws, uid, root)
    for tid in ws.teams:
        assert idx.under.get(tid, []) == units_under(ws, tid)
    for task in ws.tasks.values():
        main = [lid for lid, resp in task_responsibility(ws, task).items() if resp == MAIN]
        assert [idx.main_leader(task)] == (main or [None])
    assert idx.sound == reference_sound(ws)


def test_index_on_the_sample(tmp_path: Path) -> None:
    ws, _ = load_workspace(copy_sample(tmp_path / "ws"))
    assert_same(ws, index(ws))


def test_index_on_a_generated_city(tmp_path: Path) -> None:
    generate(tmp_path / "ws", units=90, tasks=150, teams_per_unit=0.7, members=2, subtasks=3, seed=7)
    ws, _ = load_workspace(tmp_path / "ws")
    assert_same(ws, index(ws))


@pytest.mark.parametrize("rule_id", ["P2.3", "P2.4", "P2.6", "P3.3", "P3.5", "R003"])
def test_index_on_broken_workspaces(tmp_path: Path, rule_id: str) -> None:
    files = dict(BASE)
    if rule_id in BREAKERS:
        files = apply(BREAKERS[rule_id][0])
    else:  # a cycle of sub-tasks: none of them is sound
        files["tasks.yaml"] = files["tasks.yaml"].replace("任务:\n", "任务:\n  X1: {名称: 甲, 所属任务: X2}\n"
                                                          "  X2: {名称: 乙, 所属任务: X1}\n  X3: {名称: 丙, 所属任务: X2}\n")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ws, _ = load_workspace(tmp_path)
    assert_same(ws, index(ws))


def test_index_is_rebuilt_when_the_collections_change(tmp_path: Path) -> None:
    ws, _ = load_workspace(copy_sample(tmp_path / "ws"))
    first = index(ws)
    assert index(ws) is first
    ws.tasks = dict(list(ws.tasks.items())[:3])
    assert index(ws) is not first
    assert index(ws).sound == reference_sound(ws)


TEXT = st.text(alphabet="加强教育监督检查整改落实责任，。 、1", max_size=40)


@given(TEXT, TEXT)
def test_similarity_bound_is_exact_above_the_floor(a: str, b: str) -> None:
    source = _Source(b)
    norm = _norm(a)
    got = source.similarity(norm, Counter(norm), SIMILAR)
    exact = similarity(a, b)
    assert got >= exact
    assert (got >= SIMILAR) == (exact >= SIMILAR)
    if exact >= SIMILAR:
        assert got == exact
