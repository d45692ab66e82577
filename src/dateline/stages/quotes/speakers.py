"""Who said it: the speaker of a cue from the dependency parse, pronoun antecedents, and the actor link.

The speaker span is always the words in the text that name the speaker ("he", "who", "an anonymous Russian
official"). A pronoun's antecedent is found here but only travels through the actor link: the speaker keeps
the pronoun's span, and ``Speaker.actor`` names the actor the antecedent belongs to.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from dateline.model import Actor, Entity, Speaker
from dateline.stages.quotes.cues import coordinated_with_outer

# Children that belong to a compact speaker phrase; appositions and relative clauses are left out.
_NP_LEFT = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "advmod", "case", "predet"})
_NP_RIGHT = frozenset({"compound", "flat", "case", "conj"})
# Dependencies through which a subjectless cue takes its speaker from its head: "…, noting that", "and added".
_CLIMB = frozenset({"advcl", "conj", "xcomp", "acl", "pcomp", "prep"})
_PERSONAL = frozenset({"he", "she", "him", "her"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_MAX_CLIMB = 3
_NOUNS = frozenset({"NOUN", "PROPN", "PRON"})
_ANTECEDENT_WINDOW = 1_500  # characters back to look for a pronoun's antecedent


def speaker_token(cue: Token) -> Token | None:
    """The head word of the cue's speaker: its subject, its passive agent, or its head's subject."""
    outer = coordinated_with_outer(cue)
    if outer is not None:
        return speaker_token(outer)
    verb: Token = cue
    for _ in range(_MAX_CLIMB):
        found = _own_speaker(verb)
        if found is not None:
            return found
        if verb.dep_ == "acl" and verb.head.pos_ in _NOUNS:
            return verb.head  # "a group of senators pressing her to …"
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if passive or verb.dep_ not in _CLIMB or verb.head is verb:
            return None
        verb = verb.head
    return None


def _own_speaker(verb: Token) -> Token | None:
    """The agent of a passive ("denied by the army") or the subject of the verb itself."""
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    return None


def phrase(token: Token) -> tuple[int, int]:
    """Character span of the compact noun phrase headed by ``token`` (no appositions, no relative clauses)."""
    lefts = [c.left_edge for c in token.lefts if c.dep_ in _NP_LEFT and not c.is_punct]
    left = min(lefts, key=lambda t: t.i) if lefts else token
    end = token.idx + len(token.text)
    for child in token.rights:
        if child.dep_ in _NP_RIGHT and child.i - token.i <= 3:
            end = max(end, phrase(child)[1] if child.dep_ == "conj" else child.idx + len(child.text))
        elif child.dep_ != "cc":
            break
    return left.idx, end


def make_speaker(text: str, token: Token) -> Speaker:
    """The speaker record for a head word of ``text`` (``actor`` is left for the caller to link)."""
    start, end = phrase(token)
    return Speaker(start, end, text[start:end])


def antecedent(token: Token, persons: list[Entity]) -> tuple[int, int] | None:
    """The span a pronoun speaker refers to: a relative pronoun's noun, or for he/she the nearest person
    mentioned before it (``persons`` sorted by start). Other pronouns ("they", "it", "I") are not guessed."""
    lower = token.lower_
    if lower in _RELATIVE and token.head.dep_ == "relcl":
        return phrase(token.head.head)
    if lower not in _PERSONAL:
        return None
    index = bisect_right(persons, token.idx, key=lambda p: p.start) - 1
    while index >= 0 and persons[index].end > token.idx:
        index -= 1
    if index < 0 or token.idx - persons[index].start > _ANTECEDENT_WINDOW:
        return None
    return persons[index].start, persons[index].end


def is_pronoun(token: Token) -> bool:
    """True for personal and relative pronouns, the speakers whose actor comes through an antecedent."""
    return token.pos_ == "PRON" or token.lower_ in _RELATIVE


class ActorIndex:
    """Finds the actor whose mentions cover a span."""

    def __init__(self, actors: list[Actor]) -> None:
        self._mentions = sorted((m.start, m.end, a.id) for a in actors for m in a.mentions)

    def __bool__(self) -> bool:
        return bool(self._mentions)

    def find(self, start: int, end: int) -> str | None:
        """The actor with the largest mention overlap with [start, end), or None."""
        best, best_overlap = None, 0
        for m_start, m_end, actor in self._mentions:
            if m_start >= end:
                break
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > best_overlap:
                best, best_overlap = actor, overlap
        return best
