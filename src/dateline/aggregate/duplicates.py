"""Near-duplicate articles: syndicated, lightly edited, truncated or re-headlined copies, linked to their original.

How (each step is incremental: only articles without a signature are shingled and looked up):

1. **Shingles.** An article's text (the title is left out: re-headlined copies keep the body) becomes the set of its
   word 3-grams, case-folded. Three words keep a light edit ("said" → "told reporters") from breaking more than
   three shingles, and are still rare enough that unrelated stories share few of them.
2. **Candidates.** Two MinHash LSH indexes (datasketch) find candidates: one over all shingles (Jaccard ≥ 0.3)
   for edited copies, one over the opening 60 shingles (Jaccard ≥ 0.5) for copies cut short, whose Jaccard with
   the full story can be low although every word they have is the original's.
3. **Verification.** Each candidate pair is checked exactly: the *containment* of one article in the other, the
   share of its shingles found in the other. A later article is a duplicate of an earlier one when at least
   :data:`THRESHOLD` (0.7) of its shingles are in it: a copy keeps most of its words even when trimmed or edited,
   while a follow-up story that reuses background paragraphs has new text of its own (``tests/test_aggregate_
   duplicates.py`` pins both sides of the threshold).
4. **Links.** Of a verified pair, the later-dated article (its anchor) is the copy; on the same day, the one
   mostly contained in the other (a trimmed copy), else the one stored later. A duplicate links to the original
   that contains most of it, and through it to the root original, so chains of copies point at one article.
   Links are recomputed from all verified pairs on every update, so a backfilled original takes over copies
   stored before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from dateline.aggregate.schema import require
from dateline.store import Store

#: Share of a duplicate's shingles that must be found in its original.
THRESHOLD = 0.7
#: Words per shingle.
SHINGLE_WORDS = 3
#: Shingles of the opening that the lede signature covers.
LEDE_SHINGLES = 60
#: MinHash permutations: 128 gives a Jaccard estimate within about ±0.05, enough to propose candidates.
NUM_PERM = 128
#: datasketch's hashing scheme; stored signatures are only comparable with signatures of the same scheme.
SCHEME = "affine32"
FULL_LSH_THRESHOLD = 0.3
#: Difference of the two containments above which a same-day pair is read as a trimmed copy and its source.
ASYMMETRY = 0.15
LEDE_LSH_THRESHOLD = 0.5

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Link:
    """A duplicate article, its root original and the containment of the duplicate in its closest original."""

    article_id: str
    original_id: str
    similarity: float
    jaccard: float


def shingles(text: str) -> list[str]:
    """The article's word 3-grams, in text order (a text shorter than three words is one shingle)."""
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return [" ".join(words)] if words else []
    return [" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)]


def containment(part: set[str], whole: set[str]) -> float:
    """The share of ``part`` found in ``whole`` (0 for an empty part)."""
    return len(part & whole) / len(part) if part else 0.0


def _minhash(items: Iterable[str]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([item.encode("utf-8", "surrogatepass") for item in items])
    return minhash


def _restore(blob: bytes) -> MinHash:
    return MinHash(num_perm=NUM_PERM, hashvalues=np.frombuffer(blob, dtype=np.uint64), scheme=SCHEME)


def _blob(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype(np.uint64).tobytes()


def sign(store: Store, batch_size: int = 500) -> list[str]:
    """Shingle and sign every article that has no signature yet; return their ids."""
    new_ids = [
        r[0] for r in store.db.execute("SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM minhashes)")
    ]
    for start in range(0, len(new_ids), batch_size):
        chunk = new_ids[start : start + batch_size]
        rows = []
        for article_id, text in _texts(store, chunk):
            items = shingles(text)
            full, lede = _minhash(set(items)), _minhash(set(items[:LEDE_SHINGLES]))
            rows.append((article_id, len(set(items)), _blob(full), _blob(lede)))
        with store.db:
            store.db.executemany("INSERT OR REPLACE INTO minhashes VALUES (?, ?, ?, ?)", rows)
    return new_ids


def _texts(store: Store, ids: list[str]) -> Iterator[tuple[str, str]]:
    marks = ", ".join("?" * len(ids))
    yield from store.db.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", ids)


def _indexes(store: Store) -> tuple[MinHashLSH, MinHashLSH]:
    """LSH indexes over every stored signature (rebuilt per update: band keys are cheap to recompute)."""
    full = MinHashLSH(threshold=FULL_LSH_THRESHOLD, num_perm=NUM_PERM)
    lede = MinHashLSH(threshold=LEDE_LSH_THRESHOLD, num_perm=NUM_PERM)
    with full.insertion_session() as full_session, lede.insertion_session() as lede_session:
        for article_id, full_blob, lede_blob in store.db.execute("SELECT article_id, full, lede FROM minhashes"):
            full_session.insert(article_id, _restore(full_blob), check_duplication=False)
            lede_session.insert(article_id, _restore(lede_blob), check_duplication=False)
    return full, lede


class _ShingleCache:
    """Shingle sets of articles looked at in one update, read from the store on first use."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.sets: dict[str, set[str]] = {}

    def __getitem__(self, article_id: str) -> set[str]:
        if article_id not in self.sets:
            row = self.store.db.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
            self.sets[article_id] = set(shingles(row[0])) if row else set()
        return self.sets[article_id]


def verify(store: Store, new_ids: list[str]) -> int:
    """Find candidates of each new article, check them exactly, store the pairs that pass; return how many."""
    if not new_ids:
        return 0
    full, lede = _indexes(store)
    cache = _ShingleCache(store)
    pairs: dict[tuple[str, str], tuple[float, float, float]] = {}
    for article_id in new_ids:
        row = store.db.execute("SELECT full, lede FROM minhashes WHERE article_id = ?", (article_id,)).fetchone()
        candidates = set(full.query(_restore(row[0]))) | set(lede.query(_restore(row[1])))
        for other in candidates - {article_id}:
            a, b = sorted((article_id, other))
            if (a, b) not in pairs and (scores := _scores(cache[a], cache[b])) is not None:
                pairs[(a, b)] = scores
    with store.db:
        store.db.executemany(
            "INSERT OR REPLACE INTO near_pairs VALUES (?, ?, ?, ?, ?)", [(*k, *v) for k, v in pairs.items()]
        )
    return len(pairs)


def _scores(a: set[str], b: set[str]) -> tuple[float, float, float] | None:
    """(a in b, b in a, Jaccard) when either containment reaches the threshold, else None."""
    a_in_b, b_in_a = containment(a, b), containment(b, a)
    if max(a_in_b, b_in_a) < THRESHOLD:
        return None
    union = len(a | b)
    return a_in_b, b_in_a, (len(a & b) / union if union else 0.0)


def links(store: Store) -> dict[str, Link]:
    """Every duplicate's link to its root original, computed from all verified pairs (see the module docstring)."""
    rows = store.db.execute(
        "SELECT p.a, p.b, p.a_in_b, p.b_in_a, p.jaccard FROM near_pairs p "
        "JOIN articles x ON x.id = p.a JOIN articles y ON y.id = p.b"
    ).fetchall()
    order = _order(store, {r[0] for r in rows} | {r[1] for r in rows})
    best: dict[str, tuple[float, str, float]] = {}  # copy -> (its containment in the original, original, jaccard)
    for a, b, a_in_b, b_in_a, jaccard in rows:
        copy, original, score = _direction(a, b, a_in_b, b_in_a, order)
        if score >= THRESHOLD and (copy not in best or _better(score, original, best[copy], order)):
            best[copy] = (score, original, jaccard)
    _break_cycles(best, order)
    return {copy: Link(copy, _root(copy, best), round(s, 4), round(j, 4)) for copy, (s, _, j) in best.items()}


def _direction(
    a: str, b: str, a_in_b: float, b_in_a: float, order: dict[str, tuple[Any, ...]]
) -> tuple[str, str, float]:
    """(copy, original, containment of the copy in the original) of a verified pair.

    The later-dated article is the copy. On the same day, a clearly one-sided containment (one text is mostly
    inside the other, not the reverse) marks the trimmed copy; otherwise the article stored later is the copy.
    """
    if order[a][0] != order[b][0]:
        later_is_b = order[a][0] < order[b][0]
    elif abs(a_in_b - b_in_a) >= ASYMMETRY:
        later_is_b = b_in_a > a_in_b
    else:
        later_is_b = order[a] < order[b]
    return (b, a, b_in_a) if later_is_b else (a, b, a_in_b)


def _better(score: float, original: str, current: tuple[float, str, float], order: dict[str, tuple[Any, ...]]) -> bool:
    """A higher containment wins; among equal ones, the earlier original."""
    return score > current[0] or (score == current[0] and order[original] < order[current[1]])


def _break_cycles(best: dict[str, tuple[float, str, float]], order: dict[str, tuple[Any, ...]]) -> None:
    """Same-day copies can in principle point at each other in a ring: the earliest of a ring is its original."""
    for start in sorted(best, key=order.__getitem__):
        seen, current = [start], start
        while current in best:
            current = best[current][1]
            if current in seen:
                del best[min(seen[seen.index(current) :], key=order.__getitem__)]
                break
            seen.append(current)


def _root(article_id: str, best: dict[str, tuple[float, str, float]]) -> str:
    current = best[article_id][1]
    while current in best:
        current = best[current][1]
    return current


def _order(store: Store, ids: set[str]) -> dict[str, tuple[Any, ...]]:
    """A sort key per article: date (undated last), then storage order and id."""
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = store.db.execute(
        f"SELECT id, coalesce(anchor, '9999'), stored_at FROM articles WHERE id IN ({marks})", list(ids)
    )
    return {r[0]: (r[1], r[2], r[0]) for r in rows}


def relink(store: Store) -> dict[str, Link]:
    """Recompute the duplicate links and rewrite the ``duplicates`` table; return the links."""
    result = links(store)
    with store.db:
        store.db.execute("DELETE FROM duplicates")
        store.db.executemany(
            "INSERT INTO duplicates VALUES (?, ?, ?, ?)",
            [(x.article_id, x.original_id, x.similarity, x.jaccard) for x in result.values()],
        )
    return result


def detect(store: Store) -> dict[str, Link]:
    """Sign new articles, verify their candidates and relink: the incremental duplicate pass of an update."""
    verify(store, sign(store))
    return relink(store)


def list_duplicates(store: Store, *, original: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Each duplicate article with its original and similarity (``dateline query duplicates``).

    ``similarity`` is the share of the duplicate's shingles found in its closest original, ``jaccard`` the
    shingle-set Jaccard of the same pair. ``original`` narrows the list to the copies of one article (id prefix).
    """
    require(store)
    where, params = ("WHERE d.original_id LIKE ?", [original + "%"]) if original else ("", [])
    sql = (
        "SELECT d.article_id, d.original_id, d.similarity, d.jaccard, a.title, o.title AS original_title "
        "FROM duplicates d JOIN articles a ON a.id = d.article_id JOIN articles o ON o.id = d.original_id "
        f"{where} ORDER BY d.original_id, d.article_id" + (" LIMIT ?" if limit else "")
    )
    return store.query(sql, [*params, limit] if limit else params)
