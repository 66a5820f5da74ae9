"""Test-wide settings: keep lzzr's caches inside the test run, never in the user's home; every
test starts in Chinese (the message language is process state, and under pytest-xdist the order
of files on a worker varies, so a test that switched to English must not decide the next one's)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator

import pytest

from lzzr.i18n import set_lang

os.environ.setdefault("LZZR_CACHE_DIR", tempfile.mkdtemp(prefix="lzzr-test-cache-"))


@pytest.fixture(autouse=True)
def chinese_first() -> Iterator[None]:
    set_lang("zh")
    yield
    set_lang("zh")
