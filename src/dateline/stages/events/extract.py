"""Events from the dependency parse: triggers, their CAMEO code, and their source and target arguments.

A trigger is a verb or a noun whose lemma has a pattern in the lexicon. Verbs that take an event as their
complement (frames: "agreed to send", "threatened sanctions", "called for the release of") are composed with the
complement into one event. Arguments come from the parse: subject / passive agent / possessor / "by" phrase for
the source; object / passive subject / "of", "to", "with", "against" ... phrase for the target. A coordinated
argument ("Xi and Putin") stays one argument: one event with both, never a cross product.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.stages.events.lexicon import Frame, Lexicon, Pattern


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (long word lists stay readable)."""
    return frozenset(text.split())


_SUBJECTS = frozenset({"nsubj", "csubj"})
_OBJECTS = frozenset({"dobj", "attr", "oprd", "dative"})
_TARGET_PREPS = frozenset({"to", "with", "against", "on", "at", "into", "toward", "towards", "upon", "over", "for"})
_NOUN_TARGET_PREPS = frozenset({"of", "to", "with", "against", "on", "at", "into", "toward", "towards", "upon", "for"})
_MODIFIERS = frozenset({"amod", "compound", "nmod", "nummod", "poss", "npadvmod"})
_ACTOR_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})
# Labels the small model gives unknown names it cannot place: as a verb's subject such a name is a party.
_MISREAD_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"})
# Heads of noun phrases that name a political actor even without a name ("the government", "police").
AGENT_NOUNS = wordset(
    "government administration ministry minister president premier leader official spokesman spokeswoman "
    "spokesperson diplomat ambassador envoy embassy army military troop soldier force navy militia police "
    "rebel insurgent militant guerrilla fighter opposition party parliament lawmaker legislator congress "
    "senate protester demonstrator activist student worker union bank company firm court judge prosecutor "
    "regime authority council cabinet king queen prince chancellor delegation state country nation people "
    "civilian resident villager refugee group organization organisation agency commander general officer "
    "junta coalition alliance bloc member prime secretary governor mayor mission media newspaper "
    "journalist citizen population crowd gunman terrorist separatist faction tribe clan clergy cleric "
    "monk observer monitor inspector migrant immigrant reporter prisoner hostage detainee sailor pilot "
    "trader farmer fisherman settler pilgrim tourist victim child woman man youth teacher doctor nurse "
    "voter candidate dissident hacker guard partner ally neighbour neighbor side rioter mob looter attacker "
    "assailant kidnapper abductor bomber sniper consulate peacekeeper senator congressman congresswoman emir "
    "sultan sheikh monarch pope dictator supporter mediator suspect accused donor lawyer attorney "
    "revolutionary rival opponent critic adversary enemy foe extremist jihadist captor smuggler trafficker "
    "pirate mercenary raider fan counterpart driver miner employee docker dockworker labourer laborer "
    "defector medic paramedic shopper worshipper passenger bystander pedestrian commuter asylum-seeker delegate "
    "militiaman tribesman serviceman policeman policewoman gendarme marine paratrooper commando"
)
# Verbs that report what someone said: their "that" clause carries the event, they are not one themselves.
REPORTING = wordset(
    "say tell state add note confirm announce report claim insist declare explain write argue warn stress "
    "reiterate repeat conclude acknowledge disclose reveal quote"
)
_PRONOUNS = frozenset(
    {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "whom", "him", "them", "us"}
)
_OBJECT_HER = "her"  # an object pronoun only when tagged PRP ("endorsed her"), not PRP$ ("her party")
_MUST = frozenset({"must"})
_SHOULD = frozenset({"should", "ought"})
_REQUESTS = frozenset({"appeal", "demand"})  # frame families that are events even when their content is not
_PROTEST_CONTENT = frozenset({"02", "10", "11", "12"})
# Verbs whose object is the thing moved and whose "to" phrase is the party it goes to.
_TRANSFER = wordset(
    "send give provide supply deliver deploy transfer sell ship hand offer contribute grant donate lend "
    "dispatch airlift extradite deport return"
)
# Verbs that tell a transfer from the side of the one it goes to: "received aid from Japan" is Japan's act of
# giving, coded by the giving verb's patterns, with the "from" party as the source and the subject as the target.
_CONVERSE = {"receive": "provide", "obtain": "provide", "accept": "provide"}
# Doers whose bombing is military (an air or artillery strike, 195), not a terrorist's device (183).
_TROOPS = wordset("army troop soldier force tank unit battalion brigade regiment division column militia")
_FORCES_MOVED = "154"  # CAMEO: mobilize or increase armed forces
_STATE_DOERS = wordset("army military force troop navy jet warplane aircraft plane government regime coalition")
_DEADLY = wordset("kill wound injure destroy hit damage level flatten")
_OFFICIAL_DOERS = wordset("government ministry embassy administration foreign state country")
# Verbs of taking: their "from" phrase is the party something is taken from ("seized the town from the rebels").
_PULL_BACK = wordset("withdraw pull evacuate")
_TAKING = wordset("seize capture take wrest retake recapture grab confiscate")
_PACTS = wordset("treaty agreement accord deal pact convention")  # what a party withdraws from without moving
_LEAVING = wordset("withdraw pull quit withdrawal pullout pull-out exit")
_REDUCED = "160"  # CAMEO: reduce relations


def _pacts_left(token: Token) -> list[Token]:
    """The treaties or deals a verb or noun of leaving leaves: "withdrew from the accord", "pulled out of the deal",
    "quit the pact", "the US withdrawal from the treaty"."""
    if token.lemma_.lower() not in _LEAVING:
        return []
    left = [*_prep_objects(token, ("from", "of")), *(c for c in token.children if c.dep_ == "dobj")]
    left += [p for out in token.children if out.lower_ == "out" for p in _prep_objects(out, ("of",))]
    return [t for t in left if t.lemma_.lower() in _PACTS]


def refine_charged_that(token: Token, code: str) -> str:
    """ "officials charged that the market is closed": charging that something is so accuses (112); charging
    someone with a crime stays legal action (173)."""
    if code != "173" or token.lemma_.lower() != "charge" or token.pos_ != "VERB":
        return code
    return "112" if any(c.dep_ == "ccomp" for c in token.children) else code


def refine_hostility(token: Token, code: str) -> str:
    """ "Putin's hostility towards Yukos": hostility, one party's attitude, disapproves (110); "hostilities", in
    the plural, are fighting (190)."""
    return "110" if code == "190" and token.lower_ == "hostility" else code


def _shown(token: Token, code: str) -> bool:
    """ "The party is demonstrating that it is the opposition": to demonstrate that something is so shows it; no
    one protests."""
    showing = token.lemma_.lower() == "demonstrate" and any(c.dep_ == "ccomp" for c in token.children)
    return code == _DEMONSTRATED and showing


def refine_pact(token: Token, code: str) -> str:
    """Leaving a treaty or deal reduces relations (160); it pulls back no forces (087)."""
    return _REDUCED if code == _DE_ESCALATE and _pacts_left(token) else code


# Verbs whose subject undergoes the event their object names: "Biden faced allegations", "the base repelled an
# attack", "the plan drew criticism". The subject is the event's target, not its doer.
_UNDERGO = wordset(
    "face address answer suffer endure survive weather withstand escape flee repel repulse sustain incur undergo "
    "receive draw attract"
)
# Support and blame that a subject has, wins or loses: given by others ("the plan has little support").
_BACKING = wordset("support backing approval endorsement sympathy criticism condemnation")
_HOLD = wordset("have enjoy gain win lose get garner command retain earn")


def _undergone(noun: Token, verb: Token) -> bool:
    """Whether the verb's subject undergoes the noun's event ("drew criticism", "has little support")."""
    lemma = verb.lemma_.lower()
    return lemma in _UNDERGO or (lemma in _HOLD and noun.lemma_.lower() in _BACKING)


# Events done to people, whose possessive names the person it was done to ("the men's arrest").
_DONE_TO_PEOPLE = wordset(
    "arrest detention release execution killing murder assassination kidnapping abduction deportation expulsion "
    "extradition trial conviction sentencing imprisonment capture rescue torture dismissal ouster impeachment "
    "prosecution indictment"
)
# Intransitive event verbs: as a participle before a noun ("protesting legislators") the noun is the doer.
# Agent nouns that are bodies rather than people: what "it" can stand for.
_INSTITUTIONS = wordset(
    "government administration ministry embassy consulate army military navy police militia force party "
    "parliament congress senate court regime council cabinet company firm bank union agency organization "
    "organisation group coalition alliance bloc mission newspaper junta state country nation opposition "
    "delegation authority"
)
_DOING_GERUNDS = wordset("protest demonstrate strike riot fight march rebel mutiny loot")
_DOER_LABELS = frozenset({"NORP", "GPE", "ORG"})  # a modifier with these labels names who did a nominal event
_ADJECTIVE_PREPS = ("about", "of", "over", "with", "toward", "towards", "at")
_COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
_RESTRAINT = "0356"  # express intent to de-escalate military engagement
_YIELD = "035"  # express intent to yield
_FORCE_ROOTS = frozenset({"15", "18", "19", "20"})
# Frame verbs that with a noun object do the act rather than promise it ("undertook a mission").
_DOING_FRAMES = wordset("undertake")
# Speech acts made by offering or extending them: "offered an apology" apologises, "offered condolences" condoles.
_SAID_BY_OFFERING = wordset("apology condolence sympathy thanks congratulation")
# Nouns of mediation: their "between" phrase names the parties mediated between, not the mediator.
_MEDIATION = wordset("mediation mediator")
# Participles that as adjectives mean something else: "promising acreage", "a demanding schedule", "restricted
# shares".
_ADJECTIVE_SENSE = wordset(
    "promising demanding pressing welcoming encouraging accommodating restricted exporting importing"
)  # "oil-exporting members"
# Verbs that mean knowing, not acting, before a clause: "had to recognise (that) there were new groups".
_KNOWING_BEFORE_CLAUSE = wordset("recognize recognise")
# What recognition as a diplomatic act (054) grants, besides a party: "recognised Kosovo's independence".
_STATEHOOD = wordset("independence sovereignty statehood state annexation")
_ASKING = wordset("ask inquire enquire")
# Verbs that are events only without a thing as object: "left rates on hold" is no journey, "demonstrated a
# robot" no protest (an object that is a party or place keeps the event: "left Lima for Quito").
_EVENT_WITHOUT_OBJECT = wordset("leave depart demonstrate confer")
_CARRY = wordset("fly")  # "flying Trump to the hospital": carried there, whoever it is, not a visit of the flyer
# Verbs that are events only with an object or a complement: "the party declined" fell in number, "took over as
# nominee" took a post.
_EVENT_WITH_OBJECT = wordset("decline take recognize recognise")  # "had to recognise there were ..."
# Forces of nature, weather and disease: what they "strike" or "kill" is no political event, and a warning of
# them is no threat.
_NATURE = wordset(
    "tsunami earthquake quake aftershock storm hurricane typhoon cyclone tornado flood flooding fire wildfire "
    "blaze virus pandemic epidemic outbreak disease drought landslide mudslide avalanche eruption volcano "
    "lightning heatwave accident crash rain rainfall snow wind surge heat cold frost ice fog smog"
)
# Verbs that judge or name what their object did: its event is not their subject's ("called the sanctions illegal").
# Verbs that keep an event from happening: who prevents an attack is not its doer ("the army halted its offensive"
# is its own, told by the possessive); what is foiled did not happen (mode.py reads both lists).
FOILING = wordset("foil thwart avert forestall preempt pre-empt")
PREVENTING = FOILING | wordset("prevent block stop")


