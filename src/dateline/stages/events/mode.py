"""The mode of an event: whether the text reports it as having happened.

``asserted``      reported as having happened ("Russia attacked Ukraine")
``negated``       said not to have happened ("refrained from providing", "did not", "no plans to")
``hypothetical``  possible, conditional or merely considered ("could", "if", "contemplated sanctioning")
``planned``       announced for the future ("will exchange views", "is set to", "plans to", "expected to")
``background``    an earlier event referred to in passing ("Russia's 2022 invasion of Ukraine")

The mode is read off the chain of words that govern the trigger inside its clause (the trigger, then the verb
or noun it is the complement or object of, and so on up to the clause head): negation, modal auxiliaries,
conditional markers and the words listed under ``[modes]`` in ``event_patterns.toml`` (matrix verbs and nouns,
modals, background prepositions and nouns, alleging adverbs).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from dateline.stages.events.extract import FOILING, PREVENTING, REPORTING, said_nobody
from dateline.stages.events.lexicon import Lexicon

MODES = ("asserted", "negated", "hypothetical", "planned", "background")

# Dependencies through which a word governs an event in its own clause.
_CHAIN_DEPS = frozenset(
    {"xcomp", "pcomp", "pobj", "dobj", "prep", "acomp", "nsubjpass", "attr", "relcl", "acl", "amod"}
)
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_FUTURE_ADJ = frozenset({"planned", "upcoming", "proposed", "future", "forthcoming", "next", "expected", "scheduled"})


def event_mode(trigger: Token, lexicon: Lexicon, anchor_year: int | None, composed: bool = False) -> str:
    """The mode of the event triggered by ``trigger`` (one of :data:`MODES`)."""
    chain = governing_chain(trigger)
    if denied(chain):  # "China denied that it had supplied weapons": its speaker says no
        return "negated"
    if any(ruled_out(tok) for tok in chain):  # "removing the sanctions is out of the question"
        return "negated"
    if alleged(chain):  # "claimed that they had shot down a helicopter": however long ago
        return "hypothetical"
    if not composed and is_background(trigger, anchor_year, lexicon):
        return "background"
    if _foiled(trigger):
        return "negated"
    cut = _failed_prevention(chain)
    if cut:
        chain = chain[:cut]  # "could not stop the attack": what is said of the stopping is not said of the attack
    aside = next((i for i in range(2, len(chain)) if _named_aside(chain, i)), len(chain))
    # "talks adjourned without a solution to the strike": what denies the solution does not deny the strike
    if any(_negated(tok, _own(chain, i), lexicon, composed) for i, tok in enumerate(chain[:aside])):
        return "negated"
    if any(_hypothetical(tok, _own(chain, i), lexicon, composed) for i, tok in enumerate(chain)):
        return "hypothetical"
    if any(_asked_for(tok, lexicon) for tok in chain[1:]):
        return "hypothetical"
    if any(_charged_with(tok) for tok in chain):  # "arrested for collaborating with Israel": alleged, not shown
        return "hypothetical"
    if trigger.dep_ == "nsubj" and _modal_head(trigger, lexicon):  # "an embargo would not work"
        return "hypothetical"
    if _imperative(chain[-1]):  # "Free the hostages!", "please visit our page": asked for, not done
        return "hypothetical"
    if _question(trigger):  # "Which candidates have you supported?": asked about, not told
        return "hypothetical"
    if any(_planned(tok, _own(chain, i), lexicon, composed) for i, tok in enumerate(chain)):
        return "planned"
    return "asserted"


def _asked_for(verb: Token, lexicon: Lexicon) -> bool:
    """ "The protesters' demands include an investigation": what a demand, call or proposal holds is asked for,
    not done."""
    asks = lexicon.modes["hypothetical"]
    return verb.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in asks for c in verb.children
    )


def _own(chain: list[Token], i: int) -> bool:
    """Whether a word of the chain is read as the event's own verb: the trigger, or a verb it is coordinated with
    ("blocked roads and forced thousands to flee": "blocked" shares its "not" or "will" with "forced", but is
    no word over it that denies or plans it)."""
    return i == 0 or chain[i - 1].dep_ == "conj"


def governing_chain(trigger: Token) -> list[Token]:
    """The trigger and the words above it in its clause, nearest first."""
    chain = [trigger]
    tok = trigger
    while (
        (
            tok.dep_ in _CHAIN_DEPS
            or _purpose(tok)
            or _stop_short(tok)
            or _shares_verb(tok)
            or _to_ccomp(tok)
            or (_listed_with(tok) and len(chain) == 1)
        )
        and tok.head.i != tok.i
        and len(chain) < 8
    ):
        if tok.dep_ == "relcl" and _finite(tok):
            break  # "Okoro, who this week criticised donors": a relative clause with its own tense
        if _claimed_act(tok):
            break  # "No group claimed responsibility for the attack": the attack happened all the same
        if _ended(tok):
            break  # "efforts to end the war have failed": the war goes on, whatever became of ending it
        tok = tok.head
        chain.append(tok)
    return chain


_ENDING = frozenset({"end", "settle", "resolve", "conclude", "finish"})
_FAILING = frozenset({"fail", "unable"})
_TRIED = frozenset({"attempt", "bid", "try", "plot"})


def _foiled(trigger: Token) -> bool:
    """ "Police foiled a bomb attack", "the attack was averted": it did not happen. A foiled attempt or plot was
    made all the same ("an attempt on his life was thwarted")."""
    head = trigger.head
    return (
        trigger.dep_ in ("dobj", "nsubjpass")
        and head.lemma_.lower() in FOILING
        and trigger.lemma_.lower() not in _TRIED
        and not any(c.dep_ == "neg" for c in head.children)
    )


def _failed_prevention(chain: list[Token]) -> int:
    """Where in the chain a prevention that did not come off stands ("the army failed to prevent the attack", "could
    not stop the fighting"), or 0: it leaves the event happened, as two negations cancel."""
    for i, tok in enumerate(chain[1:], start=1):
        if tok.lemma_.lower() not in PREVENTING:
            continue
        failed = any(c.dep_ == "neg" for c in tok.children)
        failed = failed or (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _FAILING)
        return i if failed else 0
    return 0


def _ended(tok: Token) -> bool:
    """A noun event that a verb of ending takes as its object: the event was under way, whether or not it ended."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj" and tok.head.lemma_.lower() in _ENDING


def _listed_with(tok: Token) -> bool:
    """ "demands include an investigation and the release of prisoners": a noun listed with another shares what
    is said of it."""
    return tok.dep_ == "conj" and tok.pos_ in ("NOUN", "PROPN") and tok.head.pos_ in ("NOUN", "PROPN")


def _to_ccomp(tok: Token) -> bool:
    """ "allows China to extradite": an infinitive the parser hung as a clausal complement is governed as an
    xcomp is."""
    return tok.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _shares_verb(tok: Token) -> bool:
    """ "will travel to Paris and meet Macron", "could send troops and impose sanctions": a verb coordinated in
    the same form, with no subject or auxiliary of its own, falls under its partner's "will", "could" or "not".
    After "but" it stands on its own ("did not attack Kyiv but shelled Kharkiv")."""
    if tok.dep_ != "conj" or tok.pos_ not in ("VERB", "AUX") or tok.tag_ != tok.head.tag_:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg") for c in tok.children):
        return False
    contrast = ("but", "yet", "while", "although", "though")
    return not any(c.dep_ == "cc" and c.lower_ in contrast for c in tok.head.children if tok.head.i < c.i < tok.i)


_CHARGING = frozenset({"arrest", "detain", "charge", "indict", "prosecute", "investigate", "question", "sue"})


def _charged_with(tok: Token) -> bool:
    """An act someone is arrested, charged or sued for ("detained on suspicion of spying", "arrested for
    collaborating"): the charge says it, no court has found it. A conviction or sentence is left as told."""
    prep = tok.head
    return (
        tok.dep_ in ("pcomp", "pobj")
        and prep.lower_ in ("for", "over")
        and prep.dep_ == "prep"
        and prep.head.lemma_.lower() in _CHARGING
    )


def _claimed_act(tok: Token) -> bool:
    """An act named after "responsibility for", "credit for" or "blame for": claimed or not, it took place."""
    prep = tok.head
    claimed = ("responsibility", "credit", "blame")
    return tok.dep_ == "pobj" and prep.lower_ == "for" and prep.head.lemma_.lower() in claimed


def _stop_short(tok: Token) -> bool:
    """ "stopped short of imposing sanctions": "short" joins the act to "stopped"."""
    return tok.dep_ == "advmod" and tok.lower_ == "short"


def _purpose(tok: Token) -> bool:
    """ "The Senate was to meet to discuss ...": an infinitive of purpose shares its verb's mode."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _finite(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def is_background(trigger: Token, anchor_year: int | None, lexicon: Lexicon) -> bool:
    """A nominal event dated before the article's year, or named after "since", "after", "prior to"..."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        if _who_the_speaker_is(trigger):
            return True
        if trigger.tag_ != "VBN" or not any(c.lower_ == "had" for c in trigger.children if c.dep_ == "aux"):
            return False
        # "Syria said its troops had captured the airbase": the past of what a past "said" reports is the news itself,
        # unless a year before the story dates it ("said they had met in 1990")
        return not _reported(trigger) or _dated_before(trigger, anchor_year)
    year = event_year(trigger)
    if year is not None and anchor_year is not None and year < anchor_year:
        return True
    prep = trigger.head if trigger.dep_ == "pobj" else None
    if prep is not None and prep.lower_ == "of" and prep.head.lemma_.lower() in lexicon.modes["background_nouns"]:
        return True  # "the anniversary of the takeover", "in the aftermath of the war"
    while prep is not None and prep.dep_ in ("prep", "pcomp") and prep.lower_ in ("to", "of"):
        prep = prep.head  # "prior to the invasion": the preposition that matters is "prior"
    return prep is not None and prep.lower_ in lexicon.modes["background_preps"]


def _who_the_speaker_is(verb: Token) -> bool:
    """ "Anna Berg, who lost her brother when a bomber set off a device, said ...": an undated past
    told in a clause set off by commas to say who a speaker is; the news is what the speaker says."""
    clause = verb
    for _ in range(4):  # up through "when" clauses and coordination to the relative clause
        if clause.dep_ == "relcl" or clause.head.i == clause.i or clause.dep_ not in ("advcl", "conj"):
            break
        clause = clause.head
    if clause.dep_ != "relcl" or clause.head.ent_type_ != "PERSON" or clause.head.dep_ != "nsubj":
        return False
    if clause.lemma_.lower() in REPORTING or any(c.dep_ == "ccomp" for c in clause.children):
        return False  # "Okoro, who admitted she would not be the favourite, said ...": said at the same time
    past = clause.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in clause.children)
    speaking = clause.head.head.lemma_.lower() in REPORTING
    left = clause.left_edge
    set_off = left.i > 0 and clause.doc[left.i - 1].text == ","
    dated = any(t.ent_type_ in ("DATE", "TIME") for t in clause.subtree)
    return past and speaking and set_off and not dated


def _reported(verb: Token) -> bool:
    """Whether a verb's clause is what a past reporting verb says ("said (that) it had ...")."""
    clause = verb
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING and clause.head.tag_ in ("VBD", "VBN")


def _dated_before(verb: Token, anchor_year: int | None) -> bool:
    years = [int(t.text) for t in verb.subtree if t.ent_type_ == "DATE" and _YEAR.match(t.text)]
    return bool(years) and (anchor_year is None or min(years) < anchor_year)


def event_year(trigger: Token) -> int | None:
    """A year written as a modifier of a nominal event ("Russia's 2022 invasion", "the invasion in 2022")."""
    for child in trigger.children:
        if child.dep_ in ("nummod", "compound", "amod", "npadvmod") and _YEAR.match(child.text):
            return int(child.text)
        if child.dep_ == "prep" and child.lower_ in ("in", "of"):
            for sub in child.subtree:
                if _YEAR.match(sub.text) and sub.ent_type_ == "DATE":
                    return int(sub.text)
    return None


_RULED = frozenset({"question", "table"})  # "out of the question", "off the table"


def ruled_out(subject: Token) -> bool:
    """The subject of "is out of the question", "is off the table" or "is impossible": ruled out, not done."""
    copula = subject.head
    if subject.dep_ not in ("csubj", "nsubj") or copula.lemma_ != "be" or any(c.dep_ == "neg" for c in copula.children):
        return False
    for child in copula.children:
        if child.dep_ == "prep" and child.lower_ in ("out", "off") and {t.lower_ for t in child.subtree} & _RULED:
            return True
        if child.dep_ == "acomp" and child.lower_ in ("impossible", "unthinkable"):
            return True
    return False


def denied(chain: list[Token]) -> bool:
    """Whether a governing chain (:func:`governing_chain`) is said not to hold by someone denying it, rather
    than by a "not" of its own."""
    return any(_denied(tok) for tok in chain)


_TOLD_NOUNS = frozenset({"report", "claim", "allegation", "suggestion", "accusation", "rumour", "rumor", "charge"})
_DENYING = frozenset({"deny", "reject", "dismiss", "refute", "rebut"})


def _denied(head: Token) -> bool:
    """The clause after "denied (that)", or what a denied report says ("denied a report claiming he had warned",
    "dismissed reports that it plans to ..."). A clause before "denied" is most often a misparse ("X accused Y of
    shelling the plant, a charge Ukraine denies")."""
    if head.dep_ != "ccomp" and not _content_clause(head):
        return False
    verb = head.head
    if head.dep_ == "ccomp" and verb.lemma_.lower() == "deny" and head.i > verb.i:
        return True
    told = verb.head if verb.pos_ == "VERB" and _content_clause(verb) else verb  # "a report claiming (that) ..."
    if told.lemma_.lower() not in _TOLD_NOUNS or told.head.lemma_.lower() not in _DENYING:
        return False
    # "rejected claims that ...", and in the passive "reports that ... were denied"
    return (told.dep_ == "dobj" and told.i > told.head.i) or told.dep_ == "nsubjpass"


def _content_clause(clause: Token) -> bool:
    """A clause that says what a noun holds ("reports (that) he told aides ...", "a report claiming ..."). The
    parser may call one without "that" a relative clause; one with a subject and an object of its own has no gap
    a relative would fill ("the claims he made" has one)."""
    if clause.dep_ == "acl":
        return True
    if clause.dep_ != "relcl":
        return False
    own_subject = any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in clause.children)
    return own_subject and any(c.dep_ in ("dobj", "ccomp") for c in clause.children)


