"""Dating a clause for the event stage: which date does "Putin arrived in Beijing on Thursday" refer to?

:func:`date_clause` looks, in order, for
1. an explicit time attached to the clause's verb ("arrived ... on Thursday"): ``how="explicit"``;
2. a date premodifying the event noun ("Russia's 2022 invasion"): ``how="premodifier"``;
3. the same, on the verb this one is coordinated with ("arrived Thursday and met Xi"): ``how="explicit"``;
4. the verb's tense against the anchor: past or present → the anchor day, future → ``FUTURE_REF``, past
   perfect → ``PAST_REF``: ``how="tense"``;
5. nothing: ``ClauseDate(None, "unknown", "unknown")``.
It reads ``article.times``, so the times stage must have run.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.model import Article, TimeExpr
from dateline.stages.times.calendar import parse_anchor, point_from_value
from dateline.stages.times.tense import governing_verb, verb_tense

_PREMODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "poss", "nmod"})
_MAX_HOPS = 8


@dataclass(frozen=True, slots=True)
class ClauseDate:
    """The date a clause refers to.

    ``value`` is a TIMEX3 date value (``2024-05-16``, ``2024-05``, ``2022``, ``FUTURE_REF``) or None;
    ``precision`` is day, week, month, quarter, season, year, decade, century or unknown; ``how`` is explicit,
    premodifier, tense or unknown.
    """

    value: str | None
    precision: str
    how: str


UNKNOWN = ClauseDate(None, "unknown", "unknown")


def date_clause(article: Article, doc: Doc, target: Token | SpacySpan) -> ClauseDate:
    """The date the clause of ``target`` (a verb or event-noun token, or a span) refers to, and how it was found."""
    head = target.root if isinstance(target, SpacySpan) else target
    times = [t for t in article.times if t.type in {"DATE", "TIME"} and point_from_value(t.value) is not None]
    for candidate in _clause_heads(head):
        found = _attached_time(doc, candidate, times)
        if found is not None:
            return found
    return _from_tense(article, head)


def _clause_heads(head: Token) -> list[Token]:
    """The token itself, then the verbs it is coordinated with (a shared time covers them all) and the verb a
    trailing participle hangs on ("In 1979 rebels seized the embassy, taking 52 people hostage": 1979 dates the
    taking too)."""
    heads = [head]
    while len(heads) < _MAX_HOPS and head.head.i != head.i and (head.dep_ == "conj" or _trailing_participle(head)):
        head = head.head
        heads.append(head)
    # "were killed and eight injured in an attack that took place on May 2": the setting the verbs share
    settings = [c for verb in (heads[0], *heads[0].conjuncts) for c in _setting_happened(verb)]
    return heads + settings + _means(heads[0])


def _means(head: Token) -> list[Token]:
    """ "admitted killing his cousin by poisoning her in 2016": the act told as the means happened when the event
    did."""
    return [g for p in head.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.children if g.dep_ == "pcomp"]


_HAPPENING = frozenset({"happen", "occur", "take", "unfold"})


def _setting_happened(head: Token) -> list[Token]:
    """ "were killed in an attack that took place on May 2": the clause that dates the event it happened in."""
    settings = [g for p in head.children if p.dep_ == "prep" and p.lower_ in ("in", "during") for g in p.children]
    return [c for s in settings for c in s.children if c.dep_ in ("relcl", "acl") and c.lemma_.lower() in _HAPPENING]


def _trailing_participle(token: Token) -> bool:
    """A bare -ing clause after its verb ("..., killing six"): no subject, auxiliary or subordinator of its own."""
    if token.dep_ != "advcl" or token.tag_ != "VBG" or token.i < token.head.i:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in token.children)


def _attached_time(doc: Doc, head: Token, times: list[TimeExpr]) -> ClauseDate | None:
    for time in times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            continue
        path = _path_to_verb(span.root)
        if head in path:
            before_noun = path[0].i == head.i and span.end <= head.i and span.root.dep_ in _PREMODIFIER_DEPS
            how = "premodifier" if before_noun and head.pos_ in {"NOUN", "PROPN"} else "explicit"
            return _from_value(time.value or "", how)
    return None


def _path_to_verb(token: Token) -> list[Token]:
    """The tokens from ``token`` up its heads to the first verb above it (inclusive)."""
    path = []
    current = token.head
    for _ in range(_MAX_HOPS):
        path.append(current)
        if current.pos_ in {"VERB", "AUX"} or current.head.i == current.i:
            break
        current = current.head
    return path


def _from_value(value: str, how: str) -> ClauseDate:
    point = point_from_value(value)
    if point is None:
        return ClauseDate(value, "unknown", how)
    if point.grain == "day":
        return ClauseDate(point.day.isoformat(), "day", how)
    return ClauseDate(point.value, point.grain, how)


def _from_tense(article: Article, head: Token) -> ClauseDate:
    verb = governing_verb(head)
    tense = verb_tense(verb) if verb is not None else None
    anchor = parse_anchor(article.anchor)
    if tense is None:
        return UNKNOWN
    if tense == "future":
        return ClauseDate("FUTURE_REF", "unknown", "tense")
    if verb is not None and any(c.lower_ == "had" and c.dep_ == "aux" for c in verb.children):
        return ClauseDate("PAST_REF", "unknown", "tense")
    if anchor is None:
        return ClauseDate("PRESENT_REF" if tense == "present" else "PAST_REF", "unknown", "tense")
    return ClauseDate(anchor.isoformat(), "day", "tense")
