"""The times stage's calendar arithmetic and value helpers, without spaCy."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.model import Article
from dateline.stages.times import day_first
from dateline.stages.times.calendar import (
    Point,
    day_near,
    month_near,
    movable_holiday,
    parse_anchor,
    point_from_value,
    quarter_near,
    weekday_near,
)
from dateline.stages.times.detect import find_times
from dateline.stages.times.rules import clock_value, duration_value, number_value, spoken_year

THU = date(2024, 5, 16)


@pytest.mark.parametrize(
    ("point", "value"),
    [
        (Point(THU), "2024-05-16"),
        (Point(THU, "week"), "2024-W20"),
        (Point(THU, "month"), "2024-05"),
        (Point(THU, "quarter"), "2024-Q2"),
        (Point(THU, "season", "SU"), "2024-SU"),
        (Point(THU, "year"), "2024"),
        (Point(THU, "decade"), "202X"),
        (Point(THU, "century"), "20"),
        (Point(THU, "day", "TMO"), "2024-05-16TMO"),
        (Point(date(2024, 12, 30), "week"), "2025-W01"),
    ],
)
def test_point_value(point: Point, value: str) -> None:
    assert point.value == value


@pytest.mark.parametrize(
    ("point", "amount", "value"),
    [
        (Point(THU, "month"), -1, "2024-04"),
        (Point(date(2024, 1, 31), "month"), -2, "2023-11"),
        (Point(THU, "quarter"), -1, "2024-Q1"),
        (Point(THU, "year"), 1, "2025"),
        (Point(THU, "week"), -2, "2024-W18"),
        (Point(date(2024, 2, 29)), 365, "2025-02-28"),
    ],
)
def test_shift(point: Point, amount: int, value: str) -> None:
    assert point.shift(amount).value == value


@pytest.mark.parametrize(
    ("weekday", "direction", "expected"),
    [
        (3, "past", date(2024, 5, 15)),
        (4, "past", THU),
        (5, "past", date(2024, 5, 10)),
        (5, "future", date(2024, 5, 17)),
        (3, "future", date(2024, 5, 22)),
        (1, None, date(2024, 5, 13)),
        (7, None, date(2024, 5, 19)),
    ],
)
def test_weekday_near(weekday: int, direction: str | None, expected: date) -> None:
    assert weekday_near(THU, weekday, direction) == expected


def test_month_and_day_near_prefer_the_nearest_unless_tense_disagrees() -> None:
    assert month_near(date(1998, 12, 5), 4, None) == 1999
    assert month_near(date(2024, 5, 16), 9, "past") == 2023
    assert month_near(date(2024, 1, 10), 12, None) == 2023
    assert day_near(date(2000, 1, 15), 11, 25, "past") == date(1999, 11, 25)
    assert day_near(THU, 9, 30, "past") == date(2023, 9, 30)
    assert day_near(THU, 6, 30, "present") == date(2024, 6, 30)
    assert day_near(THU, 2, 30, None) is None
    assert quarter_near(THU, 3, None) == 2023
    assert quarter_near(THU, 1, None) == 2024


@pytest.mark.parametrize(
    ("value", "grain", "day"),
    [
        ("2024-05-16", "day", date(2024, 5, 16)),
        ("2024-05-16T04:00", "day", date(2024, 5, 16)),
        ("2024-05", "month", date(2024, 5, 1)),
        ("2024-Q3", "quarter", date(2024, 7, 1)),
        ("2024-W20", "week", date(2024, 5, 13)),
        ("2024", "year", date(2024, 1, 1)),
    ],
)
def test_point_from_value(value: str, grain: str, day: date) -> None:
    assert point_from_value(value) == Point(day, grain)


@pytest.mark.parametrize("value", ["PRESENT_REF", "XXXX-05-16", "P2D", "", None, "2024-13"])
def test_point_from_value_rejects_non_points(value: str | None) -> None:
    assert point_from_value(value) is None


@pytest.mark.parametrize(
    ("words", "number"),
    [("two", 2), ("twenty four", 24), ("forty-two", 42), ("5 1/2", 5.5), ("1,000", 1000), ("a", 1),
     ("two and a half", 2.5), ("a couple of", 2), ("several", None)],
)  # fmt: skip
def test_number_value(words: str, number: float | None) -> None:
    assert number_value(words) == number


def test_duration_and_clock_values() -> None:
    assert duration_value(2, "days") == "P2D"
    assert duration_value(5, "hour") == "PT5H"
    assert duration_value(None, "years") == "PXY"
    assert duration_value(1.5, "year") == "P1Y6M"  # a fraction goes into the next smaller unit
    assert duration_value(5.5, "hours") == "PT5H30M"
    assert duration_value(1.5, "day") == "P1DT12H"
    assert duration_value(0.5, "hour") == "PT30M"
    assert duration_value(2.5, "weeks") == "P2.5W"  # half a week has no whole number of days
    assert duration_value(2, "decades") == "P20Y"
    assert duration_value(None, "decades") == "PXDE"
    assert clock_value("4am") == "04:00"
    assert clock_value("10:30 p.m.") == "22:30"
    assert clock_value("12 a.m.") == "00:00"
    assert clock_value("noon") == "12:00"
    assert clock_value("", "evening", "seven") == "19:00"


def test_holidays_and_anchor() -> None:
    assert movable_holiday("easter", 2024) == date(2024, 3, 31)
    assert movable_holiday("thanksgiving", 2024) == date(2024, 11, 28)
    assert movable_holiday("memorial day", 2024) == date(2024, 5, 27)
    assert movable_holiday("election day", 2024) == date(2024, 11, 5)
    assert parse_anchor("2024-05-16T10:00:00Z") == THU
    assert parse_anchor("yesterday") is None


def test_day_first_from_site_or_style() -> None:
    assert day_first(Article(id="a", text="x", url="https://www.bbc.co.uk/news/1"))
    assert day_first(Article(id="a", text="On 16 May the court sat."))
    assert not day_first(Article(id="a", text="On May 16 the court sat."))


def test_find_times_without_a_parse() -> None:
    # The cascade runs without spaCy (no vetoes, undirected tense): useful for cheap callers and for tests.
    found = find_times("Talks ended last month after 12 days.", THU, None, lambda s, e: None, False)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("last month", "DATE", "2024-04"),
        ("12 days", "DURATION", "P12D"),
    ]


@pytest.mark.parametrize(
    ("words", "year"),
    [("nineteen ninety-four", 1994), ("nineteen hundred and eighty", 1980), ("nineteen twelve", 1912),
     ("nineteen five", None)],
)  # fmt: skip
def test_spoken_year(words: str, year: int | None) -> None:
    assert spoken_year(words) == year