def alleged(chain: list[Token]) -> bool:
    """Whether a governing chain (:func:`governing_chain`) is one side's claim ("alleged that", "the claim
    that")."""
    return any(_alleged(tok) for tok in chain)


_ALLEGING = frozenset({"allege", "claim", "allegation", "accusation", "rumour", "rumor", "charge"})


def _alleged(head: Token) -> bool:
    """The clause after "alleged that", "claimed that" or "the allegation that": one side's claim, which the
    report does not make its own (unlike "said that"). "claimed responsibility for" has no such clause."""
    if head.head.lemma_.lower() not in _ALLEGING or head.i < head.head.i:
        return False
    return head.dep_ == "ccomp" or (_content_clause(head) and head.head.pos_ == "NOUN")


def _negated(tok: Token, is_trigger: bool, lexicon: Lexicon, composed: bool) -> bool:
    if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children):
        return True
    if any(_negated_adverb(c, tok) for c in tok.children):
        return True
    if not is_trigger and tok.lemma_ == "have" and any(c.lower_ == "yet" for c in tok.children):
        return True  # "the rebels have yet to release the hostages"
    if tok.pos_ in ("VERB", "AUX") and any(said_nobody(c) for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
        return True  # "Neither X nor Y boycotted", "No country has recognised", "Nobody attacked"
    if tok.pos_ in ("VERB", "AUX") and _neither_nor(tok):
        return True  # "has neither admitted nor denied wrongdoing"
    if is_trigger and tok.pos_ == "VERB" and any(_none_of_it(c) for c in tok.children if c.dep_ == "dobj"):
        return True  # "expressed no regret", "offered no apology": the act the object names was not done
    if is_trigger:
        return False
    return not composed and _listed(tok, lexicon.modes["negating"])


def _none_of_it(obj: Token) -> bool:
    """An object with "no" before it ("no regret", "no apology"), or "none"."""
    return obj.lower_ == "none" or any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children)


