"""Reading what the text says about a participant around its name: premodifiers ("Russian President Vladimir
Putin"), appositions ("Jane Okafor, a defence analyst based in Oslo") and the phrases inside them
("a scholar at a university's school of international studies").

Written over spaCy tokens rather than a dependency pattern library: the few shapes news uses are easier to read as
short token walks, and they stay robust where the small model's parse of an apposition is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from dateline.model import Entity
from dateline.stages.actors import knowledge
from dateline.stages.places import gazetteer

_ANONYMOUS = frozenset({"anonymous", "unnamed", "unidentified"})
_FORMER = frozenset({"former", "ex", "ex-", "erstwhile"})
_APPOSITION_STOPS = frozenset({",", ".", ";", ":", "(", ")", "\u2013", "\u2014", "-", "\u201c", "\u201d", '"'})
_AFFILIATION_PREPOSITIONS = frozenset({"at", "of", "with", "for", "from"})
_PORTFOLIO_PREPOSITIONS = frozenset({"for", "to", "of"})  # "Minister for Europe", "Envoy to Syria"
_PORTFOLIOS = frozenset({"state", "defence", "defense", "health", "justice", "finance", "interior", "education"})


@dataclass(slots=True)
class Description:
    """What the words around a name say: country, role words, affiliation and base, as found."""

    country: str | None = None
    roles: list[str] = field(default_factory=list)
    sector: str | None = None
    affiliation: str | None = None
    based_in: str | None = None
    anonymous: bool = False
    former: bool = False  # "former Prime Minister X": the role is one the person no longer holds
    consumed: list[tuple[int, int]] = field(default_factory=list)  # character spans of demonyms read here
    tokens: list[int] = field(default_factory=list)  # token indices of the words read, so no other actor takes them

    def merge(self, other: Description) -> None:
        """Add what ``other`` found where this one found nothing."""
        self.country = self.country or other.country
        self.roles.extend(r for r in other.roles if r not in self.roles)
        self.sector = self.sector or other.sector
        self.affiliation = self.affiliation or other.affiliation
        self.based_in = self.based_in or other.based_in
        self.anonymous = self.anonymous or other.anonymous
        self.former = self.former or other.former
        self.consumed.extend(other.consumed)
        self.tokens.extend(other.tokens)


def premodifiers(doc: Doc, start: int) -> Description:
    """Role and country from the words right before a name, up to a determiner or a non-modifier."""
    found = Description()
    i = start - 1
    while i >= 0 and _is_modifier(doc[i]):
        read(doc[i], found)
        found.tokens.append(i)
        i -= 1
    title_word = doc[i - 1] if i >= 1 else None
    if (
        title_word is not None
        and doc[i].lower_ in _PORTFOLIO_PREPOSITIONS
        and _is_modifier(title_word)
        and (title_word.pos_ == "PROPN" or knowledge.sectors().get(title_word.lower_))
    ):
        # "US Special Representative for Venezuela Ana Ruiz": the country after "for" is the brief, not his own
        title = premodifiers(doc, i)
        if doc[i].lower_ == "of":  # "President of France Emmanuel Macron": the country is his own
            found.country, found.consumed = title.country or found.country, title.consumed or found.consumed
        else:
            found.country, found.consumed = title.country, title.consumed
        found.roles.extend(r for r in title.roles if r not in found.roles)
        found.sector = title.sector or found.sector
        found.tokens.extend([i, *title.tokens])
    return found


def in_title(doc: Doc, span: Span) -> bool:
    """Whether a one-word name is the portfolio of a title before a name ("Secretary of State Mike Pompeo")."""
    if len(span) != 1 or span.start < 2 or span.end >= len(doc):
        return False
    return _portfolio(span[0]) and doc[span.start - 2].is_title and doc[span.end].ent_type_ == "PERSON"


def _portfolio(token: Token) -> bool:
    """The portfolio of a title, after "of" or "for" ("Secretary of State", "Minister for Health")."""
    return token.lower_ in _PORTFOLIOS and token.i > 0 and token.doc[token.i - 1].lower_ in ("of", "for")


def _is_modifier(token: Token) -> bool:
    if token.is_sent_end or token.is_punct or token.pos_ in {"DET", "VERB", "ADP", "PRON", "AUX", "CCONJ", "NUM"}:
        return False
    if token.ent_type_ == "ORG" and token.is_upper and gazetteer.country_code(token.text):
        return True  # "UAE Oil Minister X": a country's initials the model took for an organisation
    if _portfolio(token):
        return True  # "Secretary of State John Kerry": the portfolio, which the model may call an organisation
    return token.pos_ in {"PROPN", "NOUN", "ADJ"} and token.ent_type_ not in {"PERSON", "ORG", "DATE"}


def read(token: Token, found: Description) -> None:
    """Take one word's meaning: a demonym or country gives the country, a role word the role and sector."""
    word = token.text
    name = _name_around(token)
    if len(name) > 1:  # "New Jersey", "New Mexico": the name as a whole, never its last word alone
        iso3 = gazetteer.country_code(name.text) or gazetteer.demonym_code(name.text) or _state_of(name.text)
        start, end = name.start_char, name.end_char
    else:
        iso3 = gazetteer.demonym_code(word) or gazetteer.country_code(word) or _state_of(word)
        start, end = token.idx, token.idx + len(word)
    if iso3 and token.i > 0 and gazetteer.continental(token.doc[token.i - 1].text, word):
        return  # "the South American group Mercosur": a continent, not the United States
    if iso3 and found.country is None:
        found.country = iso3
        found.consumed.append((start, end))
        return
    if token.lower_ in _ANONYMOUS:
        found.anonymous = True
        return
    if token.lower_ in _FORMER:
        found.former = True
        return
    sector = knowledge.sectors().get(token.lower_)
    if sector is not None:
        found.roles.insert(0, word)
        found.sector = found.sector or sector.code


