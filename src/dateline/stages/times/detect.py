"""The time-expression cascade: find, filter, choose, widen, normalise.

1. **Find**: every rule of :data:`~.rules.RULES` proposes spans (regular expressions over the text).
2. **Filter**: the parse vetoes readings that are not times: "May" the modal verb, "March" the protest, the
   "Sunday Times", a year that counts troops ("2022 troops") or names a model ("a 2022 model").
3. **Choose**: overlapping candidates go to the longest ("May 16, 2024" over "May" and "2024").
4. **Widen**: TimeML spans keep their modifiers ("around 4am", "nearly two years", "early next week").
5. **Normalise**: in text order, so chained expressions ("the previous day", "a year earlier") count from the
   date last mentioned.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Span, Token

from dateline.model import TimeExpr
from dateline.stages.times import lexicon as lx
from dateline.stages.times.calendar import point_from_value
from dateline.stages.times.rules import RULES, Context, Rule

TenseFn = Callable[[int, int], str | None]
# Rules that look back for a comparison ("up from $5 million a year earlier"): what they name does not become
# the date later expressions chain from.
_COMPARISONS = frozenset({"ago", "year_ago_adj", "year_period", "period_year_ago"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """One rule's match before normalisation."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def find_times(text: str, anchor: date | None, doc: Doc | None, tense: TenseFn, day_first: bool) -> list[TimeExpr]:
    """All time expressions of ``text``, typed and normalised against ``anchor`` (the cascade above)."""
    found = [c for c in _candidates(text) if doc is None or _plausible(c, doc)]
    chosen = _choose(found)
    ctx = Context(text, anchor, tense, day_first)
    times: list[TimeExpr] = []
    for cand in chosen:
        ctx.start, ctx.end = cand.start, cand.end
        try:
            result = cand.rule.normalise(cand.match, ctx)
        except (OverflowError, ValueError):  # a date beyond the calendar ("47,250 weeks ago"): no time here
            result = None
        if result is None:
            continue
        kind, value = result
        start = _widen(text, cand.start, kind)
        times.append(TimeExpr(start, cand.end, text[start : cand.end], kind, value))
        if kind in {"DATE", "TIME"} and cand.rule.name not in _COMPARISONS and (point := point_from_value(value)):
            ctx.reference = point
    return times


# --- 1. find ---------------------------------------------------------------------------------------------


def _candidates(text: str) -> Iterable[Candidate]:
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            if match.end() > match.start() and _shape_ok(rule.name, match):
                yield Candidate(_span_start(rule.name, match), match.end(), rule, match)


def _span_start(rule: str, match: re.Match[str]) -> int:
    """Where the span starts: a prenominal duration leaves its article outside ("the [two-day] visit")."""
    if rule == "duration" and match["det"] and not match["rel"] and "-" in match.group(0):
        return match.start("n") if match["n"] else match.start("unit")
    return match.start()


_NAME_GROUPS = ("m", "wd", "wdplural", "wd2", "what", "h")


def _shape_ok(rule: str, match: re.Match[str]) -> bool:
    """Checks on the match text alone: capitalised names, digits that are not times, durations with a number."""
    names = match.groupdict()
    for group in _NAME_GROUPS:
        word = names.get(group)
        if word and (word.lower() in lx.MONTHS or word.lower().rstrip("s") in lx.WEEKDAYS) and not word[0].isupper():
            return False
    if rule == "duration":
        return _duration_shape_ok(match)
    if rule == "season":
        return bool(names["rel"] or names["y"] or names["sy"])
    if rule == "numeric":
        return names["sep"] == "/" or len(names["y"]) == 4
    if rule == "decade" and names["words"]:
        return match.group(0).lower().startswith("the ")
    return True


def _duration_shape_ok(match: re.Match[str]) -> bool:
    n, unit, text = (match["n"] or "").lower(), match["unit"].lower(), match.group(0).lower()
    if not n:  # only "decades-long", "day-long", "an extra day"; a bare "years" is checked against its context later
        extra = (match["det"] or "").lower().startswith("an ") and not match["plural"]
        return text.endswith("-long") or extra or bool(match["plural"] and not match["rel"])
    if unit == "quarter" and match["plural"] and "-" in text:
        return False  # "three-quarters" is a fraction
    return not (n in {"a", "an"} and unit in {"second", "quarter"})


