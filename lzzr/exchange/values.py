"""Cell values → workspace values: dates in the ways cadres type them, numbers, lists, people.

Pure functions. A value that cannot be read raises `CellError` with a message code and its
arguments; the caller locates it at the cell.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl.utils.datetime import from_excel  # type: ignore[import-untyped]


class CellError(Exception):
    """A cell whose value cannot be read; `code` selects the message, `args` fill it."""

    def __init__(self, code: str, **args: Any) -> None:
        super().__init__(code)
        self.code = code
        self.args_ = args


_SEP = r"\s*[年./\-]\s*"
_FULL = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})\s*[月./\-]\s*(\d{{1,2}})\s*[日号]?")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_MONTH_END = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:底|末|份|中旬?)?")
_YEAR_END = re.compile(r"(?:(\d{4})\s*年\s*)?(?:年底|年末|底|末)")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_TRAILER = re.compile(r"\s*(之前|以前|前|止|为止)\s*\Z")
_SERIAL_RANGE = (36526, 73050)  # Excel serial numbers of 2000-01-01 … 2099-12-31


def read_date(value: Any, year: int) -> dt.date:
    """A date as typed: an Excel date, `2026年6月30日`, `2026.6.30`, `2026/6/30`, `20260630`,
    `6月30日` or `6月底` (last day of the month) in the workspace `year`, `年底`.

    Raises:
        CellError: `X101` not a date (with the value), `X102` no such day.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellError("X101", value=str(value))
    if isinstance(value, (int, float)):
        return _date_from_number(value)
    return _date_from_text(str(value), year)


def _date_from_number(value: float) -> dt.date:
    if float(value).is_integer() and _COMPACT.fullmatch(str(int(value))):
        y, m, d = _COMPACT.fullmatch(str(int(value))).groups()  # type: ignore[union-attr]
        return _day(int(y), int(m), int(d), str(int(value)))
    if float(value).is_integer() and _SERIAL_RANGE[0] <= value <= _SERIAL_RANGE[1]:
        day: dt.datetime = from_excel(value)
        return day.date()
    raise CellError("X101", value=_number_text(value))


def _date_from_text(raw: str, year: int) -> dt.date:
    text = _TRAILER.sub("", raw.strip())
    if m := _FULL.fullmatch(text) or _COMPACT.fullmatch(text):
        return _day(int(m[1]), int(m[2]), int(m[3]), raw)
    if m := _MONTH_DAY.fullmatch(text):
        return _day(year, int(m[1]), int(m[2]), raw)
    if m := _MONTH_END.fullmatch(text):
        y, month = int(m[1] or year), int(m[2])
        if not 1 <= month <= 12:
            raise CellError("X102", value=raw)
        return dt.date(y, month, calendar.monthrange(y, month)[1])
    if m := _YEAR_END.fullmatch(text):
        return dt.date(int(m[1] or year), 12, 31)
    raise CellError("X101", value=raw)


def _day(year: int, month: int, day: int, raw: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise CellError("X102", value=raw) from None


def read_text(value: Any) -> str:
    """Any cell as text: 3.0 → `3`, a date → `2026-06-30`."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _number_text(value)
    return str(value).strip()


_LIST_SEP = re.compile(r"\s*[；;\n]\s*")
_NAME_SEP = re.compile(r"\s*[、，,；;\n/]\s*")


def read_texts(value: Any) -> list[str]:
    """Items separated by `；`, `;` or a line break (a 、 stays inside an item)."""
    return [x for x in _LIST_SEP.split(read_text(value)) if x]


def read_names(value: Any) -> list[str]:
    """Names separated by `、`, `，`, `,`, `；`, `/` or a line break."""
    return [x for x in _NAME_SEP.split(read_text(value)) if x]


def read_number(value: Any) -> int | float:
    """A number, or text of one (`60`, `60%`, `６０`); `true` and words are refused (X103)."""
    if isinstance(value, bool):
        raise CellError("X103", value=str(value))
    if isinstance(value, (int, float)):
        return int(value) if float(value).is_integer() else value
    text = read_text(value).replace("％", "%").rstrip("%").strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise CellError("X103", value=read_text(value)) from None
    if not number.is_finite():
        raise CellError("X103", value=read_text(value))
    return int(number) if number == number.to_integral_value() else float(number)


def read_count(value: Any) -> int:
    """A whole number of ballots or votes (X104 otherwise)."""
    try:
        number = read_number(value)
    except CellError:
        raise CellError("X104", value=read_text(value)) from None
    if isinstance(number, float) or number < 0:
        raise CellError("X104", value=read_text(value))
    return number


_PERSON = re.compile(r"(.+?)\s*[（(]\s*(.+?)\s*[)）]")
_PERSON_SPACED = re.compile(r"(\S+?)\s*[\s，,:：]\s*(\S.*)")


def read_person(value: Any) -> dict[str, str]:
    """`孙立（旗纪委党风政风监督室主任）` or `孙立 主任` → {姓名, 职务}; X105 without a post."""
    text = read_text(value)
    m = _PERSON.fullmatch(text) or _PERSON_SPACED.fullmatch(text)
    if not m:
        raise CellError("X105", value=text)
    return {"姓名": m[1].strip(), "职务": m[2].strip()}


_TARGET = re.compile(r"(?P<metric>.*?)[\s:：]*(?P<num>-?\d+(?:\.\d+)?)\s*(?P<unit>[^\d\s]*)")


def read_targets(value: Any) -> list[dict[str, Any]]:
    """`专题会议 2 次; 签订率 100 %` → [{指标, 目标, 单位}, …]; X106 for a part without a number."""
    targets = []
    for part in _LIST_SEP.split(read_text(value)):
        m = _TARGET.fullmatch(part)
        if not m or not m["metric"].strip():
            if part:
                raise CellError("X106", value=part)
            continue
        target: dict[str, Any] = {"指标": m["metric"].strip(), "目标": read_number(m["num"])}
        if m["unit"]:
            target["单位"] = m["unit"]
        targets.append(target)
    return targets


def read_actual(value: Any) -> dict[str, int | float]:
    """`常委会研究: 5; 专题会议 2 次` → {指标: 实际值}."""
    return {t["指标"]: t["目标"] for t in read_targets(value)}


def _number_text(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")
