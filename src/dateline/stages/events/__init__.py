"""Events stage: who did what to whom, coded to CAMEO and PLOVER, with mode, date, place and attribution.

The work is a short cascade per sentence:
1. :mod:`.extract` finds triggers (verbs and event nouns of the pattern resource), composes frame verbs with
   their complements ("agreed to send troops" -> 0312), and reads source and target off the parse;
2. :mod:`.mode` decides whether the text reports the event as asserted, negated, hypothetical, planned or
   background;
3. :mod:`.context` adds actor ids and codes, the event's own date, its place and who the text attributes it to.

Patterns and the CAMEO table are loaded once per process (:mod:`.lexicon`). The stage reads the actors, places,
times and quotes layers when earlier stages filled them and degrades cleanly when they are empty.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.model import Article, Event, Span
from dateline.stages import Stage
from dateline.stages.events import context, lexicon
from dateline.stages.events.extract import Candidate, find_events, obligation_speaker
from dateline.stages.events.mode import MODES, event_mode, event_year, governing_chain

__all__ = ["MODES", "Events", "events_of_sentence"]

_VISIT, _HOST = "042", "043"
_INTENT_ROOTS = frozenset({"04", "05", "06", "07", "08"})
_THREAT_ROOTS = frozenset({"14", "16", "17", "18", "19", "20"})
_WILLING = frozenset({"willing", "ready", "prepared", "determined"})


class Events(Stage):
    """Adds ``events``: every event of every sentence, with ids ``{article.id}:e{n}`` in text order."""

    name = "events"
    requires = ("sentences", "entities")
    assigns = ("events",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        assert doc is not None
        index = context.ActorIndex.build(article)
        events: list[Event] = []
        for sent in doc.sents:
            events.extend(events_of_sentence(article, doc, sent, index, len(events)))
        article.events = events


def events_of_sentence(
    article: Article, doc: Doc, sent: SpacySpan, index: context.ActorIndex, numbered: int = 0
) -> list[Event]:
    """The events of one sentence; ids continue from ``numbered``."""
    lex = lexicon.load()
    anchor_year = int(article.anchor[:4]) if article.anchor and article.anchor[:4].isdigit() else None
    found: list[Event] = []
    seen: set[tuple[str, str, str]] = set()
    for cand in find_events(sent, lex):
        if cand.source is None and cand.target is None and not _outcome_of_event(cand.trigger, lex):
            continue
        mode = event_mode(cand.trigger, lex, anchor_year, composed=cand.frame is not None)
        code = speech_act_code(cand, mode, lex)
        if code[:2] == "10" and cand.code[:2] != "10" and cand.frame is None:  # "X said Y must ...": X demands of Y
            cand.source, cand.target, mode = obligation_speaker(cand.trigger), cand.source, "asserted"
        key = (code[:3], cand.source.text if cand.source else "", cand.target.text if cand.target else "")
        if key in seen:
            continue
        seen.add(key)
        event = _event(article, doc, sent, cand, code, mode, index, numbered + len(found))
        found.append(event)
        if code == _VISIT and event.source is not None and event.target is not None:
            found.append(_host_side(event, numbered + len(found), article.id))
    return found


def _outcome_of_event(trigger: Token, lex: lexicon.Lexicon) -> bool:
    """An event with no party of its own that another event leads to ("the visit will result in agreements")."""
    for tok in governing_chain(trigger)[1:]:
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in lex.nouns:
                return True
    return False


def speech_act_code(cand: Candidate, mode: str, lex: lexicon.Lexicon) -> str:
    """CAMEO codes what a statement does: a promised cooperative act is an intent (03x), a promised hostile act a
    threat (13x), an act another party "must" do a demand (10x)."""
    if cand.frame is not None or mode == "negated":
        return cand.code
    root = cand.code[:2]
    if _obliged(cand.trigger) and obligation_speaker(cand.trigger) is not None:
        return lex.composed("demand", cand.code) or "100"
    if _promised(cand.trigger):
        if root in _INTENT_ROOTS:
            return lex.composed("intend", cand.code) or cand.code
        if root in _THREAT_ROOTS:
            return lex.composed("threaten", cand.code) or cand.code
    return cand.code


def _promised(trigger: Token) -> bool:
    """ "will send", "would allow", "is willing / ready / prepared to withdraw"."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo") for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ in _WILLING


def _obliged(trigger: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in trigger.children)


def _event(
    article: Article,
    doc: Doc,
    sent: SpacySpan,
    cand: Candidate,
    code: str,
    mode: str,
    index: context.ActorIndex,
    n: int,
) -> Event:
    info = lexicon.load().info(code)
    trigger = cand.trigger
    year = event_year(trigger) if trigger.pos_ in ("NOUN", "PROPN") else None
    return Event(
        id=f"{article.id}:e{n}",
        sentence=_span(article, sent.start_char, sent.end_char),
        trigger=_trigger_span(article, trigger),
        source=context.event_actor(cand.source, index),
        target=context.event_actor(cand.target, index),
        cameo=code,
        plover=info.plover if info else None,
        mode=mode,
        date=context.event_date(article, doc, trigger, mode, year),
        place=context.event_place(article, trigger, [cand.source, cand.target]),
        attributed_to=context.attribution(article, trigger, index),
        goldstein=info.goldstein if info else None,
        quad_class=info.quad_class if info else None,
        confidence=confidence(cand),
    )


def _host_side(visit: Event, n: int, article_id: str) -> Event:
    """CAMEO codes a visit twice: the visitor makes it (042), the host receives it (043)."""
    info = lexicon.load().info(_HOST)
    assert info is not None
    return Event(
        id=f"{article_id}:e{n}",
        sentence=visit.sentence,
        trigger=visit.trigger,
        source=visit.target,
        target=visit.source,
        cameo=_HOST,
        plover=info.plover,
        mode=visit.mode,
        date=visit.date,
        place=visit.place,
        attributed_to=visit.attributed_to,
        goldstein=info.goldstein,
        quad_class=info.quad_class,
        confidence=round(visit.confidence * 0.9, 2),
    )


def confidence(cand: Candidate) -> float:
    """How sure the coding is: more for a specific pattern, both parties found, and the sentence's main verb."""
    score = 0.45
    specificity = cand.pattern.specificity if cand.pattern is not None else 2
    score += min(specificity, 2) * 0.08
    score += 0.12 if cand.source is not None else 0.0
    score += 0.12 if cand.target is not None else 0.0
    score += _mainness(cand.trigger)
    return round(min(score, 0.97), 2)


def _mainness(trigger: Token) -> float:
    """The sentence's main event sits near the root of the parse."""
    depth = 0
    tok = trigger
    while tok.head.i != tok.i and depth < 6:
        tok = tok.head
        depth += 1
    return max(0.0, 0.12 - 0.03 * depth)


def _span(article: Article, start: int, end: int) -> Span:
    return Span(start, end, article.text[start:end])


def _trigger_span(article: Article, trigger: Token) -> Span:
    end = trigger.idx + len(trigger)
    for child in trigger.children:  # "pulled out", "called for": the particle belongs to the trigger
        if child.dep_ == "prt" and child.i == trigger.i + 1:
            end = child.idx + len(child)
    return _span(article, trigger.idx, end)
