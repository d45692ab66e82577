"""Places stage: every GPE/LOC/FAC mention that names a place, resolved to a gazetteer entry (name, ISO3 country,
lat/lon, GeoNames id, feature kind).

Mentions come from the entities layer: GPE/LOC/FAC names; demonyms ("French", "Chinese"), which stand for their
country; names spaCy labelled ORG or PERSON that follow a locative preposition ("police in Sevierville") or that
the article also names as a place; a whole ORG name that is a country, a state or a city of half a million
("Edmonton" beat Calgary: news metonymy, still the place); and place names inside an organisation's name
("Kentucky Department of Education"). Streets, and US counties the gazetteer lacks, are placed at the article's
focus (its most named city in the same country or state), with no GeoNames id: approximate, but right to within a
city for local news.

Every mention of one name gets the same reading, decided by the article in two passes. Each reading scores its
prior (feature kind, and population on a log scale), plus bonuses when its country or US state is what the
article's other names point to (each name's belief spread over its readings by prior), when its country is the
dateline's, and when the text qualifies it ("Paris, Texas", "Rome, Ga.", "Albany, New York" for the state). The
second pass adds a bonus for towns near the places the first pass chose for the other names, or near any reading
of them ("Columbus" beside Phenix City is the Georgia one): it settles local news, but never lets a town outrank
a country, sea or state of the same name. A bare name the article also gives as a county ("DeKalb", "DeKalb
County"; "Anderson and Henderson counties") is that county. The gazetteer is
:mod:`dateline.stages.places.gazetteer`, loaded once per process.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from dateline.model import Article, Entity, Place
from dateline.stages import Stage
from dateline.stages.places import gazetteer
from dateline.stages.places.gazetteer import GeoEntry, words

__all__ = ["Places", "resolve"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

# AP-style state abbreviations, as newspapers write them after a town ("Sevierville, Tenn."), Canadian and
# Australian ones as their papers do, and "D.C." for the capital.
_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi",
    "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska", "Nev.": "Nevada",
    "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York",
    "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Oreg.": "Oregon",
    "Pa.": "Pennsylvania", "Penn.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia",
    "Wash.": "Washington", "W.Va.": "West Virginia", "W. Va.": "West Virginia", "Wis.": "Wisconsin",
    "Wisc.": "Wisconsin", "Wyo.": "Wyoming", "D.C.": "Washington",
    "Alta.": "Alberta", "B.C.": "British Columbia", "Man.": "Manitoba", "Sask.": "Saskatchewan", "Ont.": "Ontario",
    "Que.": "Quebec", "N.S.": "Nova Scotia", "N.B.": "New Brunswick", "Nfld.": "Newfoundland",
    "P.E.I.": "Prince Edward Island", "NSW": "New South Wales", "N.S.W.": "New South Wales", "Qld": "Queensland",
}  # fmt: skip
# The tokenizer often leaves the final period out of an entity ("W.Va"): accept those forms of dotted names too.
_ABBREVIATIONS |= {k[:-1]: v for k, v in _ABBREVIATIONS.items() if k.endswith(".") and "." in k[:-1]}

# How much a big, general entry outweighs a town of the same name: a country named "Georgia" beats a US town,
# a first-level division beats all but large cities.
_FEATURE_BASE = {"country": 9.0, "adm1": 6.5, "continent": 9.0, "region": 7.0, "capital": 1.0, "city": 0.0}
_POPULATION = 1.0  # weight of a town's population (log10)
_COUNTRY_NAMED = 3.0
_DATELINE_COUNTRY = 2.5
_STATE_NAMED = 2.5
_QUALIFIED = 8.0
_NEAR = 1.5  # per other name placed within _NEAR_KM, up to _NEAR_CAP names
_NEAR_KM = 150.0
_NEAR_CAP = 2
_CELL_DEGREES = 0.5  # grid cells for "has a reading near": about 55 km, so the 3 x 3 cells around are 80-160 km
_POINT_FEATURES = frozenset({"city", "capital", "adm2"})
_LARGE_FEATURES = frozenset({"country", "continent", "region"})
_ALTERNATE = 2.0  # a city reached through an alternate name ("Kaliningrad" is also Korolev's old name)
_MAX_CANDIDATES = 40  # the likeliest entries of a very common name ("Springfield") are plenty


@dataclass(slots=True)
class Evidence:
    """What one name says about where the article is: a share of belief per country and per US state."""

    countries: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    states: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))


@dataclass(slots=True)
class Context:
    """The evidence of every name in the article (by key), its sums and the dateline's country; for the second
    pass, the readings the first chose and the grid cells of every name's towns (by key)."""

    evidence: dict[str, Evidence]
    countries: dict[str, float]
    states: dict[str, float]
    dateline_country: str | None
    chosen: dict[str, GeoEntry] = field(default_factory=dict)
    cells: dict[str, frozenset[tuple[int, int]]] = field(default_factory=dict)  # grid cells of each name's towns

    def country_support(self, country: str | None, key: str) -> float:
        """How much the article's other names point to ``country`` (own name left out)."""
        own = self.evidence.get(key)
        return self.countries.get(country or "", 0.0) - (own.countries.get(country or "", 0.0) if own else 0.0)

    def state_support(self, state: str | None, key: str) -> float:
        own = self.evidence.get(key)
        return self.states.get(state or "", 0.0) - (own.states.get(state or "", 0.0) if own else 0.0)


