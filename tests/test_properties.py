"""Properties every stage must keep, on any text: no exception escapes, every span is inside the text and equal
to its text, and the same input gives the same record."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.model import Article, content_id
from dateline.pipeline import Pipeline

pytestmark = pytest.mark.model

WORDS = [
    "Putin", "Xi", "said", "he", "She", "met", "in", "Beijing", "on", "Thursday", "last", "month", "the", "U.S.",
    "sanctions", "“", "”", '"', "'", ",", ".", ":", "—", "-", "(Reuters)", "WASHINGTON", "May", "16", "2024",
    "according", "to", "officials", "did", "not", "attack", "will", "visit", "Russia's", "invasion", "of",
    "Ukraine", "\n", "\n\n", "  ", "(", ")", "2,022", "troops", "every", "Monday", "4am", "told", "reporters",
]  # fmt: skip
news_like = st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join)
any_text = st.one_of(news_like, st.text(max_size=200))


def spans(value: Any) -> Iterator[dict[str, Any]]:
    """Every nested object that has start, end and text."""
    if isinstance(value, dict):
        if {"start", "end", "text"} <= value.keys() and value["start"] is not None:
            yield value
        for child in value.values():
            yield from spans(child)
    elif isinstance(value, list):
        for child in value:
            yield from spans(child)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=any_text, published=st.sampled_from([None, "2024-05-16", "1998-02-06T22:19:00"]))
def test_any_text_gives_valid_spans_and_the_same_record_twice(
    pipeline: Pipeline, text: str, published: str | None
) -> None:
    def process() -> dict[str, Any] | None:
        article = Article(id=content_id(text), text=text, published=published, source="prop")
        outcome = next(pipeline.process([article]))
        assert outcome.status != "failed", outcome.reason
        return outcome.article.to_record() if outcome.article else None

    record = process()
    if record is None:
        return
    for span in spans({k: v for k, v in record.items() if k != "text"}):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"] : span["end"]] == span["text"], span
    assert process() == record
