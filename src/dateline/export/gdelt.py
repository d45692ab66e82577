"""GDELT 2.0 tables: Events (61 columns), Mentions (16) and GKG 2.1 (27), tab-separated, without header.

Files are named as GDELT names its 15-minute updates: ``STAMP.export.CSV``, ``STAMP.mentions.CSV`` and
``STAMP.gkg.csv``, STAMP being the export time (``YYYYMMDDHHMMSS``, UTC). Column names are GDELT's published
header names (:data:`EVENT_COLUMNS`, :data:`MENTION_COLUMNS`, :data:`GKG_COLUMNS`).

How dateline's record maps onto GDELT's (where GDELT has no counterpart, the field is empty):

- one Events row per canonical event (cluster) that happened: mode ``asserted`` or ``background``. GDELT has no
  field for a mode, so a negated, hypothetical or planned event would read as one that happened; those stay in
  the store and the Parquet export. GLOBALEVENTID is the cluster id. SQLDATE is the event's own date; a week,
  month or year becomes its first day, an undated event its article's date.
- Actor codes are split into country, known group and up to three type codes ("IGOWSTNAT": type IGO, known
  group NAT). Coordinated actors ("RUSGOV/CHNGOV") cannot be one GDELT actor: the first code stands for them.
- Geo fields use FIPS 10-4 country codes (``resources/fips10_4.csv``) as GDELT does; FeatureID is the GeoNames id.
  Actor geo is the actor's country (no coordinates); ActionGeo is the event's resolved place.
- AvgTone and MentionDocTone are the article tone on GDELT's scale (:func:`dateline.stages.tone.to_avgtone`).
- Mentions carry dateline's character offsets (Python ``str`` indices into the article text), SentenceID is
  1-based, Confidence is a percentage.
- GKG: themes come from event codes (a few CAMEO codes map to GKG themes, :data:`THEMES`); locations, persons,
  organisations, dates, quotations and names come from the article's layers with their offsets.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.aggregate import dates
from dateline.aggregate.schema import require
from dateline.store import Store

_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code",
    "Type2Code", "Type3Code",
)  # fmt: skip
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{x}" for x in _ACTOR), *(f"Actor2{x}" for x in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{x}" for x in _GEO), *(f"Actor2Geo_{x}" for x in _GEO), *(f"ActionGeo_{x}" for x in _GEO),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip
GKG_COLUMNS: tuple[str, ...] = (
    "GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME", "V2DOCUMENTIDENTIFIER",
    "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES", "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS",
    "V2ENHANCEDPERSONS", "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES", "V2GCAM",
    "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS", "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS",
    "V2.1ALLNAMES", "V2.1AMOUNTS", "V2.1TRANSLATIONINFO", "V2EXTRASXML",
)  # fmt: skip

#: CAMEO actor type and role codes (CAMEO 1.1b3, ch. 3). A first code that is none of these is a country or region;
#: any other code after it is a known group.
ACTOR_TYPES = frozenset(
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD "  # noqa: SIM905
    "AMN IRC GRP PTY IGO IMG INT NGO NGM MNC PKO SET UIS".split()
)
#: CAMEO event-code prefixes and the GKG theme each one names (longest prefix wins).
THEMES = {
    "046": "NEGOTIATIONS", "0871": "CEASEFIRE", "14": "PROTEST", "15": "MILITARY", "163": "SANCTIONS",
    "173": "ARREST", "18": "ARMEDCONFLICT", "19": "ARMEDCONFLICT", "1823": "KILL", "186": "KILL", "20": "KILL",
}  # fmt: skip
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW")


@cache
def fips_table() -> dict[str, tuple[str, str]]:
    """ISO 3166-1 alpha-3 -> (FIPS 10-4 code, country name), from ``resources/fips10_4.csv``."""
    text = resources.files("dateline").joinpath("resources/fips10_4.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return {row["iso3"]: (row["fips"], row["name"]) for row in csv.DictReader(lines)}


def fips(iso3: str | None) -> str:
    """The FIPS 10-4 code of an ISO3 country, or "" when unknown."""
    return fips_table().get(iso3 or "", ("", ""))[0]


def split_actor(code: str | None) -> tuple[str, str, str, list[str]]:
    """(first code, country, known group, type codes) of a CAMEO actor code; coordinated codes keep the first."""
    first = (code or "").split("/")[0].strip()
    chunks = [first[i : i + 3] for i in range(0, len(first), 3)]
    country = chunks.pop(0) if chunks and chunks[0] not in ACTOR_TYPES else ""  # a country or a region (AFR)
    types = [c for c in chunks if c in ACTOR_TYPES][:3]
    groups = [c for c in chunks if c not in ACTOR_TYPES]
    return first, country, groups[-1] if groups else "", types


def theme(cameo: str | None) -> str | None:
    """The GKG theme of a CAMEO code, when :data:`THEMES` has one."""
    matches = [prefix for prefix in THEMES if cameo and cameo.startswith(prefix)]
    return THEMES[max(matches, key=len)] if matches else None


def clean(value: Any) -> str:
    """A field value on one line, without tabs (GDELT files have no quoting)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else str(int(value))
    return re.sub(r"[\t\r\n]+", " ", str(value)).strip()


