from __future__ import annotations

import time
from typing import ClassVar

import pytest
import spacy
from spacy.tokens import Doc

from dateline.errors import ConfigError
from dateline.model import Article, Entity, Outcome
from dateline.pipeline import Limits, Pipeline, check_order
from dateline.stages import Skip, Stage
from dateline.stages.metadata import Metadata
from dateline.stages.sentences import Sentences


class Marks(Stage):
    """A stage for tests: records every capitalised word as an entity; raises on a trigger word."""

    name = "marks"
    requires: ClassVar[tuple[str, ...]] = ("sentences",)
    assigns: ClassVar[tuple[str, ...]] = ("entities",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        assert doc is not None
        if "EXPLODE" in article.text:
            raise ValueError("boom")
        if "SKIPME" in article.text:
            raise Skip("asked to skip")
        article.entities = [
            Entity(t.idx, t.idx + len(t), t.text, "X") for t in doc if t.text[:1].isupper() and t.is_alpha
        ]


@pytest.fixture(scope="module")
def blank_pipeline() -> Pipeline:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Pipeline([Metadata(), Sentences(), Marks()], nlp=nlp, limits=Limits(max_chars=2_000, batch_size=3))


def article(text: str, n: int) -> Article:
    return Article(id=f"a{n}", text=text, source=f"src{n}")


def test_each_input_gives_one_outcome_in_a_batch_with_failures(blank_pipeline: Pipeline) -> None:
    texts = [
        "Alice met Bob in Paris on Monday.",
        "This one will EXPLODE inside a stage, sadly.",
        "Carol spoke to reporters in Rome.",
        "Please SKIPME because the stage says so.",
        "x" * 3_000,
        "Dave and Erin signed the deal in Oslo.",
    ]
    items: list[Article | Outcome] = [article(t, i) for i, t in enumerate(texts)]
    items.insert(2, Outcome("bad.bin", "skipped", "binary file (PNG image)"))
    outcomes = list(blank_pipeline.process(items))
    by_source = {o.source: o for o in outcomes}
    assert len(outcomes) == len(items) == len(by_source)
    assert by_source["src0"].status == "processed"
    assert [e.text for e in by_source["src0"].article.entities] == ["Alice", "Bob", "Paris", "Monday"]  # type: ignore[union-attr]
    assert by_source["src1"].status == "failed" and "stage marks: ValueError: boom" in by_source["src1"].reason
    assert by_source["src3"].status == "skipped" and by_source["src3"].reason == "asked to skip"
    assert by_source["src4"].status == "failed" and "text too long" in by_source["src4"].reason
    assert by_source["src5"].status == "processed"
    assert by_source["bad.bin"].reason == "binary file (PNG image)"


def test_spans_match_text(blank_pipeline: Pipeline) -> None:
    done = blank_pipeline.extract(article("  Alice met Bob.\n\nThen Carol left Rome.  ", 1))
    for span in [*done.sentences, *done.entities]:
        assert done.text[span.start : span.end] == span.text
    assert [s.text for s in done.sentences] == ["Alice met Bob.", "Then Carol left Rome."]


def test_extract_raises_skip_for_a_skipped_article(blank_pipeline: Pipeline) -> None:
    with pytest.raises(Skip, match="no article text"):
        blank_pipeline.extract(article("42", 2))


def test_stage_order_is_checked() -> None:
    with pytest.raises(ConfigError, match=r"\[E003\].*requires sentences"):
        check_order([Metadata(), Marks()])
    with pytest.raises(ConfigError, match="E004"):
        check_order([Sentences(), Metadata()])
    check_order([Metadata(), Sentences(), Marks()])


def test_parse_failure_fails_only_that_article() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")

    @spacy.Language.component("explode_on_zzz")
    def explode(doc: Doc) -> Doc:
        if "zzz" in doc.text:
            raise RuntimeError("parser broke")
        return doc

    nlp.add_pipe("explode_on_zzz")
    pipe = Pipeline([Metadata(), Sentences()], nlp=nlp)
    outcomes = list(pipe.process([article("Alice met Bob in Paris.", 1), article("Bob zzz met Alice in Rome.", 2)]))
    assert [o.status for o in outcomes] == ["processed", "failed"]
    assert "parser broke" in outcomes[1].reason


class Slow(Stage):
    name = "slow"
    assigns: ClassVar[tuple[str, ...]] = ("nothing",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        if "SLOW" in article.text:
            while True:  # a runaway stage
                pass


def test_a_stage_over_the_time_limit_fails_its_article_only() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    pipe = Pipeline([Metadata(), Sentences(), Slow()], nlp=nlp, limits=Limits(max_seconds=0.3))
    outcomes = list(pipe.process([article("This is SLOW to analyse, sadly.", 1), article("Alice met Bob in Rome.", 2)]))
    assert [o.status for o in outcomes] == ["failed", "processed"]
    assert outcomes[0].reason == "stage slow: over the time limit (0.3 s)"


class Sleepy(Stage):
    name = "sleepy"
    assigns: ClassVar[tuple[str, ...]] = ("nap",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        if "SLOW" in article.text:
            time.sleep(0.4)


class Sleepier(Sleepy):
    name = "sleepier"
    assigns: ClassVar[tuple[str, ...]] = ("longer_nap",)


def test_outside_the_main_thread_an_article_stops_at_the_next_stage_after_its_time() -> None:
    import threading

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    pipe = Pipeline([Metadata(), Sentences(), Sleepy(), Sleepier()], nlp=nlp, limits=Limits(max_seconds=0.3))
    ran: list[Outcome] = []
    texts = [article("This is SLOW to analyse, sadly.", 1), article("Alice met Bob in Rome.", 2)]
    worker = threading.Thread(target=lambda: ran.extend(pipe.process(texts)))  # as in the web server
    started = time.monotonic()
    worker.start()
    worker.join(10)
    assert time.monotonic() - started < 2  # the second slow stage never ran
    assert [o.status for o in ran] == ["failed", "processed"]
    assert ran[0].reason == "over the time limit (0.3 s)"
