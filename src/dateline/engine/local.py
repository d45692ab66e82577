"""The local runner: read inputs, skip what is already stored, run the pipeline, store each batch.

Nothing is dropped: every input read yields exactly one outcome, and every outcome is written to the store's
ingest log in the same transaction as its article, so a run killed at any point and started again finishes the
rest without duplicates.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from dateline import ingest
from dateline.model import Article, Outcome
from dateline.pipeline import Pipeline
from dateline.store import Store
from dateline.store.sqlite import ALREADY_STORED


@dataclass(slots=True)
class RunSummary:
    """Counts of one run by status, and the run's id in the store."""

    run_id: int
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def run(
    paths: Iterable[str],
    store: Store,
    *,
    pipeline: Pipeline | None = None,
    force: bool = False,
    max_bytes: int = 20_000_000,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> RunSummary:
    """Process ``paths`` into ``store``; ``force`` reprocesses articles that are already stored."""
    pipeline = pipeline or Pipeline()
    paths = list(paths)
    summary = RunSummary(store.start_run(" ".join(paths)))
    pending: set[str] = set()
    items = _skip_known(ingest.read(paths, max_bytes=max_bytes), store, pending, force)
    outcomes = pipeline.process(items)
    while batch := list(itertools.islice(outcomes, pipeline.limits.batch_size)):
        store.write(batch, summary.run_id)
        pending.clear()
        for outcome in batch:
            summary.counts[outcome.status] += 1
            if on_outcome is not None:
                on_outcome(outcome)
    store.finish_run(summary.run_id, summary.counts)
    return summary


def _skip_known(
    items: Iterator[Article | Outcome], store: Store, pending: set[str], force: bool
) -> Iterator[Article | Outcome]:
    """Turn articles already stored (or already seen in this run) into skipped outcomes."""
    for item in items:
        if isinstance(item, Article):
            if item.id in pending or (not force and store.has_article(item.id)):
                yield Outcome(item.source, "skipped", f"{ALREADY_STORED}{item.id} (duplicate content)")
                continue
            pending.add(item.id)
        yield item
