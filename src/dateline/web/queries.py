"""Read queries of the web app: filtered, paginated lists and simple aggregates over a :class:`Store`.

Every query goes through ``Store.query`` with ``?`` parameters; user values never become SQL text. Column and
table names that vary (``source`` or ``target``) come from fixed tuples in this module. LIKE patterns escape
``%`` and ``_`` so that a search for ``50%`` means those characters.

An event's *day* is its own date when that starts with a year (a month or a year counts from its first day),
else the date of its article (dateline or published date); date filters and ordering use it. The timeline and
the network are the corpus aggregates of :mod:`dateline.aggregate`, run over the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from dateline import aggregate
from dateline.store import Store

Mode = Literal["asserted", "negated", "hypothetical", "planned", "background"]
Side = Literal["source", "target"]

#: SQL for an event's day (``e`` is the events table, ``ar`` its article).
DAY = (
    "CASE WHEN e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' THEN substr(e.date, 1, 10) "
    "WHEN e.date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]' THEN e.date || '-01' "
    "WHEN e.date GLOB '[0-9][0-9][0-9][0-9]' THEN e.date || '-01-01' "
    "ELSE ar.anchor END"
)

_EVENT_COLUMNS = (
    "e.article_id, e.seq, e.id, e.sentence, e.trigger, e.source, e.target, e.cameo, e.plover, e.mode, e.date, "
    "e.place, e.attributed_to, e.goldstein, e.quad_class, e.confidence, ar.title, "
    "substr(ar.text, json_extract(e.sentence, '$.start') + 1, "
    "json_extract(e.sentence, '$.end') - json_extract(e.sentence, '$.start')) AS evidence, "
    f"{DAY} AS day"
)


@dataclass(frozen=True, slots=True)
class EventFilters:
    """What an event list may be narrowed by; None means no filter."""

    actor: str | None = None  # source or target: code prefix, argument text or linked actor name
    source: str | None = None
    target: str | None = None
    cameo: str | None = None  # code prefix: "04" is the root, "042" a code
    quad_class: int | None = None
    mode: Mode | None = None
    start: date | None = None
    end: date | None = None
    place: str | None = None
    article: str | None = None  # article id (prefix)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a list: the rows and how many rows match in all."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


def like(value: str, *, prefix: bool = False) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) matching ``value`` as a substring, or as a prefix."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%" if prefix else f"%{escaped}%"


class _Where:
    """Collects SQL conditions and their parameters in step."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, condition: str, *params: Any) -> None:
        self.parts.append(condition)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.parts) if self.parts else ""


def _side(where: _Where, side: Side, value: str) -> None:
    """Match one argument of an event by code prefix, argument text, or the name of its linked actor."""
    where.add(_side_sql(side), like(value, prefix=True), like(value), like(value))


def _side_sql(side: Side) -> str:
    return (
        f"(json_extract(e.{side}, '$.code') LIKE ? ESCAPE '\\' OR json_extract(e.{side}, '$.text') LIKE ? ESCAPE '\\' "
        f"OR EXISTS (SELECT 1 FROM actors a WHERE a.article_id = e.article_id "
        f"AND a.id = json_extract(e.{side}, '$.actor') AND a.name LIKE ? ESCAPE '\\'))"
    )


def _event_where(filters: EventFilters) -> _Where:
    where = _Where()
    if filters.actor:
        pattern = (like(filters.actor, prefix=True), like(filters.actor), like(filters.actor))
        where.add(f"({_side_sql('source')} OR {_side_sql('target')})", *pattern, *pattern)
    for side in ("source", "target"):
        value = getattr(filters, side)
        if value:
            _side(where, side, value)
    if filters.cameo:
        where.add("e.cameo LIKE ? ESCAPE '\\'", like(filters.cameo, prefix=True))
    if filters.quad_class is not None:
        where.add("e.quad_class = ?", filters.quad_class)
    if filters.mode:
        where.add("e.mode = ?", filters.mode)
    if filters.start:
        where.add(f"({DAY}) >= ?", filters.start.isoformat())
    if filters.end:
        where.add(f"({DAY}) <= ?", filters.end.isoformat())
    if filters.place:
        where.add("e.place LIKE ? ESCAPE '\\'", like(filters.place))
    if filters.article:
        where.add("e.article_id LIKE ? ESCAPE '\\'", like(filters.article, prefix=True))
    return where


def events(store: Store, filters: EventFilters, *, limit: int = 50, offset: int = 0) -> Page:
    """Events matching the filters, newest day first, with their article's title and evidence sentence."""
    where = _event_where(filters)
    base = f"FROM events e JOIN articles ar ON ar.id = e.article_id{where.sql()}"
    total = store.query(f"SELECT count(*) AS n {base}", where.params)[0]["n"]
    rows = store.query(
        f"SELECT {_EVENT_COLUMNS} {base} ORDER BY day DESC NULLS LAST, e.article_id, e.seq LIMIT ? OFFSET ?",
        [*where.params, limit, offset],
        table="events",
    )
    return Page(rows, total, limit, offset)


