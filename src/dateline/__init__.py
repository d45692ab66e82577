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
from dateline.pipeline import Limits, Pipeline
from dateline.store import Store

__version__ = "0.1.0"

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
