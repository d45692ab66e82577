"""The Dask runner: line-range shards read like whole files, the same store as a local run, reruns, retries.

Most tests use an in-process cluster (threads) and a blank spaCy pipeline; one, marked ``model``, starts a real
LocalCluster of two worker processes with the full pipeline and compares it with a one-process local run.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
import spacy
from distributed import LocalCluster

from dateline import ingest
from dateline.engine import run
from dateline.engine.dask import Shard, plan_shards, read_shard, run_dask
from dateline.errors import ConfigError
from dateline.model import Article, Outcome
from dateline.pipeline import Limits, Pipeline
from dateline.stages.metadata import Metadata
from dateline.stages.sentences import Sentences
from dateline.store import Store
from dateline.store.sqlite import ALREADY_STORED
from tests.conftest import SAMPLES

MAX_BYTES = 1_500
STORY = "ROME, May 3 - The two ministers met in Rome on Friday. They agreed to meet again in June."


def blank_pipeline() -> Pipeline:
    """A cheap pipeline (no model): metadata, then sentences from spaCy's rule-based sentencizer."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return Pipeline([Metadata(), Sentences()], nlp=nlp, limits=Limits(batch_size=4))


ATTEMPTS: Counter[str] = Counter()


class Poisoned(Pipeline):
    """Raises for any batch holding an article that says POISON: the whole task fails, not one article."""

    def process(self, items: Iterable[Article | Outcome]) -> Iterator[Outcome]:
        batch = list(items)
        for item in batch:
            if isinstance(item, Article) and "POISON" in item.text:
                ATTEMPTS[item.source] += 1
                raise RuntimeError("poisoned batch")
        return super().process(batch)


def poisoned_pipeline() -> Pipeline:
    return Poisoned([Metadata()], nlp=spacy.blank("en"))


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """An in-process cluster of two one-thread workers, used through its address like a remote one."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _line(i: int, **fields: Any) -> str:
    return json.dumps({"id": f"r{i}", "text": f"Story {i}: {STORY}", **fields})


def _inputs(root: Path) -> list[str]:
    """A folder of text files (a duplicate, a French one, an empty one) and a JSONL file with every kind of line."""
    docs = root / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(STORY)
    (docs / "b.txt").write_text(STORY)  # same content: stored once
    (docs / "c.txt").write_text("Les deux ministres se sont rencontrés à Rome vendredi et ont parlé du commerce.")
    (docs / "d.txt").write_text("")
    lines = [
        _line(1),
        "",
        _line(2, title="Talks"),
        "{not json",
        json.dumps({"id": "x", "title": "no text here"}),
        _line(3, text="Story 3 is long. " * 100),  # over MAX_BYTES
        _line(4),
        _line(1, text="Another story with a reused id, told in Rome on Monday by officials."),
        "   ",
        json.dumps({"text": STORY}),  # the same text as a.txt, no id: a duplicate by content
        _line(5),
        _line(5, text="Une autre histoire, racontée en français par les ministres réunis à Rome lundi."),
    ]  # the last two share an id in one range: the pipeline answers the French one first, the English one wins
    corpus = root / "corpus.jsonl"
    corpus.write_text("\n".join(lines))  # no newline after the last line
    return [str(docs), str(corpus), str(corpus)]  # given twice: the second time, all of it is skipped


def _snapshot(db: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Every stored article in full (sentences, source and lang too) and the ingest log.

    A duplicate's reason says "already stored" or "duplicate of an earlier input" depending on whether its first
    copy was written yet, which varies with batching in the local runner too; both become "duplicate" here.
    """
    with Store(db, readonly=True) as store:
        log = store.ingest_log()
        articles = {a.id: asdict(a) for a in store.articles()}
    for row in log:
        if row["reason"].startswith((ALREADY_STORED, "duplicate of an earlier input")):
            row["reason"] = "duplicate"
    return articles, log


def test_line_ranges_read_exactly_like_the_whole_file(tmp_path: Path) -> None:
    corpus = _inputs(tmp_path)[-1]
    shards = list(plan_shards([corpus], shard_size=3))
    assert [(s.first_line, s.lines) for s in shards if isinstance(s, Shard)] == [(1, 3), (4, 3), (7, 3), (10, 3)]
    pieces = itertools.chain.from_iterable(read_shard(s, MAX_BYTES) for s in shards if isinstance(s, Shard))
    assert list(pieces) == list(ingest.read([corpus], max_bytes=MAX_BYTES))


