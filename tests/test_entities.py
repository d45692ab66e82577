"""Entities stage: the repair cascade on hand-built docs, and one run of the real model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dateline.stages.entities import (
    Mention,
    fix_labels,
    is_sports_page,
    join_hyphenated,
    make_consistent,
    mark_datelines,
    may_be_name,
    person_shapes,
    repair,
    split_at_breaks,
    split_possessive,
    table_teams,
    trim,
)
from dateline.stages.entities import _common_words as common_words
from dateline.stages.entities import _truecase as truecase
from dateline.stages.places import gazetteer


@pytest.fixture(scope="module")
def vocab() -> spacy.vocab.Vocab:
    return spacy.blank("en").vocab


@pytest.fixture(scope="module")
def tokenise() -> spacy.language.Language:
    """A blank English pipeline: the model's tokeniser rules (hyphens split off) without the model."""
    return spacy.blank("en")


def _doc(vocab: spacy.vocab.Vocab, text: str, tags: dict[int, str] | None = None) -> Doc:
    words = text.split()
    doc = Doc(vocab, words=words)
    for i, tag in (tags or {}).items():
        doc[i].tag_ = tag
    return doc


def _texts(doc: Doc, mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(doc[m.start : m.end].text, m.label) for m in sorted(mentions, key=lambda m: m.start)]


def _find(doc: Doc, text: str, label: str) -> Mention:
    """The mention of ``label`` over the first occurrence of ``text`` in ``doc``."""
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    assert span is not None, text
    return Mention(span.start, span.end, label)


def test_trim_drops_determiner_and_trailing_common_nouns(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "said the Tass news agency today")
    assert _texts(doc, [trim(doc, Mention(1, 5, "ORG"))]) == [("Tass", "ORG")]  # type: ignore[list-item]


def test_trim_keeps_abbreviations(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "the U.S. said")
    assert _texts(doc, [trim(doc, Mention(0, 2, "GPE"))]) == [("U.S.", "GPE")]  # type: ignore[list-item]


def test_split_at_breaks_separates_names_joined_by_scores_and_dashes(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "Rovers 2 Wanderers - Tom Smith")
    pieces = split_at_breaks(doc, Mention(0, 6, "ORG"))
    assert _texts(doc, pieces) == [("Rovers", "ORG"), ("Wanderers", "ORG"), ("Tom Smith", "ORG")]


def test_split_at_breaks_cuts_at_line_breaks_but_not_at_hyphens(tokenise: spacy.language.Language) -> None:
    doc = tokenise("Upper Wick 3\nLower Ashby-de-Moor")
    pieces = split_at_breaks(doc, Mention(0, len(doc), "ORG"))
    assert _texts(doc, pieces) == [("Upper Wick", "ORG"), ("Lower Ashby-de-Moor", "ORG")]


def test_possessive_split_gives_the_owner_country_label(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "Kenya 's Central Bank", tags={1: "POS"})
    assert _texts(doc, split_possessive(doc, Mention(0, 4, "ORG"))) == [("Kenya", "GPE"), ("Central Bank", "ORG")]


def test_hyphenated_pieces_merge_into_one_name(tokenise: spacy.language.Language) -> None:
    doc = tokenise("They played at Ashby-le-Moor and met Ibn-ur-Rashid there.")
    pieces = [_find(doc, "Ashby", "PERSON"), _find(doc, "le", "PERSON"), _find(doc, "Moor", "PERSON")]
    pieces += [_find(doc, "Ibn", "PERSON"), _find(doc, "Rashid", "PERSON")]
    assert _texts(doc, join_hyphenated(doc, pieces)) == [("Ashby-le-Moor", "PERSON"), ("Ibn-ur-Rashid", "PERSON")]


def test_a_name_grows_over_a_leading_particle_and_a_trailing_syllable(tokenise: spacy.language.Language) -> None:
    doc = tokenise("Pilgrims reached al-Qudsiya with Park Min-jun.")
    mentions = [_find(doc, "Qudsiya", "GPE"), _find(doc, "Park Min", "PERSON")]
    assert _texts(doc, join_hyphenated(doc, mentions)) == [("al-Qudsiya", "GPE"), ("Park Min-jun", "PERSON")]


def test_a_prefix_or_a_lower_case_compound_is_not_part_of_a_name(tokenise: spacy.language.Language) -> None:
    doc = tokenise("An ex-Norland player joined a Vesterby-based club.")
    mentions = [_find(doc, "ex-Norland", "GPE"), _find(doc, "Vesterby", "GPE")]
    assert _texts(doc, join_hyphenated(doc, mentions)) == [("Norland", "GPE"), ("Vesterby", "GPE")]


