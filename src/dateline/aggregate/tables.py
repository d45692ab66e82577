"""The flat tables: the store's layers as plain columns, one definition for SQLite, DuckDB and Parquet.

Each table is a list of columns (name, SQLite expression over the store, Arrow type). On SQLite a table is a
subquery; ``dateline export --format parquet`` writes the same rows, and DuckDB reads them back from Parquet, or
loads them from a store, under the same names. Aggregate queries written against these names therefore run
unchanged on a laptop's store and on a cluster's Parquet output.

``period_day``, ``period_week``, ``period_month`` and ``period_year`` label the period an event's date fixes
(:func:`dateline.aggregate.dates.period`): null when the date is coarser than the unit.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import pyarrow as pa

from dateline.aggregate.dates import UNITS, period


@dataclass(frozen=True, slots=True)
class Table:
    """A flat table: its columns (name, SQLite expression, Arrow type), the FROM clause, and whether it needs
    the corpus-level tables of :mod:`dateline.aggregate.schema`."""

    columns: tuple[tuple[str, str, pa.DataType], ...]
    source: str
    aggregated: bool = False

    def sql(self) -> str:
        return f"SELECT {', '.join(f'{expr} AS {name}' for name, expr, _ in self.columns)} FROM {self.source}"

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([(name, kind) for name, _, kind in self.columns])

    @property
    def names(self) -> list[str]:
        return [name for name, _, _ in self.columns]


S, N, F = pa.string(), pa.int64(), pa.float64()


def _periods(date: str, anchor: str) -> tuple[tuple[str, str, pa.DataType], ...]:
    return tuple((f"period_{unit}", f"dl_period({date}, {anchor}, '{unit}')", S) for unit in UNITS)


def _side(side: str) -> tuple[tuple[str, str, pa.DataType], ...]:
    return tuple((f"{side}_{key}", f"json_extract(e.{side}, '$.{key}')", S) for key in ("code", "actor", "text"))


TABLES: dict[str, Table] = {
    "articles": Table(
        (
            ("article_id", "a.id", S), ("title", "a.title", S), ("published", "a.published", S),
            ("anchor", "a.anchor", S), ("url", "a.url", S), ("author", "a.author", S), ("source", "a.source", S),
            ("outlet", "a.outlet", S), ("lang", "a.lang", S),
            ("dateline_place", "json_extract(a.dateline, '$.place')", S),
            ("tone", "json_extract(a.tone, '$.score')", F), ("chars", "length(a.text)", N), ("text", "a.text", S),
        ),
        "articles a",
    ),
    "actors": Table(
        (
            ("article_id", "x.article_id", S), ("seq", "x.seq", N), ("actor_id", "x.id", S), ("name", "x.name", S),
            ("type", "x.type", S), ("country", "x.country", S), ("code", "x.code", S), ("roles", "x.roles", S),
            ("mentions", "json_array_length(x.mentions)", N),
            ("first_start", "json_extract(x.mentions, '$[0].start')", N), ("tone", "x.tone", F),
            ("anchor", "ar.anchor", S),
        ),
        "actors x JOIN articles ar ON ar.id = x.article_id",
    ),
    "events": Table(
        (
            ("article_id", "e.article_id", S), ("seq", "e.seq", N), ("event_id", "e.id", S),
            *_side("source"), *_side("target"),
            ("cameo", "e.cameo", S), ("root", "substr(e.cameo, 1, 2)", S), ("plover", "e.plover", S),
            ("mode", "e.mode", S), ("date", "e.date", S), ("place", "e.place", S),
            ("attributed_to", "e.attributed_to", S), ("goldstein", "e.goldstein", F),
            ("quad_class", "e.quad_class", N), ("confidence", "e.confidence", F), ("tone", "e.tone", F),
            ("sentence_start", "json_extract(e.sentence, '$.start')", N),
            ("sentence_end", "json_extract(e.sentence, '$.end')", N),
            ("trigger_start", "json_extract(e.trigger, '$.start')", N),
            ("trigger_end", "json_extract(e.trigger, '$.end')", N),
            ("trigger_text", "json_extract(e.trigger, '$.text')", S), ("anchor", "ar.anchor", S),
            *_periods("e.date", "ar.anchor"),
        ),
        "events e JOIN articles ar ON ar.id = e.article_id",
    ),
    "quotes": Table(
        (
            ("article_id", "q.article_id", S), ("seq", "q.seq", N), ("start", "q.start", N), ("end", "q.\"end\"", N),
            ("text", "q.text", S), ("kind", "q.kind", S), ("cue_text", "json_extract(q.cue, '$.text')", S),
            ("speaker_text", "json_extract(q.speaker, '$.text')", S),
            ("speaker_actor", "json_extract(q.speaker, '$.actor')", S),
            ("speaker_name", "sp.name", S), ("speaker_code", "sp.code", S), ("anchor", "ar.anchor", S),
        ),
        "quotes q JOIN articles ar ON ar.id = q.article_id LEFT JOIN actors sp ON sp.article_id = q.article_id "
        "AND sp.id = json_extract(q.speaker, '$.actor')",
    ),
    # One row per quote and actor named inside it (about_* null when the quote names none), with the CAMEO
    # codes of the events stated inside the quote: who quoted whom about what.
    "quote_about": Table(
        (
            ("article_id", "q.article_id", S), ("quote_seq", "q.seq", N), ("speaker_name", "sp.name", S),
            ("speaker_code", "sp.code", S), ("about_name", "ab.name", S), ("about_code", "ab.code", S),
            (
                "event_codes",
                "(SELECT group_concat(e.cameo, ' ') FROM events e WHERE e.article_id = q.article_id "
                "AND json_extract(e.trigger, '$.start') >= q.start AND json_extract(e.trigger, '$.end') <= q.\"end\")",
                S,
            ),
            ("text", "q.text", S), ("anchor", "ar.anchor", S),
        ),
        "quotes q JOIN articles ar ON ar.id = q.article_id LEFT JOIN actors sp ON sp.article_id = q.article_id "
        "AND sp.id = json_extract(q.speaker, '$.actor') LEFT JOIN actors ab ON ab.article_id = q.article_id "
        "AND ab.id IS NOT coalesce(sp.id, '') AND EXISTS (SELECT 1 FROM json_each(ab.mentions) m "
        "WHERE json_extract(m.value, '$.start') >= q.start AND json_extract(m.value, '$.end') <= q.\"end\")",
    ),
    "mentions": Table(
        (
            ("event_id", "m.event_id", S), ("cluster_id", "m.cluster_id", N), ("article_id", "m.article_id", S),
            ("seq", "m.seq", N), ("outlet", "m.outlet", S), ("mode", "m.mode", S), ("confidence", "m.confidence", F),
            ("tone", "m.tone", F), ("doc_tone", "m.doc_tone", F), ("duplicate_of", "m.duplicate_of", S),
            ("cameo", "m.cameo", S), ("date", "m.date", S), ("precision", "m.precision", S),
            ("place", "m.place", S), ("place_country", "m.place_country", S), ("anchor", "m.anchor", S),
        ),
        "mentions m",
        aggregated=True,
    ),
    "clusters": Table(
        (
            ("cluster_id", "c.id", N), ("event_id", "c.event_id", S), ("source_code", "c.source_code", S),
            ("target_code", "c.target_code", S), ("cameo", "c.cameo", S), ("root", "c.root", S),
            ("plover", "c.plover", S), ("mode", "c.mode", S), ("quad_class", "c.quad_class", N),
            ("goldstein", "c.goldstein", F), ("date", "c.date", S), ("precision", "c.precision", S),
            ("place", "c.place", S), ("place_country", "c.place_country", S), ("lat", "c.lat", F),
            ("lon", "c.lon", F), ("geonameid", "c.geonameid", N), ("feature", "c.feature", S),
            ("first_article", "c.first_article", S), ("source_url", "c.source_url", S),
            ("num_mentions", "c.num_mentions", N), ("num_sources", "c.num_sources", N),
            ("num_articles", "c.num_articles", N), ("tone", "c.tone", F), ("avg_tone", "c.avg_tone", F),
            ("anchor", "fa.anchor", S), *_periods("c.date", "NULL"),
        ),
        "clusters c LEFT JOIN articles fa ON fa.id = c.first_article",
        aggregated=True,
    ),
    "duplicates": Table(
        (
            ("article_id", "d.article_id", S), ("original_id", "d.original_id", S),
            ("similarity", "d.similarity", F), ("jaccard", "d.jaccard", F), ("anchor", "ar.anchor", S),
        ),
        "duplicates d JOIN articles ar ON ar.id = d.article_id",
        aggregated=True,
    ),
}  # fmt: skip

#: Events (or clusters) expanded into one row per pair of single actor codes: "RUSGOV/CHNGOV" -> two rows.
#: SQLite and DuckDB split strings differently, so this relation has one definition per engine.
SQLITE_PAIRS = (
    "SELECT e.*, nullif(s.value, '') AS source_one, nullif(t.value, '') AS target_one FROM ({events}) e, "
    "json_each('[\"' || replace(coalesce(e.source_code, ''), '/', '\",\"') || '\"]') s, "
    "json_each('[\"' || replace(coalesce(e.target_code, ''), '/', '\",\"') || '\"]') t"
)
DUCKDB_PAIRS = (
    "SELECT e.*, nullif(s.one, '') AS source_one, nullif(t.one, '') AS target_one FROM {events} e "
    "CROSS JOIN LATERAL (SELECT unnest(string_split(coalesce(e.source_code, ''), '/')) AS one) s "
    "CROSS JOIN LATERAL (SELECT unnest(string_split(coalesce(e.target_code, ''), '/')) AS one) t"
)


def register_functions(db: sqlite3.Connection) -> None:
    """Register ``dl_period(date, anchor, unit)`` on a SQLite connection (the flat tables' period columns)."""
    db.create_function("dl_period", 3, period, deterministic=True)