@dataclass(slots=True)
class Name:
    """One place name of the article: its mentions, its candidate entries and the ones a qualifier allows."""

    key: str
    mentions: list[Entity]
    entries: tuple[GeoEntry, ...]
    qualified: tuple[GeoEntry, ...] = ()
    alternate: frozenset[GeoEntry] = frozenset()  # readings only through a city's alternate name

    def prior(self, entry: GeoEntry) -> float:
        return _prior(entry) - (_ALTERNATE if entry in self.alternate else 0.0)


class Places(Stage):
    """Adds ``places``: the resolved toponyms, in text order."""

    name = "places"
    requires = ("entities",)
    assigns = ("places",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        article.places = resolve(article)


_COUNTIES = re.compile(r"(?: (?:and|or|,) [A-Z][\w.'-]*(?: [A-Z][\w.'-]*)?)? [Cc]ounties\b")
_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "outside", "into", "across", "around", "of"})
_STREET_WORDS = words(
    """
    street st st. road rd rd. avenue ave ave. boulevard blvd drive lane highway freeway parkway way square
    """
)
_EMBEDDED_FEATURES = frozenset({"country", "adm1"})
_BIG_CITY = 500_000  # a whole ORG name that is a city this big is taken as the place
_EMBEDDED_CITY = 100_000  # a city this big inside an organisation's name is taken as a place


def resolve(article: Article) -> list[Place]:
    """Resolve the article's place mentions against the gazetteer, using the article as context."""
    names, unplaced, celestial = _names(article)
    context = _context(article, names)
    context.chosen = {n.key: _best(n, context) for n in names}  # first pass: names and dateline only
    context.cells = {n.key: frozenset(_cell(e) for e in n.entries if e.feature in _POINT_FEATURES) for n in names}
    final = {n.key: _best(n, context) for n in names}  # second pass: nearness to the first pass's places too
    for name in names:
        if _contradicted_alternate(name, final[name.key], context):
            final[name.key] = _best(_own_readings(name), context)
    places = [_place(m, final[n.key]) for n in names for m in n.mentions]
    places.extend(_local_places(unplaced, places, context))
    return sorted([*places, *celestial], key=lambda p: p.start)


#: Names of the solar system that small towns also bear ("Earth, Texas", "Mars, Pennsylvania"): in news they are
#: nearly always the planet or the moon, a place with no point on the map. A town of that name must be qualified
#: ("Mars, Pa.") to be read as one.
_HEAVENLY = frozenset({"earth", "the earth", "moon", "the moon", "mars", "venus", "jupiter", "saturn", "pluto", "sun"})


def _heavenly(text: str, mention: Entity) -> bool:
    return gazetteer.normalise(mention.text) in _HEAVENLY and not text[mention.end : mention.end + 2].startswith(",")


def _celestial(mention: Entity) -> Place:
    name = mention.text.removeprefix("the ").removeprefix("The ")
    return Place(mention.start, mention.end, mention.text, name, feature="celestial")


def _names(article: Article) -> tuple[list[Name], list[Entity], list[Place]]:
    """The article's place names grouped by key, the mentions the gazetteer does not know, and the celestial
    places (which need no resolving)."""
    grouped: dict[str, Name] = {}
    unplaced = []
    celestial = []
    previous: Name | None = None
    for mention in place_mentions(article):
        if _heavenly(article.text, mention):
            celestial.append(_celestial(mention))  # placed apart, with no point on the map
            continue
        entries = entries_for(mention)
        if not entries:
            unplaced.append(mention)
            continue
        counties = () if any(_large(e) for e in entries) else _county_reading(article.text, mention)
        entries = counties or entries
        key = _key(mention) + (" county" if counties else "")
        if key not in grouped:
            alternate = gazetteer.by_alternate_name(_expand(mention.text)) if mention.label != "NORP" else frozenset()
            grouped[key] = Name(key, [], _likeliest(entries), alternate=alternate)
        name = grouped[key]
        name.mentions.append(mention)
        if not name.qualified:
            name.qualified = _qualified(article.text, mention, name, previous)
        previous = name
    _merge_counties(grouped)
    return list(grouped.values()), unplaced, celestial


