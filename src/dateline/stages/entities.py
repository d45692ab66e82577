"""Entities stage: named-entity mentions from spaCy's recogniser, with their labels, repaired.

Repairs done here are the ones that change spans or labels, so every later stage sees the same mentions. They run
as one cascade, each step a small function over the list of mentions:

1. Upper-case lines (headlines, datelines, results tables) are recognised again from a true-cased copy, in which
   the words the article itself writes in lower case are lower-cased and the rest capitalised: the small model's
   features lean on capitalisation and miss most entities written in capitals.
2. Spans are split and trimmed: at a possessive ("Singapore's S. Rajaratnam School" -> "Singapore", "S. Rajaratnam
   School", the owner taking GPE when it names a country), at tokens no name holds (numbers, line breaks, spaced
   dashes, "v"), and without a leading determiner ("the Federal Reserve") or trailing common nouns ("Interfax news
   agency").
3. Hyphenated names are made whole: a name grows over the hyphen-joined words around it ("Chester-le-Street",
   "al-Aqsa", "Kang Young-hoon") and its pieces merge; what cannot be a name is dropped (a lone lower-case particle
   such as "au", or only the generic words of a sports page: "SOCCER", "Men 's").
4. Labels are fixed from what the words are and what surrounds them: international bodies are ORG ("U.N."),
   country names GPE, "the town of X" and a known place after "in" GPE, "the firm X" / "X shares" /
   "X striker" ORG, a capitalised run after a personal title PERSON ("President Lebed"), a capitalised run ending
   in an organisation head noun or company suffix ("Ministry of Defence", "Pirelli SpA") ORG.
5. Sports pages: a town or county named as a side in a result ("Surrey beat Kent") is a team, ORG; the names in
   results lines, league tables, fixtures and innings totals ("Leeds 2 Hull 1", "CHICAGO 73 65 .529") are teams
   too and are added when spaCy missed them. Countries keep GPE (national sides). These labels are sure: step 8
   does not overrule them.
6. The place of a dateline ("PARIS 1996-08-30", "LAGOS, May 3") is GPE, added when missed, and sure.
7. Names spaCy missed are added: capitalised runs after a personal title, country names (the gazetteer makes this
   case-robust), and runs in shapes only people's names take ("W. Athey", "Petr Korda ( Czech Republic )", players
   listed in a line-up).
8. Labels are made consistent within the article: a name seen with one label gives that label to its other
   mentions (sure labels outvote the rest), and a person's surname alone ("Lebed" after "Alexander Lebed") is that
   person.

The word lists live in ``resources/entity_words.toml``. Steps read the doc's LOWER column or run precompiled
patterns over the text rather than looping over tokens, so the stage costs a few percent of the parse.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc, Span, Token

from dateline import nlp as nlp_loader
from dateline.model import Article, Entity
from dateline.stages import Stage
from dateline.stages.actors import knowledge
from dateline.stages.places import gazetteer
from dateline.stages.places.gazetteer import words

#: Labels repaired here; other spaCy labels (DATE, MONEY, NORP...) pass through untouched.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


def _lexicon() -> dict[str, frozenset[str]]:
    """The word lists of ``resources/entity_words.toml``, each as a set of lower-case words."""
    text = resources.files("dateline.resources").joinpath(_RESOURCE).read_text(encoding="utf-8")
    return {name: words(block) for name, block in tomllib.loads(text).items()}


_RESOURCE = "entity_words.toml"
_WORDS = _lexicon()
#: Words that, written before a capitalised run, make it a person's name.
PERSON_TITLES = _WORDS["person_titles"]
#: Legal and trading forms that end a company's name ("Inc", "SpA", "Holdings").
COMPANY_SUFFIXES = _WORDS["company_suffixes"]
#: Head nouns that end an organisation's name ("Ministry", "Bank of England"), company suffixes included.
ORG_HEADS = _WORDS["org_heads"] | COMPANY_SUFFIXES
_SPORTS = _WORDS["sports"]
_NOT_NAMES = _WORDS["not_names"]
_HEADLINE_WORDS = _WORDS["headline_words"]
_HOME_NATIONS = frozenset(w.replace("_", " ") for w in _WORDS["home_nations"])
_PLACE_NOUNS = _WORDS["place_nouns"]
_ORG_DESCRIPTORS = _WORDS["org_descriptors"]
_COMPANY_NOUNS = _WORDS["company_nouns"]
_TEAM_ROLES = _WORDS["team_roles"]
_CONNECTORS = frozenset({"of", "for", "and", "&", "de", "du", "des", "la", "le", "del", "on"})
_DETERMINERS = frozenset({"the", "a", "an"})
_CAPS_RATIO = 0.8


@dataclass(slots=True)
class Mention:
    """A working mention: token span and label (token offsets keep the repairs simple)."""

    start: int  # token index
    end: int  # token index, exclusive
    label: str
    sure: bool = False  # label read off a strong context (a results line); consistency does not overrule it


class Entities(Stage):
    """Adds ``entities``: every spaCy entity with its label, repaired; ``actor`` is filled by the actors stage."""

    name = "entities"
    assigns = ("entities",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        assert doc is not None
        article.entities = [to_entity(doc, m) for m in repair(doc, _dateline_place(article))]


def _dateline_place(article: Article) -> tuple[int, int] | None:
    """Where the metadata stage's dateline names its place, when it ran and found one (it is not required)."""
    line = article.dateline
    if line is None or not line.place:
        return None
    at = article.text.find(line.place, line.start, line.end)
    return None if at < 0 else (at, at + len(line.place))


