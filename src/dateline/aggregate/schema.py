"""Whether a store's corpus tables (duplicate links, event clusters and their mentions) have been built.

The tables themselves are part of the store's versioned schema (``dateline.store.sqlite.CORPUS_TABLES``); they
are empty until :func:`dateline.aggregate.update` (``dateline aggregate``) fills them.
"""

from __future__ import annotations

from dateline.errors import StoreError
from dateline.store import Store
from dateline.store.sqlite import CORPUS_TABLES

TABLES = tuple(CORPUS_TABLES)


def has_tables(store: Store) -> bool:
    """True when the store has the corpus tables: a database of schema version 1 opened read-only has not."""
    names = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return set(TABLES) <= names


def is_built(store: Store) -> bool:
    """True when ``dateline aggregate`` has run over the stored articles (or there are none to aggregate)."""
    if not has_tables(store):
        return False
    query = "SELECT EXISTS (SELECT 1 FROM aggregated) OR NOT EXISTS (SELECT 1 FROM articles)"
    return bool(store.db.execute(query).fetchone()[0])


def require(store: Store) -> None:
    """Fail with the command that builds the tables when ``dateline aggregate`` has not run on ``store``."""
    if not is_built(store):
        raise StoreError(
            f"{store.path} has no duplicates or event clusters yet; build them with: dateline aggregate --db "
            f"{store.path}",
            code="E210",
        )
