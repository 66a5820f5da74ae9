"""An openpyxl workbook as xlsx bytes, reproducible when SOURCE_DATE_EPOCH is set.

openpyxl stamps the current time into docProps/core.xml (created, modified) and zipfile
stamps each entry, so two runs over the same data differ. With SOURCE_DATE_EPOCH (the
reproducible-builds convention: seconds since 1970, UTC) those times are that moment and
the same tables give the same bytes; without it a workbook says when it was written.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import zipfile
from typing import Any

_STAMP = re.compile(rb"(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(</dcterms:)")


def workbook_bytes(book: Any) -> bytes:
    """`book` saved as xlsx; its times fixed to SOURCE_DATE_EPOCH when that is set."""
    buffer = io.BytesIO()
    book.save(buffer)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return buffer.getvalue()
    return stamped(buffer.getvalue(), dt.datetime.fromtimestamp(int(epoch), dt.UTC))


def stamped(data: bytes, when: dt.datetime) -> bytes:
    """The xlsx `data` with created/modified and every zip entry's time set to `when`."""
    when = max(when, dt.datetime(1980, 1, 1, tzinfo=dt.UTC))  # the zip format starts in 1980
    iso = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "docProps/core.xml":
                body = _STAMP.sub(rb"\g<1>" + iso + rb"\g<2>", body)
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, body)
    return out.getvalue()
