"""Actors stage: one actor per real-world participant of an article, with every mention of it, its country, its
CAMEO code and its roles; and ``Entity.actor`` set on the entities linked to one.

Mentions merged into one actor: a person's full name and surname ("Vladimir Putin", "Putin"); ``he``/``his``...
when a person was named in the same or the previous sentence; a title alone that fits one person ("the Chinese
leader", "the president of Russia"); a country's name, and its capital when the capital acts (subject or object,
not after "in"/"to"...), and its demonym where no other actor took it. Unnamed participants are actors too: "an
anonymous Russian official" (a person), "Chinese banks" or "diplomats and analysts" (groups), "the Chinese foreign
ministry" (an organisation).

``code`` is a CAMEO actor code: the country (ISO 3166-1 alpha-3) plus a sector from the role words (GOV, MIL, BUS,
MED, EDU, ...; ``sectors.csv``); international bodies and known groups (Hamas, the Taliban) get theirs from
``igos.csv``, and their country is the one their code names, if any (none for the UN or Al-Qaeda, whatever "of Iraq"
their name holds); a bare name of an office-holder is coded by ``offices.csv`` for the article's date (``USAGOV``
while in office, ``USAELI`` after).

``roles`` convention (plain strings, in this order):

- role words as written: ``"President"``, ``"analyst"``, ``"scholar"``, ``"official"``;
- ``"affiliation:<name>"``: the organisation the person works for ("affiliation:S. Rajaratnam School of
  International Studies");
- ``"based_in:<ISO3>"``: where the person is based ("based_in:SGP");
- ``"anonymous"``: an unnamed source;
- ``"former"``: a known office-holder out of office on the article's date.

Actor ids are ``a1``, ``a2``... in order of first mention, so the same text always gives the same ids.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.model import Actor, Article, Entity, Place, Span
from dateline.stages import Stage
from dateline.stages import entities as entities_stage  # attribute use only at run time: entities imports us
from dateline.stages.actors import knowledge
from dateline.stages.actors.roles import Description, apposition, in_title, premodifiers, read
from dateline.stages.places import dateline_country, gazetteer

__all__ = ["Actors"]

_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
_LOCATIVE = frozenset({"in", "at", "to", "from", "near", "into", "across", "around", "outside", "via", "through"})
_TITLES = frozenset({"president", "leader", "premier", "chancellor", "prime minister", "king", "emir"})
_STATE_SECTORS = frozenset({"GOV", "COP", "MIL", "LEG", "JUD"})  # organs a story's home country has
_TITLED_SECTORS = _STATE_SECTORS | {"OPP"}  # and the sectors of titled people ("Opposition politician X")
_GOVERNMENT_WORDS = frozenset({"government", "administration", "authorities"})
_WEST = frozenset({"west"})


@dataclass(slots=True)
class Draft:
    """An actor being assembled: its key facts and its mention spans (character offsets)."""

    name: str
    type: str
    key: str
    description: Description = field(default_factory=Description)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    code: str | None = None
    named: bool = True

    def add(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))


class Actors(Stage):
    """Adds ``actors`` and fills ``Entity.actor``."""

    name = "actors"
    requires = ("entities", "places")
    assigns = ("actors",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        assert doc is not None
        drafts = _outside_dateline(article, Builder(article, doc).build())
        article.actors = finish(article, drafts)


def _outside_dateline(article: Article, drafts: list[Draft]) -> list[Draft]:
    """Drop mentions inside the dateline: "NAIROBI, Kenya -" says where the story was filed, not who acted."""
    if article.dateline is None:
        return drafts
    start, end = article.dateline.start, article.dateline.end
    kept = []
    for draft in drafts:
        draft.mentions = [(s, e) for s, e in draft.mentions if not (start <= s and e <= end)]
        if draft.mentions:
            kept.append(draft)
    return kept


class Builder:
    """Collects the drafts of one article, one kind of mention at a time."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.drafts: list[Draft] = []
        self.consumed: set[tuple[int, int]] = set()
        self.taken: set[int] = set()  # token indices already part of an actor mention
        self.described: set[int] = set()  # token indices of words describing a named actor (roles, appositions)

    def build(self) -> list[Draft]:
        for entity in self.article.entities:
            if entity.label == "PERSON":
                self._person(entity)
            elif entity.label == "ORG":
                self._organisation(entity)
        self._nominals()
        self._titles()
        for entity in self.article.entities:
            if entity.label in {"GPE", "NORP", "LOC"}:
                self._country(entity)
        self._pronouns()
        self._home_country()
        return [d for d in self.drafts if d.mentions]

    def _home_country(self) -> None:
        """A story about one country: its state organs and officials that name no country are that country's
        ("Police", "the interior ministry", "Congress" in a story datelined Santiago that names no other country).
        When the story names another country, as an actor or a place, only titled people are inferred."""
        line = self.article.dateline
        if line is None:
            return
        home = next((p.country for p in self.article.places if line.start <= p.start < line.end), None)
        home = home or dateline_country(self.article)
        if home is None:
            return
        named = {d.code for d in self.drafts if d.type == "country" and d.mentions}
        placed = {p.country for p in self.article.places if p.country}
        one_country = not (named | placed) - {home}
        for draft in self.drafts:
            description = draft.description
            titled = draft.type == "person" and bool(description.roles) and not description.based_in
            if draft.code is not None or description.sector not in (_TITLED_SECTORS if titled else _STATE_SECTORS):
                continue
            # In any story, a person whose title names no country ("Interior Minister Kithure Kindiki") holds
            # that office where the story is datelined: news names the country of a foreign official's office.
            if one_country or titled:
                description.country = description.country or description.based_in or home

    # People and organisations named.

    def _person(self, entity: Entity) -> None:
        span = self._span(entity)
        if span is None:
            return
        description = premodifiers(self.doc, span.start)
        description.merge(apposition(self.doc, span.end, self.article.entities))
        draft = self._find_person(entity.text) or self._new(entity.text, "person", _person_key(entity.text))
        if len(entity.text.split()) > len(draft.name.split()):
            draft.name = entity.text
        draft.description.merge(description)
        self._claim(draft, span)
        self.described.update(description.tokens)

    def _find_person(self, text: str) -> Draft | None:
        """The person already found whom ``text`` names: the same name, or one word of it ("Lula" of "Luiz Inacio
        Lula da Silva", "Prabowo"); accents do not count ("Inácio" is "Inacio")."""
        words = _name_words(text)
        for draft in self.drafts:
            if draft.type != "person":
                continue
            known = _name_words(draft.name)
            if not words or not known:
                continue
            if words == known or (len(words) == 1 and words[0] in (known[0], known[-1])):
                return draft
            if len(words) == 1 and len(words[0]) > 3 and words[0] in known[1:-1]:
                return draft  # a middle name used alone: "Lula" (short particles such as "da", "bin" never)
            if len(known) == 1 and known[0] in (words[0], words[-1]):
                return draft
        return None

    def _organisation(self, entity: Entity) -> None:
        span = self._span(entity)
        if span is None or in_title(self.doc, span):
            return  # "Secretary of State Mike Pompeo": "State" names the portfolio, not an organisation
        igo = knowledge.igo(entity.text)
        key = igo[0] if igo else gazetteer.normalise(entity.text)
        draft = self._find(key) or self._new(igo[0] if igo else entity.text, "organisation", key)
        if igo:
            draft.code = igo[1]
        description = premodifiers(self.doc, span.start)
        description.merge(_owner(self.doc, span))
        description.merge(_descriptor(self.doc, span, entity.text))
        draft.description.merge(description)
        self._claim(draft, span)

    # Unnamed participants.

    def _nominals(self) -> None:
        """Noun phrases headed by a role word that name no one: officials, banks, a ministry."""
        for i in entities_stage.token_positions(self.doc, _sector_heads()):
            root = self.doc[i]
            if root.pos_ not in {"NOUN", "PROPN"}:
                continue
            chunk = _phrase(self.doc, root)
            sector = knowledge.sector_of([t.text for t in chunk if t.i <= root.i][-2:])
            if sector is None or sector.word.split()[-1] != root.lower_:
                continue  # the role word must head the phrase: not "military" in "military assistance"
            if {root.i} & (self.taken | self.described) or any(_name_word(t) for t in chunk):
                continue
            if root.lower_ in _GOVERNMENT_WORDS or _is_title_alone(chunk):
                continue
            self._nominal(chunk, sector)

    def _nominal(self, chunk: SpacySpan, sector: knowledge.Sector) -> None:
        start = chunk.start
        for token in chunk:
            if token.pos_ not in {"ADJ", "NOUN", "PROPN"} and token.i < chunk.root.i:
                start = token.i + 1  # drop determiners and a leading gerund ("sanctioning Chinese banks")
        description = Description()
        for token in chunk[start - chunk.start :]:
            read(token, description)
        description.sector = sector.code
        description.country = (
            description.country
            or _country_before(chunk)
            or _country_owner(chunk.root)
            or _country_after(chunk.root, self.article.places)
        )
        kind = sector.kind
        if chunk.root.dep_ == "conj" and chunk.root.head.i in self.taken:
            group = self._draft_at(chunk.root.head.i)
            if group is not None and group.type == "group":
                group.name = f"{group.name} and {chunk.text}"
                group.description.merge(description)
                self._claim(group, chunk)
                return
        text = self.doc[start : chunk.end].text
        key = self._role_key(kind, text, description.country, chunk.start)
        draft = self._find(key) or self._new(text, kind, key)
        draft.named = False
        draft.description.merge(description)
        self._claim(draft, chunk if chunk[0].pos_ == "DET" else self.doc[start : chunk.end])

    # Countries and their governments.

    def _country(self, entity: Entity) -> None:
        if any((entity.start, entity.end) == c for c in self.consumed) or self._span(entity) is None:
            return
        text = entity.text[4:] if entity.text.lower().startswith("the ") else entity.text
        if text.lower() in _WEST:
            draft = self._find("group:west") or self._new("the West", "group", "group:west")
            draft.code = "WST"
            self._claim(draft, self._span(entity))
            return
        iso3 = gazetteer.country_code(text) or (gazetteer.demonym_code(text) if entity.label == "NORP" else None)
        if iso3 is None:
            iso3 = self._acting_capital(entity)
        if iso3 is None:
            return
        country = gazetteer.country_entry(iso3)
        draft = self._find(f"country:{iso3}") or self._new(
            country.name if country else text, "country", f"country:{iso3}"
        )
        draft.description.country = iso3
        draft.code = iso3
        self._claim(draft, self._span(entity))

    def _acting_capital(self, entity: Entity) -> str | None:
        """The country of a capital named as an actor ("has not isolated Moscow"), not as a location."""
        place = next((p for p in self.article.places if p.start == entity.start), None)
        if place is None or place.feature != "capital":
            return None
        span = self._span(entity)
        if span is None or span.root.dep_ not in {"nsubj", "dobj", "poss", "nsubjpass", "pobj"}:
            return None
        if span.root.dep_ == "pobj" and span.root.head.lower_ in _LOCATIVE:
            return None
        return place.country

    # Titles and pronouns.

    def _titles(self) -> None:
        """A title alone that fits one person: "the Chinese leader", "the president of Russia"."""
        for token in self.doc:
            if token.lower_ not in _TITLES or token.i in self.taken or token.i in self.described:
                continue
            iso3 = _title_country(self.doc, token)
            people = [d for d in self.drafts if d.type == "person" and d.named and d.description.country == iso3]
            people = [d for d in people if d.description.sector == "GOV"]
            if iso3 is not None and len(people) == 1:
                phrase = _title_phrase(self.doc, token)
                self._claim(people[0], phrase)

    def _pronouns(self) -> None:
        """A personal pronoun goes to the person last named in its own or the previous sentence."""
        sentence_starts = [s.start for s in self.article.sentences]
        events: list[tuple[int, Draft | int]] = [
            (start, d) for d in self.drafts if d.type == "person" for start, _end in d.mentions
        ]
        events += [(self.doc[i].idx, i) for i in entities_stage.token_positions(self.doc, _PRONOUNS)]
        last: tuple[Draft, int] | None = None
        for char, what in sorted(events, key=lambda e: e[0]):
            sentence = bisect.bisect_right(sentence_starts, char)
            if isinstance(what, Draft):
                last = (what, sentence)
            elif last is not None and sentence - last[1] <= 1 and self.doc[what].pos_ == "PRON":
                self._claim(last[0], self.doc[what : what + 1])

    # Bookkeeping.

    def _span(self, entity: Entity) -> SpacySpan | None:
        return self.doc.char_span(entity.start, entity.end, alignment_mode="expand")

    def _new(self, name: str, kind: str, key: str) -> Draft:
        draft = Draft(name, kind, key)
        self.drafts.append(draft)
        return draft

    def _role_key(self, kind: str, text: str, country: str | None, at: int) -> str:
        """The key of an unnamed role: one actor per role and country ("Armenia's defence ministry" and
        "Azerbaijan's defence ministry" are two); a role with no country named joins the only one of that role."""
        if kind == "person":
            return f"person:{at}"
        base = gazetteer.normalise(text)
        if country:
            return f"{kind}:{country}:{base}"
        same = [d.key for d in self.drafts if d.key.startswith(f"{kind}:") and d.key.endswith(f":{base}")]
        return same[0] if len(same) == 1 else f"{kind}:{base}"

    def _find(self, key: str) -> Draft | None:
        return next((d for d in self.drafts if d.key == key), None)

    def _claim(self, draft: Draft, span: SpacySpan | None) -> None:
        if span is None or (any(i in self.taken for i in range(span.start, span.end)) and draft.type != "group"):
            return
        draft.add(span.start_char, span.end_char)
        self.taken.update(range(span.start, span.end))
        self.consumed.update(draft.description.consumed)

    def _draft_at(self, i: int) -> Draft | None:
        char = self.doc[i].idx
        return next((d for d in self.drafts if any(s <= char < e for s, e in d.mentions)), None)