def repair(doc: Doc, dateline_place: tuple[int, int] | None = None) -> list[Mention]:
    """The repair cascade of the module docstring, in order; ``dateline_place`` is the character span of the
    dateline's place when the metadata stage found one ("Santiago, 18 October 2025 -")."""
    mentions = recognise(doc)
    mentions = [piece for m in mentions for piece in split_possessive(doc, m)]
    mentions = [piece for m in mentions for piece in split_at_breaks(doc, m)]
    mentions = [t for m in mentions if (t := trim(doc, m)) is not None]
    mentions = join_hyphenated(doc, mentions)
    mentions = [m for m in mentions if m.label not in NAME_LABELS or may_be_name(doc, m)]
    mentions = fix_labels(doc, mentions)
    if is_sports_page(doc):
        mentions = table_teams(doc, fix_teams(doc, mentions))
    mentions = mark_datelines(doc, mentions)
    if dateline_place is not None:
        mentions = mark_place(doc, mentions, *dateline_place)
    mentions = add_missing(doc, mentions, _title_runs(doc))
    mentions = add_missing(doc, mentions, _country_runs(doc))
    mentions = add_missing(doc, mentions, person_shapes(doc))
    mentions = make_consistent(doc, mentions)
    return sorted(mentions, key=lambda m: m.start)


def to_entity(doc: Doc, mention: Mention) -> Entity:
    span = doc[mention.start : mention.end]
    return Entity(span.start_char, span.end_char, span.text, mention.label)


# 1. Recognition, with upper-case lines recognised again from a title-cased copy.


def recognise(doc: Doc) -> list[Mention]:
    """spaCy's entities, except in upper-case lines, where the entities of a true-cased copy replace them."""
    mentions = [Mention(e.start, e.end, e.label_) for e in doc.ents]
    lines = list(_caps_lines(doc.text))
    if not lines:
        return mentions
    for (line_start, line_end), found in zip(lines, _recognise_truecased(doc, lines), strict=True):
        inside = [m for m in mentions if line_start <= doc[m.start].idx < line_end]
        mentions = [m for m in mentions if m not in inside] + found
    return sorted(mentions, key=lambda m: m.start)


def _caps_lines(text: str) -> Iterable[tuple[int, int]]:
    offset = 0
    for line in text.split("\n"):
        letters = [c for c in line if c.isalpha()]
        if len(letters) >= 4 and sum(c.isupper() for c in letters) >= _CAPS_RATIO * len(letters):
            yield offset, offset + len(line)
        offset += len(line) + 1


def _recognise_truecased(doc: Doc, lines: list[tuple[int, int]]) -> list[list[Mention]]:
    """Entities of each upper-case line, found on a true-cased copy and mapped back to ``doc``'s tokens."""
    common = _common_words(doc.text)
    nlp = nlp_loader.load()
    copies = [nlp.make_doc(_truecase(doc.text[start:end], common)) for start, end in lines]
    ner = nlp.get_pipe("ner")
    assert isinstance(ner, EntityRecognizer)
    return [_mapped(doc, start, copy) for (start, _), copy in zip(lines, ner.pipe(copies), strict=True)]


def _mapped(doc: Doc, offset: int, copy: Doc) -> list[Mention]:
    """The name entities of a line's copy as mentions over ``doc``, the line starting at character ``offset``."""
    found = []
    for ent in copy.ents:
        span = doc.char_span(offset + ent.start_char, offset + ent.end_char, alignment_mode="expand")
        if span is not None and ent.label_ in NAME_LABELS:
            found.append(Mention(span.start, span.end, ent.label_))
    return found


