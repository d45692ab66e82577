"""The time-expression rules: one pattern and one normaliser each, in the order the cascade tries them.

Each rule finds candidate spans with a compiled regular expression over the article text and turns a match into
a TIMEX3 ``(type, value)`` with a :class:`Context` (the anchor date, the tense at the span, the date last
mentioned). Patterns are written by hand because the span conventions are TimeML's, not a parser's: "the
third quarter" keeps its article, "a two-day visit" yields only "two-day".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.stages.times import lexicon as lx
from dateline.stages.times.calendar import (
    Point,
    day_near,
    finer,
    month_near,
    movable_holiday,
    quarter_near,
    safe_date,
    weekday_near,
)

Result = tuple[str, str] | None  # (TIMEX3 type, value); None rejects the match


@dataclass(slots=True)
class Context:
    """What a normaliser may look at besides its match."""

    text: str
    anchor: date | None
    tense: Callable[[int, int], str | None]
    day_first: bool = False
    reference: Point | None = None  # the last date mentioned, for "the previous day", "a year earlier"
    start: int = 0
    end: int = 0

    def direction(self) -> str | None:
        """The tense of the verb governing the current span."""
        return self.tense(self.start, self.end)

    def base(self, grain: str = "century") -> Point | None:
        """The point chained expressions count from: the date last mentioned if it is at least as fine as
        ``grain`` ("the previous day" needs a day), else the anchor."""
        ref = self.reference
        if ref is not None and finer(ref.grain, grain) == ref.grain:
            return ref
        return Point(self.anchor) if self.anchor else None

    def before(self, chars: int = 30) -> str:
        """The text just before the current span, lower-cased."""
        return self.text[max(0, self.start - chars) : self.start].lower()


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern and the function that normalises its matches."""

    name: str
    pattern: re.Pattern[str]
    normalise: Callable[[re.Match[str], Context], Result]


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE | re.VERBOSE)


def _word(m: re.Match[str], group: str) -> str:
    return re.sub(r"\s+", " ", (m.groupdict().get(group) or "").lower()).strip(" .")


def number_value(words: str) -> float | None:
    """The number in "two", "twenty four", "5 1/2", "1,000", "a" or "two and a half"; None when vague."""
    words = words.lower().replace("-", " ").replace(",", "").strip()
    half = 0.5 if words.endswith(("and a half", "1/2")) else 0.0
    words = re.sub(r"\s*(?:and a half|1/2)$", "", words)
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words) + half
    if words in lx.SMALL_NUMBERS:
        return lx.SMALL_NUMBERS[words] + half
    parts = words.split()
    if parts and all(p in lx.SMALL_NUMBERS for p in parts):
        return sum(lx.SMALL_NUMBERS[p] for p in parts) + half
    return None


def duration_value(amount: float | None, unit: str) -> str:
    """``P2D``, ``PT5H``, ``PXY``: the TIMEX3 duration of ``amount`` ``unit`` (None: unspecified amount).

    As TimeBank writes them, a counted decade is ten years ("two decades" -> ``P20Y``) and a fraction goes into
    the next smaller unit ("5 1/2 hours" -> ``PT5H30M``).
    """
    unit = unit.lower().rstrip("s")
    if unit == "decade" and amount is not None:
        amount, unit = amount * 10, "year"
    code = lx.UNIT_CODES.get(unit, "X")
    prefix = "PT" if unit in lx.TIME_UNITS else "P"
    if amount is None:
        return f"{prefix}X{code}"
    whole, part = int(amount), amount % 1
    if not part:
        return f"{prefix}{whole}{code}"
    smaller = lx.SMALLER_UNIT.get(unit)
    if smaller is None or (part * smaller[1]) % 1:
        return f"{prefix}{amount:g}{code}"
    rest = f"{int(part * smaller[1])}{smaller[0]}"
    if unit == "day":  # hours are a time unit: P1DT12H
        return f"P{whole}DT{rest}" if whole else f"PT{rest}"
    return f"{prefix}{whole}{code}{rest}" if whole else f"{prefix}{rest}"


def _grain(unit: str) -> str:
    unit = unit.lower().rstrip("s")
    return {"centurie": "century", "weekend": "week", "fortnight": "week", "night": "day"}.get(unit, unit)


def _underspecified(_: str, grain: str) -> str:
    shapes = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX"}
    return shapes.get(grain, "XXXX")


