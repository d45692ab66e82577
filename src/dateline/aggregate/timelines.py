"""Dyad timelines and what happened most per period: counts and Goldstein totals of events, by period.

Conventions shared by every function here:

- only **asserted** events count unless ``modes`` says otherwise (the others did not happen, or not yet);
- an actor is a CAMEO code prefix: ``RUS`` takes in ``RUSGOV`` and ``RUSMIL``, and a coordinated argument
  "RUSGOV/CHNGOV" matches both ``RUS`` and ``CHN``;
- an event counts in a period only when its date fixes that period (:func:`dateline.aggregate.dates.period`);
- ``canonical=True`` counts canonical events (clusters, one per happening) instead of raw events (one per
  article that reports it); it needs ``dateline aggregate`` to have run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb

from dateline.aggregate.backend import Source, as_source
from dateline.aggregate.dates import UNITS, Unit
from dateline.errors import ConfigError
from dateline.store import Store

SourceLike = Store | duckdb.DuckDBPyConnection | Source | str | Path

MODES = ("asserted", "negated", "hypothetical", "planned", "background")

_CODE = re.compile(r"^[A-Z0-9]{1,15}$")


def check_code(code: str) -> str:
    """An actor code prefix, upper-cased; anything but letters and digits is refused (it becomes a LIKE pattern)."""
    value = code.strip().upper()
    if not _CODE.match(value):
        raise ConfigError(f"actor code {code!r} is not a CAMEO code prefix such as RUS or USAGOV", code="E214")
    return value


def check_unit(by: str) -> Unit:
    if by not in UNITS:
        raise ConfigError(f"unknown period {by!r}; choose one of {', '.join(UNITS)}", code="E215")
    return by


def mode_filter(modes: Sequence[str] | None) -> tuple[str, list[Any]]:
    """SQL condition and parameters for the modes counted (``None``: asserted only; empty: every mode)."""
    chosen = ["asserted"] if modes is None else list(modes)
    unknown = [m for m in chosen if m not in MODES]
    if unknown:
        raise ConfigError(f"unknown mode {unknown[0]!r}; choose from {', '.join(MODES)}", code="E216")
    if not chosen:
        return "1 = 1", []
    return f"mode IN ({', '.join('?' * len(chosen))})", chosen


def side_matches(column: str) -> str:
    """SQL: one of the "/"-joined codes in ``column`` starts with the parameter (a checked code prefix)."""
    return f"('/' || coalesce({column}, '')) LIKE ?"


def dyad_filter(a: str | None, b: str | None, *, directed: bool) -> tuple[str, list[Any]]:
    """Events between A and B (A as source when ``directed``), or involving A (or B) on either side."""
    src, tgt = side_matches("source_code"), side_matches("target_code")
    pa, pb = (f"%/{check_code(x)}%" if x else None for x in (a, b))
    if pa and pb:
        forward = f"({src} AND {tgt})"
        if directed:
            return forward, [pa, pb]
        return f"({forward} OR ({src} AND {tgt}))", [pa, pb, pb, pa]
    one = pa or pb
    if one is None:
        return "1 = 1", []
    if directed and pa:
        return src, [pa]
    if directed:
        return tgt, [pb]
    return f"({src} OR {tgt})", [one, one]


def timeline(
    source: SourceLike,
    a: str | None = None,
    b: str | None = None,
    *,
    by: str = "month",
    directed: bool = False,
    modes: Sequence[str] | None = None,
    canonical: bool = False,
) -> list[dict[str, Any]]:
    """Events between actors A and B per period: count, Goldstein sum and mean, and counts per QuadClass.

    Without B, the events involving A; without either, all events. ``directed`` keeps only A-to-B events.
    """
    src = as_source(source)
    unit = check_unit(by)
    dyad, dyad_params = dyad_filter(a, b, directed=directed)
    mode, mode_params = mode_filter(modes)
    relation = src.relation("clusters" if canonical else "events")
    sql = (
        f"SELECT period_{unit} AS period, count(*) AS events, round(coalesce(sum(goldstein), 0), 2) AS goldstein_sum, "
        "round(avg(goldstein), 2) AS goldstein_mean, "
        + ", ".join(f"sum(CASE WHEN quad_class = {q} THEN 1 ELSE 0 END) AS q{q}" for q in (1, 2, 3, 4))
        + f" FROM {relation} t WHERE period_{unit} IS NOT NULL AND {mode} AND {dyad} GROUP BY period_{unit} "
        "ORDER BY period"
    )
    return [_ints(row) for row in src.rows(sql, [*mode_params, *dyad_params])]


def _ints(row: dict[str, Any]) -> dict[str, Any]:
    """DuckDB sums integers to HUGEINT/float where SQLite gives int: make the two sources return the same values."""
    return {
        k: int(v) if k in ("events", "q1", "q2", "q3", "q4", "rank") and v is not None else v for k, v in row.items()
    }


def top_actors(
    source: SourceLike,
    *,
    by: str = "month",
    limit: int = 10,
    modes: Sequence[str] | None = None,
    canonical: bool = False,
) -> list[dict[str, Any]]:
    """Per period, the actor codes in most events (as source or target), with their rank and event count."""
    src = as_source(source)
    unit = check_unit(by)
    mode, params = mode_filter(modes)
    pairs = src.relation("cluster_pairs" if canonical else "pairs")
    ident = "cluster_id" if canonical else "event_id"
    sql = (
        f"WITH sides AS (SELECT period_{unit} AS period, {ident} AS item, source_one AS actor FROM {pairs} p "
        f"WHERE {mode} UNION SELECT period_{unit}, {ident}, target_one FROM {pairs} p WHERE {mode}), "
        "counts AS (SELECT period, actor, count(DISTINCT item) AS events FROM sides "
        "WHERE actor IS NOT NULL AND period IS NOT NULL GROUP BY period, actor), "
        "ranked AS (SELECT period, actor, events, row_number() OVER (PARTITION BY period ORDER BY events DESC, "
        "actor) AS rank FROM counts) SELECT period, rank, actor, events FROM ranked WHERE rank <= ? "
        "ORDER BY period, rank"
    )
    return [_ints(row) for row in src.rows(sql, [*params, *params, limit])]


def top_event_types(
    source: SourceLike,
    *,
    by: str = "month",
    limit: int = 10,
    modes: Sequence[str] | None = None,
    canonical: bool = False,
) -> list[dict[str, Any]]:
    """Per period, the CAMEO root codes with most events, with rank, count and mean Goldstein value."""
    src = as_source(source)
    unit = check_unit(by)
    mode, params = mode_filter(modes)
    relation = src.relation("clusters" if canonical else "events")
    sql = (
        f"WITH counts AS (SELECT period_{unit} AS period, root, count(*) AS events, "
        f"round(avg(goldstein), 2) AS goldstein_mean FROM {relation} t WHERE {mode} AND root IS NOT NULL "
        f"AND period_{unit} IS NOT NULL GROUP BY period_{unit}, root), ranked AS (SELECT *, row_number() OVER "
        "(PARTITION BY period ORDER BY events DESC, root) AS rank FROM counts) "
        "SELECT period, rank, root, events, goldstein_mean FROM ranked WHERE rank <= ? ORDER BY period, rank"
    )
    return [_ints(row) for row in src.rows(sql, [*params, limit])]
