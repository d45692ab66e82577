"""The HTTP API under ``/api/v1``: articles, events, actors, quotes, timelines, network, places, extract.

Lists are paginated (``limit``, ``offset``) and answer ``{items, total, limit, offset}``. Reads go through
:mod:`dateline.web.queries`; ``POST /extract`` analyses a text without storing it.
"""

from __future__ import annotations

import math
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi import Path as PathParam
from starlette.exceptions import HTTPException

from dateline.model import Article, Outcome, content_id
from dateline.web import queries
from dateline.web.deps import AnalyserDep, NotAnalysed, SettingsDep, StoreDep, require_token
from dateline.web.params import ActorQuery, ArticleQuery, DyadQuery, EventQuery, NetworkQuery, QuoteQuery
from dateline.web.schemas import (
    ActorDetail,
    ActorSummary,
    ArticleSummary,
    ErrorOut,
    EventOut,
    ExtractIn,
    Network,
    PageOut,
    PlacePoint,
    QuoteOut,
    Stats,
    Stored,
    Timeline,
)

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in {404: "Not found", 413: "Body too large", 422: "Invalid parameters", 500: "Server error"}.items()
}

router = APIRouter(prefix="/api/v1", tags=["v1"], responses=_ERRORS)


def _page(page: queries.Page) -> dict[str, Any]:
    return {"items": page.items, "total": page.total, "limit": page.limit, "offset": page.offset}


@router.get("/stats", response_model=Stats, summary="What the store holds")
def stats(store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    return {"counts": store.counts(), "writable": settings.writable}


@router.get("/articles", response_model=PageOut[ArticleSummary], summary="List and search articles")
def list_articles(store: StoreDep, params: Annotated[ArticleQuery, Query()]) -> dict[str, Any]:
    page = queries.articles(store, **params.filters(), limit=params.limit, offset=params.offset)
    return _page(page)


@router.get("/articles/{article_id}", summary="One article with every layer (the output record)")
def get_article(store: StoreDep, article_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return article.to_record()


@router.get("/events", response_model=PageOut[EventOut], summary="List events with filters")
def list_events(store: StoreDep, params: Annotated[EventQuery, Query()]) -> dict[str, Any]:
    return _page(queries.events(store, params.filters(), limit=params.limit, offset=params.offset))


@router.get("/events/{event_id}", response_model=EventOut, summary="One event with its evidence sentence")
def get_event(store: StoreDep, event_id: Annotated[str, PathParam(max_length=250)]) -> dict[str, Any]:
    event = queries.event(store, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return event


@router.get("/actors", response_model=PageOut[ActorSummary], summary="Actors with roles and event counts")
def list_actors(store: StoreDep, params: Annotated[ActorQuery, Query()]) -> dict[str, Any]:
    return _page(queries.actors(store, text=params.q, limit=params.limit, offset=params.offset))


@router.get("/actors/{name}", response_model=ActorDetail, summary="One actor: articles, events and quotes")
def get_actor(store: StoreDep, name: Annotated[str, PathParam(max_length=300)]) -> dict[str, Any]:
    actor = queries.actor(store, name)
    if actor is None:
        raise HTTPException(404, f"no actor named {name!r}")
    return actor


@router.get("/quotes", response_model=PageOut[QuoteOut], summary="Quotes by speaker or text")
def list_quotes(store: StoreDep, params: Annotated[QuoteQuery, Query()]) -> dict[str, Any]:
    page = queries.quotes(
        store, speaker=params.speaker, text=params.q, article=params.article, limit=params.limit, offset=params.offset
    )
    return _page(page)


@router.get("/timeline", response_model=Timeline, summary="Asserted events per period for a dyad (or all)")
def timeline(store: StoreDep, params: Annotated[DyadQuery, Query()]) -> dict[str, Any]:
    points = queries.timeline(store, source=params.source, target=params.target, both=params.both, by=params.by)
    return {"source": params.source, "target": params.target, "both": params.both, "by": params.by, "points": points}


@router.get("/network", response_model=Network, summary="Edges between actor codes, weighted")
def network(store: StoreDep, params: Annotated[NetworkQuery, Query()]) -> dict[str, Any]:
    edges = queries.network(store, mode=params.mode, limit=params.limit)
    return {"nodes": network_nodes(edges), "edges": edges}


def network_nodes(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Nodes of the edges with their event counts, placed on a circle (heaviest first) for drawing."""
    weight: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            weight[end] = weight.get(end, 0) + edge["events"]
    ordered = sorted(weight, key=lambda code: (-weight[code], code))
    count = max(len(ordered), 1)
    return [
        {
            "id": code,
            "events": weight[code],
            "x": round(math.cos(2 * math.pi * i / count), 4),
            "y": round(math.sin(2 * math.pi * i / count), 4),
        }
        for i, code in enumerate(ordered)
    ]


@router.get("/places", response_model=list[PlacePoint], summary="Where events happened, with coordinates")
def places(store: StoreDep, mode: Annotated[queries.Mode | None, Query()] = None) -> list[dict[str, Any]]:
    return queries.event_places(store, mode=mode)


@router.post("/extract", summary="Analyse a text and return its record (nothing is stored)")
def extract(body: ExtractIn, analyser: AnalyserDep) -> dict[str, Any]:
    return analyse(analyser, body.text, body.title, body.published).to_record()


@router.post(
    "/articles",
    status_code=201,
    response_model=Stored,
    summary="Analyse and store (--writable only; with the server's bearer token when it has one)",
    dependencies=[Depends(require_token)],
    responses={
        401: {"model": ErrorOut, "description": "Token missing or wrong"},
        403: {"model": ErrorOut, "description": "Read-only server"},
    },
)
def store_article(body: ExtractIn, analyser: AnalyserDep, store: StoreDep, settings: SettingsDep) -> dict[str, Any]:
    if not settings.writable:
        raise HTTPException(403, "this server is read-only; start it with --writable to store articles")
    article = analyse(analyser, body.text, body.title, body.published)
    store.write([Outcome("web", "processed", "", article)])
    return {"id": article.id, "url": f"/articles/{article.id}"}


def analyse(analyser: AnalyserDep, text: str, title: str | None, published: str | None) -> Article:
    """Run the pipeline on one posted text; an article it skips or fails is a 422 with the reason."""
    article = Article(id=content_id(text, title), text=text, title=title, published=published, source="web")
    try:
        return analyser.analyse(article)
    except NotAnalysed as exc:
        raise HTTPException(422, str(exc)) from exc