def _own_event(token: Token) -> bool:
    """ "halted its offensive", "stopped their march": a possessive pronoun makes the event the subject's own."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children)


_JUDGE = wordset(
    "describe characterise characterize call term label brand dub deem investigate probe examine review study "
    "analyse analyze report cover document witness film photograph recall remember mark commemorate quote cite "
    "highlight underline spotlight mention discuss note tweet post blog write talk speak comment overturn quash "
    "annul vacate uphold"
)
_RECORDERS = wordset("cctv camera footage video image photo photograph photographer film recording webcam dashcam")
_CAUSING = wordset("feed fuel spark trigger provoke cause prompt stoke fan ignite incite inflame worsen")
_SETTING_PREPS = wordset("in under")  # a noun event after "in" is where a verb's act took place, after "under"
# its frame ("developed the prototype under an agreement") ...
_PARTAKE = wordset("participate engage join take be involve partake attend")  # ... unless the verb is taking part
_NEAR_PREPS = wordset("near outside around across along")  # where an event was, never who did it
# Where the subject was, not who it is: "the accident in Salaheddin killed", "the draft in the U.S. ended".
_SUBJECT_PLACE_PREPS = wordset("in at")
_POINT_TO = wordset("point refer allude respond react reply")  # "pointing to the attack": someone else's
#: Nouns that, before an event noun, name who did it ("a rebel attack", "the army offensive"); others there
#: may name who it was done to ("a hostage release", "journalist arrests").
_DOER_NOUNS = wordset(
    "rebel militant insurgent guerrilla militia police army military troop government opposition protester "
    "terrorist gunman separatist jihadist"
)
# An event named after these came before the subject's act, so it is not that act ("created after the attacks").
# Not the modes' background_preps: "during", "amid" or "over" an event, the subject may be taking part in it
# ("throwing stones during demonstrations").
_BEFORE_PREPS = wordset("after following before since prior")
_JOURNEYS = wordset("tour visit trip")
_SPANS = wordset("day week month year hour night weekend round series wave spate")  # "two days of talks"
_CAUSE_PREPS = wordset("because due owing thanks despite amid")
_FIGHTS = wordset("gunbattle gunfight firefight shootout exchange")  # small-arms words that say two sides fought
# Verbs that only say an event goes on, starts or is carried out: a frame over them is a frame over their object
# ("promised to continue military aid" is a promise of aid, "agreed to conduct joint exercises" one of exercises).
_ASPECTUAL = wordset("continue resume keep begin start maintain step undertake conduct")
# Subordinators of a clause that states a condition or a limit of another event, not an event of its own
# ("vowed to fight until the group yields", "will halt the talks if cooperation founders").
_CONDITION_MARKS = frozenset({"if", "unless", "until", "till", "lest", "whether", "once"})
# Entity labels of names: a lexicon word inside a name ("Asia-Pacific Economic Cooperation") is no event.
_NAME_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PERSON", "NORP", "WORK_OF_ART", "LAW", "PRODUCT"})
# Nouns that after "in" describe a state, not an act: "was in accord with", "in line with", "in contact with".
_STATE_AFTER_IN = wordset("accord accordance agreement harmony line compliance contact touch keeping step")
# Complements that are clauses: their verb is what a frame verb says, asks or promises.
_CLAUSE_COMPLEMENTS = frozenset({"xcomp", "ccomp", "advcl"})
_WARNING_VERBS = frozenset({"warn", "caution"})
_THE_PUBLIC = wordset(
    "people person resident public citizen traveller traveler tourist motorist driver visitor swimmer consumer "
    "parent user customer passenger hiker population foreigner migrant"
)
_MEANS_ROOTS = frozenset({"05", "06", "07"})  # support, cooperation and aid can be the means of another act
_SPEAKER_PRONOUNS = frozenset({"it", "they", "he", "she"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_LIGHT_VERBS = wordset(
    "hold have launch make pay conduct carry begin start stage mount impose give offer provide seek "
    "embark announce continue resume renew reopen undertake deliver extend receive"
)


@dataclass(slots=True)
class Argument:
    """One side of an event: the head tokens (several when coordinated) and the text span they cover."""

    heads: list[Token]
    start: int
    end: int

    @property
    def text(self) -> str:
        doc = self.heads[0].doc
        span = doc.char_span(self.start, self.end, alignment_mode="expand")  # not doc.text: that joins every token
        return span.text if span is not None else doc.text[self.start : self.end]


@dataclass(slots=True)
class Candidate:
    """An event found in one sentence, before mode, date, place and codes of actors are added."""

    trigger: Token
    code: str
    pattern: Pattern | None
    source: Argument | None
    target: Argument | None
    frame: Frame | None = None
    complement: Token | None = None
    extra: list[str] = field(default_factory=list)  # notes on how the code was reached ("instrument", ...)


def find_events(sent: SpacySpan, lexicon: Lexicon) -> list[Candidate]:
    """Every event of one sentence, in text order, complements of frames folded into their frame."""
    base: dict[int, tuple[Pattern, str]] = {}
    for token in sent:
        pattern = match(token, lexicon)
        if pattern is not None:
            code = refine_strike(token, refine_by_instrument(token, pattern.code, lexicon))
            code = refine_pressure(token, refine_questioning(token, refine_verbal_attack(token, code)), lexicon)
            code = refine_silence(token, refine_warning(token, code))
            code = refine_refusal(token, refine_attempt(token, refine_mass_expulsion(token, code)), lexicon)
            code = refine_hostility(token, refine_pact(token, refine_charged_that(token, code)))
            if _shown(token, code):
                continue
            base[token.i] = (pattern, refine_accord(token, refine_assertion(token, code)))
    consumed: set[int] = set()
    found: list[Candidate] = []
    for token in sent:
        composed = _compose(token, base, lexicon)
        if composed is not None:
            composed.code = refine_silence(composed.trigger, composed.code)
            found.append(composed)
            if composed.complement is not None:
                consumed.add(composed.complement.i)
    for i, (pattern, code) in base.items():
        token = sent.doc[i]
        if _governor(token).i in consumed and token.pos_ in ("NOUN", "PROPN"):
            consumed.add(i)  # "vowed to wage war": the war is what the composed event is about
        if i in consumed or any(c.trigger.i == i for c in found):
            continue
        source = source_of(token, lexicon)
        code = refine_by_doer(token, code, source)
        if token.lemma_.lower() == "die" and token.pos_ == "VERB":
            # "a prisoner died of torture": who dies is who it was done to, by someone the text may not name
            found.append(Candidate(token, code, pattern, None, source))
            continue
        found.append(Candidate(token, code, pattern, source, target_of(token, lexicon, pattern)))
    found = [c for c in found if c.frame is None or c.trigger.i not in consumed]  # a clause inside another frame
    taken = {c.trigger.i for c in found} | consumed
    found.extend(c for c in _bare_requests(sent, taken, lexicon) if c.trigger.i not in taken)
    kept = _drop_conditions(_absorb_contents(_absorb_purposes(_merge_objects(found, lexicon))))
    return sorted(_casualties_of_attacks(kept), key=lambda c: c.trigger.i)


def _casualties_of_attacks(found: list[Candidate]) -> list[Candidate]:
    """ "raids in which 54 civilians were killed", "the offensive, in which officials said 20 were killed": deaths
    told of inside a clause on a military attack are that attack's toll. They are done by the attack's doer and
    coded as the attack (CAMEO codes killing in military action under 19, not as the unconventional violence of 18)."""
    attacks = {c.trigger.i: c for c in found if c.trigger.pos_ in ("NOUN", "PROPN") and _military(c)}
    if not attacks:
        return found
    for cand in found:
        trigger = cand.trigger
        if cand.code not in _CASUALTY_CODES or cand.trigger.i in attacks or not done_by_someone_unnamed(trigger):
            continue
        clause = trigger
        while clause.dep_ in ("ccomp", "conj") and clause.head.i != clause.i:
            clause = clause.head  # "in which officials said 54 civilians were killed"
        attack = attacks.get(clause.head.i) if clause.dep_ == "relcl" else None
        if attack is not None:
            cand.code, cand.source = attack.code, cand.source or attack.source
    return found


_MILITARY_ROOTS = frozenset({"19", "20"})
_CASUALTY_CODES = frozenset({"182", "1823"})  # killed, wounded: a toll; an assassination is an act of its own


def done_by_someone_unnamed(verb: Token) -> bool:
    """A passive with no "by" phrase ("was charged with fraud", "described as convicted of fraud"): the doer is
    left unsaid, not missed."""
    children = list(verb.children)
    if _described_as(verb):
        return not any(c.dep_ == "agent" for c in children)
    return any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "agent" for c in children)


def _absorb_contents(found: list[Candidate]) -> list[Candidate]:
    """What an agreement or a promise is to do ("signed an accord to supply wheat", "a pledge to send aid") is its
    content, done later if at all: not an event of its own."""
    contents: set[int] = set()
    for cand in found:
        if cand.code[:2] != "03" and cand.code[:3] != "057":
            continue
        holders = [cand.trigger, *(c for c in cand.trigger.children if c.dep_ == "dobj")]
        contents.update(c.i for h in holders for c in h.children if _to_clause(c))
    return [c for c in found if c.trigger.i not in contents]


def _to_clause(token: Token) -> bool:
    """An infinitive clause ("to supply Carthia") attached as an adverbial or noun complement."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return token.dep_ in ("advcl", "acl", "relcl") and infinitive


def _drop_conditions(found: list[Candidate]) -> list[Candidate]:
    """An act named in an "if / unless / until" clause of another event is that event's condition, not an event
    ("vowed to fight until the militia yields ground")."""
    anchors = {c.trigger.i for c in found}
    return [c for c in found if not condition_of(c.trigger, anchors)]


def condition_of(token: Token, anchors: set[int]) -> bool:
    """Whether ``token`` sits in a conditional or limiting clause whose governor is one of ``anchors``."""
    tok = token
    for _ in range(6):
        if tok.head.i == tok.i:
            return False
        if tok.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS for m in tok.children):
            return any(a.i in anchors for a in tok.ancestors)
        tok = tok.head
    return False


def obligation_family(token: Token) -> str | None:
    """The request a clause makes of its subject when someone else states it: "must act" demands (10x),
    "should act" appeals (02x)."""
    aux = {c.lower_ for c in token.children if c.dep_ == "aux"}
    if aux & _MUST:
        return "demand"
    return "appeal" if aux & _SHOULD else None


_MINDS = wordset("know understand realise realize remember believe think feel learn recognise recognize imagine")


def _bare_requests(sent: SpacySpan, taken: set[int], lexicon: Lexicon) -> Iterator[Candidate]:
    """Requests whose content is no coded event: "urged Bree to respond" (020), "said Iraq must comply" (100)."""
    for token in sent:
        if token.i in taken or token.pos_ != "VERB" or token.lemma_.lower() in _MINDS:
            continue  # "People must know that ...": a thought pressed on the reader asks nobody to act
        family = obligation_family(token)
        speaker = obligation_speaker(token) if family else None
        subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        if subject is not None and not (is_actor(subject) or _antecedent(subject) is not None):
            subject = None  # "government expenditure should come from taxes": nobody is asked to act
        target = actor_argument(subject) if subject is not None and speaker is not None else None
        if target is not None and speaker is not None and target.start == speaker.start:
            target = None  # "Britain said it must act": a resolve, not a request
        if family and target is not None:  # a request needs an addressee: "disputes should be settled" has none
            yield Candidate(token, lexicon.bases[family], None, speaker, target, extra=["obligation"])
            continue
        frame = next((f for f in _frames_of(token, lexicon) if f.family in _REQUESTS), None)
        if any(c.dep_ == "dobj" and not is_actor(c) for c in token.children):
            continue  # "ordered extra stock": goods ordered, nobody asked to act
        if frame is not None and any(c.dep_ in ("xcomp", "ccomp") for c in token.children) and not _asks(token):
            yield Candidate(token, frame.base, None, source_of(token, lexicon), _frame_target(token, token, lexicon))


def _absorb_purposes(found: list[Candidate]) -> list[Candidate]:
    """A demand or accusation that is what a protest is for ("marched to demand reforms") is the protest's content,
    not a second event."""
    protests = [c for c in found if c.code[:2] == "14"]
    if not protests:
        return found
    anchors = {t.i for c in protests for t in (c.trigger, _governor(c.trigger))}
    return [c for c in found if c.code[:2] not in _PROTEST_CONTENT or not _purpose_of(c.trigger, anchors)]


def _purpose_of(token: Token, anchors: set[int]) -> bool:
    """Whether ``token`` heads a purpose or manner clause of one of ``anchors`` (within three steps)."""
    tok = token
    for _ in range(3):
        if tok.dep_ not in ("advcl", "xcomp", "acl", "pcomp", "prep", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in anchors:
            return True
    return False


def _asks(verb: Token) -> bool:
    """ "asked whether the island was part of the country", "asked why ...": a question put, not an appeal to act."""
    if verb.lemma_.lower() not in _ASKING:
        return False
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "advcl")):
        first = clause.doc[clause.left_edge.i]
        if first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WRB", "WP$"):
            return True
    return False


#: Verb forms the model's lemmatiser reads as another verb: "raped" and "raping" come out as "rap" (to criticise);
#: "retook" is left as it is.
_MISREAD_LEMMAS = {"raped": "rape", "raping": "rape", "rapes": "rape", "retook": "retake"}


def match(token: Token, lexicon: Lexicon) -> Pattern | None:
    """The best pattern for ``token`` (the most conditions met, then the first listed), or None."""
    if token.lower_ in _ADJECTIVE_SENSE and token.dep_ in ("amod", "acomp"):
        return None
    if token.tag_ == "VBG" and _have_without_been(token):
        return None  # "the company has promising acreage": no tense puts "-ing" right after "has"
    if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
        if token.is_title and token.ent_iob_ == "I" and token.ent_type_ in _NAME_LABELS - {"PERSON"}:
            return None  # "the Committee to Protect Journalists": a word of a name
        if token.lemma_.lower() in _KNOWING_BEFORE_CLAUSE and any(c.dep_ == "ccomp" for c in token.children):
            return None
        if _asks(token):
            return None  # "asked whether the island was part of the country": a question, not an appeal
        patterns = lexicon.verbs.get(_MISREAD_LEMMAS.get(token.lower_, token.lemma_.lower()))
    elif token.pos_ == "ADJ" and token.dep_ == "acomp":  # "he was optimistic", "Ghana is critical of Togo"
        patterns = lexicon.adjectives.get(token.lemma_.lower()) or lexicon.adjectives.get(token.lower_)
    elif token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound", "amod"):
        if name_part(token) or state_after_in(token) or measured_flow(token) or token.ent_type_ in ("DATE", "TIME"):
            return None  # ... or a date: "on 11 March" is no march
        if (
            token.pos_ == "PROPN"
            and token.is_title
            and any(
                (c.dep_ == "compound" and c.pos_ == "PROPN")
                or (c.dep_ == "amod" and c.is_title and c.ent_type_ == "NORP")
                for c in token.children
            )
        ):
            return None  # the last word of a name the model did not label: "Florida Highway Patrol", "Christian Aid"
        patterns = lexicon.nouns.get(token.lemma_.lower()) or lexicon.nouns.get(token.lower_)
    else:
        return None
    best = _best_pattern(token, patterns or [])
    if best is None and converse(token, lexicon) is not None:
        best = _best_pattern(token, lexicon.verbs.get(_CONVERSE[token.lemma_.lower()], []))
    if best is not None and best.noun and best.code[:2] == "01" and _manner_of_saying(token):
        return None
    if best is not None and (_wrong_transitivity(token) or _market_demand(token)):
        return None
    if best is not None and token.lemma_.lower() == "brand" and token.dep_ in ("amod", "acl", "compound"):
        return None  # "its Walkman branded phone": a brand name, no one branded as anything
    if best is not None and best.code == _CONSULT and _nobody_consulted(token):
        return None
    if (
        best is not None
        and token.lemma_.lower() == "talk"
        and any(c.lower_ in ("publicly", "openly") for c in token.children)
    ):
        return None  # "decided to speak openly about the merger": speaking out, not talks
    if best is not None and token.lemma_.lower() == "allow" and any(_prep_objects(token, ("for",))):
        return None  # "allowing for the bias in the polls": taking into account
    if best is not None and _web_or_self(token, best.code):
        return None
    if best is not None and token.lemma_.lower() == "help" and _helps_do(token):
        return None
    if best is not None and token.lemma_.lower() == "appeal" and token.pos_ == "VERB" and _thing_subject(token):
        # "these vehicles will appeal to young drivers": they attract them. Only the verb's own subject counts, not
        # one it shares through "intends to" as _ACTS_OF_PARTIES reads it: "the office intends to appeal" is a party's
        return None
    if best is not None and best.code == _DE_ESCALATE and not _forces_pulled_back(token):
        return None
    if best is not None and best.code == _FREED and _thing_released(token):
        return None
    if (
        best is not None
        and best.code == VISIT
        and (
            _homecoming(token)
            or _kind_of_people(token)
            or _called_out(token)
            or _carried(token)
            or _coming_of_thing(token)
        )
    ):
        return None
    if best is not None and _courtesy(token):
        return None
    if best is not None and best.code == "020" and _court_appeal(token):
        return _best_pattern(token, [p for p in lexicon.verbs.get("sue", []) if not p.required])
    if best is not None and best.noun and best.code[:2] in _MEANS_ROOTS and _means_adjunct(token):
        return None
    if best is not None and best.code[:2] == "19" and _space_launch(token):
        return None
    if best is not None and best.noun and (_quality_of(token) or _in_title(token)):
        return None
    if best is not None and best.noun and best.code[:2] == "13" and _there_is(token):
        return None  # "there is a greater threat to laptops": a risk, with nobody threatening
    if best is not None and best.code == "057" and _enrolled(token):
        return None
    return best


def _enrolled(token: Token) -> bool:
    """ "customers signing up" (for a service), "signed up for a course in Mandarin": who signs up with nothing to
    sign up to enrols. "Japan signed up to the deal" and "signed up the deal" agree to it."""
    if token.lemma_.lower() != "sign" or not any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
        return False
    return not any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("to", "on")) for c in token.children)


_CONSULT = "040"
_BODIES = wordset("cabinet parliament council committee board senate assembly congress court jury panel commission")


def _nobody_consulted(token: Token) -> bool:
    """ "Israel's cabinet met on Sunday": a body sitting with no other party named is in session, not meeting
    anyone; "the prime minister talked about the manifesto": one speaker talking about something consults nobody."""
    lemma = token.lemma_.lower()
    if lemma not in ("meet", "convene", "talk"):
        return False
    if any(c.dep_ in ("dobj", "dative") for c in token.children) or any(_prep_objects(token, ("with", "to"))):
        return False
    subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
    if lemma == "talk":  # "Xi and Putin talked", "the two leaders talked": parties talking to each other
        return bool(subjects) and all(s.tag_ in ("NN", "NNP") and not s.conjuncts for s in subjects)
    return bool(subjects) and all(s.lemma_.lower() in _BODIES and not s.conjuncts for s in subjects)


_WEB_PAGES = wordset("site website page homepage blog forum link url")
_REFLEXIVES = frozenset({"themselves", "itself", "himself", "herself", "ourselves", "yourself", "yourselves"})