def item(value: Any) -> str:
    """A value inside a GKG list field, without the list delimiters ; # , |."""
    return re.sub(r"[;#,|]", " ", clean(value)).strip()


def stamp(moment: float | datetime | None) -> str:
    """GDELT's YYYYMMDDHHMMSS (UTC) of an epoch time or a datetime."""
    if moment is None:
        return ""
    when = moment if isinstance(moment, datetime) else datetime.fromtimestamp(moment, UTC)
    return when.strftime("%Y%m%d%H%M%S")


def published_stamp(published: str | None, fallback: float) -> str:
    """The article's publication time as YYYYMMDDHHMMSS (a bare date at midnight), else the fallback time."""
    if published:
        digits = re.sub(r"\D", "", published)[:14]
        if len(digits) >= 8:
            return digits.ljust(14, "0")
    return stamp(fallback)


# -- events -----------------------------------------------------------------------------------------------------

_EVENTS_SQL = """
SELECT c.*, fa.anchor, e.source, e.target, json_extract(e.sentence, '$.start') AS sentence_start,
    coalesce(nullif(instr(ar.text, char(10) || char(10)), 0), length(ar.text)) AS lead_end,
    (SELECT name FROM actors x WHERE x.article_id = m.article_id AND x.id = json_extract(e.source, '$.actor'))
        AS source_name,
    (SELECT name FROM actors x WHERE x.article_id = m.article_id AND x.id = json_extract(e.target, '$.actor'))
        AS target_name
FROM clusters c JOIN mentions m ON m.event_id = c.event_id
JOIN events e ON e.article_id = m.article_id AND e.seq = m.seq
JOIN articles ar ON ar.id = m.article_id LEFT JOIN articles fa ON fa.id = c.first_article
WHERE c.mode IN ('asserted', 'background')
ORDER BY c.id
"""


def event_rows(store: Store) -> Iterator[list[str]]:
    """One GDELT Events row per cluster, in :data:`EVENT_COLUMNS` order."""
    for row in store.db.execute(_EVENTS_SQL):
        day = _sqldate(row)
        cameo = row["cameo"] or ""
        source, target = _side_code(row["source"], row["source_code"]), _side_code(row["target"], row["target_code"])
        values: list[Any] = [
            row["id"], day.strftime("%Y%m%d"), day.strftime("%Y%m"), day.year,
            round(day.year + (day.timetuple().tm_yday - 1) / 365, 4),
            *_actor_fields(source, row["source_name"], row["source"]),
            *_actor_fields(target, row["target_name"], row["target"]),
            int((row["sentence_start"] or 0) < row["lead_end"]), cameo, cameo[:3], cameo[:2], row["quad_class"],
            row["goldstein"], row["num_mentions"], row["num_sources"], row["num_articles"], row["avg_tone"],
            *_country_geo(source), *_country_geo(target), *_place_geo(row),
            stamp(row["added"]), row["source_url"] or f"dateline:{row['first_article']}",
        ]  # fmt: skip
        yield [clean(v) for v in values]


def _sqldate(row: Any) -> date:
    if row["precision"]:
        return dates.gdelt_day(dates.Dated(row["date"], row["precision"], row["lo"], row["hi"]))
    if row["anchor"]:
        return date.fromisoformat(row["anchor"][:10])
    return datetime.fromtimestamp(row["added"], UTC).date()


