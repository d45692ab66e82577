"""Web archives (WARC, WARC.gz): each HTML ``response`` or ``resource`` record goes through :func:`parse_html`.

Records are streamed by warcio. warcio reads a truncated archive as if it simply ended (it swallows the error), so
the reader checks the end itself: every gzip member must be complete, every record must hold the bytes its
header promises, and nothing may be left after the last record. A truncated archive yields the records read so
far and then one failed outcome saying where it broke.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from dateline.ingest import files
from dateline.ingest.fields import iso_date
from dateline.ingest.html import parse_html
from dateline.model import Article, Outcome

_RECORD_TYPES = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 16


class _Stream(io.RawIOBase):
    """The uncompressed bytes of a WARC file (plain or gzip), remembering whether its gzip members all ended.

    Decompression is done here rather than by warcio so that a member cut short is noticed (``broken``) instead
    of passing for the end of the archive.
    """

    def __init__(self, raw: IO[bytes], gzipped: bool) -> None:
        super().__init__()
        self._raw = raw
        self._gzipped = gzipped
        self._decompressor = _new_member()
        self._member_started = False
        self._pending = b""
        self.delivered = 0
        self.broken: str | None = None

    def readable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.delivered

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            if not self._fill():
                return 0
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        self.delivered += size
        return size

    def _fill(self) -> bool:
        """Read the next chunk into ``_pending``; False at the end of the input."""
        chunk = self._raw.read(_CHUNK)
        if not self._gzipped:
            self._pending = chunk
            return bool(chunk)
        if not chunk:
            if self._member_started and not self._decompressor.eof:
                self.broken = "the last gzip member is cut short"
            return False
        try:
            self._pending = self._inflate(chunk)
        except zlib.error as exc:
            self.broken = f"corrupt gzip data ({exc})"
            return False
        return True

    def _inflate(self, chunk: bytes) -> bytes:
        """Decompress across member boundaries: a WARC.gz is one gzip member per record."""
        out = []
        while chunk:
            self._member_started = True
            out.append(self._decompressor.decompress(chunk))
            if not self._decompressor.eof:
                break
            chunk = self._decompressor.unused_data
            self._decompressor = _new_member()
            self._member_started = False
        return b"".join(out)


def _new_member() -> zlib._Decompress:
    return zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)


def read_warc(path: str, max_bytes: int) -> Iterator[Article | Outcome]:
    """One article or outcome per response/resource record, labelled ``"{path}#record {n}"``.

    ``n`` is the record's position in the archive (1-based, counting every record), so it can be found with any
    WARC tool. Request, metadata and warcinfo records are not articles and yield nothing.
    """
    with open(path, "rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
        raw.seek(0)
        # warcio would also read the older ARC format, and so take almost any text for ARC records.
        head = files.read_head(path, gzipped=gzipped)
        if head and not head.startswith(b"WARC/"):
            yield Outcome(path, "failed", "not a WARC file (it does not start with a WARC/1.x record header)")
            return
        stream = _Stream(raw, gzipped=gzipped)
        records = ArchiveIterator(stream)
        number = yielded = 0
        while True:
            try:
                record = next(records, None)
            except Exception:  # warcio fails on a record cut inside its headers in several ways
                yield _unparsable(path, number, stream.broken)
                return
            if record is None:
                break
            number += 1
            outcome = (
                _record(record, f"{path}#record {number}", max_bytes) if record.rec_type in _RECORD_TYPES else None
            )
            _drain(record)
            if cut := stream.broken or _incomplete(record, number):
                yield _broken(path, number - 1, cut)
                return
            if outcome is not None:
                yielded += 1
                yield outcome
        if cut := stream.broken or _trailing(records, stream):
            yield _broken(path, number, cut)
        elif yielded == 0:
            yield Outcome(path, "skipped", "no response records in WARC file")


def _broken(path: str, whole_records: int, where: str) -> Outcome:
    return Outcome(path, "failed", f"truncated WARC after {whole_records} whole records: {where}")


def _unparsable(path: str, number: int, cut: str | None) -> Outcome:
    """The outcome when warcio cannot parse the next record: one cut inside its headers, or garbage."""
    if cut:
        return _broken(path, number, cut)
    return _broken(path, number, f"record {number + 1} cannot be parsed: its headers are cut short or malformed")


def _incomplete(record: ArcWarcRecord, number: int) -> str | None:
    """Say how a record falls short of its declared length (or has none: cut inside its header), else None."""
    missing = getattr(record.raw_stream, "limit", None)
    if missing is None:
        return f"record {number} has no Content-Length (cut inside its header)"
    if missing:
        return f"record {number} is missing its last {missing} bytes"
    return None


def _trailing(records: ArchiveIterator, stream: _Stream) -> str | None:
    """Describe bytes left after the last whole record (a record cut inside its header), or None."""
    end = records.offset
    if end < stream.delivered:
        return f"{stream.delivered - end} bytes after offset {end} are not a whole record"
    return None


def _record(record: ArcWarcRecord, source: str, max_bytes: int) -> Article | Outcome:
    """An article from one record's payload, or why there is none (not HTML, an HTTP error, too large)."""
    headers = record.http_headers
    if headers is not None:
        status = headers.get_statuscode()
        if status and not status.startswith("2"):
            return Outcome(source, "skipped", f"HTTP {status} response, not a page")
        content_type = headers.get_header("Content-Type")
    else:
        content_type = record.rec_headers.get_header("Content-Type")
    mime = (content_type or "").split(";")[0].strip().lower()
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Outcome(source, "skipped", files.too_large(len(payload), max_bytes, what="record") + " or more")
    if mime not in _HTML_TYPES and not (not mime and files.kind_by_content(payload[: files.HEAD_SIZE]) == "html"):
        return Outcome(source, "skipped", f"not an HTML record ({content_type or 'no content type'})")
    return _article(record, payload, source, _charset(content_type))


def _article(record: ArcWarcRecord, payload: bytes, source: str, charset: str | None) -> Article | Outcome:
    url = record.rec_headers.get_header("WARC-Target-URI")
    result = parse_html(payload, source, url=url, charset=charset)
    if isinstance(result, Article) and result.published is None:
        result.published = iso_date(record.rec_headers.get_header("WARC-Date"))
    return result


def _charset(content_type: str | None) -> str | None:
    for param in (content_type or "").split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            return files.valid_codec(value.strip().strip("\"'"))
    return None


def _drain(record: ArcWarcRecord) -> None:
    """Read a record to its end, so its byte count shows whether it is whole."""
    while record.raw_stream.read(_CHUNK):
        pass