# --- 2. filter -------------------------------------------------------------------------------------------

_NOT_TIME_ENTS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT", "GPE", "LOC", "NORP", "LAW"})
_TITLE_WORDS = frozenset(
    {"Times", "Telegraph", "Mail", "Express", "Herald", "Post", "Mirror", "Tribune", "Independent", "Observer", "Star"}
)
_COUNT_ENTS = frozenset({"CARDINAL", "MONEY", "QUANTITY", "PERCENT"})
# Words before a bare "May"/"March" that make it the month, not the verb or the protest.
_MONTH_CUES = frozenset(
    {"in", "since", "until", "till", "by", "from", "to", "of", "before", "after", "during", "through", "early",
     "late", "mid", "mid-", "between", "and", "or", "last", "next", "this", "that", "each", "every", "on",
     "around", "throughout", "starting", "beginning", "ending", "end", ","}
)  # fmt: skip
# Words before a bare plural unit that make it a duration ("for years"); not "of" ("a matter of days",
# "hundreds of years" are amounts, and TimeBank leaves them out).
_DURATION_CUES = frozenset({"for", "over", "in", "within", "than", "after", "take", "takes", "took", "spent"})
_APPROX_COUNT = frozenset({"some", "about", "around", "nearly", "over", "than", "approximately", "almost", "roughly"})


def _plausible(cand: Candidate, doc: Doc) -> bool:
    """The parse-based vetoes of step 2."""
    tokens = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return True
    first, last = tokens[0], tokens[-1]
    name = cand.rule.name
    if name in {"month", "weekday", "month_rel", "set"} and _in_name(first, last):
        return False
    if name in _COMMON_WORD_RULES and _title_cased_name(tokens):
        return False
    following = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if name == "weekday" and following is not None and following.text in _TITLE_WORDS:
        return False  # the Sunday Times, the Saturday Post
    if name == "month":
        return _bare_month_ok(first)
    if name == "year":
        return _year_ok(tokens.root if len(tokens) == 1 else last)
    if name == "duration" and not cand.match["n"] and not cand.match.group(0).endswith(("-long", "-old")):
        return first.i > 0 and doc[first.i - 1].lower_ in _DURATION_CUES
    if name == "duration" and following is not None and following.lower_ == "old":
        return False  # an age ("52 years old"), which TimeBank does not tag
    if name == "duration" and (cand.match["n"] or "").lower() in {"a", "an"} and following is not None:
        return not (following.pos_ == "NOUN" and last.dep_ == "compound")  # "a day nurse"
    if name == "deictic":
        return _deictic_ok(first, last)
    if name == "deictic_day" and _generic_day(first, last):
        return False
    if name == "season" and not cand.match["y"] and following is not None:
        return following.lower_ != "of" and following.pos_ not in {
            "NOUN",
            "PROPN",
        }  # "the fall of Rome", "spring water"
    return True


# Rules whose words are written in lower case in running text, so title case marks a name.
_COMMON_WORD_RULES = frozenset({"unit_rel", "the_unit", "clock", "duration"})


def _title_cased_name(tokens: Span) -> bool:
    """ "This Week" (a TV show), "High Noon", "60 Minutes": every word capitalised, and not at a sentence start."""
    words = [t for t in tokens if t.is_alpha and t.lower_ not in lx.MONTHS and t.lower_ not in lx.WEEKDAYS]
    if not words or tokens[0].is_sent_start or tokens[0].i == 0:
        return False
    return all(t.is_title for t in words)


def _in_name(first: Token, last: Token) -> bool:
    """Inside a name spaCy found ("Sunday Times", "Theresa May", "Black Friday") and not a date entity."""
    return any(t.ent_type_ in _NOT_TIME_ENTS for t in (first, last))


