"""Target-dependent tone: how a sentence treats one person or group, read off the dependency parse.

Every rated word of the target's sentence (its valence from :mod:`.lexicon`; positive words scaled by
:data:`POSITIVE`, negative ones by :data:`NEGATIVE`; flipped under negation, raised by a booster adverb) counts
toward the target with a weight that falls with its distance from the target in the parse tree. Words attached to
the target (modifiers, appositions), predicates that happen to it ("X was indicted", "Y attacked X", "X lost") and
what it does ("X attacked Y", "X won the vote") count with little decay. The target's role sets the exceptions,
following NewsMTSC's annotation guide (judge from the author's point of view what happens to the person and how
the author describes them):

- the negative words of what the target says or thinks ("X warned that the plan is a disaster") do not count
  toward it, the verb of saying included: a speaker's harsh words about others are not the author's judgement of
  the speaker; its positive words ("X said she was proud of the volunteers") count weakly, at
  :data:`SPEAKER_POSITIVE`, since praise, thanks and confidence do colour how the speaker comes across;
- words naming a reported event ("war", "killed"; flagged in the lexicon) count only within
  :data:`EVENT_REACH` step of the target ("X was killed", "X's death"), not when the target talks about a war;
- a word in another clause with its own subject ("Brown attacked Smith, while Jones praised ...") counts at
  :data:`OTHER_CLAUSE`;
- a verb of prevailing ("X defeated Y") counts reversed and halved toward its subject;
- the agent of a passive ("murdered by X") is its verb's subject, one step away, as in "X murdered";
- a target that is only where something happens ("protests in Caracas", "a bombing near Kabul") takes the
  sentence's words at :data:`SETTING`: a place is the scene of the news, not its subject;
- a negated negative word ("nobody accused X", "X is not corrupt") counts for nothing: a denial repeats the
  charge as much as it lifts it.

The weighted sum is squashed into [-1, 1] as VADER squashes its sums, after a dead band (:func:`squash`).
"""

from __future__ import annotations

import math

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.stages.tone.lexicon import Lexicon, load

UP = 0.8  # weight kept per step up from the target toward the word's governor
DOWN = 0.9  # weight kept per step down from that governor to the word
OTHER_CLAUSE = 0.5  # weight of a word in another clause: one with its own subject, or above the target's clause
WINNER = -0.5  # weight of a winner verb toward its subject ("X defeated Y")
SPEAKER = 0.0  # weight of the negative words of what the target says or thinks (a complaint is not about its author)
SPEAKER_POSITIVE = 0.3  # weight of its positive words: praise, hope and satisfaction reflect on the speaker
EVENT_REACH = 1  # steps within which an event word still concerns the target
POSITIVE = 0.8  # news reads VADER's positive words more flatly than social media does
NEGATIVE = 1.2  # and its negative words as weightier (the negativity of news)
DEAD_BAND = 0.2  # summed valence (VADER's -4..+4 scale) that still reads as neutral
ALPHA = 15.0  # VADER's normalisation constant
NEGATION = -0.74  # VADER's factor for a negated word
NEGATED_NEGATIVE = 0.0  # a negated negative word ("not corrupt", "nobody accused") says nothing either way
SETTING = 0.1  # weight of the sentence's words toward a target that is only the place of what happens
BOOST = 0.293  # VADER's step for a booster adverb ("very", "deeply")