@cache
def _sector_heads() -> frozenset[str]:
    return frozenset(word.split()[-1] for word in knowledge.sectors())


_PHRASE_DEPS = frozenset({"det", "amod", "compound", "nmod", "nummod", "poss", "case", "advmod", "npadvmod"})


def _phrase(doc: Doc, root: Token) -> SpacySpan:
    """The noun phrase a head noun ends: its run of left modifiers ("the Chinese foreign ministry")."""
    start = root.i
    while start > 0 and doc[start - 1].dep_ in _PHRASE_DEPS and root.i >= doc[start - 1].head.i >= start - 1:
        start -= 1
    return doc[start : root.i + 1]


def _name_words(name: str) -> list[str]:
    """The words of a name with accents and case folded; a name in another script keeps its own letters."""
    return gazetteer.normalise(name).split() or name.casefold().split()


def _person_key(text: str) -> str:
    return f"person:{gazetteer.normalise(text)}"


def _owner(doc: Doc, span: SpacySpan) -> Description:
    """A possessive owner right before an organisation: "China's Xinhua" -> CHN."""
    found = Description()
    if span.start >= 2 and doc[span.start - 1].tag_ == "POS":
        owner = doc[span.start - 2]
        iso3 = gazetteer.country_code(owner.text)
        if iso3:
            found.country = iso3
    return found