def event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event by id, with its article's title and the evidence sentence."""
    rows = store.query(
        f"SELECT {_EVENT_COLUMNS} FROM events e JOIN articles ar ON ar.id = e.article_id WHERE e.id = ?",
        [event_id],
        table="events",
    )
    return rows[0] if rows else None


def articles(
    store: Store,
    *,
    text: str | None = None,
    start: date | None = None,
    end: date | None = None,
    actor: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """Article summaries (newest first) with layer counts; ``text`` searches title and body."""
    where = _Where()
    if text:
        where.add("(ar.title LIKE ? ESCAPE '\\' OR ar.text LIKE ? ESCAPE '\\')", like(text), like(text))
    if start:
        where.add("ar.anchor >= ?", start.isoformat())
    if end:
        where.add("ar.anchor <= ?", end.isoformat())
    if actor:
        where.add(
            "EXISTS (SELECT 1 FROM actors a WHERE a.article_id = ar.id "
            "AND (a.name LIKE ? ESCAPE '\\' OR a.code LIKE ? ESCAPE '\\'))",
            like(actor),
            like(actor, prefix=True),
        )
    counts = ", ".join(
        f"(SELECT count(*) FROM {layer} x WHERE x.article_id = ar.id) AS {layer}"
        for layer in ("events", "actors", "quotes", "places")
    )
    total = store.query(f"SELECT count(*) AS n FROM articles ar{where.sql()}", where.params)[0]["n"]
    rows = store.query(
        f"SELECT ar.id, ar.title, ar.published, ar.anchor, ar.source, ar.lang, length(ar.text) AS chars, {counts} "
        f"FROM articles ar{where.sql()} ORDER BY ar.anchor DESC NULLS LAST, ar.id LIMIT ? OFFSET ?",
        [*where.params, limit, offset],
    )
    return Page(rows, total, limit, offset)


# Per article and actor id: events as source and as target, and quotes spoken.
_ACTOR_STATS = """
WITH roles AS (
    SELECT article_id, json_extract(source, '$.actor') AS actor, 1 AS as_source, 0 AS as_target FROM events
    UNION ALL
    SELECT article_id, json_extract(target, '$.actor'), 0, 1 FROM events
), per AS (
    SELECT article_id, actor, sum(as_source) AS as_source, sum(as_target) AS as_target
    FROM roles WHERE actor IS NOT NULL GROUP BY article_id, actor
), spoke AS (
    SELECT article_id, json_extract(speaker, '$.actor') AS actor, count(*) AS quotes
    FROM quotes WHERE json_extract(speaker, '$.actor') IS NOT NULL GROUP BY article_id, actor
)
"""

_ACTOR_GROUP = """
SELECT a.name, min(a.code) AS code, min(a.type) AS type, min(a.country) AS country,
    count(DISTINCT a.article_id) AS articles, sum(json_array_length(a.mentions)) AS mentions,
    coalesce(sum(p.as_source), 0) AS as_source, coalesce(sum(p.as_target), 0) AS as_target,
    coalesce(sum(s.quotes), 0) AS quotes,
    (SELECT json_group_array(DISTINCT r.value) FROM actors a2, json_each(a2.roles) r WHERE a2.name = a.name)
        AS roles
FROM actors a
LEFT JOIN per p ON p.article_id = a.article_id AND p.actor = a.id
LEFT JOIN spoke s ON s.article_id = a.article_id AND s.actor = a.id
"""


def actors(store: Store, *, text: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Actors across articles, one row per name, with roles and counts of articles, events and quotes."""
    where = _Where()
    if text:
        where.add("(a.name LIKE ? ESCAPE '\\' OR a.code LIKE ? ESCAPE '\\')", like(text), like(text, prefix=True))
    total = store.query(f"SELECT count(DISTINCT a.name) AS n FROM actors a{where.sql()}", where.params)[0]["n"]
    rows = store.query(
        f"{_ACTOR_STATS}{_ACTOR_GROUP}{where.sql()} GROUP BY a.name "
        "ORDER BY as_source + as_target DESC, articles DESC, mentions DESC, a.name LIMIT ? OFFSET ?",
        [*where.params, limit, offset],
        table="actors",
    )
    return Page([_decode_roles(row) for row in rows], total, limit, offset)


def actor(store: Store, name: str) -> dict[str, Any] | None:
    """One actor (by exact name) with its counts, the articles it is in, its events and its quotes."""
    rows = store.query(f"{_ACTOR_STATS}{_ACTOR_GROUP} WHERE a.name = ? GROUP BY a.name", [name], table="actors")
    if not rows:
        return None
    summary = _decode_roles(rows[0])
    summary["in_articles"] = store.query(
        "SELECT DISTINCT ar.id, ar.title, ar.anchor FROM actors a JOIN articles ar ON ar.id = a.article_id "
        "WHERE a.name = ? ORDER BY ar.anchor DESC NULLS LAST, ar.id LIMIT 200",
        [name],
    )
    summary["events"] = _actor_events(store, name)
    summary["quotes_spoken"] = quotes(store, speaker_name=name, limit=200).items
    return summary


def _actor_events(store: Store, name: str) -> list[dict[str, Any]]:
    linked = " OR ".join(
        f"EXISTS (SELECT 1 FROM actors a WHERE a.article_id = e.article_id AND a.name = ? "
        f"AND a.id = json_extract(e.{side}, '$.actor'))"
        for side in ("source", "target")
    )
    return store.query(
        f"SELECT {_EVENT_COLUMNS} FROM events e JOIN articles ar ON ar.id = e.article_id WHERE {linked} "
        "ORDER BY day DESC NULLS LAST, e.article_id, e.seq LIMIT 500",
        [name, name],
        table="events",
    )


def _decode_roles(row: dict[str, Any]) -> dict[str, Any]:
    """The distinct roles arrive as JSON text that ``Store.query`` decodes; sort them and drop nulls."""
    return {**row, "roles": sorted(r for r in row.get("roles") or [] if r)}


def quotes(
    store: Store,
    *,
    speaker: str | None = None,
    speaker_name: str | None = None,
    text: str | None = None,
    article: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """Quotes with their speaker's linked actor; ``speaker`` searches the speaker text and actor name."""
    where = _Where()
    if speaker:
        where.add(
            "(json_extract(q.speaker, '$.text') LIKE ? ESCAPE '\\' OR a.name LIKE ? ESCAPE '\\')",
            like(speaker),
            like(speaker),
        )
    if speaker_name:
        where.add("a.name = ?", speaker_name)
    if text:
        where.add("q.text LIKE ? ESCAPE '\\'", like(text))
    if article:
        where.add("q.article_id LIKE ? ESCAPE '\\'", like(article, prefix=True))
    base = (
        "FROM quotes q JOIN articles ar ON ar.id = q.article_id "
        "LEFT JOIN actors a ON a.article_id = q.article_id AND a.id = json_extract(q.speaker, '$.actor')"
        f"{where.sql()}"
    )
    total = store.query(f"SELECT count(*) AS n {base}", where.params)[0]["n"]
    rows = store.query(
        "SELECT q.article_id, q.seq, q.start, q.end, q.kind, q.text, q.cue, q.speaker, a.name AS speaker_name, "
        f"a.code AS speaker_code, ar.title, ar.anchor {base} "
        "ORDER BY ar.anchor DESC NULLS LAST, q.article_id, q.seq LIMIT ? OFFSET ?",
        [*where.params, limit, offset],
        table="quotes",
    )
    return Page(rows, total, limit, offset)


def timeline(
    store: Store, *, source: str | None = None, target: str | None = None, both: bool = False, by: str = "month"
) -> list[dict[str, Any]]:
    """Asserted events per period (``by``: day, week, month or year): counts, Goldstein sum and mean, and counts
    per QuadClass; :func:`dateline.aggregate.timeline` over this store, so the page, the API and ``dateline query
    timeline`` count the same events in the same periods.

    ``source`` and ``target`` are actor-code prefixes (``RUS`` takes in ``RUSGOV``); ``both`` adds the events
    of the reverse direction, for a dyad seen from both sides.
    """
    return aggregate.timeline(store, source, target, by=by, directed=not both)


def network(store: Store, *, mode: Mode | None = "asserted", limit: int = 200) -> list[dict[str, Any]]:
    """Directed edges between actor codes (coordinated actors each get the edge): event count, Goldstein sum and
    mean, cooperation and conflict counts; :func:`dateline.aggregate.actor_network` over this store."""
    return aggregate.actor_network(store, modes=[mode] if mode else [], limit=limit)


def event_places(store: Store, *, mode: Mode | None = None) -> list[dict[str, Any]]:
    """Places where events happened, with coordinates from the article's resolved places and event counts."""
    where = _Where()
    where.add("p.lat IS NOT NULL AND p.lon IS NOT NULL")
    if mode:
        where.add("e.mode = ?", mode)
    return store.query(
        "SELECT coalesce(p.name, p.text) AS name, min(p.country) AS country, min(p.feature) AS feature, "
        "min(p.lat) AS lat, min(p.lon) AS lon, count(DISTINCT e.id) AS events, "
        "count(DISTINCT e.article_id) AS articles, round(avg(e.goldstein), 2) AS goldstein_mean, "
        "sum(e.quad_class IN (3, 4)) AS conflict FROM events e JOIN places p ON p.article_id = e.article_id "
        f"AND (p.name = e.place OR p.text = e.place){where.sql()} "
        "GROUP BY coalesce(CAST(p.geonameid AS TEXT), p.name, p.text) ORDER BY events DESC",
        where.params,
    )


def actor_codes(store: Store, *, limit: int = 300) -> list[str]:
    """Actor codes that appear in events, most frequent first (for dyad pickers)."""
    rows = store.query(
        "SELECT code, count(*) AS n FROM (SELECT json_extract(source, '$.code') AS code FROM events "
        "UNION ALL SELECT json_extract(target, '$.code') FROM events) WHERE code IS NOT NULL "
        "GROUP BY code ORDER BY n DESC, code LIMIT ?",
        [limit],
    )
    return [row["code"] for row in rows]