def _web_or_self(token: Token, code: str) -> bool:
    """ "unable to visit the re-election site": a web page visited; "firms could protect themselves": guarding
    oneself is no protection given to another party."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if token.dep_ == "relcl":
        objects.append(token.head)  # "logs of sites people visit"
    if code == VISIT and any(o.lemma_.lower() in _WEB_PAGES for o in objects):
        return True
    return code[:3] == "074" and any(o.lower_ in _REFLEXIVES for o in objects)


def _helps_do(token: Token) -> bool:
    """ "would help protect the rainforest", "helped to analyse the data": helping with a deed, nobody named as
    helped, is taking part in that deed, not giving aid ("helped Iraq rebuild" names who was helped)."""
    if token.pos_ != "VERB" or any(c.dep_ in ("dobj", "dative") and is_actor(c) for c in token.children):
        return False
    deeds = [c for c in token.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"]
    helped = [s for d in deeds for s in d.children if s.dep_ == "nsubj" and is_actor(s)]  # "helped Iraq rebuild"
    return bool(deeds) and not helped


_DE_ESCALATE = "087"  # CAMEO: de-escalate military engagement
_AREAS = wordset(
    "area region territory town city village zone border province district front line position base settlement "
    "outpost post camp garrison"
)


def _area(token: Token) -> bool:
    return token.ent_type_ in ("GPE", "LOC", "FAC") or token.lemma_.lower() in _AREAS


_CONTESTS = wordset(
    "race contest election primary caucus tournament competition championship match game campaign nomination bid "
    "candidacy candidature ballot"
)


def _forces_pulled_back(token: Token) -> bool:
    """Whether a withdrawal, pull-back or evacuation moves forces, or gives up places. Not: a candidate or a player
    leaving a contest ("withdrew from the race", "Bayes withdrew in March", "his withdrawal was announced"), people
    or things other than forces ("withdrew its reporters", "withdrew the offer"), people taken to safety
    ("residents were evacuated", "forced thousands of civilians to evacuate")."""
    if token.pos_ == "NOUN":
        moved = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
        owners = [c for c in token.children if c.dep_ == "poss"]
        if any(o.lower_ in ("his", "her") or o.ent_type_ == "PERSON" for o in owners):
            return any(m.lemma_.lower() in _FORCES for m in moved)
        return not any(t.lemma_.lower() in _CONTESTS for t in _prep_objects(token, ("from",)))
    lemma = token.lemma_.lower()
    moved = [c for c in token.children if c.dep_ == "dobj"]
    if lemma == "evacuate":
        moved += [c for c in token.children if c.dep_ == "nsubjpass"]
        if not moved:  # who leaves: "the troops evacuated", "forced civilians to evacuate"
            moved = [c for c in token.children if c.dep_ == "nsubj"]
            moved = moved or ([c for c in token.head.children if c.dep_ == "dobj"] if token.dep_ == "xcomp" else [])
        return all(_military_or_area(m) for m in moved)
    if lemma in ("withdraw", "pull") and not all(_military_or_area(m) for m in moved):
        return False
    left = moved + list(_prep_objects(token, ("from",)))
    if any(t.lemma_.lower() in _CONTESTS for t in left):
        return False
    subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
    # "he withdrew after contracting a cold": one person leaving moves no forces
    return bool(left) or not subjects or not all(s.ent_type_ == "PERSON" or s.lower_ in _ONE_PERSON for s in subjects)


_ONE_PERSON = frozenset({"he", "she", "i"})


def _military_or_area(token: Token) -> bool:
    return token.lemma_.lower() in _FORCES or _area(token)


_FREED = "0841"  # CAMEO: return, release person(s)
_RELEASED_THINGS = frozenset({"PRODUCT", "WORK_OF_ART", "ORG", "MONEY", "CARDINAL", "PERCENT", "LAW"})


def _thing_released(token: Token) -> bool:
    """ "released its new phone", "the album was released", "since its release": a product, a record or a text
    let out into the world, not a person set free. Only people (and groups of them) are freed."""
    if token.pos_ in ("NOUN", "PROPN"):
        held = [g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
        held += [c for c in token.children if c.dep_ == "poss"]
    else:
        held = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if token.dep_ in ("relcl", "acl") and not held:
            held = [token.head]  # "the app, which was released this week", "a text released by officials"
        if not held and any(c.dep_ == "auxpass" for c in token.children):
            held = _raised_subjects(token)  # "the album moved up despite being released", "is expected to be"
    if any(p.lemma_.lower() in _CARE for p in _prep_objects(token, ("from",))):
        return True  # "was released from hospital": discharged, not set free
    held = [_antecedent(h) or h for h in held]
    return any(not _freeable(h) for h in held)


_CARE = wordset("hospital clinic care treatment ward unit infirmary")


def _raised_subjects(verb: Token) -> list[Token]:
    """The subject a subjectless clause shares with the clause above it."""
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("xcomp", "pcomp", "advcl", "conj", "prep") or tok.head.i == tok.i:
            return []
        tok = tok.head
        subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects
    return []


def _freeable(token: Token) -> bool:
    if token.pos_ == "PRON":
        return token.lower_ not in ("it", "its", "which", "that")
    if token.ent_type_ in _RELEASED_THINGS:
        return False
    if token.pos_ == "PROPN" and any(  # "the album Songs About Jane", "the film Robots": a title, not a person
        c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() not in AGENT_NOUNS for c in token.children
    ):
        return False
    return token.ent_type_ in ("PERSON", "NORP") or token.lemma_.lower() in AGENT_NOUNS or token.pos_ == "PROPN"


def _stance_prefix(token: Token) -> bool:
    """ "an anti-Brexit march", "pro-Russian rallies": a stance toward the name, not the name as the doer."""
    first = token
    while first.ent_iob_ == "I" and first.i > 0:  # back to the first word of the entity
        first = first.doc[first.i - 1]
    return first.lower_ in _AFFIXES or first.lower_.startswith(("anti-", "pro-"))


def _courtesy(token: Token) -> bool:
    """ "Thank you for your time" (also after a speaker's name and a colon): a courtesy of conversation."""
    if token.lower_ != "thank":
        return False
    return any(c.dep_ == "dobj" and c.lower_ == "you" for c in token.children)


def _coming_of_thing(token: Token) -> bool:
    """ "awaiting the arrival of the rainy season", "the arrival of the new trains": a thing or a season comes,
    nobody visits."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in ("arrival", "coming", "advent"):
        return False
    comers = list(_prep_objects(token, ("of",)))
    return bool(comers) and not any(is_actor(c) for c in comers)


def _homecoming(token: Token) -> bool:
    """ "arrived back from", "flew home": coming home is no visit."""
    return any(c.dep_ in ("advmod", "prt", "npadvmod") and c.lower_ in ("back", "home") for c in token.children)


def _kind_of_people(token: Token) -> bool:
    """ "anyone living in or visiting Macau": a kind of people, nobody's visit."""
    clause = token.head if token.dep_ == "conj" and token.head.tag_ == "VBG" else token
    if clause.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in clause.children):
        return False
    kind = clause.head if clause.dep_ == "acl" else next((c for c in clause.children if c.dep_ == "nsubj"), None)
    if kind is None or kind.lemma_.lower() not in _THE_PUBLIC:
        return False
    return not any(c.dep_ in ("det", "poss") for c in kind.children)


def _called_out(token: Token) -> bool:
    """ "officers arrived within minutes and held the suspect", "police vans arrived": called to a scene, no
    visit."""
    comers = [c for c in token.children if c.dep_ in _SUBJECTS]
    if token.dep_ == "conj" and not comers:
        comers = [c for c in token.head.children if c.dep_ in _SUBJECTS]
    return bool(comers) and all(c.lemma_.lower() in _RESPONDERS | _VEHICLES for c in comers)  # "Thames Valley Police"


_RESPONDERS = wordset("police officer policeman firefighter fireman paramedic ambulance rescuer medic crew")
_CARRYING = wordset("fly take bring rush airlift drive carry transport ferry")


def _carried(token: Token) -> bool:
    """ "The climber was found and flown to Lima for treatment": someone carried somewhere makes no visit."""
    if token.tag_ != "VBN" or token.lemma_.lower() not in _CARRYING:
        return False
    if _passive(token) or token.dep_ == "acl":
        return True
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:  # "was found alive and flown to ..."
        first = first.head
    if first.dep_ in ("oprd", "acomp"):
        first = first.head
    return first.i != token.i and _passive(first)


_LAUNCHES = wordset("launch fire")  # the verbs of the 19x patterns that send up rockets
_SPACEFLIGHT = wordset(
    "satellite spacecraft capsule astronaut cosmonaut orbit orbiter lunar telescope rover payload spaceport shuttle "
    "spaceflight"
)


def _space_launch(token: Token) -> bool:
    """ "NASA launched a rocket carrying a weather satellite", "fired the rocket's engines to raise its orbit": a
    rocket launched or fired in a sentence about spaceflight attacks nobody."""
    if token.lemma_.lower() not in _LAUNCHES:
        return False
    return any(t.lemma_.lower() in _SPACEFLIGHT for t in token.sent)


def _in_title(token: Token) -> bool:
    """ "the special envoy for Ukraine negotiations", "minister for trade talks": part of an office's name."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in _TITLED


_TITLED = wordset("envoy minister secretary commissioner representative coordinator negotiator adviser advisor czar")


def _thing_subject(verb: Token) -> bool:
    """Whether a verb's subjects are all things, not parties."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and not any(is_actor(s) for s in subjects)


def _quality_of(token: Token) -> bool:
    """ "It is of little help to the premier", "the loan was of great use": "of" + noun after a copula says what
    something is like; nobody helps anybody."""
    return token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_ == "be"


def _there_is(token: Token) -> bool:
    """A noun introduced by "there is" / "there are" with no one it belongs to."""
    head = token.head
    if token.dep_ != "attr" or head.lemma_ != "be" or not any(c.dep_ == "expl" for c in head.children):
        return False
    return not any(c.dep_ == "poss" for c in token.children) and not any(_prep_objects(token, ("from", "by")))


def _market_demand(token: Token) -> bool:
    """ "to meet falling demand for copper": demand for goods, singular and without an article, is the market's;
    demands met are someone's ("met the protesters' demands")."""
    if token.lower_ == "demand" and token.pos_ == "NOUN":  # "demand for oil fell", "to meet declining demand"
        return not any(g.dep_ in ("det", "poss") for g in token.children)
    if token.lemma_.lower() != "meet":
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and _market_demand(c) for c in token.children)


def _court_appeal(token: Token) -> bool:
    """ "The government said it would appeal", "the sentence was cut on appeal": "appeal" with no one appealed to
    and nothing asked for is a court appeal ("appealed to donors", "appealed for calm" are requests)."""
    if token.lemma_.lower() != "appeal":
        return False
    if token.pos_ == "NOUN":
        return token.dep_ == "pobj" and token.head.lower_ in ("on", "upon", "pending")
    return token.pos_ == "VERB" and not any(c.dep_ in ("prep", "xcomp", "ccomp", "dobj") for c in token.children)


def _have_without_been(token: Token) -> bool:
    auxiliaries = [c.lemma_.lower() for c in token.children if c.dep_ == "aux"]
    return "have" in auxiliaries and "be" not in auxiliaries


def _wrong_transitivity(token: Token) -> bool:
    """Whether the verb is used in the sense that is no event (see the two lists above)."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma in _CARRY:
        return any(c.dep_ == "dobj" for c in token.children)
    if lemma in _EVENT_WITHOUT_OBJECT:  # a thing as object, or as the noun a passive participle describes
        things = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if token.dep_ == "acl" and token.tag_ == "VBN":
            things.append(token.head)  # "an honour conferred by the president"
        return any(not is_actor(t) for t in things)
    objects = [t for t in token.children if t.dep_ in ("dobj", "nsubjpass")]
    if lemma in _KNOWING_BEFORE_CLAUSE and any(not is_actor(t) and t.lemma_.lower() not in _STATEHOOD for t in objects):
        return True  # "recognised the concept of netting": acknowledged an idea, no state or government
    if lemma in _KNOWING_BEFORE_CLAUSE and objects and all(_person(t) for t in objects):
        # "I'm glad he's getting recognised": acclaim; "recognised Guaido as president" names an office
        return not any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children)
    if lemma in _EVENT_WITH_OBJECT:
        return (
            not any(c.dep_ in ("dobj", "xcomp", "ccomp", "nsubjpass", "auxpass") for c in token.children)
            and stray_passive_subject(token) is None
        )
    return False


def _best_pattern(token: Token, patterns: Iterable[Pattern]) -> Pattern | None:
    """The pattern among ``patterns`` whose conditions ``token`` meets: the most conditions, then the first."""
    particles = {  # after the verb: "In the days before, he gave interviews" gives in to nobody
        c.lower_ for c in token.children if c.dep_ in ("prt", "prep", "agent", "dative", "advmod") and c.i > token.i
    }
    words = context_words(token)
    best: Pattern | None = None
    for pattern in patterns:
        if not all(group & particles for group in pattern.particles):
            continue
        if not all(group & words for group in pattern.required) or pattern.forbidden & words:
            continue
        if best is None or _rank(pattern) > _rank(best):
            best = pattern
    return best


def converse(token: Token, lexicon: Lexicon) -> Token | None:
    """The party a transfer comes from when the verb tells it from the receiving side and none of the verb's own
    patterns fits ("Mali received money from Niger" -> Niger; "accepted migrants from Serbia" is the
    verb's own act), or None."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in _CONVERSE:
        return None
    giver = next((p for p in _prep_objects(token, ("from",)) if is_actor(p)), None)
    if giver is None or _best_pattern(token, lexicon.verbs.get(lemma, [])) is not None:
        return None
    return giver


def refine_verbal_attack(token: Token, code: str) -> str:
    """ "Trump attacked Biden for his record", "attacked the government's policy": an attack in words on a person
    or on what they said or did is criticism (111), not military force."""
    if code == "190" and _politician_on_the_offensive(token):
        return "111"
    doers = [c for c in token.children if c.dep_ in _SUBJECTS]
    if code == "111" and token.lemma_.lower() in _VERBAL_ATTACKS and any(d.lemma_.lower() in _ARMED for d in doers):
        said = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in _CRITICIZABLE | _WORDS_SAID]
        return code if said else "190"  # "warships blasted the platform": armed forces blast with guns, not words
    if code != "190" or token.lemma_.lower() not in _VERBAL_ATTACKS:
        return code
    if any(d.lemma_.lower() in _ARMED for d in doers):
        return code  # "two army brigades attacked rebel positions": forces attack by force
    if token.pos_ == "NOUN":  # "the constitutional attack by Bolton", "a personal attack on the minister"
        kinds = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound")}
        # "launched an attack on Tory spending plans"; not "on rebel positions", not by armed men
        on = [p for p in _prep_objects(token, ("on", "against")) if p.lemma_.lower() in _CRITICIZABLE - {"position"}]
        launchers = [c for c in token.head.children if c.dep_ in _SUBJECTS] if token.dep_ == "dobj" else []
        armed = any(d.lemma_.lower() in _ARMED for d in launchers)
        return "111" if kinds & _ATTACKS_IN_WORDS or (on and not armed) else code
    if token.pos_ != "VERB":
        return code
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(o.lemma_.lower() in _CRITICIZABLE for o in objects):
        return "111"
    reasons = [p for p in _prep_objects(token, ("for", "over", "on", "as")) if p.ent_type_ not in _NOT_REASONS]
    reasons += [  # "attacked him for lying", "attacked the senator on paying less tax"
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ("for", "over", "on")
        for g in c.children
        if g.dep_ == "pcomp"
    ]
    reasons += [  # "attacked Biden during the debates", "in a speech", "on Twitter": where words are used
        p for p in _prep_objects(token, ("during", "in", "at", "on")) if p.lemma_.lower() in _TALK_SETTINGS
    ]
    people = objects and all(o.ent_type_ == "PERSON" for o in objects)
    # "the senator attacked the government over its handling of the floods": a politician attacks in words
    speakers = doers and all(d.ent_type_ == "PERSON" or d.lemma_.lower() in _POLITICIANS for d in doers)
    return "111" if (people or speakers) and reasons else code


_WORDS_SAID = wordset("offer call appeal demand move")  # "rebels blasted the army's offer of talks"
_NOT_REASONS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})  # "over the weekend", "on the highway"
_TALK_SETTINGS = wordset(
    "debate speech interview hearing statement tweet twitter post address column article letter editorial "
    "broadcast podcast conference briefing campaign"
)


def _politician_on_the_offensive(token: Token) -> bool:
    """ "the opposition leader went on the offensive over the remarks": a person going on the offensive
    attacks in words; an army going on the offensive attacks."""
    if token.lemma_.lower() != "offensive" or token.dep_ != "pobj" or token.head.lower_ != "on":
        return False
    verb = token.head.head
    if verb.lemma_.lower() not in ("go", "be", "stay", "remain"):
        return False
    doers = [c for c in verb.children if c.dep_ in _SUBJECTS]
    return bool(doers) and all(
        d.lemma_.lower() not in _ARMED and (d.ent_type_ == "PERSON" or d.lemma_.lower() in _POLITICIANS) for d in doers
    )


_POLITICIANS = wordset(
    "senator leader minister president candidate politician lawmaker legislator mp chancellor premier governor "
    "mayor spokesman spokeswoman spokesperson critic opponent rival nominee"
)