def _state_of(name: str) -> str | None:
    """The country of a first-level division named before a title ("Texas Governor", "New South Wales Premier"),
    when the name is such a division in one country only ("Punjab" is in two: none)."""
    if not name[:1].isupper():
        return None
    entries = gazetteer.lookup(name)
    countries = {e.country for e in entries}
    return entries[0].country if entries and len(countries) == 1 and all(e.feature == "adm1" for e in entries) else None


def _name_around(token: Token) -> Span:
    """The named entity ``token`` is a word of, or the token alone."""
    alone = token.doc[token.i : token.i + 1]
    if not token.ent_type_:
        return alone
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), alone)


def apposition(doc: Doc, end: int, entities: list[Entity]) -> Description:
    """What a comma-delimited apposition after a name says: ", a defence analyst based in Oslo"."""
    found = Description()
    if end + 1 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in {"a", "an", "the"}:
        return found
    tokens = []
    for token in doc[end + 1 :]:
        if token.text in _APPOSITION_STOPS or token.is_sent_start:
            break
        tokens.append(token)
    head = _role_head(tokens)
    if head is None:
        return found
    for token in tokens:
        if token.i <= head.i:
            read(token, found)
    _read_tail(doc, tokens, head, entities, found)
    found.tokens.extend(t.i for t in tokens)
    return found


def _role_head(tokens: list[Token]) -> Token | None:
    """The role noun of an apposition: the first word the sector table knows."""
    for token in tokens:
        if token.lower_ in knowledge.sectors() and token.is_lower and token.pos_ in {"NOUN", "PROPN"}:
            return token
    return None


def _read_tail(doc: Doc, tokens: list[Token], head: Token, entities: list[Entity], found: Description) -> None:
    """After the role noun: "based in X" gives the base, "at <organisation>" the affiliation (and its country)."""
    after = [t for t in tokens if t.i > head.i]
    words = [t.lower_ for t in after]
    for i, word in enumerate(words):
        if word == "based" and i + 1 < len(words) and words[i + 1] == "in":
            place = _entity_at(after[i + 2].idx if i + 2 < len(after) else -1, entities)
            if place is not None:
                found.based_in = gazetteer.country_code(place.text) or _country_of_place(place.text)
        elif word in _AFFILIATION_PREPOSITIONS and i + 1 < len(after):
            _read_affiliation(after[i + 1 :], entities, found)
            break


def _read_affiliation(tokens: list[Token], entities: list[Entity], found: Description) -> None:
    span_start, span_end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    inside = [e for e in entities if span_start <= e.start and e.end <= span_end]
    org = next((e for e in inside if e.label in {"ORG", "FAC"}), None)
    if org is not None:
        found.affiliation = org.text
    owner = next((e for e in inside if e.label == "GPE" and (org is None or e.end <= org.start)), None)
    if owner is not None:
        found.based_in = gazetteer.country_code(owner.text) or _country_of_place(owner.text)
    elif org is not None:
        found.based_in = named_country(org.text)


def named_country(name: str) -> str | None:
    """The country a name contains: a country, demonym or capital ("University of Nairobi" -> KEN)."""
    for word in name.replace("'s", "").split():
        if not word[:1].isupper():
            continue
        iso3 = gazetteer.demonym_code(word) or gazetteer.country_code(word)
        capital = [e for e in gazetteer.lookup(word) if e.feature == "capital"]
        if iso3 or capital:
            return iso3 or capital[0].country
    return None


def _entity_at(char: int, entities: list[Entity]) -> Entity | None:
    return next((e for e in entities if e.start == char), None)


def _country_of_place(name: str) -> str | None:
    entries = gazetteer.lookup(name)
    if not entries:
        return None
    return max(entries, key=lambda e: e.population).country
