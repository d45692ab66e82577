"""What an event takes from the other layers: actor ids and codes, date, place and attribution.

Each lookup uses the richer layer when it is there and degrades cleanly when it is empty:
- actors: the actor whose mention covers the argument's head, else a code derived from the argument text
  (:func:`fallback_code`, a minimal stand-in so the stage can be scored before the actors layer exists);
- date: the times stage's :func:`dateline.stages.times.date_clause`, else a time expression of the sentence,
  else the anchor for a past or present event;
- place: a place of the trigger's clause, else the dateline's place;
- speaker (attribution): the speaker of a quote that contains the trigger, else the subject of a reporting verb
  whose complement holds it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pycountry
from spacy.tokens import Doc, Token

from dateline.model import Article, EventActor, Quote
from dateline.stages.events.extract import AGENT_NOUNS, REPORTING, Argument, actor_argument
from dateline.stages.events.mode import governing_chain
from dateline.stages.places.gazetteer import short_form_not_in_capitals

DateClause = Callable[[Article, Doc, Token], Any]
date_clause: DateClause | None
try:  # the times stage's clause dater, when that stage is installed
    from dateline.stages.times import date_clause
except ImportError:  # pragma: no cover - depends on which stages are present
    date_clause = None

_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_PHRASE_DEPS = frozenset({"pobj", "prep", "acl", "npadvmod", "compound", "nummod", "amod", "appos", "tmod"})
_MAX_HOPS = 8
_ASIDE_PREPS = frozenset({"despite", "since", "after", "before", "prior", "following", "unlike", "amid"})
_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(slots=True)
class ActorIndex:
    """Actor mentions of an article sorted by start, for "which actor covers this token" lookups."""

    starts: list[int]
    spans: list[tuple[int, int, str, str | None]]  # start, end, actor id, actor code
    places: dict[int, str] = field(default_factory=dict)  # start of a resolved toponym -> its country code
    towns: set[int] = field(default_factory=set)  # starts of resolved toponyms below the country level

    @classmethod
    def build(cls, article: Article) -> ActorIndex:
        spans = sorted((m.start, m.end, a.id, a.code) for a in article.actors for m in a.mentions)
        spans += sorted((e.start, e.end, e.actor, _code_of(article, e.actor)) for e in article.entities if e.actor)
        spans.sort()
        places = {p.start: p.country for p in article.places if p.country}
        towns = {p.start for p in article.places if p.feature and p.feature != "country"}
        return cls([s[0] for s in spans], spans, places, towns)

    def is_town(self, token: Token) -> bool:
        """Whether ``token`` starts a place the places layer resolved below the country level ("Raqqa")."""
        return token.idx in self.towns

    def place_country(self, token: Token) -> str | None:
        """The country of a place whose name ends at ``token`` ("a visit to Beijing" -> CHN)."""
        name = [t for t in token.subtree if t.i <= token.i and (t.dep_ == "compound" or t.i == token.i)]
        return next((self.places[t.idx] for t in name if t.idx in self.places), None)

    def covering(self, start: int, end: int) -> tuple[str, str | None] | None:
        """The actor (id, code) of a mention overlapping [start, end), the nearest-starting one."""
        i = bisect_right(self.starts, end - 1)
        while i > 0:
            i -= 1
            s, e, actor, code = self.spans[i]
            if e > start and s < end:
                return actor, code
            if e <= start and start - s > 200:
                break
        return None


def _code_of(article: Article, actor_id: str) -> str | None:
    return next((a.code for a in article.actors if a.id == actor_id), None)


def event_actor(arg: Argument | None, index: ActorIndex) -> EventActor | None:
    """The EventActor of an argument; coordinated heads give "/"-joined ids and codes ("RUSGOV/CHNGOV")."""
    if arg is None:
        return None
    ids: list[str] = []
    codes: list[str] = []
    for head in arg.heads:
        found = index.covering(head.idx, head.idx + len(head)) or _modifier_actor(head, index)
        actor, code = found if found is not None else (None, None)
        code = code or (None if index.spans else fallback_code(head))
        if code is None and head.ent_type_ in _PLACE_LABELS:
            code = index.place_country(head)  # a city as a party stands for its country, as GDELT codes it
        if actor:
            ids.append(actor)
        if code:
            codes.append(code)
    return EventActor("/".join(dict.fromkeys(ids)) or None, "/".join(dict.fromkeys(codes)) or None, arg.text)


def _modifier_actor(head: Token, index: ActorIndex) -> tuple[str, str | None] | None:
    """ "The Australian government": the country named in the head's modifiers, with the head noun's sector
    (AUS + GOV), when no actor mention covers the head itself."""
    for tok in head.children:
        if tok.dep_ not in ("compound", "amod", "nmod") or tok.i > head.i:
            continue
        found = index.covering(tok.idx, tok.idx + len(tok))
        if found is not None:
            actor, code = found
            sector = _SECTOR_OF.get(head.lemma_.lower())
            return actor, (code + sector if code and len(code) == 3 and sector else code)
    return None


# --- Fallback actor codes -------------------------------------------------------------------------------------
# Minimal, used only when the article has no actors layer: a country from a country name or demonym in the
# argument's name, plus a sector from its head noun. The actors stage replaces all of this.

_ALIASES = {
    "us": "USA", "u.s.": "USA", "u.s": "USA", "america": "USA", "american": "USA", "united states": "USA",
    "uk": "GBR", "u.k.": "GBR", "britain": "GBR", "british": "GBR", "england": "GBR", "english": "GBR",
    "russia": "RUS", "russian": "RUS", "turkey": "TUR", "turkish": "TUR", "french": "FRA", "dutch": "NLD",
    "swiss": "CHE", "greek": "GRC", "danish": "DNK", "swedish": "SWE", "polish": "POL", "spanish": "ESP",
    "filipino": "PHL", "philippines": "PHL", "afghan": "AFG", "iraqi": "IRQ", "israeli": "ISR", "thai": "THA",
    "palestinian": "PSE", "palestine": "PSE", "north korean": "PRK", "south korean": "KOR", "korean": "KOR",
    "irish": "IRL", "welsh": "GBR", "scottish": "GBR", "finnish": "FIN", "norwegian": "NOR", "czech": "CZE",
    "german": "DEU", "congolese": "COD", "kurdish": "IRQ", "saudi": "SAU", "emirati": "ARE", "venezuelan": "VEN",
    "iranian": "IRN",
}  # fmt: skip
_SECTORS = {
    "GOV": "government administration ministry minister president premier leader official spokesman spokeswoman "
    "spokesperson diplomat ambassador envoy embassy cabinet chancellor king queen prince regime authority "
    "secretary governor mayor council delegation state",
    "MIL": "army military troop soldier force navy commander general officer junta",
    "COP": "police",
    "REB": "rebel insurgent militant guerrilla fighter separatist militia",
    "OPP": "opposition",
    "BUS": "bank company firm",
    "CVL": "protester demonstrator activist student worker civilian resident villager people citizen crowd",
    "JUD": "court judge prosecutor",
    "LEG": "parliament lawmaker legislator congress senate",
    "MED": "media newspaper journalist",
    "REF": "refugee",
}
_SECTOR_OF = {word: sector for sector, words in _SECTORS.items() for word in words.split()}


def fallback_code(head: Token) -> str | None:
    """A CAMEO-style actor code from the argument's own words: country (name or demonym) + sector."""
    name = [t for t in head.subtree if t.i <= head.i and t.i >= head.left_edge.i]
    country = None
    for tok in name:
        if tok.ent_type_ in ("GPE", "NORP") or tok.pos_ == "PROPN" or tok.dep_ == "amod":
            country = country or country_code(tok.text) or country_code(entity_text(tok))
    sector = _SECTOR_OF.get(head.lemma_.lower()) if head.lemma_.lower() in AGENT_NOUNS else None
    if country is None:
        return None
    return country + (sector or "")


