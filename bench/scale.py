"""Scale-out benchmark: articles/s and peak memory of a full run with 1 and 2 local workers and on Dask.

Usage: python bench/scale.py [--n 2000] [--corpus PATH] [--configs local-1,local-2,dask-2]

Takes the first N articles of ../shared/data/corpus/reuters21578.jsonl (streamed into a temporary file that is
deleted afterwards), then runs ``dateline run`` on it into a fresh database once per configuration, each in a
fresh Python process so that memory figures do not mix. Rates are end to end: starting the workers and loading
spaCy in each of them is part of the time, as it is for a user. Prints articles/s, the speed-up over one local
worker, CPU seconds used (driver and workers) with articles per CPU-second, the 1-minute load average during
the run (above the core count, other jobs were competing), and peak RSS of the driver and of each worker
process. A benchmark to read, not a timed test.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

from rss import children_rss  # bench/rss.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "reuters21578.jsonl"
CONFIGS = ("local-1", "local-2", "dask-2")


class PeakRss:
    """Samples the resident memory of every process below this one, keeping each process's peak."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(self.interval):
            for pid, rss in children_rss(me).items():
                self.peaks[pid] = max(self.peaks.get(pid, 0), rss)


def run_one(config: str, corpus: Path, db: Path) -> dict[str, Any]:
    """One run of ``config`` (engine-workers) over ``corpus``, in this process; its counts, time and memory."""
    from dateline.engine import run
    from dateline.engine.dask import run_dask
    from dateline.store import Store

    engine, workers = config.split("-")
    load_before = os.getloadavg()[0]
    with Store(db) as store, PeakRss() as rss:
        start = time.perf_counter()
        if engine == "dask":
            summary = run_dask([str(corpus)], store, n_workers=int(workers))
        else:
            summary = run([str(corpus)], store, workers=int(workers))
        elapsed = time.perf_counter() - start
    return {
        "config": config,
        "counts": dict(summary.counts),
        "seconds": elapsed,
        "rate": summary.total / elapsed,
        "cpu_s": sum(_cpu_seconds(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)),
        "load": (load_before + os.getloadavg()[0]) / 2,
        "driver_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3,
        "worker_mb": sorted((peak / 1e6 for peak in rss.peaks.values()), reverse=True)[: int(workers)],
    }


def _cpu_seconds(who: int) -> float:
    """User and system CPU time of this process, or of its ended children (pool and Dask workers)."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def write_slice(corpus: Path, n: int, out: Path) -> int:
    with corpus.open("rb") as lines, out.open("wb") as sliced:
        count = 0
        for line in itertools.islice(lines, n):
            sliced.write(line)
            count += 1
    return count


def report(results: list[dict[str, Any]]) -> None:
    base = next((r["rate"] for r in results if r["config"] == "local-1"), None)
    print(f"{'config':8} {'articles/s':>10} {'speed-up':>8} {'seconds':>8} {'CPU s':>6} {'art/CPU-s':>9} "
          f"{'load':>5} {'driver MB':>9}  worker peak MB   counts")  # fmt: skip
    for r in results:
        speedup = f"{r['rate'] / base:7.2f}x" if base else "       -"
        workers = ", ".join(f"{mb:.0f}" for mb in r["worker_mb"]) or "- (in driver)"
        per_cpu = r["counts"].get("processed", 0) / r["cpu_s"]
        print(f"{r['config']:8} {r['rate']:10.1f} {speedup:>8} {r['seconds']:8.1f} {r['cpu_s']:6.0f} {per_cpu:9.1f} "
              f"{r['load']:5.1f} {r['driver_mb']:9.0f}  {workers:15}  {r['counts']}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="how many articles (default 2000)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--configs", default=",".join(CONFIGS), help=f"comma-separated, of {', '.join(CONFIGS)}")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: run one config in this process
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.corpus, args.db)))
        return
    if not args.corpus.exists():
        print(f"skipped: corpus not found at {args.corpus} (it lives in ../shared/data/corpus/)")
        return
    with tempfile.TemporaryDirectory(prefix="dateline-scale-") as tmp:
        sliced = Path(tmp) / "slice.jsonl"
        n = write_slice(args.corpus, args.n, sliced)
        print(f"{n} articles of {args.corpus.name}; {psutil.cpu_count()} CPUs; rates include worker start-up")
        results = []
        for config in args.configs.split(","):
            command = [sys.executable, __file__, "--one", config, "--corpus", str(sliced), "--db", f"{tmp}/{config}.db"]
            done = subprocess.run(command, check=True, capture_output=True, text=True)
            results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    report(results)


if __name__ == "__main__":
    main()