_VERBAL_ATTACKS = wordset("attack target slam blast hit")
_ARMED = _TROOPS | wordset(
    "military navy jet warplane aircraft drone gunman militant rebel insurgent guerrilla fighter warship gunboat "
    "battleship destroyer frigate bomber helicopter artillery"
)  # who attacks by force, whatever it hits
_ATTACKS_IN_WORDS = wordset(
    "verbal personal legal constitutional political rhetorical written scathing blistering stinging withering "
    "vitriolic thinly-veiled veiled"
)
_CRITICIZABLE = wordset(
    "policy plan decision record remark comment proposal idea stance position view handling response approach "
    "claim report statement speech rhetoric leadership performance tweet budget bill reform agenda privatisation "
    "privatization law measure move ruling verdict scheme strategy tax cut deal programme program initiative "
    "magazine tabloid newspaper paper press media broadcaster "  # "attacked 'false' tabloid magazines"
    "figure estimate forecast number statistic data way manner"  # "the union attacked loss figures"
)


def refine_pressure(token: Token, code: str, lexicon: Lexicon) -> str:
    """ "pressured the dockers to cancel the strike": pressure towards an act is a demand (10x); pressure with no
    act asked for stays coercion ("police pressured the protesters")."""
    if code[:3] != "170" or token.lemma_.lower() != "pressure":
        return code
    return lexicon.bases["demand"] if any(c.dep_ == "xcomp" for c in token.children) else code


_QUESTIONING = "090"  # CAMEO: investigate, not specified below


def refine_questioning(token: Token, code: str) -> str:
    """ "Police questioned the car's owner": questions put to a person are an inquiry (090); questioning a
    decision or a claim is doubt (110)."""
    if code != "110" or token.lemma_.lower() != "question" or token.pos_ != "VERB":
        return code
    asked = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return _QUESTIONING if asked and all(is_actor(c) for c in asked) else code


def refine_refusal(token: Token, code: str, lexicon: Lexicon) -> str:
    """ "vowed not to return the islands": a pledge not to act is a refusal (12x), not an intent (03x). (A
    pledge over a coded act is composed with it instead: "promised not to attack" is restraint.)"""
    if code[:2] == "03" and any(c.dep_ == "xcomp" and _has_neg(c) for c in token.children):
        return lexicon.bases["reject"]
    return code


ATTEMPTED_ASSASSINATION = "185"
_ATTEMPTS = wordset("attempt try plot bid")


def attempt_over(token: Token) -> Token | None:
    """The attempt a killing is the aim of ("an attempt to assassinate the governor", "tried to kill the
    president"), or None."""
    head = token.head
    if token.dep_ in ("xcomp", "acl", "advcl") and head.i != token.i and head.lemma_.lower() in _ATTEMPTS:
        return head
    return None


def refine_attempt(token: Token, code: str) -> str:
    """An attempt on a named person's life is an attempted assassination (185), whatever came of it."""
    if attempt_over(token) is None:
        return code
    if code[:3] == "186":
        return ATTEMPTED_ASSASSINATION
    named = [c for c in token.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON"]
    return ATTEMPTED_ASSASSINATION if code == "1823" and named else code


_EXPELLED, _MASS_EXPULSION = "166", "201"  # CAMEO: expel or withdraw; engage in mass expulsion


def refine_mass_expulsion(token: Token, code: str) -> str:
    """ "forced out more than 1,000 refugees from their homes", "expelled thousands of villagers": people driven out
    by the hundred are a mass expulsion (201). A deportation (174) stays one however many are deported: it is
    done to each of them by law ("deported 168 Liberians without documents")."""
    if code != _EXPELLED:
        return code
    people = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    return _MASS_EXPULSION if any(_by_the_hundred(p) for p in people) else code


def _by_the_hundred(noun: Token) -> bool:
    """A count of at least a hundred: "1,000 refugees", "thousands of villagers", "hundreds"."""
    counts = [noun, *(c for c in noun.children if c.dep_ in ("nummod", "amod", "quantmod"))]
    for count in counts:
        if count.lemma_.lower() in ("hundred", "thousand", "million"):
            return True
        if count.like_num and count.text.replace(",", "").isdigit() and int(count.text.replace(",", "")) >= 100:
            return True
        if any(c.lower_ in ("hundreds", "thousands", "millions") for c in count.children if c.dep_ == "nummod"):
            return True
    return False


def refine_strike(token: Token, code: str) -> str:
    """ "Israeli strikes killed 40 people": a strike that a state makes or that kills is an attack, not a walkout."""
    if code != "143" or token.lemma_.lower() != "strike" or token.pos_ != "NOUN":
        return code
    national = any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE") for c in token.children)
    deadly = token.dep_ == "nsubj" and token.head.lemma_.lower() in _DEADLY
    armed = any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in _ARMED_WORDS for c in token.children)
    return "190" if national or deadly or armed or _story_of_war(token) else code


def _story_of_war(token: Token) -> bool:
    """ "The strike was meant to deter raids": in a story about arms and none about work, a strike is an
    attack. The words are counted over the whole text, as a reader would take the sense from the story."""
    if _tally(token.sent, _LABOUR_WORDS):
        return False
    armed = _doc_tally(token.doc, _ARMED_WORDS)
    return armed >= 2 and armed > 2 * _doc_tally(token.doc, _LABOUR_WORDS)


def _tally(tokens: Iterable[Token], words: frozenset[str]) -> int:
    """How many of the tokens have their lemma in ``words``: how much a text is about a subject."""
    return sum(t.lemma_.lower() in words for t in tokens)


def _doc_tally(doc: Doc, words: frozenset[str]) -> int:
    """:func:`_tally` over a whole document, counted once per document and word list."""
    counts = doc.user_data.setdefault("dateline_tallies", {})
    key = id(words)  # the word lists are module constants, alive as long as the process
    if key not in counts:
        counts[key] = _tally(doc, words)
    count: int = counts[key]
    return count


_ARMED_WORDS = wordset(
    "military missile rocket drone airstrike bomb bombing army troop soldier warplane jet artillery weapon "
    "retaliatory retaliation precision targeted preemptive nuclear surgical air militia militant"
)
_LABOUR_WORDS = wordset(
    "worker union pay wage employee staff pension walkout picket teacher nurse driver miner employer salary "
    "industrial labour labor unionist"
)


_RALLIED_OTHERS, _DEMONSTRATED = "113", "141"  # CAMEO: rally opposition against; demonstrate or rally
_RALLIED_SUPPORT = "053"  # CAMEO: rally support on behalf of
_CROWDS = _THE_PUBLIC | wordset(
    "thousand hundred dozen ten million protester demonstrator crowd student worker supporter activist farmer "
    "teacher opponent woman man youth"
)


def _crowd(token: Token) -> bool:
    """Whether a doer is a crowd: a number of people ("thousands") or people in the street ("protesters")."""
    return token.lemma_.lower() in _CROWDS or (token.ent_type_ == "CARDINAL" and token.pos_ in ("NUM", "NOUN"))


def refine_by_doer(token: Token, code: str, source: Argument | None) -> str:
    """A bombing by a state or its forces is a military strike (195), not a non-military bombing (183); a protest
    by a state ("Beijing protested to Washington") is an official complaint (114), not dissent in the street;
    troops on the march ("tanks marched to the border") are forces on the move (154), not a demonstration; and
    troops arriving ("US troops arrived in Poland") are forces deployed (154), not visitors: they meet nobody; a
    crowd that rallies against something or in support of someone demonstrates (141): 113 and 053 are a party
    mobilising others against or for it; a raid by the police is a search with arrests (173), not a battle.
    Peacekeepers arriving stay a visit here: the stage codes them as peacekeeping sent and received."""
    if code in (_RALLIED_OTHERS, _RALLIED_SUPPORT):  # "thousands rallied against / in support of": a crowd (141)
        doers = source.heads if source is not None else [c for c in token.children if c.dep_ == "nsubj"]
        alone = token.lemma_.lower() == "rally" and not any(c.dep_ == "dobj" for c in token.children)
        return _DEMONSTRATED if alone and doers and all(_crowd(h) for h in doers) else code
    if code == "190" and token.lemma_.lower() == "raid" and source is not None:
        police = all(h.lemma_.lower() in _POLICE for h in source.heads)
        return _POLICE_RAID if police else code  # "a police raid on his house": a search and arrests, no battle
    if code not in ("183", "140", "141", VISIT) or source is None:
        return code
    if code == VISIT:
        arriving = token.lemma_.lower() == "arrive" and "peacekeep" not in source.text.lower()
        return _FORCES_MOVED if arriving and all(h.lemma_.lower() in _TROOPS for h in source.heads) else code
    if code == "140":
        official = all(h.ent_type_ == "GPE" or h.lemma_.lower() in _OFFICIAL_DOERS for h in source.heads)
        return "114" if official else code
    if code == "141":
        marching = token.lemma_.lower() == "march" and token.pos_ == "VERB"
        return _FORCES_MOVED if marching and all(h.lemma_.lower() in _TROOPS for h in source.heads) else code
    military = any(h.ent_type_ == "GPE" or h.lemma_.lower() in _STATE_DOERS or _head_of_state(h) for h in source.heads)
    return "195" if military else code


_POLICE = wordset("police policeman policemen officer detective agent authority fbi")
_POLICE_RAID = "173"  # as "raid +home|house|office": CAMEO's arrest, detain or charge with legal action
_HEADS_OF_STATE = wordset("president premier king queen emperor dictator junta general commander")


def _head_of_state(head: Token) -> bool:
    """ "President Gbagbo", "the president": a head of state or commander bombs with the state's forces."""
    titles = [head, *(c for c in head.children if c.dep_ == "compound")]
    return any(t.lemma_.lower() in _HEADS_OF_STATE for t in titles)


def name_part(token: Token) -> bool:
    """Whether ``token`` is a word of a multi-word name ("Asia-Pacific Economic Cooperation", "Peace Corps")."""
    if token.ent_type_ not in _NAME_LABELS:
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.ent_iob_ == "I" or (following is not None and following.ent_iob_ == "I")


#: Flows between countries that news measures, and the predicates that give a size or its change: "Trade
#: between the two was worth ...", "Aid to Kenya rose to ..." report a figure, not an act.
_FLOWS = frozenset(
    ["trade", "aid", "assistance", "investment", "export", "import", "loan", "sale", "shipment", "spending"]
)
_POLLED = frozenset(["support", "backing", "approval", "disapproval", "opposition"])
_MEASURES = frozenset(
    [
        "worth", "total", "amount", "rise", "fall", "grow", "climb", "drop", "decline", "double", "halve",
        "increase", "decrease", "shrink", "jump", "slump", "exceed",
    ]
)  # fmt: skip


def measured_flow(token: Token) -> bool:
    """Whether a flow noun is the subject of a figure ("Trade with China was worth $5 billion"), or support
    measured in a poll ("had only 3 percent support")."""
    lemma = token.lemma_.lower()
    if lemma in _POLLED and any(c.ent_type_ == "PERCENT" or c.lower_ in ("percent", "%") for c in token.subtree):
        return True  # "had only 3 percent support", "his support stuck at one percent"
    if lemma in _POLLED and token.dep_ == "dobj" and _polls(token.head):
        return True  # "polls showed support for the plan"
    if lemma not in _FLOWS | _POLLED or token.dep_ not in ("nsubj", "csubj", "nsubjpass"):
        return False  # "support for the Conservatives fell": opinion that moves
    head = token.head
    if head.lemma_.lower() in _MEASURES:
        return True
    complements = [c for c in head.children if c.dep_ in ("acomp", "attr")]
    if head.lemma_ == "be" and any(c.ent_type_ in ("MONEY", "CARDINAL", "PERCENT") for c in complements):
        return True  # "mortgage loans acquired were 5.3 billion dlrs"
    return head.lemma_ == "be" and any(c.lemma_.lower() in _MEASURES for c in complements)


_POLL_WORDS = wordset("poll survey census ballot")


def _polls(verb: Token) -> bool:
    """Whether a verb's subject is a poll or survey ("polls showed", "the survey found")."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _POLL_WORDS for c in verb.children)


def state_after_in(token: Token) -> bool:
    """ "was in accord with", "acted in line with": a noun after "in" that says how things stand, with whom or
    after a copula ("result in agreements" still names agreements)."""
    if token.dep_ != "pobj" or token.head.lower_ != "in" or token.lemma_.lower() not in _STATE_AFTER_IN:
        return False
    relation = any(c.dep_ == "prep" and c.lower_ in ("with", "to") for c in token.children)
    return relation or token.head.head.lemma_ == "be"


def _means_adjunct(token: Token) -> bool:
    """ "managed with assistance from X", "tightened the blockade with Albania's help": support named as the means
    of another act is part of that act, not an event of its own."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "with" and head.dep_ == "prep" and head.head.pos_ == "VERB"


def _manner_of_saying(token: Token) -> bool:
    """ "said in a statement", "according to remarks by", "told a news conference": the statement is how
    something was said, and reporting is no event of its own."""
    head = token.head
    if token.dep_ in ("dobj", "dative") and head.lemma_.lower() in ("tell", "address", "brief"):
        return True  # "told a news conference that ...": the conference is who was told
    if token.dep_ != "pobj" or head.dep_ not in ("prep", "agent"):
        return False
    if head.lower_ == "at" and head.head.lemma_.lower() in REPORTING:
        return True  # "said at a press conference"
    return head.lower_ == "in" or (head.lower_ == "to" and head.head.lower_ == "according")


def _rank(pattern: Pattern) -> tuple[int, bool]:
    """More conditions first; at a tie a specific code beats a "not specified" one (073 over 070)."""
    return pattern.specificity, not pattern.code.endswith("0")


