"""The web app: :func:`create_app` builds the FastAPI application over one dateline database.

The app opens the store read-only for every request unless it was created ``writable``; the pipeline that
analyses posted articles is built once, on first use, and runs one article at a time. Everything a page loads
(our scripts and styles, plotly.js, map shapes) is served by the app itself; see :mod:`dateline.web.assets`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from dateline import __version__
from dateline.errors import StoreError
from dateline.store import Store
from dateline.web import api, assets, errors, pages
from dateline.web.deps import MAX_BODY, Analyser, Settings
from dateline.web.limits import BodyLimit, SecurityHeaders

WEB_DIR = Path(__file__).parent

#: The environment variable that holds the write token when ``create_app`` is given none.
TOKEN_VARIABLE = "DATELINE_TOKEN"


def create_app(
    db_path: str | Path,
    *,
    writable: bool = False,
    max_body: int = MAX_BODY,
    cors_origins: Sequence[str] = (),
    analyser: Analyser | None = None,
    token: str | None = None,
) -> FastAPI:
    """The app over the database at ``db_path``.

    Read-only unless ``writable`` (which also creates a missing database). ``max_body`` bounds every request
    body; ``cors_origins`` is empty by default, so browsers refuse cross-origin calls. ``token`` (by default the
    ``DATELINE_TOKEN`` environment variable) is the bearer token that storing articles then requires. ``analyser``
    lets tests pass a prepared pipeline.
    """
    if token is None:
        token = os.environ.get(TOKEN_VARIABLE) or None
    settings = Settings(Path(db_path), writable, max_body, token)
    _check_database(settings)
    app = FastAPI(
        title="dateline",
        version=__version__,
        summary="Events, actors, quotes, times and places extracted from news articles, with evidence offsets.",
        openapi_url="/openapi.json",
        docs_url=None,  # the interactive docs load their scripts from a CDN; the schema is enough offline
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.analyser = analyser or Analyser()
    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(SecurityHeaders)
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET", "POST"])
    errors.install(app)
    pages.warm()
    app.include_router(api.router)
    app.include_router(assets.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    return app


def _check_database(settings: Settings) -> None:
    """Fail at start, not on the first request, when there is no database to read."""
    if settings.writable:
        Store(settings.db_path).close()  # creates the file and its tables when missing
    elif not settings.db_path.is_file():
        raise StoreError(
            f"no database at {settings.db_path}; create one with: dateline run PATH --db {settings.db_path}",
            code="E201",
        )
