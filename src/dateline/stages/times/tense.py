"""The tense of the verb that governs a stretch of text, read from spaCy's parse.

"Thursday" means the coming Thursday under "will meet" and the last one under "met": relative expressions
need the direction the governing verb points in. Returns "past", "present", "future" or None (no verb).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

_FUTURE_AUX = frozenset({"will", "wo", "'ll", "shall", "would", "'d", "could", "might", "may", "should", "must"})
_PAST_AUX_TAGS = frozenset({"VBD"})
# Heads of an infinitive that point forward ("is expected to visit", "plans to meet").
_FUTURE_HEADS = frozenset(
    {"expect", "schedule", "set", "plan", "due", "intend", "hope", "go", "prepare", "aim", "agree", "want", "seek",
     "promise", "vow", "threaten", "pledge", "likely", "poised", "slate", "decide", "try", "propose", "offer"}
)  # fmt: skip
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_MAX_HOPS = 8
_MAX_DEPTH = 3
_PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "having"})


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the parse (itself when it is a verb), or None."""
    current = token
    for _ in range(_MAX_HOPS):
        if current.tag_ in _VERB_TAGS and current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def verb_tense(verb: Token, depth: int = 0) -> str | None:
    """Past, present or future, from the verb's auxiliaries, its tag, and for non-finite verbs ("found
    clinging", "the decision announced Wednesday") the tense of the verb they hang from."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in aux}
    if words & _FUTURE_AUX or (verb.tag_ == "MD" and verb.lower_ in _FUTURE_AUX) or "going" in words:
        return "future"
    if words & _PERFECT_AUX or verb.tag_ == "VBD" or any(a.tag_ in _PAST_AUX_TAGS for a in aux):
        return "past"
    if verb.tag_ == "VB" and "to" in words:
        return _infinitive_tense(verb, depth)
    finite_aux = any(a.tag_ in {"VBZ", "VBP", "VBD", "MD"} for a in aux)
    non_finite = verb.tag_ in {"VBG", "VBN"} and not finite_aux and verb.head.i != verb.i
    if non_finite and depth < _MAX_DEPTH and verb.head.tag_ in _VERB_TAGS:
        return verb_tense(verb.head, depth + 1)
    if finite_aux or verb.tag_ in {"VBZ", "VBP"}:
        return "present"
    return "past" if verb.tag_ == "VBN" else None


def _infinitive_tense(verb: Token, depth: int) -> str:
    # "expected to visit Thursday" points forward; "came to sign it Thursday" shares its head's past.
    head = verb.head
    if head.i == verb.i or head.lemma_ in _FUTURE_HEADS or head.tag_ not in _VERB_TAGS or depth >= _MAX_DEPTH:
        return "future"
    return verb_tense(head, depth + 1) or "future"


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """The tense governing the text ``[start, end)`` of ``doc``; None when no verb governs it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = governing_verb(span.root)
    return verb_tense(verb) if verb is not None else None
