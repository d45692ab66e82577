"""Throughput and memory of dateline's pipeline against plain spaCy, in one process, on the same texts.

Usage: python bench/throughput.py [--n 2000] [--corpus PATH]

Reads the first N articles of ../shared/data/corpus/reuters21578.jsonl (streamed, never all in memory), runs
plain spaCy ``nlp.pipe`` (same model, same batch size) and dateline's full default pipeline over them, and
prints articles/s of each, their ratio, peak RSS and the RSS sampled as the run goes (it must stay flat).
This is a benchmark to read, not a timed test: figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import spacy

from dateline.model import Article
from dateline.nlp import MODEL
from dateline.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "reuters21578.jsonl"


def articles(path: Path, n: int) -> Iterator[Article]:
    with path.open(encoding="utf-8") as lines:
        for count, line in enumerate(lines):
            if count >= n:
                return
            record = json.loads(line)
            yield Article(id=record["id"], text=record["text"], title=record.get("title"), published=record.get("date"))


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def run_spacy(path: Path, n: int, batch_size: int) -> float:
    nlp = spacy.load(MODEL)  # the model exactly as shipped, without dateline's additions
    list(nlp.pipe(a.text for a in articles(path, 20)))
    start = time.perf_counter()
    count = sum(1 for _ in nlp.pipe((a.text for a in articles(path, n)), batch_size=batch_size))
    return count / (time.perf_counter() - start)


def run_dateline(pipeline: Pipeline, path: Path, n: int) -> tuple[float, dict[str, int], list[tuple[int, float]]]:
    statuses: dict[str, int] = {}
    samples: list[tuple[int, float]] = []
    start = time.perf_counter()
    for i, outcome in enumerate(pipeline.process(articles(path, n)), 1):
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
        if i % max(1, n // 5) == 0:
            samples.append((i, rss_mb()))
    elapsed = time.perf_counter() - start
    return sum(statuses.values()) / elapsed, statuses, samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="how many articles (default 2000)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--stages", help="comma-separated stage names to keep (default: all), e.g. the spine's "
                        "metadata,sentences,entities")  # fmt: skip
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"skipped: corpus not found at {args.corpus} (it lives in ../shared/data/corpus/)")
        return
    pipeline = Pipeline()
    if args.stages:
        keep = args.stages.split(",")
        pipeline = Pipeline([s for s in pipeline.stages if s.name in keep])
    list(pipeline.process(articles(args.corpus, 20)))  # warm up: model load, lazy resources
    batch_size = pipeline.limits.batch_size
    print(f"{args.n} articles of {args.corpus.name}, batch size {batch_size}, stages: "
          + ", ".join(s.name for s in pipeline.stages))  # fmt: skip
    spacy_rate = run_spacy(args.corpus, args.n, batch_size)
    print(f"plain spaCy nlp.pipe : {spacy_rate:7.1f} articles/s")
    dateline_rate, statuses, samples = run_dateline(pipeline, args.corpus, args.n)
    print(f"dateline pipeline    : {dateline_rate:7.1f} articles/s  ({statuses})")
    print(f"ratio dateline/spaCy : {dateline_rate / spacy_rate:7.3f}")
    print("RSS during the dateline run (articles: MB): " + ", ".join(f"{i}: {mb:.0f}" for i, mb in samples))
    print(f"peak RSS             : {peak_rss_mb():7.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
