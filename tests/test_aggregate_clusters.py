"""Event clusters: keys, date windows by precision, places, duplicates as mentions, counts and incremental updates."""

from __future__ import annotations

from pathlib import Path

from dateline.aggregate import clusters as cl
from dateline.aggregate import dates
from dateline.aggregate.update import update
from dateline.model import Outcome, Place
from tests.test_aggregate_helpers import OTHER, article, event, meeting, store_of, story

TEXT = "Freedonia and Sylvania met in Port Velo. The talks went well."


def test_date_intervals_follow_precision() -> None:
    day, month, year = dates.parse("2024-05-16"), dates.parse("2024-05"), dates.parse("2024")
    week = dates.parse("2024-W20")
    assert day and month and year and week
    assert (month.hi - month.lo, year.hi - year.lo, week.hi - week.lo) == (30, 365, 6)
    assert dates.overlaps(day, month) and not dates.overlaps(day, dates.parse("2024-06"))  # type: ignore[arg-type]
    assert dates.overlaps(day, dates.parse("2024-05-17")) and not dates.overlaps(day, dates.parse("2024-05-19"))  # type: ignore[arg-type]
    assert dates.parse("PRESENT_REF") is None and dates.parse("2024-02-30") is None
    undated = dates.event_date(None, "2024-05-16")
    assert undated and undated.precision == "anchor" and undated.hi - undated.lo == dates.UNDATED_LOOKBACK


def test_periods_respect_precision() -> None:
    assert dates.period("2024-05-16", None, "day") == "2024-05-16"
    assert dates.period("2024-05", None, "day") is None
    assert dates.period("2024-05", None, "month") == "2024-05"
    assert dates.period("2024", None, "month") is None
    assert dates.period("2024-W20", None, "week") == "2024-W20" and dates.period("2024-W20", None, "month") is None
    assert dates.period("2021-01-02", None, "week") == "2020-W53"
    assert dates.period(None, "2024-05-16T10:00", "day") == "2024-05-16"


def test_coordinated_codes_are_a_sorted_set_at_country_sector_level() -> None:
    assert cl.actor_codes("RUSGOVX/CHNGOV") == "CHNGOV/RUSGOV"
    assert cl.cluster_key("RUSGOV", None, "0431", "asserted") == "RUSGOV||04|asserted"
    assert cl.cluster_key(None, None, "043", "asserted") is None
    assert cl.outlet("https://www.news.example/a", None) == "news.example"
    assert cl.outlet(None, "feed.jsonl#line 3") == "feed.jsonl"


def _meeting(article_id: str, date: str | None, **kwargs: object) -> object:
    e = event(article_id, 0, TEXT, "met", "FREGOV", "SYLGOV", "043", date=date, place=kwargs.pop("place", None))  # type: ignore[arg-type]
    filler = " ".join(f"{article_id}word{i}" for i in range(40))  # its own text: not a duplicate of the others
    return article(article_id, f"{TEXT} {filler}", events=[e], **kwargs)  # type: ignore[arg-type]


def _clusters(tmp_path: Path, *items: object) -> list[dict]:
    s = store_of(tmp_path / "t.db", list(items))  # type: ignore[arg-type]
    update(s)
    return s.query("SELECT * FROM clusters ORDER BY id")


def test_same_dyad_root_and_day_from_two_outlets_is_one_canonical_event(tmp_path: Path) -> None:
    rows = _clusters(
        tmp_path,
        _meeting("a", "2024-05-14", url="https://one.example/a", published="2024-05-14"),
        _meeting("b", "2024-05-15", url="https://two.example/b", published="2024-05-15"),
    )
    assert len(rows) == 1
    assert (rows[0]["num_mentions"], rows[0]["num_articles"], rows[0]["num_sources"]) == (2, 2, 2)
    assert rows[0]["date"] == "2024-05-14" and rows[0]["avg_tone"] == -1.0


def test_dates_too_far_apart_or_other_root_stay_apart(tmp_path: Path) -> None:
    other_root = _meeting("c", "2024-05-14")
    other_root.events[0].cameo = "190"  # type: ignore[attr-defined]
    rows = _clusters(tmp_path, _meeting("a", "2024-05-14"), _meeting("b", "2024-05-20"), other_root)
    assert len(rows) == 3


