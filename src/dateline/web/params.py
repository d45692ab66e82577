"""Query parameters shared by the API and the pages, validated once: a bad value is a 422, never a 500.

HTML forms send empty fields as empty strings; they mean "no filter" here.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from dateline.web.queries import EventFilters, Mode

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Code = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9]{1,15}$")]

MAX_LIMIT = 500
MAX_OFFSET = 1_000_000


class _Query(BaseModel):
    model_config = ConfigDict(extra="ignore")

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value


class Paging(_Query):
    """Which slice of a list: ``limit`` rows from ``offset``."""

    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Rows per page.")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")


class DateRange(_Query):
    start: date | None = Field(None, description="On or after this day (YYYY-MM-DD).")
    end: date | None = Field(None, description="On or before this day (YYYY-MM-DD).")

    @model_validator(mode="after")
    def _ordered(self) -> DateRange:
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"start ({self.start}) is after end ({self.end})")
        return self


class EventQuery(Paging, DateRange):
    """Filters of the event list; each narrows the list, all must hold."""

    actor: Text | None = Field(None, description="Source or target: actor-code prefix, argument text or actor name.")
    source: Text | None = Field(None, description="Source: actor-code prefix, argument text or actor name.")
    target: Text | None = Field(None, description="Target: actor-code prefix, argument text or actor name.")
    cameo: str | None = Field(None, pattern=r"^\d{2,4}$", description="CAMEO code prefix: 2 digits is the root.")
    quad_class: int | None = Field(None, ge=1, le=4, description="1 verbal coop., 2 material coop., 3, 4 conflict.")
    mode: Mode | None = Field(None, description="Only asserted events happened.")
    place: Text | None = Field(None, description="Substring of the event's place.")
    article: Text | None = Field(None, description="Article id or prefix.")

    def filters(self) -> EventFilters:
        return EventFilters(
            actor=self.actor,
            source=self.source,
            target=self.target,
            cameo=self.cameo,
            quad_class=self.quad_class,
            mode=self.mode,
            start=self.start,
            end=self.end,
            place=self.place,
            article=self.article,
        )


class ArticleQuery(Paging, DateRange):
    q: Text | None = Field(None, description="Substring of the title or text.")
    actor: Text | None = Field(None, description="An actor in the article: name substring or actor-code prefix.")

    def filters(self) -> dict[str, Any]:
        """The keyword arguments of ``queries.articles``, shared by the API route and the page."""
        return {"text": self.q, "start": self.start, "end": self.end, "actor": self.actor}


class ActorQuery(Paging):
    q: Text | None = Field(None, description="Substring of the actor's name, or actor-code prefix.")


class QuoteQuery(Paging):
    speaker: Text | None = Field(None, description="Substring of the speaker as written or of its actor's name.")
    q: Text | None = Field(None, description="Substring of the quote.")
    article: Text | None = Field(None, description="Article id or prefix.")


class DyadQuery(_Query):
    source: Code | None = Field(None, description="Source actor-code prefix, e.g. RUS or RUSGOV.")
    target: Code | None = Field(None, description="Target actor-code prefix.")
    both: bool = Field(False, description="Count the reverse direction too.")
    by: Literal["day", "week", "month", "year"] = Field("month", description="The timeline's period.")


class NetworkQuery(_Query):
    mode: Mode | None = Field("asserted", description="Events of this mode only (asserted by default).")
    limit: int = Field(200, ge=1, le=2000, description="At most this many edges, heaviest first.")