def _bare_month_ok(token: Token) -> bool:
    if token.tag_ == "MD" or token.pos_ in {"VERB", "AUX"}:
        return False
    if token.lower_ not in {"may", "march"}:
        return True
    previous = token.nbor(-1) if token.i > 0 else None
    return (
        previous is not None
        and previous.lower_ in _MONTH_CUES
        and not (previous.lower_ in {"to", "on", "and", "or"} and token.lower_ == "march")
    )


def _year_ok(token: Token) -> bool:
    """A four-digit number is a year unless it counts something or names a model."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[token.i - 1] if token.i > 0 else None
    if after is not None and after.lower_ in {"model", "models", "vintage", "edition"}:
        return False
    counted = token.ent_type_ in _COUNT_ENTS or (before is not None and before.lower_ in _APPROX_COUNT)
    if after is not None and after.tag_ in {"NNS", "NNPS"} and counted:
        return False
    return not (before is not None and before.lower_ in {"no.", "number", "flight", "route", "room", "page"})


# Nouns after "today's" that make it mean "our era", not the day: "today's youth", "in today's world".
_ERA_NOUNS = frozenset({"world", "youth", "society", "generation", "generations", "children", "kids", "young"})


def _generic_day(first: Token, last: Token) -> bool:
    """ "the people of tomorrow", "today's youth": the present or future age, which TimeML leaves untagged."""
    if first.lower_ not in {"today", "tomorrow"} or first.i != last.i:
        return False
    if first.dep_ == "pobj" and first.head.lower_ == "of":
        return True
    doc = first.doc
    following = [t for t in doc[first.i + 1 : first.i + 3] if t.tag_ != "POS"]
    return bool(following) and following[0].lower_ in _ERA_NOUNS and doc[first.i + 1].tag_ == "POS"


def _deictic_ok(first: Token, last: Token) -> bool:
    word = first.lower_
    doc = first.doc
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if word == "current":
        return first.pos_ == "ADJ" and (after is None or after.lower_ not in {"account", "accounts", "affairs"})
    if word == "soon":
        before = doc[first.i - 1] if first.i > 0 else None
        return not ((after is not None and after.lower_ == "as") or (before is not None and before.lower_ == "as"))
    return True


# --- 3. choose -------------------------------------------------------------------------------------------


def _choose(candidates: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first; rules earlier in the table win ties."""
    order = {rule.name: i for i, rule in enumerate(RULES)}
    ranked = sorted(candidates, key=lambda c: (c.start - c.end, order[c.rule.name], c.start))
    taken: list[Candidate] = []
    for cand in ranked:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


# --- 4. widen --------------------------------------------------------------------------------------------

_ANY_MOD = r"about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|no\s+more\s+than|no\s+less\s+than|up\s+to|well\s+over"  # noqa: E501
_POINT_MOD = r"early|late|earlier|later|mid-?|the\s+(?:end|beginning|start|middle|turn|close|first\s+half|second\s+half)\s+of(?:\s+the)?|(?:the\s+)?(?:early|late|mid)"  # noqa: E501
_MOD_RE = {
    "DURATION": re.compile(rf"\b(?:{_ANY_MOD}|some|under|another)[\s-]*$", re.IGNORECASE),
    "DATE": re.compile(rf"\b(?:{_ANY_MOD}|{_POINT_MOD})[\s-]*$", re.IGNORECASE),
}
_MOD_RE["TIME"] = _MOD_RE["DATE"]


_OVER = re.compile(r"\bover\s+$", re.IGNORECASE)
_A_OR_AN = re.compile(r"an?\s", re.IGNORECASE)


def _widen(text: str, start: int, kind: str) -> int:
    """Move ``start`` left over the modifiers TimeML keeps inside the span (repeatedly: "early the next")."""
    pattern = _MOD_RE.get(kind)
    if pattern is None:
        return start
    if kind == "DURATION" and _A_OR_AN.match(text, start) and (over := _OVER.search(text, max(0, start - 8), start)):
        start = over.start()  # "over a week" means more than a week; "over the past year" is only a signal
    while (found := pattern.search(text, max(0, start - 40), start)) is not None and found.end() == start:
        if found.start() == start:
            break
        start = found.start()
    return start
