"""Places stage: the gazetteer and context-driven resolution, on hand-built entities (no model needed)."""

from __future__ import annotations

import pytest

from dateline.model import Article, Dateline, Entity
from dateline.stages.places import gazetteer, resolve


def _article(text: str, labels: dict[str, str], dateline: str | None = None) -> Article:
    entities = []
    for name, label in labels.items():
        start = text.index(name)
        entities.append(Entity(start, start + len(name), name, label))
    line = Dateline(dateline, None, 0, 0) if dateline else None
    return Article(id="t", text=text, entities=sorted(entities, key=lambda e: e.start), dateline=line)


def test_country_names_and_demonyms() -> None:
    assert gazetteer.country_code("the U.S.") == "USA"
    assert gazetteer.country_code("Britain") == "GBR"
    assert gazetteer.country_code("ROMANIA") == "ROU"
    assert gazetteer.demonym_code("Chinese") == "CHN"
    assert gazetteer.country_code("Atlantis") is None


def test_countries_resolve_to_a_representative_point() -> None:
    (place,) = resolve(_article("Talks in Kenya.", {"Kenya": "GPE"}))
    assert (place.name, place.country, place.feature) == ("Kenya", "KEN", "country")
    assert place.lat == pytest.approx(1.0) and place.lon == pytest.approx(38.0)
    assert place.geonameid == 192950


def test_population_decides_without_context() -> None:
    (place,) = resolve(_article("She flew to Paris.", {"Paris": "GPE"}))
    assert (place.country, place.feature) == ("FRA", "capital")


def test_qualifier_and_named_state_decide() -> None:
    text = "A fire in Paris, Tennessee."
    place = resolve(_article(text, {"Paris": "GPE", "Tennessee": "GPE"}))[0]
    assert place.country == "USA" and place.lat == pytest.approx(36.3, abs=0.2)


def test_dateline_country_decides() -> None:
    text = "Officials in Georgia met. Tbilisi agreed."
    places = resolve(_article(text, {"Georgia": "GPE", "Tbilisi": "GPE"}))
    assert places[0].country == "GEO"
    us = resolve(_article("Storms hit Georgia and Atlanta.", {"Georgia": "GPE", "Atlanta": "GPE"}, "Atlanta"))
    assert us[0].country == "USA" and us[0].feature == "adm1"


def test_demonyms_embedded_names_and_streets() -> None:
    text = "French envoys met the Texas Department of Transportation in Austin on Congress Avenue."
    labels = {"French": "NORP", "Texas Department of Transportation": "ORG", "Austin": "GPE", "Congress Avenue": "FAC"}
    places = resolve(_article(text, labels))
    assert [(p.text, p.country) for p in places] == [
        ("French", "FRA"),
        ("Texas", "USA"),
        ("Austin", "USA"),
        ("Congress Avenue", "USA"),
    ]
    assert places[-1].feature == "street" and places[-1].geonameid is None


def test_unknown_names_are_not_places() -> None:
    assert resolve(_article("The Qwertyvania summit.", {"Qwertyvania": "GPE"})) == []