def context_words(token: Token) -> set[str]:
    """Lemmas and forms of the trigger's objects and modifiers: what ``+WORD`` conditions test."""
    heads = [token, *(c for c in token.children if c.dep_ in _OBJECTS | {"nsubjpass", "xcomp", "acomp", "advmod"})]
    if (token.dep_ == "acl" and token.tag_ == "VBN") or (token.dep_ in ("amod", "compound") and token.pos_ == "VERB"):
        heads.append(token.head)  # "a statement released by the office", "an accredited reporter": what it was done to
    if token.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in token.children):
        # "hunters who kill and eat bats": the object the coordinated verbs share hangs on the last one
        heads.extend(o for c in token.children if c.dep_ == "conj" for o in c.children if o.dep_ == "dobj")
    if token.dep_ == "conj" and _passive(token) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        # "the gala took place in Oslo and was hosted by ...": the subject the verbs share
        heads.extend(c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    # "taking dozens of guards hostage": the parser may hang the object's complement on as a clause
    heads.extend(c for c in token.children if c.dep_ == "ccomp" and c.pos_ == "NOUN" and c.n_lefts == 0)
    for prep in (c for c in token.children if c.dep_ in ("prep", "agent", "prt", "dative")):
        heads.extend(c for c in prep.children if c.dep_ in ("pobj", "pcomp"))
    heads.extend(_toll_settings(token))
    words: set[str] = set()
    for head in heads:
        for tok in [head, *(c for c in head.children if c.dep_ in _MODIFIERS or c.dep_ in ("prep", "conj"))]:
            words.update((tok.lemma_.lower(), tok.lower_))
            if tok.ent_type_ == "MONEY":
                words.add("money")  # "provided $1 billion": an amount of money is money
            if tok.dep_ == "prep":
                words.update(p.lemma_.lower() for p in tok.children if p.dep_ == "pobj")
                words.update(m.lemma_.lower() for p in tok.children for m in p.children if m.dep_ in _MODIFIERS)
    words.discard(token.lemma_.lower())
    return words


_TOLLS = wordset("toll total count")  # "the death toll", "the death total", "the casualty count"


def _toll_settings(token: Token) -> list[Token]:
    """ "X's death toll rose in its conflict with Y": the parser may hang the toll's setting on the verb."""
    if token.lemma_.lower() not in _TOLLS or token.dep_ != "nsubj":
        return []
    return list(_prep_objects(token.head, ("in", "from")))


def refine_accord(token: Token, code: str) -> str:
    """ "The economist agreed.", "agreed with the assessment": agreeing with a view, with nothing to be done, is
    expressing accord (019), not intent to cooperate."""
    if code != "030" or token.lemma_.lower() != "agree" or token.pos_ != "VERB":
        return code
    if any(c.dep_ in ("xcomp", "ccomp", "dobj", "advcl", "conj") for c in token.children):
        return code
    preps = [c for c in token.children if c.dep_ == "prep"]
    if any(p.lower_ in ("to", "on", "upon") for p in preps):
        return code
    views = [g for p in preps if p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
    if any(is_actor(v) for v in views):
        return code  # "agreed with Iran": with a party, something is agreed between them
    return "019"


def refine_assertion(token: Token, code: str) -> str:
    """ "admitted he was frustrated", "insisted that the market was sound": a statement (010). Admitting a deed
    ("admitted his troops had shelled the town") stays 015, insisting that someone must act stays a demand."""
    lemma = token.lemma_.lower()
    if (code, lemma) not in (("015", "admit"), ("100", "insist")):
        return code
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if not clauses:
        return code
    clause = clauses[0]
    if lemma == "insist":
        obliged = any(c.dep_ == "aux" and c.lower_ in ("must", "should", "would", "will") for c in clause.children)
        return code if obliged or clause.tag_ == "VB" else "010"  # "insisted that he resign": a demand
    feeling = clause.lemma_.lower() in _FEELINGS and any(c.dep_ == "auxpass" for c in clause.children)
    stative = clause.lemma_.lower() == "be" or feeling or any(c.dep_ == "acomp" for c in clause.children)
    return "010" if stative else code


_FEELINGS = wordset("frustrate disappoint surprise worry concern please delight shock upset annoy embarrass satisfy")


def refine_silence(token: Token, code: str) -> str:
    """ "declined to give any details", "refused to provide information": declining to comment (011), not a
    rejection of anything."""
    if code[:2] != "12" or token.lemma_.lower() not in ("decline", "refuse"):
        return code
    for xcomp in (c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in ("give", "provide", "offer")):
        if any(o.dep_ == "dobj" and o.lemma_.lower() in _INFORMATION for o in xcomp.children):
            return "011"
    return code


_INFORMATION = wordset("detail information comment figure name explanation reason breakdown specific")


def refine_warning(token: Token, code: str) -> str:
    """ "warned that the blockade would harm the region": a warning of what things will do, with no act of the
    speaker in it, is a pessimistic comment (012), not a threat (13x)."""
    if code != "130" or token.lemma_.lower() not in (*_WARNING_VERBS, "warning"):
        return code
    hazards = [*_prep_objects(token, ("of", "about")), *(c for c in token.children if c.dep_ == "compound")]
    if any(_natural_force(h) for h in hazards):
        return "012"  # "warned of flash floods", "a hurricane warning": a forecast of harm nobody does
    if token.pos_ == "NOUN" and any(
        c.dep_ in ("amod", "compound") and c.lower_ in _ALERT_COLOURS for c in token.children
    ):
        return "012"  # "yellow warnings were issued nationwide": a weather service's level of alert
    public = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in _THE_PUBLIC]
    infinitives = [c for c in token.children if c.dep_ in ("xcomp", "advcl", "ccomp")]
    if public and any(a.dep_ == "aux" and a.lower_ == "to" for c in infinitives for a in c.children):
        return "020"  # "police warned residents to stay inside": advice to the public is an appeal
    told = ("ccomp", "acl") if token.pos_ == "NOUN" else ("ccomp",)  # "a warning that the show was unsuitable"
    clauses = [c for c in token.children if c.dep_ in told and c.pos_ in ("VERB", "AUX")]
    subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    if clauses and subjects and not any(is_actor(s) for s in subjects):
        return "012"
    if clauses and all(_state_told(c) for c in clauses):
        return "012"  # "warned that it was short of money", "warned the cabinet would face a hard year"
    return code


_STATES = wordset("be need face remain become seem appear see find notice observe know feel think believe")
_ALERT_COLOURS = wordset("yellow orange amber red")


def _state_told(clause: Token) -> bool:
    """A clause that tells how things are or must be, not what somebody will do to somebody ("was ready to
    retaliate" tells what it will do)."""
    ready = [c for c in clause.children if c.dep_ == "acomp" and c.lower_ in _READY]
    if any(g.dep_ == "xcomp" for r in ready for g in r.children):
        return False
    if any(c.dep_ in ("acomp", "attr") for c in clause.children):
        return True
    if clause.lemma_.lower() == "have":  # "would have to work hard" is an obligation; "have no choice" a threat
        return any(c.dep_ == "xcomp" for c in clause.children)
    return clause.lemma_.lower() in _STATES and clause.pos_ in ("VERB", "AUX")


_READY = wordset("ready prepared willing determined poised set")
_MEANS_PREPS = wordset("with by in from during under using via")


def refine_by_instrument(token: Token, code: str, lexicon: Lexicon) -> str:
    """Refine an assault or fight code by the weapon that did it ("a drone strike", "gunmen killed")."""
    if code[:2] not in ("18", "19") or (len(code) > 3 and code[:3] != "182"):
        return code
    if code[:3] not in ("180", "182", "183", "186", "190"):
        return code
    near = [
        c
        for c in token.children
        if c.dep_ in _SUBJECTS | {"compound", "amod", "agent", "dobj"}
        or (c.dep_ == "prep" and c.lower_ in _MEANS_PREPS)  # not "including the bus driver"
    ]
    words: list[str] = []
    for tok in near:
        for sub in tok.subtree:
            if sub.i - tok.i < 6:
                words.append(sub.lemma_.lower())
    text = " " + " ".join(words) + " "
    for name, refined in lexicon.instruments:
        if f" {' '.join(name)} " in text:
            # small arms only refine fighting (gunmen killing villagers stays an assault) unless the text says
            # the killing happened in a fight ("killed in a gunbattle"); a named killing stays one unless from the air
            if code[:2] == "18" and refined[:3] == "193" and not set(name) & _FIGHTS:
                continue
            if code[:2] == "18" and refined == "180":
                continue  # a knife or a machete makes a military attack an assault; an assault it already is
            if code[:3] == "186" and refined[:3] != "195":
                continue
            return refined
    return code


def _compose(token: Token, base: dict[int, tuple[Pattern, str]], lexicon: Lexicon) -> Candidate | None:
    """A frame verb or noun over a coded complement, as one composed event (or None)."""
    frames = _frames_of(token, lexicon)
    if not frames or _asks(token):
        return None
    uncomposed: Token | None = None
    for complement in _complements(token):
        if _ordered_to_stop_speaking(token, complement):
            # "the government ordered the opposition paper to cease publication": a restriction it imposes
            frame = next(f for f in frames if f.family == "demand")
            target = _frame_target(token, complement, lexicon, None)
            return Candidate(token, _RESTRICTED_FREEDOMS, None, source_of(token, lexicon), target, frame, complement)
        asking = next((f for f in frames if f.family in ("appeal", "demand")), None)
        rally = _rallying(complement, base[complement.i][1] if complement.i in base else "") if asking else None
        if rally is not None:  # "urged the AU to support the president": rallies others behind him
            return Candidate(token, rally[0], None, source_of(token, lexicon), rally[1], asking, complement)
        if complement.i not in base:
            continue
        if token.lemma_.lower() in _DOING_FRAMES and complement.dep_ == "dobj":
            continue  # "undertook a mediation mission" did it; "undertook to mediate" promised it
        if complement.dep_ == "dobj" and complement.lemma_.lower() in _SAID_BY_OFFERING:
            continue  # "offered an apology" apologised: the words are given in the offering
        inner = base[complement.i][1]
        for frame in frames:
            if frame.family == "reject" and _has_neg(token):
                # "has not ruled out sending troops": no refusal, the act stays possible
                cand = Candidate(
                    complement,
                    inner,
                    base[complement.i][0],
                    source_of(token, lexicon),
                    target_of(complement, lexicon, base[complement.i][0]),
                )
                cand.extra.append("possible")
                return cand
            family = frame.family
            if family == "intend" and _has_neg(complement):
                if inner[:2] in _COOPERATIVE_ROOTS:
                    family = "reject"  # "vowed never to negotiate": a refusal
                else:  # "promised not to attack": a pledge of restraint, no threat
                    source = source_of(token, lexicon)
                    target = _frame_target(token, complement, lexicon, base[complement.i][0])
                    restraint = _RESTRAINT if inner[:2] in _FORCE_ROOTS else _YIELD
                    return Candidate(token, restraint, None, source, target, frame, complement)
            code = lexicon.composed(family, inner)
            if code is None and frame.family == "intend":  # a promise to attack is a threat
                code = lexicon.composed("threaten", inner)
            if code is not None:
                source = source_of(token, lexicon)
                target = _frame_target(token, complement, lexicon, base[complement.i][0])
                return Candidate(token, code, None, source, target, frame, complement)
        if uncomposed is None and complement.dep_ in _CLAUSE_COMPLEMENTS:
            uncomposed = complement
    return _speech_act_over(token, uncomposed, frames[0], base, lexicon) if uncomposed is not None else None


_RESTRICTED_FREEDOMS = "1721"  # CAMEO: impose restrictions on political freedoms
_STOPPING = wordset("suspend stop cease halt end close shut")
_VOICES = wordset("publication publish broadcast broadcasting transmission print printing activity operation")


def _ordered_to_stop_speaking(token: Token, complement: Token) -> bool:
    """An order to a paper, a broadcaster or a group to stop publishing, broadcasting or acting ("ordered the
    radio station to stop broadcasting"): a restriction on political freedoms (1721), not a request."""
    if token.lemma_.lower() != "order" or complement.lemma_.lower() not in _STOPPING:
        return False
    return any(c.dep_ in ("dobj", "xcomp") and c.lemma_.lower() in _VOICES for c in complement.children)


_RALLIED_SUPPORT_CODE = "053"  # CAMEO: rally support on behalf of
_RALLIED_OPPOSITION_CODE = "113"  # CAMEO: rally opposition against
_JOINING = wordset("unite mobilize mobilise rally join")


def _rallying(complement: Token, inner: str) -> tuple[str, Argument | None] | None:
    """An appeal to others to back a third party, or to stand together against one, rallies support (053) or
    opposition (113) around that party: "urged the AU to support the Sudanese president", "called on voters to
    unite against the president". The target is the third party."""
    if inner[:3] == "051":
        backed = next((c for c in complement.children if c.dep_ == "dobj" and _named_party(c)), None)
        return (_RALLIED_SUPPORT_CODE, actor_argument(backed)) if backed is not None else None
    verbs = [complement, *complement.conjuncts]
    if not any(v.lemma_.lower() in _JOINING for v in verbs):
        return None
    opposed = [p for v in verbs for p in _prep_objects(v, ("against",)) if _named_party(p)]
    return (_RALLIED_OPPOSITION_CODE, actor_argument(opposed[0])) if opposed else None


def _named_party(token: Token) -> bool:
    """An actor the text names or points to as a person or body ("him", "them"), not a thing ("it", "this")."""
    return is_actor(token) and token.lower_ not in ("it", "this", "that", "these", "those", "which", "what")


def _has_neg(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _speech_act_over(
    token: Token, complement: Token, frame: Frame, base: dict[int, tuple[Pattern, str]], lexicon: Lexicon
) -> Candidate:
    """A frame verb over a coded clause it does not compose with ("demanded that its partners refuse", "agreed
    to postpone the march"): the matrix act is the event, coded by the verb's own pattern or its family's base,
    and the clause is its content, not a second event."""
    own = base.get(token.i)
    code = own[1] if own is not None else frame.base
    source = source_of(token, lexicon)
    target = _frame_target(token, complement, lexicon, base[complement.i][0])
    return Candidate(token, code, own[0] if own else None, source, target, frame, complement)


def _frames_of(token: Token, lexicon: Lexicon) -> list[Frame]:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        candidates = lexicon.verb_frames.get(lemma, [])
    elif token.pos_ == "NOUN":
        candidates = lexicon.noun_frames.get(lemma, [])
    else:
        return []
    particles = {c.lower_ for c in token.children if c.dep_ in ("prt", "prep")}
    return [f for f in candidates if all(group & particles for group in f.particles)]


def _complements(token: Token) -> Iterator[Token]:
    """Tokens that may carry the event a frame governs: its verb complement, object, or prepositional object."""
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "dobj") or (
            child.dep_ == "advcl" and any(m.lower_ == "to" for m in child.children)
        ):
            yield child
            if child.dep_ == "xcomp" and child.lemma_.lower() in _ASPECTUAL:
                yield from (g for g in child.children if g.dep_ in ("dobj", "xcomp"))
        if child.dep_ in ("prep", "prt"):
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    yield grand
                    yield from (g for g in grand.children if g.dep_ == "prep" and g.lower_ == "of")
                    # "appealed to donors for food aid", with "for" hung on the donors
                    yield from _prep_objects(grand, ("for",))
    for child in token.children:  # "demanded the release of": the object's own event noun
        if child.dep_ == "dobj":
            yield from (g for g in child.children if g.dep_ in ("acl", "relcl"))
            yield from _measured(child)
        if child.dep_ == "acl" and token.pos_ == "NOUN":  # "a consensus to exchange", "its demand that Israel ease"
            yield child
    if token.pos_ == "NOUN" and token.dep_ == "dobj":  # "renewed its demand on Monday that Chile lift": extraposed
        yield from (c for c in token.head.children if c.dep_ == "ccomp" and c.i > token.i and _has_that(c))


def _measured(amount: Token) -> Iterator[Token]:
    """What an amount is an amount of: "$5 million in aid", "thousands of tonnes of food aid" -> the aid."""
    if amount.ent_type_ not in ("MONEY", "QUANTITY", "CARDINAL"):
        return
    for _ in range(3):  # the amount, its unit, the thing
        inner = next(
            (
                g
                for c in amount.children
                if c.dep_ == "prep" and c.lower_ in ("in", "of")
                for g in c.children
                if g.dep_ == "pobj"
            ),
            None,
        )
        if inner is None:
            return
        yield inner
        amount = inner


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _frame_target(token: Token, complement: Token, lexicon: Lexicon, pattern: Pattern | None = None) -> Argument | None:
    """The target of a composed event: the frame's own object ("urged Bree to"), else the subject of a clause
    complement ("demanded that Syria withdraw"), else the complement's own target."""
    for child in token.children:
        if child.dep_ in ("dobj", "dative") and child.i != complement.i and is_actor(child):
            return argument(child)
        if child.dep_ in ("prep", "dative") and child.lower_ in ("on", "upon", "to", "with", "against"):
            for pobj in child.children:  # "offered help to Kenya": the parser may call "to" a dative
                if pobj.dep_ == "pobj" and pobj.i != complement.i and is_actor(pobj):
                    return argument(pobj)
    if complement.i == token.i:
        return None
    subject = next((c for c in complement.children if c.dep_ in _SUBJECTS), None)
    if complement.dep_ in ("ccomp", "acl") and subject is not None and is_actor(subject):
        return argument(subject)
    return target_of(complement, lexicon, pattern)


def _merge_objects(found: list[Candidate], lexicon: Lexicon) -> list[Candidate]:
    """One event where a coded verb governs a coded noun: the noun wins under a light verb ("held talks",
    "launched an invasion"), the verb wins otherwise ("lifted sanctions", "condemned the attack")."""
    by_token = {c.trigger.i: c for c in found}
    dropped: set[int] = set()
    for noun in (c for c in found if c.trigger.pos_ in ("NOUN", "PROPN")):
        if noun.trigger.dep_ == "pobj" and noun.trigger.head.lower_ in _CAUSE_PREPS:
            continue  # "closed its borders because of fighting": the cause, an event of its own
        verb = by_token.get(_governor(noun.trigger).i)
        if verb is None or verb is noun or verb.frame is not None or verb.trigger.pos_ != "VERB":
            continue
        light = verb.pattern is not None and not verb.pattern.specificity
        speech = bool(_frames_of(verb.trigger, lexicon))  # "rejected an offer of talks": the rejection stands
        if (light and verb.trigger.lemma_.lower() in _LIGHT_VERBS) or (
            noun.frame and _coded_by(verb, noun) and not speech
        ):
            # "reached an agreement to share intelligence": the composed noun says more than the verb
            dropped.add(verb.trigger.i)
            continue
        dropped.add(noun.trigger.i)
        if noun.code[:2] == verb.code[:2] and verb.code.endswith("0") and not noun.code.endswith("0"):
            verb.code = noun.code  # "sent humanitarian aid": the noun knows the kind of aid
        if _killed_in(verb, noun):  # "five people were killed in an Israeli airstrike": the strike's toll
            verb.code, verb.source = noun.code, verb.source or noun.source
            continue
        if verb.trigger.lemma_.lower() in _LAID_AT:  # "the bombing was blamed on Hamas": Hamas is blamed
            verb.target = verb.target or noun.source
            continue
        undergone = noun.trigger.dep_ == "nsubjpass" and not _coded_by(verb, noun)
        if _passive(verb.trigger) and (noun.code[:2] != verb.code[:2] or undergone):
            # "the protesters' demand was rejected", "the resumption of ties between A and B was welcomed": who
            # made the demand, or resumed the ties, is not who rejected or welcomed it
            verb.target = verb.target or noun.target or noun.source
            continue
        if noun.code[:2] != verb.code[:2]:
            # "police prevented a march by students", "condemned an attack by soldiers": the noun's doer is the
            # one the verb is done to, not its doer (unless the noun took it from the verb: "called for sanctions
            # against Nigeria" is against Nigeria)
            own = noun.source is not None and (verb.source is None or noun.source.start != verb.source.start)
            verb.target = verb.target or (noun.source if own else None) or noun.target
            continue
        verb.source = verb.source or noun.source
        if verb.target is None or (verb.source and noun.target and verb.target.start == verb.source.start):
            verb.target = noun.target
    return [c for c in found if c.trigger.i not in dropped]


def _killed_in(verb: Candidate, noun: Candidate) -> bool:
    """Violence with no doer named, done in a military attack ("were killed in the raid", "wounded during the
    shelling"): the attack is what did it."""
    if (
        verb.code not in _CASUALTY_CODES
        or noun.code[:2] not in _MILITARY_ROOTS
        or not done_by_someone_unnamed(verb.trigger)
    ):
        return False
    return noun.trigger.dep_ == "pobj" and noun.trigger.head.lower_ in ("in", "during", "by") and _military(noun)


def _military(attack: Candidate) -> bool:
    """Whether an attack noun says military force: by its kind ("the raid", "an airstrike"), or, for a word any
    attacker may carry out ("the attack"), by a doer the text names ("an Israeli attack")."""
    if attack.code[:2] not in _MILITARY_ROOTS:
        return False
    return attack.trigger.lemma_.lower() not in _ANY_ATTACKER or attack.source is not None


_ANY_ATTACKER = wordset("attack assault violence incident")


def _coded_by(verb: Candidate, noun: Candidate) -> bool:
    """Whether the verb has its code only through the noun ("reach +agreement"): the two are one act. A verb
    that turns a cooperative noun into conflict ("broke an agreement signed in May") says what happened."""
    lemma = noun.trigger.lemma_.lower()
    if verb.code[:2] >= "10" > noun.code[:2]:
        return False
    return verb.pattern is not None and any(lemma in group for group in verb.pattern.required)


def _governor(token: Token) -> Token:
    """The verb a noun is the object of, directly or through a particle or preposition."""
    if token.dep_ in ("dobj", "attr", "nsubjpass"):
        return token.head
    if token.dep_ == "pobj" and token.head.dep_ in ("prep", "prt", "agent"):
        return token.head.head
    return token


def obligation_speaker(token: Token) -> Argument | None:
    """Who says another party must act: the subject of the verb whose "that" clause holds ``token`` ("Britain said
    Libya must ..."), or of the verb governing a noun the clause completes ("issued a reminder that Iraq must ...")."""
    tok = token
    while tok.dep_ in ("xcomp", "conj") and tok.head.i != tok.i:
        tok = tok.head
    if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in tok.children):
        return None
    head = tok.head
    if tok.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.dep_ in ("dobj", "pobj", "attr"):
        head = _governor(head)
    elif tok.dep_ != "ccomp":
        return None
    if head.pos_ != "VERB":
        return None
    subject = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
    own = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
    if subject is None or (own is not None and "".join(filter(str.isalpha, own.lower_)) in ("i", "we")):
        return None  # "we said we must act", "I fear we must": a resolve the speaker shares, not a request
    return actor_argument(subject)


