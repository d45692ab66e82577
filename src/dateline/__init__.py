"""dateline: news articles in, a structured record of events, quotes, actors, places and times out.

The public surface is re-exported here; everything else is internal and may change.
"""

from dateline.errors import ConfigError, DatelineError, InputError, StoreError
from dateline.model import (
    Actor,
    Article,
    Dateline,
    Entity,
    Event,
    EventActor,
    Outcome,
    Place,
    Quote,
    Span,
    Speaker,
    TimeExpr,
    content_id,
)
from dateline.store import Store

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # The pipeline imports spaCy (over a second); load it only when asked for, so that readers, the store and
    # the CLI's help stay quick to import.
    if name in ("Pipeline", "Limits"):
        from dateline import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")


__all__ = [
    "Actor",
    "Article",
    "ConfigError",
    "Dateline",
    "DatelineError",
    "Entity",
    "Event",
    "EventActor",
    "InputError",
    "Limits",
    "Outcome",
    "Pipeline",
    "Place",
    "Quote",
    "Span",
    "Speaker",
    "Store",
    "StoreError",
    "TimeExpr",
    "__version__",
    "content_id",
]
