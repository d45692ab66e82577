"""Word valence for the tone stage: VADER's lexicon, adjusted for news by ``resources/tone_lexicon.txt``.

VADER (Hutto and Gilbert, 2014; the ``vaderSentiment`` package) rates about 7,500 words of social-media English
on a -4..+4 scale. News needs two corrections, kept in our own resource file: reported events ("war",
"sanctions", "indicted") are negative news although VADER has no entry for them, and some frequent VADER words
are not sentiment in news ("United States", "grand jury", "crude oil"). Both tables are loaded once per process.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token
from vaderSentiment.vaderSentiment import BOOSTER_DICT, NEGATE, SentimentIntensityAnalyzer

from dateline.errors import ConfigError

RESOURCE = "tone_lexicon.txt"

#: Parts of speech whose words never carry valence here: names, function words, numbers.
SILENT_POS = frozenset({"PROPN", "ADP", "DET", "PRON", "AUX", "CCONJ", "SCONJ", "PART", "NUM", "PUNCT", "SYM", "X"})

#: Entity labels whose words are names, never sentiment ("Hope Hicks", "Liberty University").
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Valences on VADER's -4..+4 scale: the news adjustments first, then VADER's own entries."""

    news: dict[str, float]
    vader: dict[str, float]
    negators: frozenset[str]
    boosters: dict[str, float]
    events: frozenset[str]  # words that name a reported event, not an opinion (the resource's "event" flag)

    def lookup(self, form: str, lemma: str) -> float:
        """The valence of a word from its lower-case form and lemma; 0.0 when neither is rated."""
        for table in (self.news, self.vader):
            for key in (form, lemma):
                value = table.get(key)
                if value is not None:
                    return value
        return 0.0

    def valence(self, token: Token) -> float:
        """The valence a token carries by itself, before negation; names and function words carry none."""
        if token.pos_ in SILENT_POS or token.ent_type_ in NAME_LABELS or token.lower_ in self.negators:
            return 0.0
        return self.lookup(token.lower_, token.lemma_.lower())

    def is_event(self, token: Token) -> bool:
        """Whether the token names a reported event ("war", "killed") rather than an opinion."""
        return token.lower_ in self.events or token.lemma_.lower() in self.events


@cache
def load() -> Lexicon:
    """The lexicon, built once per process."""
    vader = SentimentIntensityAnalyzer().lexicon
    negators = frozenset(NEGATE) | {"no", "n't", "nobody", "none", "nothing", "neither", "never", "without"}
    text = resources.files("dateline").joinpath("resources", RESOURCE).read_text(encoding="utf-8")
    news, events = parse(text)
    return Lexicon(news, dict(vader), negators, dict(BOOSTER_DICT), events)


def parse(text: str) -> tuple[dict[str, float], frozenset[str]]:
    """The valences and the event words of a lexicon file in the format of ``resources/tone_lexicon.txt``."""
    table: dict[str, float] = {}
    events: set[str] = set()
    for number, line in enumerate(text.splitlines(), 1):
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if len(fields) not in (2, 3) or fields[2:] not in ([], ["event"]) or not _is_number(fields[1]):
            raise ConfigError(f"{RESOURCE} line {number}: expected 'word valence [event]', got {line!r}", code="E060")
        table[fields[0]] = float(fields[1])
        if fields[2:]:
            events.add(fields[0])
    return table, frozenset(events)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
