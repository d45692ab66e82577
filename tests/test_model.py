from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dateline.model import (
    RECORD_KEYS,
    Actor,
    Article,
    Dateline,
    Entity,
    Event,
    EventActor,
    Place,
    Quote,
    Span,
    Speaker,
    TimeExpr,
    content_id,
)

EVENT = Event(
    "a1:e1", Span(21, 38), Span(28, 31, "met"), EventActor("x1", "FRAGOV", "Macron"),
    EventActor(None, "DEUGOV", "Scholz"), "040", "CONSULT", "asserted", "2024-05-02", "Paris",
    None, 1.0, 1, 0.8,
)  # fmt: skip


def full_article() -> Article:
    text = 'PARIS, May 2, 2024 - Macron met Scholz. "We agree," he said.'
    return Article(
        id="a1",
        text=text,
        title="Leaders meet",
        published="2024-05-02",
        dateline=Dateline("Paris", "2024-05-02", 0, 20),
        sentences=[Span(21, 38, text[21:38])],
        entities=[Entity(21, 27, "Macron", "PERSON", "x1")],
        actors=[Actor("x1", "Emmanuel Macron", "person", "FRA", "FRAGOV", ["President"], [Span(21, 27, "Macron")])],
        places=[Place(0, 5, "PARIS", "Paris", "FRA", 48.85, 2.35, 2988507, "city")],
        times=[TimeExpr(7, 18, "May 2, 2024", "DATE", "2024-05-02")],
        quotes=[Quote(40, 49, "We agree,", "direct", Span(54, 58, "said"), Speaker(51, 53, "he", "x1"))],
        events=[EVENT],
        tone={"score": 0.1, "sentences": []},
    )


def test_record_has_exactly_the_contract_keys() -> None:
    assert tuple(full_article().to_record()) == RECORD_KEYS


def test_record_round_trip() -> None:
    article = full_article()
    rebuilt = Article.from_dict(article.to_record())
    assert rebuilt.to_record() == article.to_record()
    assert rebuilt.events[0].source == EventActor("x1", "FRAGOV", "Macron")


def test_anchor_prefers_dateline_then_published() -> None:
    article = Article(id="x", text="t", published="2020-01-02T10:00:00")
    assert article.anchor == "2020-01-02"
    article.dateline = Dateline("Paris", "2020-01-01", 0, 5)
    assert article.anchor == "2020-01-01"
    article.dateline = Dateline("Paris", None, 0, 5)
    assert article.anchor == "2020-01-02"
    assert Article(id="y", text="t").anchor is None


def test_content_id_is_stable_and_content_sensitive() -> None:
    assert content_id("Some text.", "Title") == content_id("Some text.\n", "Title ")
    assert content_id("Some text.", "Title") != content_id("Some text!", "Title")
    assert content_id("Some text.", "Title") != content_id("Some text.", "Other")
    assert len(content_id("x")) == 20


@given(st.text(), st.one_of(st.none(), st.text()))
def test_content_id_never_fails(text: str, title: str | None) -> None:
    assert content_id(text, title) == content_id(text, title)
