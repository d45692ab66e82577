"""Runners that feed inputs through the pipeline into the store: local processes here, a Dask cluster in
``dateline.engine.dask`` (imported only when asked for: dask is slow to import)."""

from dateline.engine.local import RunSummary, run

__all__ = ["RunSummary", "run"]