def test_lone_particles_and_sports_words_are_not_names(tokenise: spacy.language.Language) -> None:
    doc = tokenise("CRICKET - Men 's final in Port-au-Prince , said the U.N.")
    candidates = {
        "CRICKET": _find(doc, "CRICKET", "ORG"),
        "Men": _find(doc, "Men", "ORG"),
        "au": _find(doc, "au", "PERSON"),
        "Port-au-Prince": _find(doc, "Port-au-Prince", "GPE"),
        "U.N.": _find(doc, "U.N.", "ORG"),
    }
    kept = {text for text, m in candidates.items() if may_be_name(doc, m)}
    assert kept == {"Port-au-Prince", "U.N."}


def test_fix_labels_countries_titles_and_org_heads(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "President Okafor met Norway and the Ministry of Fisheries and NATO")
    mentions = [Mention(1, 2, "GPE"), Mention(3, 4, "PERSON"), Mention(6, 7, "ORG"), Mention(10, 11, "GPE")]
    assert _texts(doc, fix_labels(doc, mentions)) == [
        ("Okafor", "PERSON"),
        ("Norway", "GPE"),
        ("Ministry of Fisheries", "ORG"),
        ("NATO", "ORG"),
    ]


def test_a_lone_demonym_is_a_nationality(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "Azerbaijani forces fired on Kenyan Airways planes")
    mentions = [Mention(0, 1, "PERSON"), Mention(4, 6, "ORG")]
    assert _texts(doc, fix_labels(doc, mentions)) == [("Azerbaijani", "NORP"), ("Kenyan Airways", "ORG")]


def test_names_joined_under_a_plural_title_are_people(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "Energy ministers Tomas Velde and Ravi Ongara met , as did Ana Ruiz and Brantwell Optics")
    mentions = [Mention(2, 4, "PERSON"), Mention(5, 7, "ORG"), Mention(11, 13, "PERSON"), Mention(14, 16, "ORG")]
    assert _texts(doc, fix_labels(doc, mentions)) == [
        ("Tomas Velde", "PERSON"),
        ("Ravi Ongara", "PERSON"),  # governed by "ministers"
        ("Ana Ruiz", "PERSON"),
        ("Brantwell Optics", "ORG"),  # no title: left as it was
    ]


def test_company_suffix_makes_an_organisation(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "shares of Brantwell Optics SpA rose")
    assert _texts(doc, fix_labels(doc, [Mention(2, 4, "PERSON")])) == [("Brantwell Optics SpA", "ORG")]


def test_surrounding_words_say_organisation_or_place(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "the firm Ozzatech said Quillon shares fell in the town of Merrowby and Kestrel striker Bo Lund")
    mentions = [Mention(2, 3, "PERSON"), Mention(4, 5, "PERSON"), Mention(11, 12, "ORG"), Mention(13, 14, "GPE")]
    assert _texts(doc, fix_labels(doc, mentions)) == [
        ("Ozzatech", "ORG"),
        ("Quillon", "ORG"),
        ("Merrowby", "GPE"),
        ("Kestrel", "ORG"),
    ]


def test_results_lines_and_tables_name_teams(tokenise: spacy.language.Language) -> None:
    text = (
        "Soccer league results and standings after the weekend matches :\n"
        "Rovers 2 Wanderers 1\n"
        "Postponed : Athletic v Harriers\n"
        "Norway 0 Denmark 3\n"
        "Wanderers 4 3 1 0 7 2 10\n"
        "July 12 v Rovers"
    )
    doc = tokenise(text)
    assert is_sports_page(doc)
    found = table_teams(doc, [_find(doc, "Wanderers", "PERSON")])
    assert _texts(doc, found) == [
        ("Rovers", "ORG"),
        ("Wanderers", "ORG"),
        ("Athletic", "ORG"),
        ("Harriers", "ORG"),
        ("Norway", "GPE"),
        ("Denmark", "GPE"),
        ("Wanderers", "ORG"),
    ]  # "July 12 v Rovers" is a fixture date, not a results line
    assert all(m.sure for m in found)


def test_innings_totals_are_teams_but_batsmen_in_brackets_are_not(tokenise: spacy.language.Language) -> None:
    doc = tokenise("At Lowford : Westshire 312 and 120-4 ( Bo Lund 88 , Al Amis 41 ) , Eastshire 250 .")
    assert _texts(doc, table_teams(doc, [])) == [("Westshire", "ORG"), ("Eastshire", "ORG")]


