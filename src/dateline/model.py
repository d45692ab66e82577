"""The record dateline builds: an :class:`Article` and the layers that stages add to it.

Everything here is a plain dataclass: picklable, comparable, and convertible to and from the JSON output
contract (``docs/output.md``). Every extracted item carries ``start``/``end``, Python ``str`` indices into
``Article.text`` with ``end`` exclusive, so ``article.text[item.start:item.end] == item.text``.

spaCy ``Doc`` objects never leave the process that made them; these records are what crosses process and
storage boundaries.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

Status = Literal["processed", "skipped", "failed"]

#: The keys of one article in the output contract, in order.
RECORD_KEYS = (
    "id", "title", "published", "dateline", "text", "entities", "actors", "places",
    "times", "quotes", "events", "tone",
)  # fmt: skip


@dataclass(slots=True)
class Span:
    """A stretch of the article text."""

    start: int
    end: int
    text: str = ""


@dataclass(slots=True)
class Dateline:
    """The dateline that opens a wire story: "BEIJING, May 16 (Reuters) -"."""

    place: str | None
    date: str | None  # ISO date (YYYY-MM-DD) when the year is known
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    """A named-entity mention with its spaCy label and, once actors exist, the actor it refers to."""

    start: int
    end: int
    text: str
    label: str
    actor: str | None = None


@dataclass(slots=True)
class Actor:
    """One real-world participant of an article, with every mention of it."""

    id: str
    name: str
    type: str  # person, organisation, country, group, ...
    country: str | None = None  # ISO 3166-1 alpha-3
    code: str | None = None  # CAMEO actor code, e.g. RUSGOV
    roles: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    tone: float | None = None  # tone of what the article says about this actor, in [-1, 1]


@dataclass(slots=True)
class Place:
    """A toponym resolved to a gazetteer entry."""

    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None


@dataclass(slots=True)
class TimeExpr:
    """A TIMEX3-style time expression: type DATE/TIME/DURATION/SET and its normalised value."""

    start: int
    end: int
    text: str
    type: str
    value: str | None = None


@dataclass(slots=True)
class Speaker:
    start: int | None
    end: int | None
    text: str
    actor: str | None = None


@dataclass(slots=True)
class Quote:
    """A statement (direct, mixed or indirect) with its cue and speaker."""

    start: int
    end: int
    text: str
    kind: str  # direct, mixed, indirect
    cue: Span | None = None
    speaker: Speaker | None = None


@dataclass(slots=True)
class EventActor:
    actor: str | None
    code: str | None
    text: str


@dataclass(slots=True)
class Event:
    """Who did what to whom, coded to CAMEO and PLOVER, with its own date, place and mode."""

    id: str
    sentence: Span
    trigger: Span
    source: EventActor | None
    target: EventActor | None
    cameo: str | None
    plover: str | None
    mode: str
    date: str | None = None
    place: str | None = None
    attributed_to: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    confidence: float = 0.0
    tone: float | None = None  # tone of the event's sentence toward its participants, in [-1, 1]


@dataclass(slots=True)
class Article:
    """An article and every layer the pipeline has added to it.

    ``source`` (the input: file, line, feed), ``url``, ``author``, ``outlet`` (the publication's name, where the
    input gives one: a JSONL record's ``outlet`` or ``source`` field, a feed's title, a page's site name) and
    ``lang`` describe where the article came from; they are stored but are not part of the output contract.
    ``sentences`` is an internal layer used by later stages and by ``dateline show``.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    author: str | None = None
    source: str = ""
    outlet: str | None = None
    lang: str | None = None
    dateline: Dateline | None = None
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tone: dict[str, Any] = field(default_factory=dict)

    @property
    def anchor(self) -> str | None:
        """The date relative expressions resolve against: the dateline's date, else the published date."""
        if self.dateline is not None and self.dateline.date:
            return self.dateline.date
        if self.published:
            return self.published[:10]
        return None

    def to_record(self) -> dict[str, Any]:
        """The article as the output contract's JSON object (exactly :data:`RECORD_KEYS`)."""
        data = asdict(self)
        return {key: data[key] for key in RECORD_KEYS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an article from :meth:`to_record` output (or a stored row); unknown keys are ignored."""
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        article = cls(**kwargs)
        article.dateline = _build(Dateline, data.get("dateline"))
        article.sentences = [Span(**s) for s in data.get("sentences") or []]
        article.entities = [Entity(**e) for e in data.get("entities") or []]
        article.actors = [_actor(a) for a in data.get("actors") or []]
        article.places = [Place(**p) for p in data.get("places") or []]
        article.times = [TimeExpr(**t) for t in data.get("times") or []]
        article.quotes = [_quote(q) for q in data.get("quotes") or []]
        article.events = [_event(e) for e in data.get("events") or []]
        article.tone = dict(data.get("tone") or {})
        return article


@dataclass(slots=True)
class Outcome:
    """What became of one input: processed (with its article), skipped or failed, with a readable reason."""

    source: str
    status: Status
    reason: str = ""
    article: Article | None = None


def _build(cls: Any, data: dict[str, Any] | None) -> Any:
    return None if data is None else cls(**data)


def _actor(data: dict[str, Any]) -> Actor:
    mentions = [Span(**m) for m in data.get("mentions") or []]
    return Actor(**{**data, "mentions": mentions, "roles": list(data.get("roles") or [])})


def _quote(data: dict[str, Any]) -> Quote:
    return Quote(**{**data, "cue": _build(Span, data.get("cue")), "speaker": _build(Speaker, data.get("speaker"))})


def _event(data: dict[str, Any]) -> Event:
    return Event(
        **{
            **data,
            "sentence": Span(**data["sentence"]),
            "trigger": Span(**data["trigger"]),
            "source": _build(EventActor, data.get("source")),
            "target": _build(EventActor, data.get("target")),
        }
    )


def content_id(text: str, title: str | None = None) -> str:
    """A stable id from an article's content: the same text (and title) always gives the same id."""
    import hashlib

    digest = hashlib.blake2b(digest_size=10)
    digest.update((title or "").strip().encode("utf-8", "surrogatepass"))
    digest.update(b"\x00")
    digest.update(text.strip().encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
