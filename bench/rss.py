"""Resident memory of the processes a benchmark starts (pool workers, Dask workers), shared by the benchmarks."""

from __future__ import annotations

import psutil


def children_rss(parent: psutil.Process | None = None) -> dict[int, int]:
    """Bytes resident now, by pid, of every process below ``parent`` (default: this one)."""
    found: dict[int, int] = {}
    for child in (parent or psutil.Process()).children(recursive=True):
        try:
            found[child.pid] = child.memory_info().rss
        except psutil.Error:  # ended between listing and reading
            continue
    return found
