"""Runners that feed inputs through the pipeline into the store (local processes now; Dask later)."""

from dateline.engine.local import RunSummary, run

__all__ = ["RunSummary", "run"]
