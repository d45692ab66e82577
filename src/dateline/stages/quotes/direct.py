"""Direct quotes: a quoted stretch and the attribution next to it.

Shapes recognised, each inside one paragraph:
- after the quote: ``"…," X said.``, ``"…," said X.``, ``"…?" she asked.``, ``"…," according to X.``
- before the quote: ``X said: "…"``, ``X said, "…"``, ``X said "…"``, ``X: "…"``
- interrupted: ``"A," he said, "B."`` and ``"A," he said. "B."`` are one quote covering both parts.
A quoted stretch with no attribution beside it is left to the reported-speech pass (it may be a fragment
inside a reported clause) or dropped (a scare quote or a title).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.stages.quotes.cues import Cue, cue_at
from dateline.stages.quotes.marks import Quoted

_TERMINALS = ".?!"
_NEAR_WORDS = 8  # an attribution after a quote starts within this many words of it
_CUE_DISTANCE = 4  # "said in a statement, …": steps up the parse from the last word before a quote to its cue
# A quote ending in one of these (inside or just after its mark) is followed by its attribution.
_INLINE_END = ",?!—–-:;"
_MAX_ASIDE = 40  # characters after the speaker before a quote resumes: "…," he said in an interview, "…"


@dataclass(slots=True)
class Attributed:
    """A direct quote found next to its attribution; ``start``/``end`` cover every merged part."""

    start: int
    end: int
    cue: Cue
    speaker: Token | None
    kind: str = "direct"  # or "mixed" for a fragment after its cue: "called him “a liar”"


SpeakerFinder = Callable[[Cue], Token | None]


def attribute(doc: Doc, text: str, quoted: list[Quoted], find_speaker: SpeakerFinder) -> list[Attributed]:
    """The quoted stretches that have an attribution beside them, merged across interruptions.

    ``text`` is ``doc.text``, passed in because spaCy rebuilds that string on every access.
    """
    found: list[Attributed] = []
    index = 0
    while index < len(quoted):
        item = _attributed(doc, text, quoted, index, find_speaker)
        index += 1
        if item is None:
            continue
        while index < len(quoted) and _continues(text, item, quoted[index]):
            if _own_cue_after(doc, text, quoted, index, find_speaker) is not None:
                break  # the next quote has an attribution of its own
            item.end = quoted[index].end
            index += 1
        found.append(item)
    return found


def _attributed(
    doc: Doc, text: str, quoted: list[Quoted], index: int, find_speaker: SpeakerFinder
) -> Attributed | None:
    quote = quoted[index]
    hit = _own_cue_after(doc, text, quoted, index, find_speaker) or _cue_before(doc, text, quoted, index, find_speaker)
    if hit is None:
        return None
    cue, speaker = hit
    between = text[cue.end : quote.start]
    if cue.end <= quote.start and between.strip() and between.rstrip()[-1:] not in ",:":
        # "called him “a liar”": words between cue and quote make the quote a fragment of reported speech
        start = cue.end + len(between) - len(between.lstrip())
        return Attributed(start, quote.end, cue, speaker, "mixed")
    return Attributed(quote.start, quote.end, cue, speaker, "direct")


def _own_cue_after(
    doc: Doc, text: str, quoted: list[Quoted], index: int, find_speaker: SpeakerFinder
) -> tuple[Cue, Token | None] | None:
    following = quoted[index + 1] if index + 1 < len(quoted) else None
    region = _after_region(doc, len(text), quoted[index], following)
    return _cue_after(doc, text, quoted[index], region, find_speaker)


def _after_region(doc: Doc, length: int, quote: Quoted, following: Quoted | None) -> tuple[int, int]:
    """From the closing mark to the end of the attribution clause: a sentence end, a newline or the next quote."""
    limit = following.start if following is not None else length
    end = quote.end
    span = doc.char_span(quote.end, limit, alignment_mode="contract")
    for token in span if span is not None else ():
        if "\n" in token.text:
            break
        end = token.idx + len(token.text)
        if token.text in _TERMINALS:
            break
    return quote.end, end


def _before_region(text: str, quote: Quoted, previous: Quoted | None) -> tuple[int, int]:
    """From the sentence start (or the previous quote, or the paragraph start) to the opening mark."""
    limit = previous.end if previous is not None else 0
    start = quote.start
    while start > limit and text[start - 1] != "\n":
        if text[start - 1] in _TERMINALS and text[start].isspace():
            break
        start -= 1
    return start, quote.start


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _cue_after(
    doc: Doc, text: str, quote: Quoted, region: tuple[int, int], find_speaker: SpeakerFinder
) -> tuple[Cue, Token | None] | None:
    inner_end = text[quote.start : quote.end].rstrip("”\"'’»").rstrip()
    tail = text[region[0] : region[1]].lstrip()
    if not (inner_end[-1:] in _INLINE_END + _TERMINALS or tail[:1] in _INLINE_END):
        return None
    if inner_end.endswith(".") and not tail[:1].islower():
        return None  # a full stop ends the quoted sentence: what follows is a new sentence, not its attribution
    words = [t for t in _tokens(doc, *region) if not t.is_punct and not t.is_space]
    for position, token in enumerate(words[:_NEAR_WORDS]):
        cue = cue_at(token)
        if cue is not None and cue.kind in ("speech", "according"):
            speaker = find_speaker(cue)
            if speaker is None or not region[0] <= speaker.idx < region[1]:
                # the parse missed the subject: "said Jane Doe, a senior fellow" or "Jane Doe said"
                speaker = _noun_in(words[position + 1 :]) or _noun_before(words[:position])
            if speaker is not None:
                return cue, speaker
    return None


def _cue_before(
    doc: Doc, text: str, quoted: list[Quoted], index: int, find_speaker: SpeakerFinder
) -> tuple[Cue, Token | None] | None:
    quote = quoted[index]
    region = _before_region(text, quote, quoted[index - 1] if index > 0 else None)
    lead = text[region[0] : region[1]].rstrip()
    tokens = [t for t in _tokens(doc, region[0], region[0] + len(lead)) if not t.is_space]
    if not tokens:
        return None
    last = tokens[-1]
    if last.text == ":" and len(tokens) > 1:
        colon = Cue(last, last.idx, last.idx + 1, "colon")
        for token in reversed(tokens[:-1]):
            cue = cue_at(token)
            if cue is not None and cue.kind == "speech":
                return cue, find_speaker(cue)
        return colon, _noun_before(tokens[:-1])
    if last.text == ",":
        tokens = tokens[:-1]
    return _cue_above(tokens, find_speaker) if tokens else None


def _cue_above(tokens: list[Token], find_speaker: SpeakerFinder) -> tuple[Cue, Token | None] | None:
    """The speech cue that governs the last words before a quote: "said", "told reporters", "said of it"."""
    token = tokens[-1]
    for _ in range(_CUE_DISTANCE):
        cue = cue_at(token)
        if cue is not None and cue.kind == "speech":
            before = [t for t in tokens if t.i < token.i]
            return cue, find_speaker(cue) or _noun_before(before)
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return None
        token = token.head
    return None


def _noun_before(tokens: list[Token]) -> Token | None:
    """The last noun of some words ("Trump: …"), as the head of its name."""
    return _noun_in(tokens[::-1])


def _noun_in(tokens: list[Token]) -> Token | None:
    """The first noun or pronoun among ``tokens``, as the head of its name ("Jane" → "Doe")."""
    for token in tokens:
        if token.pos_ in ("PROPN", "NOUN", "PRON"):
            head = token
            while head.dep_ in ("compound", "flat") and head.head.i > head.i:
                head = head.head
            return head
    return None


def _continues(text: str, item: Attributed, nxt: Quoted) -> bool:
    """True when ``nxt`` carries on the same quote: after the attribution, in the same paragraph."""
    between = text[item.end : nxt.start]
    if "\n" in between:
        return False
    cue_between = item.end <= item.cue.start < nxt.start
    if cue_between:
        speaker_end = item.speaker.idx + len(item.speaker.text) if item.speaker is not None else 0
        rest = text[max(item.cue.end, speaker_end) : nxt.start]
        return len(rest.strip(" ,.;:—–-")) <= _MAX_ASIDE and not any(c in rest for c in "?!")
    return not between.strip()
