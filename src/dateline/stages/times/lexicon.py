"""Word tables and regular-expression fragments shared by the time rules.

Hand-written because no installed library exposes them as data we can splice into our patterns: dateparser's
tables are per-language dictionaries for whole-string parsing, not building blocks for a detector.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}  # fmt: skip

SMALL_NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "single": 1, "half a": 0.5, "half an": 0.5, "a couple of": 2, "couple of": 2,
}  # fmt: skip

#: Quantities with no definite number: the value carries ``X`` ("several years" -> ``PXY``). TimeML counts "a
#: couple of years" as two (``P2Y``), so "couple" is in :data:`SMALL_NUMBERS` instead.
VAGUE_NUMBERS = frozenset({"several", "a few", "few", "many", "some", "a number of", "the few", "few more"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4, "last": 4,
}  # fmt: skip

#: TIMEX3 duration letters; time units take the ``PT`` prefix.
UNIT_CODES: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "centurie": "CE", "millennium": "ML", "season": "SE",
}  # fmt: skip
TIME_UNITS = frozenset({"second", "minute", "hour"})
#: How a fraction of a unit is written in the next smaller one ("2 1/2 years" -> ``P2Y6M``).
SMALLER_UNIT: dict[str, tuple[str, int]] = {"year": ("M", 12), "day": ("H", 24), "hour": ("M", 60), "minute": ("S", 60)}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI", "tonight": "NI",
    "mid-afternoon": "AF", "midday": "MI", "dawn": "MO", "dusk": "EV",
}  # fmt: skip

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

SET_ADVERBS: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
    "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
}  # fmt: skip

DEICTIC: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "at present": "PRESENT_REF",
    "the present": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "presently": "PRESENT_REF", "right now": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "then current": "PAST_REF", "then-current": "PAST_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "a later date": "FUTURE_REF",
}  # fmt: skip

#: Fixed-date holidays (month, day); movable ones are computed in :mod:`.calendar`.
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25), "christmas day": (12, 25),
    "christmas eve": (12, 24), "boxing day": (12, 26), "valentine's day": (2, 14), "halloween": (10, 31),
    "independence day": (7, 4), "july fourth": (7, 4), "fourth of july": (7, 4), "veterans day": (11, 11),
    "bastille day": (7, 14), "may day": (5, 1), "st. patrick's day": (3, 17), "new year": (1, 1),
}  # fmt: skip


def alternation(words: object) -> str:
    """A regex alternation of ``words``, longest first so the regex engine prefers "sept" over "sep"."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(w.replace(".", r"\.").replace(" ", r"\s+") for w in items)


# --- regex fragments (used with re.IGNORECASE) -------------------------------------------------------------
_FULL = [k for k in MONTHS if len(k) > 4] + ["may", "june", "july"]
MONTH = rf"(?:(?:{alternation(_FULL)})\b|(?:{alternation(k for k in MONTHS if k not in _FULL)})\b\.?)"

MONTH_FULL = alternation(_FULL)
WEEKDAY = alternation(WEEKDAYS)
DAY_NUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
UNIT = r"(?:second|minute|hour|day|night|week(?:end)?|fortnight|month|quarter|year|decade|centur(?:y|ie)|season)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
NUMBER_WORD = (
    rf"(?:{_TENS}(?:[-\s]{_UNITS_WORD})?|{alternation(k for k in SMALL_NUMBERS if k not in ('a', 'an'))}|a|an)"
)
NUMBER = rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|{NUMBER_WORD}(?:\s+and\s+a\s+half)?)"
VAGUE = alternation(VAGUE_NUMBERS)
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"
SEASON = alternation(SEASONS)
_HOUR = r"(?:[01]?\d|2[0-3])"
_ZONE_NAMES = r"(?:[ECMP][SD]T|GMT|UTC|BST|CET|local\s+time)"
# A four-digit time of the 24-hour clock, told by "hours" or a zone after it ("1922 UTC", "1400 hours"): without
# that cue it is a year.
_HHMM = rf"(?:[01]\d|2[0-3])[0-5]\d(?:\s+(?:hours|hrs)\b|(?=\s+{_ZONE_NAMES}))"
CLOCK = rf"(?:{_HOUR}(?::[0-5]\d)?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?)|{_HOUR}:[0-5]\d|{_HHMM}|noon|midnight|midday)"
ZONE = rf"(?:\s+{_ZONE_NAMES})?"
