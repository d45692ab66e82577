"""Concurrency: the web app reads while runs write, and two runs share one store.

SQLite in WAL mode lets readers go on while a writer commits; each GET request reads one snapshot, so a count
and the list it counts always agree. Two ``dateline run`` on one store take turns at the write lock (each waits
up to ``Store.busy_timeout``); a writer kept waiting longer fails with a message that says why.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from starlette.requests import Request

from dateline.errors import StoreError
from dateline.model import Article, Outcome
from dateline.store import Store
from tests.conftest import ROOT

TOWNS = ["Oslo", "Bergen", "Lisbon", "Porto", "Nairobi", "Geneva"]


def _article(i: int) -> Article:
    return Article(id=f"a{i}", text=f"Officials met in {TOWNS[i % len(TOWNS)]} on day {i}.", source=f"test:{i}")


def _store(path: Path, count: int) -> Path:
    with Store(path) as store:
        store.write([Outcome(a.source, "processed", "", a) for a in map(_article, range(count))])
    return path


def _article_count(store: Store) -> int:
    return int(store.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def test_a_snapshot_does_not_see_what_another_process_commits_meanwhile(tmp_path: Path) -> None:
    db = _store(tmp_path / "s.db", 3)
    with Store(db, readonly=True) as reader, Store(db) as writer:
        with reader.snapshot():
            before = _article_count(reader)
            writer.write([Outcome("test:new", "processed", "", _article(99))])
            assert _article_count(reader) == before == 3
        assert _article_count(reader) == 4


def test_each_get_request_reads_one_snapshot(tmp_path: Path) -> None:
    from dateline.web import create_app
    from dateline.web.deps import open_store

    db = _store(tmp_path / "w.db", 3)
    app = create_app(db)
    request = Request({"type": "http", "method": "GET", "app": app, "headers": [], "path": "/api/v1/stats"})
    requests_store = open_store(request)
    store = next(requests_store)
    before = _article_count(store)
    with Store(db) as writer:
        writer.write([Outcome("test:new", "processed", "", _article(99))])
    assert _article_count(store) == before
    requests_store.close()


def test_a_writer_kept_waiting_past_the_busy_timeout_gets_a_clear_error(tmp_path: Path) -> None:
    db = _store(tmp_path / "b.db", 1)
    with Store(db) as holder, Store(db, busy_timeout=0.2) as waiting:
        holder.db.execute("BEGIN IMMEDIATE")  # another process in the middle of a write transaction
        with pytest.raises(StoreError, match=r"E204.*is locked: another process kept it busy for more than 0.2 s"):
            waiting.write([Outcome("test:late", "processed", "", _article(7))])
        holder.db.rollback()
        waiting.write([Outcome("test:late", "processed", "", _article(7))])
        assert _article_count(waiting) == 2


def test_two_processes_opening_a_new_store_at_once_both_succeed(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    opener = "import sys; from dateline.store import Store; Store(sys.argv[1]).start_run('open')"
    procs = [subprocess.Popen([sys.executable, "-c", opener, str(db)], cwd=ROOT) for _ in range(4)]
    assert [proc.wait(timeout=60) for proc in procs] == [0] * 4
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0] == 4


# -- runs and reads at the same time, with the model ---------------------------------------------------------


def _corpus(path: Path, prefix: str, count: int) -> Path:
    with path.open("w") as out:
        for i in range(count):
            town = TOWNS[i % len(TOWNS)]
            text = (
                f"{town.upper()}, May {1 + i % 28}, 2024 - Trade minister Ines Moro{prefix}{i} met envoy Karl Dahl "
                f"in {town} on Tuesday to sign a grain deal, officials said, and both promised more talks."
            )
            out.write(json.dumps({"text": text, "title": f"Grain deal {prefix}{i}"}) + "\n")
    return path


def _read_while_running(client: TestClient, procs: list[subprocess.Popen[bytes]]) -> set[int]:
    """Read the API until both runs end; every answer must be whole. The article counts seen are returned."""
    seen: set[int] = set()
    while any(proc.poll() is None for proc in procs):
        stats = client.get("/api/v1/stats")
        assert stats.status_code == 200, stats.text
        counts = stats.json()["counts"]
        assert counts["articles"] == counts.get("log_processed", 0), counts  # a batch is there whole or not at all
        listed = client.get("/api/v1/articles", params={"limit": 500})
        assert listed.status_code == 200, listed.text
        page = listed.json()
        assert page["total"] == len(page["items"]), "the count and the list come from one snapshot"
        if page["items"]:
            record = client.get(f"/api/v1/articles/{page['items'][-1]['id']}").json()
            assert all(record["text"][e["start"] : e["end"]] == e["text"] for e in record["entities"])
        seen.add(counts["articles"])
    return seen


@pytest.mark.model
def test_two_runs_and_the_web_app_share_one_store(tmp_path: Path) -> None:
    from dateline.web import create_app

    first, second = _corpus(tmp_path / "one.jsonl", "A", 40), _corpus(tmp_path / "two.jsonl", "B", 40)
    shared = _corpus(tmp_path / "shared.jsonl", "S", 20)
    db = tmp_path / "shared.db"
    Store(db).close()
    client = TestClient(create_app(db), raise_server_exceptions=False)
    runs = [[str(first), str(shared)], [str(shared), str(second)]]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "dateline", "run", *paths, "--db", str(db), "--quiet"],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for paths in runs
    ]
    seen = _read_while_running(client, procs)
    errors = [proc.stderr.read().decode() if proc.stderr else "" for proc in procs]
    assert [proc.wait() for proc in procs] == [0, 0], errors
    assert len(seen) >= 2, "the reads should have overlapped the runs"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        totals = conn.execute("SELECT processed + skipped + failed, failed FROM runs WHERE args != ''").fetchall()
        log = dict(conn.execute("SELECT status, COUNT(*) FROM ingest_log GROUP BY status").fetchall())
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert totals == [(60, 0), (60, 0)], "each run accounts for each of its inputs"
    assert log == {"processed": 100} and articles == 100, "every input is stored exactly once"
