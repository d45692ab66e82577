"""Entities stage: the repair cascade on hand-built docs, and one run of the real model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from dateline.stages.entities import Mention, fix_labels, make_consistent, split_at_breaks, split_possessive, trim


@pytest.fixture(scope="module")
def vocab() -> spacy.vocab.Vocab:
    return spacy.blank("en").vocab


def _doc(vocab: spacy.vocab.Vocab, text: str, tags: dict[int, str] | None = None) -> Doc:
    words = text.split()
    doc = Doc(vocab, words=words)
    for i, tag in (tags or {}).items():
        doc[i].tag_ = tag
    return doc


def _texts(doc: Doc, mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(doc[m.start : m.end].text, m.label) for m in mentions]


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


def test_possessive_split_gives_the_owner_country_label(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "Kenya 's Central Bank", tags={1: "POS"})
    assert _texts(doc, split_possessive(doc, Mention(0, 4, "ORG"))) == [("Kenya", "GPE"), ("Central Bank", "ORG")]


def test_fix_labels_countries_titles_and_org_heads(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "President Okafor met Norway and the Ministry of Fisheries and NATO")
    mentions = [Mention(1, 2, "GPE"), Mention(3, 4, "PERSON"), Mention(6, 7, "ORG"), Mention(10, 11, "GPE")]
    fixed = sorted(fix_labels(doc, mentions), key=lambda m: m.start)
    assert _texts(doc, fixed) == [
        ("Okafor", "PERSON"),
        ("Norway", "GPE"),
        ("Ministry of Fisheries", "ORG"),
        ("NATO", "ORG"),
    ]


def test_consistency_labels_surnames_and_repeats(vocab: spacy.vocab.Vocab) -> None:
    doc = _doc(vocab, "Maria Okafor spoke . Okafor left . Later Okafor returned")
    mentions = [Mention(0, 2, "PERSON"), Mention(4, 5, "ORG")]
    found = sorted(make_consistent(doc, mentions), key=lambda m: m.start)
    assert _texts(doc, found) == [("Maria Okafor", "PERSON"), ("Okafor", "PERSON"), ("Okafor", "PERSON")]


@pytest.mark.model
def test_stage_repairs_a_real_parse() -> None:
    from dateline.model import Article
    from dateline.pipeline import Pipeline
    from dateline.stages.entities import Entities
    from dateline.stages.metadata import Metadata
    from dateline.stages.sentences import Sentences

    text = (
        "NAIROBI 2023-03-01\nThe U.N. said on Monday that Kenya's Ministry of Health had asked for help. "
        "Health minister Susan Nakhumicha said the World Health Organization would send experts."
    )
    article = Pipeline([Metadata(), Sentences(), Entities()]).extract(Article(id="t", text=text))
    found = {(e.text, e.label) for e in article.entities}
    assert ("NAIROBI", "GPE") in found
    assert ("U.N.", "ORG") in found
    assert ("Kenya", "GPE") in found
    assert ("Ministry of Health", "ORG") in found
    assert ("Susan Nakhumicha", "PERSON") in found
    assert all(article.text[e.start : e.end] == e.text for e in article.entities)