_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z]+(?![\w-])")
_CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")
_LETTERS = re.compile(r"[^\W\d_]+")


def _common_words(text: str) -> frozenset[str]:
    """Words this article writes in lower case and never capitalised mid-sentence: ordinary words, not names.

    Reading the article's own usage is how a headline in capitals gets true-cased without a dictionary: "BEAT",
    "TAKE" and "OVER" are written in lower case in the story, "LEICESTERSHIRE" never is.
    """
    lower = set(_LOWER_WORD.findall(text))
    capitalised = {w.lower() for w in _CAPITALISED_INSIDE.findall(text)}
    return frozenset((lower - capitalised) | (STOP_WORDS - capitalised) | _HEADLINE_WORDS | {"s"})


def _truecase(line: str, common: frozenset[str]) -> str:
    """Lower-case the ordinary words of an upper-case line and capitalise the rest; acronyms stay as they are."""

    def fix(match: re.Match[str]) -> str:
        word = match.group()
        if word.lower() in common:
            return word.lower()
        return word if word in _acronyms() or len(word) == 1 else word.capitalize()

    return _LETTERS.sub(fix, line)


@cache
def _acronyms() -> frozenset[str]:
    return frozenset({"UN", "EU", "NATO", "IMF", "US", "USA", "UK", "UAE", "OPEC", "FIFA", "UEFA", "NBA", "NFL", "CIA"})


# 2. Splits and trimming.


def split_possessive(doc: Doc, mention: Mention) -> list[Mention]:
    """Split "Singapore's S. Rajaratnam School" at its possessive into owner and owned."""
    inner = [t for t in doc[mention.start : mention.end - 1] if t.tag_ == "POS" and t.i > mention.start]
    if not inner:
        return [mention]
    cut = inner[0].i
    owner = doc[mention.start : cut]
    owner_label = "GPE" if gazetteer.country_code(owner.text) else mention.label
    return [Mention(mention.start, cut, owner_label), Mention(cut + 1, mention.end, mention.label)]


def split_at_breaks(doc: Doc, mention: Mention) -> list[Mention]:
    """Split a name at tokens no name holds: numbers, lone dashes, "v"/"vs" ("Zemun 1 Rad", "Sri Lanka - X")."""
    if mention.label not in NAME_LABELS:
        return [mention]
    pieces, start = [], mention.start
    for token in doc[mention.start : mention.end]:
        if _is_break(token):
            pieces.append(Mention(start, token.i, mention.label))
            start = token.i + 1
    pieces.append(Mention(start, mention.end, mention.label))
    return [p for p in pieces if p.end > p.start]


def _is_break(token: Token) -> bool:
    if token.is_space or token.like_num:
        return True
    if token.text in _DASHES:
        return not _joins_words(token)
    return token.text in _BREAK_WORDS


def _joins_words(token: Token) -> bool:
    """A hyphen written between two words without spaces ("Chester-le-Street"), not a dash between names."""
    doc = token.doc
    return (
        token.text in _HYPHENS
        and 0 < token.i < len(doc) - 1
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
        and doc[token.i - 1].is_alpha
        and doc[token.i + 1].is_alpha
    )


_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
_BREAK_WORDS = frozenset({"v", "vs", "vs.", "(", ")", ":", ";", "/"})


def trim(doc: Doc, mention: Mention) -> Mention | None:
    """Drop a leading determiner and trailing lower-case common nouns from a name; None when nothing is left."""
    start, end = mention.start, mention.end
    if mention.label not in NAME_LABELS:
        return mention
    while start < end and doc[start].lower_ in _DETERMINERS:
        start += 1
    has_capital = any(t.text[:1].isupper() for t in doc[start:end])
    while has_capital and end > start + 1 and doc[end - 1].is_lower and doc[end - 1].is_alpha:
        end -= 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    if end <= start or not any(c.isalpha() for c in doc[start:end].text):
        return None
    return Mention(start, end, mention.label)


# 3. Hyphenated names, and what cannot be a name.

# Lower-case particles that sit inside a hyphenated name ("Chester-le-Street", "al-Aqsa", "Ata-ur-Rehman").
NAME_PARTICLES = words("al el ul ur ud ad as an ash le la les de du des di da dos do del au aux sur en bin ibn von")
# A short lower-case syllable after a hyphen ends many East Asian given names ("Young-hoon"); longer ones are words.
_SYLLABLE = re.compile(r"[a-z]{1,4}")


