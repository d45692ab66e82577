"""What a file holds and how to read it: binary sniffing, text decoding, format detection and the directory walk.

Everything here is about bytes and paths, not articles. Decisions that depend on a file's content look at its
first few kilobytes only, so sniffing a large corpus file costs nothing.
"""

from __future__ import annotations

import codecs
import gzip
import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import charset_normalizer

Kind = Literal["text", "html", "jsonl", "feed", "warc"]

#: Bytes read from the start of a file to sniff its kind.
HEAD_SIZE = 8192

# Magic numbers of common non-text files, so a stray image or archive is skipped with its kind named.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"(\xb5/\xfd", "zstd archive"),
    (b"7z\xbc\xaf'\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"RIFF", "RIFF media file (WAV, AVI or WebP)"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
)

# Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_EXTENSIONS: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}

_FEED_RE = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML_RE = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_XML_RE = re.compile(rb"^\s*<\?xml\s")
_JSON_OBJECT_RE = re.compile(rb'^\s*\{\s*"')

# The single-byte code page tried when text is not UTF-8 and detection gives no better answer: most legacy
# Western news text is Windows-1252, and it decodes any byte sequence.
FALLBACK_ENCODING = "cp1252"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the encoding that was used."""

    text: str
    encoding: str


def human_size(size: int) -> str:
    """A byte count as a person reads it: "512 bytes", "3.4 kB", "52.4 MB"."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{size / 1000:.1f} kB"
    return f"{size / 1_000_000:.1f} MB"


def too_large(size: int, max_bytes: int, what: str = "file") -> str:
    """The reason given for an input over the size limit."""
    return f"{what} too large ({human_size(size)} > {human_size(max_bytes)} limit)"


def binary_kind(head: bytes, *, gzip_expected: bool = False) -> str | None:
    """Name the kind of binary file ``head`` starts, or None when it may be text.

    A gzip header is expected (not binary) for ``.gz`` inputs. NUL bytes mean binary unless the data starts with a
    UTF-16/32 byte-order mark, whose text has NULs by design.
    """
    for magic, kind in _MAGIC:
        if head.startswith(magic) and not (gzip_expected and kind == "gzip archive"):
            return kind
    if b"\x00" in head and not any(head.startswith(bom) for bom, _ in BOMS):
        return "contains NUL bytes"
    return None


def decode(data: bytes) -> Decoded:
    """Decode text bytes: a byte-order mark wins, then strict UTF-8, then detection with a cp1252 fallback."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(encoding, errors="replace"), encoding)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = detect_encoding(data)
    return Decoded(data.decode(encoding, errors="replace"), encoding)


def detect_encoding(data: bytes) -> str:
    """Guess the legacy encoding of non-UTF-8 bytes.

    charset_normalizer ranks many single-byte code pages as equally clean on short Western text (and may then
    name cp1250 or cp775 first), so cp1252 is kept whenever it reads the bytes as cleanly as the best guess;
    the detector decides only when it finds something clearly better (Cyrillic, CJK, Central European text).
    """
    sample = data[:65536]
    best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        return FALLBACK_ENCODING
    fallback = charset_normalizer.from_bytes(sample, cp_isolation=[FALLBACK_ENCODING]).best()
    if fallback is not None and fallback.chaos <= best.chaos + 0.01 and fallback.coherence >= best.coherence - 0.05:
        return FALLBACK_ENCODING
    return best.encoding


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML or XML document declares in its first bytes (meta tag or XML declaration), if valid."""
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", head, re.IGNORECASE) or re.search(
        rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", head, re.IGNORECASE
    )
    return valid_codec(match.group(1).decode("ascii", "ignore")) if match else None


def valid_codec(name: str | None) -> str | None:
    """The Python codec name for ``name``, or None if Python does not know it."""
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):  # ValueError: a name with a NUL byte in it (found by the fuzzer)
        return None


def is_gzip_name(path: str) -> bool:
    """Whether the file name ends in ``.gz``."""
    return path.lower().endswith(".gz")


def kind_by_name(path: str) -> Kind | Literal["xml"] | None:
    """The format a file name promises (a ``.gz`` suffix is looked through), or None for unknown extensions."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    ext = os.path.splitext(name)[1]
    if ext == ".xml":
        return "xml"
    return _EXTENSIONS.get(ext)


def kind_by_content(head: bytes) -> Kind:
    """The format the first bytes of a (non-binary) file suggest; plain text when nothing more specific fits."""
    if head.startswith(b"WARC/"):
        return "warc"
    text_head = _ascii_view(head).lstrip()
    # Markup counts only when the file opens with a tag: prose may mention "<body>" further on.
    if text_head.startswith(b"<") and _FEED_RE.search(text_head):
        return "feed"
    if text_head.startswith(b"<") and _HTML_RE.search(text_head):
        return "html"
    if _JSON_OBJECT_RE.match(text_head):
        return "jsonl"
    return "text"


def is_feed(head: bytes) -> bool:
    """Whether an XML document's first bytes open an RSS, RDF or Atom feed."""
    return bool(_FEED_RE.search(_ascii_view(head)))


def _ascii_view(head: bytes) -> bytes:
    """The head with a BOM removed and UTF-16/32 narrowed to ASCII bytes, good enough to find markup."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return head.decode(encoding, errors="ignore").encode("ascii", errors="ignore")
    return head


def read_head(path: str, *, gzipped: bool) -> bytes:
    """The first :data:`HEAD_SIZE` bytes of a file (decompressed for gzip files; what is readable if truncated)."""
    if not gzipped:
        with open(path, "rb") as handle:
            return handle.read(HEAD_SIZE)
    with open(path, "rb") as raw:
        head = raw.read(HEAD_SIZE)
    # A truncated stream still yields the bytes before the break; that is enough to sniff.
    try:
        return zlib.decompressobj(wbits=zlib.MAX_WBITS | 16).decompress(head, HEAD_SIZE)
    except zlib.error:
        return b""


def read_bounded(path: str, max_bytes: int, *, gzipped: bool) -> bytes | None:
    """The whole content of a file (decompressed for gzip), or None when it is over ``max_bytes``.

    Plain files are checked by size before this is called; a gzip file is checked while it is decompressed, so a
    small archive that inflates to gigabytes is never held in memory. Truncated gzip data raises ``EOFError``.
    """
    opener = gzip.open if gzipped else open
    with opener(path, "rb") as handle:
        data = handle.read(max_bytes + 1)
    return None if len(data) > max_bytes else data


def walk(path: str) -> Iterator[str | tuple[str, str]]:
    """The files under ``path`` in a stable order: sorted by name, recursive, hidden entries skipped.

    Yields a file path (joined onto ``path`` as given), or ``(path, reason)`` for an entry that cannot be read.
    Directory symlinks are followed once: a link back to a folder already walked is not entered again.
    """
    yield from _walk(path, set())


def _walk(path: str, seen: set[str]) -> Iterator[str | tuple[str, str]]:
    real = os.path.realpath(path)
    if real in seen:
        return
    seen.add(real)
    try:
        names = sorted(entry.name for entry in os.scandir(path))
    except OSError as exc:
        yield path, f"cannot list directory: {exc.strerror or exc}"
        return
    for name in names:
        if name.startswith("."):
            continue
        child = os.path.join(path, name)
        if os.path.isdir(child):
            yield from _walk(child, seen)
        else:
            yield child
