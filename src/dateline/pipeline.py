"""The ordered stages, run over a stream of articles in batches, with spaCy loaded once per process.

``Pipeline.process`` takes articles (and outcomes the readers already decided) and yields one
:class:`~dateline.model.Outcome` per input, so nothing is ever dropped silently: a stage that raises
``Skip`` skips its article, any other exception fails that article alone, and the rest of the batch goes on.
"""

from __future__ import annotations

import itertools
import math
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from dateline import nlp as nlp_loader
from dateline.errors import ConfigError
from dateline.model import Article, Outcome
from dateline.stages import BASE_LAYERS, Skip, Stage
from dateline.stages.actors import Actors
from dateline.stages.entities import Entities
from dateline.stages.events import Events
from dateline.stages.metadata import Metadata
from dateline.stages.places import Places
from dateline.stages.quotes import Quotes
from dateline.stages.sentences import Sentences
from dateline.stages.times import Times
from dateline.stages.tone import Tone


def default_stages() -> list[Stage]:
    """The stages of a full run, in order."""
    return [Metadata(), Sentences(), Entities(), Places(), Actors(), Times(), Quotes(), Events(), Tone()]


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that protect a run from one pathological article (enforced here, in the library)."""

    max_chars: int = 500_000  # longer texts are failed, not parsed: spaCy's memory grows with length
    batch_size: int = 32
    max_seconds: float = 60.0  # time the stages may spend on one article (besides the parse); 0 disables


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
        return self._run_stages(article, None, needs_doc=False)

    def _run_stages(self, article: Article, doc: Doc | None, *, needs_doc: bool) -> Outcome | None:
        try:
            with deadline(self.limits.max_seconds) as budget:
                for stage in self.stages:
                    if stage.needs_doc is needs_doc:
                        budget.check()
                        outcome = _call(stage, article, doc, self.limits.max_seconds)
                        if outcome is not None:
                            return outcome
        except StageTimeout:  # the alarm rang between two stages
            return Outcome(article.source, "failed", f"over the time limit ({self.limits.max_seconds:g} s)")
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
        return self._run_stages(article, doc, needs_doc=True) or Outcome(article.source, "processed", "", article)


def _parse_one(nlp: Language, text: str) -> Doc | Exception:
    try:
        return nlp(text)
    except Exception as exc:  # reported per article by the caller
        return exc


class StageTimeout(Exception):
    """Raised inside a stage that ran past ``Limits.max_seconds``."""


class Budget:
    """Time left for one article: :meth:`check` raises :class:`StageTimeout` once ``seconds`` have passed."""

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds if seconds > 0 else math.inf

    def check(self) -> None:
        if time.monotonic() > self.ends:
            raise StageTimeout()


@contextmanager
def deadline(seconds: float) -> Iterator[Budget]:
    """Interrupt the block with :class:`StageTimeout` after ``seconds``, and give it a :class:`Budget` to check.

    The interruption uses a real-time interval timer, which only the main thread of a process can set (worker
    processes run their tasks in their main thread). Elsewhere (a thread of the web server) nothing can stop a
    stage from outside; the caller checks the budget between stages instead, so an article stops at the first
    stage boundary after its time is up.
    """
    budget = Budget(seconds)
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield budget
        return

    def expire(signum: int, frame: object) -> None:
        raise StageTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield budget
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _call(stage: Stage, article: Article, doc: Doc | None, max_seconds: float) -> Outcome | None:
    try:
        stage(article, doc)
    except Skip as skip:
        return Outcome(article.source, "skipped", str(skip))
    except StageTimeout:
        return Outcome(article.source, "failed", f"stage {stage.name}: over the time limit ({max_seconds:g} s)")
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
