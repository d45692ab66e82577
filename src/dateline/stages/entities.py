"""Entities stage: named-entity mentions from spaCy's recogniser, with their labels, repaired.

Repairs done here are the ones that change spans or labels, so every later stage sees the same mentions. They run
as one cascade, each step a small function over the list of mentions:

1. Upper-case lines (headlines, datelines, results tables) are recognised again from a title-cased copy: the
   small model's features lean on capitalisation and miss most entities written in capitals.
2. A possessive inside an entity splits it ("Singapore's S. Rajaratnam School" -> "Singapore", "S. Rajaratnam
   School"), the owner taking GPE when it names a country or the entity's own label otherwise.
3. Spans are trimmed: a leading determiner ("the Federal Reserve") and trailing common nouns ("Interfax news
   agency") are not part of a name.
4. Labels are fixed from what the words are: international bodies are ORG ("U.N."), country names are GPE, a
   capitalised run after a personal title is a PERSON ("President Lebed"), a capitalised run ending in an
   organisation head noun ("Ministry", "Bank", "School of ...") is an ORG, and on a sports page a town or county
   named as a side in a result ("Surrey beat Kent", "CHICAGO 73 65") is a team, ORG.
5. Names spaCy missed are added: capitalised runs after a personal title, and country names (the gazetteer makes
   this case-robust).
6. Labels are made consistent within the article: a name seen with one label gives that label to its other
   mentions, and a person's surname alone ("Lebed" after "Alexander Lebed") is that person.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from dateline import nlp as nlp_loader
from dateline.model import Article, Entity
from dateline.stages import Stage
from dateline.stages.actors import knowledge
from dateline.stages.places import gazetteer
from dateline.stages.places.gazetteer import words

#: Labels repaired here; other spaCy labels (DATE, MONEY, NORP...) pass through untouched.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})

# Words that, written before a capitalised run, make it a person's name.
PERSON_TITLES = words(
    """
    mr mr. mrs mrs. ms ms. dr dr. sir dame lord lady president premier chancellor minister senator sen. sen
    governor gov. gov mayor king queen prince princess pope ayatollah sheikh general gen. gen colonel col.
    captain capt. lieutenant sergeant commander admiral judge justice ambassador envoy secretary spokesman
    spokeswoman spokesperson chairman chairwoman chief coach manager striker midfielder defender goalkeeper
    forward batsman bowler captain champion leader rev. reverend father bishop archbishop cardinal rabbi imam
    deputy director rep. rep congressman congresswoman representative dictator sultan emir crown
    """
)

# Head nouns that end an organisation's name ("Ministry", "Bank of England", "Rajaratnam School of ...").
ORG_HEADS = words(
    """
    ministry department agency bank bureau council committee commission party university college school
    institute institution academy association federation union league club corporation corp corp. company co
    co. inc inc. ltd ltd. plc group holdings airlines airline airways parliament congress senate assembly
    court tribunal authority army navy police service services office organisation organization foundation
    fund trust exchange board cabinet government command force forces front movement alliance society network
    news times post journal herald tribune telegraph radio television tv press daily center centre hospital
    church brigade brigades guard commission inc. partners securities bancorp motors industries systems
    """
)

_CONNECTORS = frozenset({"of", "for", "and", "&", "de", "du", "des", "la", "le", "del", "on"})
_DETERMINERS = frozenset({"the", "a", "an"})
_CAPS_RATIO = 0.8


@dataclass(slots=True)
class Mention:
    """A working mention: token span and label (token offsets keep the repairs simple)."""

    start: int  # token index
    end: int  # token index, exclusive
    label: str


class Entities(Stage):
    """Adds ``entities``: every spaCy entity with its label, repaired; ``actor`` is filled by the actors stage."""

    name = "entities"
    assigns = ("entities",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        assert doc is not None
        article.entities = [to_entity(doc, m) for m in repair(doc)]


def repair(doc: Doc) -> list[Mention]:
    """The repair cascade of the module docstring, in order."""
    mentions = recognise(doc)
    mentions = [piece for m in mentions for piece in split_possessive(doc, m)]
    mentions = [piece for m in mentions for piece in split_at_breaks(doc, m)]
    mentions = [t for m in mentions if (t := trim(doc, m)) is not None]
    mentions = fix_labels(doc, mentions)
    mentions = fix_teams(doc, mentions)
    mentions = add_missing(doc, mentions, _title_runs(doc))
    mentions = add_missing(doc, mentions, _country_runs(doc))
    mentions = make_consistent(doc, mentions)
    return sorted(mentions, key=lambda m: m.start)


def to_entity(doc: Doc, mention: Mention) -> Entity:
    span = doc[mention.start : mention.end]
    return Entity(span.start_char, span.end_char, span.text, mention.label)


# 1. Recognition, with upper-case lines recognised again from a title-cased copy.


def recognise(doc: Doc) -> list[Mention]:
    """spaCy's entities, except in upper-case lines, where a title-cased copy's entities replace them."""
    mentions = [Mention(e.start, e.end, e.label_) for e in doc.ents]
    for line_start, line_end in _caps_lines(doc.text):
        found = _recognise_titlecased(doc, line_start, line_end)
        if found is None:
            continue
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


def _recognise_titlecased(doc: Doc, line_start: int, line_end: int) -> list[Mention] | None:
    """Entities of one upper-case line, found on its title-cased copy and mapped back to ``doc``'s tokens."""
    line = doc.text[line_start:line_end]
    titled = _titlecase(line)
    if len(titled) != len(line):
        return None
    nlp = nlp_loader.load()
    copy = nlp.get_pipe("ner")(nlp.make_doc(titled))
    found = []
    for ent in copy.ents:
        span = doc.char_span(line_start + ent.start_char, line_start + ent.end_char, alignment_mode="expand")
        if span is not None and ent.label_ in NAME_LABELS:
            found.append(Mention(span.start, span.end, ent.label_))
    return found


