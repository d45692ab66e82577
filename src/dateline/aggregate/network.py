"""The actor network (who acts on whom, weighted) and who quoted whom about what.

Coordinated arguments are expanded: "RUSGOV/CHNGOV accuse USAGOV" gives the edges RUSGOV→USAGOV and
CHNGOV→USAGOV, each with the event's full weight. Modes and periods follow :mod:`.timelines`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from dateline.aggregate.backend import as_source
from dateline.aggregate.dates import UNITS
from dateline.aggregate.timelines import SourceLike, check_code, mode_filter
from dateline.errors import ConfigError


def period_filter(period: str | None) -> tuple[str, list[Any]]:
    """Condition for one period given by its label: "2024", "2024-05", "2024-W20" or "2024-05-16"."""
    if not period:
        return "1 = 1", []
    unit = {4: "year", 7: "month", 8: "week", 10: "day"}.get(len(period))
    if unit is None or unit not in UNITS or (unit == "week") != ("-W" in period):
        raise ConfigError(f"period {period!r} is not YYYY, YYYY-MM, YYYY-Www or YYYY-MM-DD", code="E217")
    return f"period_{unit} = ?", [period]


def actor_network(
    source: SourceLike,
    *,
    level: str = "code",
    period: str | None = None,
    actor: str | None = None,
    modes: Sequence[str] | None = None,
    canonical: bool = False,
    limit: int = 200,
) -> list[dict[str, Any]]:
    """Directed edges between actor codes (``level="country"``: their first three letters), heaviest first:
    event count, Goldstein sum and mean, cooperation (QuadClass 1-2) and conflict (3-4) counts.

    ``actor`` keeps the edges touching that code prefix; ``period`` one period's events.
    """
    src = as_source(source)
    if level not in ("code", "country"):
        raise ConfigError(f"unknown network level {level!r}; choose code or country", code="E218")
    node = (lambda col: f"substr({col}, 1, 3)") if level == "country" else (lambda col: col)
    mode, mode_params = mode_filter(modes)
    when, when_params = period_filter(period)
    who, who_params = (
        ("(source_one LIKE ? OR target_one LIKE ?)", [f"{check_code(actor)}%"] * 2) if actor else ("1 = 1", [])
    )
    ident = "cluster_id" if canonical else "event_id"
    sql = (
        f"SELECT {node('source_one')} AS source, {node('target_one')} AS target, count(DISTINCT {ident}) AS events, "
        "round(coalesce(sum(goldstein), 0), 2) AS goldstein_sum, round(avg(goldstein), 2) AS goldstein_mean, "
        "sum(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END) AS cooperation, "
        "sum(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END) AS conflict "
        f"FROM {src.relation('cluster_pairs' if canonical else 'pairs')} p WHERE source_one IS NOT NULL "
        f"AND target_one IS NOT NULL AND {node('source_one')} != {node('target_one')} AND {mode} AND {when} AND {who} "
        "GROUP BY 1, 2 ORDER BY events DESC, source, target LIMIT ?"
    )
    rows = src.rows(sql, [*mode_params, *when_params, *who_params, limit])
    return [{**r, **{k: int(r[k]) for k in ("events", "cooperation", "conflict")}} for r in rows]


def quotations(
    source: SourceLike, *, speaker: str | None = None, about: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Who quoted whom about what: per speaker and actor named in their quotes, the number of quotes, the CAMEO
    codes of the events stated in them and one example quote. ``speaker`` and ``about`` match names or codes."""
    src = as_source(source)
    where, params = ["speaker_name IS NOT NULL"], []
    for column, value in (("speaker", speaker), ("about", about)):
        if value:
            where.append(f"({column}_name LIKE ? OR {column}_code LIKE ?)")
            params += [f"%{value}%", f"{value.upper()}%"]
    sql = (
        "SELECT speaker_name AS speaker, speaker_code, about_name AS about, about_code, "
        "count(DISTINCT article_id || ':' || quote_seq) AS quotes, "
        "group_concat(DISTINCT event_codes) AS event_codes, min(text) AS example "
        f"FROM {src.relation('quote_about')} q WHERE {' AND '.join(where)} "
        "GROUP BY speaker_name, speaker_code, about_name, about_code ORDER BY quotes DESC, speaker, about LIMIT ?"
    )
    rows = src.rows(sql, [*params, limit])
    return [{**r, "quotes": int(r["quotes"]), "event_codes": _codes(r["event_codes"])} for r in rows]


def _codes(joined: str | None) -> list[str]:
    """The distinct CAMEO codes of a group, sorted (the engines join and order them differently)."""
    return sorted({code for code in (joined or "").replace(",", " ").split() if code})
