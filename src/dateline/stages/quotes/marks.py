"""A quotation-mark scanner: the top-level quoted stretches of a text, paragraph-aware and never raising.

Hand-written rather than taken from textacy: ``textacy.extract.triples.direct_quotations`` raises on an odd
number of marks and only knows the ``"…," X said`` shapes, while news text mixes straight, curly, single and
doubled-apostrophe marks, reopens a quote on every paragraph of a long quotation and has stray marks.

Rules:
- Double marks (“ ” " '' « » „) delimit quotes; single marks (‘ ’ ') only when no double quote is open, so a
  nested quote stays inside its outer one.
- A straight mark opens after a space, an opening bracket or a dash, and closes before a space or punctuation.
- A quote still open at the end of a paragraph continues only when the next paragraph opens with a mark of
  the same family (the typographic convention for multi-paragraph quotations); otherwise it is dropped, so a
  stray mark never swallows the rest of the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_MARK_RE = re.compile(r"''|``|[“”\"„«»‘’']")
_OPEN_BEFORE = " \t\n([{—–-/"  # characters after which a straight mark opens a quote
_LONGEST_QUOTE = 20_000  # characters: a quote longer than this is a scanning error, not speech


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted stretch, ``start``/``end`` covering its outer marks; ``double`` tells the mark family."""

    start: int
    end: int
    double: bool


def find_quoted(text: str) -> list[Quoted]:
    """Every top-level quoted stretch of ``text``, in order."""
    found: list[Quoted] = []
    open_at: int | None = None
    open_mark = ""
    checked_from = 0  # where the open quote's current paragraph starts
    for pos, mark, role in _marks(text):
        double = _is_double(mark)
        if open_at is not None and "\n" in text[checked_from:pos]:
            if role == "open" and double == _is_double(open_mark) and _next_paragraph_opens(text, checked_from, pos):
                checked_from = pos  # the quotation goes on in this paragraph
                continue
            open_at = None  # unbalanced in its paragraph: drop it, never run on
        if open_at is None or _restarts(open_mark, mark, role):
            if role in ("open", "either"):
                open_at, checked_from, open_mark = pos, pos, mark
        elif double == _is_double(open_mark) and role in ("close", "either"):
            if pos + len(mark) - open_at <= _LONGEST_QUOTE:
                found.append(Quoted(open_at, pos + len(mark), double))
            open_at = None
    return found


def _restarts(open_mark: str, mark: str, role: str) -> bool:
    """True when ``mark`` shows the open quote was never one: an opener of the same family (the first was left
    unclosed), or a double opener after a straight single mark (that was an apostrophe: "the '80s “…”")."""
    if role != "open":
        return False
    return _is_double(mark) == _is_double(open_mark) or (open_mark == "'" and _is_double(mark))


def _marks(text: str) -> Iterator[tuple[int, str, str]]:
    """Yield (position, mark, role), role being "open", "close" or "either"; apostrophes are skipped."""
    for match in _MARK_RE.finditer(text):
        mark, pos = match.group(), match.start()
        before = text[pos - 1] if pos > 0 else "\n"
        after = text[match.end()] if match.end() < len(text) else "\n"
        role = _role(mark, before, after)
        if role is not None:
            yield pos, mark, role


def _role(mark: str, before: str, after: str) -> str | None:
    if mark in _DOUBLE_OPEN or mark in ("‘", "``"):
        return "open"
    if mark in _DOUBLE_CLOSE:
        return "close"
    if mark in ("’", "'") and before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word: don't, Xi’s
    opens = before in _OPEN_BEFORE and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either" if mark in ('"', "''") else None


def _is_double(mark: str) -> bool:
    return mark not in ("‘", "’", "'")


def _next_paragraph_opens(text: str, paragraph_start: int, pos: int) -> bool:
    """True when the mark at ``pos`` opens the paragraph right after the one starting at ``paragraph_start``."""
    return not text[text.index("\n", paragraph_start, pos) : pos].strip()


def kind_of(text: str, start: int, end: int, quoted: list[Quoted]) -> str:
    """``direct`` when every letter or digit of the span is inside quotation marks, ``indirect`` when none is,
    ``mixed`` otherwise (the rule PolNeAR's kinds were derived with)."""
    total = _alnum(text, start, end)
    inside = sum(_alnum(text, max(start, q.start), min(end, q.end)) for q in quoted if q.start < end and q.end > start)
    if total == 0 or inside == 0:
        return "indirect"
    return "direct" if inside >= total else "mixed"


def _alnum(text: str, start: int, end: int) -> int:
    return sum(ch.isalnum() for ch in text[start:end])