def entity_text(tok: Token) -> str:
    """The text of the entity ``tok`` is part of, or the token's own text."""
    if not tok.ent_type_:
        return tok.text
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent.text if ent is not None else tok.text


@cache
def country_code(name: str) -> str | None:
    """ISO alpha-3 of a country name or demonym ("Russia", "Chinese", "the U.S."), via pycountry."""
    key = re.sub(r"^the\s+", "", name.strip().lower()).removesuffix("'s").removesuffix("’s")
    if not key or not key[0].isalpha() or short_form_not_in_capitals(name):
        return None
    if key in _ALIASES:
        return _ALIASES[key]
    for candidate in (key, *_demonym_stems(key)):
        try:
            return str(pycountry.countries.lookup(candidate).alpha_3)
        except LookupError:
            continue
    return None


def _demonym_stems(word: str) -> list[str]:
    """Country names a demonym may come from ("chinese" -> "china", "ukrainian" -> "ukraine", "german" -> "germany")."""
    stems: list[str] = []
    for suffix, replacements in (
        ("ese", ("a", "")), ("ian", ("ia", "", "e", "a")), ("an", ("a", "y", "")), ("i", ("", "istan")),
        ("ish", ("", "ey", "land")), ("n", ("",)),
    ):  # fmt: skip
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stems.extend(word[: -len(suffix)] + r for r in replacements)
    return stems


