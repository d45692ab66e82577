"""Properties of each stage on any text, checked with the pipeline built up to that stage.

For every prefix of the default stages (metadata; metadata and sentences; ... up to events), on generated text:
no exception escapes a stage (the article is processed or skipped with a reason, never failed), every item's
offsets lie inside the text and select exactly its ``text``, and the same input gives the same record, ids
included. Checking prefixes separately names the first stage that breaks a property, which a test of the whole
pipeline cannot.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.model import Article, content_id
from dateline.pipeline import Pipeline, default_stages

pytestmark = pytest.mark.model

STAGES = [stage.name for stage in default_stages()]

# Pieces of wire copy, and the things that trip parsers: dates that do not exist, unbalanced and curly quotes,
# stray punctuation, numbers, non-Latin words, odd whitespace and control characters.
PIECES = [
    "LONDON, Feb. 31 (Reuters) -", "GENEVA —", "The minister", "Ana Kovac", "said", "told reporters", "on Monday",
    "31 February 2024", "2024-02-30", "next week", "last year", "in Geneva", "Sylvania", "Freedonia's army",
    "attacked", "did not attack", "will meet", "signed a truce with", "“", "”", '"', "'", "‘", "«", "»", ",", ".",
    "?", "—", "(", ")", "[", "1,000", "3.5%", "$2bn", "U.N.", "Москва", "北京", "القاهرة", "\n", "\n\n", "\t",
    "\r\n", "\u00a0", "\u200b", "\x0b", "\x1b", "…", "e.g.", "Mr.", "Dr", "according to officials", "who",
    "that", "and", "the", "of", "to", "a",
]  # fmt: skip

news_like = st.lists(st.sampled_from(PIECES), min_size=1, max_size=50).map(" ".join)
lead = "Officials in Geneva said on Monday that the two countries signed a truce. "
any_text = st.one_of(news_like, news_like.map(lambda text: lead + text), st.text(max_size=300))


def spans(value: Any) -> Iterator[dict[str, Any]]:
    """Every nested object with ``start`` and ``end`` offsets (with or without its own ``text``)."""
    if isinstance(value, dict):
        if {"start", "end"} <= value.keys() and value["start"] is not None:
            yield value
        for child in value.values():
            yield from spans(child)
    elif isinstance(value, list):
        for child in value:
            yield from spans(child)


@pytest.fixture(scope="module")
def prefixes(pipeline: Pipeline) -> dict[str, Pipeline]:
    """A pipeline ending at each stage, all sharing the loaded spaCy model."""
    stages = default_stages()
    return {stage.name: Pipeline(stages[: i + 1], nlp=pipeline.nlp) for i, stage in enumerate(stages)}


def _record(pipeline: Pipeline, text: str, published: str | None) -> dict[str, Any] | None:
    article = Article(id=content_id(text), text=text, published=published, source="property")
    outcome = next(pipeline.process([article]))
    assert outcome.status != "failed", outcome.reason
    if outcome.article is None:
        assert outcome.reason, "a skip must say why"
        return None
    assert outcome.article.id == content_id(text)
    return outcome.article.to_record()


@pytest.mark.parametrize("stage", STAGES)
def test_each_stage_keeps_its_promises_on_any_text(prefixes: dict[str, Pipeline], stage: str) -> None:
    pipeline = prefixes[stage]

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(text=any_text, published=st.sampled_from([None, "2024-02-29", "2024-02-31", "not a date"]))
    def keeps_promises(text: str, published: str | None) -> None:
        record = _record(pipeline, text, published)
        if record is None:
            return
        assert record["text"] == text, "the text is never changed"
        for item in spans({key: value for key, value in record.items() if key != "text"}):
            assert 0 <= item["start"] <= item["end"] <= len(text), item
            if "text" in item:
                assert text[item["start"] : item["end"]] == item["text"], item
        assert _record(pipeline, text, published) == record, "the same input gives the same record"

    keeps_promises()