def _neither_nor(verb: Token) -> bool:
    """A verb after "neither", or after "nor" in the same pair ("neither admitted nor denied")."""
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in verb.children):
        return True
    return verb.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ == "nor" and c.i < verb.i for c in verb.head.children
    )


def _negated_adverb(child: Token, verb: Token) -> bool:
    """A "not" the parser hangs on an adverb between the auxiliary and the verb ("did not even ever clash").
    "not only" and "not just" add to the verb rather than deny it."""
    if child.dep_ != "advmod" or child.i > verb.i or child.lower_ in _ADDING_ADVERBS:
        return False
    if not any(a.dep_ in ("aux", "auxpass") and a.i < child.i for a in verb.children):
        return False
    return any(g.dep_ == "neg" for g in child.children)


_ADDING_ADVERBS = frozenset({"only", "just", "merely", "simply", "solely"})


def _named_aside(chain: list[Token], i: int) -> bool:
    """ "no solution to the strike", "no end to the war": a "no" on a noun the event is named beside (through a
    preposition other than "of") denies that noun, not the event. "no sign of an attack" still denies it."""
    if i < 2 or chain[i].pos_ not in ("NOUN", "PROPN"):
        return False
    link = chain[i - 1]
    return link.dep_ == "prep" and link.lower_ != "of" and not any(c.dep_ == "neg" for c in chain[i].children)


