"""Events stage: the lexicon, the CAMEO table and the fallbacks, tested without the spaCy model."""

from __future__ import annotations

import pytest

from dateline.errors import ConfigError
from dateline.stages.events import lexicon
from dateline.stages.events.context import country_code
from dateline.stages.events.lexicon import parse_pattern

ROOTS = [f"{n:02d}" for n in range(1, 21)]


@pytest.fixture(scope="module")
def lex() -> lexicon.Lexicon:
    return lexicon.load()


def test_table_has_every_root_with_quad_class(lex: lexicon.Lexicon) -> None:
    for root in ROOTS:
        info = lex.info(root)
        assert info is not None, root
        expected = 1 if root <= "05" else 2 if root <= "09" else 3 if root <= "14" else 4
        assert info.quad_class == expected


@pytest.mark.parametrize("code", ["155", "176", "1213", "1214", "1834", "1951", "1952"])
def test_table_fills_the_gaps_of_gdelts_lookup(lex: lexicon.Lexicon, code: str) -> None:
    info = lex.info(code)
    assert info is not None and info.goldstein is not None


@pytest.mark.parametrize(
    ("code", "goldstein", "plover"),
    [("042", 1.9, "CONSULT"), ("057", 8.0, "SUPPORT"), ("0874", 10.0, "RETREAT"), ("163", -8.0, "SANCTION")],
)
def test_table_values(lex: lexicon.Lexicon, code: str, goldstein: float, plover: str) -> None:
    info = lex.info(code)
    assert info is not None
    assert (info.goldstein, info.plover) == (goldstein, plover)


def test_manual_names_replace_gdelts_for_demands(lex: lexicon.Lexicon) -> None:
    info = lex.info("108")
    assert info is not None and info.name == "Demand mediation"


def test_root_01_has_no_plover_type(lex: lexicon.Lexicon) -> None:
    info = lex.info("010")
    assert info is not None and info.plover is None


def test_patterns_cover_all_twenty_roots(lex: lexicon.Lexicon) -> None:
    roots = {p.code[:2] for patterns in (*lex.verbs.values(), *lex.nouns.values()) for p in patterns}
    assert roots >= set(ROOTS)


def test_every_pattern_code_is_in_the_table(lex: lexicon.Lexicon) -> None:
    for patterns in (*lex.verbs.values(), *lex.nouns.values()):
        assert all(p.code in lex.table for p in patterns)


def test_every_composed_code_is_in_the_table(lex: lexicon.Lexicon) -> None:
    for family, table in lex.compose.items():
        assert family in {f.family for frames in lex.verb_frames.values() for f in frames}
        assert all(code in lex.table for code in table.values()), family


@pytest.mark.parametrize(
    ("family", "inner", "expected"),
    [
        ("intend", "0841", "0353"),
        ("intend", "072", "0332"),
        ("intend", "042", "036"),
        ("demand", "0841", "1053"),
        ("demand", "087", "1056"),
        ("reject", "046", "125"),
        ("threaten", "163", "1312"),
        ("threaten", "190", "1384"),
        ("appeal", "073", "0233"),
    ],
)
def test_composition_takes_the_longest_prefix(lex: lexicon.Lexicon, family: str, inner: str, expected: str) -> None:
    assert lex.composed(family, inner) == expected


def test_composition_without_a_rule_is_none(lex: lexicon.Lexicon) -> None:
    assert lex.composed("intend", "190") is None


def test_parse_verb_pattern_with_particle_and_objects() -> None:
    pattern = parse_pattern("164", "pull out of +talk|talks", 0)
    assert not pattern.noun and pattern.lemma == "pull"
    assert pattern.particles == (frozenset({"out"}), frozenset({"of"}))
    assert pattern.required == (frozenset({"talk", "talks"}),)


def test_parse_noun_pattern_with_modifier_words() -> None:
    pattern = parse_pattern("142", "n:hunger strike", 0)
    assert pattern.noun and pattern.lemma == "strike" and pattern.required == (frozenset({"hunger"}),)
    of_pattern = parse_pattern("1724", "n:state of emergency", 0)
    assert of_pattern.lemma == "state" and of_pattern.required == (frozenset({"emergency"}),)


def test_parse_pattern_with_guard_words() -> None:
    pattern = parse_pattern("141", "n:demonstration -support|strength", 0)
    assert pattern.forbidden == frozenset({"support", "strength"})


def test_more_conditions_mean_more_specific() -> None:
    plain = parse_pattern("070", "provide", 0)
    specific = parse_pattern("072", "provide +military +assistance", 1)
    assert specific.specificity > plain.specificity


def test_pattern_without_trigger_word_is_an_error() -> None:
    with pytest.raises(ConfigError, match="E010"):
        parse_pattern("010", "+statement", 0)


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Russia", "RUS"),
        ("China", "CHN"),
        ("the U.S.", "USA"),
        ("Chinese", "CHN"),
        ("Ukrainian", "UKR"),
        ("Iranian", "IRN"),
        ("German", "DEU"),
        ("Japanese", "JPN"),
        ("Israeli", "ISR"),
        ("Britain", "GBR"),
        ("Turkish", "TUR"),
        ("Syrian", "SYR"),
        ("US", "USA"),
        ("UK", "GBR"),
    ],
)
def test_country_code_from_names_and_demonyms(name: str, code: str) -> None:
    assert country_code(name) == code


@pytest.mark.parametrize("name", ["Carthia", "Putin", "", "2022", "Us", "us", "No"])  # a short word is no code
def test_country_code_unknown(name: str) -> None:
    assert country_code(name) is None


def test_lexicon_codes_acts_not_people(lex: lexicon.Lexicon) -> None:
    """Breaking relations is 161 (not a rejection), a peacekeeper is a person (no trigger), an ultimatum threatens."""
    assert {p.code for p in lex.verbs["break"] if any("relation" in g for g in p.required)} == {"161"}
    assert "peacekeeper" not in lex.nouns
    assert [f.family for f in lex.noun_frames["ultimatum"]] == ["threaten"]


def test_country_modifier_and_sector_head_code_an_actor() -> None:
    """ "The Australian government": no mention covers the head, its country modifier gives AUS, the head GOV."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from dateline.stages.events import context
    from dateline.stages.events.extract import Argument

    doc = Doc(
        Vocab(),
        words=["The", "Australian", "government"],
        heads=[2, 2, 2],
        deps=["det", "amod", "ROOT"],
        lemmas=["the", "australian", "government"],
    )
    index = context.ActorIndex([4], [(4, 14, "a1", "AUS")])
    actor = context.event_actor(Argument([doc[2]], 0, 25), index)
    assert actor is not None and (actor.actor, actor.code) == ("a1", "AUSGOV")
