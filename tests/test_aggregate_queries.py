"""Timelines, top lists, the actor network and quotations: the same answers from SQLite, DuckDB and Parquet."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.aggregate import actor_network, connect, quotations, run_sql, timeline, top_actors, top_event_types
from dateline.aggregate.cli import QUERY_NAMES, corpus_rows
from dateline.aggregate.update import update
from dateline.errors import ConfigError, StoreError
from dateline.export.parquet import export_parquet
from dateline.store import Store
from tests.test_aggregate_helpers import article, event, quote_article, store_of

TEXT = "Russia and China signed a pact. Russia attacked a convoy. China praised Russia."


def _article(article_id: str, published: str, **dates: str | None) -> object:
    filler = " ".join(f"{article_id}filler{i}" for i in range(30))
    text = f"{TEXT} {filler}"
    sign = event(article_id, 0, text, "signed", "RUSGOV/CHNGOV", "USAGOV", "057", date=dates.get("sign"))
    attack = event(
        article_id, 1, text, "attacked", "RUSMIL", "CHNGOV", "190", date=dates.get("attack"), goldstein=-10.0,
        quad_class=4,
    )  # fmt: skip
    praise = event(article_id, 2, text, "praised", "CHNGOV", "RUSGOV", "051", date=dates.get("praise"), goldstein=3.4)
    denied = event(article_id, 3, text, "attacked", "RUSMIL", "CHNGOV", "190", mode="negated", goldstein=-10.0)
    return article(article_id, text, published=published, events=[sign, attack, praise, denied])


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    items = [
        _article("a1", "2024-05-14", sign="2024-05-14", attack="2024-05", praise="2024"),
        _article("a2", "2024-06-03", attack="2024-06-02", praise="2024-06-03"),
        quote_article("q1"),
    ]
    s = store_of(tmp_path / "t.db", items)  # type: ignore[arg-type]
    update(s)
    return s


def test_dyad_timeline_counts_asserted_events_in_periods_their_dates_fix(store: Store) -> None:
    months = timeline(store, "RUS", "CHN", by="month")
    assert [(r["period"], r["events"], r["q4"]) for r in months] == [("2024-05", 1, 1), ("2024-06", 2, 1)]
    days = timeline(store, "RUS", "CHN", by="day")
    assert [r["period"] for r in days] == ["2024-06-02", "2024-06-03"]  # month and year precision have no day
    assert timeline(store, "RUS", "CHN", by="year")[0]["events"] == 4
    everything = timeline(store, "RUS", "CHN", by="year", modes=[])
    assert everything[0]["events"] == 6  # the negated attacks too
    directed = timeline(store, "CHN", "RUS", by="year", directed=True)
    assert directed[0]["events"] == 2 and directed[0]["goldstein_sum"] == 6.8  # the praise, in both articles


def test_coordinated_actors_expand_into_pairs(store: Store) -> None:
    edges = {(e["source"], e["target"]): e for e in actor_network(store)}
    assert edges[("RUSGOV", "USAGOV")]["events"] == 2 and edges[("CHNGOV", "USAGOV")]["events"] == 2
    countries = {(e["source"], e["target"]): e["events"] for e in actor_network(store, level="country")}
    assert countries[("RUS", "CHN")] == 2 and countries[("CHN", "USA")] == 2
    june = {(e["source"], e["target"]) for e in actor_network(store, period="2024-06", actor="RUS")}
    assert june == {("RUSGOV", "USAGOV"), ("RUSMIL", "CHNGOV"), ("CHNGOV", "RUSGOV")}


def test_top_lists_rank_per_period(store: Store) -> None:
    actors = top_actors(store, by="year", limit=2)
    assert [(r["rank"], r["actor"]) for r in actors] == [(1, "CHNGOV"), (2, "RUSGOV")]
    kinds = top_event_types(store, by="year", limit=1)
    assert len(kinds) == 1 and kinds[0]["rank"] == 1


def test_who_quoted_whom_about_what(store: Store) -> None:
    rows = quotations(store)
    assert rows == [
        {
            "speaker": "Anna Holt", "speaker_code": "FREGOV", "about": "Sylvania", "about_code": "SYLGOV",
            "quotes": 1, "event_codes": ["100"], "example": "Sylvania must return the boats.",
        }
    ]  # fmt: skip


def test_canonical_counts_need_clusters_and_count_happenings(store: Store) -> None:
    raw = timeline(store, "RUS", "CHN", by="year")[0]["events"]
    canonical = timeline(store, "RUS", "CHN", by="year", canonical=True)[0]["events"]
    assert canonical <= raw


@pytest.mark.parametrize(
    "query",
    [
        lambda s: timeline(s, "RUS", "CHN", by="month"),
        lambda s: timeline(s, "RUS", None, by="week", canonical=True),
        lambda s: actor_network(s, level="country"),
        lambda s: top_actors(s, by="month"),
        lambda s: top_event_types(s, by="year"),
        lambda s: quotations(s),
    ],
)
def test_duckdb_over_store_and_over_parquet_agree_with_sqlite(store: Store, tmp_path: Path, query: object) -> None:
    export_parquet(store, tmp_path / "pq")
    expected = query(store)  # type: ignore[operator]
    assert query(connect(store)) == expected  # type: ignore[operator]
    assert query(tmp_path / "pq") == expected  # type: ignore[operator]


def test_sql_runs_on_store_and_parquet(store: Store, tmp_path: Path) -> None:
    export_parquet(store, tmp_path / "pq")
    sql = "SELECT source_one, count(*) AS n FROM pairs WHERE mode = 'asserted' GROUP BY 1 ORDER BY 1"
    assert run_sql(store, sql) == run_sql(tmp_path / "pq", sql)
    with pytest.raises(StoreError, match="E213"):
        run_sql(store, "SELECT nope FROM events")


def test_bad_options_fail_with_codes(store: Store) -> None:
    with pytest.raises(ConfigError, match="E214"):
        timeline(store, "RUS'; --", None)
    with pytest.raises(ConfigError, match="E215"):
        timeline(store, by="decade")
    with pytest.raises(ConfigError, match="E217"):
        actor_network(store, period="May")
    with pytest.raises(ConfigError, match="E219"):
        corpus_rows("nothing", store)


def test_every_corpus_query_runs(store: Store) -> None:
    for name in QUERY_NAMES:
        assert isinstance(corpus_rows(name, store, a="RUS"), list)


def test_clusters_queries_on_a_store_without_aggregate_say_how_to_build(tmp_path: Path) -> None:
    bare = store_of(tmp_path / "bare.db", [_article("a1", "2024-05-14")])  # type: ignore[list-item]
    with pytest.raises(StoreError, match="dateline aggregate"):
        timeline(bare, canonical=True)
