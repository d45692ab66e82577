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

import unicodedata

from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.model import Article, Event, EventActor, Span
from dateline.stages import Stage
from dateline.stages.events import context, lexicon
from dateline.stages.events.extract import (
    ATTEMPTED_ASSASSINATION,
    REPORTING,
    VISIT,
    Argument,
    Candidate,
    actor_argument,
    attempt_over,
    by_nature,
    done_by_someone_unnamed,
    find_events,
    is_actor,
    obligation_family,
    obligation_speaker,
)
from dateline.stages.events.mode import MODES, alleged, denied, event_mode, event_year, governing_chain, ruled_out
from dateline.stages.times.calendar import point_from_value

__all__ = ["MODES", "Events", "events_of_sentence"]

#: Events with no source and less confidence than this are not reported: a word of the lexicon deep in a side
#: clause, with nobody doing it, is more often a mention than an event ("the rush to meet demand for steel").
MIN_CONFIDENCE = 0.65
_HOST = "043"
_PEACEKEEPING, _PEACEKEEPERS_RECEIVED = "074", "0861"
_RECEIVED = {VISIT: _HOST}  # the other side of a visit: hosting it
_INTENT_ROOTS = frozenset({"04", "05", "06", "07", "08"})
_THREAT_ROOTS = frozenset({"14", "16", "17", "18", "19", "20"})
_CONDITIONAL_MODALS = frozenset({"will", "would", "'ll", "may", "might", "could", "shall"})
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
    if _foreign_script(sent.text):
        return found  # an English parse of Hindi or Arabic text finds English words, not events
    for cand in find_events(sent, lex):
        if by_nature(cand):
            continue  # "the cyclone that struck the coast": nature, not a party, did it
        if _town_named_before_event(cand, index):
            cand.source = None  # "a Kabul car bombing": where it was, not who did it
        outcome = cand.source is None and cand.target is None  # kept only as what another event leads to
        if outcome and not _outcome_of_event(cand.trigger, lex):
            continue
        mode = event_mode(cand.trigger, lex, anchor_year, composed=cand.frame is not None)
        attempt = attempt_over(cand.trigger) if cand.code == ATTEMPTED_ASSASSINATION else None
        if attempt is not None:
            mode = event_mode(attempt, lex, anchor_year)  # the attempt was made, whether or not it succeeded
        if "possible" in cand.extra:
            mode = "hypothetical"  # "has not ruled out sending troops"
        said_by = context.speaker(article, cand.trigger, index)
        code, mode = speech_act(cand, mode, lex, _self_stated(cand, said_by, index))
        talked_of = mode == "hypothetical" and cand.source is None and cand.trigger.pos_ in ("NOUN", "PROPN")
        if talked_of and not alleged(governing_chain(cand.trigger)):  # "claimed she had received threats": told
            continue  # an option talked about ("an embargo would not work", "future talks"), not an event
        received = _RECEIVED.get(code)
        if code == VISIT and cand.source is not None and "peacekeep" in cand.source.text.lower():
            code, received = _PEACEKEEPING, _PEACEKEEPERS_RECEIVED  # "peacekeeping troops arrived in Bosnia"
        key = (code[:3], cand.source.text if cand.source else "", cand.target.text if cand.target else "")
        if key in seen:
            continue
        seen.add(key)
        if cand.source is not None and cand.target is not None and cand.source.start == cand.target.start:
            cand.target = None  # one phrase cannot be both sides of an event
        event = _event(article, doc, sent, cand, code, mode, index, numbered + len(found), said_by)
        undergone = event.target is not None and (done_by_someone_unnamed(cand.trigger) or attempt is not None)
        if event.confidence < MIN_CONFIDENCE and event.source is None and not outcome and not undergone:
            continue
        if not outcome and _nobody(cand, event):
            continue
        found.append(event)
        if received is not None and event.source is not None and event.target is not None:
            found.append(_host_side(event, numbered + len(found), article.id, received))
    return found


def _foreign_script(text: str) -> bool:
    """Whether most letters of a sentence are outside the Latin script."""
    letters = [c for c in text if c.isalpha() or unicodedata.category(c).startswith("M")]  # marks: Indic vowels
    latin = sum(1 for c in letters if c < "\u0250")  # Basic Latin to Latin Extended-B
    return len(letters) >= 10 and latin < len(letters) / 2


