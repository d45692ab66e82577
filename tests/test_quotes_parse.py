"""Cues, speakers, reported speech and actor links on parses built by hand: no model needed.

Each sentence is written as (word, POS, dependency, head offset, lemma) rows; the head offset is relative to
the word (0 for the root), which keeps the rows readable.
"""

from __future__ import annotations

from importlib import resources

import pytest
import spacy
from spacy.tokens import Doc

from dateline.errors import ConfigError
from dateline.model import Actor, Article, Entity, Span
from dateline.pipeline import check_order
from dateline.stages.entities import Entities
from dateline.stages.quotes import Quotes, find_quotes
from dateline.stages.quotes.cues import cue_at, lexicon
from dateline.stages.quotes.reported import reported
from dateline.stages.quotes.speakers import ActorIndex, antecedent, phrase, speaker_token
from dateline.stages.sentences import Sentences

Row = tuple[str, str, str, int, str]
VOCAB = spacy.blank("en").vocab  # a blank vocab with English lexical attributes, no model


def parse(rows: list[Row]) -> Doc:
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][1] != "PUNCT" for i in range(len(rows))]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[i + r[3] for i, r in enumerate(rows)],
        lemmas=[r[4] for r in rows],
    )


def text_of(doc: Doc, span: tuple[int, int] | None) -> str | None:
    return None if span is None else doc.text[span[0] : span[1]]


# "Putin said that Beijing understood."
SAID_THAT: list[Row] = [
    ("Putin", "PROPN", "nsubj", 1, "Putin"),
    ("said", "VERB", "ROOT", 0, "say"),
    ("that", "SCONJ", "mark", 2, "that"),
    ("Beijing", "PROPN", "nsubj", 1, "Beijing"),
    ("understood", "VERB", "ccomp", -3, "understand"),
    (".", "PUNCT", "punct", -4, "."),
]
# "The ministry confirmed the visit, stating that he will come."
STATING: list[Row] = [
    ("The", "DET", "det", 1, "the"),
    ("ministry", "NOUN", "nsubj", 1, "ministry"),
    ("confirmed", "VERB", "ROOT", 0, "confirm"),
    ("the", "DET", "det", 1, "the"),
    ("visit", "NOUN", "dobj", -2, "visit"),
    (",", "PUNCT", "punct", -3, ","),
    ("stating", "VERB", "advcl", -4, "state"),
    ("that", "SCONJ", "mark", 3, "that"),
    ("he", "PRON", "nsubj", 2, "he"),
    ("will", "AUX", "aux", 1, "will"),
    ("come", "VERB", "ccomp", -4, "come"),
    (".", "PUNCT", "punct", -9, "."),
]
# "Three people died, according to the police."
ACCORDING: list[Row] = [
    ("Three", "NUM", "nummod", 1, "three"),
    ("people", "NOUN", "nsubj", 1, "people"),
    ("died", "VERB", "ROOT", 0, "die"),
    (",", "PUNCT", "punct", -1, ","),
    ("according", "VERB", "prep", -2, "accord"),
    ("to", "ADP", "prep", -1, "to"),
    ("the", "DET", "det", 1, "the"),
    ("police", "NOUN", "pobj", -2, "police"),
    (".", "PUNCT", "punct", -6, "."),
]
# "An anonymous official who asked not to be named warned the talks failed."
DESCRIPTION: list[Row] = [
    ("An", "DET", "det", 2, "an"),
    ("anonymous", "ADJ", "amod", 1, "anonymous"),
    ("official", "NOUN", "nsubj", 7, "official"),
    ("who", "PRON", "nsubj", 1, "who"),
    ("asked", "VERB", "relcl", -2, "ask"),
    ("not", "PART", "neg", 3, "not"),
    ("to", "PART", "aux", 2, "to"),
    ("be", "AUX", "auxpass", 1, "be"),
    ("named", "VERB", "xcomp", -4, "name"),
    ("warned", "VERB", "ROOT", 0, "warn"),
    ("the", "DET", "det", 1, "the"),
    ("talks", "NOUN", "nsubj", 1, "talk"),
    ("failed", "VERB", "ccomp", -3, "fail"),
    (".", "PUNCT", "punct", -4, "."),
]
# "The claim was denied by the army."
PASSIVE: list[Row] = [
    ("The", "DET", "det", 1, "the"),
    ("claim", "NOUN", "nsubjpass", 2, "claim"),
    ("was", "AUX", "auxpass", 1, "be"),
    ("denied", "VERB", "ROOT", 0, "deny"),
    ("by", "ADP", "agent", -1, "by"),
    ("the", "DET", "det", 1, "the"),
    ("army", "NOUN", "pobj", -2, "army"),
    (".", "PUNCT", "punct", -4, "."),
]
# "Critics pointed out that he and Xi disagree."
PHRASAL: list[Row] = [
    ("Critics", "NOUN", "nsubj", 1, "critic"),
    ("pointed", "VERB", "ROOT", 0, "point"),
    ("out", "ADP", "prt", -1, "out"),
    ("that", "SCONJ", "mark", 4, "that"),
    ("he", "PRON", "nsubj", 3, "he"),
    ("and", "CCONJ", "cc", -1, "and"),
    ("Xi", "PROPN", "conj", -2, "Xi"),
    ("disagree", "VERB", "ccomp", -6, "disagree"),
    (".", "PUNCT", "punct", -7, "."),
]


