"""The user's example article (../shared/examples): what the spine must recover from it, with offsets."""

from __future__ import annotations

import re

import pytest

from dateline.model import Article
from dateline.pipeline import Pipeline

pytestmark = [pytest.mark.model, pytest.mark.shared]

NAMES = [
    "Vladimir Putin",
    "Xi Jinping",
    "Alexander Neill",
    "James Char",
    "Beijing",
    "China",
    "Russia",
    "S. Rajaratnam School of International Studies",
]


@pytest.fixture(scope="module")
def example(pipeline: Pipeline, example_text: str) -> Article:
    return pipeline.extract(Article(id="example", text=example_text, source="example"))


def test_dateline(example: Article) -> None:
    assert example.dateline is not None
    assert (example.dateline.date, example.dateline.place) == ("2024-05-16", "Beijing")
    assert example.text[example.dateline.start : example.dateline.end] == "16th May 2024 – (Beijing)"
    assert example.anchor == "2024-05-16"


@pytest.mark.parametrize("name", NAMES)
def test_named_at_its_first_mention(example: Article, name: str) -> None:
    first = re.search(rf"\b{re.escape(name)}\b", example.text).start()  # type: ignore[union-attr]
    spans = {(e.start, e.end) for e in example.entities}
    assert (first, first + len(name)) in spans, f"{name!r} not found as an entity at offset {first}"


def test_every_entity_span_is_its_text(example: Article) -> None:
    assert example.entities
    for entity in example.entities:
        assert example.text[entity.start : entity.end] == entity.text
