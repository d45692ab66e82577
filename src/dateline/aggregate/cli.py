"""Commands over the corpus layer: ``dateline aggregate``, ``dateline export`` and the rows behind the corpus
queries of ``dateline query`` (duplicates, timeline, network, top-actors, top-events, quotations, ``--sql``).

``cli.py`` registers :func:`aggregate_command` and :func:`export_command`; its ``query`` command calls
:func:`corpus_rows` for the names in :data:`QUERY_NAMES` and :func:`dateline.aggregate.run_sql` for ``--sql``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from dateline.aggregate.duplicates import list_duplicates
from dateline.aggregate.network import actor_network, quotations
from dateline.aggregate.timelines import timeline, top_actors, top_event_types
from dateline.aggregate.update import update
from dateline.errors import ConfigError, DatelineError
from dateline.store import Store


class ExportFormat(StrEnum):
    parquet = "parquet"
    gdelt = "gdelt"


def aggregate_command(
    db: Annotated[Path, typer.Option("--db", help="SQLite database file.")] = Path("dateline.db"),
) -> None:
    """Link near-duplicate articles and cluster events into canonical events (incremental: only new articles)."""
    if not db.exists():
        _fail(f"no database at {db}; create one with: dateline run PATH --db {db}")
    with Store(db) as store:
        summary = update(store)
    totals = summary.totals
    Console(stderr=True).print(
        f"{summary.articles} articles placed ({summary.relinked} relinked): {summary.events} events, "
        f"{summary.created} new canonical events. Store: {totals['articles']} articles, {totals['duplicates']} "
        f"duplicates, {totals['events']} events -> {totals['clusters']} canonical events."
    )


def export_command(
    db: Annotated[Path, typer.Option("--db", help="SQLite database file.")] = Path("dateline.db"),
    format: Annotated[ExportFormat, typer.Option("--format", help="parquet dataset or GDELT 2.0 tables.")] = (
        ExportFormat.parquet
    ),
    out: Annotated[Path, typer.Option("--out", help="Folder to write into (created if missing).")] = Path("export"),
) -> None:
    """Write the store as a Hive-partitioned Parquet dataset, or as GDELT 2.0 Events, Mentions and GKG files.

    Both bring duplicates and event clusters up to date first (as ``dateline aggregate`` does).
    """
    from dateline.export.gdelt import export_gdelt
    from dateline.export.parquet import export_parquet

    if not db.exists():
        _fail(f"no database at {db}; create one with: dateline run PATH --db {db}")
    err = Console(stderr=True)
    try:
        with Store(db) as store:
            update(store)
            if format is ExportFormat.parquet:
                written = export_parquet(store, out)
                err.print(", ".join(f"{name}: {n} rows" for name, n in written.items()) + f" -> {out}")
            else:
                for table, path in export_gdelt(store, out).items():
                    err.print(f"{table} -> {path}")
    except DatelineError as exc:
        _fail(str(exc))


def _fail(message: str) -> None:
    Console(stderr=True).print(f"[red]error:[/] {message}", highlight=False)
    raise typer.Exit(2)


# -- corpus queries ---------------------------------------------------------------------------------------------

QUERY_NAMES = ("duplicates", "timeline", "network", "top-actors", "top-events", "quotations")


def corpus_rows(
    name: str,
    store: Store,
    *,
    a: str | None = None,
    b: str | None = None,
    by: str = "month",
    directed: bool = False,
    modes: Sequence[str] | None = None,
    canonical: bool = False,
    level: str = "code",
    period: str | None = None,
    text: str | None = None,
    limit: int | None = 100,
) -> list[dict[str, Any]]:
    """The rows of one corpus query (``dateline query NAME``); options a query does not use are ignored.

    ``a``/``b``: actor code prefixes (timeline dyad; network: ``a`` keeps edges touching it; quotations: speaker
    and person quoted about). ``modes``: None counts asserted events only. ``text``: duplicates of one original.
    """
    queries: dict[str, Callable[[], list[dict[str, Any]]]] = {
        "duplicates": lambda: list_duplicates(store, original=text, limit=limit),
        "timeline": lambda: timeline(store, a, b, by=by, directed=directed, modes=modes, canonical=canonical),
        "network": lambda: actor_network(
            store, level=level, period=period, actor=a, modes=modes, canonical=canonical, limit=limit or 1_000_000
        ),
        "top-actors": lambda: top_actors(store, by=by, limit=limit or 10, modes=modes, canonical=canonical),
        "top-events": lambda: top_event_types(store, by=by, limit=limit or 10, modes=modes, canonical=canonical),
        "quotations": lambda: quotations(store, speaker=a, about=b, limit=limit or 1_000_000),
    }
    if name not in queries:
        raise ConfigError(f"unknown corpus query {name!r}; choose one of {', '.join(QUERY_NAMES)}", code="E219")
    return queries[name]()
