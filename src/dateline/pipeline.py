"""The ordered stages, run over a stream of articles in batches, with spaCy loaded once per process.

``Pipeline.process`` takes articles (and outcomes the readers already decided) and yields one
:class:`~dateline.model.Outcome` per input, so nothing is ever dropped silently: a stage that raises
``Skip`` skips its article, any other exception fails that article alone, and the rest of the batch goes on.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from dateline import nlp as nlp_loader
from dateline.errors import ConfigError
from dateline.model import Article, Outcome
from dateline.stages import BASE_LAYERS, Skip, Stage
from dateline.stages.entities import Entities
from dateline.stages.metadata import Metadata
from dateline.stages.sentences import Sentences
from dateline.stages.times import Times


def default_stages() -> list[Stage]:
    """The stages of a full run, in order."""
    return [Metadata(), Sentences(), Entities(), Times()]


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that protect a run from one pathological article (enforced here, in the library)."""

    max_chars: int = 500_000  # longer texts are failed, not parsed: spaCy's memory grows with length
    batch_size: int = 32


class Pipeline:
    """Runs the stages over articles; build it once per process and reuse it."""

    def __init__(
        self, stages: Sequence[Stage] | None = None, *, nlp: Language | None = None, limits: Limits | None = None
    ) -> None:
        self.stages = list(stages) if stages is not None else default_stages()
        check_order(self.stages)
        self.limits = limits or Limits()
        self._nlp = nlp

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = nlp_loader.load()
        return self._nlp

    def extract(self, article: Article) -> Article:
        """Run every stage on one article and return it; raises ``Skip`` or the stage's error."""
        outcome = next(self.process([article]))
        if outcome.article is None:
            raise Skip(outcome.reason) if outcome.status == "skipped" else RuntimeError(outcome.reason)
        return outcome.article

    def process(self, items: Iterable[Article | Outcome]) -> Iterator[Outcome]:
        """Yield one outcome per item, processing articles in batches with ``nlp.pipe``."""
        iterator = iter(items)
        while batch := list(itertools.islice(iterator, self.limits.batch_size)):
            yield from self._process_batch(batch)

    def _process_batch(self, batch: list[Article | Outcome]) -> Iterator[Outcome]:
        ready: list[Article] = []
        for item in batch:
            if isinstance(item, Outcome):
                yield item
                continue
            failure = self._run_before_parse(item)
            if failure is None:
                ready.append(item)
            else:
                yield failure
        for article, doc in zip(ready, self._parse(ready), strict=True):
            yield self._run_on_doc(article, doc)

    def _run_before_parse(self, article: Article) -> Outcome | None:
        if len(article.text) > self.limits.max_chars:
            return Outcome(
                article.source, "failed", f"text too long ({len(article.text):,} > {self.limits.max_chars:,} chars)"
            )
        for stage in self.stages:
            if not stage.needs_doc:
                outcome = _call(stage, article, None)
                if outcome is not None:
                    return outcome
        return None

    def _parse(self, articles: list[Article]) -> list[Doc | Exception]:
        texts = [a.text for a in articles]
        try:
            return list(self.nlp.pipe(texts))
        except Exception:  # one bad text must not sink the batch: parse one by one to find it
            return [_parse_one(self.nlp, t) for t in texts]

    def _run_on_doc(self, article: Article, doc: Doc | Exception) -> Outcome:
        if isinstance(doc, Exception):
            return Outcome(article.source, "failed", f"spaCy: {type(doc).__name__}: {doc}")
        for stage in self.stages:
            if stage.needs_doc:
                outcome = _call(stage, article, doc)
                if outcome is not None:
                    return outcome
        return Outcome(article.source, "processed", "", article)


def _parse_one(nlp: Language, text: str) -> Doc | Exception:
    try:
        return nlp(text)
    except Exception as exc:  # reported per article by the caller
        return exc


def _call(stage: Stage, article: Article, doc: Doc | None) -> Outcome | None:
    try:
        stage(article, doc)
    except Skip as skip:
        return Outcome(article.source, "skipped", str(skip))
    except Exception as exc:  # a stage bug fails this article only, with the stage named
        return Outcome(article.source, "failed", f"stage {stage.name}: {type(exc).__name__}: {exc}")
    return None


def check_order(stages: Sequence[Stage]) -> None:
    """Raise ``ConfigError`` when a stage requires a layer that no earlier stage assigns."""
    available = set(BASE_LAYERS)
    for stage in stages:
        missing = [layer for layer in stage.requires if layer not in available]
        if missing:
            raise ConfigError(
                f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage assigns; "
                "put the stage that assigns it first",
                code="E003",
            )
        if stage.needs_doc is False and any(s.needs_doc for s in stages[: stages.index(stage)]):
            raise ConfigError(f"stage {stage.name!r} runs before spaCy and must come first", code="E004")
        available.update(stage.assigns)
