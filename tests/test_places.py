"""Places stage: the gazetteer and context-driven resolution, on hand-built entities (no model needed)."""

from __future__ import annotations

from pathlib import Path

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


def _resolved(text: str, labels: dict[str, str]) -> dict[str, tuple[str | None, str | None]]:
    """Each place's text -> (country, feature)."""
    return {p.text: (p.country, p.feature) for p in resolve(_article(text, labels))}


def test_first_level_divisions_abroad_and_their_kind_words() -> None:
    places = resolve(_article("Floods hit Liaoning and Benue State.", {"Liaoning": "GPE", "Benue State": "GPE"}))
    assert [(p.name, p.country, p.feature) for p in places] == [("Liaoning", "CHN", "adm1"), ("Benue", "NGA", "adm1")]
    assert places[0].lat == pytest.approx(41.0, abs=1.5) and places[0].lon == pytest.approx(122.5, abs=1.5)


def test_british_counties_beat_small_namesakes() -> None:
    found = _resolved("Police in Suffolk and Norfolk searched farms.", {"Suffolk": "GPE", "Norfolk": "GPE"})
    assert found == {"Suffolk": ("GBR", "adm2"), "Norfolk": ("GBR", "adm2")}


def test_us_county_follows_the_named_state() -> None:
    text = "Deputies in Walker County said Alabama roads were closed."
    (county, _state) = resolve(_article(text, {"Walker County": "GPE", "Alabama": "GPE"}))
    assert county.feature == "adm2" and county.lat == pytest.approx(33.8, abs=0.5)


def test_bare_name_of_a_named_county_is_the_county() -> None:
    text = "Officials in DeKalb said DeKalb County schools were closed."
    places = resolve(_article(text, {"DeKalb": "GPE", "DeKalb County": "GPE"}))
    assert {(p.name, p.feature) for p in places} == {("DeKalb County", "adm2")}
    listed = _resolved("Rain fell on Anderson and Henderson counties.", {"Anderson": "GPE", "Henderson": "GPE"})
    assert listed == {"Anderson": ("USA", "adm2"), "Henderson": ("USA", "adm2")}


def test_state_after_a_town_is_the_state_and_abbreviations_are_states() -> None:
    text = "He moved to Albany, New York, from Wheeling, W.Va last year."
    found = _resolved(text, {"Albany": "GPE", "New York": "GPE", "Wheeling": "GPE", "W.Va": "GPE"})
    assert found["New York"] == ("USA", "adm1") and found["W.Va"] == ("USA", "adm1")
    assert _resolved("Crews reached Edmonton, Alta.", {"Edmonton": "GPE", "Alta.": "GPE"})["Alta."] == ("CAN", "adm1")


def test_a_list_of_countries_is_not_a_qualified_town() -> None:
    text = "Trade between Mexico, Canada and Brazil grew."
    found = _resolved(text, {"Mexico": "GPE", "Canada": "GPE", "Brazil": "GPE"})
    assert set(found.values()) == {("MEX", "country"), ("CAN", "country"), ("BRA", "country")}


def test_nearby_towns_decide_a_shared_name() -> None:
    (alone,) = resolve(_article("Workers crossed into Columbus daily.", {"Columbus": "GPE"}))
    assert alone.lat == pytest.approx(40.0, abs=0.2)  # Ohio's, the largest
    text = "Workers from Phenix City crossed into Columbus daily."  # Phenix City is in Alabama, by Columbus, Georgia
    (_phenix, columbus) = resolve(_article(text, {"Phenix City": "GPE", "Columbus": "GPE"}))
    assert columbus.lat == pytest.approx(32.5, abs=0.2)


def test_a_town_near_the_others_does_not_outrank_a_country() -> None:
    found = _resolved("Houston traders watched China. China cut rates.", {"Houston": "GPE", "China": "GPE"})
    assert found["China"] == ("CHN", "country")


def test_capital_is_the_capital_city_not_a_namesake() -> None:
    (place,) = resolve(_article("Talks resumed in Washington.", {"Washington": "GPE"}))
    assert place.feature == "capital" and place.lat == pytest.approx(38.9, abs=0.1)