# Dependencies that keep a word in the same role as its head: "President Trump", "Trump and Pence".
_SAME_ROLE = frozenset({"compound", "conj", "appos", "flat", "nmod"})
# Dependencies through which a negation on the head also negates the word ("He is not corrupt").
_NEGATED_VIA_HEAD = frozenset(
    {"acomp", "attr", "dobj", "xcomp", "oprd", "amod", "compound", "nsubjpass", "pobj", "prep"}
)
_CLAUSES = frozenset({"advcl", "conj", "ccomp", "parataxis", "relcl", "csubj"})
_PREDICATES = frozenset({"VERB", "AUX", "ADJ"})
_SUBJECT_ROLES = frozenset({"nsubj", "csubj", "agent"})
_CONTENT = frozenset({"ccomp", "parataxis", "xcomp"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Verbs whose subject prevails over their object: "X defeated Y" is good news for X.
WINNER_VERBS = _words("defeat beat rout trounce overcome outvote outpoll outscore oust unseat topple")

# Prepositions that make their object the setting of an event rather than a participant in it.
SETTING_PREPOSITIONS = _words("in inside across throughout within near around outside")

# Verbs of saying and thinking: their complement is the subject's own view, not what happens to it.
SPEECH_VERBS = _words(
    """
    say tell add state claim argue insist write tweet post declare announce warn note call think believe
    suggest allege accuse charge urge demand ask predict vow promise pledge blame complain describe label
    explain stress respond reply recall acknowledge contend maintain assert emphasize emphasise testify
    reveal wonder joke quip lament hope feel speak mention observe concede counter point know expect fear
    conclude confirm deny agree disagree worry
    """
)

# ancestor token index -> (steps up from the target, dependency the target's branch joins it by, whether the path
# from the target to it leaves the target's clause)
Chain = dict[int, tuple[int, str, bool]]


def tone_toward(doc_or_sentence: Doc | SpacySpan, target_start: int, target_end: int) -> float:
    """The tone in [-1, 1] of the target's sentence toward the target at ``[target_start, target_end)``.

    Offsets are character offsets into the text of the whole ``Doc`` (also when a sentence span is passed). A span
    that covers no token scores 0.0.
    """
    doc = doc_or_sentence if isinstance(doc_or_sentence, Doc) else doc_or_sentence.doc
    span = doc.char_span(target_start, target_end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0.0
    lex = load()
    return squash(target_sum(span, valences(span.root.sent, lex), lex))


def valences(sentence: SpacySpan | Doc, lex: Lexicon) -> dict[int, float]:
    """Each rated token (by index in the doc) with its valence after negation and boosters."""
    rated: dict[int, float] = {}
    for token in sentence:
        value = lex.valence(token)
        if value:
            rated[token.i] = _modified(token, value * (POSITIVE if value > 0 else NEGATIVE), lex)
    return rated


def _modified(token: Token, value: float, lex: Lexicon) -> float:
    for child in token.children:
        boost = lex.boosters.get(child.lower_) if child.dep_ == "advmod" else None
        if boost is not None:
            value += math.copysign(BOOST, value) * math.copysign(1.0, boost)
    if _negated(token, lex):
        return value * (NEGATION if value > 0 else NEGATED_NEGATIVE)
    return value


def _negated(token: Token, lex: Lexicon) -> bool:
    """Whether a negation governs the word: on it, or on the predicate it completes ("was not a good leader")."""
    node = token
    while True:
        if any(_negates(child, lex) for child in node.children):
            return True
        if node.dep_ not in _NEGATED_VIA_HEAD or node.head.i == node.i:
            return False
        node = node.head


def _negates(child: Token, lex: Lexicon) -> bool:
    """A negating dependent: "not", "never", "no evidence", or a negative subject or object ("no one", "nobody")."""
    if child.dep_ == "neg" or (child.dep_ in {"det", "advmod"} and child.lower_ in lex.negators):
        return True
    if child.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return False
    return child.lower_ in lex.negators or any(g.dep_ == "det" and g.lower_ in lex.negators for g in child.children)


def target_sum(span: SpacySpan, rated: dict[int, float], lex: Lexicon) -> float:
    """The weighted valence, toward the span, of the rated words of the span's sentence.

    ``rated`` may hold the whole document's words: only those of the span's sentence reach the target.
    """
    chain = role_chain(span.root)
    total = 0.0
    for i, value in rated.items():
        if span.start <= i < span.end:
            continue
        token = span.doc[i]
        total += _weight(token, chain, value > 0, EVENT_REACH if lex.is_event(token) else None) * value
    return total * (SETTING if _is_setting(span.root) else 1.0)


def _is_setting(root: Token) -> bool:
    """Whether the target is only where something happens ("protests in Caracas"), not a participant."""
    return root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lemma_.lower() in SETTING_PREPOSITIONS


def role_chain(head: Token) -> Chain:
    """The target's head and its ancestors, each with its distance and the dependency the target's branch joins by."""
    chain: Chain = {head.i: (0, "", False)}
    node, steps, left = head, 0, False
    while node.head.i != node.i:
        steps += 0 if _same_role(node) or node.dep_ == "agent" else 1  # "by X" is X as the subject
        left = left or (node.dep_ in _CLAUSES and node.pos_ in _PREDICATES)
        chain[node.head.i] = (steps, node.dep_, left)
        node = node.head
    return chain


def _same_role(token: Token) -> bool:
    """Whether a token plays its head's role: parts and coordinates of a name, not coordinated clauses."""
    return token.dep_ in _SAME_ROLE and token.pos_ not in _PREDICATES


def _weight(token: Token, chain: Chain, positive: bool, reach: int | None = None) -> float:
    """How much one word's valence says about the target (see the module docstring)."""
    down, branch, node = 0, token, token
    while node.i not in chain:
        if node.head.i == node.i:
            return 0.0  # the root of another sentence: not the target's sentence
        down += 0 if _same_role(node) else 1
        branch, node = node, node.head
    up, role, left = chain[node.i]
    if reach is not None and up + down > reach:
        return 0.0
    if up == 0:
        return DOWN ** max(down - 1, 0)  # the target's own modifiers
    factor = OTHER_CLAUSE if left else _role_factor(node, role, branch if down else None, positive)
    return factor * UP ** max(up - 1, 0) * DOWN**down


def _role_factor(predicate: Token, role: str, branch: Token | None, positive: bool) -> float:
    """The weight of ``predicate`` itself (``branch`` None) or of a word below it through ``branch``, for a target
    that joins ``predicate`` as ``role``; ``positive`` tells the sign of the word's valence."""
    lemma = predicate.lemma_.lower()
    subject = role in _SUBJECT_ROLES
    speaker = SPEAKER_POSITIVE if positive else SPEAKER
    if branch is None:
        if subject and lemma in SPEECH_VERBS:
            return speaker  # the verb of saying itself: "X warned", "X argued"
        return WINNER if subject and lemma in WINNER_VERBS else 1.0
    if subject and lemma in SPEECH_VERBS and branch.dep_ in _CONTENT:
        return speaker
    return OTHER_CLAUSE if _other_clause(branch) else 1.0


def _other_clause(branch: Token) -> bool:
    """Whether a branch is a clause of its own, with its own subject ("..., while Jones praised Smith")."""
    return branch.dep_ in _CLAUSES and any(c.dep_ in {"nsubj", "nsubjpass"} for c in branch.children)


def squash(total: float) -> float:
    """A summed valence to [-1, 1]: 0 inside the dead band, then VADER's ``x / sqrt(x² + alpha)`` of the excess.

    With the dead band of 0.2 the eval harness's neutral band (±0.05) ends at a summed valence of ±0.39: one
    mildly rated word right at the target ("criticised", "praised" weigh 1.5 to 2.5) makes a target polar, a lone
    weak word a few steps away does not.
    """
    excess = max(abs(total) - DEAD_BAND, 0.0)
    return math.copysign(excess / math.sqrt(excess * excess + ALPHA), total) if excess else 0.0