def test_month_precision_joins_a_day_in_it_and_the_cluster_keeps_the_day(tmp_path: Path) -> None:
    rows = _clusters(tmp_path, _meeting("a", "2024-05"), _meeting("b", "2024-05-20"), _meeting("c", "2024-06-02"))
    assert [(r["date"], r["num_mentions"]) for r in rows] == [("2024-05-20", 2), ("2024-06-02", 1)]


def test_places_in_different_cities_are_not_the_same_happening(tmp_path: Path) -> None:
    velo = Place(0, 4, "Velo", "Port Velo", "FRA", 1.0, 2.0, 11, "city")
    mora = Place(0, 4, "Mora", "Mora", "FRA", 3.0, 4.0, 12, "city")
    country = Place(0, 4, "Free", "France", "FRA", 5.0, 6.0, 13, "country")
    rows = _clusters(
        tmp_path,
        _meeting("a", "2024-05-14", place="Port Velo", places=[velo]),
        _meeting("b", "2024-05-14", place="Mora", places=[mora]),
        _meeting("c", "2024-05-14", place="France", places=[country]),
    )
    assert len(rows) == 2 and sorted(r["num_mentions"] for r in rows) == [1, 2]


def test_uncoded_events_stand_alone(tmp_path: Path) -> None:
    uncoded = [_meeting(x, "2024-05-14") for x in "ab"]
    for item in uncoded:
        item.events[0].source = item.events[0].target = None  # type: ignore[attr-defined]
    assert len(_clusters(tmp_path, *uncoded)) == 2


def test_duplicate_articles_add_mentions_not_events(tmp_path: Path) -> None:
    original = meeting("orig", story(), url="https://one.example/x")
    copy = meeting("copy", "PORT VELO (Wire) - " + story(3), url="https://two.example/y", published="2024-05-16")
    copy.events[0].date = None  # the copy's event restates the original's though its own date is lost
    s = store_of(tmp_path / "t.db", [original, copy, article("other", OTHER)])
    summary = update(s)
    assert summary.totals == {"articles": 3, "duplicates": 1, "events": 2, "mentions": 2, "clusters": 1}
    mention = s.query("SELECT * FROM mentions WHERE article_id = 'copy'")[0]
    assert mention["duplicate_of"] == "orig" and mention["outlet"] == "two.example"


def test_update_is_incremental_and_idempotent(tmp_path: Path) -> None:
    s = store_of(tmp_path / "t.db", [_meeting("a", "2024-05-14")])
    first = update(s)
    assert (first.articles, first.created) == (1, 1)
    again = update(s)
    assert (again.articles, again.events, again.created) == (0, 0, 0)
    s.write([Outcome("x", "processed", "", _meeting("b", "2024-05-14"))])  # type: ignore[arg-type]
    third = update(s)
    assert (third.articles, third.created, third.totals["clusters"]) == (1, 0, 1)
    assert s.query("SELECT num_mentions FROM clusters")[0]["num_mentions"] == 2


def test_rewritten_article_is_placed_again(tmp_path: Path) -> None:
    s = store_of(tmp_path / "t.db", [_meeting("a", "2024-05-14"), _meeting("b", "2024-05-14")])
    update(s)
    s.write([Outcome("x", "processed", "", _meeting("b", "2024-05-30"))])  # type: ignore[arg-type]
    summary = update(s)
    assert summary.articles == 1
    assert sorted(r["num_mentions"] for r in s.query("SELECT num_mentions FROM clusters")) == [1, 1]


def test_backfilled_original_takes_over_the_copy_and_its_cluster(tmp_path: Path) -> None:
    copy = meeting("copy", story(3), published="2024-05-16")
    s = store_of(tmp_path / "t.db", [copy])
    update(s)
    s.write([Outcome("x", "processed", "", meeting("orig", story(), published="2024-05-14"))])
    summary = update(s)
    assert summary.relinked == 1
    rows = s.query("SELECT article_id, duplicate_of, cluster_id FROM mentions ORDER BY article_id")
    assert [(r["article_id"], r["duplicate_of"]) for r in rows] == [("copy", "orig"), ("orig", None)]
    assert rows[0]["cluster_id"] == rows[1]["cluster_id"]
    assert s.query("SELECT count(*) AS n FROM clusters")[0]["n"] == 1