def _titlecase(line: str) -> str:
    """Capitalise each word but keep short all-capital tokens that look like acronyms ("U.S.", "UN", "NATO")."""
    words = re.split(r"(\s+)", line)
    return "".join(w if _keeps_capitals(w) else w.capitalize() for w in words)


def _keeps_capitals(word: str) -> bool:
    return "." in word.strip(".") or (len(word) <= 4 and word.isalpha() and word.upper() in _acronyms())


@cache
def _acronyms() -> frozenset[str]:
    return frozenset({"UN", "EU", "NATO", "IMF", "US", "USA", "UK", "UAE", "OPEC", "FIFA", "UEFA", "NBA", "NFL", "CIA"})


# 2. Possessive split.


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
    return token.like_num or token.text in {"-", "--", "\u2013", "\u2014", "v", "vs", "vs.", "(", ")", ":", ";", "/"}


# 3. Trimming.


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


# 4. Label fixes.


def fix_labels(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Country names become GPE, runs after a personal title PERSON, runs ending in an ORG head noun ORG."""
    for mention in mentions:
        span = doc[mention.start : mention.end]
        if mention.label in NAME_LABELS | {"NORP"} and knowledge.igo(span.text):
            mention.label = "ORG"  # "U.N.", "NATO", "EU": international bodies, whatever spaCy guessed
        elif mention.label in NAME_LABELS and gazetteer.country_code(span.text):
            mention.label = "GPE"
        elif mention.label in {"PERSON", "ORG"} and len(span) == 1 and span.text.lower().endswith("shire"):
            mention.label = "GPE"  # English county names
        elif mention.label in NAME_LABELS - {"PERSON"} and _after_title(doc, mention.start):
            mention.label = "PERSON"
    return _apply_org_heads(doc, mentions)


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


# Sports pages name teams after their towns and counties ("Surrey beat Kent", "CHICAGO 73 65 .529").

_SPORTS_CUES = words(
    """
    match game games season league cup championship tournament innings wickets wicket runs goals goal scored
    halftime half-time draw drew beat beats defeated standings division points soccer football cricket
    baseball basketball hockey rugby tennis golf squad striker coach
    """
)
_RESULT_WORDS = frozenset({"beat", "beats", "defeated", "drew", "draw", "lost", "v", "vs", "vs.", "versus", "at"})


def fix_teams(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """On a sports page, a town or county named as a side in a result or a table row is a team (ORG)."""
    if len(token_positions(doc, _SPORTS_CUES)) < 3:
        return mentions
    for mention in mentions:
        if mention.label in {"GPE", "LOC", "PERSON"} and _plays(doc, mention):
            text = doc[mention.start : mention.end].text
            if gazetteer.country_code(text):
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


# 5. Missing names.


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


def token_positions(doc: Doc, vocabulary: frozenset[str]) -> list[int]:
    """Indices of the tokens whose lower-case form is in ``vocabulary``.

    Reads the LOWER column of the doc array instead of iterating tokens: building a Python Token per word is what
    makes repeated passes over a long article slow.
    """
    lowers = doc.user_data.get("dateline_lowers")
    if lowers is None:
        strings = doc.vocab.strings
        lowers = [strings[key] for key in doc.to_array("LOWER").tolist()]
        doc.user_data["dateline_lowers"] = lowers
    return [i for i, word in enumerate(lowers) if word in vocabulary]


def add_missing(doc: Doc, mentions: list[Mention], candidates: list[Mention]) -> list[Mention]:
    """Add candidates that overlap no mention (a name spaCy missed); existing mentions win."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    for candidate in candidates:
        if not taken.intersection(range(candidate.start, candidate.end)):
            mentions.append(candidate)
            taken.update(range(candidate.start, candidate.end))
    return mentions


# 6. Consistency within the article.


def make_consistent(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Label surnames of known people PERSON where they stand alone, then give each name its majority label."""
    names = [m for m in mentions if m.label in NAME_LABELS]
    people = _person_parts(doc, names)
    for m in names:
        if m.end - m.start == 1 and doc[m.start].text.casefold() in people:
            m.label = "PERSON"
    votes: dict[str, Counter[str]] = {}
    for m in names:
        votes.setdefault(doc[m.start : m.end].text.casefold(), Counter())[m.label] += 1
    known = {text: counter.most_common(1)[0][0] for text, counter in votes.items()}
    for m in names:
        m.label = known[doc[m.start : m.end].text.casefold()]
    known.update({part: "PERSON" for part in people if part not in known})
    return add_missing(doc, mentions, _repeats(doc, known))


def _person_parts(doc: Doc, names: list[Mention]) -> set[str]:
    """First and last tokens of multi-token PERSON mentions: surnames, or given names written alone."""
    parts = set()
    for m in names:
        if m.label != "PERSON" or m.end - m.start < 2:
            continue
        for token in (doc[m.start], doc[m.end - 1]):
            if token.is_alpha and len(token) > 2 and token.lower_ not in PERSON_TITLES:
                parts.add(token.text.casefold())
    return parts


def _repeats(doc: Doc, known: dict[str, str]) -> list[Mention]:
    """Capitalised occurrences of an already-labelled name that spaCy left unlabelled."""
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for text, label in known.items():
        words = text.split()
        if words:
            by_first.setdefault(words[0], []).append((words, label))
    found = []
    for i in token_positions(doc, frozenset(by_first)):
        token = doc[i]
        if not token.text[:1].isupper():
            continue
        for words, label in sorted(by_first[token.lower_], key=lambda item: -len(item[0])):
            span = doc[token.i : token.i + len(words)]
            if [t.lower_ for t in span] == words and span.text.casefold() == " ".join(words):
                found.append(Mention(span.start, span.end, label))
                break
    return found