# --- absolute dates --------------------------------------------------------------------------------------


def _iso(m: re.Match[str], ctx: Context) -> Result:
    day = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None:
        return None
    return ("TIME", f"{day.isoformat()}T{m['hh']}:{m['mm']}") if m["hh"] else ("DATE", day.isoformat())


def _numeric(m: re.Match[str], ctx: Context) -> Result:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    day_first = a > 12 or (ctx.day_first and b <= 12)
    day, month = (a, b) if day_first else (b, a)
    found = safe_date(year, month, day)
    return ("DATE", found.isoformat()) if found else None


def _month_day(m: re.Match[str], ctx: Context) -> Result:
    month = lx.MONTHS[_word(m, "m")]
    day = int(re.sub(r"\D", "", m["d"]))
    if m["y"]:
        found = safe_date(int(m["y"]), month, day)
        return ("DATE", found.isoformat()) if found else None
    if ctx.anchor is None:
        return ("DATE", f"XXXX-{month:02d}-{day:02d}") if 1 <= day <= 31 else None
    found = day_near(ctx.anchor, month, day, ctx.direction())
    return ("DATE", found.isoformat()) if found else None


def _month_year(m: re.Match[str], ctx: Context) -> Result:
    month = lx.MONTHS[_word(m, "m")]
    if year_text := _year_text(m):
        return "DATE", f"{year_text}-{month:02d}"
    rel = _word(m, "rel")
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    return "DATE", f"{year}-{month:02d}"


def _month_rel(m: re.Match[str], ctx: Context) -> Result:
    month = lx.MONTHS[_word(m, "m")]
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    rel = _word(m, "rel")
    if rel in {"last", "past"}:
        year = ctx.anchor.year - (month >= ctx.anchor.month)
    elif rel in {"next", "coming"}:
        year = ctx.anchor.year + (month <= ctx.anchor.month)
    elif rel == "this":  # "this September" in February is the coming one, in the anchor's year
        year = ctx.anchor.year
    else:
        year = month_near(ctx.anchor, month, ctx.direction())
    return "DATE", f"{year}-{month:02d}"


def _year(m: re.Match[str], ctx: Context) -> Result:
    return "DATE", m["y"]


def spoken_year(words: str) -> int | None:
    """1994 for "nineteen ninety-four" or "nineteen hundred and ninety-four" (broadcast transcripts)."""
    tail = re.sub(r"^nineteen\s+(?:hundred\s+(?:and\s+)?)?", "", words.lower().strip())
    found = number_value(tail)
    return 1900 + int(found) if found is not None and 10 <= found < 100 else None


def _year_text(m: re.Match[str]) -> str | None:
    """The year of a match, written in digits ("May 1994") or in words ("May nineteen ninety-four")."""
    if m["y"]:
        return str(m["y"])
    year = spoken_year(m["sy"]) if m["sy"] else None
    return str(year) if year else None


def _spoken_year(m: re.Match[str], ctx: Context) -> Result:
    if m["millennium"]:
        rest = number_value(m["rest"]) if m["rest"] else 0
        return ("DATE", str(2000 + int(rest))) if rest is not None else None
    tail = number_value(m["tail"])
    return ("DATE", str(1900 + int(tail))) if tail is not None else None


def _decade(m: re.Match[str], ctx: Context) -> Result:
    if m["y"]:
        return "DATE", f"{m['y'][:3]}X"
    if m["yy"]:
        return "DATE", f"19{m['yy']}X"
    tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7}
    tens |= {"eighties": 8, "nineties": 9}
    return "DATE", f"19{tens[_word(m, 'words')]}X"


def _century(m: re.Match[str], ctx: Context) -> Result:
    n = lx.ORDINALS.get(_word(m, "n")) or int(re.sub(r"\D", "", m["n"]) or 0)
    return ("DATE", f"{n - 1:02d}") if 0 < n <= 21 else None


