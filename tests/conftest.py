"""Shared fixtures: paths to the project, the samples and ../shared, and one spaCy pipeline per session."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "000_a1ff4d17ec0d6026.txt"

# The gazetteer keeps its built tables in a cache folder between processes; the tests (and the CLI processes they
# start, which inherit the environment) share one of their own instead of the user's.
os.environ.setdefault("DATELINE_CACHE", tempfile.mkdtemp(prefix="dateline-test-cache-"))


@pytest.fixture(scope="session")
def full_pipeline():  # type: ignore[no-untyped-def]
    """The full default pipeline, with the real model, built once per test session (also under this name where a
    module's own ``pipeline`` fixture runs fewer stages)."""
    from dateline.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def pipeline(full_pipeline):  # type: ignore[no-untyped-def]
    """The full default pipeline."""
    return full_pipeline


@pytest.fixture(scope="session")
def example_text() -> str:
    """The user's example article body (as the .txt reader gives it), or a skip when ../shared is absent."""
    if not EXAMPLE.exists():
        pytest.skip(f"the user's example article is not here ({EXAMPLE.relative_to(ROOT.parent)} missing)")
    raw = EXAMPLE.read_text(encoding="utf-8")
    lines = raw.split("\n")
    body = "\n".join(lines[1:]).lstrip("\n")
    return body
