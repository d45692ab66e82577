"""Cues: the words that introduce speech ("said", "told", "point out", "according to", a colon).

The verbs and their classes live in ``resources/speech_cues.txt`` (read once per process).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

_RESOURCE = "speech_cues.txt"
_VERB_TAGS = frozenset({"VERB", "AUX"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of the cue list: the verb's class and whether its noun-phrase object is content."""

    kind: str  # speech, thought, evidence
    takes_object: bool


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found in the parse: the word it hangs on and its character span."""

    token: Token
    start: int
    end: int
    kind: str  # speech, thought, evidence, according, colon
    takes_object: bool = False


@cache
def lexicon() -> dict[tuple[str, str], Entry]:
    """The cue list keyed by (lemma, particle); particle is "" for one-word cues."""
    text = resources.files("dateline.resources").joinpath(_RESOURCE).read_text(encoding="utf-8")
    entries: dict[tuple[str, str], Entry] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].split()
        if not line:
            continue
        takes_object = line[-1] == "+obj"
        words = line[:-2] if takes_object else line[:-1]
        kind = line[-2] if takes_object else line[-1]
        entries[(words[0], words[1] if len(words) > 1 else "")] = Entry(kind, takes_object)
    return entries


def cue_at(token: Token) -> Cue | None:
    """The cue that ``token`` heads, if any: a listed verb (with its particle) or "according to"."""
    if token.lower_ == "according":
        to = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if to is not None and to.lower_ == "to":
            return Cue(token, token.idx, to.idx + 2, "according")
        return None
    if token.pos_ not in _VERB_TAGS:
        return None
    table = lexicon()
    for child in token.rights:
        if child.dep_ in ("prt", "prep") and child.i == token.i + 1:
            entry = table.get((token.lemma_.lower(), child.lower_))
            if entry is not None:
                return Cue(token, token.idx, child.idx + len(child.text), entry.kind, entry.takes_object)
    entry = table.get((token.lemma_.lower(), ""))
    if entry is None:
        return None
    return Cue(token, token.idx, token.idx + len(token.text), entry.kind, entry.takes_object)


def according_source(cue: Cue) -> Token | None:
    """The object of "according to": the speaker."""
    to = cue.token.nbor(1)
    objects = [c for c in to.children if c.dep_ == "pobj"]
    return objects[0] if objects else None


def coordinated_with_outer(token: Token) -> Token | None:
    """The speech verb a cue really coordinates with, when the parse put it inside that verb's complement.

    In "X said the deal would create jobs and called it 'historic'", the parser makes "called" a conjunct of
    "create" (inside what X said), so "the deal" would become its speaker. A past-tense cue coordinated with a
    complement verb that has a modal or another tense is taken as coordinated with the outer verb instead.
    """
    head = token.head
    if token.dep_ != "conj" or token.tag_ != "VBD" or head.dep_ != "ccomp" or head.head is head:
        return None
    outer = head.head
    if cue_at(outer) is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return None
    other_tense = head.tag_ != "VBD" or any(c.dep_ == "aux" for c in head.children)
    return outer if other_tense else None