def _town_named_before_event(cand: Candidate, index: context.ActorIndex) -> bool:
    """A city or region premodifying a violent noun, a meeting or an agreement ("a Kabul car bombing", "a London
    conference", "the Oslo accords") names its place; a country there names its doer ("a Russian airstrike")."""
    if cand.source is None or cand.code[:2] not in _HELD_SOMEWHERE_ROOTS or len(cand.source.heads) != 1:
        return False
    head = cand.source.heads[0]
    if head.head.i != cand.trigger.i or head.dep_ not in ("compound", "amod"):
        return False
    if index.is_town(head):  # "the Raqqa battle": a town the model did not label
        return True
    return head.ent_type_ in ("GPE", "LOC") and context.country_code(context.entity_text(head)) is None


# violence, and meetings, protests and agreements: held or signed there ("the Paris agreement", "the Minsk accords")
_HELD_SOMEWHERE_ROOTS = frozenset({"04", "05", "14", "18", "19", "20"})


def _nobody(cand: Candidate, event: Event) -> bool:
    """Whether the event's only parties are pronouns that nothing resolved ("They issued a statement" with no
    antecedent in reach): an event needs somebody to do it or undergo it."""
    pairs = [(arg, actor) for arg, actor in ((cand.source, event.source), (cand.target, event.target)) if arg]
    if not pairs:
        return False
    unresolved = (actor is None or (actor.actor is None and actor.code is None) for _, actor in pairs)
    return all(all(h.pos_ == "PRON" for h in arg.heads) for arg, _ in pairs) and all(unresolved)


def _outcome_of_event(trigger: Token, lex: lexicon.Lexicon) -> bool:
    """An event with no party of its own that another event leads to ("the visit will result in agreements")."""
    for tok in governing_chain(trigger)[1:]:
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in lex.nouns:
                return True
    return False


def _self_stated(cand: Candidate, said_by: EventActor | None, index: context.ActorIndex) -> bool:
    """Whether the text gives the event as its source's own word: the speaker of the quote or reporting verb
    that holds it is the source, or belongs to the source's country or organisation ("Norway said it will fund
    ...", "Norway will fund ..., the Norwegian premier said")."""
    source = context.event_actor(cand.source, index)
    if said_by is None or source is None:
        return False
    if said_by.actor and source.actor and set(said_by.actor.split("/")) & set(source.actor.split("/")):
        return True
    parties = {_party(code) for code in (source.code or "").split("/") if code}
    if any(_party(code) in parties for code in (said_by.code or "").split("/") if code):
        return True
    return said_by.text.lower().removeprefix("the ") == source.text.lower().removeprefix("the ")


def _party(code: str) -> str:
    """The country, or the international organisation, an actor code belongs to ("ISRGOV" -> "ISR", "IGOUNOWFP"
    -> "IGOUNO")."""
    return code[:6] if code[:3] in ("IGO", "NGO") else code[:3]


def speech_act(cand: Candidate, mode: str, lex: lexicon.Lexicon, self_stated: bool = True) -> tuple[str, str]:
    """The code and mode of what a statement does (CAMEO codes the speech act, not the act spoken of):
    - "X said Y must / should act": X demands of (10x) or appeals to (02x) Y, asserted;
    - "X will not give / accept": X refuses, a rejection (12x), asserted;
    - "X is willing to give", and "X will give" when X (or someone speaking for X's country or organisation)
      says so: intent (03x) for a cooperative act; a plan others report keeps the act's code, planned;
    - "X will / may halt the talks if / unless ...", and a hostile act X announces itself ("X said it would
      blockade the port"): a threat (13x), asserted. A hostile act others say will happen keeps its code, planned.
    """
    if "obligation" in cand.extra:
        return cand.code, "asserted"
    if cand.frame is not None:
        return cand.code, mode
    family = obligation_family(cand.trigger)
    speaker = obligation_speaker(cand.trigger) if family else None
    if family and speaker is not None and cand.source is not None and speaker.start != cand.source.start:
        cand.source, cand.target = speaker, cand.source
        return lex.composed(family, cand.code) or lex.bases[family], "asserted"
    root = cand.code[:2]
    if mode == "negated" and root in _INTENT_ROOTS and ruled_out(cand.trigger):
        # "US authorities said removing the sanctions is out of the question": who rules it out refuses it now
        refuser = obligation_speaker(cand.trigger.head)
        if refuser is not None:
            cand.source, cand.target = refuser, cand.target or cand.source
            return lex.composed("reject", cand.code) or lex.bases["reject"], "asserted"
    if mode == "negated":
        if _promised(cand.trigger) and root in _INTENT_ROOTS and not denied(governing_chain(cand.trigger)):
            # "will not give" refuses; "dismissed reports he would quit" denies a plan, and refuses nothing
            return lex.composed("reject", cand.code) or lex.bases["reject"], "asserted"
        return cand.code, mode
    if root in _INTENT_ROOTS and _promised(cand.trigger, self_stated):
        return lex.composed("intend", cand.code) or cand.code, mode
    if root in _THREAT_ROOTS and (_conditional(cand.trigger) or _promised(cand.trigger, self_stated)):
        # the threat is made now, whatever follows: "will halt the talks if ...", "said they would blockade"
        return lex.composed("threaten", cand.code) or cand.code, "asserted"
    return cand.code, mode


