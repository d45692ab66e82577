"""Duplicate detection and event clustering measured on a real corpus plus syndicated copies made at run time.

Usage: python bench/duplicates_eval.py [--corpus PATH] [--seed 7] [--events] [--workers 1] [--limit N]

The copies are generated here, each time, from ../shared/data/corpus/wikinews_2019_2020.jsonl (nothing is stored):
every article gets one syndicated copy and every third a second one, each re-headlined, published up to two days
later by another outlet, and changed in some of these ways: cut short (30-80 % of its sentences kept), lightly
edited (words swapped for synonyms, a sentence dropped now and then), given a wire dateline and a credit line.
Hard negatives are added too: "roundups" that reuse one paragraph of a story among paragraphs of three others.

Prints duplicate-detection precision and recall (a copy counts as found when it is linked to its own original).
With ``--events`` the originals and copies also go through the full pipeline and ``dateline aggregate``, and the
script prints raw events against canonical events (clusters). A benchmark to read, not a test.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dateline.aggregate.duplicates import detect
from dateline.aggregate.schema import ensure
from dateline.model import Article, Outcome
from dateline.store import Store

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "wikinews_2019_2020.jsonl"

SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "also": "additionally", "however": "but",
    "announced": "declared", "government": "administration", "people": "persons", "about": "around",
    "after": "following", "before": "prior to", "during": "amid", "percent": "per cent", "big": "large",
    "began": "started", "killed": "left dead", "reported": "disclosed", "officials": "authorities",
}  # fmt: skip
CITIES = ["LONDON", "NEW YORK", "PARIS", "SYDNEY", "NAIROBI", "SINGAPORE", "TORONTO", "JOHANNESBURG"]
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def truncate(text: str, rng: random.Random) -> str:
    parts = sentences(text)
    keep = max(1, round(len(parts) * rng.uniform(0.3, 0.8)))
    return " ".join(parts[:keep])


def edit(text: str, rng: random.Random) -> str:
    kept = [s for i, s in enumerate(sentences(text)) if i == 0 or rng.random() > 0.05]
    words = " ".join(kept).split(" ")
    swapped = [SYNONYMS.get(w, w) if w in SYNONYMS and rng.random() < 0.5 else w for w in words]
    return " ".join(swapped)


def wire(text: str, rng: random.Random, outlet: str) -> str:
    body = re.sub(r"^\w+day, \w+ \d{1,2}, \d{4}\s*", "", text)  # the Wikinews date line
    return f"{rng.choice(CITIES)} ({outlet}) - {body}\n\n(Reporting by staff; editing by the {outlet} desk)"


def reheadline(title: str, rng: random.Random, outlet: str) -> str:
    forms = [f"UPDATE 1-{title}", f"{title} | {outlet}", title.lower().capitalize(), f"{title} - report"]
    return rng.choice(forms)


def copy_of(record: dict, n: int, rng: random.Random) -> dict:
    outlet = f"Syndic{rng.randrange(1, 9)}"
    text = record["text"]
    if rng.random() < 0.5:
        text = truncate(text, rng)
    if rng.random() < 0.6:
        text = edit(text, rng)
    if rng.random() < 0.6:
        text = wire(text, rng, outlet)
    day = date.fromisoformat(record["date"]) + timedelta(days=rng.randrange(0, 3))
    return {
        "id": f"{record['id']}-copy{n}",
        "title": reheadline(record["title"], rng, outlet),
        "text": text,
        "date": day.isoformat(),
        "url": f"https://{outlet.lower()}.example/news/{record['id']}-{n}",
        "original": record["id"],
    }


def roundup(records: list[dict], n: int, rng: random.Random) -> dict:
    picked = rng.sample(records, 4)
    # Paragraphs of comparable length: a roundup that is mostly one story's paragraph would be a copy of it.
    paragraphs = [
        rng.choice([p for p in r["text"].split("\n\n") if 200 < len(p) < 800] or [r["text"][:400]]) for r in picked
    ]
    latest = max(date.fromisoformat(r["date"]) for r in picked)
    return {
        "id": f"roundup-{n}",
        "title": "News in brief",
        "text": "\n\n".join(paragraphs),
        "date": (latest + timedelta(days=rng.randrange(1, 4))).isoformat(),
        "url": f"https://briefs.example/{n}",
        "original": None,
    }


def generate(records: list[dict], seed: int) -> list[dict]:
    rng = random.Random(seed)
    made = []
    for i, record in enumerate(records):
        for n in range(2 if i % 3 == 0 else 1):
            made.append(copy_of(record, n, rng))
    made += [roundup(records, n, rng) for n in range(len(records) // 6)]
    return made


def to_article(record: dict) -> Article:
    return Article(
        id=record["id"], text=record["text"], title=record.get("title"), published=record.get("date"),
        url=record.get("url"), source=f"eval#{record['id']}",
    )  # fmt: skip


def score(made: list[dict], links: dict) -> dict[str, float]:
    gold = {r["id"]: r["original"] for r in made if r["original"]}
    predicted = {k: v.original_id for k, v in links.items()}
    right = sum(1 for k, v in predicted.items() if gold.get(k) == v)
    return {
        "gold duplicates": len(gold),
        "predicted": len(predicted),
        "correct": right,
        "precision": right / len(predicted) if predicted else 1.0,
        "recall": right / len(gold) if gold else 1.0,
    }


def dedup_only(records: list[dict], made: list[dict], folder: Path) -> dict[str, float]:
    store = Store(folder / "dedup.db")
    articles = [to_article(r) for r in [*records, *made]]
    store.write([Outcome(a.source, "processed", "", a) for a in articles])
    ensure(store)
    started = time.perf_counter()
    links = detect(store)
    result = score(made, links)
    result["seconds"] = round(time.perf_counter() - started, 2)
    store.close()
    return result


def with_events(records: list[dict], made: list[dict], folder: Path, workers: int) -> dict[str, int]:
    from dateline.aggregate.update import update
    from dateline.engine import run

    corpus = folder / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for r in [*records, *made]:
            out.write(json.dumps({k: r.get(k) for k in ("id", "title", "text", "date", "url")}) + "\n")
    store = Store(folder / "events.db")
    run([str(corpus)], store, workers=workers)
    summary = update(store)
    originals = {r["id"] for r in records}
    marks = ", ".join("?" * len(originals))
    raw_originals = store.db.execute(f"SELECT count(*) FROM events WHERE article_id IN ({marks})", list(originals))
    result = dict(summary.totals)
    result["events in originals"] = raw_originals.fetchone()[0]
    result["duplicate events mapped"] = store.db.execute(
        "SELECT count(*) FROM mentions WHERE duplicate_of IS NOT NULL"
    ).fetchone()[0]
    result["duplicate events dropped"] = summary.dropped
    result["canonical events, asserted"] = store.db.execute(
        "SELECT count(*) FROM clusters WHERE mode = 'asserted'"
    ).fetchone()[0]
    result["multi-article canonical events"] = store.db.execute(
        "SELECT count(*) FROM clusters c WHERE (SELECT count(DISTINCT m.article_id) FROM mentions m "
        "JOIN duplicates d ON d.article_id = m.article_id WHERE m.cluster_id = c.id) = 0 AND c.num_articles > 1"
    ).fetchone()[0]
    store.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--events", action="store_true", help="also run the pipeline and cluster events (slow)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="only the first N articles of the corpus")
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (../shared/data/corpus/ is needed for this benchmark)")
    lines = args.corpus.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()][: args.limit or None]
    made = generate(records, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps({"articles": len(records), "generated": len(made), **dedup_only(records, made, Path(tmp))}))
        if args.events:
            print(json.dumps(with_events(records, made, Path(tmp), args.workers)))


if __name__ == "__main__":
    main()