def token(doc: Doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == word)


def test_cue_at_finds_a_listed_verb() -> None:
    cue = cue_at(token(parse(SAID_THAT), "said"))
    assert cue is not None and (cue.kind, cue.start, cue.end) == ("speech", 6, 10)


def test_cue_at_takes_the_particle_of_a_phrasal_cue() -> None:
    doc = parse(PHRASAL)
    cue = cue_at(token(doc, "pointed"))
    assert cue is not None and doc.text[cue.start : cue.end] == "pointed out"


def test_cue_at_finds_according_to() -> None:
    doc = parse(ACCORDING)
    cue = cue_at(token(doc, "according"))
    assert cue is not None and cue.kind == "according" and doc.text[cue.start : cue.end] == "according to"


@pytest.mark.parametrize("word", ["Putin", "Beijing", "that", "."])
def test_cue_at_ignores_other_words(word: str) -> None:
    assert cue_at(token(parse(SAID_THAT), word)) is None


def test_cue_at_needs_a_verb() -> None:
    doc = parse([("a", "DET", "det", 1, "a"), ("say", "NOUN", "ROOT", 0, "say")])
    assert cue_at(doc[1]) is None


def test_lexicon_reads_classes_and_objects() -> None:
    table = lexicon()
    assert table[("tell", "")].kind == "speech" and not table[("tell", "")].takes_object
    assert table[("endorse", "")].takes_object
    assert table[("believe", "")].kind == "thought"
    assert table[("point", "out")].kind == "speech"
    assert {entry.kind for entry in table.values()} == {"speech", "thought", "evidence"}


def test_lexicon_file_names_its_source() -> None:
    header = resources.files("dateline.resources").joinpath("speech_cues.txt").read_text(encoding="utf-8")
    assert "Source: our own list" in header.splitlines()[1]


def test_speaker_is_the_subject() -> None:
    doc = parse(SAID_THAT)
    assert speaker_token(token(doc, "said")).text == "Putin"


def test_subjectless_participle_takes_the_subject_of_its_head() -> None:
    doc = parse(STATING)
    assert speaker_token(token(doc, "stating")).text == "ministry"


def test_passive_agent_is_the_speaker() -> None:
    doc = parse(PASSIVE)
    assert speaker_token(token(doc, "denied")).text == "army"


def test_passive_without_agent_has_no_speaker() -> None:
    doc = parse([*PASSIVE[:4], (".", "PUNCT", "punct", -1, ".")])
    assert speaker_token(token(doc, "denied")) is None


def test_speaker_phrase_leaves_out_the_relative_clause() -> None:
    doc = parse(DESCRIPTION)
    assert text_of(doc, phrase(speaker_token(token(doc, "warned")))) == "An anonymous official"


def test_speaker_phrase_keeps_coordinated_names() -> None:
    doc = parse(PHRASAL)
    assert text_of(doc, phrase(token(doc, "he"))) == "he and Xi"


def test_relative_pronoun_refers_to_its_noun() -> None:
    doc = parse(DESCRIPTION)
    assert text_of(doc, antecedent(token(doc, "who"), [])) == "An anonymous official"