def _descriptor(doc: Doc, span: SpacySpan, name: str) -> Description:
    """The sector of an organisation from its own name or the common nouns after it ("Xinhua news agency")."""
    found = Description()
    following = [t.text for t in doc[span.end : span.end + 2] if t.is_lower and t.is_alpha]
    words = name.split() + following
    sector = knowledge.sector_of(words)
    if sector is not None:
        found.sector = sector.code
    iso3 = next((c for w in name.split() if (c := gazetteer.demonym_code(w) or gazetteer.country_code(w))), None)
    found.country = iso3
    return found


def _name_word(token: Token) -> bool:
    """A capitalised word the parser puts in a person's or organisation's name: the phrase is that name, not a
    role ("the defence ministry" in lower case is a role even when the parser calls it an organisation)."""
    return token.ent_type_ in {"PERSON", "ORG"} and token.text[:1].isupper() and token.lower_ != "the"


def _country_before(chunk: SpacySpan) -> str | None:
    """The country of "United States troops": a country name of several words before the role (one-word names
    and demonyms are read word by word)."""
    words = [t for t in chunk if t.i < chunk.root.i and t.ent_type_ == "GPE"]
    return gazetteer.country_code(" ".join(t.text for t in words)) if len(words) > 1 else None


def _country_owner(head: Token) -> str | None:
    """The country of "Chile's interior ministry": a possessive country before the role."""
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PROPN":
        return None  # the parser may tag the owner as part of an organisation's name: the gazetteer decides
    return gazetteer.country_code(" ".join(t.text for t in owner.subtree if t.pos_ == "PROPN"))


