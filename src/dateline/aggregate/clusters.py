"""Event clusters: events of different articles that report the same happening become one canonical event.

Two events are the same happening when they have the same **key** and compatible dates and places:

- the key is the actor pair at country+sector level (``RUSGOV``; coordinated actors "RUSGOV/CHNGOV" as a sorted
  set), the CAMEO root and the mode (an asserted attack and a denied one are different statements). An event with
  no CAMEO code, or with neither side coded, has no key: it stays a cluster of its own, since nothing tells two
  such events apart;
- dates are intervals that depend on precision (:mod:`.dates`): a day matches the same day ± 1, a month any day
  in it, an undated event its article's date and the week before;
- places are compatible when either is unknown, when both resolve to the same gazetteer entry, or when one is a
  country and the other lies in it. A place that is only the article's dateline (where the reporter files from)
  counts as unknown.

A cluster takes the finest date of its mentions. Events of a duplicate article are mentions of the events of its
original (matched by key and sentence wording), never new clusters. Clustering is incremental: an update places the
events of new articles (and of articles whose duplicate link changed) and recounts only the clusters it touched.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from dateline.aggregate import dates
from dateline.aggregate.dates import Dated
from dateline.store import Store

#: Actor code characters kept for the key: the country (or IGO/NGO...) code and one sector code.
CODE_LEVEL = 6
#: Share of words two evidence sentences must share for a duplicate's event to map onto its original's.
SENTENCE_MATCH = 0.5

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Mention:
    """One event as a mention: what is needed to place it in a cluster and to recount the cluster."""

    event_id: str
    article_id: str
    seq: int
    key: str | None
    source_code: str | None
    target_code: str | None
    root: str | None
    mode: str
    cameo: str | None
    dated: Dated | None
    place: str | None
    place_key: str | None
    place_country: str | None
    feature: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    outlet: str | None
    confidence: float | None
    tone: float | None
    doc_tone: float | None
    anchor: str | None
    words: frozenset[str]
    duplicate_of: str | None = None


def actor_codes(code: str | None) -> str | None:
    """Coordinated actor codes as a sorted set at country+sector level: "RUSGOV/CHNGOVX" -> "CHNGOV/RUSGOV"."""
    if not code:
        return None
    parts = sorted({part.strip()[:CODE_LEVEL] for part in code.split("/") if part.strip()})
    return "/".join(parts) or None


def cluster_key(source: str | None, target: str | None, cameo: str | None, mode: str) -> str | None:
    """The key events must share to be one happening, or None for an event that can only stand alone."""
    if not cameo or (source is None and target is None):
        return None
    return f"{source or ''}|{target or ''}|{cameo[:2]}|{mode}"


def outlet(url: str | None, source: str | None, name: str | None = None) -> str | None:
    """The outlet of an article, as GDELT names sources: its URL's host without "www.", else the outlet ``name``
    its input gave, else its input (file or feed) without line number."""
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if name:
        return name
    if source:
        return source.split("#", 1)[0] or None
    return None


def places_compatible(a: Mention | dict[str, Any], b: Mention) -> bool:
    """Either place unknown, the same entry, or a country and a place in it (see the module docstring)."""
    key_a, country_a, feature_a = _place_of(a)
    if key_a is None or b.place_key is None or key_a == b.place_key:
        return True
    if country_a is None or b.place_country is None or country_a != b.place_country:
        return False
    return "country" in (feature_a, b.feature)


def _place_of(item: Mention | dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    if isinstance(item, Mention):
        return item.place_key, item.place_country, item.feature
    return item["place_key"], item["place_country"], item["feature"]


# -- reading an article's events ------------------------------------------------------------------------------


def article_mentions(store: Store, article_id: str) -> list[Mention]:
    """Every event of the stored article as a :class:`Mention`, places resolved through the article's places."""
    row = store.db.execute(
        "SELECT id, text, anchor, url, source, outlet, tone, dateline FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return []
    places = _places(store, article_id)
    dateline_place = (json.loads(row["dateline"]) or {}).get("place") if row["dateline"] else None
    doc_tone = (json.loads(row["tone"]) or {}).get("score") if row["tone"] else None
    source_outlet = outlet(row["url"], row["source"], row["outlet"])
    context = (row["text"], row["anchor"], source_outlet, doc_tone, dateline_place, places)
    events = store.db.execute("SELECT * FROM events WHERE article_id = ? ORDER BY seq", (article_id,))
    return [_mention(article_id, event, context) for event in events]


def _places(store: Store, article_id: str) -> dict[str, dict[str, Any]]:
    """The article's resolved places by name and by text as written (the first resolution of each wins)."""
    found: dict[str, dict[str, Any]] = {}
    rows = store.db.execute(
        "SELECT text, name, country, lat, lon, geonameid, feature FROM places WHERE article_id = ? ORDER BY seq",
        (article_id,),
    )
    for place in rows:
        for label in (place["name"], place["text"]):
            if label and label not in found:
                found[label] = dict(place)
    return found


def _mention(article_id: str, event: Any, context: tuple[Any, ...]) -> Mention:
    text, anchor, source_outlet, doc_tone, dateline_place, places = context
    source = actor_codes(_code(event["source"]))
    target = actor_codes(_code(event["target"]))
    sentence = json.loads(event["sentence"])
    resolved = places.get(event["place"]) if event["place"] and event["place"] != dateline_place else None
    return Mention(
        event_id=event["id"],
        article_id=article_id,
        seq=event["seq"],
        key=cluster_key(source, target, event["cameo"], event["mode"]),
        source_code=source,
        target_code=target,
        root=event["cameo"][:2] if event["cameo"] else None,
        mode=event["mode"],
        cameo=event["cameo"],
        dated=dates.event_date(event["date"], anchor),
        place=event["place"],
        place_key=_place_key(resolved),
        place_country=resolved["country"] if resolved else None,
        feature=resolved["feature"] if resolved else None,
        lat=resolved["lat"] if resolved else None,
        lon=resolved["lon"] if resolved else None,
        geonameid=resolved["geonameid"] if resolved else None,
        outlet=source_outlet,
        confidence=event["confidence"],
        tone=event["tone"],
        doc_tone=doc_tone,
        anchor=anchor,
        words=frozenset(_WORD.findall(text[sentence["start"] : sentence["end"]].casefold())),
    )


def _code(side: str | None) -> str | None:
    return json.loads(side).get("code") if side else None


def _place_key(place: dict[str, Any] | None) -> str | None:
    if place is None:
        return None
    if place["geonameid"] is not None:
        return f"g{place['geonameid']}"
    if place["feature"] == "country" and place["country"]:
        return f"c{place['country']}"
    return None


# -- placing mentions in clusters -----------------------------------------------------------------------------


def find_cluster(store: Store, mention: Mention) -> int | None:
    """The cluster this mention joins: same key, overlapping date, compatible place; the most precise one wins."""
    if mention.key is None or mention.dated is None:
        return None
    rows = store.db.execute(
        "SELECT id, precision, lo, hi, place_key, place_country, feature, num_mentions FROM clusters "
        "WHERE key = ? AND lo <= ? AND hi >= ?",
        (mention.key, mention.dated.hi + 1, mention.dated.lo - 1),
    ).fetchall()
    fits = [dict(r) for r in rows if places_compatible(dict(r), mention)]
    if not fits:
        return None
    centre = (mention.dated.lo + mention.dated.hi) / 2
    best = min(fits, key=lambda c: (c["hi"] - c["lo"], abs((c["lo"] + c["hi"]) / 2 - centre), -c["num_mentions"]))
    return int(best["id"])


def match_original(mention: Mention, originals: list[tuple[Mention, int]]) -> int | None:
    """The cluster of the original's event this duplicate's event restates: same codes, root and mode, and a
    sentence sharing at least :data:`SENTENCE_MATCH` of its words."""
    best: tuple[float, int] | None = None
    for original, cluster_id in originals:
        same = (original.source_code, original.target_code, original.root, original.mode) == (
            mention.source_code,
            mention.target_code,
            mention.root,
            mention.mode,
        )
        if same:
            score = _overlap(mention.words, original.words)
            if score >= SENTENCE_MATCH and (best is None or score > best[0]):
                best = (score, cluster_id)
    return best[1] if best else None


def _overlap(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def new_cluster(store: Store, mention: Mention, now: float) -> int:
    """A cluster with this mention as its first member; its fields are final after :func:`refresh`."""
    d = mention.dated
    cursor = store.db.execute(
        "INSERT INTO clusters (key, source_code, target_code, root, mode, cameo, event_id, date, precision, lo, hi, "
        "place, place_key, place_country, lat, lon, geonameid, feature, first_article, added) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            mention.key, mention.source_code, mention.target_code, mention.root, mention.mode, mention.cameo,
            mention.event_id, d.value if d else None, d.precision if d else None, d.lo if d else None,
            d.hi if d else None, mention.place, mention.place_key, mention.place_country, mention.lat, mention.lon,
            mention.geonameid, mention.feature, mention.article_id, now,
        ),
    )  # fmt: skip
    return int(cursor.lastrowid or 0)


def narrow(store: Store, cluster_id: int, mention: Mention) -> None:
    """Give the cluster the mention's date and place when they are more precise than its own."""
    row = store.db.execute("SELECT date, precision, lo, hi, place_key FROM clusters WHERE id = ?", (cluster_id,))
    current = row.fetchone()
    d = mention.dated
    if d is not None and (current["precision"] is None or dates.finer(d, _dated(current))):
        store.db.execute(
            "UPDATE clusters SET date = ?, precision = ?, lo = ?, hi = ? WHERE id = ?",
            (d.value, d.precision, d.lo, d.hi, cluster_id),
        )
    if current["place_key"] is None and mention.place_key is not None:
        store.db.execute(
            "UPDATE clusters SET place = ?, place_key = ?, place_country = ?, lat = ?, lon = ?, geonameid = ?, "
            "feature = ? WHERE id = ?",
            (
                mention.place, mention.place_key, mention.place_country, mention.lat, mention.lon,
                mention.geonameid, mention.feature, cluster_id,
            ),
        )  # fmt: skip


def _dated(row: Any) -> Dated:
    return Dated(row["date"], row["precision"], row["lo"], row["hi"])


def write_mention(store: Store, mention: Mention, cluster_id: int, now: float) -> None:
    d = mention.dated
    store.db.execute(
        "INSERT OR REPLACE INTO mentions (event_id, cluster_id, article_id, seq, outlet, mode, confidence, tone, "
        "doc_tone, duplicate_of, cameo, date, precision, lo, hi, place, place_key, place_country, lat, lon, "
        "geonameid, feature, anchor, added) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?)",
        (
            mention.event_id, cluster_id, mention.article_id, mention.seq, mention.outlet, mention.mode,
            mention.confidence, mention.tone, mention.doc_tone, mention.duplicate_of, mention.cameo,
            d.value if d else None, d.precision if d else None, d.lo if d else None, d.hi if d else None,
            mention.place, mention.place_key, mention.place_country, mention.lat, mention.lon, mention.geonameid,
            mention.feature, mention.anchor, now,
        ),
    )  # fmt: skip


# -- recounting -----------------------------------------------------------------------------------------------


def refresh(store: Store, cluster_ids: Iterable[int], avgtone_scale: float) -> None:
    """Recount the clusters from their mentions (GDELT-style counts, tone, representative code, date, place, URL);
    delete clusters left without mentions."""
    ids = sorted(set(cluster_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = store.db.execute(
            "SELECT m.*, a.url, a.stored_at FROM mentions m JOIN articles a ON a.id = m.article_id "
            f"WHERE m.cluster_id IN ({marks}) ORDER BY m.cluster_id, coalesce(m.anchor, '9999'), a.stored_at, m.seq",
            chunk,
        ).fetchall()
        grouped: dict[int, list[Any]] = {}
        for row in rows:
            grouped.setdefault(row["cluster_id"], []).append(row)
        _delete_empty(store, [i for i in chunk if i not in grouped])
        for cluster_id, members in grouped.items():
            _recount(store, cluster_id, members, avgtone_scale)


def _delete_empty(store: Store, ids: list[int]) -> None:
    store.db.executemany("DELETE FROM clusters WHERE id = ?", [(i,) for i in ids])


def _recount(store: Store, cluster_id: int, members: list[Any], avgtone_scale: float) -> None:
    first = members[0]
    cameo = Counter(m["cameo"] for m in members if m["cameo"]).most_common(1)
    code = cameo[0][0] if cameo else None
    doc_tones = {m["article_id"]: m["doc_tone"] for m in members if m["doc_tone"] is not None}
    tones = [m["tone"] for m in members if m["tone"] is not None]
    avg_doc = sum(doc_tones.values()) / len(doc_tones) if doc_tones else None
    coded = next((m for m in members if m["cameo"] == code), first)
    goldstein, quad, plover = _coding(store, coded)
    dated = min((m for m in members if m["precision"]), key=_precision_rank, default=None)
    store.db.execute(
        "UPDATE clusters SET event_id = ?, cameo = ?, plover = ?, quad_class = ?, goldstein = ?, first_article = ?, "
        "source_url = ?, num_mentions = ?, num_sources = ?, num_articles = ?, tone = ?, avg_tone = ?, "
        "date = coalesce(?, date), precision = coalesce(?, precision), lo = coalesce(?, lo), hi = coalesce(?, hi) "
        "WHERE id = ?",
        (
            coded["event_id"], code, plover, quad, goldstein, first["article_id"], first["url"], len(members),
            len({m["outlet"] for m in members if m["outlet"]}), len({m["article_id"] for m in members}),
            round(sum(tones) / len(tones), 4) if tones else None,
            round(avgtone_scale * avg_doc, 4) if avg_doc is not None else None,
            dated["date"] if dated else None, dated["precision"] if dated else None, dated["lo"] if dated else None,
            dated["hi"] if dated else None, cluster_id,
        ),
    )  # fmt: skip


def _precision_rank(row: Any) -> tuple[int, int]:
    rank = {"day": 0, "anchor": 1, "week": 2, "month": 3, "year": 4}
    return rank.get(row["precision"], 5), row["hi"] - row["lo"]


def _coding(store: Store, coded: Any) -> tuple[float | None, int | None, str | None]:
    """Goldstein value, QuadClass and PLOVER type of the cluster's representative event."""
    row = store.db.execute(
        "SELECT goldstein, quad_class, plover FROM events WHERE article_id = ? AND seq = ?",
        (coded["article_id"], coded["seq"]),
    ).fetchone()
    return (row["goldstein"], row["quad_class"], row["plover"]) if row else (None, None, None)