def test_short_and_blank_files_stay_whole(tmp_path: Path) -> None:
    short, blank = tmp_path / "short.jsonl", tmp_path / "blank.jsonl"
    short.write_text(_line(1) + "\n" + _line(2) + "\n")
    blank.write_text("\n" * 10)
    shards = list(plan_shards([str(short), str(blank)], shard_size=2))
    assert [(s.path, s.end) for s in shards if isinstance(s, Shard)] == [(str(short), None), (str(blank), None)]
    with pytest.raises(ConfigError, match="E020"):
        list(plan_shards(["-"]))


def test_dask_stores_what_a_local_run_stores_and_a_rerun_adds_nothing(tmp_path: Path, scheduler: str) -> None:
    paths = _inputs(tmp_path)
    shards = sum(isinstance(entry, Shard) for entry in plan_shards(paths, 3))
    summaries = []
    for _ in range(2):
        with Store(tmp_path / "local.db") as store:
            local = run(paths, store, pipeline=blank_pipeline(), max_bytes=MAX_BYTES)
        progress: list[tuple[int, int]] = []
        with Store(tmp_path / "dask.db") as store:
            distributed = run_dask(
                paths, store, scheduler=scheduler, make_pipeline=blank_pipeline, max_bytes=MAX_BYTES, shard_size=3,
                on_tasks=lambda done, total, seen=progress: seen.append((done, total)),
            )  # fmt: skip
        assert progress == [(done, shards) for done in range(shards + 1)]  # every task, a rerun's skipped ones too
        summaries.append((local.counts, distributed.counts))
        assert _snapshot(tmp_path / "dask.db") == _snapshot(tmp_path / "local.db")
    (first_local, first_dask), (again_local, again_dask) = summaries
    assert first_dask == first_local and first_local["processed"] == 5
    assert again_dask == again_local and again_local["processed"] == 0
    assert not (tmp_path / "dask.db.parts").exists()


def test_a_task_failing_twice_logs_each_of_its_inputs_as_failed(tmp_path: Path, scheduler: str) -> None:
    corpus, text = tmp_path / "c.jsonl", tmp_path / "poison.txt"
    corpus.write_text("\n".join([_line(1), _line(2), _line(3, text="A POISON story."), "", _line(5)]) + "\n")
    text.write_text("The POISON text of a plain file, which also fails.")
    ATTEMPTS.clear()
    inputs = [str(corpus), str(text)]
    options: dict[str, Any] = {"scheduler": scheduler, "make_pipeline": poisoned_pipeline, "shard_size": 2}
    with Store(tmp_path / "d.db") as store:
        summary = run_dask(inputs, store, **options)
        log = {row["source"]: row for row in store.ingest_log()}
        assert dict(ATTEMPTS) == {f"{corpus}#line 3": 2, str(text): 2}
        assert summary.counts == {"processed": 3, "failed": 2}
        assert [s for s, row in log.items() if row["status"] == "failed"] == [f"{corpus}#line 3", str(text)]
        assert log[str(text)]["reason"] == "task failed twice on the cluster (RuntimeError: poisoned batch)"
        again = run_dask(inputs, store, **options)
    assert again.counts == {"skipped": 3, "failed": 2}  # clean shards skipped, failed ones tried again
    assert ATTEMPTS[str(text)] == 4


def _generated(path: Path, n: int) -> Path:
    people = ["Lena Vos", "Omar Said", "Ana Ruiz", "Piet Baas", "Mei Lin"]
    places = ["Geneva", "Nairobi", "Lima", "Oslo", "Hanoi"]
    with path.open("w") as out:
        for i in range(n):
            a, b, place = people[i % 5], people[(i + 2) % 5], places[i % 5]
            text = (
                f"{place.upper()}, April {1 + i % 28}, 2024 - {a} met {b} in {place} on item {i} of the agenda. "
                f'"We will talk again next week," {a} told reporters, adding that {b} had agreed to a visit.'
            )
            out.write(json.dumps({"id": f"gen{i}", "title": f"Talks {i}", "text": text}) + "\n")
    return path


@pytest.mark.model
def test_local_cluster_of_two_processes_matches_one_local_worker(tmp_path: Path) -> None:
    paths = [str(SAMPLES), str(_generated(tmp_path / "gen.jsonl", 200))]
    with Store(tmp_path / "local.db") as store:
        local = run(paths, store, workers=1)
    with Store(tmp_path / "dask.db") as store:
        distributed = run_dask(paths, store, n_workers=2)
    assert distributed.counts == local.counts and local.counts["processed"] == 206
    dask_records, dask_log = _snapshot(tmp_path / "dask.db")
    local_records, local_log = _snapshot(tmp_path / "local.db")
    assert dask_records.keys() == local_records.keys()
    assert dask_records == local_records and dask_log == local_log