def _country_after(head: Token, places: list[Place]) -> str | None:
    """The country of "the foreign minister of Finland", "police in Chile", "the ministry in Baku": a country, or
    a place the places layer resolved, named right after the role."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "in", "for") or prep.i != head.i + 1:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            if pobj.ent_type_ == "GPE":
                found = gazetteer.country_code(" ".join(t.text for t in pobj.subtree if t.ent_type_ == "GPE"))
                place = next((p for p in places if p.start <= pobj.idx < p.end), None)
                return found or (place.country if place is not None else None)
            # "a spokeswoman for the Danish prime minister": the country of the role it speaks for
            owner = next((t for t in pobj.children if t.dep_ in ("amod", "compound") and t.ent_type_ == "NORP"), None)
            if owner is not None and pobj.lower_ in _sector_heads():
                return gazetteer.demonym_code(owner.text)
    return None


def _is_title_alone(chunk: SpacySpan) -> bool:
    return chunk.root.lower_ in _TITLES and chunk[0].lower_ == "the"


def _title_country(doc: Doc, token: Token) -> str | None:
    """The country of "the Chinese leader" or "the leader of China"."""
    i = token.i
    if i >= 1:
        before = doc[i - 1].text
        iso3 = gazetteer.demonym_code(before) or gazetteer.country_code(before)
        if iso3:
            return iso3
    if i + 2 < len(doc) and doc[i + 1].lower_ == "of":
        return gazetteer.country_code(doc[i + 2].text)
    return None


def _title_phrase(doc: Doc, token: Token) -> SpacySpan:
    """ "the Chinese leader", or "the president" when the country follows."""
    i = token.i
    start = i - 1 if i >= 1 and doc[i - 1].pos_ in {"ADJ", "PROPN"} else i
    start = start - 1 if start >= 1 and doc[start - 1].lower_ == "the" else start
    return doc[start : i + 1]  # "the president" of "the president of Russia": Russia stays Russia's mention


# Codes, ids and the records.


def finish(article: Article, drafts: list[Draft]) -> list[Actor]:
    """Code the drafts, number them by first mention, and link the entities."""
    drafts = sorted(drafts, key=lambda d: min(d.mentions))
    actors = []
    for number, draft in enumerate(drafts, start=1):
        actor = _record(article, draft, f"a{number}")
        actors.append(actor)
        spans = set(draft.mentions)
        for entity in article.entities:
            if (entity.start, entity.end) in spans:
                entity.actor = actor.id
    return actors


def _record(article: Article, draft: Draft, actor_id: str) -> Actor:
    description = draft.description
    roles = list(description.roles)
    name, country, code = draft.name, description.country or description.based_in, draft.code
    if draft.type == "person":
        name, country, code = _office(article, draft, roles, country)
    elif draft.type == "organisation" and code is not None and knowledge.igo(draft.name) is not None:
        country = code[:3] if gazetteer.country_entry(code[:3]) is not None else None
    if code is None and country:
        code = country + (description.sector or "")
    if description.affiliation:
        roles.append(f"affiliation:{description.affiliation}")
    if description.based_in:
        roles.append(f"based_in:{description.based_in}")
    if description.anonymous:
        roles.append("anonymous")
    mentions = [Span(s, e, article.text[s:e]) for s, e in sorted(draft.mentions)]
    return Actor(actor_id, name, draft.type, country, code, roles, mentions)


def _office(
    article: Article, draft: Draft, roles: list[str], country: str | None
) -> tuple[str, str | None, str | None]:
    """Name, country and code of a person, from the office table when the text names an office-holder."""
    description = draft.description
    held, former = knowledge.office_on(draft.name, article.anchor)
    stint = held or former
    if stint is not None and (country is None or country == stint.country):
        name = stint.name if len(draft.name.split()) < len(stint.name.split()) else draft.name
        if held is not None:
            return name, stint.country, (stint.cameo if description.sector in {None, "GOV"} else None)
        if former is not None and article.anchor is None and not description.former:
            # an undated story: whether a past holder was still in office when it was written is unknown, so
            # the country stands, with the sector the text gives ("Prime Minister Tony Blair"), and no ELI
            code = stint.country + (description.sector or "") if stint.country else None
            return name, stint.country, code
        if former is not None and (description.sector is None or description.former):
            roles.append("former")
            return name, stint.country, f"{stint.country}ELI" if stint.country else None
        country = stint.country  # titled in their time: "In 2017, Prime Minister Theresa May said ..."
    code = country + description.sector if country and description.sector else None
    return draft.name, country, code
