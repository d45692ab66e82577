"""Plain-text articles: the first non-empty line is the headline, the rest is the story.

The story keeps its dateline ("BEIJING, May 16 (Reuters) -", "WASHINGTON —", "16th May 2024 – (Beijing)") at the
start of ``text``: the metadata stage parses it there. The text is otherwise kept exactly as decoded, so offsets
point into what the file says; only line endings are unified to ``\\n``.
"""

from __future__ import annotations

import re

from dateline.model import Article, Outcome, content_id

# A first line longer than this is a paragraph, not a headline: the file has no headline then.
MAX_HEADLINE_CHARS = 300

_LEADING_BLANK_LINES_RE = re.compile(r"\A(?:[ \t\f\v]*\n)+")


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading byte-order mark is dropped."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_text(text: str, source: str) -> Article | Outcome:
    """Split decoded text into headline and story.

    A file with a single line (or whose first line is too long to be a headline) has no title: all of it is the
    story. A file with no visible characters is skipped.
    """
    text = normalise_newlines(text)
    body = _LEADING_BLANK_LINES_RE.sub("", text)
    if not body.strip():
        return Outcome(source, "skipped", "no text (the file holds only whitespace)")
    first, _, rest = body.partition("\n")
    rest = _LEADING_BLANK_LINES_RE.sub("", rest)
    if not rest.strip() or len(first.strip()) > MAX_HEADLINE_CHARS:
        title, story = None, body
    else:
        title, story = first.strip(), rest
    return Article(id=content_id(story, title), text=story, title=title, source=source)
