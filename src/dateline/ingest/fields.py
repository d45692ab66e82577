"""Metadata values shared by the readers: ISO 8601 dates and optional text fields."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from dateutil import parser as dateutil_parser

_YEAR_RE = re.compile(r"\b\d{4}\b")


def iso_date(value: Any) -> str | None:
    """An ISO 8601 string for a date given as ISO, RFC 822 (feeds, HTTP) or free text; None if it is not a date.

    A value already in ISO form is returned unchanged (so ``1987-02-26T15:01:01`` keeps its local time);
    a ``time.struct_time`` (feedparser's parsed dates, always UTC) becomes ``...Z``.
    """
    if isinstance(value, time.struct_time):
        return datetime(*value[:6], tzinfo=UTC).isoformat().replace("+00:00", "Z")
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        parsed_iso = datetime.fromisoformat(text)
    except ValueError:
        pass
    else:
        # Python also accepts a space for the "T"; the output is always ISO 8601 proper.
        return parsed_iso.isoformat() if " " in text else text
    parsed = _parse_date(text)
    if parsed is None:
        return None
    if (parsed.hour, parsed.minute, parsed.second, parsed.tzinfo) == (0, 0, 0, None):  # a date without a time
        return parsed.date().isoformat()
    return parsed.isoformat()


def _parse_date(text: str) -> datetime | None:
    """RFC 822 first (exact for feeds and HTTP headers), then dateutil for text that names a year.

    Without a year dateutil would fill in the current one, inventing a date the source never gave.
    """
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        pass
    if not _YEAR_RE.search(text):
        return None
    try:
        return dateutil_parser.parse(text)
    except (ValueError, OverflowError):
        return None


def optional_text(value: Any) -> str | None:
    """A stripped string for a text or number field; None for empty, missing or structured values."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return None
