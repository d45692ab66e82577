"""Atheris fuzz target for the readers: any bytes, under any file name, give articles and outcomes, never an error.

Each input picks a file extension (``.txt``, ``.html``, ``.jsonl.gz``, ``.warc``, none at all...) and the bytes of
the file; the file goes through :func:`dateline.ingest.read_file`, the path every ``dateline run`` input takes.
``read_file`` turns an exception inside a reader into a failed outcome ("could not be read (TypeError: ...)") so
that a run goes on; for the fuzzer such an outcome is a crash all the same, because the reader had a bug that the
guard only hid. Every article must also keep the record's basic promises (an id, a non-blank text).

Run it through ``fuzz/run.py`` (bounded time, seed corpus made on the fly) or by hand:
``python fuzz/fuzz_readers.py -max_total_time=30 CORPUS_DIR``.
"""

from __future__ import annotations

import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["dateline"]):
    from dateline.ingest import read_file
    from dateline.model import Article, Outcome

#: The names a fuzzed file may take; the first byte of an input chooses one.
SUFFIXES = (
    ".txt", ".html", ".jsonl", ".jsonl.gz", ".rss", ".xml", ".warc", ".warc.gz", ".txt.gz", ".htm", ".atom", "",
)  # fmt: skip

#: Kept small so that a fuzzed "too large" branch is reached quickly.
MAX_BYTES = 200_000

#: Reasons that say a reader raised: the guard in ``dateline.ingest`` caught a bug.
CRASH_MARKS = ("could not be read", "HTML extraction failed (")

#: Where each input is written to be read back; ``fuzz/run.py`` sets it to a folder it removes afterwards.
WORKDIR_VARIABLE = "DATELINE_FUZZ_WORKDIR"
_workdir: str | None = None


def check(item: Article | Outcome) -> None:
    """Raise when an item breaks a reader's promise."""
    if isinstance(item, Outcome):
        if item.status not in ("skipped", "failed") or not item.reason.strip():
            raise AssertionError(f"outcome without a status or reason: {item!r}")
        if any(mark in item.reason for mark in CRASH_MARKS):
            raise AssertionError(f"a reader raised: {item.reason}")
    elif isinstance(item, Article):
        if not item.id or not item.text.strip():
            raise AssertionError(f"article without an id or text: {item!r}")
    else:
        raise AssertionError(f"a reader yielded {type(item).__name__}")


def test_one_input(data: bytes) -> None:
    """Write the fuzzed bytes under the chosen name and read them back."""
    if not data:
        return
    suffix = SUFFIXES[data[0] % len(SUFFIXES)]
    path = os.path.join(_workdir or tempfile.gettempdir(), "input" + suffix)
    with open(path, "wb") as handle:
        handle.write(data[1:])
    try:
        for item in read_file(path, max_bytes=MAX_BYTES):
            check(item)
    finally:
        os.remove(path)


def main() -> None:
    global _workdir
    _workdir = os.environ.get(WORKDIR_VARIABLE) or tempfile.mkdtemp(prefix="dateline-fuzz-")
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
