"""Across articles: near-duplicates, event clusters (canonical events), timelines, networks and quotations.

``update(store)`` brings duplicates and clusters up to date (incrementally); the query functions take a
:class:`~dateline.store.Store`, a DuckDB connection from :func:`connect`, or a path to a database or a Parquet
dataset, and return rows as dicts.
"""

from dateline.aggregate.backend import connect, run_sql
from dateline.aggregate.duplicates import list_duplicates
from dateline.aggregate.network import actor_network, quotations
from dateline.aggregate.timelines import timeline, top_actors, top_event_types
from dateline.aggregate.update import UpdateSummary, update

__all__ = [
    "UpdateSummary",
    "actor_network",
    "connect",
    "list_duplicates",
    "quotations",
    "run_sql",
    "timeline",
    "top_actors",
    "top_event_types",
    "update",
]