def join_hyphenated(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Grow names over the hyphen-joined words around them, merge pieces of one name, drop lone particles.

    spaCy often labels "Chester-le-Street" or "Urus-Martan" in pieces; each piece costs a wrong mention and the
    name a missed one, and a stray particle ("au" of "Port-au-Prince") would be read as a name of its own.
    """
    for mention in [m for m in mentions if m.label in NAME_LABELS]:
        grown = _grow(doc, mention)
        if (grown.start, grown.end) == (mention.start, mention.end) or mention not in mentions:
            continue
        pieces = [m for m in mentions if m.label in NAME_LABELS and m.start < grown.end and m.end > grown.start]
        if any(m.start < grown.start or m.end > grown.end for m in pieces if m is not mention):
            continue  # a longer name already holds these words
        grown.label = max(pieces, key=lambda m: m.end - m.start).label
        mentions = [m for m in mentions if m not in pieces and m is not mention] + [grown]
    return mentions


def _grow(doc: Doc, mention: Mention) -> Mention:
    start, end = mention.start, mention.end
    while end + 1 < len(doc) and _joins_words(doc[end]) and (step := _right_piece(doc, end + 1, mention.label)):
        end += 1 + step
    while start - 1 > 0 and _joins_words(doc[start - 1]) and _left_piece(doc[start - 2]):
        start -= 2
    while end - start > 2 and _prefix(doc, start):
        start += 2  # "ex-England", "pro-Moscow": the prefix is not part of the name
    return Mention(start, end, mention.label)


def _right_piece(doc: Doc, i: int, label: str) -> int:
    """How many tokens from ``i`` continue a hyphenated name: a capitalised word, or a particle and what follows."""
    piece = doc[i]
    if piece.text[:1].isupper():
        return 1
    if piece.lower_ in NAME_PARTICLES and i + 2 < len(doc) and _joins_words(doc[i + 1]):
        return 2 + _right_piece(doc, i + 2, label) if doc[i + 2].text[:1].isupper() else 0
    if label == "PERSON" and _SYLLABLE.fullmatch(piece.text) and len(doc[i - 2]) <= 5:
        return 1  # a syllable after a syllable: "Young-hoon", "Chun-yeh" (not "Smith-led")
    return 0


def _left_piece(token: Token) -> bool:
    return token.text[:1].isupper() or token.lower_ in NAME_PARTICLES


def _prefix(doc: Doc, start: int) -> bool:
    first = doc[start]
    return first.is_lower and first.lower_ not in NAME_PARTICLES and _joins_words(doc[start + 1])


def may_be_name(doc: Doc, mention: Mention) -> bool:
    """False for what cannot be a name: lower-case words only ("au" of "Port-au-Prince"), or only stop words and
    the generic words of a sports page ("SOCCER", "Men 's", "Standings")."""
    span = doc[mention.start : mention.end]
    if not any(c.isupper() for c in span.text):
        return False
    return not all(t.lower_ in _GENERIC or not any(c.isalpha() for c in t.text) for t in span)


_GENERIC = _SPORTS | _NOT_NAMES | STOP_WORDS


# 4. Label fixes.


def fix_labels(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Country names become GPE, runs after a personal title PERSON, runs ending in an ORG head noun ORG."""
    for mention in mentions:
        span = doc[mention.start : mention.end]
        if mention.label in NAME_LABELS | {"NORP"} and knowledge.igo(span.text):
            mention.label = "ORG"  # "U.N.", "NATO", "EU": international bodies, whatever spaCy guessed
        elif mention.label in NAME_LABELS and is_country(span.text):
            mention.label = "GPE"
        elif mention.label in {"PERSON", "ORG"} and len(span) == 1 and gazetteer.demonym_code(span.text):
            mention.label = "NORP"  # "Azerbaijani forces": a nationality, not a person
        elif mention.label in {"PERSON", "ORG"} and len(span) == 1 and span.text.lower().endswith("shire"):
            mention.label = "GPE"  # English county names
        elif mention.label in {"PERSON", "ORG"} and _named_place(doc, span):
            mention.label = "GPE"
        elif mention.label in {"PERSON", "GPE", "LOC"} and _named_organisation(doc, span, mention.label):
            mention.label = "ORG"
        elif mention.label in NAME_LABELS - {"PERSON"} and (
            _after_title(doc, mention.start) or _joined_under_plural_title(doc, mentions, span)
        ):
            mention.label = "PERSON"
    return _apply_org_heads(doc, mentions)


def _joined_under_plural_title(doc: Doc, mentions: list[Mention], span: Span) -> bool:
    """ "Trade ministers Jonathan Reynolds and Piyush Goyal": the names a plural title governs are all people."""
    if span.start < 3 or doc[span.start - 1].lower_ not in {"and", ","} or any(t.lower_ in ORG_HEADS for t in span):
        return False
    before = next((m for m in mentions if m.end == span.start - 1 and m.label == "PERSON"), None)
    if before is None or before.start == 0:
        return False
    title = doc[before.start - 1]
    return title.lower_.endswith("s") and title.lower_[:-1] in PERSON_TITLES


def is_country(text: str) -> bool:
    """A sovereign state's name, or a home nation's that is named like one ("Wales")."""
    return gazetteer.country_code(text) is not None or text.lower() in _HOME_NATIONS


def _named_place(doc: Doc, span: Span) -> bool:
    """ "the town of Chatelet", or a known place after "in" / "near" that has no organisation word in it."""
    if span.start < 2 or any(t.lower_ in ORG_HEADS for t in span):
        return False
    before, noun = doc[span.start - 1], doc[span.start - 2]
    if before.lower_ == "of" and noun.lower_ in _PLACE_NOUNS:
        return True
    if before.lower_ not in {"in", "near", "outside"}:
        return False
    return any(e.population >= 10_000 for e in gazetteer.lookup(span.text))


def _named_organisation(doc: Doc, span: Span, label: str) -> bool:
    """ "the firm Multico", "Magna shares", "Norwich striker": the words around say an organisation is named.

    "X shares" turns only a supposed person: a place before it names a market ("Tokyo shares").
    """
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if is_country(span.text) or _after_title(doc, span.start):
        return False
    if before is not None and before.is_lower and before.lower_ in _ORG_DESCRIPTORS:
        return True
    if after is not None and after.tag_ == "POS" and span.end + 1 < len(doc):
        after = doc[span.end + 1]
    if after is None or not after.is_lower:
        return False
    return after.lower_ in _TEAM_ROLES or (after.lower_ in _COMPANY_NOUNS and label == "PERSON")


def _after_title(doc: Doc, start: int) -> bool:
    if start == 0:
        return False
    previous = doc[start - 1]
    return previous.lower_ in PERSON_TITLES and (previous.text[:1].isupper() or previous.lower_ != previous.text)


def _apply_org_heads(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Make a capitalised run that ends in an ORG head noun one ORG mention, replacing what it covers."""
    for start, end in _org_runs(doc, {m.start for m in mentions}):
        covered = [m for m in mentions if m.start < end and m.end > start]
        if any(m.start < start or m.end > end for m in covered):
            continue  # a longer entity already holds these words
        if any(m.label == "GPE" and m.start == start and m.end == end for m in covered):
            continue
        mentions = [m for m in mentions if m not in covered] + [Mention(start, end, "ORG")]
    return mentions


def _org_runs(doc: Doc, starts: set[int]) -> Iterable[tuple[int, int]]:
    for i in token_positions(doc, ORG_HEADS):
        token = doc[i]
        if not _is_capitalised(token):
            continue
        start = _extend_left(doc, token.i)
        end = _extend_right(doc, token.i + 1, starts)
        if end - start >= 2 or token.i + 1 < end:
            yield start, end


def _extend_left(doc: Doc, i: int) -> int:
    start = i
    while start > 0 and _is_capitalised(doc[start - 1]) and doc[start - 1].lower_ not in _DETERMINERS:
        if doc[start - 1].is_sent_start:
            start -= 1
            break
        start -= 1
    return start


def _extend_right(doc: Doc, i: int, starts: set[int]) -> int:
    """After "Ministry" or "School", take "of Defence" / "of International Studies" (not "and NATO" after it)."""
    end = i
    if end < len(doc) and doc[end].lower_ in {"of", "for"}:
        probe = end + 1
        while probe < len(doc) and (_is_capitalised(doc[probe]) or doc[probe].lower_ in _CONNECTORS - {"of"}):
            if probe + 1 in starts and doc[probe].lower_ in _CONNECTORS:
                break  # another name begins after the connector
            probe += 1
        while probe > end + 1 and not _is_capitalised(doc[probe - 1]):
            probe -= 1
        if probe > end + 1:
            end = probe
    return end


def _is_capitalised(token: Token) -> bool:
    return (token.is_alpha and token.text[:1].isupper()) or (token.text[:1].isupper() and token.text.endswith("."))


# 5. Sports pages name teams after their towns and counties ("Surrey beat Kent", "CHICAGO 73 65 .529").

_SPORTS_CUES = words(
    """
    match game games season league cup championship tournament innings wickets wicket runs goals goal scored
    halftime half-time draw drew beat beats defeated standings division points soccer football cricket
    baseball basketball hockey rugby tennis golf squad striker coach
    """
)
_RESULT_WORDS = frozenset({"beat", "beats", "defeated", "drew", "draw", "lost", "v", "vs", "vs.", "versus", "at"})


def is_sports_page(doc: Doc) -> bool:
    """Three words of sport or more: a page where places named as sides are teams."""
    return len(token_positions(doc, _SPORTS_CUES)) >= 3


def fix_teams(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """On a sports page, a town or county named as a side in a result or a table row is a team (ORG)."""
    for mention in mentions:
        if mention.label in {"GPE", "LOC", "PERSON"} and _plays(doc, mention):
            text = doc[mention.start : mention.end].text
            if is_country(text):
                continue  # national sides keep their country's label
            if mention.label != "PERSON" or _known_place(text):
                mention.label = "ORG"
    return mentions


def _known_place(text: str) -> bool:
    """A county ("-shire") or a sizeable place: a name spaCy took for a person but a team's town."""
    return text.lower().endswith("shire") or any(e.population >= 50_000 for e in gazetteer.lookup(text))


def _plays(doc: Doc, mention: Mention) -> bool:
    after = doc[mention.end] if mention.end < len(doc) else None
    before = doc[mention.start - 1] if mention.start > 0 else None
    if after is not None and after.lower_ in _RESULT_WORDS - {"at"}:
        return True
    if before is not None and before.lower_ in _RESULT_WORDS and not before.is_sent_start:
        return before.lower_ != "at" or _numeric(after)
    return _numeric(after) and _numeric(doc[mention.end + 1] if mention.end + 1 < len(doc) else None)


def _numeric(token: Token | None) -> bool:
    return token is not None and token.like_num and not re.fullmatch(r"\d{4}-\d\d-\d\d", token.text)


# Results lines and league tables: "Leeds 2 Hull 1", "Leeds 4 3 1 0 7 2 10", "Postponed : Leeds v Hull",
# "At Hove : Sussex 363 and 201-5 ( ... ) , Kent 250". spaCy misses most names there, having no sentence to read.
_WORD = r"[A-Z][A-Za-z'&.]*(?:-[A-Z][A-Za-z'&.]*)*"
_NAME = rf"{_WORD}(?: (?:{_WORD}|'s|of|de|del|la|le|di|da))*"
_SCORE = r"\d+(?:-\d+)?(?![\d-]|[/:.,]\d)"
_COUNTRY = r"(?: \( [A-Z][A-Za-z. ]* \))?"
_RESULT_ROW = re.compile(rf"^(?P<a>{_NAME}){_COUNTRY} {_SCORE} (?P<b>{_NAME}){_COUNTRY} {_SCORE}(?: |$)", re.M)
_TABLE_ROW = re.compile(rf"^(?P<a>{_NAME})(?: (?:\d+(?:\.\d+)?|\.\d+|\d+/\d+|-)){{2,}} *$", re.M)
_FIXTURE = re.compile(rf"(?:^|[:,] )(?P<a>{_NAME}) (?:v|vs\.?) (?P<b>{_NAME})(?= [,(]|$)", re.M)
_INNINGS = re.compile(rf"(?:^|: |[\d)] , )(?P<a>{_NAME}) {_SCORE}(?: and {_SCORE})?(?= [(,.;]| and|$)", re.M)
_NOT_TEAMS = words(
    """
    january february march april may june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday division group round
    week day total men women under age class race stage heat pool game match halftime half-time result results
    """
)


def table_teams(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Names heading a results line or a table row on a sports page are teams: ORG, or GPE for a country."""
    for start, end in _team_spans(doc):
        span = doc.char_span(start, end)
        if span is None or span[0].lower_ in _NOT_TEAMS:
            continue
        inside = [m for m in mentions if m.start < span.end and m.end > span.start]
        if any(m.label == "PERSON" and (m.start, m.end) == (span.start, span.end) for m in inside) and (
            len(span) > 1 and not _known_place(span.text)
        ):
            continue  # a golfer's or runner's line in a leaderboard
        label = "GPE" if is_country(span.text) else "ORG"
        mentions = [m for m in mentions if m not in inside] + [Mention(span.start, span.end, label, sure=True)]
    return mentions


def _team_spans(doc: Doc) -> Iterable[tuple[int, int]]:
    """Character spans of the team names in results lines, table rows, fixtures and innings totals."""
    text = doc.text
    for pattern in (_RESULT_ROW, _TABLE_ROW, _FIXTURE):
        for match in pattern.finditer(text):
            yield from (match.span(group) for group in ("a", "b") if group in match.groupdict() and match[group])
    for match in _INNINGS.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        prefix = text[line_start : match.start("a")]
        if prefix.count("(") == prefix.count(")"):
            yield match.span("a")  # outside brackets: a side's total, not a batsman's score


# 6. Datelines.


def mark_datelines(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A name opening a line and followed by a date ("PARIS 1996-08-30", "LAGOS, May 3") is the dateline's place.

    It is added when spaCy missed it (common for a lone upper-case word) and marked sure, so that a team of the
    same name on a sports page does not take it over.
    """
    for match in _DATELINE.finditer(doc.text):
        mentions = mark_place(doc, mentions, *match.span("place"))
    return mentions


def mark_place(doc: Doc, mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The characters ``start:end`` name a dateline's place: a sure GPE, replacing what spaCy labelled there."""
    span = doc.char_span(start, end)
    if span is None or knowledge.igo(span.text):  # "UNITED NATIONS" datelines an organisation
        return mentions
    inside = [m for m in mentions if m.start < span.end and m.end > span.start]
    if any(m.start < span.start or m.end > span.end for m in inside):
        return mentions
    return [m for m in mentions if m not in inside] + [Mention(span.start, span.end, "GPE", sure=True)]


_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"^(?P<place>{_WORD}(?: {_WORD}){{0,3}})(?: ,)? (?:\d{{4}}-\d\d-\d\d|{_MONTH} \d)",
    re.M,
)


# 7. Missing names.


def _title_runs(doc: Doc) -> list[Mention]:
    """Capitalised runs right after a personal title ("Mr Lebed", "coach Ivanov") as PERSON."""
    found = []
    for i in token_positions(doc, PERSON_TITLES):
        token = doc[i]
        if token.is_sent_end:
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].is_alpha and doc[end].text[:1].isupper() and not doc[end].is_upper:
            if doc[end].lower_ in PERSON_TITLES or doc[end].lower_ in ORG_HEADS:
                break
            end += 1
        if end > token.i + 1:
            found.append(Mention(token.i + 1, end, "PERSON"))
    return found


def _country_runs(doc: Doc) -> list[Mention]:
    """Every one- to four-token run that is a country's name, as GPE, whatever its case."""
    found = []
    for i in token_positions(doc, gazetteer.country_first_words()):
        if not doc[i].text[:1].isupper():
            continue
        for width in (4, 3, 2, 1):
            span = doc[i : i + width]
            if len(span) == width and gazetteer.country_code(span.text):
                found.append(Mention(span.start, span.end, "GPE"))
                break
    return found


# Shapes that only people's names take in news: an initial before a surname ("K. Morrow"), a name followed by
# the bracketed country of an athlete ("Ana Petrova ( Bulgaria )"), a name in a list of players
# ("3 - Jan Verhoef , 4 - Luc Dumont ,"). Only names spaCy left unlabelled are taken.
_PART = r"[A-Z][a-z]+(?:['-][A-Z]?[a-z]+)*"
_PERSON_NAME = rf"{_PART}(?: (?:{_PART}|van|de|der|den|da|del|dos|von|le|la|di)){{1,3}}"
_INITIALLED = re.compile(rf"(?<![\w.])(?:[A-Z]\. ?)+(?={_PART}\b(?! &))")
_BRACKETED = re.compile(rf"(?<![\w-])(?P<name>{_PERSON_NAME}) \( [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)* \)")
_LISTED = re.compile(rf"(?:^|[,;] |\d - )(?P<name>{_PERSON_NAME})(?= [,;(.]|$)", re.M)


def person_shapes(doc: Doc) -> list[Mention]:
    """Runs in the shapes above, as PERSON candidates (``add_missing`` keeps those spaCy left unlabelled)."""
    found = []
    for start, end in _person_shape_spans(doc.text):
        span = doc.char_span(start, end)
        if span is not None and _plausible_person(span):
            found.append(Mention(span.start, span.end, "PERSON"))
    return found


def _person_shape_spans(text: str) -> Iterable[tuple[int, int]]:
    for match in _INITIALLED.finditer(text):
        surname = _PART_RE.match(text, match.end())
        if surname is not None:
            yield match.start(), surname.end()
    for pattern in (_BRACKETED, _LISTED):
        yield from (match.span("name") for match in pattern.finditer(text))


_PART_RE = re.compile(_PART)


def _plausible_person(span: Span) -> bool:
    """Not a place, a country, a team's or company's name, nor a run of ordinary or title words."""
    lowers = [t.lower_ for t in span]
    if any(w in ORG_HEADS or w in PERSON_TITLES or w in _GENERIC for w in lowers):
        return False
    if _hyphen_piece(span[0]) or _hyphen_piece(span[-1]):
        return False
    text = span.text
    return not (is_country(text) or gazetteer.demonym_code(span[-1].text) or _known_place(text))


def token_positions(doc: Doc, vocabulary: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lower-case form is in ``vocabulary``.

    Reads the LOWER column of the doc array instead of iterating tokens: building a Python Token per word is what
    makes repeated passes over a long article slow.
    """
    return [i for i, word in enumerate(_lowers(doc)) if word in vocabulary]


def _lowers(doc: Doc) -> list[str]:
    """The lower-case form of every token, computed once per doc."""
    lowers: list[str] | None = doc.user_data.get("dateline_lowers")
    if lowers is None:
        strings = doc.vocab.strings
        lowers = [strings[key] for key in doc.to_array("LOWER").tolist()]
        doc.user_data["dateline_lowers"] = lowers
    return lowers


def add_missing(doc: Doc, mentions: list[Mention], candidates: list[Mention]) -> list[Mention]:
    """Add candidates that overlap no mention (a name spaCy missed); existing mentions win."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for candidate in candidates:
        if not taken.intersection(range(candidate.start, candidate.end)):
            mentions.append(candidate)
            taken.update(range(candidate.start, candidate.end))
    return mentions


# 8. Consistency within the article.


def make_consistent(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Label surnames of known people PERSON where they stand alone, then give each name its majority label."""
    names = [m for m in mentions if m.label in NAME_LABELS]
    lowers = _lowers(doc)
    people = _person_parts(doc, names)
    for m in names:
        if m.end - m.start == 1 and (lowers[m.start],) in people:
            m.label = "PERSON"
    votes: dict[tuple[str, ...], Counter[str]] = {}
    for m in names:
        # a label read off a strong context outvotes any number of guesses
        votes.setdefault(tuple(lowers[m.start : m.end]), Counter())[m.label] += 1000 if m.sure else 1
    known = {key: counter.most_common(1)[0][0] for key, counter in votes.items()}
    for m in names:
        if not m.sure:
            m.label = known[tuple(lowers[m.start : m.end])]
    known.update({part: "PERSON" for part in people if part not in known})
    return add_missing(doc, mentions, _repeats(doc, known))


def _person_parts(doc: Doc, names: list[Mention]) -> set[tuple[str, ...]]:
    """First and last words of multi-word PERSON mentions: surnames, or given names written alone.

    A piece of a hyphenated name ("Ata" of "Ata-ur-Rehman") is not a name of its own.
    """
    parts: set[tuple[str, ...]] = set()
    for m in names:
        if m.label != "PERSON" or m.end - m.start < 2:
            continue
        for token in (doc[m.start], doc[m.end - 1]):
            if token.is_alpha and len(token) > 2 and token.lower_ not in PERSON_TITLES and not _hyphen_piece(token):
                parts.add((token.lower_,))
    return parts


def _hyphen_piece(token: Token) -> bool:
    """A word hyphen-joined to the one before or after it ("Ata" in "Ata-ur-Rehman")."""
    doc = token.doc
    before = token.i > 0 and _joins_words(doc[token.i - 1])
    return before or (token.i + 1 < len(doc) and _joins_words(doc[token.i + 1]))


def _repeats(doc: Doc, known: dict[tuple[str, ...], str]) -> list[Mention]:
    """Capitalised occurrences of an already-labelled name that spaCy left unlabelled."""
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for key, label in known.items():
        by_first.setdefault(key[0], []).append((key, label))
    lowers = _lowers(doc)
    found = []
    for i in token_positions(doc, frozenset(by_first)):
        if not doc[i].text[:1].isupper():
            continue
        for key, label in sorted(by_first[lowers[i]], key=lambda item: -len(item[0])):
            end = i + len(key)
            if tuple(lowers[i:end]) == key and not _hyphen_piece(doc[i]) and not _hyphen_piece(doc[end - 1]):
                found.append(Mention(i, end, label))
                break
    return found