def _side_code(side: str | None, fallback: str | None) -> str | None:
    """The representative event's own actor code, which keeps the order of coordinated actors as written."""
    return (json.loads(side).get("code") if side else None) or fallback


def _actor_fields(code: str | None, name: str | None, side: str | None) -> list[Any]:
    first, country, group, types = split_actor(code)
    text = name or (json.loads(side).get("text") if side else None)
    types = [*types, "", "", ""][:3]
    return [first, (text or "").upper() if first or text else "", country, group, "", "", "", *types]


def _country_geo(code: str | None) -> list[Any]:
    _, country, _, _ = split_actor(code)
    if country not in fips_table():
        return [0, "", "", "", "", "", "", ""]
    fips_code, name = fips_table()[country]
    return [1, name, fips_code, fips_code, "", "", "", ""]


def _place_geo(row: Any) -> list[Any]:
    if not row["place"]:
        return [0, "", "", "", "", "", "", ""]
    code = fips(row["place_country"])
    kind = _geo_type(row["feature"], row["place_country"])
    return [kind, row["place"], code, code, "", row["lat"], row["lon"], row["geonameid"]]


def _geo_type(feature: str | None, country: str | None) -> int:
    """GDELT's geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1)."""
    if feature == "country":
        return 1
    if feature == "adm1":
        return 2 if country == "USA" else 5
    return 3 if country == "USA" else 4


# -- mentions ---------------------------------------------------------------------------------------------------

_MENTIONS_SQL = """
SELECT m.cluster_id, c.added AS cluster_added, m.added, m.outlet, m.confidence, m.doc_tone, ar.id AS article_id,
    ar.url, ar.published, length(ar.text) AS doc_len,
    (SELECT count(*) FROM sentences s WHERE s.article_id = m.article_id
        AND s.start <= json_extract(e.sentence, '$.start')) AS sentence_no,
    json_extract(e.sentence, '$.start') AS sentence_start, json_extract(e.trigger, '$.start') AS action,
    instr(substr(ar.text, json_extract(e.sentence, '$.start') + 1), json_extract(e.source, '$.text')) AS source_at,
    instr(substr(ar.text, json_extract(e.sentence, '$.start') + 1), json_extract(e.target, '$.text')) AS target_at
FROM mentions m JOIN clusters c ON c.id = m.cluster_id JOIN events e ON e.article_id = m.article_id AND e.seq = m.seq
JOIN articles ar ON ar.id = m.article_id
WHERE c.mode IN ('asserted', 'background')
ORDER BY m.cluster_id, m.article_id, m.seq
"""


def mention_rows(store: Store, avgtone_scale: float) -> Iterator[list[str]]:
    """One GDELT Mentions row per mention, in :data:`MENTION_COLUMNS` order."""
    for row in store.db.execute(_MENTIONS_SQL):
        tone = avgtone_scale * row["doc_tone"] if row["doc_tone"] is not None else None
        values: list[Any] = [
            row["cluster_id"], stamp(row["cluster_added"]), published_stamp(row["published"], row["added"]), 1,
            row["outlet"], row["url"] or f"dateline:{row['article_id']}", max(row["sentence_no"], 1),
            _offset(row, "source_at"), _offset(row, "target_at"), row["action"], 1,
            round(100 * (row["confidence"] or 0)), row["doc_len"], tone, "", "",
        ]  # fmt: skip
        yield [clean(v) for v in values]


def _offset(row: Any, column: str) -> int:
    found = row[column]
    return row["sentence_start"] + found - 1 if found else -1


# -- GKG --------------------------------------------------------------------------------------------------------


