"""The local runner: read inputs, skip what is already stored, run the pipeline, store each batch.

Nothing is dropped: every input read yields exactly one outcome, and every outcome is written to the store's
ingest log in the same transaction as its article, so a run killed at any point and started again finishes the
rest without duplicates.

With ``workers > 1`` the pipeline runs in that many processes, each building its own :class:`Pipeline` (and so
loading spaCy) once. Reading and storing stay in this process; batches of records (plain dataclasses, never
spaCy docs) travel to the workers and back, at most ``2 × workers`` batches in flight, so memory stays flat
however large the input. Results are the same as with one worker: each article is processed on its own.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field

from dateline import ingest
from dateline.model import Article, Outcome
from dateline.pipeline import Limits, Pipeline
from dateline.store import Store
from dateline.store.sqlite import ALREADY_STORED

Item = Article | Outcome


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
    workers: int = 1,
    force: bool = False,
    max_bytes: int = 20_000_000,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> RunSummary:
    """Process ``paths`` into ``store``; ``force`` reprocesses articles that are already stored."""
    paths = list(paths)
    limits = pipeline.limits if pipeline is not None else Limits()
    summary = RunSummary(store.start_run(" ".join(paths)))
    pending: set[str] = set()  # ids read but not yet written: a duplicate among them is skipped too
    read_ids: deque[list[str]] = deque()  # the article ids of each batch handed to the pipeline, in order
    items = skip_known(ingest.read(paths, max_bytes=max_bytes), store, pending, force)
    batches = _batches(items, limits.batch_size, read_ids)
    if workers > 1:
        outcome_batches = _in_processes(batches, workers, limits)
    else:
        pipe = pipeline or Pipeline(limits=limits)
        outcome_batches = (list(pipe.process(batch)) for batch in batches)
    for outcomes in outcome_batches:
        store.write(outcomes, summary.run_id)
        pending.difference_update(read_ids.popleft())
        for outcome in outcomes:
            summary.counts[outcome.status] += 1
            if on_outcome is not None:
                on_outcome(outcome)
    store.finish_run(summary.run_id, summary.counts)
    return summary


def _batches(items: Iterator[Item], size: int, read_ids: deque[list[str]]) -> Iterator[list[Item]]:
    while batch := list(itertools.islice(items, size)):
        read_ids.append([item.id for item in batch if isinstance(item, Article)])
        yield batch


def skip_known(items: Iterator[Item], store: Store, pending: set[str], force: bool) -> Iterator[Item]:
    """Turn articles already stored (or already seen and not yet stored in this run) into skipped outcomes."""
    for item in items:
        if isinstance(item, Article):
            if item.id in pending:
                yield Outcome(item.source, "skipped", f"duplicate of an earlier input of this run ({item.id})")
                continue
            if not force and store.has_article(item.id):
                yield Outcome(item.source, "skipped", f"{ALREADY_STORED}{item.id} (duplicate content)")
                continue
            pending.add(item.id)
        yield item


# -- worker processes ---------------------------------------------------------------------------------------

_worker_pipeline: Pipeline | None = None


def _init_worker(limits: Limits) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(limits=limits)
    _ = _worker_pipeline.nlp  # load spaCy now, once per worker, not inside the first task


def _process_in_worker(batch: list[Item]) -> list[Outcome]:
    assert _worker_pipeline is not None, "worker not initialised"
    return list(_worker_pipeline.process(batch))


def _in_processes(batches: Iterator[list[Item]], workers: int, limits: Limits) -> Iterator[list[Outcome]]:
    """Outcome batches in input order, from ``workers`` processes, with a bounded number in flight."""
    context = multiprocessing.get_context("spawn")  # no inherited locks or open database handles
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(limits,)) as pool:
        in_flight: deque[Future[list[Outcome]]] = deque()
        for batch in batches:
            in_flight.append(pool.submit(_process_in_worker, batch))
            if len(in_flight) >= 2 * workers:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
