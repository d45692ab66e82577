"""Event dates of varying precision: what interval of days a TIMEX3-like value covers, and which periods it fixes.

An event's ``date`` is a TIMEX3 value: a day (``2024-05-16``, possibly with a time), an ISO week (``2024-W20``), a
month (``2024-05``) or a year (``2022``); anything else (``PRESENT_REF``, seasons, null) leaves the event undated,
and the article's date (its anchor) stands in for it, as GDELT uses the publication date.

Two consumers respect the precision:

- clusters compare *intervals*: a month covers all its days, so it is compatible with any day in it;
- timelines put an event in a period only when its date fixes that period: a month-precision event counts in its
  month and year, never on its month's first day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

Precision = Literal["day", "week", "month", "year", "anchor"]
Unit = Literal["day", "week", "month", "year"]

UNITS: tuple[Unit, ...] = ("day", "week", "month", "year")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")

#: How many days before its article an undated event may have happened ("on Monday", "last week").
UNDATED_LOOKBACK = 7


@dataclass(frozen=True, slots=True)
class Dated:
    """A date value with its precision and the days it covers, as ordinal numbers (``date.toordinal``)."""

    value: str  # normalised: "2024-05-16", "2024-W20", "2024-05", "2024"
    precision: Precision
    lo: int
    hi: int


def parse(value: str | None) -> Dated | None:
    """The interval of an event's own date, or None when the value is not a calendar date."""
    if not value:
        return None
    try:
        return _parse(value)
    except ValueError:  # "2024-13", "2024-02-30": malformed values are treated as undated
        return None


def _parse(value: str) -> Dated | None:
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return Dated(day.isoformat(), "day", day.toordinal(), day.toordinal())
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return Dated(value, "week", monday.toordinal(), monday.toordinal() + 6)
    if m := _MONTH.match(value):
        first = date(int(m[1]), int(m[2]), 1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return Dated(value, "month", first.toordinal(), following.toordinal() - 1)
    if m := _YEAR.match(value):
        year = int(m[1])
        return Dated(value, "year", date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal())
    return None


def event_date(value: str | None, anchor: str | None) -> Dated | None:
    """The event's own date, else its article's date: the anchor day and the days before it that "Monday" reaches."""
    own = parse(value)
    if own is not None:
        return own
    day = parse(anchor[:10] if anchor else None)
    if day is None or day.precision != "day":
        return None
    return Dated(day.value, "anchor", day.lo - UNDATED_LOOKBACK, day.hi)


def overlaps(a: Dated, b: Dated, tolerance: int = 1) -> bool:
    """True when the two intervals meet, allowing ``tolerance`` days between them (time zones, "overnight")."""
    return a.lo - tolerance <= b.hi and b.lo - tolerance <= a.hi


_RANK: dict[Precision, int] = {"day": 0, "anchor": 1, "week": 2, "month": 3, "year": 4}


def finer(a: Dated, b: Dated) -> bool:
    """True when ``a`` is more precise than ``b`` (a day beats an article date, which beats a week, month, year)."""
    return _RANK[a.precision] < _RANK[b.precision]


def period(value: str | None, anchor: str | None, unit: str) -> str | None:
    """The label of the ``unit`` period the date fixes ("2024-05-16", "2024-W20", "2024-05", "2024"), else None.

    An undated event takes its article's day. A date coarser than the unit, or a week asked by month (a week can
    straddle two months), gives None: the event is not counted in any period of that unit.
    """
    dated = parse(value)
    if dated is None:
        dated = parse(anchor[:10] if anchor else None)
        if dated is None or dated.precision != "day":
            return None
    return _label(dated, unit)


def _label(dated: Dated, unit: str) -> str | None:
    first = date.fromordinal(dated.lo)
    if unit == "year":
        return f"{first.year:04d}"
    if unit == "month" and dated.precision in ("day", "month"):
        return f"{first.year:04d}-{first.month:02d}"
    if unit == "week" and dated.precision in ("day", "week"):
        iso = first.isocalendar()
        return f"{iso.year:04d}-W{iso.week:02d}"
    if unit == "day" and dated.precision == "day":
        return first.isoformat()
    return None


def gdelt_day(dated: Dated) -> date:
    """The single day GDELT's SQLDATE needs: the day itself, else the first day of the week, month or year."""
    return date.fromordinal(dated.lo if dated.precision != "anchor" else dated.hi)