def test_old_and_alternate_names_rank_below_own_names() -> None:
    (place,) = resolve(_article("Ships left Kaliningrad.", {"Kaliningrad": "GPE"}))
    assert place.name == "Kaliningrad" and place.lon == pytest.approx(20.7, abs=1.0)
    assert gazetteer.lookup("Drug") == ()  # a clipped alternate of Durg is no name of it
    (saint,) = resolve(_article("Ships left St. Petersburg.", {"St. Petersburg": "GPE"}))
    assert saint.country == "RUS"  # "St." for "Saint", and the big city rather than Florida's


def test_a_short_word_not_in_capitals_is_no_country_code() -> None:
    assert gazetteer.country_code("US") == gazetteer.country_code("U.S.") == "USA"
    assert gazetteer.country_code("UAE") == "ARE"
    assert gazetteer.country_code("Us") is None  # "They Can't Stop All of Us"
    assert gazetteer.country_code("us") is None


def test_an_old_name_in_a_country_the_story_is_not_about_gives_way_to_a_place_of_that_name() -> None:
    text = "France beat England at Twickenham on Saturday."
    places = resolve(_article(text, {"France": "GPE", "England": "GPE", "Twickenham": "GPE"}))
    assert [(p.text, p.country) for p in places][-1] == ("Twickenham", "GBR")  # not Huntsville, Alabama
    # an old name that is no place's own keeps its city beside other countries
    places = resolve(_article("Flights from Peking to Tokyo resumed.", {"Peking": "GPE", "Tokyo": "GPE"}))
    assert [p.country for p in places] == ["CHN", "JPN"]


def test_acronyms_are_not_towns_and_place_names_spread_to_other_labels() -> None:
    assert resolve(_article("Reporters of NBC said so.", {"NBC": "ORG"})) == []
    text = "Gainesville reopened, and the city of Gainesville was calm."
    second = text.rindex("Gainesville")
    entities = [Entity(0, 11, "Gainesville", "PERSON"), Entity(second, second + 11, "Gainesville", "GPE")]
    assert [p.start for p in resolve(Article(id="t", text=text, entities=entities))] == [0, second]
    alone = [Entity(0, 11, "Gainesville", "PERSON")]
    assert resolve(Article(id="t", text=text[:21], entities=alone)) == []
    found = _resolved("Edmonton beat the Mudville Nine.", {"Edmonton": "ORG", "Mudville Nine": "ORG"})
    assert found == {"Edmonton": ("CAN", "city")}  # a big city's name as a team stays the city


def test_inverted_iso_names_and_country_points() -> None:
    assert gazetteer.country_code("U.S. Virgin Islands") == "VIR"
    assert gazetteer.country_code("Republic of Korea") == "KOR"
    china = gazetteer.country_entry("CHN")
    assert china is not None and (china.lat, china.lon) == (35.0, 105.0)  # GeoNames' centre, from countries.csv


def test_built_tables_are_kept_on_disk_and_rebuilt_when_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {"tables": len(builds)}

    monkeypatch.setenv("DATELINE_CACHE", str(tmp_path / "cache"))
    assert gazetteer._persisted("t", build) == {"tables": 1}
    assert gazetteer._persisted("t", build) == {"tables": 1}  # read back: not built again
    (kept,) = (tmp_path / "cache").glob("gazetteer-t-*.pickle")
    kept.write_bytes(b"not a pickle")
    assert gazetteer._persisted("t", build) == {"tables": 2}  # damaged: built again and replaced
    assert gazetteer._persisted("t", build) == {"tables": 2}
    monkeypatch.setenv("DATELINE_CACHE", "off")
    assert gazetteer._persisted("t", build) == {"tables": 3} and gazetteer.cache_dir() is None
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("DATELINE_CACHE", str(blocked))
    assert gazetteer._persisted("t", build) == {"tables": 4}  # cannot write: still answers


def test_a_planet_is_no_town_unless_qualified() -> None:
    (mars,) = resolve(_article("Rovers will land on Mars in 2030.", {"Mars": "LOC"}))
    assert (mars.name, mars.feature, mars.country, mars.lat) == ("Mars", "celestial", None, None)
    (earth,) = resolve(_article("It is one of Earth's wonders.", {"Earth": "LOC"}))
    assert earth.feature == "celestial" and earth.geonameid is None
    (town, _state) = resolve(_article("A fire in Mars, Pennsylvania.", {"Mars": "GPE", "Pennsylvania": "GPE"}))
    assert town.country == "USA" and town.feature == "city"
