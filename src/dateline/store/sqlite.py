"""The SQLite store: articles, one table per layer, the ingest log, and the corpus tables built from them.

Design:
- stdlib ``sqlite3`` in WAL mode; one transaction per batch, so a run killed at any point leaves whole batches
  or nothing, and a rerun redoes only what is missing.
- The schema is versioned (``PRAGMA user_version``); opening a newer database than this code knows fails with
  a clear message instead of corrupting it.
- Each layer is a table with one row per item; nested values (spans, speaker, event actors) are JSON text, which
  SQLite's ``json_extract`` can filter on. :meth:`Store.article` rebuilds the exact record that was stored.
- ``ingest_log`` has one row per input ``source``: the latest status of that input, with a readable reason.
- Several processes may share a database: readers never wait (WAL), and a writer waits up to ``busy_timeout``
  seconds for another's transaction, then fails with a :class:`StoreError` saying so. :meth:`Store.snapshot`
  gives a series of reads one consistent view while others write.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dateline.errors import StoreError
from dateline.model import Article, Outcome

#: 1: articles, layers, ingest log, runs. 2: adds the articles' ``outlet``, the corpus tables (duplicates, event
#: clusters, mentions) and the Dask engine's record of merged shards; a version-1 database gains them (the outlet
#: null, the tables empty) when opened for writing.
SCHEMA_VERSION = 2

#: Seconds a writer waits for another process's write transaction before giving up (a batch commits in well
#: under a second, so only a stuck or very slow writer exhausts it).
BUSY_TIMEOUT = 30.0
_WAL_RETRY_SECONDS = 0.05  # between tries to switch a new file to write-ahead logging

#: Reason prefix of an input skipped because its article is stored already. Such a row never replaces the log
#: row of the same source (which keeps saying how that source was first processed).
ALREADY_STORED = "already stored as "

#: Each layer's columns, in the order of its dataclass fields (``seq`` keeps the original order).
LAYER_COLUMNS: dict[str, tuple[str, ...]] = {
    "sentences": ("start", "end", "text"),
    "entities": ("start", "end", "text", "label", "actor"),
    "actors": ("id", "name", "type", "country", "code", "roles", "mentions", "tone"),
    "places": ("start", "end", "text", "name", "country", "lat", "lon", "geonameid", "feature"),
    "times": ("start", "end", "text", "type", "value"),
    "quotes": ("start", "end", "text", "kind", "cue", "speaker"),
    "events": (
        "id", "sentence", "trigger", "source", "target", "cameo", "plover", "mode", "date", "place",
        "attributed_to", "goldstein", "quad_class", "confidence", "tone",
    ),
}  # fmt: skip

#: Per table, the columns that hold JSON text (nested values); every other column is a plain SQL value.
JSON_COLUMNS: dict[str, frozenset[str]] = {
    "articles": frozenset({"dateline", "tone"}),
    "actors": frozenset({"roles", "mentions"}),
    "quotes": frozenset({"cue", "speaker"}),
    "events": frozenset({"sentence", "trigger", "source", "target"}),
}

ARTICLE_COLUMNS = (
    "id", "title", "published", "url", "author", "source", "outlet", "lang", "dateline", "text", "tone",
)  # fmt: skip

_SCHEMA = [
    """CREATE TABLE IF NOT EXISTS articles (
        id TEXT PRIMARY KEY, title TEXT, published TEXT, url TEXT, author TEXT, source TEXT, lang TEXT,
        dateline TEXT, text TEXT NOT NULL, tone TEXT, anchor TEXT, stored_at REAL NOT NULL, outlet TEXT)""",
    """CREATE TABLE IF NOT EXISTS ingest_log (
        source TEXT PRIMARY KEY, status TEXT NOT NULL CHECK (status IN ('processed', 'skipped', 'failed')),
        reason TEXT NOT NULL, article_id TEXT, run_id INTEGER, logged_at REAL NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT, started REAL NOT NULL, finished REAL, args TEXT,
        processed INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0, failed INTEGER DEFAULT 0)""",
    "CREATE INDEX IF NOT EXISTS articles_anchor ON articles(anchor)",
    "CREATE INDEX IF NOT EXISTS ingest_log_status ON ingest_log(status)",
]


def _layer_ddl(layer: str, columns: tuple[str, ...]) -> list[str]:
    cols = ", ".join(f'"{c}"' for c in columns)
    return [
        f"CREATE TABLE IF NOT EXISTS {layer} (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
        f"seq INTEGER NOT NULL, {cols}, PRIMARY KEY (article_id, seq))",
    ]


#: What ``Store.select`` can list: columns shown, the column ``text`` searches, the column ``label`` filters.
SELECTABLE: dict[str, tuple[str, str, str]] = {
    "articles": ("id, title, published, anchor, source, lang", "title", "lang"),
    "entities": ("article_id, start, end, text, label, actor", "text", "label"),
    "actors": ("article_id, id, name, type, country, code, roles", "name", "type"),
    "places": ("article_id, start, end, text, name, country, lat, lon, geonameid, feature", "text", "feature"),
    "times": ("article_id, start, end, text, type, value", "text", "type"),
    "quotes": ("article_id, start, end, kind, speaker, text", "text", "kind"),
    "events": ("article_id, id, trigger, source, target, cameo, plover, mode, date, place", "trigger", "cameo"),
    "ingest_log": ("source, status, reason, article_id", "source", "status"),
}

_INDEXES = [
    "CREATE INDEX IF NOT EXISTS entities_text ON entities(text)",
    "CREATE INDEX IF NOT EXISTS entities_label ON entities(label)",
    "CREATE INDEX IF NOT EXISTS actors_code ON actors(code)",
    "CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo)",
]


_REF = "REFERENCES articles(id) ON DELETE CASCADE"

#: The corpus tables that ``dateline aggregate`` fills (``dateline.aggregate``); every row that belongs to an
#: article goes with it (``ON DELETE CASCADE``), so an article rewritten by ``run --force`` is aggregated anew.
CORPUS_TABLES: dict[str, str] = {
    # One MinHash signature per article: over all of its shingles, and over its opening (the lede).
    "minhashes": f"""CREATE TABLE IF NOT EXISTS minhashes (
        article_id TEXT PRIMARY KEY {_REF}, shingles INTEGER NOT NULL, full BLOB NOT NULL, lede BLOB NOT NULL)""",
    # Verified near-duplicate pairs (a < b): the share of each one's shingles found in the other.
    "near_pairs": f"""CREATE TABLE IF NOT EXISTS near_pairs (
        a TEXT NOT NULL {_REF}, b TEXT NOT NULL {_REF}, a_in_b REAL NOT NULL, b_in_a REAL NOT NULL,
        jaccard REAL NOT NULL, PRIMARY KEY (a, b))""",
    # Each duplicate article with its original (never itself a duplicate) and their similarity.
    "duplicates": f"""CREATE TABLE IF NOT EXISTS duplicates (
        article_id TEXT PRIMARY KEY {_REF}, original_id TEXT NOT NULL {_REF},
        similarity REAL NOT NULL, jaccard REAL NOT NULL)""",
    # Canonical events: one row per happening, with GDELT-style counts over its mentions.
    "clusters": """CREATE TABLE IF NOT EXISTS clusters (
        id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT, source_code TEXT, target_code TEXT, root TEXT,
        mode TEXT NOT NULL, cameo TEXT, plover TEXT, quad_class INTEGER, goldstein REAL, event_id TEXT NOT NULL,
        date TEXT, precision TEXT, lo INTEGER, hi INTEGER, place TEXT, place_key TEXT, place_country TEXT,
        lat REAL, lon REAL, geonameid INTEGER, feature TEXT, first_article TEXT, source_url TEXT,
        num_mentions INTEGER NOT NULL DEFAULT 0, num_sources INTEGER NOT NULL DEFAULT 0,
        num_articles INTEGER NOT NULL DEFAULT 0, tone REAL, avg_tone REAL, added REAL NOT NULL)""",
    # Each event of each article, as a mention of the cluster it belongs to.
    "mentions": f"""CREATE TABLE IF NOT EXISTS mentions (
        event_id TEXT PRIMARY KEY, cluster_id INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL {_REF}, seq INTEGER NOT NULL, outlet TEXT, mode TEXT NOT NULL,
        confidence REAL, tone REAL, doc_tone REAL, duplicate_of TEXT, cameo TEXT, date TEXT, precision TEXT,
        lo INTEGER, hi INTEGER, place TEXT, place_key TEXT, place_country TEXT, lat REAL, lon REAL,
        geonameid INTEGER, feature TEXT, anchor TEXT, added REAL NOT NULL)""",
    # Articles that have been through deduplication and clustering, with the original they were linked to then.
    "aggregated": f"""CREATE TABLE IF NOT EXISTS aggregated (
        article_id TEXT PRIMARY KEY {_REF}, original_id TEXT, at REAL NOT NULL)""",
}

_CORPUS_INDEXES = (
    "CREATE INDEX IF NOT EXISTS near_pairs_b ON near_pairs(b)",
    "CREATE INDEX IF NOT EXISTS duplicates_original ON duplicates(original_id)",
    "CREATE INDEX IF NOT EXISTS clusters_key ON clusters(key, lo, hi)",
    "CREATE INDEX IF NOT EXISTS mentions_cluster ON mentions(cluster_id)",
    "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id)",
)


_ENGINE_SCHEMA = [
    # Shards of a Dask run merged into this database (``dateline.engine.dask``), so that a rerun skips them.
    """CREATE TABLE IF NOT EXISTS engine_parts (key TEXT PRIMARY KEY, shard TEXT NOT NULL,
        inputs INTEGER NOT NULL, failed INTEGER NOT NULL, run_id INTEGER, merged_at REAL NOT NULL)""",
]


class Store:
    """A dateline database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, readonly: bool = False, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = Path(path)
        self.busy_timeout = busy_timeout
        try:
            if readonly:
                self.db = sqlite3.connect(
                    f"file:{self.path}?mode=ro", uri=True, timeout=busy_timeout, check_same_thread=False
                )
            else:
                self.db = sqlite3.connect(self.path, timeout=busy_timeout, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database {self.path}: {exc}", code="E201") from exc
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            with self._locked_check():
                self._enable_wal()
                self.db.execute("PRAGMA synchronous = NORMAL")
                self._migrate()

    def _enable_wal(self) -> None:
        """Switch the file to write-ahead logging. When several processes open a new file at once, SQLite may answer
        "database is locked" to this switch at once, without waiting out the busy timeout (it does not wait where
        waiting could deadlock), so the switch is tried again until the timeout has passed."""
        deadline = time.monotonic() + self.busy_timeout
        while True:
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                busy = exc.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
                if not busy or time.monotonic() >= deadline:
                    raise
                time.sleep(_WAL_RETRY_SECONDS)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """Reads inside the block all see the database as it was at the first of them.

        Without it each query sees the latest commit, so a count and the list it counts may straddle a batch
        that another process stores in between. For reads only: the block ends its transaction without writing.
        """
        self.db.execute("BEGIN")
        try:
            yield self
        finally:
            self.db.rollback()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction, committed at the end of the block or rolled back on error."""
        with self._locked_check(), self.db:
            yield

    @contextmanager
    def _locked_check(self) -> Iterator[None]:
        """Turn SQLite's "database is locked" after the busy timeout into an error that says what to do."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF not in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                raise
            raise StoreError(
                f"database {self.path} is locked: another process kept it busy for more than "
                f"{self.busy_timeout:g} s; wait for that run to finish, or use another --db",
                code="E204",
            ) from exc

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this dateline ({SCHEMA_VERSION}); "
                "upgrade dateline",
                code="E202",
            )
        with self._transaction():
            for ddl in _SCHEMA:
                self.db.execute(ddl)
            for layer, columns in LAYER_COLUMNS.items():
                for ddl in _layer_ddl(layer, columns):
                    self.db.execute(ddl)
            for ddl in (*_INDEXES, *CORPUS_TABLES.values(), *_CORPUS_INDEXES, *_ENGINE_SCHEMA):
                self.db.execute(ddl)
            article_columns = {row[1] for row in self.db.execute("PRAGMA table_info(articles)")}
            if "outlet" not in article_columns:  # a version-1 database
                self.db.execute("ALTER TABLE articles ADD COLUMN outlet TEXT")
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- writes -------------------------------------------------------------------------------------------

    def start_run(self, args: str = "") -> int:
        with self._transaction():
            cursor = self.db.execute("INSERT INTO runs (started, args) VALUES (?, ?)", (time.time(), args))
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        with self._transaction():
            self.db.execute(
                "UPDATE runs SET finished = ?, processed = ?, skipped = ?, failed = ? WHERE id = ?",
                (time.time(), counts.get("processed", 0), counts.get("skipped", 0), counts.get("failed", 0), run_id),
            )

    def write(self, outcomes: Iterable[Outcome], run_id: int | None = None) -> None:
        """Store a batch of outcomes in one transaction: processed articles with their layers, and every log row."""
        with self._transaction():
            for outcome in outcomes:
                article_id = outcome.article.id if outcome.article is not None else None
                if outcome.article is not None:
                    self._write_article(outcome.article)
                verb = "INSERT OR IGNORE" if outcome.reason.startswith(ALREADY_STORED) else "INSERT OR REPLACE"
                self.db.execute(
                    f"{verb} INTO ingest_log (source, status, reason, article_id, run_id, logged_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (outcome.source, outcome.status, outcome.reason, article_id, run_id, time.time()),
                )

    def _write_article(self, article: Article) -> None:
        data = asdict(article)
        self.db.execute("DELETE FROM articles WHERE id = ?", (article.id,))
        row = [_to_sql(data[c]) for c in ARTICLE_COLUMNS]
        self.db.execute(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, anchor, stored_at) "
            f"VALUES ({', '.join('?' * (len(ARTICLE_COLUMNS) + 2))})",
            [*row, article.anchor, time.time()],
        )
        for layer, columns in LAYER_COLUMNS.items():
            rows = [(article.id, seq, *(_to_sql(item[c]) for c in columns)) for seq, item in enumerate(data[layer])]
            if rows:
                marks = ", ".join("?" * (len(columns) + 2))
                quoted = ", ".join(f'"{c}"' for c in columns)
                self.db.executemany(f"INSERT INTO {layer} (article_id, seq, {quoted}) VALUES ({marks})", rows)

    # -- reads --------------------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article(self, article_id: str) -> Article | None:
        """The stored article with every layer, or None; an id prefix of 6+ characters is accepted."""
        row = self.db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None and len(article_id) >= 6:
            rows = self.db.execute("SELECT * FROM articles WHERE id LIKE ? LIMIT 2", (article_id + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        if row is None:
            return None
        data: dict[str, Any] = {c: _from_sql("articles", c, row[c]) for c in ARTICLE_COLUMNS}
        for layer, columns in LAYER_COLUMNS.items():
            items = self.db.execute(f"SELECT * FROM {layer} WHERE article_id = ? ORDER BY seq", (row["id"],))
            data[layer] = [{c: _from_sql(layer, c, item[c]) for c in columns} for item in items]
        return Article.from_dict(data)

    def article_ids(self, limit: int | None = None) -> list[str]:
        sql = "SELECT id FROM articles ORDER BY stored_at, id" + (" LIMIT ?" if limit else "")
        return [r[0] for r in self.db.execute(sql, (limit,) if limit else ())]

    def articles(self, limit: int | None = None) -> Iterator[Article]:
        for article_id in self.article_ids(limit):
            article = self.article(article_id)
            if article is not None:
                yield article

    def ingest_log(self, status: str | None = None) -> list[dict[str, Any]]:
        where, params = (" WHERE status = ?", (status,)) if status else ("", ())
        sql = f"SELECT source, status, reason, article_id FROM ingest_log{where} ORDER BY source"
        return [dict(r) for r in self.db.execute(sql, params)]

    def counts(self) -> dict[str, int]:
        """Articles stored, items per layer, and ingest-log rows per status."""
        counts = {"articles": self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]}
        for layer in LAYER_COLUMNS:
            counts[layer] = self.db.execute(f"SELECT COUNT(*) FROM {layer}").fetchone()[0]
        for status, n in self.db.execute("SELECT status, COUNT(*) FROM ingest_log GROUP BY status"):
            counts[f"log_{status}"] = n
        return counts

    def select(
        self,
        layer: str,
        *,
        article: str | None = None,
        text: str | None = None,
        label: str | None = None,
        limit: int | None = 100,
    ) -> list[dict[str, Any]]:
        """Rows of one layer (or ``articles`` / ``ingest_log``) with simple filters, for ``dateline query``.

        ``text`` matches a substring of the item's text (name for actors, source for the log); ``label`` is the
        layer's category: entity label, time type, actor type, quote kind, CAMEO code prefix, log status.
        """
        if layer not in SELECTABLE:
            raise StoreError(f"unknown layer {layer!r}; choose one of {', '.join(SELECTABLE)}", code="E203")
        columns, text_col, label_col = SELECTABLE[layer]
        where, params = [], []
        if article and layer != "ingest_log":
            where.append(f"{'id' if layer == 'articles' else 'article_id'} LIKE ?")
            params.append(article + "%")
        if text:
            where.append(f'"{text_col}" LIKE ?')
            params.append(f"%{text}%")
        if label:
            like = label_col == "cameo"
            where.append(f'"{label_col}" LIKE ?' if like else f'"{label_col}" = ?')
            params.append(label + "%" if like else label)
        sql = f"SELECT {columns} FROM {layer}" + (" WHERE " + " AND ".join(where) if where else "")
        order = "" if layer in ("articles", "ingest_log") else " ORDER BY article_id, seq"
        sql += order + (" LIMIT ?" if limit else "")
        return self.query(sql, [*params, limit] if limit else params, table=layer)

    def query(self, sql: str, params: Iterable[Any] = (), *, table: str = "") -> list[dict[str, Any]]:
        """Run a SQL query and return rows as dicts, decoding ``table``'s JSON columns (``dateline query``)."""
        cursor = self.db.execute(sql, tuple(params))
        names = [d[0] for d in cursor.description or ()]
        return [{k: _from_sql(table, k, v) for k, v in zip(names, row, strict=True)} for row in cursor]


def _to_sql(value: Any) -> Any:
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool):
        return int(value)
    return value


def _from_sql(table: str, column: str, value: Any) -> Any:
    if isinstance(value, str) and column in JSON_COLUMNS.get(table, ()):
        return json.loads(value)
    return value