def _quarter(m: re.Match[str], ctx: Context) -> Result:
    q = lx.ORDINALS.get(_word(m, "q")) or int(m["q2"] or 0)
    half = _word(m, "unit") == "half"
    year_text = m["y"] or m["y2"] or m["y0"]
    if m["rel"] and ctx.anchor:
        year_text = str(ctx.anchor.year + {"last": -1, "next": 1}.get(_word(m, "rel"), 0))
    if m["ago"] and not half:  # "the year-ago third quarter": that quarter, one year back
        year = int(year_text) if year_text else (quarter_near(ctx.anchor, q, None) if ctx.anchor else None)
        return "DATE", f"{year - 1 if year else 'XXXX'}-Q{q}"
    if half:
        year = int(year_text) if year_text else (ctx.anchor.year if ctx.anchor else None)
        return "DATE", f"{year if year else 'XXXX'}-H{min(q, 2)}"
    if year_text:
        return "DATE", f"{year_text}-Q{q}"
    if ctx.anchor is None:
        return "DATE", f"XXXX-Q{q}"
    return "DATE", f"{quarter_near(ctx.anchor, q, None)}-Q{q}"


def _season(m: re.Match[str], ctx: Context) -> Result:
    return "DATE", season_value(ctx.anchor, _word(m, "s"), _word(m, "rel"), _year_text(m))


def season_value(anchor: date | None, season: str, rel: str, year_text: str | None) -> str:
    """``2024-SU`` for "summer 2024"; "last summer" is the latest summer over by the anchor."""
    code = lx.SEASONS[season]
    if year_text:
        return f"{year_text}-{code}"
    if anchor is None:
        return f"XXXX-{code}"
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year = anchor.year
    if rel in {"last", "past"} and start_month + 3 > anchor.month:
        year -= 1
    elif rel in {"next", "coming"} and start_month <= anchor.month:
        year += 1
    return f"{year}-{code}"


def _holiday(m: re.Match[str], ctx: Context) -> Result:
    name = _word(m, "h").replace("’", "'")
    rel = _word(m, "rel")
    if ctx.anchor is None:
        fixed = lx.FIXED_HOLIDAYS.get(name)
        return "DATE", f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}" if fixed else "XXXX-XX-XX"
    year = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    found = _holiday_date(name, year)
    direction = None if rel else ctx.direction()
    if found and direction == "past" and found > ctx.anchor:
        found = _holiday_date(name, year - 1)
    elif found and direction == "future" and found < ctx.anchor:
        found = _holiday_date(name, year + 1)
    return ("DATE", found.isoformat()) if found else None


def _holiday_date(name: str, year: int) -> date | None:
    if name in lx.FIXED_HOLIDAYS:
        month, day = lx.FIXED_HOLIDAYS[name]
        return date(year, month, day)
    return movable_holiday(name, year)


# --- days, weekdays, times of day ------------------------------------------------------------------------


def _weekday(m: re.Match[str], ctx: Context) -> Result:
    weekday = lx.WEEKDAYS[_word(m, "wd")]
    pod = lx.PARTS_OF_DAY.get(_word(m, "pod"), "")
    suffix = f"T{pod}" if pod else ""
    # TimeBank types "Thursday morning" as a DATE (a day, narrowed), keeping the part of day in the value.
    day = resolve_weekday(ctx, weekday, _word(m, "rel"))
    if day is None:
        return "DATE", f"XXXX-WXX-{weekday}{suffix}"
    return "DATE", f"{day.isoformat()}{suffix}"


def resolve_weekday(ctx: Context, weekday: int, rel: str = "") -> date | None:
    """The date a weekday name refers to, from its modifier ("last", "next") or the governing tense."""
    if ctx.anchor is None:
        return None
    anchor = ctx.anchor
    if rel in {"last", "past"}:
        return weekday_near(anchor - timedelta(days=1), weekday, "past")
    if rel in {"next", "coming"}:
        return weekday_near(anchor + timedelta(days=1), weekday, "future")
    if rel == "this":
        return weekday_near(anchor, weekday, None)
    if rel in {"the previous", "the preceding", "the following"}:  # counted from the day last mentioned
        base = ctx.base("day")
        day = base.day if base else anchor
        if rel == "the following":
            return weekday_near(day + timedelta(days=1), weekday, "future")
        return weekday_near(day - timedelta(days=1), weekday, "past")
    if rel in {"earlier"}:
        return weekday_near(anchor, weekday, "past")
    return weekday_near(anchor, weekday, ctx.direction())


_DEICTIC_DAYS = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
_DEICTIC_DAYS["the day after tomorrow"] = 2


def _deictic_day(m: re.Match[str], ctx: Context) -> Result:
    word = _word(m, "word")
    pod = lx.PARTS_OF_DAY.get(_word(m, "pod")) or ("NI" if word == "tonight" else "")
    kind = "TIME" if pod else "DATE"
    suffix = f"T{pod}" if pod else ""
    if ctx.anchor is None:
        return kind, "PRESENT_REF" if word == "today" and not pod else f"XXXX-XX-XX{suffix}"
    day = ctx.anchor + timedelta(days=_DEICTIC_DAYS[word])
    return kind, f"{day.isoformat()}{suffix}"


