"""Cut an article's text into segments that carry the layers covering them, for the article page.

Layers overlap (a quote holds actor mentions and event triggers), so the text is cut at every span boundary and
each segment lists every mark over it; CSS classes then stack. A sweep over sorted boundaries keeps this linear
in the number of marks rather than quadratic, which matters for long articles with hundreds of items.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass

from dateline.model import Article


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: ``kind`` is its layer (a CSS class), ``note`` its tooltip, ``event`` its event index."""

    start: int
    end: int
    kind: str
    note: str = ""
    event: int | None = None


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of text under the same marks; ``events`` are the events whose evidence sentence covers it."""

    text: str
    marks: tuple[Mark, ...]
    events: tuple[int, ...]

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"m-{mark.kind}" for mark in self.marks}))

    @property
    def note(self) -> str:
        return "; ".join(dict.fromkeys(mark.note for mark in self.marks if mark.note))

    @property
    def trigger(self) -> int | None:
        return next((mark.event for mark in self.marks if mark.event is not None), None)


def article_marks(article: Article) -> list[Mark]:
    """Marks for the dateline, quotes, actor mentions, places, times and event triggers of an article."""
    marks: list[Mark] = []
    if article.dateline is not None:
        marks.append(Mark(article.dateline.start, article.dateline.end, "dateline", "dateline"))
    for quote in article.quotes:
        speaker = quote.speaker.text if quote.speaker else "unknown speaker"
        marks.append(Mark(quote.start, quote.end, "quote", f"{quote.kind} quote, by {speaker}"))
        if quote.speaker is not None and quote.speaker.start is not None and quote.speaker.end is not None:
            marks.append(Mark(quote.speaker.start, quote.speaker.end, "speaker", "speaker"))
    for actor in article.actors:
        note = f"{actor.name} ({actor.code})" if actor.code else actor.name
        marks.extend(Mark(m.start, m.end, "actor", note) for m in actor.mentions)
    marks.extend(Mark(p.start, p.end, "place", f"place: {p.name or p.text}") for p in article.places)
    marks.extend(Mark(t.start, t.end, "time", f"{t.type} {t.value or ''}".strip()) for t in article.times)
    for index, event in enumerate(article.events):
        note = f"event {event.cameo or '?'} ({event.mode})"
        marks.append(Mark(event.trigger.start, event.trigger.end, "trigger", note, index))
    return marks


def segments(text: str, marks: list[Mark], evidence: list[tuple[int, int]] | None = None) -> list[Segment]:
    """The text cut at every boundary of ``marks`` and ``evidence`` (one sentence span per event)."""
    size = len(text)
    starts: dict[int, list[int]] = defaultdict(list)
    ends: dict[int, list[int]] = defaultdict(list)
    # Marks and evidence sentences share one sweep; evidence entries are numbered after the marks.
    spans = [(m.start, m.end) for m in marks] + list(evidence or [])
    for number, (start, end) in enumerate(spans):
        start, end = max(0, start), min(size, end)
        if start < end:
            starts[start].append(number)
            ends[end].append(number)
    bounds = sorted({0, size, *starts, *ends})
    active: set[int] = set()
    result = []
    for left, right in itertools.pairwise(bounds):
        active.difference_update(ends.get(left, ()))
        active.update(starts.get(left, ()))
        on = sorted(active)
        result.append(
            Segment(
                text[left:right],
                tuple(marks[n] for n in on if n < len(marks)),
                tuple(n - len(marks) for n in on if n >= len(marks)),
            )
        )
    return result


def article_segments(article: Article) -> list[Segment]:
    """The article page's segments: every layer, and each event's evidence sentence."""
    evidence = [_trimmed(article.text, event.sentence.start, event.sentence.end) for event in article.events]
    return segments(article.text, article_marks(article), evidence)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without its trailing whitespace, so a focused sentence does not light up the blank line after it."""
    return start, start + len(text[start:end].rstrip())
