"""Test-wide settings: keep lzzr's caches inside the test run, never in the user's home."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("LZZR_CACHE_DIR", tempfile.mkdtemp(prefix="lzzr-test-cache-"))
