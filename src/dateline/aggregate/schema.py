"""The corpus-level tables: duplicate links, event clusters and their mentions, and what has been aggregated.

They live in the store's SQLite file next to the per-article layers, and every row that belongs to an article
references it with ``ON DELETE CASCADE``: when ``dateline run --force`` rewrites an article, its signature, links
and mentions disappear with it, and the next :func:`dateline.aggregate.update` processes it as new.

These tables belong in the store's versioned schema (``store/sqlite.py``); until then :func:`ensure` creates them
with ``CREATE TABLE IF NOT EXISTS`` on the store's connection.
"""

from __future__ import annotations

from dateline.errors import StoreError
from dateline.store import Store

_REF = "REFERENCES articles(id) ON DELETE CASCADE"

TABLES: dict[str, str] = {
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

INDEXES = (
    "CREATE INDEX IF NOT EXISTS near_pairs_b ON near_pairs(b)",
    "CREATE INDEX IF NOT EXISTS duplicates_original ON duplicates(original_id)",
    "CREATE INDEX IF NOT EXISTS clusters_key ON clusters(key, lo, hi)",
    "CREATE INDEX IF NOT EXISTS mentions_cluster ON mentions(cluster_id)",
    "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id)",
)


def ensure(store: Store) -> None:
    """Create the corpus-level tables and indexes on ``store`` if they are missing (a no-op when present)."""
    with store.db:
        for ddl in (*TABLES.values(), *INDEXES):
            store.db.execute(ddl)


def has_tables(store: Store) -> bool:
    """True when the store has the corpus-level tables (built by ``dateline aggregate``)."""
    names = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return set(TABLES) <= names


def require(store: Store) -> None:
    """Fail with the command that builds the tables when ``store`` has none (a read-only store cannot build them)."""
    if not has_tables(store):
        raise StoreError(
            f"{store.path} has no duplicates or event clusters yet; build them with: dateline aggregate --db "
            f"{store.path}",
            code="E210",
        )
