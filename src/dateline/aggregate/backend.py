"""Where aggregate queries run: SQLite (a :class:`Store`) or DuckDB (over a store's tables or a Parquet dataset).

Aggregate functions take a *source*: a :class:`Store`, a DuckDB connection from :func:`connect`, or a path (a
``.db`` file or a Parquet dataset folder written by ``dateline export --format parquet``). They write one SQL
text against the flat tables of :mod:`.tables` in the dialect both engines share, and ask the source for the
relation behind each table name: a subquery on SQLite, a view on DuckDB.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

import duckdb
import pyarrow as pa

from dateline.aggregate import tables
from dateline.aggregate.schema import is_built, require
from dateline.errors import StoreError
from dateline.store import Store


class Source(Protocol):
    """A place to run aggregate SQL: names the flat tables' relations and returns rows as dicts."""

    def relation(self, name: str) -> str: ...

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...


class SQLiteSource:
    """Aggregates straight over the store: each flat table is a subquery (fast for the web's small requests)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        tables.register_functions(store.db)

    def relation(self, name: str) -> str:
        if name in ("pairs", "cluster_pairs"):
            base = self.relation("events" if name == "pairs" else "clusters")
            return f"({tables.SQLITE_PAIRS.format(events=base[1:-1])})"
        table = tables.TABLES[name]
        if table.aggregated:
            require(self.store)
        return f"({table.sql()})"

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return self.store.query(sql, params)


class DuckSource:
    """Aggregates in DuckDB: each flat table is a view of the connection (see :func:`connect`)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def relation(self, name: str) -> str:
        return name

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self.con.execute(sql, list(params))
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def as_source(source: Store | duckdb.DuckDBPyConnection | Source | str | Path) -> Source:
    """The :class:`Source` for a store, a DuckDB connection, a source, or a path to a database or dataset."""
    if isinstance(source, Store):
        return SQLiteSource(source)
    if isinstance(source, duckdb.DuckDBPyConnection):
        return DuckSource(source)
    if isinstance(source, str | Path):
        return DuckSource(connect(Path(source)))
    return source


def connect(location: Store | Path, *, only: set[str] | None = None) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with one view per flat table, over a Parquet dataset folder or a store.

    DuckDB here has no SQLite extension (nothing is downloaded at run time), so a store's flat tables are read
    through SQLite into Arrow and registered: ``only`` limits that to the tables a query names.
    """
    con = duckdb.connect()
    if isinstance(location, Path) and location.is_dir():
        _parquet_views(con, location)
    else:
        store = location if isinstance(location, Store) else _open(location)
        _store_views(con, store, only)
    names = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    for pairs, base in (("pairs", "events"), ("cluster_pairs", "clusters")):
        if base in names:
            con.execute(f"CREATE VIEW {pairs} AS {tables.DUCKDB_PAIRS.format(events=base)}")
    return con


def _open(path: Path) -> Store:
    if not path.exists():
        raise StoreError(f"no database or Parquet dataset at {path}", code="E211")
    return Store(path, readonly=True)


def _parquet_views(con: duckdb.DuckDBPyConnection, root: Path) -> None:
    found = False
    for name in tables.TABLES:
        folder = root / name
        if folder.is_dir() and any(folder.rglob("*.parquet")):
            pattern = str(folder / "**" / "*.parquet").replace("'", "''")
            con.execute(
                # No union_by_name: every part file has the table's declared schema, and reading each file's
                # schema to unify them costs more than the query over a million rows.
                f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{pattern}', hive_partitioning = true)"
            )
            found = True
    if not found:
        raise StoreError(f"{root} holds no dateline Parquet dataset (expected folders such as events/)", code="E212")


def _store_views(con: duckdb.DuckDBPyConnection, store: Store, only: set[str] | None) -> None:
    tables.register_functions(store.db)
    aggregated = is_built(store)
    for name, table in tables.TABLES.items():
        if (only is not None and name not in only) or (table.aggregated and not aggregated):
            continue
        con.register(name, arrow_table(store, name))


def arrow_table(store: Store, name: str, where: str = "", params: Sequence[Any] = ()) -> pa.Table:
    """One flat table of the store (optionally filtered) as an Arrow table with the table's declared types."""
    table = tables.TABLES[name]
    tables.register_functions(store.db)
    cursor = store.db.execute(f"SELECT * FROM ({table.sql()}) {where}", tuple(params))
    columns = list(zip(*cursor.fetchall(), strict=True)) or [()] * len(table.names)
    return pa.table({n: pa.array(list(c), type=t) for (n, _, t), c in zip(table.columns, columns, strict=True)})


def tables_named(sql: str) -> set[str]:
    """The flat tables a SQL text mentions (``pairs`` needs ``events``, ``cluster_pairs`` needs ``clusters``)."""
    words = set(re.findall(r"[A-Za-z_]+", sql.lower()))
    named = {name for name in tables.TABLES if name in words}
    if "pairs" in words:
        named.add("events")
    if "cluster_pairs" in words:
        named.add("clusters")
    return named


def run_sql(location: Store | Path, sql: str) -> list[dict[str, Any]]:
    """Run ``sql`` in DuckDB over a store or a Parquet dataset (``dateline query --sql``)."""
    only = tables_named(sql) if not (isinstance(location, Path) and location.is_dir()) else None
    try:
        return DuckSource(connect(location, only=only)).rows(sql)
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {exc}", code="E213") from exc