def test_personal_pronoun_refers_to_the_nearest_person_before_it() -> None:
    doc = parse(STATING)
    he = token(doc, "he")
    persons = [Entity(0, 3, "Ann", "PERSON"), Entity(4, 12, "ministry", "PERSON"), Entity(60, 62, "Xi", "PERSON")]
    assert antecedent(he, persons) == (4, 12)


def test_personal_pronoun_without_a_person_before_it_stays_unresolved() -> None:
    doc = parse(STATING)
    assert antecedent(token(doc, "he"), [Entity(60, 62, "Xi", "PERSON")]) is None


def test_other_pronouns_are_not_guessed() -> None:
    doc = parse(SAID_THAT)
    assert antecedent(token(doc, "that"), [Entity(0, 5, "Putin", "PERSON")]) is None


def test_reported_clause_with_its_speaker() -> None:
    doc = parse(SAID_THAT)
    (item,) = reported(doc, doc.text, set())
    assert doc.text[item.start : item.end] == "that Beijing understood"
    assert item.speaker is not None and item.speaker.text == "Putin"


# "Ruiz said the plan would fail and called it a mistake ." with the parse's misattachment: "called" hangs on
# "fail" (inside what Ruiz said), as spaCy's small model often does.
SAID_AND_CALLED: list[tuple[str, str, str, str, int, str]] = [
    ("Ruiz", "PROPN", "NNP", "nsubj", 1, "Ruiz"),
    ("said", "VERB", "VBD", "ROOT", 0, "say"),
    ("the", "DET", "DT", "det", 1, "the"),
    ("plan", "NOUN", "NN", "nsubj", 2, "plan"),
    ("would", "AUX", "MD", "aux", 1, "would"),
    ("fail", "VERB", "VB", "ccomp", -4, "fail"),
    ("and", "CCONJ", "CC", "cc", -1, "and"),
    ("called", "VERB", "VBD", "conj", -2, "call"),
    ("it", "PRON", "PRP", "dobj", -1, "it"),
    ("a", "DET", "DT", "det", 1, "a"),
    ("mistake", "NOUN", "NN", "oprd", -3, "mistake"),
    (".", "PUNCT", ".", "punct", -10, "."),
]


def test_a_cue_coordinated_into_the_complement_belongs_to_the_outer_speaker() -> None:
    rows = SAID_AND_CALLED
    doc = Doc(
        VOCAB, words=[r[0] for r in rows], pos=[r[1] for r in rows], tags=[r[2] for r in rows],
        deps=[r[3] for r in rows], heads=[i + r[4] for i, r in enumerate(rows)], lemmas=[r[5] for r in rows],
    )  # fmt: skip
    assert speaker_token(token(doc, "called")).text == "Ruiz"  # not "plan"
    said = next(item for item in reported(doc, doc.text, set()) if item.cue.token.text == "said")
    assert doc.text[said.start : said.end] == "the plan would fail"  # the content stops before "and called"


# "Aid will arrive in Chad , the International Red Cross ( ICRC ) said on Monday ." as the small model parses it:
# the speaker an apposition of "Liberia", "said" a conjunct of "arrive" with no subject and no complement.
TRAILING_SAID: list[Row] = [
    ("Aid", "NOUN", "nsubj", 2, "aid"),
    ("will", "AUX", "aux", 1, "will"),
    ("arrive", "VERB", "ROOT", 0, "arrive"),
    ("in", "ADP", "prep", -1, "in"),
    ("Chad", "PROPN", "pobj", -1, "Chad"),
    (",", "PUNCT", "punct", -1, ","),
    ("the", "DET", "det", 3, "the"),
    ("International", "PROPN", "compound", 2, "International"),
    ("Red", "PROPN", "compound", 1, "Red"),
    ("Cross", "PROPN", "appos", -5, "Cross"),
    ("(", "PUNCT", "punct", -1, "("),
    ("ICRC", "PROPN", "appos", -2, "ICRC"),
    (")", "PUNCT", "punct", -3, ")"),
    ("said", "VERB", "conj", -11, "say"),
    ("on", "ADP", "prep", -1, "on"),
    ("Monday", "PROPN", "pobj", -1, "Monday"),
    (".", "PUNCT", "punct", -3, "."),
]


def test_a_closing_speaker_the_parse_broke_off_still_reports_the_sentence_before() -> None:
    doc = parse(TRAILING_SAID)
    (item,) = reported(doc, doc.text, set())
    assert doc.text[item.start : item.end] == "Aid will arrive in Chad"
    assert item.speaker is not None and item.speaker.text == "Cross"


