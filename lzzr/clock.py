"""Today's date, from one place, so that tests can fix it (monkeypatch `lzzr.clock.today`)."""

from __future__ import annotations

import datetime as dt


def today() -> dt.date:
    """The local date today."""
    return dt.date.today()
