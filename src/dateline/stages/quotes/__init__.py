"""Quotes stage: who said what, as direct quotes, mixed quotes and reported speech, with cue and speaker.

Two passes over one article:
1. Direct quotes (:mod:`.direct`): quoted stretches found by the mark scanner (:mod:`.marks`) with an
   attribution beside them. Their ``start``/``end`` include the quotation marks, as PolNeAR's gold does.
2. Reported speech (:mod:`.reported`): cue verbs from ``resources/speech_cues.txt`` with their complement,
   "according to X", and headline colons. Content that holds a quoted fragment is ``mixed``.
Speakers come from the dependency parse (:mod:`.speakers`); their span is the words naming the speaker in the
text (a pronoun stays a pronoun) and ``Speaker.actor`` links them, through a pronoun's antecedent when needed,
to an actor of ``article.actors`` once the actors stage has run.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.model import Article, Entity, Quote, Span, Speaker
from dateline.stages import Stage
from dateline.stages.quotes.cues import Cue, according_source
from dateline.stages.quotes.direct import attribute
from dateline.stages.quotes.marks import Quoted, find_quoted, kind_of
from dateline.stages.quotes.reported import reported
from dateline.stages.quotes.speakers import ActorIndex, antecedent, is_pronoun, make_speaker, speaker_token

__all__ = ["Quotes", "find_quotes"]


class Quotes(Stage):
    """Adds ``quotes``: direct, mixed and indirect statements with their cue and speaker."""

    name = "quotes"
    requires = ("sentences", "entities")
    assigns = ("quotes",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        assert doc is not None
        article.quotes = find_quotes(article, doc)


@dataclass(slots=True)
class _Found:
    """A statement before its speaker is linked."""

    start: int
    end: int
    kind: str
    cue: Cue
    speaker: Token | None


def find_quotes(article: Article, doc: Doc) -> list[Quote]:
    """The quotes of one parsed article (``doc`` is the parse of ``article.text``), in text order."""
    text = article.text
    quoted = find_quoted(text)
    found = [_Found(d.start, d.end, d.kind, d.cue, d.speaker) for d in attribute(doc, text, quoted, _speaker_of)]
    found += _reported(doc, text, quoted, found)
    linker = _SpeakerLinker(article, text)
    quotes = [
        Quote(f.start, f.end, text[f.start : f.end], f.kind, _span(text, f.cue.start, f.cue.end), linker(f.speaker))
        for f in found
    ]
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _reported(doc: Doc, text: str, quoted: list[Quoted], direct: list[_Found]) -> list[_Found]:
    """Reported statements, leaving out those inside or overlapping a direct quote and exact repeats."""
    direct_spans = [(d.start, d.end) for d in direct]
    starts = [q.start for q in quoted]
    seen: set[tuple[int, int, int]] = set()
    found: list[_Found] = []
    for item in reported(doc, text, {d.cue.token.i for d in direct}):
        key = (item.start, item.end, item.cue.start)
        if key in seen or _inside(item.cue.start, quoted, starts) or _overlaps(item.start, item.end, direct_spans):
            continue  # a cue inside quotation marks belongs to the quoted speaker's own words
        seen.add(key)
        start, end = _cover_quoted(item.start, item.end, quoted)
        found.append(_Found(start, end, kind_of(text, start, end, quoted), item.cue, item.speaker))
    return found


def _inside(position: int, quoted: list[Quoted], starts: list[int]) -> bool:
    index = bisect_right(starts, position) - 1
    return index >= 0 and quoted[index].end > position


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < other_end and end > other_start for other_start, other_end in spans)


def _cover_quoted(start: int, end: int, quoted: list[Quoted]) -> tuple[int, int]:
    """Widen reported content so that it never cuts a quoted fragment in two (the parse often stops at a mark)."""
    for quote in quoted:
        if quote.start < end and quote.end > start:
            start, end = min(start, quote.start), max(end, quote.end)
    return start, end


def _span(text: str, start: int, end: int) -> Span:
    return Span(start, end, text[start:end])


def _speaker_of(cue: Cue) -> Token | None:
    return according_source(cue) if cue.kind == "according" else speaker_token(cue.token)


class _SpeakerLinker:
    """Turns a speaker's head word into a :class:`Speaker`, linked to its actor when actors exist."""

    def __init__(self, article: Article, text: str) -> None:
        self._text = text
        self._actors = ActorIndex(article.actors)
        self._persons: list[Entity] = sorted(
            (e for e in article.entities if e.label == "PERSON"), key=lambda e: e.start
        )

    def __call__(self, token: Token | None) -> Speaker | None:
        if token is None:
            return None
        speaker = make_speaker(self._text, token)
        if not self._actors:
            return speaker
        speaker.actor = self._actors.find(speaker.start or 0, speaker.end or 0)
        if speaker.actor is None and is_pronoun(token):
            referent = antecedent(token, self._persons)
            if referent is not None:
                speaker.actor = self._actors.find(*referent)
        return speaker
