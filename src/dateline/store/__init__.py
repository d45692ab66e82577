"""Storage of articles and their layers: SQLite for the record (``Store``)."""

from dateline.store.sqlite import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
