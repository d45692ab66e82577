"""Run the fuzz targets for a bounded time: ``python fuzz/run.py --seconds 60`` (the time is shared by all targets).

The seed corpus is made here, from small inputs of every format written for this purpose, into a temporary
folder (or ``--corpus DIR`` to keep what the fuzzer learns between runs). A crash leaves its input as
``crash-*`` in ``--artifacts`` (default: the current folder) and makes this script exit non-zero; turn each one
into a regression test in ``tests/test_reliability_fuzz.py``.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGETS = ("fuzz_readers.py",)

STORY = (
    "OSLO, March 4, 2024 - Fisheries minister Anna Berg met envoy Tom Hale on Monday to discuss quotas, "
    "officials said. The two sides agreed to meet again next month."
)
PAGE = (
    "<html><head><title>Quota talks</title></head><body><article><h1>Quota talks</h1>"
    f"<p>{STORY}</p></article></body></html>"
)
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title><item><title>Quota talks</title>'
    f"<link>https://news.example/1</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate><description>{STORY}"
    "</description></item></channel></rss>"
)


def _fix_headers(record: Any, number: int) -> None:
    """A fixed date and id instead of now and a random UUID, so the seeds (and a seeded run) are repeatable."""
    record.rec_headers.replace_header("WARC-Date", "2024-05-16T04:00:00Z")
    record.rec_headers.replace_header("WARC-Record-ID", f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>")


def _warc(gzipped: bool) -> bytes:
    """A small WARC: a warcinfo record and one HTML response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    info = writer.create_warcinfo_record("seed.warc", {"software": "dateline fuzz seeds"})
    _fix_headers(info, 1)
    writer.write_record(info)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://news.example/1", "response", payload=io.BytesIO(PAGE.encode()), http_headers=http
    )
    _fix_headers(record, 2)
    writer.write_record(record)
    return buffer.getvalue()


def seeds() -> dict[str, bytes]:
    """Seed files by the suffix ``fuzz_readers`` reads them under."""
    line = json.dumps({"id": "seed-1", "text": STORY, "title": "Quota talks", "published": "2024-03-04"})
    return {
        ".txt": f"Quota talks\n\n{STORY}\n".encode(),
        ".html": PAGE.encode(),
        ".jsonl": (line + "\n" + '{"text": 5}\n').encode(),
        ".jsonl.gz": gzip.compress((line + "\n").encode(), mtime=0),
        ".rss": FEED.encode(),
        ".xml": FEED.encode("utf-16"),
        ".warc": _warc(gzipped=False),
        ".warc.gz": _warc(gzipped=True),
        ".txt.gz": gzip.compress(STORY.encode("cp1252"), mtime=0),
        ".htm": PAGE.replace("<html>", '<html><meta charset="iso-8859-1">').encode("latin-1"),
        "": STORY.encode("utf-8-sig"),
    }


def write_seeds(corpus: Path) -> None:
    """One corpus file per seed: the suffix's index as the first byte, then the file's bytes."""
    sys.path.insert(0, str(HERE))
    from fuzz_readers import SUFFIXES

    corpus.mkdir(parents=True, exist_ok=True)
    for suffix, data in seeds().items():
        payload = bytes([SUFFIXES.index(suffix)]) + data
        (corpus / hashlib.sha1(payload).hexdigest()).write_bytes(payload)


def fuzz(target: str, seconds: int, corpus: Path, artifacts: Path, workdir: Path, seed: int = 0) -> int:
    """Run one target for ``seconds``, writing its inputs in ``workdir``; its exit code (0: nothing found).

    With ``seed`` (as in ``make test``) the run is repeatable: the same inputs in the same order, bounded by a
    number of runs as well as by time, so CI does not fail on a crash that a slower or faster machine happened
    to reach. Without it, each run explores new ground (for fuzzing sessions by hand).
    """
    repeatable = [f"-seed={seed}", f"-runs={seconds * 250}"] if seed else []
    command = [
        sys.executable,
        str(HERE / target),
        *repeatable,
        f"-max_total_time={seconds}",
        "-timeout=20",  # seconds for one input: a slower one is reported as a hang
        "-rss_limit_mb=3072",
        "-max_len=65536",
        f"-artifact_prefix={artifacts}/",
        "-print_final_stats=1",
        str(corpus),
    ]
    environment = {**os.environ, "DATELINE_FUZZ_WORKDIR": str(workdir)}
    if seed:
        environment["PYTHONHASHSEED"] = "0"  # set and dict order feed the coverage the fuzzer steers by
    return subprocess.run(command, check=False, env=environment).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60, help="Total time shared by all targets.")
    parser.add_argument("--corpus", type=Path, help="Keep the corpus here (default: a temporary folder).")
    parser.add_argument("--artifacts", type=Path, default=Path.cwd(), help="Where crash inputs are written.")
    parser.add_argument("--seed", type=int, default=0, help="Repeatable run with this seed (0: a new one each run).")
    args = parser.parse_args()
    per_target = max(1, args.seconds // len(TARGETS))
    shm = "/dev/shm" if os.path.isdir("/dev/shm") else None  # inputs are written and read at every step
    with tempfile.TemporaryDirectory(prefix="dateline-fuzz-") as scratch, tempfile.TemporaryDirectory(dir=shm) as work:
        corpus = args.corpus or Path(scratch)
        write_seeds(corpus)
        failures = [t for t in TARGETS if fuzz(t, per_target, corpus, args.artifacts, Path(work), args.seed) != 0]
    if failures:
        print(f"fuzz: {', '.join(failures)} found a crash; see crash-* in {args.artifacts}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
