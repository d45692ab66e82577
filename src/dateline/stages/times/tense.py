"""The tense of the verb that governs a stretch of text, read from spaCy's parse.

"Thursday" means the coming Thursday under "will meet" and the last one under "met": relative expressions
need the direction the governing verb points in. Returns "past", "present", "future" or None (no verb).

Some words point forward whatever the verb's tense: a plan ("has set a briefing for Thursday"), a
deadline moved ("postponed until Tuesday"), or a date something becomes due ("payable Dec. 7", "effective
Feb. 1"). A possessive ("Wednesday's ruling") names something that has happened, so it points back.
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
# Verbs whose object happens at the time attached to them ("planned a rally on Saturday").
_PLAN_VERBS = frozenset({"schedule", "reschedule", "plan", "slate"})
# Verbs that move a deadline: "until Tuesday" after them is a date still to come.
_DEADLINE_VERBS = frozenset({"postpone", "delay", "extend", "defer", "adjourn", "give", "suspend", "push", "put"})
_UNTIL = frozenset({"until", "till", "til"})
# Words between a date and its verb that make the date one still to come ("payable Dec. 7").
_FORWARD_WORDS = frozenset({"payable", "effective", "due"})
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
    modal = words & _FUTURE_AUX | ({verb.lower_} & _FUTURE_AUX if verb.tag_ == "MD" else set())
    if modal and words & _PERFECT_AUX:
        return "past"  # "may have been", "would have left": a modal over the perfect looks back
    if modal == {"could"}:
        return None  # "could not be reached Tuesday" is past, "could come Friday" ahead: take the nearest day
    if modal or "going" in words:
        return "future"
    if words & _PERFECT_AUX or verb.tag_ == "VBD" or any(a.tag_ in _PAST_AUX_TAGS for a in aux):
        return "past"
    if verb.tag_ == "VB" and "to" in words:
        return _infinitive_tense(verb, depth)
    finite_aux = any(a.tag_ in {"VBZ", "VBP", "VBD", "MD"} for a in aux)
    non_finite = verb.tag_ in {"VBG", "VBN"} and not finite_aux and verb.head.i != verb.i
    if non_finite and verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl", "advcl", "amod"}:
        return "past"  # "the decision, announced Wednesday, ...": a reduced passive reports a done event
    if non_finite and depth < _MAX_DEPTH and verb.head.tag_ in _VERB_TAGS:
        return verb_tense(verb.head, depth + 1)
    if finite_aux or verb.tag_ in {"VBZ", "VBP"}:
        return "present"
    return "past" if verb.tag_ == "VBN" else None


def _infinitive_tense(verb: Token, depth: int) -> str:
    # "expected to visit Thursday" and "is to resume Tuesday" point forward; "came to sign it Thursday" shares
    # its head's past, and so does a plan already overtaken ("had been set to lapse Friday").
    head = verb.head
    if head.i == verb.i or depth >= _MAX_DEPTH:
        return "future"
    if head.lemma_ in _FUTURE_HEADS or (head.lemma_ == "be" and verb.dep_ == "xcomp"):
        return "past" if _past_perfect(head) else "future"
    if head.tag_ not in _VERB_TAGS:
        return "future"
    return verb_tense(head, depth + 1) or "future"


def _past_perfect(verb: Token) -> bool:
    """ "had been scheduled", "had been due": the verb (or the "been" an adjective hangs from) takes "had"."""
    return any(c.lower_ == "had" and c.dep_ == "aux" for c in verb.children) or any(
        c.lower_ == "had" and c.dep_ == "aux" for c in verb.head.children if verb.dep_ == "acomp"
    )


def tense_at(doc: Doc, start: int, end: int) -> str | None:
    """The tense governing the text ``[start, end)`` of ``doc``; None when no verb governs it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.dep_ == "poss":
        return "past"
    verb = governing_verb(root)
    if _points_forward(root, verb):
        return "future"
    return verb_tense(verb) if verb is not None else None


def _points_forward(token: Token, verb: Token | None) -> bool:
    """A plan, a moved deadline or a due date between ``token`` and its verb (see the module docstring)."""
    path = _path_up(token, verb)
    if any(t.lower_ in _FORWARD_WORDS for t in path):
        return True
    if verb is None:
        return False
    if verb.lemma_ in _PLAN_VERBS:
        return token.i > verb.i  # "On Friday, the government planned to ..." dates the planning instead
    return verb.lemma_ in _DEADLINE_VERBS and any(t.lower_ in _UNTIL for t in path)


def _path_up(token: Token, verb: Token | None) -> list[Token]:
    """The heads from ``token`` (exclusive) up to ``verb`` (exclusive), or up to the root when there is none."""
    path: list[Token] = []
    current = token
    for _ in range(_MAX_HOPS):
        if current.head.i == current.i or current.head == verb:
            break
        current = current.head
        path.append(current)
    return path