# --- Date, place, attribution ---------------------------------------------------------------------------------


def event_date(article: Article, doc: Doc, trigger: Token, mode: str, year: int | None) -> str | None:
    """The event's own date as an ISO value at its precision ("2024-05-16", "2022-02", "2022"), or None."""
    if date_clause is not None:
        found = date_clause(article, doc, trigger)
        value = _date_part(found.value)
        if value and found.how != "tense":
            return value
        if mode == "background":
            return str(year) if year else None
    if year is not None:
        return str(year)
    value = _time_near(article, trigger)
    if value:
        return value
    if mode == "asserted" and article.anchor and trigger.tag_ not in ("MD",):
        return article.anchor
    return None


def _date_part(value: str | None) -> str | None:
    match = _DATE_VALUE.match(value or "")
    return match.group(0) if match else None


def _time_near(article: Article, trigger: Token) -> str | None:
    """A dated time expression of the sentence attached to the trigger's clause through phrases, not clauses
    ("In an interview published on Wednesday, Putin expressed ..." dates the expressing)."""
    chain = {t.i for t in governing_chain(trigger)}
    sent = trigger.sent
    for time in article.times:
        value = _date_part(time.value)
        if not value or time.type not in ("DATE", "TIME") or not sent.start_char <= time.start < sent.end_char:
            continue
        span = trigger.doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is not None and _attached(span.root, chain):
            return value
    return None


def _attached(token: Token, chain: set[int]) -> bool:
    """Whether a time reaches the trigger's chain through phrases only, and not through a phrase that sets up
    another, earlier or contrasting event ("despite ... in February 2022", "prior to ...")."""
    for _ in range(_MAX_HOPS):
        if token.i in chain:
            return True
        if token.dep_ not in _PHRASE_DEPS or token.head.i == token.i or token.lower_ in _ASIDE_PREPS:
            return False
        token = token.head
    return token.i in chain


def event_place(article: Article, trigger: Token, arguments: list[Argument | None]) -> str | None:
    """A place named "in/at/near" the trigger or a word governing it (not a party), else the dateline's place."""
    chain = {t.i for t in governing_chain(trigger)}
    taken = [(a.start, a.end) for a in arguments if a is not None]
    sent = trigger.sent
    spans = [(p.start, p.name or p.text) for p in article.places if sent.start_char <= p.start < sent.end_char]
    if not article.places:
        spans = [(e.start_char, e.text) for e in sent.ents if e.label_ in _PLACE_LABELS]
    for start, name in spans:
        if not any(s <= start < e for s, e in taken) and _place_prep_head(trigger.doc, start) in chain:
            return name
    return article.dateline.place if article.dateline is not None else None


def _place_prep_head(doc: Doc, start: int) -> int | None:
    """The token index a place's "in/at/near" phrase attaches to, or None."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    head = span[0]
    while head.dep_ in ("compound", "amod", "det") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS:
        return head.head.head.i
    return None


def speaker(article: Article, trigger: Token, index: ActorIndex) -> EventActor | None:
    """Whoever the text says stated the event, with an actor id and code where the layers give them (a code read
    off the words when there is no actors layer). The nearest reporting verb speaks before a quote around it:
    in "the rebels announced they will return the weapons, according to reports", the rebels said it."""
    subject = _reporting_subject(trigger)
    nearest = event_actor(actor_argument(subject), index) if subject is not None else None
    if nearest is not None and (nearest.actor is not None or nearest.code is not None):
        return nearest
    quote = _quote_containing(article.quotes, trigger.idx)
    if quote is not None:
        said = quote.speaker
        if said is None:
            return None
        if said.actor is not None:
            return EventActor(said.actor, _code_of(article, said.actor), said.text)
        if said.start is None or said.end is None:
            return None
        span = trigger.doc.char_span(said.start, said.end, alignment_mode="expand")
        return event_actor(Argument([span.root], said.start, said.end), index) if span is not None else None
    return nearest


def _reporting_subject(trigger: Token) -> Token | None:
    """The subject of the reporting verb whose complement holds ``trigger`` ("Finland said it will ...")."""
    tok = trigger
    for _ in range(10):
        if tok.head.i == tok.i:
            break
        if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING:
            return next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        tok = tok.head
    return None


def _quote_containing(quotes: list[Quote], offset: int) -> Quote | None:
    return next((q for q in quotes if q.start <= offset < q.end), None)
