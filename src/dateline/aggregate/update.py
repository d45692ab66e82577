"""One incremental pass over the store: link new duplicates, then place new events in clusters.

Only articles not aggregated before, and articles whose duplicate link changed (a backfilled original took them
over), are read; every other cluster keeps its mentions and is recounted only if one of those articles touched it.
Each batch of articles is one transaction, together with its ``aggregated`` rows, so an update stopped at any
point leaves whole batches done and the next update finishes the rest.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from dateline.aggregate import clusters as cl
from dateline.aggregate.duplicates import Link, detect
from dateline.store import Store

BATCH = 200


@dataclass(slots=True)
class UpdateSummary:
    """What one update did, and the corpus-level totals after it."""

    articles: int = 0  # articles placed in this update (new or relinked)
    relinked: int = 0  # already aggregated articles whose duplicate link changed
    events: int = 0  # mentions placed
    created: int = 0  # clusters created
    dropped: int = 0  # events of duplicates that restate nothing of their original
    totals: dict[str, int] = field(default_factory=dict)


def update(store: Store) -> UpdateSummary:
    """Bring duplicates, clusters and mentions up to date with the articles in ``store`` (see the module docstring)."""
    from dateline.stages.tone import AVGTONE_SCALE  # imported here: it loads spaCy, which only this needs it for

    link_map = detect(store)
    previous = dict(store.db.execute("SELECT article_id, original_id FROM aggregated").fetchall())
    relinked = [a for a, orig in previous.items() if orig != (link_map[a].original_id if a in link_map else None)]
    fresh = [
        r[0] for r in store.db.execute("SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM aggregated)")
    ]
    summary = UpdateSummary(relinked=len(relinked))
    with store.db:
        touched = _forget(store, relinked) | _stale(store)
    todo = _ordered(store, [*fresh, *relinked], link_map)
    for start in range(0, len(todo), BATCH):
        with store.db:
            for article_id in todo[start : start + BATCH]:
                touched |= _place(store, article_id, link_map.get(article_id), summary)
            cl.refresh(store, touched, AVGTONE_SCALE)
            touched = set()
    if touched:  # relinked articles that left clusters behind, with nothing new to place
        with store.db:
            cl.refresh(store, touched, AVGTONE_SCALE)
    summary.totals = totals(store)
    return summary


def _forget(store: Store, article_ids: list[str]) -> set[int]:
    """Remove the mentions of articles to place again; return the clusters they were in."""
    touched: set[int] = set()
    for article_id in article_ids:
        rows = store.db.execute("SELECT DISTINCT cluster_id FROM mentions WHERE article_id = ?", (article_id,))
        touched.update(r[0] for r in rows)
        store.db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        store.db.execute("DELETE FROM aggregated WHERE article_id = ?", (article_id,))
    return touched


def _stale(store: Store) -> set[int]:
    """Clusters whose mentions were deleted with their article (a ``--force`` rewrite) since they were counted."""
    counted, present = store.db.execute(
        "SELECT (SELECT coalesce(sum(num_mentions), 0) FROM clusters), (SELECT count(*) FROM mentions)"
    ).fetchone()
    if counted == present:
        return set()
    rows = store.db.execute(
        "SELECT id FROM clusters c WHERE num_mentions != (SELECT count(*) FROM mentions m WHERE m.cluster_id = c.id)"
    )
    return {r[0] for r in rows}


def _ordered(store: Store, article_ids: list[str], link_map: dict[str, Link]) -> list[str]:
    """Originals before duplicates (a duplicate maps onto its original's clusters), each by date and storage."""
    wanted = set(article_ids)
    keys = {
        row[0]: (row[0] in link_map, row[1] or "9999", row[2])
        for row in store.db.execute("SELECT id, anchor, stored_at FROM articles")
        if row[0] in wanted
    }
    return sorted(keys, key=keys.__getitem__)


def _place(store: Store, article_id: str, link: Link | None, summary: UpdateSummary) -> set[int]:
    """Put each event of the article in a cluster; return the clusters touched."""
    now = time.time()
    originals = _original_mentions(store, link.original_id) if link else []
    touched: set[int] = set()
    for mention in cl.article_mentions(store, article_id):
        mention.duplicate_of = link.original_id if link else None
        cluster_id = cl.match_original(mention, originals) if link else None
        cluster_id = cluster_id if cluster_id is not None else cl.find_cluster(store, mention)
        if cluster_id is None and link is not None:
            summary.dropped += 1
            continue
        if cluster_id is None:
            cluster_id = cl.new_cluster(store, mention, now)
            summary.created += 1
        else:
            cl.narrow(store, cluster_id, mention)
        cl.write_mention(store, mention, cluster_id, now)
        touched.add(cluster_id)
        summary.events += 1
    store.db.execute(
        "INSERT OR REPLACE INTO aggregated VALUES (?, ?, ?)", (article_id, link.original_id if link else None, now)
    )
    summary.articles += 1
    return touched


def _original_mentions(store: Store, original_id: str) -> list[tuple[cl.Mention, int]]:
    placed = dict(store.db.execute("SELECT event_id, cluster_id FROM mentions WHERE article_id = ?", (original_id,)))
    return [(m, placed[m.event_id]) for m in cl.article_mentions(store, original_id) if m.event_id in placed]


def totals(store: Store) -> dict[str, int]:
    """Corpus-level counts: articles, duplicates, raw events, mentions placed and canonical events."""
    one = store.db.execute
    return {
        "articles": one("SELECT count(*) FROM articles").fetchone()[0],
        "duplicates": one("SELECT count(*) FROM duplicates").fetchone()[0],
        "events": one("SELECT count(*) FROM events").fetchone()[0],
        "mentions": one("SELECT count(*) FROM mentions").fetchone()[0],
        "clusters": one("SELECT count(*) FROM clusters").fetchone()[0],
    }
