"""Times stage: TIMEX3 time expressions (DATE, TIME, DURATION, SET) normalised against the article's anchor date.

The work is one cascade in :mod:`.detect` (find, filter, choose, widen, normalise) over the rules of
:mod:`.rules`; :mod:`.clause` dates a clause for the event stage. Relative expressions count from
``Article.anchor`` (the dateline's date, else the publication date); with no anchor they stay underspecified
(``XXXX-05-16``, ``PRESENT_REF``), never the date of processing.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dateline.model import Article
from dateline.stages import Stage
from dateline.stages.times.calendar import parse_anchor
from dateline.stages.times.clause import ClauseDate, date_clause
from dateline.stages.times.detect import find_times
from dateline.stages.times.tense import tense_at

__all__ = ["ClauseDate", "Times", "date_clause", "day_first"]

_DAY_FIRST_TLD = re.compile(r"^https?://[^/]+\.(?:uk|au|nz|ie|in|za|sg|pk|ng|ke|gh|my|ph|hk)(?::\d+)?(?:/|$)")
_DMY_RE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b")
_MDY_RE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b")


class Times(Stage):
    """Adds ``times``: every time expression with its TIMEX3 type and value."""

    name = "times"
    requires = ("sentences",)
    assigns = ("times",)
    needs_doc = True

    def __call__(self, article: Article, doc: Doc | None) -> None:
        assert doc is not None
        anchor = parse_anchor(article.anchor)
        article.times = find_times(article.text, anchor, doc, lambda s, e: tense_at(doc, s, e), day_first(article))


def day_first(article: Article) -> bool:
    """Whether "05/06/2024" means 5 June here: a British-style site, or text that writes "16 May" not "May 16"."""
    if article.url and _DAY_FIRST_TLD.match(article.url):
        return True
    return len(_DMY_RE.findall(article.text)) > len(_MDY_RE.findall(article.text))
