"""`lzzr calendar`: the .ics reads back with icalendar, one event per deadline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar

from lzzr.errors import ExitCode
from lzzr.i18n import set_lang
from lzzr.supervision.status import leaf_tasks
from lzzr.workspace.load import load_workspace
from lzzr.workspace.supervision import inspections

from .helpers import SAMPLE, copy_sample, run


@pytest.fixture(autouse=True)
def _chinese() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")


def test_sample_calendar_has_every_deadline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "2026-责任制日历.ics"
    code, out, _ = run(capsys, "calendar", str(copy_sample(tmp_path / "ws")), "--out", str(tmp_path / "out"))
    assert (code, out) == (ExitCode.OK, f"已写入 {target}\n")
    events = {str(e["uid"]): e for e in Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    ws, _ = load_workspace(SAMPLE)
    assert ws.config is not None and ws.plan is not None
    for tid in leaf_tasks(ws):
        deadline = ws.tasks[tid].deadline or ws.config.year_end
        assert events[f"task-{tid}@2026.lzzr"].decoded("dtstart") == deadline
    for i, duty in enumerate(ws.plan.duties):
        assert events[f"duty-{i + 1}-{duty.kind}@2026.lzzr"].decoded("dtstart") == duty.date
    findings = [(iid, i, f) for iid, ins in inspections(ws).items() for i, f in enumerate(ins.findings)]
    for iid, i, f in findings:
        assert events[f"rectify-{iid}-{i + 1}@2026.lzzr"].decoded("dtstart") == f.deadline
    assert len(events) == len(leaf_tasks(ws)) + len(ws.plan.duties) + len(findings)
    # the person responsible on the day: T16.1 was 杜建平's, due 6-30 while he was in post
    assert str(events["task-T16.1@2026.lzzr"]["summary"]) == "T16.1 电子化招标投标全覆盖（杜建平）"
    assert str(events["rectify-DC2026-01-3@2026.lzzr"]["summary"]) == "整改 DC2026-01-3（朝鲁门）"
    assert events["duty-6-年中专题会议@2026.lzzr"].decoded("dtend") == dt.date(2026, 7, 15)


def test_source_date_epoch_makes_the_calendar_reproducible(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Its DTSTAMP is SOURCE_DATE_EPOCH's moment when that is set: two runs write the same bytes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1772064000")
    ws = copy_sample(tmp_path / "ws")
    made = []
    for out in ("a", "b"):
        assert run(capsys, "calendar", str(ws), "--out", str(tmp_path / out), "-q")[0] == ExitCode.OK
        made.append((tmp_path / out / "2026-责任制日历.ics").read_bytes())
    assert made[0] == made[1]
    stamps = {e.decoded("dtstamp") for e in Calendar.from_ical(made[0]).walk("VEVENT")}
    assert stamps == {dt.datetime(2026, 2, 26, tzinfo=dt.UTC)}