def source_of(token: Token, lexicon: Lexicon) -> Argument | None:
    """The doer of the event triggered by ``token``."""
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_source(token, lexicon)
    given_by = converse(token, lexicon)
    if given_by is not None:
        return argument(given_by)
    active = any(c.dep_ == "nsubj" for c in token.children)  # the parser may call "by" an agent after an active verb
    for child in token.children:
        if child.dep_ == "agent" and not active:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return actor_argument(pobj)
    if _absolute_participle(token) or _described_as(token):
        return None
    for child in token.children:
        if child.dep_ in _SUBJECTS:
            return actor_argument(child)
    if _stance(token):  # "Chile is opposed to Spanish mediation": Chile holds the stance
        return next((actor_argument(c) for c in token.children if c.dep_ == "nsubjpass"), None)
    if any(c.dep_ == "nsubjpass" for c in token.children) or stray_passive_subject(token) is not None:
        return None
    if _fronted_participle(token):
        return None  # "Asked about the delay, Blair said ...": someone asked Blair
    doer = _doer_parsed_as_object(token)
    if doer is not None:
        return actor_argument(doer)
    if _gerund_modifier(token):
        if token.lemma_.lower() in _DOING_GERUNDS:  # "protesting legislators", "striking workers" do it
            return actor_argument(token.head)
        # "contemplated sanctioning Chinese banks" parsed as an adjective
        return source_of(token.head.head, lexicon) if token.head.dep_ == "dobj" else None
    return _inherited_source(token, lexicon)


_DESCRIBING = wordset("describe report identify portray label list name depict characterize characterise")


def _described_as(token: Token) -> bool:
    """ "the gunman, described by local papers as convicted of robbery": a participle after "as" under a verb of
    describing says what was done to the one described, by someone else, not by who describes."""
    return (
        token.tag_ == "VBN"
        and token.dep_ in ("advcl", "oprd", "acomp")
        and token.head.lemma_.lower() in _DESCRIBING
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children)
    )


def _absolute_participle(token: Token) -> bool:
    """ "with 300 people killed", "with two ministers arrested": the noun before a bare past participle after
    "with" is the one it was done to, though the parser calls it the subject."""
    return (
        token.tag_ == "VBN"
        and token.dep_ in ("pcomp", "pobj", "advcl")
        and token.head.lower_ in ("with", "without")
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    )


def _fronted_participle(token: Token) -> bool:
    """A passive participle clause with no subject of its own ("Rebuked by Kenya, Uganda ..."): the main
    clause's subject is the one it was done to."""
    return (
        token.dep_ == "advcl"
        and token.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in token.children)
    )


def _natural_it(token: Token) -> bool:
    """Whether "it" opens a sentence about what the sentence before was about, and that was a force of nature
    ("A fire broke out in the market. It killed nine people."). Only the subject of the sentence before counts:
    the coreference the actors layer does is for people, and a thing is what this one word most often stands for."""
    if token.lower_ != "it" or token.dep_ not in ("nsubj", "nsubjpass") or token.sent.start == 0:
        return False
    before = token.doc[token.sent.start - 1].sent
    subjects = [c for c in before.root.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(_natural_force(s) for s in subjects)


def _natural_force(token: Token) -> bool:
    """A force of nature, the weather or a disease, named or not ("the earthquake", "heavy rain", "Typhoon
    Haiyan")."""
    words = [token, *(c for c in token.children if c.dep_ == "compound")]
    return any(w.lemma_.lower() in _NATURE or w.lower_ in _NATURE for w in words) or _named_storm(token)


def _named_storm(token: Token) -> bool:
    """A name the story gave a storm before ("Cyclone Idai came ashore ... Idai also cut power lines")."""
    if not token.text.istitle():  # the model may tag the bare name a common noun
        return False
    doc = token.doc
    return any(t.text == token.text and t.i > 0 and doc[t.i - 1].lower_ in _NATURE for t in doc[: token.i])


def _animals(doers: list[Token]) -> bool:
    """Whether the doers are animals and only animals ("a bat attacked ..."; in "the lions and Gondor welcomed ..."
    Gondor acts)."""
    words = [t for d in doers for t in (d, *d.conjuncts, *(c for c in d.children if c.dep_ == "appos"))]
    return bool(words) and all(t.lemma_.lower() in _ANIMALS and t.pos_ == "NOUN" and not t.ent_type_ for t in words)


_ANIMALS = wordset(
    "animal bat dog bear shark snake crocodile alligator lion tiger leopard elephant wolf bee wasp hornet horse "
    "bull cow monkey hippo hippopotamus rat bird eagle boar buffalo jellyfish"
)


def by_nature(cand: Candidate) -> bool:
    """Whether a force of nature or a disease did it ("the cyclone that struck the coast", "the earthquake
    killed 300 people"): no party did, and there is no political event."""
    doers = list(cand.source.heads) if cand.source else []
    doers += [*_subjects_and_agents(cand.trigger), *_prep_objects(cand.trigger, ("by",))]
    if cand.trigger.dep_ == "conj" and not doers:  # "the storm blocked roads and forced thousands to flee"
        doers = _subjects_and_agents(cand.trigger.head)
    if any(_natural_force(d) for d in doers) or _animals(doers):
        return True
    if any(_natural_it(d) for d in doers):
        return True
    lemma = cand.trigger.lemma_.lower()
    if lemma in _COLLIDE and any(d.lemma_.lower() in _VEHICLES for d in doers):
        return True  # "the coach hit the wall of the underpass": an accident
    hit = [c for c in cand.trigger.children if c.dep_ == "dobj"]
    if lemma in _COLLIDE and hit and all(_obstacle(h) for h in hit):
        return True  # "the helicopter struck power lines and crashed": what aircraft fly into
    if lemma == "capture" and any(d.lemma_.lower() in _RECORDERS or d.lower_ in _RECORDERS for d in doers):
        return True  # "CCTV captured their arrival": a recording, not a seizure
    if lemma in _COLLIDE and _figurative_blow(cand.trigger):
        return True  # "the tax will hit families hardest", "was hit by rising costs"
    if lemma in _ACTS_OF_PARTIES and cand.trigger.pos_ == "VERB":
        verb = cand.trigger
        while verb.dep_ in ("xcomp", "conj") and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "the sales failed to help": the subject of "failed"
        subjects = _subjects_and_agents(verb)
        if subjects and not any(is_actor(s) or s.pos_ == "PROPN" for s in subjects):
            return True  # "the sales failed to help the High Street", "an injury denied him a start"
    if lemma in _GAME_VERBS and _story_of_games(cand.trigger):
        return True  # "Wales visit Rome", "beat two defenders": a match
    if cand.code[:2] not in ("18", "19"):
        return False
    foes = [*_prep_objects(cand.trigger, ("with", "against", "on"))]
    foes += [c for c in cand.trigger.children if c.dep_ == "dobj"]
    if any(f.lemma_.lower() in _SOCIAL_ILLS for f in foes):
        return True  # "a long battle with cancer", "had to battle alcoholism"
    goals = list(_prep_objects(cand.trigger, ("for",)))
    if goals and not foes and all(g.lemma_.lower() in _PERSONAL_GOALS for g in goals):
        return True  # "fighting for her job"
    return lemma == "beat" and _score(cand.trigger)  # "beat France 30-20": a match


# Verbs of violence and of diplomacy that sport and show business use for other things ("beat two defenders",
# "her hit single", "Wales visit Rome", "denied England a try").
_GAME_VERBS = wordset(
    "beat hit shoot strike tackle thrash hammer crush batter clash slam force fight "  # "the Six Nations clash"
    "deny threaten allow meet meeting tour visit host "  # "denied England a try", "Wales visit Rome", "meet Italy"
    "sign dismiss"  # "signed the striker from Bristol", "the referee dismissed Drogba"
    " trip loan withdraw"  # "went on the trip", "joined Celtic on loan", "withdrew injured"
)
_GAME_WORDS = wordset(
    "match goal season league cup championship tournament coach striker midfielder goalkeeper squad club "
    "fixture innings wicket medal olympics premiership playoff semi-final quarter-final album song single "
    "rugby football soccer cricket tennis golf penalty scrum referee stadium "
    "athletics athlete sprint sprinter marathon relay hurdles 800m 1500m tie-break tiebreak wimbledon doubles "
    "fly-half winger lineout slam "
    "chart band singer film movie actor actress studio box-office concert grammy oscar episode"
)


def _story_of_games(token: Token) -> bool:
    """A story about sport or show business, and not about arms: counted over the whole text, as for strikes."""
    games = _doc_tally(token.doc, _GAME_WORDS)
    return games >= 4 and games > 2 * _doc_tally(token.doc, _ARMED_WORDS)


def _score(token: Token) -> bool:
    """A result or a margin after the verb ("beat France 30-20", "beating him by 0.90 seconds", "by 20 votes")."""
    after = token.doc.text[token.idx : token.sent.end_char]
    if _SCORE.search(after):
        return True
    return any(p.lemma_.lower() in _MARGINS for p in _prep_objects(token, ("by",)))


_SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b")
_MARGINS = wordset("second point goal run stroke length wicket vote set game minute margin")


_PERSONAL_GOALS = wordset(
    "job life right justice survival place title seat equality recognition career livelihood health recovery "
    "freedom compensation pay wage pension"
)


_COLLIDE = wordset("hit strike collide")
_ACTS_OF_PARTIES = wordset("help assist aid support back boost allow enable permit deny trade")  # not of things
_WEAPONS = wordset(
    "missile rocket shell mortar bomb drone airstrike strike artillery bullet grenade shot fire jet warplane "
    "aircraft plane helicopter tank gunfire explosive device blast explosion"
)
_FORCES = _TROOPS | _WEAPONS | wordset("weapon ship warship vessel fleet peacekeeper personnel")  # what pulls back


def _figurative_blow(verb: Token) -> bool:
    """ "hit hardest", "hit back at critics", "hit by rising costs", "the tax will hit families": no blow struck.
    A blow needs a party or a weapon to strike it."""
    if any(c.dep_ == "advmod" and c.lower_ in ("hard", "harder", "hardest", "badly") for c in verb.children):
        return True
    if any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children):
        return True
    doers = _subjects_and_agents(verb)
    return any(not is_actor(d) and not _armed_phrase(d) for d in doers)


def _subjects_and_agents(verb: Token) -> list[Token]:
    """The verb's subject and the nouns of its "by" agent phrase: who is said to do it."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    return doers + [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _armed_phrase(token: Token) -> bool:
    return any(t.lemma_.lower() in _WEAPONS or t.lemma_.lower() in _ARMED_WORDS for t in token.subtree)


_VEHICLES = wordset("vehicle car truck lorry bus train tram van boat ship ferry motorcycle taxi coach")
_OBSTACLES = wordset(  # what vehicles and aircraft run into
    "cable wire pylon tree mountain hillside pole mast runway iceberg reef rock rail guardrail"
)
_POWER = wordset("power electricity phone telephone transmission utility")


def _obstacle(token: Token) -> bool:
    """What vehicles and aircraft run into; a line only when it carries power ("power lines", not "the front
    line")."""
    lemma = token.lemma_.lower()
    if lemma == "line":
        return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in _POWER for c in token.children)
    return lemma in _OBSTACLES


# What a "battle with" or "fight against" is waged on when it is no war: "a long battle with cancer".
_SOCIAL_ILLS = wordset(
    "cancer illness disease tumour tumor leukaemia leukemia addiction depression virus coronavirus covid "
    "pandemic corruption poverty hunger inflation unemployment crime drug obesity malaria aids hiv wildfire blaze "
    "climate alcoholism sentiment speculation deflation recession trend"  # "fight the market's bearish sentiment"
)


def _stance(verb: Token) -> bool:
    """ "X is opposed to Y", "X is committed to Y", "X was allied with Y": a passive form that says what its
    subject holds."""
    if verb.lemma_.lower() not in _STANCES or not _passive(verb):
        return False
    return not any(c.dep_ == "agent" for c in verb.children)


