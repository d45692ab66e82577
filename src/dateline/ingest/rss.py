"""RSS and Atom feeds: one article per item, from its full content or else its description, by feedparser.

feedparser recovers what it can from broken XML; a feed from which nothing can be recovered becomes one failed
outcome carrying the parser's message.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any
from xml.sax import SAXParseException

import feedparser

from dateline.ingest.fields import iso_date, optional_text
from dateline.ingest.html import fragment_text
from dateline.model import Article, Outcome, content_id

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_feed(data: bytes, source: str) -> Iterator[Article | Outcome]:
    """One article or outcome per feed item, labelled ``"{source}#item {n}"``."""
    # A stream, never a str: feedparser would take a string for a URL or a file name.
    try:
        feed = feedparser.parse(io.BytesIO(data))
    except Exception as exc:  # feedparser's lenient parser itself breaks on some malformed markup
        yield Outcome(source, "failed", f"broken feed: the feed parser gave up ({type(exc).__name__}: {exc})")
        return
    entries = feed.get("entries") or []
    if not entries:
        yield _empty_feed(feed, source)
        return
    channel = feed.get("feed") or {}
    outlet = _plain(channel.get("title"), channel.get("title_detail"))
    for number, entry in enumerate(entries, start=1):
        yield parse_entry(entry, f"{source}#item {number}", outlet)


def _empty_feed(feed: Any, source: str) -> Outcome:
    if feed.get("bozo"):
        return Outcome(source, "failed", f"broken feed, no item could be recovered ({_parser_message(feed)})")
    if not feed.get("version"):
        return Outcome(source, "skipped", "not an RSS or Atom feed")
    return Outcome(source, "skipped", "feed has no items")


def _parser_message(feed: Any) -> str:
    exc = feed.get("bozo_exception")
    if isinstance(exc, SAXParseException):
        return f"line {exc.getLineNumber()}: {exc.getMessage()}"
    return str(exc) or type(exc).__name__


def parse_entry(entry: Any, source: str, outlet: str | None = None) -> Article | Outcome:
    """An item as an article: text from its longest ``content``, else its summary/description, as plain text."""
    text = _entry_text(entry)
    if not text:
        return Outcome(source, "skipped", "feed item has no text (no content or description)")
    title = _plain(entry.get("title"), entry.get("title_detail"))
    published = iso_date(entry.get("published") or entry.get("updated")) or iso_date(
        entry.get("published_parsed") or entry.get("updated_parsed")
    )
    return Article(
        id=content_id(text, title),
        text=text,
        title=title,
        published=published,
        url=optional_text(entry.get("link")),
        author=optional_text(entry.get("author")),
        source=source,
        outlet=outlet,
    )


def _entry_text(entry: Any) -> str:
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if contents:
        best = max(contents, key=lambda c: len(c.get("value") or ""))
        return _plain(best.get("value"), best) or ""
    return _plain(entry.get("summary"), entry.get("summary_detail")) or ""


def _plain(value: str | None, detail: dict[str, Any] | None) -> str | None:
    """Plain text of a feed field: HTML is reduced to paragraphs, plain text only has its spacing tidied."""
    if not value or not value.strip():
        return None
    kind = (detail or {}).get("type") or "text/html"
    if kind in _HTML_TYPES:
        return fragment_text(value) or None
    return "\n\n".join(" ".join(block.split()) for block in value.split("\n\n") if block.strip()) or None
