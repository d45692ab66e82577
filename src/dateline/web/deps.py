"""What routes share: the app's settings, a store per request, and the analyser of posted articles."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

from fastapi import Depends, Request

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
    """The store for one request, read-only unless the app is writable (a connection per request is cheap)."""
    settings = get_settings(request)
    store = Store(settings.db_path, readonly=not settings.writable)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(open_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
AnalyserDep = Annotated[Analyser, Depends(get_analyser)]