_POSSIBLE_ADJ = frozenset({"possible", "potential", "hypothetical", "eventual", "prospective", "feared", "imminent"})


def _hypothetical(tok: Token, is_trigger: bool, lexicon: Lexicon, composed: bool) -> bool:
    modals = lexicon.modes["hypothetical_modals"]
    if tok.pos_ == "NOUN" and any(c.dep_ == "amod" and c.lower_ in _POSSIBLE_ADJ for c in tok.children):
        return True  # "a possible terrorist attack", "fears of an imminent invasion": not (yet) happened
    if any(c.dep_ == "advmod" and c.lower_ in lexicon.modes["alleging_adverbs"] for c in tok.children):
        return True  # "the army allegedly killed civilians": claimed, not shown
    if any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children) and not _future_in_past(tok, lexicon):
        return True
    if any(c.dep_ == "mark" and c.lower_ in lexicon.modes["conditional_marks"] for c in tok.children):
        return True
    if is_trigger:
        return False
    return _listed(tok, lexicon.modes["hypothetical"])


def _planned(tok: Token, is_trigger: bool, lexicon: Lexicon, composed: bool) -> bool:
    if any(c.dep_ == "aux" and c.lower_ in lexicon.modes["planned_modals"] for c in tok.children):
        return True
    if _future_in_past(tok, lexicon):
        return True
    if _when_in_future(tok, lexicon):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and _be_to(tok):
        return True  # "the president is to visit"
    if tok.pos_ == "NOUN" and any(c.lower_ in _FUTURE_ADJ for c in tok.children if c.dep_ in ("amod", "compound")):
        return True
    if tok.pos_ == "NOUN" and any(  # "next week's summit"
        c.ent_type_ == "DATE" and any(t.lower_ in _FUTURE_ADJ for t in c.subtree)
        for c in tok.children
        if c.dep_ == "poss"
    ):
        return True
    if is_trigger or composed:
        return False
    if tok.lemma_.lower() == "go" and not (tok.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in tok.children)):
        return False  # "is going to attack" is a plan; "went on a rampage" happened
    return _listed(tok, lexicon.modes["planned"])


