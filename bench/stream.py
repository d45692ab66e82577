"""Streaming benchmark: memory over a long run of 100,000 articles, to show that it stays flat.

Usage: python bench/stream.py [--n 100000] [--workers 2] [--engine local|dask] [--corpus PATH]

Repeats ../shared/data/corpus/reuters21578.jsonl until N articles are written to a temporary JSON Lines file
(each repeat gives every record a new id, ``<id>~r<k>``, so each line is a new article to the store; the texts
repeat), then runs the default pipeline on it into a fresh database with ``dateline.engine.run`` (or
``run_dask``), in this process as the driver. At every tenth of the input it prints the resident memory (RSS)
of the driver and of each worker process as it is at that moment, the articles/s so far, the load average and
the database's size; then the peaks. Memory is flat when the 50% and 100% rows match the 10% row within a few
percent. A benchmark to read, not a timed test.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import psutil

from rss import children_rss  # bench/rss.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "reuters21578.jsonl"


def write_repeated(corpus: Path, n: int, out: Path) -> int:
    """Write ``n`` records to ``out``, cycling through ``corpus`` and giving each cycle's records new ids."""
    written = 0
    with out.open("w", encoding="utf-8") as sink:
        for cycle in itertools.count():
            with corpus.open(encoding="utf-8") as lines:
                for line in lines:
                    if written == n:
                        return written
                    record = json.loads(line)
                    record["id"] = f"{record.get('id', written)}~r{cycle}"
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
            if written == 0:
                return 0  # an empty corpus would cycle for ever


class Sampler:
    """Called once per input; at each tenth of ``total`` records the current RSS of the driver and workers."""

    def __init__(self, total: int, db: Path) -> None:
        self.total, self.db = total, db
        self.seen = 0
        self.start = time.perf_counter()
        self.marks = {max(1, total * tenth // 10): tenth * 10 for tenth in range(1, 11)}
        self.rows: list[dict[str, object]] = []
        self.me = psutil.Process()

    def __call__(self, _outcome: object) -> None:
        self.seen += 1
        percent = self.marks.get(self.seen)
        if percent is None:
            return
        workers = [rss / 1e6 for rss in children_rss(self.me).values()]
        elapsed = time.perf_counter() - self.start
        row = {
            "percent": percent,
            "articles": self.seen,
            "seconds": round(elapsed, 1),
            "rate": round(self.seen / elapsed, 1),
            "load": round(os.getloadavg()[0], 1),
            "driver_mb": round(self.me.memory_info().rss / 1e6),
            "worker_mb": sorted((round(mb) for mb in workers if mb > 100), reverse=True),
            "db_mb": round(self.db.stat().st_size / 1e6) if self.db.exists() else 0,
        }
        self.rows.append(row)
        print(
            f"{percent:3d}%  {self.seen:7d} articles  {row['seconds']:8.1f} s  {row['rate']:5.1f}/s  "
            f"load {row['load']:4.1f}  driver {row['driver_mb']:5d} MB  workers {row['worker_mb']} MB  "
            f"db {row['db_mb']} MB",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="how many articles (default 100,000)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", type=Path, help="also write the rows as JSON to this file")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: corpus not found at {args.corpus} (it lives in ../shared/data/corpus/)")
        return
    sys.path.insert(0, str(ROOT / "src"))
    from dateline.engine import run
    from dateline.store import Store

    with tempfile.TemporaryDirectory(prefix="dateline-stream-") as tmp:
        source, db = Path(tmp) / "stream.jsonl", Path(tmp) / "stream.db"
        n = write_repeated(args.corpus, args.n, source)
        print(f"{n} articles ({source.stat().st_size / 1e6:.0f} MB of JSONL) from {args.corpus.name}, "
              f"engine {args.engine}, {args.workers} workers, {psutil.cpu_count()} CPUs", flush=True)  # fmt: skip
        sampler = Sampler(n, db)
        with Store(db) as store:
            if args.engine == "dask":
                from dateline.engine.dask import run_dask

                summary = run_dask([str(source)], store, n_workers=args.workers, on_outcome=sampler)
            else:
                summary = run([str(source)], store, workers=args.workers, on_outcome=sampler)
            reasons = store.query(
                "SELECT status, substr(reason, 1, 90) AS reason, count(*) AS n FROM ingest_log "
                "WHERE status != 'processed' GROUP BY 1, 2 ORDER BY n DESC LIMIT 8"
            )
        print(f"counts: {dict(summary.counts)}")
        for row in reasons:  # what became of the inputs that were not processed, most frequent first
            print(f"  {row['n']:6d} {row['status']}: {row['reason']}")
        first, middle, last = (next(r for r in sampler.rows if r["percent"] == p) for p in (10, 50, 100))
        for label, key in (("driver", "driver_mb"),):
            print(f"{label} RSS at 10% / 50% / 100%: {first[key]} / {middle[key]} / {last[key]} MB")
        for i, mb in enumerate(first["worker_mb"]):  # type: ignore[arg-type]
            later = [r["worker_mb"][i] if i < len(r["worker_mb"]) else None for r in (middle, last)]  # type: ignore[arg-type,index]
            print(f"worker {i + 1} RSS at 10% / 50% / 100%: {mb} / {later[0]} / {later[1]} MB")
        if args.json:
            args.json.write_text(json.dumps(sampler.rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