def _part_of_day(m: re.Match[str], ctx: Context) -> Result:
    pod = lx.PARTS_OF_DAY[_word(m, "pod")]
    rel = _word(m, "rel")
    if rel in {"that", "the same", "the next", "the following", "the previous", "the"}:  # "the": "in the morning"
        base = ctx.base()
        day = base.day if base else None
        day = day + timedelta(days={"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)) if day else None
    else:
        day = ctx.anchor - timedelta(days=1) if ctx.anchor and rel == "last" else ctx.anchor
    return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{pod}"


def _clock(m: re.Match[str], ctx: Context) -> Result:
    hhmm = clock_value(m["clock"] or "", _word(m, "pod2") or _word(m, "pod"), m["hour"])
    if hhmm is None:
        return None
    base = ctx.base("day")
    # A bare clock time falls on the day last mentioned ("On Friday ... at 10:35 a.m."), else on the anchor.
    day: date | None = base.day if base and base.grain == "day" else ctx.anchor
    dayword = _word(m, "day")
    if dayword in lx.WEEKDAYS:
        day = resolve_weekday(ctx, lx.WEEKDAYS[dayword])
    elif dayword in _DEICTIC_DAYS and ctx.anchor:
        day = ctx.anchor + timedelta(days=_DEICTIC_DAYS[dayword])
    elif m["mon"] and ctx.anchor:  # "9 a.m. GMT, Mar. 14"
        day = day_near(ctx.anchor, lx.MONTHS[_word(m, "mon")], int(re.sub(r"\D", "", m["mday"])), ctx.direction())
    return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{hhmm}"


def clock_value(clock: str, part_of_day: str = "", hour_word: str | None = None) -> str | None:
    """``"04:00"`` for "4am", "4 a.m.", "04:00", "4 in the morning", "0400 hours"; ``"12:00"`` for noon."""
    clock = clock.lower().replace(" ", "")
    if clock in {"noon", "midday"}:
        return "12:00"
    if clock == "midnight":
        return "24:00"
    if hour_word:
        found = number_value(hour_word)
        clock = str(int(found)) if found is not None else ""
    match = re.match(r"(\d{1,2})(?::?(\d\d))?", clock)  # "1922" (UTC) is 19:22
    if match is None:
        return None
    hour, minute = int(match[1]), int(match[2] or 0)
    if ("p" in clock and hour < 12) or (part_of_day in {"afternoon", "evening", "night"} and hour < 12):
        hour += 12
    elif "a" in clock and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 else None


# --- expressions relative to the anchor or to the last date mentioned ------------------------------------


_STEPS = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "next": 1, "coming": 1}
_STEPS["following"] = 1
_CHAINED = frozenset({"that", "same", "previous", "following", "prior", "preceding"})


def _unit_rel(m: re.Match[str], ctx: Context) -> Result:
    """ "last week", "this year", "the previous day", "the following month", "the latest quarter"."""
    unit, rel = _word(m, "unit"), _word(m, "rel")
    unit = {"period": "quarter", "fiscal year": "year"}.get(unit, unit)
    if unit in lx.SEASONS:
        return "DATE", season_value(ctx.anchor, unit, rel, None)
    grain = _grain(unit)
    chained = rel in _CHAINED or (rel == "next" and bool(m["det"]))
    base = ctx.base(grain) if chained else (Point(ctx.anchor) if ctx.anchor else None)
    if base is None:
        return "DATE", _underspecified("", grain) + ("-WE" if unit == "weekend" else "")
    if unit == "weekend":
        return "DATE", _weekend(ctx, base, rel)
    if rel in {"latest", "recent"} and grain == "quarter":
        return "DATE", (ctx.reference if _is_quarter(ctx.reference) else _last_quarter(base.day)).value  # type: ignore[union-attr]
    return "DATE", base.at(grain).shift(_STEPS.get(rel, 0), grain).value


def _weekend(ctx: Context, base: Point, rel: str) -> str:
    saturday = weekday_near(base.day, 6, None)
    if rel in {"last", "past", "previous"} or ((not rel or rel == "this") and ctx.direction() == "past"):
        saturday = weekday_near(base.day - timedelta(days=1), 6, "past")
    elif rel in {"next", "coming", "following"}:
        saturday = weekday_near(base.day + timedelta(days=1), 6, "future")
    return Point(saturday, "week", "-WE").value


def _is_quarter(point: Point | None) -> bool:
    return point is not None and point.grain == "quarter"


def _last_quarter(day: date) -> Point:
    """The last quarter that has ended by ``day``: the one news most often means by "the quarter"."""
    return Point(day, "quarter").shift(-1)


_PERIOD_ENDED = re.compile(r"\s+(?:ended|ending)\b", re.IGNORECASE)


def _the_unit(m: re.Match[str], ctx: Context) -> Result:
    unit = _word(m, "unit")
    grain = _grain(unit)
    if grain == "year" and _PERIOD_ENDED.match(ctx.text, ctx.end):
        return "DURATION", "P1Y"  # "the year ended March 31": TimeBank's reading is a year's length
    if grain == "quarter" and _is_quarter(ctx.reference):
        return "DATE", ctx.reference.value  # type: ignore[union-attr]
    if ctx.anchor is None:
        return "DATE", _underspecified("", grain)
    if grain == "quarter":
        return "DATE", _last_quarter(ctx.anchor).value
    if unit == "weekend":
        return "DATE", _weekend(ctx, Point(ctx.anchor), "")
    return "DATE", Point(ctx.anchor, grain).value


def _year_ago_adj(m: re.Match[str], ctx: Context, unit: str = "") -> Result:
    """ "year-ago results", "the year-ago quarter", "the period a year earlier": the period under discussion (the
    quarter last mentioned, else the last one ended), one year back."""
    base = ctx.reference if _is_quarter(ctx.reference) else (Point(ctx.anchor, "year") if ctx.anchor else None)
    if (unit or _word(m, "unit")) in {"quarter", "period"} and ctx.anchor and not _is_quarter(base):
        base = _last_quarter(ctx.anchor)
    return ("DATE", base.shift(-1, "year").value) if base else ("DATE", "XXXX")


def _year_end(ctx: Context) -> Result:
    """ "by year-end": the anchor's year (TimeML marks the end with a mod we do not keep)."""
    return "DATE", str(ctx.anchor.year) if ctx.anchor else "XXXX"


def _year_period(m: re.Match[str], ctx: Context) -> Result:
    """ "the 1988 quarter": the quarter under discussion, in 1988."""
    quarter = ctx.reference if _is_quarter(ctx.reference) else (_last_quarter(ctx.anchor) if ctx.anchor else None)
    return "DATE", f"{m['y']}-Q{(quarter.day.month - 1) // 3 + 1}" if quarter else m["y"]


_MAX_AGO = 1000  # more days, weeks or months than any "N units ago" in news ("3,000 years ago" is fine)


def _ago(m: re.Match[str], ctx: Context) -> Result:
    """ "two weeks ago" counts from the anchor; "a year earlier" from the date last mentioned, at its precision."""
    unit, direction = _word(m, "unit"), _word(m, "dir")
    grain = _grain(unit)
    amount = number_value(m["n"]) if m["n"] else None
    sign = 1 if direction in {"later", "from now", "hence"} else -1
    if unit.rstrip("s") in lx.TIME_UNITS and direction in {"later", "earlier"}:
        return "DURATION", duration_value(amount, unit)  # "an hour later": TimeBank tags the stretch of time
    if amount is not None and amount > _MAX_AGO and grain in {"day", "week", "month"}:
        return None  # a quantity before the unit ("47,250 week ago" in telegraphic market reports)
    if amount is None or amount % 1:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    coarse = grain if grain in {"day", "week", "month", "quarter"} else "year"
    # Financial news: "profit rose from $5 million a year ago" means the same quarter a year back.
    chained = direction in {"earlier", "later"} or (coarse == "year" and _is_quarter(ctx.reference))
    base = ctx.reference if chained else None
    if base is not None:
        base = base.at(finer(base.grain, coarse), base.suffix if base.grain == "season" else "")
    elif ctx.anchor is not None:
        base = Point(ctx.anchor, coarse)
    else:
        return "DATE", _underspecified("", coarse)
    return "DATE", base.shift(sign * int(amount), grain).value


# --- durations, sets, deictic references -----------------------------------------------------------------


def _duration(m: re.Match[str], ctx: Context) -> Result:
    unit = _word(m, "unit")
    if re.fullmatch(lx.YEAR, m["n"] or ""):
        return None  # "the 1988 quarter" is a date, not 1,988 quarters
    amount = number_value(m["n"]) if m["n"] else None
    if amount is None and _word(m, "det").startswith("an ") and not m["plural"]:
        amount = 1  # "an additional year"
    if amount is not None and m["half"]:  # "a minute and a half"
        amount += 0.5
    if (
        m["n"]
        and _word(m, "n") in {"a", "an"}
        and re.search(r"(?:\d|\btimes|\bonce|\btwice)\s*\S*\s*$", ctx.before(25))
    ):
        return "SET", duration_value(1, unit)  # "$5 a year", "twice a week", "300 barrels a day"
    return "DURATION", duration_value(amount, unit)


def _set(m: re.Match[str], ctx: Context) -> Result:
    what = _word(m, "what").removesuffix("s")
    every = number_value(m["n"]) if m["n"] else (2 if m["other"] else 1)
    if what in lx.WEEKDAYS:
        pod = lx.PARTS_OF_DAY.get(_word(m, "pod").removesuffix("s"))
        return "SET", f"XXXX-WXX-{lx.WEEKDAYS[what]}" + (f"T{pod}" if pod else "")
    if what in lx.MONTHS:
        return "SET", f"XXXX-{lx.MONTHS[what]:02d}"
    if what in lx.PARTS_OF_DAY:
        return "SET", f"XXXX-XX-XXT{lx.PARTS_OF_DAY[what]}"
    if what in lx.SEASONS:
        return "SET", f"XXXX-{lx.SEASONS[what]}"
    return "SET", duration_value(every, what)


def _set_adverb(m: re.Match[str], ctx: Context) -> Result:
    return "SET", lx.SET_ADVERBS[_word(m, "adv")]


def _deictic(m: re.Match[str], ctx: Context) -> Result:
    word = _word(m, "ref")
    if word in lx.DEICTIC:
        return "DATE", lx.DEICTIC[word]
    if word.startswith("recent"):  # "in recent years": an unspecified stretch up to now
        return "DURATION", duration_value(None, word.split()[-1])
    return "DATE", "FUTURE_REF"


# --- the patterns ----------------------------------------------------------------------------------------
_M, _WD, _D, _Y = lx.MONTH, lx.WEEKDAY, lx.DAY_NUM, lx.YEAR
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|{lx.NUMBER})"
_REL_UNIT = rf"(?:day|week(?:end)?|month|quarter|year|decade|century|period|fiscal\s+year|{lx.SEASON})"
_HOLIDAYS = lx.alternation(
    [*lx.FIXED_HOLIDAYS, "easter", "easter sunday", "good friday", "thanksgiving day", "thanksgiving",
     "labor day", "memorial day", "martin luther king day", "election day"]
).replace("'", "['’]")  # fmt: skip
_TENS_WORDS = r"twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
_TEENS = r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_DIGIT_WORD = r"one|two|three|four|five|six|seven|eight|nine"
_SPOKEN_YEAR = rf"""nineteen\s+(?:hundred\s+(?:and\s+)?)?(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)
    (?:[-\s](?:{_DIGIT_WORD}))?|{_TEENS})"""

