"""Readers: files, folders and standard input turned into a stream of articles.

:func:`read` takes paths (files, folders, ``-`` for JSON Lines on standard input) and yields, in a stable order,
one :class:`~dateline.model.Article` per article found or one :class:`~dateline.model.Outcome` per input that
cannot become one, with a reason a person can read. It never raises for bad input, and it streams: JSON Lines
and WARC corpora are read record by record, whatever their size.

Each file is dispatched by its extension (``.txt``, ``.html``, ``.jsonl[.gz]``, ``.rss``/``.atom``/feed ``.xml``,
``.warc[.gz]``), then by sniffing its first bytes. ``max_bytes`` bounds what is held in memory at once: a whole
document (text, HTML, feed) or one record of a corpus (a JSON line, a WARC payload).
"""

from __future__ import annotations

import gzip
import os
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator

from dateline.ingest import files
from dateline.ingest.files import Kind
from dateline.ingest.html import parse_html
from dateline.ingest.jsonl import read_jsonl
from dateline.ingest.rss import read_feed
from dateline.ingest.text import parse_text
from dateline.ingest.warc import read_warc
from dateline.model import Article, Outcome

__all__ = ["parse_html", "read", "read_file"]

DEFAULT_MAX_BYTES = 20_000_000

Item = Article | Outcome


def read(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles and outcomes from every input, in order: paths as given, folder contents sorted by name."""
    for path in [paths] if isinstance(paths, str) else paths:
        if path == "-":
            yield from _guarded(_read_stdin(max_bytes), "stdin")
        elif os.path.isdir(path):
            for entry in files.walk(path):
                if isinstance(entry, tuple):
                    yield Outcome(entry[0], "failed", entry[1])
                else:
                    yield from read_file(entry, max_bytes=max_bytes)
        else:
            yield from read_file(path, max_bytes=max_bytes)


def read_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Articles and outcomes from one file; any error inside a reader becomes a failed outcome for the file."""
    yield from _guarded(_dispatch(path, max_bytes), path)


def _guarded(items: Iterator[Item], source: str) -> Iterator[Item]:
    """Pass ``items`` through; an exception ends them with one failed outcome instead of escaping."""
    produced = 0
    try:
        for item in items:
            produced += 1
            yield item
    except Exception as exc:  # a reader never raises for bad input: this input fails, the next goes on
        after = f" after {produced} items" if produced else ""
        yield Outcome(source, "failed", f"could not be read{after} ({type(exc).__name__}: {exc})")


def _read_stdin(max_bytes: int) -> Iterator[Item]:
    if sys.stdin is None or sys.stdin.closed:
        yield Outcome("stdin", "failed", "no standard input to read")
        return
    yield from read_jsonl(sys.stdin.buffer, "stdin", max_bytes)


def _dispatch(path: str, max_bytes: int) -> Iterator[Item]:
    """Check the file (exists, regular, not empty, not binary), find its format and hand it to its reader."""
    try:
        info = os.stat(path)
    except OSError as exc:
        yield Outcome(path, "failed", f"cannot open file ({(exc.strerror or str(exc)).lower()})")
        return
    if not stat.S_ISREG(info.st_mode):
        yield Outcome(path, "skipped", "not a regular file")
        return
    if info.st_size == 0:
        yield Outcome(path, "skipped", "empty file")
        return
    kind = _kind(path)
    if isinstance(kind, Outcome):
        yield kind
    elif kind == "jsonl":
        yield from _read_jsonl_file(path, max_bytes)
    elif kind == "warc":
        yield from read_warc(path, max_bytes)
    else:
        yield from _read_document(path, kind, info.st_size, max_bytes)


def _kind(path: str) -> Kind | Outcome:
    """The file's format by name, then by content; an outcome for binary files and non-feed XML."""
    gzipped = files.is_gzip_name(path)
    named = files.kind_by_name(path)
    if gzipped:
        with open(path, "rb") as handle:
            if handle.read(2) != b"\x1f\x8b":
                return Outcome(path, "failed", "not gzip data, although the name ends in .gz")
    head = files.read_head(path, gzipped=gzipped)
    binary = files.binary_kind(head, gzip_expected=gzipped or named == "warc")
    if binary and named != "warc":
        return Outcome(path, "skipped", f"binary file ({binary})")
    if named == "xml":
        if files.is_feed(head):
            return "feed"
        return Outcome(path, "skipped", "XML file that is not an RSS or Atom feed")
    return named or files.kind_by_content(head)


def _read_jsonl_file(path: str, max_bytes: int) -> Iterator[Item]:
    opener = gzip.open if files.is_gzip_name(path) else open
    with opener(path, "rb") as stream:
        yield from read_jsonl(stream, path, max_bytes)


def _read_document(path: str, kind: Kind, size: int, max_bytes: int) -> Iterator[Item]:
    """A file read whole (text, HTML, feed): its size is checked before a byte is read."""
    gzipped = files.is_gzip_name(path)
    if not gzipped and size > max_bytes:
        yield Outcome(path, "skipped", files.too_large(size, max_bytes))
        return
    try:
        data = files.read_bounded(path, max_bytes, gzipped=gzipped)
    except EOFError:
        yield Outcome(path, "failed", "truncated gzip file")
        return
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield Outcome(path, "failed", f"corrupt gzip file ({exc})")
        return
    if data is None:
        yield Outcome(path, "skipped", f"file too large (decompresses to more than {files.human_size(max_bytes)})")
    elif kind == "html":
        yield parse_html(data, path)
    elif kind == "feed":
        yield from read_feed(data, path)
    else:
        yield parse_text(files.decode(data).text, path)
