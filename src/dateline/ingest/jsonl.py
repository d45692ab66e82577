"""JSON Lines corpora: one article object per line, streamed so a corpus of any size is read in constant memory.

Fields: ``text`` (required), ``id``, ``title``, ``published`` (or ``date``), ``url``, ``author``. ``text`` is kept
exactly as given (offsets point into it) and ``id`` is carried through as a string. A bad line becomes an
outcome with its line number, and the lines after it go on.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import Any, Protocol

from dateline.ingest.fields import iso_date, optional_text
from dateline.ingest.files import FALLBACK_ENCODING, human_size
from dateline.model import Article, Outcome, content_id

_READ_CHUNK = 1 << 20


class LineStream(Protocol):
    """A binary stream read line by line (a file, gzip.GzipFile, sys.stdin.buffer)."""

    def readline(self, size: int = -1, /) -> bytes: ...


def read_jsonl(
    stream: LineStream, label: str, max_bytes: int, *, whole: str | None = None, first_line: int = 1
) -> Iterator[Article | Outcome]:
    """One article or outcome per non-blank line of ``stream``; ``label`` names lines as ``"{label}#line {n}"``.

    ``whole`` is the source for outcomes about the stream itself (a truncated gzip, no records); it defaults to
    ``label``. ``first_line`` is the number of the stream's first line (a range of a file starts further on). A
    line longer than ``max_bytes`` is skipped without being held in memory.
    """
    whole = whole or label
    records = 0
    try:
        for number, line in _lines(stream, max_bytes, first_line):
            source = f"{label}#line {number}"
            if line is None:
                yield Outcome(source, "skipped", f"line {number}: {_too_long(max_bytes)}")
            elif line.strip():
                records += 1
                yield parse_record(line, number, source)
    except EOFError:
        yield Outcome(whole, "failed", f"truncated gzip after {_records(records)}")
        return
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield Outcome(whole, "failed", f"corrupt gzip after {_records(records)} ({exc})")
        return
    except OSError as exc:
        yield Outcome(whole, "failed", f"read error after {_records(records)} ({exc.strerror or exc})")
        return
    if records == 0:
        yield Outcome(whole, "skipped", "no records in JSONL input (only blank lines)")


def _records(count: int) -> str:
    return f"{count} record" if count == 1 else f"{count} records"


def _too_long(max_bytes: int) -> str:
    return f"line too long (over the {human_size(max_bytes)} limit)"


def _lines(stream: LineStream, max_bytes: int, first: int = 1) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines (from ``first``); None stands for a line over ``max_bytes``, whose bytes are read and dropped."""
    number = first - 1
    while line := stream.readline(max_bytes + 1):
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(_READ_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def parse_record(line: bytes, number: int, source: str) -> Article | Outcome:
    """One JSONL line as an article, or an outcome naming the line and what is wrong with it."""
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError:
        # JSON must be UTF-8; a stray legacy line is still more useful read than refused.
        text = line.decode(FALLBACK_ENCODING, errors="replace")
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return Outcome(source, "failed", f"line {number}: invalid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(record, dict):
        return Outcome(source, "failed", f"line {number}: expected a JSON object, got {_json_type(record)}")
    return _article(record, number, source)


def _article(record: dict[str, Any], number: int, source: str) -> Article | Outcome:
    body = record.get("text")
    if body is None:
        return Outcome(source, "failed", f'line {number}: no "text" field')
    if not isinstance(body, str):
        return Outcome(source, "failed", f'line {number}: "text" is {_json_type(body)}, not a string')
    if not body.strip():
        return Outcome(source, "skipped", f'line {number}: empty "text"')
    raw_id = record.get("id")
    if isinstance(raw_id, dict | list):
        return Outcome(source, "failed", f'line {number}: "id" is {_json_type(raw_id)}, not a string or number')
    title = optional_text(record.get("title"))
    published = record.get("published") if record.get("published") is not None else record.get("date")
    return Article(
        id=str(raw_id) if raw_id is not None and raw_id != "" else content_id(body, title),
        text=body,
        title=title,
        published=iso_date(published),
        url=optional_text(record.get("url")),
        author=optional_text(record.get("author")),
        source=source,
        outlet=optional_text(record.get("outlet")) or optional_text(record.get("source")),
    )


def _json_type(value: Any) -> str:
    """The JSON name of a value's type, with its article: "a list", "a number", "null"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"