def _county_reading(text: str, mention: Entity) -> tuple[GeoEntry, ...]:
    """The counties a bare name stands for in "Anderson and Henderson counties" (both names), else ()."""
    after = text[mention.end : mention.end + 40]
    if not _COUNTIES.match(after):
        return ()
    return tuple(e for e in gazetteer.lookup(f"{mention.text} County") if e.feature == "adm2")


def _merge_counties(grouped: dict[str, Name]) -> None:
    """A bare name the article also gives as a county ("DeKalb" beside "DeKalb County") is that county."""
    for key, name in grouped.items():
        county = grouped.get(f"{key} county")
        if county is not None and not key.endswith(" county"):
            name.entries, name.qualified, name.alternate = county.entries, county.qualified, county.alternate
            name.key = county.key  # one reading for both: they share a key's evidence


def _qualified(text: str, mention: Entity, name: Name, previous: Name | None) -> tuple[GeoEntry, ...]:
    """The readings the text itself allows, or (): a town followed by its state or country ("Paris, Texas"), or
    that state or country itself, right after a town inside it ("Albany, New York" -> the state)."""
    if previous is not None and previous.mentions[-1].end == mention.start - 2 and text[mention.start - 2] == ",":
        regions = tuple(e for e in name.entries if e.feature in {"country", "adm1"})
        if any(_inside(e, r) for e in previous.entries for r in regions):
            return regions
    if any(e.feature in _LARGE_FEATURES for e in name.entries):
        return ()  # "Mexico, Canada and ...": a list of countries, not a qualified town
    qualifier = _qualifier(text, mention)
    return tuple(e for e in name.entries if any(_inside(e, q) for q in qualifier))


def _key(mention: Entity) -> str:
    if mention.label == "NORP":
        return f"norp:{gazetteer.demonym_code(mention.text)}"
    return gazetteer.normalise(_expand(mention.text))


def _likeliest(entries: tuple[GeoEntry, ...]) -> tuple[GeoEntry, ...]:
    if len(entries) <= _MAX_CANDIDATES:
        return entries
    return tuple(sorted(entries, key=_prior, reverse=True)[:_MAX_CANDIDATES])


def entries_for(mention: Entity) -> tuple[GeoEntry, ...]:
    """The gazetteer entries a mention may refer to; a demonym refers to its country."""
    if mention.label == "NORP":
        iso3 = gazetteer.demonym_code(mention.text)
        entry = gazetteer.country_entry(iso3) if iso3 else None
        return (entry,) if entry is not None else ()
    text = _expand(mention.text)
    entries = gazetteer.lookup(text) or gazetteer.lookup_division(text)
    if mention.text in _ABBREVIATIONS and text != "Washington":  # "N.Y." is the state, never the city
        entries = tuple(e for e in entries if e.feature == "adm1")
    if _is_acronym(text):  # "NBC", "APC": only a country or a state goes by a short all-capital name
        entries = tuple(e for e in entries if e.feature not in _POINT_FEATURES)
    return entries


def _expand(text: str) -> str:
    text = text[4:] if text.lower().startswith("the ") else text
    return _ABBREVIATIONS.get(text, text)


def _is_acronym(text: str) -> bool:
    return text.isupper() and len(text.replace(".", "")) <= 4


def place_mentions(article: Article) -> list[Entity]:
    """The entities (or parts of them) that may name a place, in text order."""
    named = {gazetteer.normalise(e.text) for e in article.entities if e.label in PLACE_LABELS}
    found: list[Entity] = []
    for entity in article.entities:
        if _may_be_place(article.text, entity, named):
            found.append(entity)
        if entity.label in {"ORG", "FAC"}:
            found.extend(_embedded(entity))
    return found


def _may_be_place(text: str, entity: Entity, named: set[str]) -> bool:
    if entity.label in PLACE_LABELS:
        return True
    if entity.label == "NORP":
        return gazetteer.demonym_code(entity.text) is not None
    if entity.label not in {"ORG", "PERSON"}:
        return False
    # A name the article also uses as a place is one here too ("Gainesville" tagged as a person once).
    if _after_locative(text, entity.start) or gazetteer.normalise(entity.text) in named:
        return True
    return entity.label == "ORG" and _is_big_place(entity.text)


