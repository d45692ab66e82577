"""Reported speech: a cue verb and its clausal complement ("said that …", "told reporters …", "noting that …"),
"according to X" around a clause, the noun-phrase object of cues such as "endorsed", and headline colons.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.stages.quotes.cues import Cue, according_source, coordinated_with_outer, cue_at
from dateline.stages.quotes.speakers import speaker_token

_CLAUSES = ("ccomp",)
# Cues whose "to"-infinitive is not reported content: "asked not to be named", "continued to rise".
_NO_XCOMP = frozenset({"ask", "continue", "say", "tell", "call", "describe", "name", "appear", "seem"})
_TRIM = " \t\n,;:.—–-"
_MIN_CONTENT = 2  # characters
_HEADLINE_MAX = 200  # a first line longer than this is not a headline
_COLON_SOURCE_WORDS = 5  # "Rush Limbaugh: …" - a longer lead before a colon is not a source
_TRAILING_SPEAKER_WORDS = 12  # "…, the International Red Cross (ICRC) said.": a longer stretch is no speaker's name
_AFTER_CUE = frozenset({"prep", "npadvmod", "advmod", "pobj", "det", "compound", "amod", "nummod"})


@dataclass(slots=True)
class Reported:
    """Reported content with its cue and the head word of its speaker."""

    start: int
    end: int
    cue: Cue
    speaker: Token | None


def reported(doc: Doc, text: str, used_cues: set[int]) -> Iterator[Reported]:
    """Every reported statement whose cue is not already the cue of a direct quote (``text`` is ``doc.text``)."""
    for token in doc:
        if token.i in used_cues:
            continue
        cue = cue_at(token)
        if cue is None:
            continue
        found = _according(text, cue) if cue.kind == "according" else _complement(text, cue)
        if found is not None:
            yield found
    headline = _headline_colon(doc, text)
    if headline is not None:
        yield headline


def _complement(text: str, cue: Cue) -> Reported | None:
    """A cue verb with its complement, or a parenthetical cue with the clause it sits in."""
    content = _content_token(cue)
    if content is not None:
        span = _trimmed(text, content.left_edge.idx, _content_end(content))
        if span is not None and span[0] < cue.end and span[1] > cue.start:
            return None  # a complement cannot contain its own cue: the parse went wrong
    elif cue.token.dep_ == "parataxis" and cue.kind == "speech":
        span = _around(text, cue.token)  # "The danger, she said, is a war."
    else:
        return _trailing(text, cue)
    return None if span is None else Reported(span[0], span[1], cue, speaker_token(cue.token))


def _trailing(text: str, cue: Cue) -> Reported | None:
    """ "Aid will reach Chad on Monday, the International Red Cross (ICRC) said on Sunday.": a closing "<speaker>
    said" the parser did not hang the clause on (it made the speaker an apposition of the last noun and "said" a
    conjunct). The speaker is the noun phrase between the last comma and the cue; the content is the sentence before
    it."""
    verb = cue.token
    if cue.kind != "speech" or any(c.dep_ in ("nsubj", "nsubjpass", "ccomp", "dobj") for c in verb.children):
        return None
    sentence = verb.sent
    after = [t for t in sentence if t.i > verb.i and not t.is_punct]
    if any(t.pos_ in ("VERB", "AUX") or (t.dep_ not in _AFTER_CUE and t.head.i == verb.i) for t in after):
        return None  # only "on Monday", "in a statement" may follow the cue
    comma = next((t for t in reversed(list(sentence)) if t.i < verb.i and t.text == ","), None)
    if comma is None or comma.i <= sentence.start + 1:
        return None
    between = [t for t in sentence if comma.i < t.i < verb.i]
    if not between or len(between) > _TRAILING_SPEAKER_WORDS or any(t.pos_ in ("VERB", "AUX") for t in between):
        return None
    heads = [t for t in between if t.pos_ in ("NOUN", "PROPN", "PRON") and not comma.i < t.head.i < verb.i]
    if len(heads) != 1:
        return None
    span = _trimmed(text, sentence.start_char, comma.idx)
    return None if span is None else Reported(span[0], span[1], cue, heads[0])


def _content_end(content: Token) -> int:
    """Where the content ends: its last word, or before a cue the parse coordinated into it ("... and called it")."""
    for child in content.children:
        if child.dep_ == "conj" and coordinated_with_outer(child) is not None:
            before = [t for t in content.subtree if t.i < child.i and t.dep_ not in ("cc", "punct")]
            if before:
                return _token_end(max(before, key=lambda t: t.i))
    return _token_end(content.right_edge)


def _around(text: str, cue: Token) -> tuple[int, int] | None:
    """The clause a parenthetical cue interrupts or follows; its span includes the parenthetical itself."""
    clause = cue.head
    return _trimmed(text, clause.left_edge.idx, _token_end(clause.right_edge))


def _content_token(cue: Cue) -> Token | None:
    """The head of the reported content: a clausal complement, an infinitive, or a noun-phrase object."""
    verb = cue.token
    # A complement after the cue comes first: one before it may be a quote attributed elsewhere.
    children = sorted(verb.children, key=lambda child: (child.i < verb.i, abs(child.i - verb.i)))
    for child in children:
        if child.dep_ in _CLAUSES:
            return child
    if verb.lemma_.lower() not in _NO_XCOMP:
        for child in children:
            if child.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                return child
    if cue.takes_object:
        for child in children:
            if child.dep_ == "dobj":
                return child
    return None


def _according(text: str, cue: Cue) -> Reported | None:
    """ "According to X, …" or "…, according to X": the content is the rest of the sentence."""
    source = according_source(cue)
    if source is None:
        return None
    sentence = cue.token.sent
    phrase_end = _token_end(source.right_edge)
    if text[sentence.start_char : cue.start].strip(_TRIM):
        span = _trimmed(text, sentence.start_char, cue.start)  # "…, according to X."
    else:
        span = _trimmed(text, phrase_end, sentence.end_char)  # "According to X, …"
    if span is None:
        return None
    return Reported(span[0], span[1], cue, source)


def _headline_colon(doc: Doc, text: str) -> Reported | None:
    """A headline "Source: statement" ("Rush Limbaugh: Hillary … 'Reeks of Fear'")."""
    lead = len(text) - len(text.lstrip())
    line_end = text.find("\n", lead)
    line_end = len(text) if line_end < 0 else line_end
    colon = text.find(":", lead, line_end)
    if line_end - lead > _HEADLINE_MAX or colon < 0 or len(text[lead:colon].split()) > _COLON_SOURCE_WORDS:
        return None
    tokens = doc.char_span(lead, colon + 1, alignment_mode="contract")
    span = _trimmed(text, colon + 1, line_end)
    if tokens is None or len(tokens) < 2 or span is None:
        return None
    source_words = tokens[:-1]
    if any(t.pos_ in ("VERB", "AUX") for t in source_words) or not any(t.pos_ == "PROPN" for t in source_words):
        return None  # "The plan had three parts: …", "Results: …": the source before a headline colon is a name
    colon_token = tokens[-1]
    source = source_words.root
    return Reported(span[0], span[1], Cue(colon_token, colon, colon + 1, "colon"), source)


def _token_end(token: Token) -> int:
    return token.idx + len(token.text)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without surrounding spaces and separating punctuation; None when nothing is left."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end) if end - start >= _MIN_CONTENT else None
