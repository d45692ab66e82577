"""Tone lexicon and scoring pieces on hand-built docs (no model): resource format, lookups, negation, weights."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.errors import ConfigError
from dateline.stages.tone import AVGTONE_SCALE, to_avgtone
from dateline.stages.tone.lexicon import load, parse
from dateline.stages.tone.target import SETTING, SPEAKER_POSITIVE, target_sum, valences

LEMMAS = {"attacked": "attack", "said": "say", "was": "be", "is": "be", "were": "be", "murdered": "murder"}


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A hand-annotated one-sentence doc."""
    lemmas = [LEMMAS.get(w.lower(), w.lower()) for w in words]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


# "Brown attacked Smith ." and "Smith was not corrupt ."
ATTACK = parsed(["Brown", "attacked", "Smith", "."], [1, 1, 1, 1], ["nsubj", "ROOT", "dobj", "punct"],
                ["PROPN", "VERB", "PROPN", "PUNCT"])  # fmt: skip
NOT_GOOD = parsed(["Smith", "was", "not", "good", "."], [1, 1, 1, 1, 1], ["nsubj", "ROOT", "neg", "acomp", "punct"],
                  ["PROPN", "AUX", "PART", "ADJ", "PUNCT"])  # fmt: skip
SAID = parsed(["Smith", "said", "war", "is", "terrible", "."], [1, 1, 3, 1, 3, 1],
              ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
              ["PROPN", "VERB", "NOUN", "AUX", "ADJ", "PUNCT"])  # fmt: skip

PRAISED = parsed(["Smith", "said", "peace", "is", "wonderful", "."], [1, 1, 3, 1, 3, 1],
                 ["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
                 ["PROPN", "VERB", "NOUN", "AUX", "ADJ", "PUNCT"])  # fmt: skip


def attack_with(preposition: str) -> Doc:
    """ "Brown attacked Smith <preposition> Lima ." """
    return parsed(["Brown", "attacked", "Smith", preposition, "Lima", "."], [1, 1, 1, 1, 3, 1],
                  ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct"],
                  ["PROPN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"])  # fmt: skip


def test_the_shipped_resource_parses_and_flags_only_negative_event_words() -> None:
    lex = load()
    assert lex.news["sanction"] < 0 and lex.news["united"] == 0
    assert lex.events and all(lex.news[word] < 0 for word in lex.events)


def test_parse_reads_valences_event_flags_and_comments() -> None:
    table, events = parse("# a comment\n\nwar -3.0 event\nunited 0\n")
    assert table == {"war": -3.0, "united": 0.0} and events == {"war"}


@pytest.mark.parametrize("line", ["war", "war bad", "war -3 conflict", "war -3 event extra"])
def test_parse_rejects_a_malformed_line_with_its_number(line: str) -> None:
    with pytest.raises(ConfigError, match="line 2"):
        parse(f"# header\n{line}\n")


def test_news_entries_win_over_vader_and_forms_over_lemmas() -> None:
    lex = load()
    assert lex.lookup("united", "united") == 0.0  # VADER rates it +1.8
    assert lex.lookup("indicted", "indict") == lex.news["indict"]  # unknown to VADER, found by lemma
    assert lex.lookup("zzzz", "zzzz") == 0.0


def test_names_and_function_words_carry_no_valence() -> None:
    lex = load()
    rated = valences(ATTACK, lex)
    assert set(rated) == {1}  # only "attacked"; the names are silent
    assert rated[1] < 0


def test_negation_on_the_predicate_flips_its_complement() -> None:
    rated = valences(NOT_GOOD, load())
    assert rated[3] < 0  # "not good"


def test_what_happens_to_a_target_counts_and_what_it_says_does_not() -> None:
    lex = load()
    assert target_sum(ATTACK[2:3], valences(ATTACK, lex), lex) < 0  # Smith was attacked
    assert target_sum(SAID[0:1], valences(SAID, lex), lex) == 0.0  # Smith's own words about the war


def test_a_speakers_positive_words_count_weakly_toward_the_speaker() -> None:
    lex = load()
    rated = valences(PRAISED, lex)
    toward_speaker = target_sum(PRAISED[0:1], rated, lex)
    assert 0 < toward_speaker <= SPEAKER_POSITIVE * sum(rated.values())  # "peace" and "wonderful", damped


def test_a_place_that_is_only_the_setting_takes_the_sentence_weakly() -> None:
    lex = load()
    setting, partner = attack_with("in"), attack_with("with")
    in_lima = target_sum(setting[4:5], valences(setting, lex), lex)
    with_lima = target_sum(partner[4:5], valences(partner, lex), lex)
    assert with_lima < 0 and in_lima == pytest.approx(SETTING * with_lima)


def test_the_agent_of_a_passive_event_verb_is_its_perpetrator() -> None:
    lex = load()
    doc = parsed(["Villagers", "were", "murdered", "by", "Kessler", "."], [2, 2, 2, 2, 3, 2],
                 ["nsubjpass", "auxpass", "ROOT", "agent", "pobj", "punct"],
                 ["NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"])  # fmt: skip
    assert lex.is_event(doc[2])
    assert target_sum(doc[4:5], valences(doc, lex), lex) < 0  # within the event reach, as in "Kessler murdered"


def test_news_words_missing_from_vader_are_rated() -> None:
    lex = load()
    assert lex.lookup("inept", "inept") < 0 and lex.lookup("lackluster", "lackluster") < 0
    assert lex.lookup("tireless", "tireless") > 0 and lex.lookup("exemplary", "exemplary") > 0
    assert lex.lookup("engaged", "engage") == 0.0  # VADER's "engaged" is a betrothal


def test_avgtone_maps_the_unit_range_onto_gdelts_practical_range() -> None:
    assert AVGTONE_SCALE == 10.0
    assert to_avgtone(-1.0) == -10.0 and to_avgtone(0.0) == 0.0 and to_avgtone(0.25) == 2.5
