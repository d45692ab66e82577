"""The quotes stage on real parses: each form of the issue in a short text of our own, and the user's example.

One pipeline (Metadata, Sentences, Entities, Quotes) is built per module; the model itself is loaded once
per process by ``dateline.nlp.load``.
"""

from __future__ import annotations

from typing import ClassVar

import pytest
from spacy.tokens import Doc

from dateline.model import Actor, Article, Quote, Span
from dateline.pipeline import Pipeline
from dateline.stages import Stage
from dateline.stages.entities import Entities
from dateline.stages.metadata import Metadata
from dateline.stages.quotes import Quotes
from dateline.stages.sentences import Sentences

pytestmark = pytest.mark.model

Expected = list[tuple[str, str, str | None]]  # (kind, content, speaker text)


class PersonActors(Stage):
    """A stand-in for the actors stage in these tests: one actor per distinct PERSON surname."""

    name = "test_actors"
    requires: ClassVar[tuple[str, ...]] = ("entities",)
    assigns: ClassVar[tuple[str, ...]] = ("actors",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        by_surname: dict[str, Actor] = {}
        for entity in article.entities:
            if entity.label == "PERSON":
                surname = entity.text.split()[-1]
                actor = by_surname.setdefault(surname, Actor(f"A{len(by_surname) + 1}", entity.text, "person"))
                actor.mentions.append(Span(entity.start, entity.end, entity.text))
        article.actors = list(by_surname.values())


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([Metadata(), Sentences(), Entities(), Quotes()])


@pytest.fixture(scope="module")
def with_actors() -> Pipeline:
    return Pipeline([Metadata(), Sentences(), Entities(), PersonActors(), Quotes()])


def quotes(pipeline: Pipeline, text: str) -> list[Quote]:
    article = pipeline.extract(Article(id="t", text=text))
    for quote in article.quotes:  # every span must point into the text
        assert text[quote.start : quote.end] == quote.text
        assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == quote.cue.text
        if quote.speaker is not None and quote.speaker.start is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
    return article.quotes


def summary(found: list[Quote]) -> Expected:
    return [(q.kind, q.text, q.speaker.text if q.speaker else None) for q in found]


DIRECT: list[tuple[str, Expected]] = [
    (
        'The mayor said: "We will rebuild the bridge before winter."',
        [("direct", '"We will rebuild the bridge before winter."', "The mayor")],
    ),
    (
        '"We will rebuild the bridge before winter," the mayor said.',
        [("direct", '"We will rebuild the bridge before winter,"', "the mayor")],
    ),
    (
        '"We will rebuild the bridge before winter," said Maria Lopez, the city\'s mayor.',
        [("direct", '"We will rebuild the bridge before winter,"', "Maria Lopez")],
    ),
    (
        "“We will rebuild the bridge,” she said, “and we will do it before winter.”",
        [("direct", "“We will rebuild the bridge,” she said, “and we will do it before winter.”", "she")],
    ),
    (
        "‘We will rebuild the bridge before winter,’ the mayor told reporters on Tuesday.",
        [("direct", "‘We will rebuild the bridge before winter,’", "the mayor")],
    ),
    (
        "''We will rebuild the bridge before winter,'' the mayor said.",
        [("direct", "''We will rebuild the bridge before winter,''", "the mayor")],
    ),
    ('Mayor Lopez: "The bridge will be rebuilt."', [("direct", '"The bridge will be rebuilt."', "Mayor Lopez")]),
    ("Lopez vows to rebuild bridge: ‘We will not wait’", [("direct", "‘We will not wait’", "Lopez")]),
    ('She shouted "Stop!" and ran.', [("direct", '"Stop!"', "She")]),
    ('"We won," Smith said. "We won big."', [("direct", '"We won," Smith said. "We won big."', "Smith")]),
    (
        '"We are ready.\n\n"The troops are in position and the supplies have arrived," the general said.',
        [("direct", '"We are ready.\n\n"The troops are in position and the supplies have arrived,"', "the general")],
    ),
    (
        "\"Don't worry,\" he said, \"it's just a 'test' of the system.\"",
        [("direct", "\"Don't worry,\" he said, \"it's just a 'test' of the system.\"", "he")],
    ),
]

REPORTED: list[tuple[str, Expected]] = [
    (
        "Opposition leader Tom Baker said the budget was a disaster for working families.",
        [("indirect", "the budget was a disaster for working families", "Opposition leader Tom Baker")],
    ),
    (
        "The minister told reporters the talks had stalled over fishing rights.",
        [("indirect", "the talks had stalled over fishing rights", "The minister")],
    ),
    (
        "The central bank stated that interest rates would stay unchanged.",
        [("indirect", "that interest rates would stay unchanged", "The central bank")],
    ),
    (
        "Dr. Amal Haddad explained that the vaccine needs two doses.",
        [("indirect", "that the vaccine needs two doses", "Dr. Amal Haddad")],
    ),
    (
        "The company raised its forecast, noting that demand had recovered in Asia.",
        [("indirect", "that demand had recovered in Asia", "The company")],
    ),
    (
        "The ministry confirmed the minister would travel to Paris next week.",
        [("indirect", "the minister would travel to Paris next week", "The ministry")],
    ),
    (
        "General Ortiz warned that the rebels were regrouping near the border.",
        [("indirect", "that the rebels were regrouping near the border", "General Ortiz")],
    ),
    (
        "The senator insisted she had done nothing wrong.",
        [("indirect", "she had done nothing wrong", "The senator")],
    ),
    (
        "According to the police chief, three people were arrested overnight.",
        [("indirect", "three people were arrested overnight", "the police chief")],
    ),
    (
        "Three people were arrested overnight, according to the police chief.",
        [("indirect", "Three people were arrested overnight", "the police chief")],
    ),
    (
        "The minister said in a statement that the ferry service would resume on Monday.",
        [("indirect", "that the ferry service would resume on Monday", "The minister")],
    ),
    (
        "In an interview with a local radio station, Governor Ellis expressed support for the new tax.",
        [("indirect", "support for the new tax", "Governor Ellis")],
    ),
    (
        'The senator said the proposal was "dead on arrival" in the chamber.',
        [("mixed", 'the proposal was "dead on arrival" in the chamber', "The senator")],
    ),
    (
        "An anonymous official said the convoy had been attacked twice.",
        [("indirect", "the convoy had been attacked twice", "An anonymous official")],
    ),
    (
        "A senior diplomat who asked not to be named said the negotiations had collapsed.",
        [("indirect", "the negotiations had collapsed", "A senior diplomat")],
    ),
    (
        "The foreign ministry said the ambassador had been summoned.",
        [("indirect", "the ambassador had been summoned", "The foreign ministry")],
    ),
    (
        "The plan, the minister said, would cost two billion dollars.",
        [("indirect", "The plan, the minister said, would cost two billion dollars", "the minister")],
    ),
]

NOT_QUOTES = [
    'The festival\'s motto, "Music for everyone", was painted on the wall.',
    "The plan had three parts: a new road, a bridge and a park.",
    "Results: turnout rose to 61 percent in the northern districts.",
    "The ship arrived in port on Tuesday after a long voyage.",
]


@pytest.mark.parametrize(("text", "expected"), DIRECT)
def test_direct_quotes(pipeline: Pipeline, text: str, expected: Expected) -> None:
    assert summary(quotes(pipeline, text)) == expected


@pytest.mark.parametrize(("text", "expected"), REPORTED)
def test_reported_speech(pipeline: Pipeline, text: str, expected: Expected) -> None:
    assert summary(quotes(pipeline, text)) == expected


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_scare_quotes_colons_and_plain_prose_are_not_quotes(pipeline: Pipeline, text: str) -> None:
    assert quotes(pipeline, text) == []


def test_unclosed_quote_does_not_swallow_the_next_paragraph(pipeline: Pipeline) -> None:
    text = (
        'He said "the rest of this sentence never closes.\n\n'
        "Officials said on Friday that the bridge would reopen next month."
    )
    found = summary(quotes(pipeline, text))
    assert ("indirect", "that the bridge would reopen next month", "Officials") in found
    assert all("\n" not in content for _, content, _ in found)


def test_cue_span_is_the_cue_word(pipeline: Pipeline) -> None:
    (quote,) = quotes(pipeline, '"Nothing will change," the spokeswoman told reporters.')
    assert quote.cue is not None and quote.cue.text == "told"


def test_pronoun_speaker_links_to_the_actor_of_its_antecedent(with_actors: Pipeline) -> None:
    text = 'Vladimir Putin arrived in Beijing on Thursday. "China is our partner," he said.'
    article = with_actors.extract(Article(id="t", text=text))
    putin = next(a.id for a in article.actors if a.name == "Vladimir Putin")
    (quote,) = article.quotes
    assert quote.speaker is not None
    assert (quote.speaker.text, quote.speaker.actor) == ("he", putin)


def test_named_speaker_links_to_its_actor(with_actors: Pipeline) -> None:
    article = with_actors.extract(Article(id="t", text="Maria Lopez said the bridge would reopen in May."))
    (quote,) = article.quotes
    assert quote.speaker is not None and quote.speaker.actor == article.actors[0].id


# Each statement of the example is found by one word of its own, so that no stretch of the article's text (which is
# not ours to ship) sits in the project; the speaker names are the brief's.
EXAMPLE_EXPECTED = [
    ("partner", "direct", "an anonymous Russian official"),
    ("monitored", "indirect", "Alexander Neill"),
    ("weight", "indirect", "James Char"),
    ("requires", "indirect", "Char"),
    ("underlying", "indirect", "Putin"),
    ("exchange views", "mixed", "The Chinese foreign ministry"),
]


@pytest.mark.shared
@pytest.mark.parametrize(("content", "kind", "speaker"), EXAMPLE_EXPECTED)
def test_user_example(pipeline: Pipeline, example_text: str, content: str, kind: str, speaker: str) -> None:
    found = [q for q in quotes(pipeline, example_text) if content in q.text]
    assert [(q.kind, q.speaker.text if q.speaker else None) for q in found] == [(kind, speaker)]
