"""Hand-made articles and stores for the aggregate and export tests (no model involved)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.model import Actor, Article, Event, EventActor, Outcome, Place, Quote, Span, Speaker
from dateline.store import Store

LEDE = (
    "The foreign ministers of Freedonia and Sylvania met in the harbour city of Port Velo on Tuesday to discuss "
    "a long dispute over fishing rights in the northern strait. "
)
BODY = [
    "Officials from both delegations said the talks lasted more than six hours and ended with a joint statement "
    "promising a new round of negotiations before the end of the season.",
    "Fishermen on both coasts have complained for years that patrol boats seize their nets and impound their "
    "vessels, and several crews were detained last spring after a collision near the lighthouse.",
    "The Sylvanian delegation brought maps drawn by a commission of surveyors, while the Freedonian side proposed "
    "a shared patrol that would be commanded in turns by officers of each navy.",
    "Analysts at the regional institute for maritime studies said the meeting was the most serious attempt at a "
    "settlement since a treaty signed two decades ago collapsed amid accusations of bad faith.",
    "Markets in Port Velo reacted calmly, and the price of fresh cod at the morning auction barely moved, traders "
    "said, although exporters hope that a deal would reopen routes to southern buyers.",
]
OTHER = (
    "Heavy rain flooded the lower districts of Castellan overnight, forcing hundreds of families to leave their "
    "homes as the river rose above its banks for the first time in thirty years. Emergency crews used boats to "
    "reach residents trapped on rooftops, and the mayor asked volunteers to bring blankets and drinking water to "
    "the sports hall, which has been turned into a shelter. Forecasters expect the rain to ease by Thursday."
)


def story(paragraphs: int = len(BODY)) -> str:
    """The test story: its lede and the first ``paragraphs`` paragraphs of its body."""
    return "\n\n".join([LEDE.strip(), *BODY[:paragraphs]])


def event(
    article_id: str,
    n: int,
    text: str,
    trigger: str,
    source: str | None,
    target: str | None,
    cameo: str | None = "043",
    *,
    mode: str = "asserted",
    date: str | None = None,
    place: str | None = None,
    goldstein: float | None = 2.8,
    quad_class: int | None = 1,
    tone: float | None = 0.1,
) -> Event:
    """An event whose sentence is the one holding ``trigger`` in ``text``."""
    at = text.index(trigger)
    start = text.rfind(". ", 0, at) + 2 if ". " in text[:at] else 0
    end = text.find(".", at) + 1 or len(text)
    return Event(
        id=f"{article_id}:e{n}",
        sentence=Span(start, end),
        trigger=Span(at, at + len(trigger), trigger),
        source=EventActor("a1", source, "Freedonia") if source else None,
        target=EventActor("a2", target, "Sylvania") if target else None,
        cameo=cameo,
        plover="CONSULT",
        mode=mode,
        date=date,
        place=place,
        goldstein=goldstein,
        quad_class=quad_class,
        confidence=0.8,
        tone=tone,
    )


def article(
    article_id: str,
    text: str,
    *,
    published: str | None = "2024-05-14",
    url: str | None = None,
    events: list[Event] | None = None,
    places: list[Place] | None = None,
    tone: float | None = -0.1,
    **extra: Any,
) -> Article:
    return Article(
        id=article_id,
        text=text,
        title=extra.pop("title", f"Story {article_id}"),
        published=published,
        url=url,
        source=f"test.jsonl#line {article_id}",
        events=events or [],
        places=places or [],
        tone={"score": tone, "sentences": []} if tone is not None else {},
        **extra,
    )


def meeting(article_id: str, text: str, **kwargs: Any) -> Article:
    """An article about the ministers' meeting, with its meeting event (FRE -> SYL, consult) on 2024-05-14."""
    meets = event(article_id, 0, text, "met", "FREGOV", "SYLGOV", "043", date=kwargs.pop("date", "2024-05-14"))
    return article(article_id, text, events=[meets], **kwargs)


def store_of(path: Path, articles: list[Article]) -> Store:
    """A store at ``path`` holding ``articles`` (written in the order given)."""
    store = Store(path)
    store.write([Outcome(a.source, "processed", "", a) for a in articles])
    return store


def quote_article(article_id: str) -> Article:
    """An article with a quote by an actor (a person of Freedonia's government) about another actor."""
    text = 'Minister Anna Holt said: "Sylvania must return the boats." Sylvania did not reply.'
    holt = Actor("a1", "Anna Holt", "person", "FRE", "FREGOV", ["minister"], [Span(9, 18, "Anna Holt")])
    syl = Actor("a2", "Sylvania", "country", "SYL", "SYLGOV", [], [Span(25, 33, "Sylvania"), Span(58, 66, "Sylvania")])
    quote = Quote(
        25,
        56,
        "Sylvania must return the boats.",
        "direct",
        Span(19, 23, "said"),
        Speaker(0, 18, "Minister Anna Holt", "a1"),
    )
    demand = event(article_id, 0, text, "must return", "FREGOV", "SYLGOV", "100", goldstein=-5.0, quad_class=3)
    demand.attributed_to = "a1"
    return article(article_id, text, actors=[holt, syl], quotes=[quote], events=[demand])