def gkg_rows(store: Store, export_stamp: str, avgtone_scale: float) -> Iterator[list[str]]:
    """One GKG 2.1 row per article, in :data:`GKG_COLUMNS` order."""
    from dateline.aggregate.clusters import outlet

    for number, article in enumerate(store.articles()):
        document = article.url or f"dateline:{article.id}"
        themes = [(t, e.trigger.start) for e in article.events if (t := theme(e.cameo))]
        persons = _names(article, "person")
        organisations = _names(article, "organisation")
        source_name = outlet(article.url, article.source, article.outlet)
        values: list[Any] = [
            f"{export_stamp}-{number}", published_stamp(article.published, 0), 1, source_name,
            document, "", "", ";".join(dict.fromkeys(t for t, _ in themes)), ";".join(f"{t},{o}" for t, o in themes),
            ";".join(_location(p, enhanced=False) for p in article.places if p.lat is not None),
            ";".join(_location(p, enhanced=True) for p in article.places if p.lat is not None),
            ";".join(dict.fromkeys(n for n, _ in persons)), ";".join(f"{n},{o}" for n, o in persons),
            ";".join(dict.fromkeys(n for n, _ in organisations)), ";".join(f"{n},{o}" for n, o in organisations),
            _tone(article, avgtone_scale), _dates(article), "", "", "", "", "", _quotations(article),
            ";".join(f"{item(e.text)},{e.start}" for e in article.entities if e.label in NAME_LABELS), "", "",
            f"<PAGE_TITLE>{item(article.title)}</PAGE_TITLE>" if article.title else "",
        ]  # fmt: skip
        yield [clean(v) for v in values]


def _names(article: Any, kind: str) -> list[tuple[str, int]]:
    return [(item(a.name), a.mentions[0].start) for a in article.actors if a.type == kind and a.mentions]


def _location(place: Any, *, enhanced: bool) -> str:
    code = fips(place.country)
    kind = _geo_type(place.feature, place.country)
    name = item(place.name or place.text)
    if enhanced:
        return f"{kind}#{name}#{code}#{code}##{place.lat}#{place.lon}#{place.geonameid or ''}#{place.start}"
    return f"{kind}#{name}#{code}#{code}#{place.lat}#{place.lon}#{place.geonameid or ''}"


def _tone(article: Any, scale: float) -> str:
    """V1.5TONE: tone, positive score, negative score, polarity, activity density, self/group density, words."""
    words = len(article.text.split())
    scores = [s["score"] for s in article.tone.get("sentences", []) if s.get("score") is not None]
    positive = scale * sum(max(s, 0) for s in scores) / len(scores) if scores else 0.0
    negative = scale * sum(max(-s, 0) for s in scores) / len(scores) if scores else 0.0
    tone = scale * (article.tone.get("score") or 0.0)
    activity = 100 * len(article.events) / words if words else 0.0
    return ",".join(clean(round(x, 4)) for x in (tone, positive, negative, positive + negative, activity, 0.0)) + (
        f",{words}"
    )


def _dates(article: Any) -> str:
    """V2.1ENHANCEDDATES: resolution#month#day#year#offset (4 full date, 2 month and year, 1 year)."""
    found = []
    for time in article.times:
        dated = dates.parse(time.value) if time.type == "DATE" else None
        if dated is None or dated.precision == "week":
            continue
        day = date.fromordinal(dated.lo)
        resolution, month, dom = {"day": (4, day.month, day.day), "month": (2, day.month, 0)}.get(
            dated.precision, (1, 0, 0)
        )
        found.append(f"{resolution}#{month}#{dom}#{day.year}#{time.start}")
    return ";".join(found)


def _quotations(article: Any) -> str:
    """V2.1QUOTATIONS: offset|length|verb|quote, records joined with #."""
    return "#".join(
        f"{q.start}|{q.end - q.start}|{item(q.cue.text if q.cue else '')}|{re.sub(r'[#|]', ' ', clean(q.text))}"
        for q in article.quotes
    )


# -- files ------------------------------------------------------------------------------------------------------


def export_gdelt(store: Store, out: Path, *, when: datetime | None = None) -> dict[str, Path]:
    """Write the Events, Mentions and GKG files of ``store`` into ``out``; return their paths by table."""
    from dateline.stages.tone import AVGTONE_SCALE  # imported here: the tone module loads spaCy

    require(store)
    out.mkdir(parents=True, exist_ok=True)
    prefix = stamp(when or datetime.now(UTC))
    paths = {
        "events": out / f"{prefix}.export.CSV",
        "mentions": out / f"{prefix}.mentions.CSV",
        "gkg": out / f"{prefix}.gkg.csv",
    }
    _write(paths["events"], event_rows(store))
    _write(paths["mentions"], mention_rows(store, AVGTONE_SCALE))
    _write(paths["gkg"], gkg_rows(store, prefix, AVGTONE_SCALE))
    return paths


def _write(path: Path, rows: Iterator[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        for row in rows:
            handle.write("\t".join(row) + "\n")
