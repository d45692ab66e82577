"""Parquet dataset and GDELT 2.0 tables: layout, column counts and types, and round trips."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pyarrow.dataset as ds
import pytest

from dateline.aggregate.update import update
from dateline.export import gdelt
from dateline.export.parquet import export_parquet
from dateline.model import Actor, Entity, Place, Span, TimeExpr
from dateline.store import Store
from tests.test_aggregate_helpers import article, event, meeting, quote_article, store_of, story

WHEN = datetime(2024, 6, 1, 12, 30, tzinfo=UTC)


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    text = story()
    velo = Place(
        text.index("Port Velo"),
        text.index("Port Velo") + 9,
        "Port Velo",
        "Port Velo",
        "RUS",
        55.7,
        37.6,
        524901,
        "city",
    )
    original = article(
        "orig", text, url="https://www.first.example/a", places=[velo],
        events=[event("orig", 0, text, "met", "RUSGOV/CHNGOV", "IGOWSTNAT", "046", date="2024-05", place="Port Velo")],
        actors=[Actor("a1", "Vera Lind", "person", "RUS", "RUSGOV", [], [Span(4, 11, "foreign")])],
        entities=[Entity(text.index("Freedonia"), text.index("Freedonia") + 9, "Freedonia", "GPE")],
        times=[TimeExpr(text.index("Tuesday"), text.index("Tuesday") + 7, "Tuesday", "DATE", "2024-05-14")],
    )  # fmt: skip
    copy = meeting("copy", "PORT VELO (Wire) - " + story(3), url="https://second.example/b", published="2024-05-15")
    s = store_of(
        tmp_path / "t.db",
        [original, copy, quote_article("q1"), article("undated", "No date here at all.", published=None)],
    )
    update(s)
    return s


def test_parquet_dataset_is_hive_partitioned_and_round_trips(store: Store, tmp_path: Path) -> None:
    written = export_parquet(store, tmp_path / "pq")
    assert written["articles"] == 4 and written["events"] == 3 and written["clusters"] >= 2
    assert (tmp_path / "pq" / "events" / "year=2024" / "month=5" / "part-0.parquet").exists()
    assert (tmp_path / "pq" / "articles" / "year=__HIVE_DEFAULT_PARTITION__").is_dir()
    table = ds.dataset(tmp_path / "pq" / "events", format="parquet", partitioning="hive").to_table()
    assert table.num_rows == 3 and {"source_code", "period_month", "year", "month"} <= set(table.column_names)
    again = export_parquet(store, tmp_path / "pq")  # a second export replaces, never appends
    assert again == written
    assert ds.dataset(tmp_path / "pq" / "articles", format="parquet", partitioning="hive").count_rows() == 4


def _read(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", header=None, names=list(columns), dtype=str, keep_default_na=False, quoting=3)


def test_gdelt_tables_have_gdelt_columns_and_read_into_pandas(store: Store, tmp_path: Path) -> None:
    paths = gdelt.export_gdelt(store, tmp_path / "g", when=WHEN)
    assert paths["events"].name == "20240601123000.export.CSV"
    assert (len(gdelt.EVENT_COLUMNS), len(gdelt.MENTION_COLUMNS), len(gdelt.GKG_COLUMNS)) == (61, 16, 27)
    for table, columns in (
        ("events", gdelt.EVENT_COLUMNS),
        ("mentions", gdelt.MENTION_COLUMNS),
        ("gkg", gdelt.GKG_COLUMNS),
    ):
        lines = paths[table].read_text(encoding="utf-8").splitlines()
        assert lines and all(line.count("\t") == len(columns) - 1 for line in lines)
    events = pd.read_csv(paths["events"], sep="\t", header=None, names=list(gdelt.EVENT_COLUMNS), quoting=3)
    assert events["SQLDATE"].dtype.kind == "i" and events["GoldsteinScale"].dtype.kind == "f"
    assert list(events.columns[:5]) == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert events.columns[-2:].tolist() == ["DATEADDED", "SOURCEURL"]


def test_gdelt_event_row_maps_codes_dates_counts_and_geo(store: Store, tmp_path: Path) -> None:
    paths = gdelt.export_gdelt(store, tmp_path / "g", when=WHEN)
    events = _read(paths["events"], gdelt.EVENT_COLUMNS)
    row = events[events["EventCode"] == "046"].iloc[0]
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20240501", "202405", "2024")  # month precision
    assert (row["Actor1Code"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (row["Actor2Code"], row["Actor2KnownGroupCode"], row["Actor2Type1Code"]) == ("IGOWSTNAT", "NAT", "IGO")
    assert (row["EventBaseCode"], row["EventRootCode"], row["IsRootEvent"]) == ("046", "04", "1")
    assert (row["Actor1Geo_Type"], row["Actor1Geo_CountryCode"]) == ("1", "RS")  # FIPS, not ISO
    assert (row["ActionGeo_Type"], row["ActionGeo_CountryCode"], row["ActionGeo_FeatureID"]) == ("4", "RS", "524901")
    assert row["SOURCEURL"] == "https://www.first.example/a" and len(row["DATEADDED"]) == 14


def test_gdelt_mentions_carry_offsets_into_the_article(store: Store, tmp_path: Path) -> None:
    paths = gdelt.export_gdelt(store, tmp_path / "g", when=WHEN)
    mentions = _read(paths["mentions"], gdelt.MENTION_COLUMNS)
    row = mentions[mentions["MentionIdentifier"] == "https://www.first.example/a"].iloc[0]
    text = store.article("orig").text  # type: ignore[union-attr]
    assert text[int(row["ActionCharOffset"]) :].startswith("met")
    assert (row["MentionSourceName"], row["Confidence"], row["MentionDocLen"]) == (
        "first.example",
        "80",
        str(len(text)),
    )
    assert row["MentionTimeDate"] == "20240514000000"


def test_gkg_lists_names_places_dates_quotes_and_themes(store: Store, tmp_path: Path) -> None:
    paths = gdelt.export_gdelt(store, tmp_path / "g", when=WHEN)
    gkg = _read(paths["gkg"], gdelt.GKG_COLUMNS).set_index("V2DOCUMENTIDENTIFIER")
    orig = gkg.loc["https://www.first.example/a"]
    assert orig["V1THEMES"] == "NEGOTIATIONS"
    assert orig["V1LOCATIONS"].startswith("4#Port Velo#RS#RS#55.7#37.6#524901")
    assert orig["V1PERSONS"] == "Vera Lind" and orig["V2.1ALLNAMES"].startswith("Freedonia,")
    assert orig["V2.1ENHANCEDDATES"].startswith("4#5#14#2024#")
    assert len(orig["V1.5TONE"].split(",")) == 7
    quoted = gkg.loc["dateline:q1"]
    assert quoted["V2.1QUOTATIONS"] == "25|31|said|Sylvania must return the boats."


def test_actor_code_split_and_fips_table() -> None:
    assert gdelt.split_actor("USAGOVLEG") == ("USAGOVLEG", "USA", "", ["GOV", "LEG"])
    assert gdelt.split_actor("IGOUNO") == ("IGOUNO", "", "UNO", ["IGO"])
    # no country: a transnational group
    assert gdelt.split_actor("IMGREBALQ") == ("IMGREBALQ", "", "ALQ", ["IMG", "REB"])
    assert gdelt.split_actor("PSEHMS") == ("PSEHMS", "PSE", "HMS", [])
    assert gdelt.split_actor(None) == ("", "", "", [])
    assert [gdelt.fips(c) for c in ("DEU", "GBR", "AUS", "AUT", "CHN", "XXX")] == ["GM", "UK", "AS", "AU", "CH", ""]
    assert len(set(code for code, _ in gdelt.fips_table().values())) == len(gdelt.fips_table())


def test_gdelt_rows_are_only_events_that_happened(tmp_path: Path) -> None:
    text = "Norland did not attack Sudra. Norland met Sudra on Monday. Norland will sanction Sudra."
    events = [
        event("m", 0, text, "attack", "NRL", "SDR", "190", mode="negated"),
        event("m", 1, text, "met", "NRL", "SDR", "040"),
        event("m", 2, text, "sanction", "NRL", "SDR", "163", mode="planned"),
    ]
    s = store_of(tmp_path / "m.db", [article("m", text, url="https://modes.example/a", events=events)])
    update(s)
    paths = gdelt.export_gdelt(s, tmp_path / "g", when=WHEN)
    rows = _read(paths["events"], gdelt.EVENT_COLUMNS)
    assert rows["EventCode"].tolist() == ["040"]  # GDELT has no mode field: a denied attack is not a row
    mentions = _read(paths["mentions"], gdelt.MENTION_COLUMNS)
    assert mentions["GLOBALEVENTID"].tolist() == rows["GLOBALEVENTID"].tolist()
    assert export_parquet(s, tmp_path / "pq")["events"] == 3  # every mode stays in the dataset
