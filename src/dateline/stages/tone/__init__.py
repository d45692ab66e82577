"""Tone stage: a score in [-1, 1] for the article, each sentence, each actor and each event.

Scores come from word valences (VADER's lexicon adjusted for news by ``resources/tone_lexicon.txt``, see
:mod:`.lexicon`) weighted along the dependency parse (:mod:`.target`):

- a **sentence** about a person scores the tone toward that person: its main subject (the subject of its root)
  when that is a personal pronoun or a name other than a place's or an organisation's ("He was indicted", "Smith
  praised the plan"). News sentences are told about their subject, and the sentence's own score is what a reader
  of dateline's output gets for a person that never became an actor (an unresolved "he"). Any other sentence
  scores the sum of its rated words, event words ("war", "sanctions", "killed") included, so the tone reflects
  reported events and not only opinion words;
- the **article** scores the mean of its sentences, so a long article cannot saturate the way one VADER compound
  of the whole text does (VADER gives a war-and-sanctions report +0.98 from a handful of positive words);
- an **actor** scores the mean, over its mentions, of the tone toward each mention (:func:`tone_toward`);
- an **event** scores the mean tone of its sentence toward its participants (source and target), or the
  sentence's score when neither can be found in the sentence.

The ``tone`` layer is ``{"score": float, "sentences": [{"start", "end", "score"}]}``. Any score below -0.05 reads
as negative, above +0.05 as positive (the dead band of :func:`.target.squash` puts that boundary at one mildly
rated word next to the target).

**GDELT mapping.** GDELT's AvgTone is the percentage of positive words minus the percentage of negative words of a
document: -100..+100 in principle, in practice almost always within -10..+10. dateline maps linearly onto that
practical range: ``avgtone = 10 * score`` (:func:`to_avgtone`), so -1 is -10 and +1 is +10. The mapping aligns the
scales; it is not a calibration against GDELT's own word counts.
"""

from __future__ import annotations

from statistics import fmean
from typing import Any

from spacy.tokens import Doc, Token

from dateline.model import Actor, Article, Event, EventActor, Span
from dateline.stages import Stage
from dateline.stages.tone.lexicon import Lexicon, load
from dateline.stages.tone.target import squash, target_sum, tone_toward, valences

__all__ = ["AVGTONE_SCALE", "Tone", "article_tone", "to_avgtone", "tone_toward"]

#: GDELT AvgTone units per unit of dateline tone.
AVGTONE_SCALE = 10.0

#: Subject pronouns that stand for people (not "it", "this").
PERSONAL_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "you"})

#: Entity labels of names that are not people: a sentence about a country or a ministry keeps its word sum.
NOT_PEOPLE = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "EVENT", "LAW", "PRODUCT"})


class Tone(Stage):
    """Sets ``article.tone`` and the ``tone`` of every actor and event; runs after every other stage."""

    name = "tone"
    requires = ("sentences", "entities")
    assigns = ("tone",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        assert doc is not None
        lex = load()
        rated = valences(doc, lex)
        article.tone = article_tone(article, doc, rated, lex)
        for actor in article.actors:
            actor.tone = _actor_tone(actor, doc, rated, lex)
        sentence_scores = {(s["start"], s["end"]): s["score"] for s in article.tone["sentences"]}
        for event in article.events:
            event.tone = _event_tone(event, article, doc, rated, lex, sentence_scores)


def to_avgtone(score: float) -> float:
    """A dateline tone in [-1, 1] on GDELT's AvgTone scale (see the module docstring)."""
    return AVGTONE_SCALE * score


def article_tone(article: Article, doc: Doc, rated: dict[int, float], lex: Lexicon | None = None) -> dict[str, Any]:
    """The ``tone`` layer: each sentence's score and the article's (their mean; 0.0 for an article with none)."""
    lex = lex or load()
    spans = article.sentences or [Span(s.start_char, s.end_char, s.text) for s in doc.sents]
    scored = [{"start": s.start, "end": s.end, "score": _span_score(doc, s, rated, lex)} for s in spans]
    overall = fmean(s["score"] for s in scored) if scored else 0.0
    return {"score": overall, "sentences": scored}


def _span_score(doc: Doc, span: Span, rated: dict[int, float], lex: Lexicon) -> float:
    """The tone toward the span's main person (see the module docstring), else the sum of its rated words."""
    tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None:
        return 0.0
    person = next((t for t in tokens if _is_person_subject(t)), None)
    if person is not None:
        return squash(target_sum(doc[person.i : person.i + 1], rated, lex))
    return squash(sum(rated.get(t.i, 0.0) for t in tokens))


def _is_person_subject(token: Token) -> bool:
    """Whether the token is the subject of a sentence's root and names or stands for a person."""
    if token.dep_ not in {"nsubj", "nsubjpass"} or token.head.dep_ != "ROOT":
        return False
    if token.pos_ == "PRON":
        return token.lower_ in PERSONAL_PRONOUNS
    return token.pos_ == "PROPN" and token.ent_type_ not in NOT_PEOPLE


def _toward(doc: Doc, start: int, end: int, rated: dict[int, float], lex: Lexicon) -> float | None:
    """Tone toward the characters ``[start, end)`` from the document's precomputed valences; None off-token."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return squash(target_sum(span, rated, lex))


def _actor_tone(actor: Actor, doc: Doc, rated: dict[int, float], lex: Lexicon) -> float | None:
    scores = [s for m in actor.mentions if (s := _toward(doc, m.start, m.end, rated, lex)) is not None]
    return fmean(scores) if scores else None


def _event_tone(
    event: Event,
    article: Article,
    doc: Doc,
    rated: dict[int, float],
    lex: Lexicon,
    sentence_scores: dict[tuple[int, int], float],
) -> float:
    """Mean tone toward the event's participants in its sentence, else the sentence's own score."""
    sentence = event.sentence
    spans = [s for party in (event.source, event.target) for s in _party_spans(party, article, sentence)]
    scores = [s for start, end in spans if (s := _toward(doc, start, end, rated, lex)) is not None]
    if scores:
        return fmean(scores)
    known = sentence_scores.get((sentence.start, sentence.end))
    return known if known is not None else _span_score(doc, sentence, rated, lex)


def _party_spans(party: EventActor | None, article: Article, sentence: Span) -> list[tuple[int, int]]:
    """Where an event's participant is named in its sentence: its actor's mentions there, else its text."""
    if party is None:
        return []
    actor = next((a for a in article.actors if party.actor and a.id == party.actor), None)
    if actor is not None:
        inside = [(m.start, m.end) for m in actor.mentions if sentence.start <= m.start and m.end <= sentence.end]
        if inside:
            return inside
    at = article.text.find(party.text, sentence.start, sentence.end) if party.text else -1
    return [(at, at + len(party.text))] if at >= 0 else []
