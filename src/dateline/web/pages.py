"""The HTML pages: server-rendered with Jinja2, so lists and articles show without waiting for scripts.

Charts (timeline, network, map) get their data embedded in the page as JSON and are drawn by our own
``static/charts.js`` with plotly.js, both served by this app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from dateline import __version__
from dateline.ingest.text import parse_text
from dateline.model import Article
from dateline.store import Store
from dateline.web import assets, labels, queries
from dateline.web.api import analyse, network_nodes
from dateline.web.deps import AnalyserDep, StoreDep, get_settings
from dateline.web.highlight import article_segments
from dateline.web.params import ActorQuery, ArticleQuery, DyadQuery, EventQuery, NetworkQuery, QuoteQuery

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.filters.update(
    cameo_name=labels.cameo_name,
    quad_label=lambda q: labels.QUAD_CLASSES.get(q, ""),
    quad_tone=labels.quad_tone,
    urlpart=lambda value: quote(str(value), safe=":"),  # event ids keep their colon
)
templates.env.globals.update(
    version=__version__,
    asset_version="-".join(assets.NPM_PACKAGES.values()),
    quad_classes=labels.QUAD_CLASSES,
    modes=labels.MODES,
)


def warm() -> None:
    """Compile every template now, so that the first visitor of each page does not wait for it."""
    for name in templates.env.list_templates():
        templates.env.get_template(name)


def render(request: Request, name: str, store: Store | None, **context: Any) -> HTMLResponse:
    """A page with what every page shows: the database, whether it is writable, what it holds."""
    settings = get_settings(request)
    context = {
        "db_name": settings.db_path.name,
        "writable": settings.writable,
        "counts": store.counts() if store is not None else {},
        "charts_missing": assets.missing(),
        "page_url": lambda **changes: str(request.url.include_query_params(**changes)),
        **context,
    }
    return templates.TemplateResponse(request, name, context)


def error_page(request: Request, status: int, message: str, details: list[dict[str, str]]) -> HTMLResponse:
    response = render(request, "error.html", None, status=status, message=message, details=details)
    response.status_code = status
    return response


@router.get("/", response_class=HTMLResponse)
def events_page(request: Request, store: StoreDep, params: Annotated[EventQuery, Query()]) -> HTMLResponse:
    page = queries.events(store, params.filters(), limit=params.limit, offset=params.offset)
    return render(request, "events.html", store, page=page, params=params, roots=labels.cameo_roots())


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: StoreDep, params: Annotated[ArticleQuery, Query()]) -> HTMLResponse:
    page = queries.articles(store, **params.filters(), limit=params.limit, offset=params.offset)
    return render(request, "articles.html", store, page=page, params=params)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(
    request: Request, store: StoreDep, article_id: Annotated[str, PathParam(max_length=200)]
) -> HTMLResponse:
    article = store.article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return render(request, "article.html", store, **article_context(article))


def article_context(article: Article) -> dict[str, Any]:
    """What the article template needs: the article, its highlighted segments, actors by id, quote speakers."""
    return {
        "article": article,
        "segments": article_segments(article),
        "actors_by_id": {actor.id: actor for actor in article.actors},
    }


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, store: StoreDep, event_id: Annotated[str, PathParam(max_length=250)]) -> HTMLResponse:
    event = queries.event(store, event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    article = store.article(event["article_id"])
    actors = {a.id: a for a in article.actors} if article is not None else {}
    return render(request, "event.html", store, event=event, actors_by_id=actors, parts=evidence_parts(event))


def evidence_parts(event: dict[str, Any]) -> tuple[str, str, str]:
    """The evidence sentence cut around the trigger: before, trigger, after (trailing whitespace dropped)."""
    text, offset = event["evidence"], event["sentence"]["start"]
    start, end = event["trigger"]["start"] - offset, event["trigger"]["end"] - offset
    return text[:start], text[start:end], text[end:].rstrip()


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, store: StoreDep, params: Annotated[ActorQuery, Query()]) -> HTMLResponse:
    page = queries.actors(store, text=params.q, limit=params.limit, offset=params.offset)
    return render(request, "actors.html", store, page=page, params=params)


@router.get("/actors/{name}", response_class=HTMLResponse)
def actor_page(request: Request, store: StoreDep, name: Annotated[str, PathParam(max_length=300)]) -> HTMLResponse:
    actor = queries.actor(store, name)
    if actor is None:
        raise HTTPException(404, f"no actor named {name!r}")
    return render(request, "actor.html", store, actor=actor)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, store: StoreDep, params: Annotated[QuoteQuery, Query()]) -> HTMLResponse:
    page = queries.quotes(
        store, speaker=params.speaker, text=params.q, article=params.article, limit=params.limit, offset=params.offset
    )
    return render(request, "quotes.html", store, page=page, params=params)


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, store: StoreDep, params: Annotated[DyadQuery, Query()]) -> HTMLResponse:
    points = queries.timeline(store, source=params.source, target=params.target, both=params.both, by=params.by)
    return render(request, "timeline.html", store, points=points, params=params, codes=queries.actor_codes(store))


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, store: StoreDep, params: Annotated[NetworkQuery, Query()]) -> HTMLResponse:
    edges = queries.network(store, mode=params.mode, limit=params.limit)
    graph = {"nodes": network_nodes(edges), "edges": edges}
    return render(request, "network.html", store, graph=graph, params=params)


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, store: StoreDep, mode: Annotated[queries.Mode | None, Query()] = None) -> HTMLResponse:
    points = queries.event_places(store, mode=mode)
    return render(request, "map.html", store, points=points, mode=mode)


@router.get("/analyse", response_class=HTMLResponse)
def analyse_form(request: Request, store: StoreDep) -> HTMLResponse:
    return render(request, "analyse.html", store, text="", title="")


@router.post("/analyse", response_class=HTMLResponse)
async def analyse_page(request: Request, store: StoreDep, analyser: AnalyserDep) -> HTMLResponse:
    """Analyse a pasted (or uploaded, read by the page's script) article and show it; nothing is stored."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise HTTPException(415, "send the form as application/x-www-form-urlencoded")
    form = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    text = (form.get("text") or [""])[0]
    title = (form.get("title") or [""])[0].strip() or None
    if not text.strip():
        return render(request, "analyse.html", store, text=text, title=title or "", problem="Paste some text first.")
    if title is None:  # like a .txt file: a short first line followed by more text is the headline
        parsed = parse_text(text, "web")
        if isinstance(parsed, Article):
            text, title = parsed.text, parsed.title
    try:
        article = await run_in_threadpool(analyse, analyser, text, title, None)
    except HTTPException as exc:
        return render(request, "analyse.html", store, text=text, title=title or "", problem=exc.detail)
    return render(request, "article.html", store, analysed=True, **article_context(article))