def _promised(trigger: Token, self_stated: bool = True) -> bool:
    """ "is willing / ready / prepared to withdraw", and "will send", "would allow" when the actor says so itself
    (a plan the reporter or a third party tells of is the act itself, planned)."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else trigger.head
    if verb is not trigger and trigger.dep_ not in ("dobj", "attr"):
        return False  # "an embargo would not work": the modal belongs to what is said of the embargo
    if verb.dep_ == "xcomp" and verb.head.lower_ in _WILLING and verb.head.dep_ in ("acomp", "amod"):
        return True  # "is ready / prepared to": the actor's stance ("the army prepared to resume" is an act)
    return self_stated and any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo") for c in verb.children
    )


def _conditional(trigger: Token) -> bool:
    """ "may halt the talks if ...": a modal act made to depend on what another party does."""
    if not any(c.dep_ == "aux" and c.lower_ in _CONDITIONAL_MODALS for c in trigger.children):
        return False
    clauses = (c for c in trigger.children if c.dep_ == "advcl")
    return any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for c in clauses for m in c.children)


def _event(
    article: Article,
    doc: Doc,
    sent: SpacySpan,
    cand: Candidate,
    code: str,
    mode: str,
    index: context.ActorIndex,
    n: int,
    said_by: EventActor | None,
) -> Event:
    info = lexicon.load().info(code)
    trigger = cand.trigger
    year = event_year(trigger) if trigger.pos_ in ("NOUN", "PROPN") else None
    source, target = _not_dateline(article, cand.source), _not_dateline(article, cand.target)
    date = context.event_date(article, doc, trigger, mode, year)
    if mode == "asserted" and _after(date, article.anchor):
        mode = "planned"  # "when the President visits Ottawa next month": dated after the story, it has not happened
    elif mode == "asserted" and _long_before(date, article.anchor):
        mode = "background"  # "the district was recaptured in 2016", told in a 2019 story: an earlier event in passing
    return Event(
        id=f"{article.id}:e{n}",
        sentence=_sentence_span(article, sent.start_char, sent.end_char),
        trigger=_trigger_span(article, trigger),
        source=context.event_actor(source, index),
        target=context.event_actor(target, index),
        cameo=code,
        plover=info.plover if info else None,
        mode=mode,
        date=date,
        place=context.event_place(article, trigger, [source, target]),
        attributed_to=said_by.actor.split("/")[0] if said_by is not None and said_by.actor else None,
        goldstein=info.goldstein if info else None,
        quad_class=info.quad_class if info else None,
        confidence=confidence(cand, mode),
    )


def _after(date: str | None, anchor: str | None) -> bool:
    """Whether an ISO date lies after the anchor, compared at the date's own precision ("2024-06" is after
    "2024-05-16"; "2024" is not)."""
    if not date or not anchor:
        return False
    return date > anchor[: len(date)]


#: How long before the story an event must have ended to be told in passing rather than as the news: a story
#: of January 2 may report what happened on December 30, and one of March what happened "last year".
_BACKGROUND_DAYS = 183


def _long_before(date: str | None, anchor: str | None) -> bool:
    """Whether an ISO date, taken to the end of its period ("2016" ends on 2016-12-31), lies more than
    :data:`_BACKGROUND_DAYS` before the anchor."""
    point, story = point_from_value(date), point_from_value(anchor[:10] if anchor else None)
    if point is None or story is None or point.grain not in _GRAIN_SPANS:
        return False
    end = point.day + _GRAIN_SPANS[point.grain] - relativedelta(days=1)
    return (story.day - end).days > _BACKGROUND_DAYS


_GRAIN_SPANS = {"day": relativedelta(days=1), "month": relativedelta(months=1), "year": relativedelta(years=1)}


def _host_side(visit: Event, n: int, article_id: str, code: str = _HOST) -> Event:
    """CAMEO codes a visit twice: the visitor makes it (042), the host receives it (043); likewise peacekeepers
    sent (074) and received (0861)."""
    info = lexicon.load().info(code)
    assert info is not None
    return Event(
        id=f"{article_id}:e{n}",
        sentence=visit.sentence,
        trigger=visit.trigger,
        source=visit.target,
        target=visit.source,
        cameo=code,
        plover=info.plover,
        mode=visit.mode,
        date=visit.date,
        place=visit.place,
        attributed_to=visit.attributed_to,
        goldstein=info.goldstein,
        quad_class=info.quad_class,
        confidence=round(visit.confidence * 0.9, 2),
    )


def confidence(cand: Candidate, mode: str = "asserted") -> float:
    """How sure the coding is, and how central the event is to its sentence: more for a specific pattern, both
    parties found, and a trigger at the root of the sentence's predicate (the main event); less for an event
    mentioned in passing (background) or inside a relative or adverbial clause."""
    score = 0.4
    specificity = cand.pattern.specificity if cand.pattern is not None else 2
    score += min(specificity, 2) * 0.06
    score += 0.1 if cand.source is not None else 0.0
    score += 0.1 if cand.target is not None else 0.0
    score += mainness(cand.trigger)
    score -= 0.1 if mode == "background" else 0.0
    return round(min(max(score, 0.05), 0.97), 2)


# What each dependency on the way up to the root costs an event's claim to be the sentence's main event.
_CLAUSE_COST = {
    "relcl": 2.0, "acl": 2.0, "advcl": 1.5, "csubj": 1.0, "ccomp": 1.0, "pcomp": 1.0, "pobj": 1.0,
    "nsubj": 1.0, "nsubjpass": 1.0, "npadvmod": 1.0, "appos": 1.0, "parataxis": 1.0, "amod": 1.0, "compound": 1.0,
}  # fmt: skip


def mainness(trigger: Token) -> float:
    """The sentence's main event is its root predicate, or sits in what a reporting verb says ("X said it will
    release ..."): every clause or phrase boundary on the way up costs."""
    cost = 0.0
    tok = trigger
    for _ in range(8):
        if tok.head.i == tok.i:
            break
        reported = tok.dep_ == "ccomp" and tok.head.lemma_.lower() in REPORTING
        cost += 0.0 if reported else _CLAUSE_COST.get(tok.dep_, 0.0)
        tok = tok.head
    return max(0.0, 0.24 - 0.08 * cost)


def _span(article: Article, start: int, end: int) -> Span:
    return Span(start, end, article.text[start:end])


def _not_dateline(article: Article, argument: Argument | None) -> Argument | None:
    """No argument from the dateline: "NAIROBI, Kenya -" says where the story was filed, not who acted.

    The parser often makes the dateline's place the subject and the real one its apposition ("NEW DELHI, July 24
    - India and Britain signed ..."): then the apposition after the dateline is the argument.
    """
    line = article.dateline
    if argument is None or line is None or not (line.start <= argument.start and argument.end <= line.end):
        return argument
    for head in argument.heads:
        for child in head.children:
            if child.dep_ == "appos" and child.idx >= line.end and is_actor(child):
                return actor_argument(child)
    return None


def _sentence_span(article: Article, start: int, end: int) -> Span:
    """The sentence without the whitespace spaCy keeps around it, as in the sentences layer."""
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


def _trigger_span(article: Article, trigger: Token) -> Span:
    end = trigger.idx + len(trigger)
    for child in trigger.children:  # "pulled out", "called for": the particle belongs to the trigger
        if child.dep_ == "prt" and child.i == trigger.i + 1:
            end = child.idx + len(child)
    return _span(article, trigger.idx, end)