_STANCES = wordset("oppose commit ally align")


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _bare_participle(verb: Token) -> bool:
    """A past participle with no "to" of its own after a passive verb ("were confirmed killed", "was reported
    wounded"): passive in meaning, though it has no auxiliary to show it."""
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)


def _passive_modifier(token: Token, lexicon: Lexicon) -> bool:
    """An event verb's past participle after a noun ("diplomats accused of spying"): the noun undergoes it.
    Verbs outside the lexicon are left alone (most are intransitive: "youths resorted to"), and so is a
    sentence whose root is a noun: there the parser has most likely mistaken the finite verb for a participle."""
    return (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and token.head.pos_ in ("NOUN", "PROPN")
        and token.sent.root.pos_ not in ("NOUN", "PROPN")
        and token.lemma_.lower() in lexicon.verbs
    )


def _gerund_modifier(token: Token) -> bool:
    return token.dep_ == "amod" and token.tag_ == "VBG" and token.head.pos_ in ("NOUN", "PROPN")


def _doer_parsed_as_object(token: Token) -> Token | None:
    """ "interrupted by protesting legislators", parsed as protesting the legislators: a bare plural of people
    after an intransitive participle with no auxiliary is who does it."""
    if token.tag_ != "VBG" or token.lemma_.lower() not in _DOING_GERUNDS or token.dep_ not in ("pcomp", "amod"):
        return None
    if any(c.dep_ == "aux" for c in token.children):
        return None
    return next(
        (
            c
            for c in token.children
            if c.dep_ == "dobj"
            and c.tag_ == "NNS"
            and c.lemma_.lower() in AGENT_NOUNS
            and not any(d.dep_ in ("det", "poss") for d in c.children)
        ),
        None,
    )


def _inherited_source(token: Token, lexicon: Lexicon) -> Argument | None:
    """The subject a verb shares with the verb governing it (control, coordination, "from providing")."""
    head = token.head
    if token.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod"):
        head = head.head  # "Chile is ready to sign": the subject of the copula
    if token.dep_ == "acomp" and token.pos_ == "ADJ" and head.i != token.i:
        return source_of(head, lexicon)  # "the minister was optimistic": whoever the copula is said of
    if token.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acl") and head.i != token.i:
        if token.dep_ == "pcomp":
            if head.lower_ in ("of", "for", "from", "against") and head.head.pos_ == "VERB":
                # object control through a preposition: "accused X of shelling", "blamed X for attacking",
                # "barred X from travelling", "warned X against arming": the object is who does it
                controller = next(  # in the passive its subject: "the police were accused of attacking"
                    (c for c in head.head.children if c.dep_ in ("dobj", "nsubjpass") and is_actor(c)), None
                )
                if controller is not None:
                    return actor_argument(controller)
            head = head.head
            if head.pos_ == "ADJ" and head.dep_ == "acomp":  # "X is guilty of violating": the copula's subject
                head = head.head
            if head.pos_ == "ADV" and head.dep_ == "advmod":  # "stopped short of imposing"
                head = head.head
        if token.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            if _passive_modifier(token, lexicon):  # "diplomats accused of spying": the noun is who it was done to
                return None
            return actor_argument(head) if is_actor(head) else None
        if (token.dep_ in ("conj", "advcl") and _passive(token)) or _passive_participle_clause(token):
            return None  # "Turkey is under sanctions and was condemned by ...": the shared subject undergoes it
        if token.dep_ == "xcomp" and _passive(head):  # "Kenya was expected to deploy", "X is said to have"
            if _passive(token) or _bare_participle(token):
                return None  # "the journalist was expected to be released": released by someone unsaid
            raised = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            return actor_argument(raised) if raised is not None else None
        if head.pos_ in ("VERB", "AUX"):
            objects = [c for c in head.children if c.dep_ in ("dobj",) and is_actor(c)]
            if token.dep_ == "xcomp" and not objects:  # "appealed to both sides to end", "called on Iran to"
                objects = [p for p in _prep_objects(head, ("to", "on", "upon")) if is_actor(p)]
            if token.dep_ == "xcomp" and objects:  # object control: "urged Bree to help"
                return argument(objects[0])
            return source_of(head, lexicon)
    if token.dep_ == "relcl" and is_actor(token.head):
        return argument(token.head)
    return None


_IN_AID_OF = wordset("support favour favor defence defense solidarity")


def _of_is_source(token: Token, lexicon: Lexicon) -> bool:
    """Whether the noun's "of" phrase names its doer ("the support of the president"); not after "in" ("sends
    arms to the capital in support of the regime", "marched in solidarity with"): there it names who is backed."""
    if token.lemma_.lower() not in lexicon.of_is_source:
        return False
    if token.lemma_.lower() in _IN_AID_OF and any(c.lower_ in _PUBLIC_BACKERS for c in token.children):
        return False  # "public support of the protesters": the public backs them
    return not (token.dep_ == "pobj" and token.head.lower_ == "in" and token.lemma_.lower() in _IN_AID_OF)


_PUBLIC_BACKERS = wordset("public popular grassroots widespread voter")