def _listed(tok: Token, words: frozenset[str]) -> bool:
    """Whether the word is in a list by its lemma, or by the stem of an -ing form the lemmatiser got wrong
    ("hoping" -> "hop")."""
    if tok.lemma_.lower() in words:
        return True
    form = tok.lower_
    return tok.tag_ == "VBG" and form.endswith("ing") and (form[:-3] + "e" in words or form[:-3] in words)


def _question(trigger: Token) -> bool:
    """A sentence that ends in a question mark, inside closing quotes or brackets too."""
    return trigger.sent.text.rstrip().rstrip("\"'”’)").endswith("?")


def _imperative(head: Token) -> bool:
    """A clause head in the bare form with no subject and no auxiliary, at the root of its sentence."""
    return (
        head.dep_ == "ROOT"
        and head.tag_ == "VB"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in head.children)
    )


def _future_in_past(tok: Token, lexicon: Lexicon) -> bool:
    """ "Officials said the president would travel to Kenya": "would" is "will" told in the past tense, a plan,
    when its clause is what a past reporting verb says and nothing makes it conditional."""
    if not any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children):
        return False
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in REPORTING or tok.head.tag_ not in ("VBD", "VBN"):
        return False
    marks = lexicon.modes["conditional_marks"]
    clauses = (c for c in tok.children if c.dep_ == "advcl")
    return not any(m.dep_ == "mark" and m.lower_ in marks for c in clauses for m in c.children)


def _when_in_future(tok: Token, lexicon: Lexicon) -> bool:
    """ "The pact will enter into force when ratified": a clause timed by a verb still to come is still to come."""
    if tok.dep_ != "advcl" or tok.tag_ == "VBD" or tok.head.i == tok.i:
        return False
    marks = lexicon.modes["temporal_marks"]
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in marks and c.i < tok.i for c in tok.children):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in tok.children):
        return False  # "after it was ratified"
    return any(c.dep_ == "aux" and c.lower_ in lexicon.modes["planned_modals"] for c in tok.head.children)


def _be_to(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ == "xcomp" and head.lemma_ == "be"


def _modal_head(trigger: Token, lexicon: Lexicon) -> bool:
    """Whether the clause a nominal event is the subject of is modal ("sanctions could hurt")."""
    modals = lexicon.modes["hypothetical_modals"]
    return any(c.dep_ == "aux" and c.lower_ in modals for c in trigger.head.children)