def test_a_conjoined_said_with_no_comma_and_speaker_before_it_reports_nothing() -> None:
    rows: list[Row] = [
        ("He", "PRON", "nsubj", 1, "he"),
        ("came", "VERB", "ROOT", 0, "come"),
        ("home", "ADV", "advmod", -1, "home"),
        ("and", "CCONJ", "cc", -2, "and"),
        ("said", "VERB", "conj", -3, "say"),
        ("so", "ADV", "advmod", -1, "so"),
        (".", "PUNCT", "punct", -5, "."),
    ]
    doc = parse(rows)
    assert list(reported(doc, doc.text, set())) == []


def test_reported_skips_cues_already_used() -> None:
    doc = parse(SAID_THAT)
    assert list(reported(doc, doc.text, {1})) == []


def test_according_to_at_the_end_reports_the_clause_before_it() -> None:
    doc = parse(ACCORDING)
    (item,) = reported(doc, doc.text, set())
    assert doc.text[item.start : item.end] == "Three people died"
    assert item.speaker is not None and item.speaker.text == "police"


def test_participle_cue_and_object_cue_both_report() -> None:
    doc = parse(STATING)
    found = {doc.text[i.start : i.end]: i.speaker.text for i in reported(doc, doc.text, set()) if i.speaker}
    assert found == {"the visit": "ministry", "that he will come": "ministry"}


def actors_article(doc: Doc, actors: list[Actor]) -> Article:
    article = Article(id="t", text=doc.text, actors=actors)
    article.entities = [Entity(0, 5, "Putin", "PERSON")]
    return article


def test_speaker_linked_to_the_actor_whose_mention_covers_it() -> None:
    doc = parse(SAID_THAT)
    article = actors_article(doc, [Actor("A1", "Vladimir Putin", "person", mentions=[Span(0, 5, "Putin")])])
    (quote,) = find_quotes(article, doc)
    assert quote.kind == "indirect" and quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.actor) == ("Putin", "A1")
    assert quote.cue == Span(6, 10, "said")


def test_no_actors_means_no_actor_link() -> None:
    doc = parse(SAID_THAT)
    (quote,) = find_quotes(actors_article(doc, []), doc)
    assert quote.speaker is not None and quote.speaker.actor is None


def test_pronoun_speaker_keeps_its_span_and_links_through_its_antecedent() -> None:
    rows: list[Row] = [
        ("Putin", "PROPN", "nsubj", 1, "Putin"),
        ("arrived", "VERB", "ROOT", 0, "arrive"),
        (".", "PUNCT", "punct", -1, "."),
        ("He", "PRON", "nsubj", 1, "he"),
        ("said", "VERB", "ROOT", 0, "say"),
        ("talks", "NOUN", "nsubj", 1, "talk"),
        ("failed", "VERB", "ccomp", -2, "fail"),
        (".", "PUNCT", "punct", -3, "."),
    ]
    doc = parse(rows)
    article = actors_article(doc, [Actor("A1", "Vladimir Putin", "person", mentions=[Span(0, 5, "Putin")])])
    (quote,) = find_quotes(article, doc)
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.start, quote.speaker.actor) == ("He", 15, "A1")


def test_actor_index_prefers_the_largest_overlap() -> None:
    index = ActorIndex(
        [
            Actor("A1", "Russia", "country", mentions=[Span(0, 7, "Russian")]),
            Actor("A2", "Russian foreign ministry", "organisation", mentions=[Span(0, 24)]),
        ]
    )
    assert index.find(0, 24) == "A2"
    assert index.find(20, 28) == "A2"
    assert index.find(30, 40) is None


def test_empty_actor_index_is_false() -> None:
    assert not ActorIndex([])
    assert (
        ActorIndex(
            [],
        ).find(0, 10)
        is None
    )


def test_stage_declares_its_layers() -> None:
    assert (Quotes.name, Quotes.requires, Quotes.assigns) == ("quotes", ("sentences", "entities"), ("quotes",))
    check_order([Sentences(), Entities(), Quotes()])


def test_stage_cannot_run_before_entities() -> None:
    with pytest.raises(ConfigError):
        check_order([Sentences(), Quotes(), Entities()])
