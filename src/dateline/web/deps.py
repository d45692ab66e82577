"""What routes share: the app's settings, a store per request, the analyser of posted articles, the write token."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.exceptions import HTTPException

from dateline.model import Article
from dateline.store import Store

if TYPE_CHECKING:
    from dateline.pipeline import Pipeline

#: Default largest request body (bytes) the app accepts: ample for a long article as JSON.
MAX_BODY = 1_000_000


@dataclass(frozen=True)
class Settings:
    """What one app serves and allows."""

    db_path: Path
    writable: bool = False
    max_body: int = MAX_BODY
    token: str | None = field(default=None, repr=False)  # bearer token that write endpoints require, if set


class NotAnalysed(Exception):
    """The pipeline skipped or failed a posted article; the message says why."""


@dataclass
class Analyser:
    """Builds the pipeline on first use (loading spaCy takes seconds) and runs one article at a time."""

    _pipeline: Pipeline | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def analyse(self, article: Article) -> Article:
        """The article with every layer; raises :class:`NotAnalysed` with the pipeline's reason."""
        from dateline.stages import Skip  # imports spaCy: only once an article is posted

        with self._lock:
            try:
                return self.pipeline().extract(article)
            except Skip as skip:
                raise NotAnalysed(f"the article was skipped: {skip}") from skip
            except RuntimeError as failure:
                raise NotAnalysed(f"the article could not be analysed: {failure}") from failure

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from dateline.pipeline import Pipeline

            self._pipeline = Pipeline()
        return self._pipeline


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_analyser(request: Request) -> Analyser:
    analyser: Analyser = request.app.state.analyser
    return analyser


def open_store(request: Request) -> Iterator[Store]:
    """The store for one request, read-only unless the app is writable (a connection per request is cheap).

    A GET reads from one snapshot, so that its counts and lists agree while a run stores batches meanwhile.
    """
    settings = get_settings(request)
    store = Store(settings.db_path, readonly=not settings.writable)
    try:
        if request.method in ("GET", "HEAD"):
            with store.snapshot():
                yield store
        else:
            yield store
    finally:
        store.close()


_bearer = HTTPBearer(auto_error=False, description="The token the server was started with (DATELINE_TOKEN).")


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """Let a write through only with the server's bearer token, when it has one; otherwise answer 401."""
    expected = get_settings(request).token
    if expected is None:
        return
    given = credentials.credentials if credentials is not None else ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            401,
            "storing articles needs this server's token: send Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )


StoreDep = Annotated[Store, Depends(open_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
AnalyserDep = Annotated[Analyser, Depends(get_analyser)]
