"""Calendar arithmetic on TIMEX3 values: a day with a granularity, shifted and written out in TimeML notation.

``dateutil.relativedelta`` does the month and year arithmetic (month ends, leap years) and ``dateutil.easter``
the movable feasts; what is ours is the mapping between granularities and TIMEX3 strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

#: Granularities from fine to coarse, as used by :class:`Point`.
GRAINS = ("day", "week", "month", "quarter", "season", "year", "decade", "century")


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar date read at a granularity: ``Point(date(2024, 5, 16), "month")`` is ``2024-05``."""

    day: date
    grain: str = "day"
    suffix: str = ""  # season code for grain "season" ("SU"), part of day / clock for days ("TMO", "T04:00")

    @property
    def value(self) -> str:
        """The TIMEX3 value string."""
        d = self.day
        if self.grain == "day":
            return f"{d.isoformat()}{self.suffix}"
        if self.grain == "week":
            year, week, _ = d.isocalendar()
            return f"{year}-W{week:02d}{self.suffix}"
        if self.grain == "month":
            return f"{d.year}-{d.month:02d}"
        if self.grain == "quarter":
            return f"{d.year}-Q{(d.month - 1) // 3 + 1}"
        if self.grain == "season":
            return f"{d.year}-{self.suffix}"
        if self.grain == "year":
            return str(d.year)
        if self.grain == "decade":
            return f"{d.year // 10}X"
        return f"{d.year // 100:02d}"

    def shift(self, amount: int, unit: str | None = None) -> Point:
        """The point ``amount`` units later (negative: earlier); ``unit`` defaults to the point's own grain."""
        unit = unit or self.grain
        return replace(self, day=self.day + _delta(amount, unit))

    def at(self, grain: str, suffix: str = "") -> Point:
        """The same day read at another granularity."""
        return Point(self.day, grain, suffix)


def _delta(amount: int, unit: str) -> relativedelta | timedelta:
    steps = {
        "day": timedelta(days=amount),
        "week": timedelta(weeks=amount),
        "month": relativedelta(months=amount),
        "quarter": relativedelta(months=3 * amount),
        "season": relativedelta(months=12 * amount),
        "year": relativedelta(years=amount),
        "decade": relativedelta(years=10 * amount),
        "century": relativedelta(years=100 * amount),
    }
    return steps.get(unit, timedelta(days=amount))


def parse_anchor(anchor: str | None) -> date | None:
    """The anchor date of an article (``YYYY-MM-DD``), or None when absent or malformed."""
    if not anchor:
        return None
    try:
        return date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def weekday_near(anchor: date, weekday: int, direction: str | None) -> date:
    """The day named ``weekday`` (1 = Monday) nearest ``anchor`` in ``direction``.

    past: on or before the anchor; future: on or after it; otherwise the one in the week centred on the anchor
    (three days either side), so a Monday article's "Friday" is the Friday just gone.
    """
    if direction == "past":
        return anchor - timedelta(days=(anchor.isoweekday() - weekday) % 7)
    if direction == "future":
        return anchor + timedelta(days=(weekday - anchor.isoweekday()) % 7)
    return anchor + timedelta(days=(weekday - anchor.isoweekday() + 3) % 7 - 3)


def month_near(anchor: date, month: int, direction: str | None) -> int:
    """The year of the month ``month`` nearest ``anchor``; the tense overrules only a month or more away.

    News names months near its own date ("the summit in April"); a past-tense verb can still push a month that
    is clearly ahead into the previous year, and a future one the reverse.
    """
    offset = min((-12, 0, 12), key=lambda shift: abs(month + shift - anchor.month))
    if direction == "past" and month + offset > anchor.month + 1:
        offset -= 12
    elif direction == "future" and month + offset < anchor.month - 1:
        offset += 12
    return anchor.year + offset // 12


def day_near(anchor: date, month: int, day: int, direction: str | None) -> date | None:
    """The date month/day nearest ``anchor``; the tense overrules only when it is more than 30 days away."""
    options = [d for year in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := safe_date(year, month, day))]
    if not options:
        return None
    found = min(options, key=lambda d: abs((d - anchor).days))
    if direction == "past" and (found - anchor).days > _TENSE_SLACK_DAYS:
        return safe_date(found.year - 1, month, day)
    if direction == "future" and (anchor - found).days > _TENSE_SLACK_DAYS:
        return safe_date(found.year + 1, month, day)
    return found


_TENSE_SLACK_DAYS = 30


def quarter_near(anchor: date, quarter: int, direction: str | None) -> int:
    """The year of quarter ``quarter``: the latest one begun by the anchor, or the next one for the future."""
    current = (anchor.month - 1) // 3 + 1
    if direction == "future":
        return anchor.year + (quarter < current)
    return anchor.year - (quarter > current)


def safe_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or None when it does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def movable_holiday(name: str, year: int) -> date | None:
    """The date of a movable holiday in ``year`` (Easter, Thanksgiving, Labor Day, Memorial Day...)."""
    if name in {"easter", "easter sunday"}:
        return easter(year)
    if name == "good friday":
        return easter(year) - timedelta(days=2)
    rules = {  # (month, weekday, nth; -1 = last)
        "thanksgiving": (11, 4, 4),
        "thanksgiving day": (11, 4, 4),
        "labor day": (9, 1, 1),
        "memorial day": (5, 1, -1),
        "martin luther king day": (1, 1, 3),
        "election day": (11, 2, 0),
    }
    if name not in rules:
        return None
    month, weekday, nth = rules[name]
    if name == "election day":  # the Tuesday after the first Monday of November
        return _nth_weekday(year, 11, 1, 1) + timedelta(days=1)
    return _nth_weekday(year, month, weekday, nth)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    last = date(year, month, 1) + relativedelta(months=1, days=-1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


_VALUE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|Q(?P<q>[1-4])|W(?P<w>\d\d?)|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?"
    r"(?:T.*)?$"
)


def point_from_value(value: str | None) -> Point | None:
    """The :class:`Point` a TIMEX3 date value denotes (``2024-05``, ``2024-Q2``, ``2024-W20``...), or None."""
    match = _VALUE_RE.match(value or "")
    if match is None:
        return None
    year = int(match["y"])
    if match["d"]:
        found = safe_date(year, int(match["m"]), int(match["d"]))
        return Point(found) if found else None
    if match["m"]:
        return Point(date(year, int(match["m"]), 1), "month") if 1 <= int(match["m"]) <= 12 else None
    if match["q"]:
        return Point(date(year, 3 * int(match["q"]) - 2, 1), "quarter")
    if match["w"]:
        week = int(match["w"])
        return Point(date.fromisocalendar(year, week, 1), "week") if 1 <= week <= 52 else None
    if match["h"]:
        return Point(date(year, 6 * int(match["h"]) - 5, 1), "quarter")
    if match["s"]:
        return Point(date(year, {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[match["s"]], 1), "season", match["s"])
    return Point(date(year, 1, 1), "year")


def finer(a: str, b: str) -> str:
    """The finer of two granularities."""
    return a if GRAINS.index(a) <= GRAINS.index(b) else b
