from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.errors import StoreError
from dateline.model import Article, Entity, Outcome, Span
from dateline.store import SCHEMA_VERSION, Store
from dateline.store.sqlite import ALREADY_STORED
from tests.test_model import full_article


def test_round_trip_of_every_layer(tmp_path: Path) -> None:
    article = full_article()
    with Store(tmp_path / "t.db") as store:
        store.write([Outcome("in.txt", "processed", "", article)])
        back = store.article("a1")
    assert back is not None
    assert back.to_record() == article.to_record()
    assert back.sentences == article.sentences and back.source == article.source


def test_rewriting_replaces_layers_instead_of_duplicating(tmp_path: Path) -> None:
    article = full_article()
    with Store(tmp_path / "t.db") as store:
        store.write([Outcome("in.txt", "processed", "", article)])
        store.write([Outcome("in.txt", "processed", "", article)])
        counts = store.counts()
    assert counts["articles"] == 1 and counts["entities"] == 1 and counts["events"] == 1


def test_ingest_log_keeps_first_processing_of_a_source(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        store.write([Outcome("a.txt", "processed", "", full_article())])
        store.write([Outcome("a.txt", "skipped", f"{ALREADY_STORED}a1")])
        store.write([Outcome("b.txt", "skipped", f"{ALREADY_STORED}a1"), Outcome("c.bin", "failed", "binary")])
        log = {row["source"]: row for row in store.ingest_log()}
    assert log["a.txt"]["status"] == "processed"
    assert log["b.txt"]["status"] == "skipped"
    assert log["c.bin"] == {"source": "c.bin", "status": "failed", "reason": "binary", "article_id": None}


def test_select_filters(tmp_path: Path) -> None:
    with Store(tmp_path / "t.db") as store:
        store.write([Outcome("a.txt", "processed", "", full_article())])
        assert [r["text"] for r in store.select("entities", label="PERSON")] == ["Macron"]
        assert store.select("entities", label="ORG") == []
        assert store.select("events", label="04")[0]["source"]["code"] == "FRAGOV"
        assert store.select("actors", text="Macron")[0]["roles"] == ["President"]
        assert store.select("ingest_log", label="processed")[0]["source"] == "a.txt"
        with pytest.raises(StoreError, match="unknown layer"):
            store.select("nothing")


def test_prefix_lookup_and_missing(tmp_path: Path) -> None:
    article = Article(id="abcdef123456", text="Alice met Bob.")
    with Store(tmp_path / "t.db") as store:
        store.write([Outcome("x", "processed", "", article)])
        assert store.article("abcdef") is not None
        assert store.article("zzzzzz") is None


def test_schema_is_versioned_and_newer_databases_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    Store(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="E202"):
        Store(path)


def test_a_version_1_database_gains_the_corpus_tables_and_keeps_its_articles(tmp_path: Path) -> None:
    from dateline.aggregate.schema import TABLES, has_tables, is_built, require

    path = tmp_path / "v1.db"
    with Store(path) as store:
        store.write([Outcome("x", "processed", "", Article(id="abcdef123456", text="Alice met Bob."))])
    db = sqlite3.connect(path)  # turn it into what version 1 wrote: no corpus tables, no engine_parts
    for table in (*TABLES, "engine_parts"):
        db.execute(f"DROP TABLE {table}")
    db.execute("ALTER TABLE articles DROP COLUMN outlet")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Store(path, readonly=True) as old:
        assert not has_tables(old) and not is_built(old)  # read-only: nothing is changed
    with Store(path) as store:
        assert has_tables(store) and not is_built(store)
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        assert store.article("abcdef123456") is not None
        store.write([Outcome("y", "processed", "", Article(id="fedcba654321", text="Bob met Alice.", outlet="Wire"))])
        assert store.article("fedcba654321").outlet == "Wire"  # type: ignore[union-attr]
        with pytest.raises(StoreError, match="E210"):
            require(store)


spans = st.tuples(st.integers(0, 50), st.integers(0, 50)).map(sorted)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(min_size=1, max_size=60),
    title=st.one_of(st.none(), st.text(max_size=20)),
    ents=st.lists(st.tuples(spans, st.sampled_from(["PERSON", "GPE", "[x]"])), max_size=4),
)
def test_hypothesis_round_trip(tmp_path: Path, text: str, title: str | None, ents: list) -> None:  # type: ignore[type-arg]
    entities = [Entity(a, b, text[a:b], label) for (a, b), label in ents]
    article = Article(id="h", text=text, title=title, entities=entities, sentences=[Span(0, len(text), text)])
    with Store(tmp_path / "h.db") as store:
        store.write([Outcome("h", "processed", "", article)])
        assert store.article("h") == article


class _BusyOnWal:
    """A connection that answers "database is locked" at once to the first ``busy`` switches to WAL, as SQLite
    does when several processes open a new file together."""

    def __init__(self, real: sqlite3.Connection, busy: int) -> None:
        self._real, self.busy = real, busy

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if "journal_mode" in sql and self.busy > 0:
            self.busy -= 1
            exc = sqlite3.OperationalError("database is locked")
            exc.sqlite_errorcode = sqlite3.SQLITE_BUSY  # type: ignore[attr-defined]
            raise exc
        return self._real.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)

    def __enter__(self) -> sqlite3.Connection:
        return self._real.__enter__()

    def __exit__(self, *exc: object) -> object:
        return self._real.__exit__(*exc)  # type: ignore[arg-type]


def test_a_new_file_locked_while_switching_to_wal_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: _BusyOnWal(real_connect(*a, **k), busy=2))
    with Store(tmp_path / "t.db") as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_that_stays_locked_says_what_to_do(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = sqlite3.connect
    monkeypatch.setattr(sqlite3, "connect", lambda *a, **k: _BusyOnWal(real_connect(*a, **k), busy=10**6))
    with pytest.raises(StoreError, match="locked"):
        Store(tmp_path / "t.db", busy_timeout=0.2)
