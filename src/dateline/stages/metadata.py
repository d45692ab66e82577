"""Metadata stage: the dateline ("BEIJING, May 16 (Reuters) -") and the article's language.

Runs before spaCy. Rejects (``Skip``) articles with no words and articles not in English, so they never cost a
parse. Dateline detection is written by hand: no library recognises wire datelines; dateutil parses the date
part once the dateline has been cut out.
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache

from dateutil import parser as dateutil_parser
from py3langid.langid import MODEL_FILE, LanguageIdentifier
from spacy.tokens import Doc

from dateline.model import Article, Dateline
from dateline.stages import Skip, Stage

_DASH = r"(?:[-\u2013\u2014]{1,2}|\u2012)"
# "HEAD – (Place)" or "HEAD -" at the start of the text; HEAD holds place and/or date and an agency.
_HEAD_RE = re.compile(rf"^(?P<head>[^\n]{{2,90}}?)\s*{_DASH}(?:\s*\((?P<place>[^()\n]{{2,40}})\))?(?=\s|$)")
_PAREN_RE = re.compile(r"\(([^()]{1,40})\)")
_MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    "september|october|november|december"
)
_MONTH_RE = re.compile(rf"\b(?:{_MONTHS})\.?\b", re.IGNORECASE)
_NUMERIC_DATE_RE = re.compile(r"^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}$")
_WEEKDAY_RE = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE)
_YEAR_RE = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")
# A place in a dateline: capitalised words ("WASHINGTON", "Kyiv", "St. Petersburg", "Rio de Janeiro").
_PLACE_RE = re.compile(r"^[A-Z][\w.'\u2019-]*(?:\s+(?:(?:de|da|do|del|of|la|al|el)\s+)?[A-Z][\w.'\u2019-]*){0,3}$")
_AGENCY_RE = re.compile(r"^(?:[A-Z][A-Za-z&]{1,11}|[A-Z][a-z]+ [A-Z][a-z]+)$")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
_MIN_WORDS = 3
# Letters outside Latin script: a text mostly in them is not English whatever the identifier says.
_NON_LATIN_RE = re.compile(r"[\u0370-\u1fff\u2e80-\uffff]")


class Metadata(Stage):
    """Adds ``lang`` and ``dateline``; skips texts with no words or not in English."""

    name = "metadata"
    assigns = ("lang", "dateline")
    needs_doc = False

    def __call__(self, article: Article, doc: Doc | None) -> None:
        article.lang = check_language(article.text)
        article.dateline = find_dateline(article.text, article.published)


def check_language(text: str) -> str:
    """Return ``"en"`` or raise :class:`Skip` with the reason (no article text, or the language found)."""
    sample = text[:4000]
    letters = sum(ch.isalpha() for ch in sample)
    non_latin = len(_NON_LATIN_RE.findall(sample))
    words = _WORD_RE.findall(sample)
    if letters < 8 or (len(words) < _MIN_WORDS and non_latin <= letters / 2):
        raise Skip("no article text (fewer than 3 words)")
    lang, prob = _identifier().classify(sample[:1500])  # enough text to identify, at a third of the cost
    if non_latin > letters / 2 or (lang != "en" and prob >= _confidence_needed(letters)):
        raise Skip(f"not English (language identified: {lang if lang != 'en' else 'non-Latin script'})")
    return "en"


def _confidence_needed(letters: int) -> float:
    # Short texts get misidentified easily: demand more certainty before throwing one away.
    return 0.6 if letters >= 200 else 0.95


@cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def find_dateline(text: str, published: str | None = None) -> Dateline | None:
    """Find a wire dateline at the start of ``text``; its year falls back to ``published``'s year."""
    lead_start = len(text) - len(text.lstrip())
    lead = text[lead_start : lead_start + 200]
    match = _HEAD_RE.match(lead)
    if match:
        found = _parse_head(match.group("head"), match.group("place"), published)
        if found is not None:
            place, date = found
            return Dateline(place, date, lead_start, lead_start + match.end())
    first_line = lead.split("\n", 1)[0].rstrip()
    if "\n" in lead and len(first_line) <= 40:  # a date alone on the first line (Wikinews style)
        date = _parse_date(first_line, published)
        if date is not None:
            return Dateline(None, date, lead_start, lead_start + len(first_line))
    return None


def _parse_head(head: str, paren_place: str | None, published: str | None) -> tuple[str | None, str | None] | None:
    """Split a dateline head into (place, date), or None when it is not a dateline."""
    head = _PAREN_RE.sub(lambda m: "" if _AGENCY_RE.match(m.group(1).strip()) else m.group(0), head).strip(" ,")
    place = _clean_place(paren_place) if paren_place else None
    if paren_place and place is None:
        return None
    parts = [p.strip() for p in head.split(",") if p.strip()]
    first_date = next((i for i, p in enumerate(parts) if _MONTH_RE.search(p) or _NUMERIC_DATE_RE.match(p)), None)
    date = None
    if first_date is not None:  # the date may stay None when its year is unknowable: still a dateline
        date = _parse_date(", ".join(parts[first_date:]), published)
        parts = parts[:first_date]
    places = [_clean_place(p) for p in parts if not _WEEKDAY_RE.match(p)]
    if None in places:
        return None
    if not places and first_date is None:
        return None
    if first_date is None and not (parts[0].isupper() or len(places) > 1 or paren_place):
        return None  # "Officials said -" is prose; an upper-case "WASHINGTON -" is a dateline
    return (place or (places[0] if places else None)), date


def _clean_place(part: str) -> str | None:
    part = part.strip()
    if not part or not _PLACE_RE.match(part):
        return None
    return part.title() if part.isupper() and len(part) > 3 else part


def _parse_date(part: str, published: str | None) -> str | None:
    """Parse a date such as "16th May 2024", "May 16", "Friday, January 4, 2019" or "16/05/2024"."""
    part = part.strip(" ,")
    if not part or not (_MONTH_RE.search(part) or _NUMERIC_DATE_RE.match(part)):
        return None
    words = re.findall(r"[A-Za-z]+", part)
    allowed = {"th", "st", "nd", "rd", "of"}
    if any(not (_MONTH_RE.fullmatch(w) or _WEEKDAY_RE.match(w) or w.lower() in allowed) for w in words):
        return None
    year_known = bool(_YEAR_RE.search(part))
    default_year = int(published[:4]) if published and published[:4].isdigit() else None
    if not year_known and default_year is None:
        return None
    try:
        parsed = dateutil_parser.parse(part, default=datetime(default_year or 2000, 1, 1), dayfirst=False)
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat()