def test_dateline_place_is_added_and_sure(tokenise: spacy.language.Language) -> None:
    doc = tokenise("STORM HITS COAST\nPORTHAVEN 2023-05-01\nThe storm hit Porthaven .")
    found = mark_datelines(doc, [])
    assert _texts(doc, found) == [("PORTHAVEN", "GPE")]
    assert found[0].sure


def test_the_metadata_dateline_place_is_a_place_everywhere_in_the_article(vocab: spacy.vocab.Vocab) -> None:
    words = ["Quillon", ",", "18", "October", "2025", "-", "Crowds", "marched", "through", "central", "Quillon", "."]
    ents = ["B-ORG"] + ["O"] * 9 + ["B-ORG", "O"]
    doc = Doc(vocab, words=words, ents=ents)
    assert _texts(doc, repair(doc)) == [("Quillon", "ORG"), ("Quillon", "ORG")]  # spaCy's guess, unrepaired
    assert _texts(doc, repair(doc, (0, 7))) == [("Quillon", "GPE"), ("Quillon", "GPE")]


def test_person_shapes(tokenise: spacy.language.Language, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer, "lookup", lambda text: ())  # no town has these names; skip loading the cities
    doc = tokenise(
        "Bowling : J. Pember 10-2-31-1 .\n"
        "Ana Kovac ( Croatia ) beat Mia Lind ( Sweden ) 6-2\n"
        "3 - Dirk Vell , 4 - Pim Oord ,"
    )
    names = {doc[m.start : m.end].text for m in person_shapes(doc)}
    assert names == {"J. Pember", "Ana Kovac", "Mia Lind", "Dirk Vell", "Pim Oord"}


def test_truecasing_reads_the_article_for_ordinary_words() -> None:
    text = "WESTSHIRE TAKE LEAD OVER EASTSHIRE\nWestshire took the lead over Eastshire at the top of the table ."
    common = common_words(text)
    assert "lead" in common and "westshire" not in common
    assert truecase("WESTSHIRE TAKE LEAD OVER EASTSHIRE", common) == "Westshire take lead over Eastshire"
    assert truecase("NATO TAKE LEAD", common) == "NATO take lead"


def test_consistency_labels_surnames_and_repeats(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "Maria Okafor spoke . Okafor left . Later Okafor returned")
    mentions = [Mention(0, 2, "PERSON"), Mention(4, 5, "ORG")]
    found = make_consistent(doc, mentions)
    assert _texts(doc, found) == [("Maria Okafor", "PERSON"), ("Okafor", "PERSON"), ("Okafor", "PERSON")]


def test_consistency_keeps_sure_labels_and_spreads_them(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "Dunmore 2 Ayrton 1 . Dunmore scored . In Dunmore fans cheered")
    mentions = [Mention(0, 1, "ORG", sure=True), Mention(5, 6, "GPE"), Mention(9, 10, "GPE")]
    assert [label for _, label in _texts(doc, make_consistent(doc, mentions))] == ["ORG", "ORG", "ORG"]


@pytest.mark.model
def test_stage_repairs_a_real_parse() -> None:
    from dateline.model import Article
    from dateline.pipeline import Pipeline
    from dateline.stages.entities import Entities
    from dateline.stages.metadata import Metadata
    from dateline.stages.sentences import Sentences

    text = (
        "NAIROBI 2023-03-01\nThe U.N. said on Monday that Kenya's Ministry of Health had asked for help. "
        "Health minister Susan Nakhumicha said the World Health Organization would send experts. "
        "Aid flights left Port-au-Prince and Chester-le-Street on Tuesday."
    )
    article = Pipeline([Metadata(), Sentences(), Entities()]).extract(Article(id="t", text=text))
    found = {(e.text, e.label) for e in article.entities}
    assert ("NAIROBI", "GPE") in found
    assert ("U.N.", "ORG") in found
    assert ("Kenya", "GPE") in found
    assert ("Ministry of Health", "ORG") in found
    assert ("Susan Nakhumicha", "PERSON") in found
    texts = {e.text for e in article.entities}
    assert {"Port-au-Prince", "Chester-le-Street"} <= texts
    assert not texts & {"au", "le", "Port", "Prince", "Chester", "Street"}
    assert all(article.text[e.start : e.end] == e.text for e in article.entities)