def _is_big_place(name: str) -> bool:
    """A country, a well-known division or a city of _BIG_CITY people (not an acronym: "NBC" is no town)."""
    return not _is_acronym(name) and any(_large(e) or e.population >= _BIG_CITY for e in gazetteer.lookup(name))


def _after_locative(text: str, start: int) -> bool:
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1] in _LOCATIVE


def _embedded(entity: Entity) -> list[Entity]:
    """Country and first-level division names inside an organisation's name, as their own mentions."""
    found, offset, covered = [], 0, 0
    words = entity.text.split(" ")
    for i, word in enumerate(words):
        for width in (3, 2, 1) if i >= covered else ():  # words inside a name found already are skipped
            name = " ".join(words[i : i + width])
            if len(words[i : i + width]) == width and _is_region(name):
                start = entity.start + offset
                found.append(Entity(start, start + len(name), name, "GPE"))
                covered = i + width
                break
        offset += len(word) + 1
    return [e for e in found if (e.start, e.end) != (entity.start, entity.end)]


def _is_region(name: str) -> bool:
    if not name[:1].isupper() or _is_acronym(name):
        return False
    if name.endswith(" County") and gazetteer.normalise(name) in gazetteer.us_counties():
        return True
    return any(
        (e.feature in _EMBEDDED_FEATURES and not e.derived) or (e.feature != "adm2" and e.population >= _EMBEDDED_CITY)
        for e in gazetteer.lookup(name)
    )


def _local_places(mentions: list[Entity], places: list[Place], context: Context) -> list[Place]:
    """Streets and US counties, placed at the article's focus (see the module docstring)."""
    found = []
    states = {s for s, v in context.states.items() if v >= 1.0}
    for mention in mentions:
        words = mention.text.split()
        if not words or not words[-1][:1].isupper():
            continue
        if words[-1].lower() in _STREET_WORDS:
            focus = _focus(places, None)
            kind = "street"
        elif words[-1] == "County" and gazetteer.normalise(mention.text) in gazetteer.us_counties():
            counties = gazetteer.us_counties()[gazetteer.normalise(mention.text)]
            focus = _focus(places, counties & states or counties) or _state_place(counties & states or counties)
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


def _context(article: Article, names: list[Name]) -> Context:
    """Each name's evidence: its readings weighted by prior (a qualified name by its qualified readings), and the
    dateline's, which counts double."""
    evidence = {n.key: _evidence(n.qualified or n.entries, n.prior) for n in names}
    countries: defaultdict[str, float] = defaultdict(float)
    states: defaultdict[str, float] = defaultdict(float)
    dateline = _dateline_entry(article)
    extra = [_evidence((dateline,), _prior, 2.0)] if dateline else []
    for item in [*evidence.values(), *extra]:
        for country, share in item.countries.items():
            countries[country] += share
        for state, share in item.states.items():
            states[state] += share
    return Context(evidence, countries, states, dateline.country if dateline else None)


def _evidence(entries: tuple[GeoEntry, ...], prior: Callable[[GeoEntry], float], weight: float = 1.0) -> Evidence:
    """Belief spread over a name's readings in proportion to 10**prior (population, for towns of one kind)."""
    top = max(prior(e) for e in entries)
    shares = [(e, 10 ** (prior(e) - top)) for e in entries]
    total = sum(share for _e, share in shares)
    found = Evidence()
    for entry, share in shares:
        if entry.country:
            found.countries[entry.country] += weight * share / total
        state = _state_code(entry)
        if state:
            found.states[state] += weight * share / total
    return found


def _best(name: Name, context: Context) -> GeoEntry:
    qualified = set(name.qualified)
    # Nearness only chooses among towns and counties: a town beside the others never outranks a country, sea or
    # state of the same name ("China", Texas, in a Houston story about China).
    near = context if not any(_large(e) for e in name.entries) else None
    return max(name.entries, key=lambda e: score(e, context, name, e in qualified, near))


def _contradicted_alternate(name: Name, entry: GeoEntry, context: Context) -> bool:
    """A reading reached only through a city's former or alternate name, in a country nothing else in the article
    points to while other names point elsewhere, when the name is also a place's own: "Twickenham" in a rugby
    story from England is the London suburb, not Huntsville, Alabama (once called Twickenham). An old name that
    is no place's own keeps its city ("Peking", "Bombay")."""
    if entry not in name.alternate or entry.country == context.dateline_country:
        return False
    if all(e in name.alternate for e in name.entries):
        return False
    if context.country_support(entry.country, name.key) >= _SUPPORTED:
        return False
    return any(
        context.country_support(country, name.key) >= _SUPPORTED
        for country in context.countries
        if country != entry.country
    )


