"""Workbooks are reproducible under SOURCE_DATE_EPOCH: openpyxl's created/modified times and
the zip entries' times are that moment, so the same tables give the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]

from lzzr.render.tables import Table, to_xlsx

TABLE = Table("责任分解", ["编号", "完成时限"], [["T01", dt.date(2026, 6, 30)]])
EPOCH = int(dt.datetime(2026, 2, 26, tzinfo=dt.UTC).timestamp())


def test_times_are_the_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))
    first = to_xlsx(TABLE)
    with zipfile.ZipFile(io.BytesIO(first)) as book:
        assert {info.date_time for info in book.infolist()} == {(2026, 2, 26, 0, 0, 0)}
        core = book.read("docProps/core.xml").decode()
    assert core.count(">2026-02-26T00:00:00Z<") == 2, core
    sheet = load_workbook(io.BytesIO(first)).active
    assert [c.value for c in sheet[2]] == ["T01", dt.datetime(2026, 6, 30)]


def test_without_the_epoch_a_workbook_says_when_it_was_written(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with zipfile.ZipFile(io.BytesIO(to_xlsx(TABLE))) as book:
        core = book.read("docProps/core.xml").decode()
    assert f">{dt.datetime.now(dt.UTC):%Y-%m-%d}T" in core
