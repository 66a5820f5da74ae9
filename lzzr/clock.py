"""Today's date, from one place, so that tests can fix it (monkeypatch `lzzr.clock.today`); and
when a file is made, which SOURCE_DATE_EPOCH fixes (the reproducible-builds convention)."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """The local date today."""
    return dt.date.today()


def source_date() -> dt.datetime | None:
    """SOURCE_DATE_EPOCH (seconds since 1970, UTC) as a UTC time, or None when it is not set."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch.isdigit() else None


def made_at() -> dt.datetime:
    """When a file is made, in whole seconds, UTC: SOURCE_DATE_EPOCH when it is set (two runs over
    the same data then write the same bytes), otherwise now."""
    return source_date() or dt.datetime.now(dt.UTC).replace(microsecond=0)