def _own_readings(name: Name) -> Name:
    """The name with only the places whose own name it is (no city reached through an alternate name)."""
    own = tuple(e for e in name.entries if e not in name.alternate)
    qualified = tuple(e for e in name.qualified if e not in name.alternate)
    return replace(name, entries=own, qualified=qualified, alternate=frozenset())


_SUPPORTED = 0.5  # half a name's belief: a country another name points to (not a namesake town's trace of it)


def _large(entry: GeoEntry) -> bool:
    """A country, continent, sea or well-known first-level division (a US state, a Canadian province...)."""
    return entry.feature in _LARGE_FEATURES or (entry.feature == "adm1" and not entry.derived)


def _prior(entry: GeoEntry) -> float:
    """Likelihood out of context: a feature base, plus population (log scale) for towns, cities and counties,
    and a little of it for divisions whose point we derived (so Victoria in Malta ranks below Australia's)."""
    size = math.log10(entry.population + 1)
    if entry.feature in {"city", "capital"}:
        return _FEATURE_BASE[entry.feature] + _POPULATION * size
    if entry.feature == "adm2":
        return 0.5 + size
    if entry.feature == "adm1" and entry.derived:
        return 4.0 + 0.4 * size
    return _FEATURE_BASE.get(entry.feature, 0.0)


def _state_code(entry: GeoEntry) -> str | None:
    if entry.country != "USA":
        return None
    if entry.feature == "adm1":
        return gazetteer.us_state_codes().get(gazetteer.normalise(entry.name))
    return entry.admin1 if entry.feature in _POINT_FEATURES else None


def dateline_country(article: Article) -> str | None:
    """The country of the article's dateline place, as the gazetteer knows it best ("SANTIAGO" -> CHL)."""
    entry = _dateline_entry(article)
    return entry.country if entry is not None else None


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
    words = [_ABBREVIATIONS.get(w, w) for w in words[:3]]
    for width in (3, 2, 1):
        if len(words) >= width and words[width - 1][:1].isupper():
            entries = gazetteer.lookup(" ".join(words[:width]))
            if entries:
                return tuple(e for e in entries if e.feature in {"country", "adm1"})
    return ()


def score(entry: GeoEntry, context: Context, name: Name, qualified: bool = False, near: Context | None = None) -> float:
    """How likely ``entry`` is the place ``name`` means, given the article (higher is likelier); with ``near``, the
    places the first pass chose count too."""
    key = name.key
    value = name.prior(entry)
    if entry.country:
        value += _COUNTRY_NAMED * min(1.0, context.country_support(entry.country, key))
    if entry.country and entry.country == context.dateline_country:
        value += _DATELINE_COUNTRY
    state = _state_code(entry)
    if state:
        value += _STATE_NAMED * min(1.0, context.state_support(state, key))
    if qualified:
        value += _QUALIFIED
    if near is not None and entry.feature in _POINT_FEATURES:
        value += _NEAR * min(_NEAR_CAP, _near(entry, near, key))
    return value


def _near(entry: GeoEntry, context: Context, key: str) -> float:
    """How many other names the first pass placed within _NEAR_KM of ``entry``; half for a name it placed
    elsewhere that has a reading in the grid cells around ``entry`` (Paris and Henry County, both Tennessee)."""
    found = 0.0
    around = _cells_around(entry)
    for other, chosen in context.chosen.items():
        if other == key:
            continue
        if chosen.feature in _POINT_FEATURES and _km(entry, chosen) <= _NEAR_KM:
            found += 1.0
        elif around & context.cells.get(other, frozenset()):
            found += 0.5
    return found


def _cell(entry: GeoEntry) -> tuple[int, int]:
    return (math.floor(entry.lat / _CELL_DEGREES), math.floor(entry.lon / _CELL_DEGREES))


def _cells_around(entry: GeoEntry) -> frozenset[tuple[int, int]]:
    row, col = _cell(entry)
    return frozenset((row + i, col + j) for i in (-1, 0, 1) for j in (-1, 0, 1))


def _km(a: GeoEntry, b: GeoEntry) -> float:
    """Great-circle distance (haversine; hand-written, as a dependency for five lines is not worth it)."""
    phi1, phi2 = math.radians(a.lat), math.radians(b.lat)
    dphi, dlam = phi2 - phi1, math.radians(b.lon - a.lon)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


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