RULES: tuple[Rule, ...] = (
    Rule("iso", _rx(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?\b"), _iso),
    Rule("numeric", _rx(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/])"),
         _numeric),
    Rule("day_month", _rx(rf"(?:\b(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?<![\d,.$])\b(?P<d>{_D})(?:\s+of)?\s+(?P<m>{_M})"
                          rf"(?:,?\s+(?P<y>{_Y})\b)?"), _month_day),
    Rule("month_day", _rx(rf"(?:\b(?P<wd>{_WD}),?\s+)?\b(?P<m>{_M})\s*(?P<d>{_D})\b(?![,.]?\d|:\d|\s*%)"
                          rf"(?:,?\s+(?P<y>{_Y})\b)?"), _month_day),
    Rule("month_year", _rx(rf"""\b(?P<m>{_M}),?\s+(?:of\s+)?(?:(?P<y>{_Y})\b|(?P<rel>this|last|next)\s+year\b|
        (?P<sy>{_SPOKEN_YEAR})\b)"""), _month_year),
    Rule("month_rel", _rx(rf"\b(?P<rel>last|next|this|coming|past)\s+(?P<m>{lx.MONTH_FULL})\b"), _month_rel),
    Rule("month", _rx(rf"\b(?P<m>{lx.MONTH_FULL})\b"), _month_rel),
    Rule("clock", _rx(rf"""(?:\b(?P<approx>around|about|approximately|roughly|shortly\s+(?:before|after)|just\s+
        (?:before|after))\s+)?(?:\b(?P<clock>{lx.CLOCK})|\b(?P<hour>\d{{1,2}}|{lx.NUMBER_WORD})(?:\s+o'clock)?\s+in\s+the\s+
        (?P<pod2>morning|afternoon|evening))(?!\w){lx.ZONE}(?:,?\s+(?:on\s+)?(?:(?P<day>{_WD}|today|yesterday|tomorrow|
        tonight)\b|(?P<mon>{lx.MONTH})\s*(?P<mday>{_D})\b(?![,.]?\d)))?(?:\s+(?P<pod>{lx.PART_OF_DAY})\b)?"""), _clock),
    Rule("deictic_day", _rx(rf"""\b(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|
        today|tomorrow|tonight)\b(?:\s+(?P<pod>{lx.PART_OF_DAY})\b)?"""), _deictic_day),
    Rule("weekday", _rx(rf"""(?:\b(?P<rel>last|next|this|coming|past|earlier|later|the\s+(?:previous|preceding|
        following))\s+)?\b(?P<wd>{_WD})\b
        (?:\s+(?P<pod>{lx.PART_OF_DAY})\b)?"""), _weekday),
    Rule("part_of_day", _rx(rf"""\b(?P<rel>this|that|last|the\s+next|the\s+following|the\s+previous|the\s+same|
        (?<=\bin\s)the)\s+
        (?P<pod>{lx.PART_OF_DAY})\b"""), _part_of_day),
    Rule("unit_rel", _rx(rf"""(?:\b(?P<mod>earlier|later)\s+)?(?:\b(?P<det>the)\s+)?\b(?P<rel>last|next|this|coming|
        past|previous|following|current|same|that|prior|preceding|latest|recent)\s+(?P<unit>{_REL_UNIT})\b(?!-)"""),
         _unit_rel),
    Rule("the_unit", _rx(r"""\bthe\s+(?:(?:full|fiscal|calendar|whole|entire)\s+)?(?P<unit>year|week|month|quarter|
        weekend)\b(?![-’']|\s+(?:of|before|after|that|when|in\s+which)\b)"""), _the_unit),
    Rule("year_end", _rx(r"\byear(?:['’]s)?[-\s]end\b"), lambda m, ctx: _year_end(ctx)),
    Rule("year_period", _rx(rf"\bthe\s+(?P<y>{_Y})\s+(?:fiscal\s+)?(?P<unit>quarter|period)\b"), _year_period),
    Rule("year_ago_adj", _rx(r"""(?:\bthe\s+)?(?:\b(?:comparable|corresponding|same)\s+)?\byear-(?:ago|earlier)
        (?:\s+(?P<unit>quarter|period|level|figure)s?)?\b"""), _year_ago_adj),
    Rule("period_year_ago", _rx(r"""(?:\bthe\s+)?(?:\b(?:comparable|corresponding|same)\s+)?\b(?P<unit>quarter|
        period)\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year)\b|\blast\s+year['’]s\s+(?:quarter|period)\b"""),
         lambda m, ctx: _year_ago_adj(m, ctx, "quarter")),
    Rule("ago", _rx(rf"""\b(?P<n>{_NUM}|{lx.VAGUE})[-\s]+(?P<unit>{lx.UNIT})s?\s+(?P<dir>ago|earlier|later|
        from\s+now|hence|back)\b(?!\s+than)"""), _ago),
    Rule("duration", _rx(rf"""(?:\b(?P<det>the|another|an\s+additional|an\s+extra)\s+)?(?:\b(?P<rel>past|last|next|
        first|final|previous|coming|following|latest|remaining|initial|same|full)\s+)?(?:\b(?P<n>{_NUM}|{lx.VAGUE}|
        half\s+an?)[-\s]+(?:more\s+)?(?:(?:trading|business|working)\s+)?|\b)(?P<unit>{lx.UNIT})(?P<plural>s)?
        (?P<half>\s+and\s+a\s+half)?(?:-long)?\b(?!-old)"""), _duration),
    Rule("quarter", _rx(rf"""(?:\b(?P<y0>{_Y})(?:['’]s)?\s+|\b(?P<rel>this|last|next)\s+year['’]s\s+|\bthe\s+
        (?:(?:comparable|corresponding|same)\s+)?(?P<ago>year[-\s](?:ago|earlier))\s+|\bthe\s+)?
        (?:\b(?:fiscal|calendar)[-\s]+)?\b(?P<q>first|second|
        third|fourth|final|1st|2nd|3rd|4th)[-\s]+(?:fiscal[-\s]+)?(?P<unit>quarter|half)\b(?:\s+(?:of\s+)?(?:the\s+)?
        (?:(?:fiscal|calendar)\s+(?:year\s+)?)?(?P<y>{_Y})\b)?|\bQ(?P<q2>[1-4])(?:\s+(?P<y2>{_Y}))?\b"""), _quarter),
    Rule("year", _rx(rf"""(?:\b(?:fiscal|calendar|FY)[-\s]*|\b(?:mid|pre|post)-)?(?<![\d$£€,.\#/])(?<!\d-)
        \b(?P<y>{_Y})\b(?![,.]\d|%|-\d|/)"""), _year),
    Rule("spoken_year", _rx(rf"""\b(?:nineteen\s+(?:hundred\s+(?:and\s+)?)?(?P<tail>(?:twenty|thirty|forty|fifty|
        sixty|seventy|eighty|ninety)(?:[-\s](?:{_DIGIT_WORD}))?|{_TEENS})|(?:the\s+year\s+)(?P<millennium>two\s+
        thousand)(?:\s+(?:and\s+)?(?P<rest>{_DIGIT_WORD}|{_TEENS}))?)\b"""), _spoken_year),
    Rule("decade", _rx(rf"""(?:\bthe\s+)?(?:\b(?:early|late|mid)[-\s]+)?(?:\b(?P<y>1[6-9]\d0|20\d0)'?s\b|
        '(?P<yy>\d)0'?s\b|\b(?P<words>{_TENS_WORDS})\b)"""), _decade),
    Rule("century", _rx(r"(?:\bthe\s+)?\b(?P<n>\d{1,2}(?:st|nd|rd|th)|[a-z]+(?:-first)?)[-\s]+century\b"), _century),
    Rule("season", _rx(rf"""(?:\b(?P<rel>last|next|this|coming|past|the|early|late)\s+)?\b(?P<s>{lx.SEASON})\b
        (?:\s+(?:of\s+)?(?:(?P<y>{_Y})|(?P<sy>{_SPOKEN_YEAR}))\b)?"""), _season),
    Rule("holiday", _rx(rf"(?:\b(?P<rel>last|next|this)\s+)?\b(?P<h>{_HOLIDAYS})\b"), _holiday),
    Rule("set", _rx(rf"""\b(?:every|each|per)\s+(?:(?P<other>other)\s+|(?P<n>{_NUM})\s+)?(?P<what>{lx.UNIT}s?|{_WD}|
        {lx.MONTH_FULL}|{lx.PART_OF_DAY}|{lx.SEASON})\b|\b(?P<wdplural>{_WD})s\b(?:\s+(?P<pod>{lx.PART_OF_DAY})s?\b)?|
        \b(?P<wd2>{_WD})\s+(?P<pod3>{lx.PART_OF_DAY})s\b"""), lambda m, ctx: _set_any(m, ctx)),
    Rule("set_adverb", _rx(rf"\b(?P<adv>{lx.alternation(lx.SET_ADVERBS)})\b"), _set_adverb),
    Rule("deictic", _rx(rf"""\b(?P<ref>{lx.alternation(k for k in lx.DEICTIC if not k.startswith('in '))}|
        recent\s+(?:days|weeks|months|quarters|years|decades)|(?:the\s+)?coming\s+(?:few\s+)?(?:days|weeks|months|
        quarters|years|decades)|the\s+next\s+(?:few\s+)?(?:days|weeks|months|quarters|years|decades))\b(?!-)"""),
         _deictic),
)  # fmt: skip


def _set_any(m: re.Match[str], ctx: Context) -> Result:
    if m["wdplural"] or m["wd2"]:
        weekday = lx.WEEKDAYS[(m["wdplural"] or m["wd2"]).lower()]
        pod = lx.PARTS_OF_DAY.get(_word(m, "pod") or _word(m, "pod3"))
        return "SET", f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else "")
    return _set(m, ctx)
