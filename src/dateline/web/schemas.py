"""Response and request bodies of the HTTP API (they make up the OpenAPI schema at ``/openapi.json``).

The full article record is the output contract of ``docs/output.md`` and is typed here as an object.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ErrorDetail(_Out):
    param: str
    message: str


class ErrorInfo(_Out):
    status: int
    type: str
    message: str
    details: list[ErrorDetail] | None = None


class ErrorOut(_Out):
    """The one shape of every API error."""

    error: ErrorInfo


class PageOut(_Out, Generic[T]):
    items: list[T]
    total: int = Field(description="Rows matching the filters, in all pages.")
    limit: int
    offset: int


class Stats(_Out):
    counts: dict[str, int] = Field(description="Articles, items per layer, ingest-log rows per status.")
    writable: bool


class ArticleSummary(_Out):
    id: str
    title: str | None
    published: str | None
    anchor: str | None = Field(description="The article's date: dateline date, else published date.")
    lang: str | None
    chars: int
    events: int
    actors: int
    quotes: int
    places: int


class SpanOut(_Out):
    start: int
    end: int
    text: str = ""


class EventActorOut(_Out):
    actor: str | None
    code: str | None
    text: str


class EventOut(_Out):
    id: str
    article_id: str
    title: str | None = Field(description="The article's title.")
    sentence: SpanOut
    evidence: str = Field(description="The evidence sentence's text.")
    trigger: SpanOut
    source: EventActorOut | None
    target: EventActorOut | None
    cameo: str | None
    plover: str | None
    mode: str
    date: str | None
    day: str | None = Field(description="The day used for filters and timelines (own date, else article date).")
    place: str | None
    attributed_to: str | None
    goldstein: float | None
    quad_class: int | None
    confidence: float


class ActorSummary(_Out):
    name: str
    code: str | None
    type: str | None
    country: str | None
    roles: list[str]
    articles: int
    mentions: int | None
    as_source: int = Field(description="Events with this actor as source.")
    as_target: int = Field(description="Events with this actor as target.")
    quotes: int = Field(description="Quotes spoken by this actor.")


class ArticleRef(_Out):
    id: str
    title: str | None
    anchor: str | None


class QuoteOut(_Out):
    article_id: str
    title: str | None
    anchor: str | None
    start: int
    end: int
    kind: str
    text: str
    cue: SpanOut | None
    speaker: dict[str, Any] | None = Field(description="As written: {start, end, text, actor}.")
    speaker_name: str | None = Field(description="Name of the speaker's actor, when linked.")
    speaker_code: str | None


class ActorDetail(ActorSummary):
    in_articles: list[ArticleRef]
    events: list[EventOut]
    quotes_spoken: list[QuoteOut]


class TimelinePoint(_Out):
    period: str = Field(description="2024, 2024-05, 2024-W20 or 2024-05-16, by the timeline's unit.")
    events: int
    goldstein_sum: float
    goldstein_mean: float | None
    q1: int = Field(description="Verbal cooperation events.")
    q2: int = Field(description="Material cooperation events.")
    q3: int = Field(description="Verbal conflict events.")
    q4: int = Field(description="Material conflict events.")


class Timeline(_Out):
    source: str | None
    target: str | None
    both: bool
    by: str
    points: list[TimelinePoint]


class Edge(_Out):
    source: str
    target: str
    events: int
    goldstein_sum: float
    goldstein_mean: float | None
    cooperation: int
    conflict: int


class Network(_Out):
    nodes: list[dict[str, Any]] = Field(description="Actor codes with their event counts.")
    edges: list[Edge]


class PlacePoint(_Out):
    name: str
    country: str | None
    feature: str | None
    lat: float
    lon: float
    events: int
    articles: int
    goldstein_mean: float | None
    conflict: int


class ExtractIn(BaseModel):
    """An article to analyse. ``text`` is used exactly as given: offsets in the answer refer to it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article text.")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40, description="ISO 8601 date or date-time.")


class Stored(_Out):
    id: str
    url: str