def _noun_source(token: Token, lexicon: Lexicon) -> Argument | None:
    if token.lemma_.lower() in _DONE_TO_PEOPLE and any(
        c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in token.children
    ):
        return None  # "after his release, Mugabe led ...": he was released, by someone the text does not name
    for child in token.children:
        if child.dep_ != "poss" or child.lower_ in ("its", "their", "his", "her") or _patient_owner(child):
            continue
        if child.ent_type_ in ("DATE", "TIME"):
            continue  # "next week's summit": when, not who
        return argument(child)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return actor_argument(pobj)
        if child.dep_ == "prep" and child.lower_ in ("of", "from") and _of_is_source(token, lexicon):
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            toured = child.lower_ == "of" and token.lemma_.lower() in _JOURNEYS and pobj is not None and _area(pobj)
            if pobj is not None and is_actor(pobj) and not toured:  # "a tour of Africa" goes there
                return argument(pobj)
    for acl in (c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        agent = next((g for a in acl.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
        if agent is not None and is_actor(agent):  # "a statement released by the embassy"
            return argument(agent)
    if token.dep_ == "pobj" and token.head.lower_ == "under":  # "came under attack from rebels"
        named = next((actor_argument(p) for p in _prep_objects(token, ("from", "by"))), None)
        if named is not None:
            return named
        return next(  # "is under EU sanctions"
            (argument(c) for c in token.children if c.dep_ in ("amod", "compound") and c.ent_type_ in _DOER_LABELS),
            None,
        )
    for holder in _between_holders(token, lexicon):  # "talks between Xi and Putin": both parties as one source
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and is_actor(pobj):
                    return argument(pobj)
    for child in token.children:  # "Russian invasion", "U.S. sanctions", "a rebel attack", "a police raid"
        if _destination_named_before(child):
            continue
        if child.dep_ in ("amod", "compound") and child.ent_type_ in _DOER_LABELS and not _stance_prefix(child):
            return argument(child)
        if child.dep_ == "compound" and child.pos_ == "NOUN" and child.lemma_.lower() in _DOER_NOUNS:
            return argument(child)
    claimant = _claimed_by(token)
    if claimant is not None:
        return claimant
    head = token.head
    span = head.head
    if token.dep_ == "pobj" and head.lower_ == "of" and span.lemma_.lower() in _SPANS and span.dep_ == "dobj":
        token, head = head.head, head.head.head  # "launched ten days of war games": the games were launched
    if token.dep_ in ("dobj", "pobj", "nsubjpass") and head.i != token.i:
        verb = head.head if token.dep_ == "pobj" else head
        if token.dep_ == "pobj" and head.lower_ in _SETTING_PREPS and verb.lemma_.lower() not in _PARTAKE:
            return None  # "won a role in the talks", "was hurt in the fighting": the setting, not the doer's act
        if token.dep_ == "pobj" and (head.lower_ in _CAUSE_PREPS or head.lower_ in _BEFORE_PREPS):
            # "the army moved in because of the threat of a dock strike", "the agency created after the 9/11 attacks":
            # a cause or a time, not the subject's act
            return None
        if token.dep_ == "pobj" and verb.lemma_.lower() in _PARTAKE and _passive(verb):  # "were engaged in"
            return next((actor_argument(c) for c in verb.children if c.dep_ == "nsubjpass"), None)
        if token.dep_ == "dobj" and verb.lemma_.lower() in _JUDGE:
            return None  # "characterised the attack as a violation": someone else's attack, judged
        if token.dep_ == "dobj" and verb.lower_ == "following":
            return None  # "jumped well following a doping ban": "following" read as a verb is a time
        if token.dep_ == "dobj" and verb.lemma_.lower() in PREVENTING and not _own_event(token):
            return None  # "police foiled a bomb attack": the plotters' attack, not the police's
        if token.dep_ == "dobj" and verb.lemma_.lower() in _CAUSING:
            return None  # "the presence of troops feeds the insurgency": a cause of it, not who wages it
        if token.dep_ == "pobj" and (head.lower_ == "against" or verb.lemma_.lower() in _POINT_TO):
            return None  # "spoke out against the attack", "pointing to the attack on the embassy"
        if token.dep_ == "pobj" and head.lower_ in ("on", "about") and verb.lemma_.lower() in _JUDGE:
            return None  # "used his site to write about journalists' arrests": others' arrests, reported
        if token.dep_ == "pobj" and head.lower_ in ("with", "without") and any(c.dep_ == "acl" for c in token.children):
            return None  # "the fleet is old, with sanctions limiting imports": a circumstance, not the fleet's act
        if token.dep_ == "dobj" and _undergone(token, verb):  # "drew criticism from Uganda"
            return next((argument(p) for p in _prep_objects(verb, ("from", "by")) if is_actor(p)), None)
        if verb.pos_ in ("VERB", "AUX") and (token.dep_ != "pobj" or head.dep_ in ("prep",)):
            return source_of(verb, lexicon) if token.dep_ != "nsubjpass" else None
    return None


def _claimed_by(token: Token) -> Argument | None:
    """Who an act is claimed by or laid at the door of: "the attack was claimed by X", "was blamed on X",
    "ascribed to X", "X claimed responsibility for the attack", "Y blamed X for the bombing"."""
    head = token.head
    if token.dep_ == "nsubjpass" and head.lemma_.lower() in _LAID_AT:
        preps = ("by",) if head.lemma_.lower() == "claim" else ("to", "on")
        agents = [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        return next(filter(None, (actor_argument(p) for p in (*agents, *_prep_objects(head, preps)))), None)
    if token.dep_ != "pobj" or head.lower_ != "for":
        return None
    holder = head.head
    if holder.lemma_.lower() == "responsibility" and holder.dep_ == "dobj":
        subject = next((c for c in holder.head.children if c.dep_ == "nsubj"), None)
        if subject is None or holder.head.lemma_.lower() != "claim" or said_nobody(subject):
            return None  # "No group claimed responsibility for the attack": the attack's doer is unknown
        return actor_argument(subject)
    if holder.lemma_.lower() == "blame":
        blamed = next((c for c in holder.children if c.dep_ == "dobj" and is_actor(c)), None)
        return actor_argument(blamed) if blamed is not None else None
    return None


_LAID_AT = wordset("claim ascribe attribute blame")


def said_nobody(subject: Token) -> bool:
    """A subject that says no one did it: "nobody", "none", "no one", "neither X nor Y", "no country"."""
    if subject.lower_ in ("nobody", "none", "neither") or (
        subject.lower_ == "one" and subject.i > 0 and subject.nbor(-1).lower_ == "no"
    ):
        return True
    if any(c.dep_ == "preconj" and c.lower_ == "neither" for c in subject.children):
        return True
    if subject.pos_ != "PROPN" and subject.lemma_.lower() not in AGENT_NOUNS:
        return False  # "No solution is in sight to the strike": no solution, but a strike
    return any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children)


def target_of(token: Token, lexicon: Lexicon, pattern: Pattern | None = None) -> Argument | None:
    """The party the event triggered by ``token`` is done to."""
    if token.pos_ in ("NOUN", "PROPN"):
        return _noun_target(token, lexicon)
    if _gerund_modifier(token):
        return None if token.lemma_.lower() in _DOING_GERUNDS else actor_argument(token.head)
    if token.pos_ == "ADJ":  # "critical of Togo", "worried about Iran"
        return next(filter(None, (actor_argument(p) for p in _prep_objects(token, _ADJECTIVE_PREPS))), None)
    if _doer_parsed_as_object(token) is not None:
        return None
    if _stance(token):  # "is opposed to X", "is committed to X", "was allied with X"
        return next(filter(None, (actor_argument(p) for p in _prep_objects(token, ("to", "with")))), None)
    if converse(token, lexicon) is not None:  # "received money from X": the receiver, who is the subject
        subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        return actor_argument(subject) if subject is not None else None
    if any(c.dep_ == "agent" for c in token.children):
        subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if subject is not None:
            return actor_argument(subject)
    if _passive_modifier(token, lexicon):
        return actor_argument(token.head)  # "a convoy attacked by rebels", "diplomats accused of spying"
    if token.lemma_.lower() in ("leave", "depart"):  # "left Moscow for Beijing": where the journey goes
        bound = next((p for p in _prep_objects(token, ("for",)) if is_actor(p)), None)
        if bound is not None:
            return argument(bound)
    if token.lemma_.lower() == "invest":  # "invested five billion dollars in China": the country invested in
        invested_in = next((p for p in _prep_objects(token, ("in",)) if is_actor(p)), None)
        if invested_in is not None:
            return argument(invested_in)
    if _described_as(token):  # "X, reported by the paper as convicted": X was convicted
        described = (
            token.head.head
            if token.head.dep_ == "acl"
            else next((c for c in token.head.children if c.dep_ in ("nsubjpass", "dobj")), None)
        )
        return actor_argument(described) if described is not None else None
    pacts = _pacts_left(token)
    if pacts:  # "withdrew the US from a treaty with Iran": the other party to the treaty, if named
        partner = next((p for h in (pacts[0], token) for p in _prep_objects(h, ("with",)) if is_actor(p)), None)
        partner = partner or (pacts[0] if is_actor(pacts[0]) else None)  # "the UN Convention on refugees"
        return argument(partner) if partner is not None else None
    if token.lemma_.lower() in _PULL_BACK:  # "withdrew its troops from Syria": where they leave, not the troops
        left = next((p for p in _prep_objects(token, ("from",)) if is_actor(p)), None)
        if left is not None:
            return argument(left)
    recipient = _recipient(token)
    if recipient is not None and token.lemma_.lower() in _TRANSFER:
        return recipient
    forces = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in _FORCES]
    if token.lemma_.lower() in _TRANSFER and forces:
        # "sent troops in support of France", "deploy peacekeepers in Iraq": the forces are not the party
        holders = [token, *forces]
        backed = next((p for h in holders for s in _prep_objects(h, ("in",)) for p in _prep_objects(s, ("of",))), None)
        backed = backed or next((p for h in holders for p in _prep_objects(h, ("in",)) if p.ent_type_ == "GPE"), None)
        return actor_argument(backed) if backed is not None else None
    for child in token.children:
        if child.dep_ in ("dobj", "dative", "nsubjpass") and is_actor(child) and not _object_complement(child):
            return argument(child)
    if recipient is not None:
        return recipient
    if token.lemma_.lower() in _TAKING:
        loser = next((p for p in _prep_objects(token, ("from",)) if is_actor(p)), None)
        if loser is not None:
            return argument(loser)
    if pattern is not None and pattern.code == VISIT and token.pos_ == "VERB":  # "arrived in Beijing"
        host = next((p for p in _prep_objects(token, ("in", "at")) if p.ent_type_ in ("GPE", "FAC", "LOC")), None)
        if host is not None:
            return argument(host)
    aimed_at = _aimed_at(token)
    if aimed_at is not None:
        return aimed_at
    for holder in [
        token,
        *(c for c in token.children if c.dep_ in ("dobj", "xcomp", "prt")),
        *_prep_objects(token),
    ]:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                party = _prep_party(child)
                if party is not None:
                    return party
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass") and not _object_complement(child):
            return actor_argument(child)
    stray = stray_passive_subject(token)
    if stray is not None:
        return actor_argument(stray)
    if _fronted_participle(token):
        shared = next((c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return actor_argument(shared) if shared is not None else None
    if token.dep_ == "conj" and _passive(token):  # "Turkey ... was condemned": the subject it shares
        shared = next((c for c in token.head.children if c.dep_ in _SUBJECTS), None)
        return actor_argument(shared) if shared is not None else None
    if _absolute_participle(token):  # "with 300 people killed"
        undergoer = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        return actor_argument(undergoer) if undergoer is not None else None
    if _passive_participle_clause(token):  # "X remains in jail, having been charged", "X was deported after being"
        raised_subjects = _raised_subjects(token)
        return actor_argument(raised_subjects[0]) if raised_subjects else None
    if token.dep_ == "xcomp" and (_passive(token) or _bare_participle(token)) and _passive(token.head):
        # "X was expected to be released", "nine miners have been confirmed killed"
        raised = next((c for c in token.head.children if c.dep_ == "nsubjpass"), None)
        return actor_argument(raised) if raised is not None else None
    return None


def _passive_participle_clause(token: Token) -> bool:
    """A passive -ing clause with no subject of its own ("..., having been charged", "being held by rebels",
    "before being raped", "after being arrested"): the main clause's subject is the one it is done to."""
    if token.dep_ not in ("advcl", "pcomp") or not _passive(token) or token.head.i == token.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children):
        return False
    return any(c.tag_ == "VBG" for c in token.children if c.dep_ in ("aux", "auxpass"))


def _object_complement(token: Token) -> bool:
    """ "took dozens of people hostage": the parser makes "hostage" a second object; it says what they became."""
    if token.lemma_.lower() not in _BECOME_CAPTIVE:
        return False
    return any(c.dep_ == "dobj" and c.i < token.i for c in token.head.children)


VISIT = "042"  # CAMEO: make a visit
_AFFIXES = frozenset({"anti", "pro", "non", "ex", "neo"})  # "anti-Brexit": a prefix split off, not a name
_BECOME_CAPTIVE = wordset("hostage prisoner captive")
_AIRCRAFT_KINDS = wordset("fighter bomber")


def stray_passive_subject(token: Token) -> Token | None:
    """The subject of a passive the parser hung on its auxiliary ("X was heavily criticized" with X under
    "was"): the party the event is done to."""
    for aux in (c for c in token.children if c.dep_ == "auxpass"):
        subject = next((s for s in aux.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
    return None


def _recipient(token: Token) -> Argument | None:
    """The party something is given or sent to ("sent aid to Fiji", "gave Malawi a loan")."""
    for child in token.children:
        is_to = child.dep_ == "prep" and child.lower_ in ("to", "into")
        if (child.dep_ == "dative" and child.pos_ == "ADP") or is_to:
            pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
            if pobj is not None and is_actor(pobj):
                return argument(pobj)
        if child.dep_ == "dative" and child.pos_ != "ADP" and is_actor(child):
            return argument(child)
    return None


def _prep_objects(token: Token, preps: tuple[str, ...] | None = None) -> Iterator[Token]:
    """The objects of ``token``'s prepositions named in ``preps`` (all of them when None): "acted on a resolution
    with Peru" names its party inside them."""
    for child in token.children:
        if child.dep_ == "prep" and (preps is None or child.lower_ in preps):
            yield from (g for g in child.children if g.dep_ == "pobj")


def _patient_owner(owner: Token) -> bool:
    """ "the men's arrest", "Navalny's release": a person's possessive on an event done to people names who it was
    done to. A state or organisation in the same place is the doer ("Iran's arrest of the sailors"), and so is
    anyone when the noun has its own "of" phrase."""
    event = owner.head
    if event.lemma_.lower() not in _DONE_TO_PEOPLE or owner.ent_type_ in ("GPE", "NORP", "ORG"):
        return False
    if owner.lemma_.lower() in ("government", "police", "army", "court", "authority", "regime"):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in event.children)


def _mediation(token: Token) -> bool:
    """ "a mediation effort between A and B", "mediation between A and B"."""
    return token.lemma_.lower() in _MEDIATION or any(
        c.dep_ in ("compound", "amod") and c.lemma_.lower() in _MEDIATION for c in token.children
    )


def _between_holders(token: Token, lexicon: Lexicon) -> list[Token]:
    """Where a nominal event's "between" phrase may hang: on the noun itself ("talks between A and B"), or on
    the relation it acts on ("the resumption of ties between A and B", "a restoration of relations between").
    The parties mediated between are a mediation's target, not its doer: none there."""
    if _mediation(token):
        return []
    related = [p for p in _prep_objects(token, ("of",)) if p.lemma_.lower() in lexicon.symmetric]
    return [token, *related]


def _destination_named_before(token: Token) -> bool:
    """A country or place named before a journey noun is where it goes ("a United States lecture tour", "his
    China trip"), and before a war or an invasion where it is fought ("the Iraq war", "the Kuwait invasion"), not
    who makes it; a nationality there is the doer ("the Chinese visit", "the Russian invasion")."""
    if token.dep_ == "amod" and token.lower_ in _REGIONAL and token.head.lemma_.lower() in _JOURNEYS:
        return True  # "their European tour": a tour of Europe
    if token.dep_ != "compound" or token.ent_type_ not in ("GPE", "LOC"):
        return False
    return token.head.lemma_.lower() in _JOURNEYS or token.head.lemma_.lower() in _WARS_OF_A_PLACE


_WARS_OF_A_PLACE = wordset("war invasion occupation conflict")
_REGIONAL = wordset(
    "european asian african caribbean scandinavian nordic baltic balkan pacific mediterranean arctic antarctic "
    "global international regional world"
)


def _noun_target(token: Token, lexicon: Lexicon) -> Argument | None:
    of_source = _of_is_source(token, lexicon)
    if _mediation(token):  # the parties mediated between are its target
        between = next((p for p in _prep_objects(token, ("between",)) if is_actor(p)), None)
        if between is not None:
            return argument(between)
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is not None and _patient_owner(owner):
        return actor_argument(owner)
    if token.lemma_.lower() in ("withdrawal", "pullout", "pull-out", "evacuation"):  # "withdrawal from Syria"
        left = next((p for p in _prep_objects(token, ("from",)) if is_actor(p)), None)
        if left is not None:
            return argument(left)
    if token.lemma_.lower() in _TOLLS:  # "the toll in the dispute with X": the other side of the conflict
        for conflict in (*_prep_objects(token, ("in", "from", "of")), *_toll_settings(token)):
            foe = next((p for p in _prep_objects(conflict, ("with", "against")) if is_actor(p)), None)
            if foe is not None:
                return argument(foe)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _NOUN_TARGET_PREPS and not (of_source and child.lower_ == "of"):
            party = _prep_party(child)
            if party is not None:
                return party
    destination = next((c for c in token.children if c.dep_ == "compound" and _destination_named_before(c)), None)
    if destination is not None:  # "a United States lecture tour", "his China trip"
        return argument(destination)
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "under" and head.head.pos_ in ("VERB", "AUX"):
        # "was put under investigation", "came under attack": the subject undergoes the event
        subject = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return actor_argument(subject) if subject is not None else None
    if token.dep_ == "dobj" and head.pos_ in ("VERB", "AUX") and _undergone(token, head):
        subject = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
        return actor_argument(subject) if subject is not None else None
    if token.dep_ == "dobj" and head.pos_ == "VERB":  # "paid a visit to China", "imposed sanctions on Iran"
        for child in head.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in _TARGET_PREPS:  # "issued a warning to X"
                party = _prep_party(child)
                if party is not None:
                    return party
            if child.dep_ == "dative" and is_actor(child):
                return argument(child)
    return None


_AIMING = wordset("target aim direct")


def _aimed_at(token: Token) -> Argument | None:
    """ "fired missiles targeting US warships", "fired rockets aimed at government forces": the party the weapons
    are aimed at."""
    for weapon in (c for c in token.children if c.dep_ == "dobj"):
        for aim in (c for c in weapon.children if c.dep_ == "acl" and c.lemma_.lower() in _AIMING):
            aimed = [*(c for c in aim.children if c.dep_ == "dobj"), *_prep_objects(aim, ("at", "against"))]
            party = next(filter(None, (actor_argument(a) for a in aimed)), None)
            if party is not None:
                return party
    return None


_PLATFORMS = wordset("twitter facebook instagram youtube tiktok telegram weibo wechat whatsapp linkedin x")


def _on_platform(token: Token) -> bool:
    """ "on Facebook", "on Twitter": where something was said or posted, never a party to it."""
    return token.dep_ == "pobj" and token.head.lower_ == "on" and token.lower_ in _PLATFORMS


def _prep_party(prep: Token) -> Argument | None:
    """The party a preposition names: its object when that is an actor, or the place an area noun names ("fired
    at the town of Ashkelon" -> the town of Ashkelon, coded by its name)."""
    pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if _on_platform(pobj):
        return None  # "criticised the plan on Facebook": where it was said, not at whom
    if is_actor(pobj):
        return argument(pobj)
    if pobj.lemma_.lower() in _AREAS and any(is_actor(g) for g in _prep_objects(pobj, ("of",))):
        return actor_argument(pobj)
    return None


def is_actor(token: Token) -> bool:
    """Whether a noun phrase head names a participant: an entity, an agent noun, or a pronoun."""
    if token.lemma_.lower() in AGENT_NOUNS and token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ == "compound" and token.lemma_.lower() in _AIRCRAFT_KINDS:
            return False  # "fighter jets", "bomber planes": a kind of aircraft
        return not _state_of_affairs(token)
    if token.lower_ in AGENT_NOUNS and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return any(c.dep_ == "det" for c in token.children)  # "the accused", parsed as a participle
    if token.ent_type_ in _ACTOR_LABELS:
        return True
    if token.pos_ == "PROPN" and not token.ent_type_:  # an unknown name: spaCy missed the entity
        return token.lower_ not in _AFFIXES
    if token.pos_ == "PROPN" and token.ent_type_ in _MISREAD_LABELS and (_acting(token) or _named_object(token)):
        return True  # "Atlantis and Lemuria postponed the talks": an unknown name read as a product
    if token.pos_ == "PRON" and token.lower_ == _OBJECT_HER:
        return token.tag_ == "PRP"
    if token.lower_ in _RELATIVE_PRONOUNS and token.tag_ in ("WP", "WDT"):
        antecedent = _antecedent(token)  # "the fourth night that Serbians protested": "that" is a night
        return antecedent is None or antecedent.pos_ == "PRON" or is_actor(antecedent)
    return token.pos_ == "PRON" and token.lower_ in _PRONOUNS


def _person(token: Token) -> bool:
    """A named person or a personal pronoun ("Mary Okafor", "he")."""
    return token.ent_type_ == "PERSON" or (token.pos_ == "PRON" and token.lower_ in _PERSONAL_PRONOUNS)


_PERSONAL_PRONOUNS = wordset("he she him her i me you")


def _named_object(token: Token) -> bool:
    """A bare name as a verb's object, read as a product or a work ("praised Mendez"). Laws and named events
    are what they seem ("signed the Paris Agreement"), and so is a name with an article ("the iPhone")."""
    if token.ent_type_ in ("LAW", "EVENT") or token.dep_ != "dobj" or token.head.pos_ != "VERB":
        return False
    return not any(c.dep_ == "det" for c in token.children)


def _acting(token: Token) -> bool:
    """A name as the subject of a verb, alone or coordinated."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX")


def _state_of_affairs(token: Token) -> bool:
    """ "a state of emergency / siege / war": a condition, not a state ("the state of Texas" names one)."""
    if token.lower_ not in ("state", "states"):
        return False
    return any(
        g.dep_ == "pobj" and not g.ent_type_
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def actor_argument(token: Token) -> Argument | None:
    """The argument headed by ``token``, or the first actor inside its phrase when the head is not one
    ("discussions within the U.S." -> "the U.S.")."""
    antecedent = _antecedent(token)
    if antecedent is not None:
        return actor_argument(antecedent)
    if is_actor(token) or _named_in_apposition(token) is not None:
        return argument(token)
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        named = next((g for g in prep.children if g.dep_ == "pobj" and is_actor(g)), None)
        if named is not None:  # "the city of Kharkiv": the whole phrase, coded by its name
            inner = argument(named)
            return Argument(inner.heads, min(token.left_edge.idx, inner.start), inner.end)
    name = _name_tokens(token)
    for sub in _phrase_tokens(token):
        if _on_platform(sub):
            continue  # "the plan on Facebook": where it was posted, nobody in it
        if sub.i != token.i and is_actor(sub) and sub.pos_ != "PRON":
            if sub in name:  # "the Taiwanese port": the whole phrase, coded by its modifier
                return Argument([sub], min(t.idx for t in name), token.idx + len(token))
            return argument(sub)
    return None


def _named_in_apposition(token: Token) -> Token | None:
    """The name a noun introduces in apposition ("ministers Wang Yi and Sergei Lavrov" -> Wang Yi, "his former
    rival, Joe Biden" -> Joe Biden, "the capital, Kyiv" -> Kyiv)."""
    if token.pos_ != "NOUN":
        return None
    labels = ("PERSON", "ORG") if token.lemma_.lower() in AGENT_NOUNS else ("PERSON", "ORG", "GPE")
    return next((c for c in token.children if c.dep_ == "appos" and c.ent_type_ in labels), None)


def _antecedent(token: Token) -> Token | None:
    """The noun a pronoun stands for, where the sentence itself says: a relative pronoun's head noun ("Macedonia,
    which is preparing an offensive"), or the speaker of a clause the pronoun is the subject of ("the rebels said
    they would free the hostages": they = the rebels)."""
    if token.lower_ in _RELATIVE_PRONOUNS and token.tag_ in ("WP", "WDT"):
        clause = token.head
        return clause.head if clause.dep_ == "relcl" and clause.head.i != clause.i else None
    if token.lower_ not in _SPEAKER_PRONOUNS or token.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = token.head
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ == "PRON" or not is_actor(speaker):
        return None
    if token.lower_ in ("it", "he", "she") and speaker.tag_ in ("NNS", "NNPS") and not speaker.conjuncts:
        return None  # "officials confirmed it has infected 200 people": "it" is not the officials
    body = speaker.ent_type_ in ("ORG", "GPE", "NORP") or speaker.lemma_.lower() in _INSTITUTIONS
    if token.lower_ == "it" and not body:
        return None  # "'It looks like an execution,' a spokesman said": "it" is not the spokesman
    return speaker


def _phrase_tokens(token: Token) -> Iterable[Token]:
    """Tokens of a noun phrase, not descending into clauses."""
    doer = token.dep_ in _SUBJECTS or (token.dep_ == "pobj" and token.head.dep_ == "agent")  # "by a bomb in Hilla"
    places = _NEAR_PREPS | _SUBJECT_PLACE_PREPS if doer else _NEAR_PREPS
    stack = [token]
    while stack:
        tok = stack.pop(0)
        yield tok
        stack.extend(
            c
            for c in tok.children
            if c.dep_ not in ("relcl", "acl", "advcl", "ccomp", "appos", "punct")
            and not (c.dep_ == "prep" and c.lower_ in places)  # "a blast near Hilla"
        )


def argument(token: Token) -> Argument:
    """The argument headed by ``token`` with its coordinated heads ("Xi and Putin") and their modifiers; a noun
    with a name in apposition stands for the name ("his Israeli counterpart, Ariel Sharon")."""
    named = _named_in_apposition(token)
    if named is not None:  # "Foreign ministers Wang Yi and Sergei Lavrov": the people, with their title
        inner = argument(named)
        return Argument(inner.heads, min(min(t.idx for t in _name_tokens(token)), inner.start), inner.end)
    heads = [token]
    for conj in token.conjuncts:
        if conj.i > token.i and (is_actor(conj) or conj.pos_ in ("PROPN", "NOUN")):
            heads.append(conj)
    tokens = [t for head in heads for t in _name_tokens(head)]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return Argument(heads, start, end)


def _name_tokens(head: Token) -> list[Token]:
    """The head and the modifiers that belong to its name ("Russian President Vladimir Putin")."""
    found = [head]
    for child in head.children:
        if child.dep_ in ("compound", "amod", "poss", "nmod", "det") and child.i < head.i and child.tag_ != "VBG":
            found.extend(child.subtree)
    return found
