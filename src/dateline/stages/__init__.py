"""Pipeline stages. Each stage is one module that reads the article and the layers before it and adds its own.

A stage declares the layers it ``requires`` and the layers it ``assigns``; :class:`dateline.pipeline.Pipeline`
checks the order when it is built, so a stage that needs actors cannot silently run before them. Stages with
``needs_doc = False`` run before spaCy (they may reject an article, e.g. as not English); the others get the
spaCy ``Doc`` of ``article.text``.
"""

from __future__ import annotations

from typing import ClassVar

from spacy.tokens import Doc

from dateline.model import Article

#: Layers every article has before any stage runs.
BASE_LAYERS = frozenset({"text", "title", "published", "id"})


class Skip(Exception):
    """Raised by a stage to skip an article with a readable reason (not English, no article text...)."""


class Stage:
    """Base class of pipeline stages."""

    name: ClassVar[str]
    requires: ClassVar[tuple[str, ...]] = ()
    assigns: ClassVar[tuple[str, ...]] = ()
    needs_doc: ClassVar[bool] = True

    def __call__(self, article: Article, doc: Doc | None) -> None:
        raise NotImplementedError
