"""Crash safety: ``dateline run`` killed with SIGKILL at five chosen points, then run again, loses nothing.

The kills are deterministic. Run as a script, this module is the ``dateline`` command with one hook installed
that sends the process SIGKILL at the Nth time it reaches a point::

    python -m tests.test_reliability_crash POINT N run CORPUS --db FILE

Points: ``read`` (while a batch is being read), ``stage`` (inside the stages, mid-batch), ``insert`` (inside a
batch's transaction, after some articles' rows are written), ``commit`` (as the batch's COMMIT starts) and
``finish`` (every batch stored, the run not yet marked finished). The test kills five runs in a row on one store,
one at each point, checking the store after each kill, then runs to the end and compares every stored record with
those of an uninterrupted run.
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from dateline.model import Article
from dateline.stages import Stage
from dateline.store import Store
from tests.conftest import ROOT

ARTICLES = 200
JUNK = {"empty.txt": b"", "image.png": b"\x89PNG\r\n\x1a\n" + bytes(64), "french.txt": "Bonjour à tous.".encode()}
TOWNS = ["Oslo", "Bergen", "Lisbon", "Porto", "Nairobi", "Mombasa", "Geneva", "Vienna"]
PEOPLE = ["Anna Berg", "Tom Hale", "Lena Vos", "Omar Said", "Ines Moro", "Karl Dahl"]


def write_corpus(folder: Path) -> set[str]:
    """A folder with ARTICLES articles in a JSONL file, two broken lines, and a few files that are not articles.

    Returns every input's source name, as the ingest log names it.
    """
    folder.mkdir()
    lines = []
    for i in range(ARTICLES):
        town, first, second = TOWNS[i % len(TOWNS)], PEOPLE[i % len(PEOPLE)], PEOPLE[(i + 1) % len(PEOPLE)]
        text = (
            f"{town.upper()}, March {1 + i % 28}, 2024 - Minister {first} met envoy {second} in {town} on Monday "
            f'to discuss fishing quota {i}, officials said. "We made progress," {first.split()[0]} told reporters.'
        )
        lines.append(json.dumps({"id": f"doc-{i}", "text": text}))
    lines[50:50] = ["{broken", json.dumps({"text": None})]
    (folder / "corpus.jsonl").write_text("\n".join(lines) + "\n")
    for name, data in JUNK.items():
        (folder / name).write_bytes(data)
    corpus = str(folder / "corpus.jsonl")
    return {f"{corpus}#line {n}" for n in range(1, len(lines) + 1)} | {str(folder / name) for name in JUNK}


# -- the hooks (run inside the killed process) -----------------------------------------------------------------


def _die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _countdown(n: int) -> Callable[[], None]:
    """A function that kills the process on its nth call."""
    calls = itertools.count(1)

    def tick() -> None:
        if next(calls) == n:
            _die()

    return tick


class _KillStage(Stage):
    """The last stage of the pipeline: counts the articles that reach it."""

    name = "kill_hook"

    def __init__(self, tick: Callable[[], None]) -> None:
        self.tick = tick

    def __call__(self, article: Article, doc: Doc | None) -> None:
        self.tick()


def install(point: str, n: int) -> None:
    """Patch the library so that the process is killed the nth time it reaches ``point``."""
    from dateline import ingest
    from dateline import pipeline as pipeline_module

    tick = _countdown(n)
    if point == "read":
        reader = ingest.read

        def read(*args: Any, **kwargs: Any) -> Iterator[Any]:
            for item in reader(*args, **kwargs):
                tick()
                yield item

        ingest.read = read  # the runner looks it up on the module at each run
    elif point == "stage":
        stages = pipeline_module.default_stages
        pipeline_module.default_stages = lambda: [*stages(), _KillStage(tick)]
    elif point == "insert":
        write_article = Store._write_article

        def counted(self: Store, article: Article) -> None:
            write_article(self, article)
            tick()

        Store._write_article = counted
    elif point == "commit":
        _kill_at_commit(tick)
    elif point == "finish":
        Store.finish_run = lambda self, run_id, counts: _die()
    else:
        raise SystemExit(f"unknown point {point!r}")


def _kill_at_commit(tick: Callable[[], None]) -> None:
    """Count the COMMIT statements of transactions that stored articles, as SQLite starts running them."""
    init = Store.__init__

    def traced(self: Store, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        stored = False

        def trace(sql: str) -> None:
            nonlocal stored
            if sql.startswith("INSERT INTO articles"):
                stored = True
            elif sql == "COMMIT" and stored:
                stored = False
                tick()

        self.db.set_trace_callback(trace)

    Store.__init__ = traced


def main(argv: list[str]) -> None:
    point, n, *args = argv
    install(point, int(n))
    from dateline.cli import app

    app(args)


# -- the test ----------------------------------------------------------------------------------------------------

# (point, n), in order, each run resuming the store the one before was killed in, and how many of the ARTICLES
# must be stored after the kill. Batches hold 32 inputs; a resumed run first re-reads what is stored (as skips).
KILLS = [
    ("read", 40, 32),  # the second batch is half read: only the first is stored
    ("stage", 40, 62),  # 32 skips, a batch of 30 new articles (and the 2 broken lines), then killed mid-batch
    ("insert", 20, 62),  # killed inside the transaction of the next new batch: nothing of it is stored
    ("commit", 2, 94),  # one more batch committed, killed as the commit of the one after starts
    ("finish", 1, ARTICLES),  # everything stored; killed before the run is marked finished
]


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> dict[str, dict[str, Any]]:
    """The records an uninterrupted run stores, by article id."""
    from dateline.engine import run

    folder = tmp_path_factory.mktemp("reference") / "corpus"
    write_corpus(folder)
    with Store(folder.parent / "ref.db") as store:
        run([str(folder)], store, pipeline=pipeline)
        return {article.id: article.to_record() for article in store.articles()}


@pytest.mark.model
def test_runs_killed_at_five_points_resume_to_the_same_store(
    tmp_path: Path, reference: dict[str, dict[str, Any]]
) -> None:
    folder = tmp_path / "corpus"
    sources = write_corpus(folder)
    db = tmp_path / "crash.db"
    for point, n, stored in KILLS:
        proc = _run(db, folder, point, n)
        assert proc.returncode == -signal.SIGKILL, f"the run should have been killed at {point}: {proc.stderr}"
        assert _stored(db, reference) == stored, point
    assert _unfinished_runs(db) == len(KILLS)
    proc = _run(db, folder)  # nothing is left to process: it exits 1, "0 processed", as the CLI does then
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert _last_run(db) == (0, ARTICLES + len(JUNK), 2)
    assert _stored(db, reference) == ARTICLES
    with sqlite3.connect(db) as conn:
        logged = [source for (source,) in conn.execute("SELECT source FROM ingest_log")]
        statuses = dict(conn.execute("SELECT status, COUNT(*) FROM ingest_log GROUP BY status").fetchall())
    assert sorted(logged) == sorted(sources), "every input is logged exactly once"
    assert statuses == {"processed": ARTICLES, "skipped": len(JUNK), "failed": 2}


def _run(db: Path, folder: Path, point: str | None = None, n: int = 0) -> subprocess.CompletedProcess[str]:
    args = ["run", str(folder), "--db", str(db), "--quiet"]
    command = [sys.executable, "-m", "tests.test_reliability_crash", point, str(n), *args] if point else None
    command = command or [sys.executable, "-m", "dateline", *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)


def _stored(db: Path, reference: dict[str, dict[str, Any]]) -> int:
    """Check the store a run left behind and return how many articles it holds.

    The database passes SQLite's integrity check; every stored article has all its layers, exactly as the
    uninterrupted run stored them (no partial records); every article has its processed log row and every
    processed log row its article (both are written in one transaction).
    """
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        logged = "SELECT article_id FROM ingest_log WHERE status = 'processed'"
        unlogged = conn.execute(f"SELECT COUNT(*) FROM articles WHERE id NOT IN ({logged})").fetchone()[0]
        missing = conn.execute(f"SELECT COUNT(*) FROM ({logged}) WHERE article_id NOT IN (SELECT id FROM articles)")
        assert (unlogged, missing.fetchone()[0]) == (0, 0)
    with Store(db, readonly=True) as store:
        records = {article.id: article.to_record() for article in store.articles()}
    for article_id, record in records.items():
        assert record == reference[article_id], f"article {article_id} differs from the uninterrupted run"
    return len(records)


def _last_run(db: Path) -> tuple[int, int, int]:
    """The processed, skipped and failed counts of the last run, which must have finished."""
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT processed, skipped, failed, finished FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    assert row[3] is not None
    return row[0], row[1], row[2]


def _unfinished_runs(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM runs WHERE finished IS NULL").fetchone()[0])


if __name__ == "__main__":
    main(sys.argv[1:])
