"""Entities stage: named-entity mentions from spaCy's recogniser, with their labels, lightly repaired.

Repairs done here are the ones that change spans, so every later stage sees the same mentions:
- a possessive inside an entity splits it ("Singapore's S. Rajaratnam School" -> "Singapore", "S. Rajaratnam
  School"), the owner taking GPE when it names a country or the entity's own label otherwise.
"""

from __future__ import annotations

from functools import cache

import pycountry
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from dateline.model import Article, Entity
from dateline.stages import Stage


class Entities(Stage):
    """Adds ``entities``: every spaCy entity with its label; ``actor`` is filled by the actors stage."""

    name = "entities"
    assigns = ("entities",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        assert doc is not None
        found: list[Entity] = []
        for ent in doc.ents:
            found.extend(_split_possessive(ent))
        article.entities = [e for e in found if e.text.strip()]


def _split_possessive(ent: SpacySpan) -> list[Entity]:
    inner = [t for t in ent[:-1] if t.tag_ == "POS" and t.i > ent.start]
    if not inner:
        return [Entity(ent.start_char, ent.end_char, ent.text, ent.label_)]
    cut = inner[0]
    owner = ent.doc[ent.start : cut.i]
    owned = ent.doc[cut.i + 1 : ent.end]
    owner_label = "GPE" if _is_country(owner.text) else ent.label_
    return [
        Entity(owner.start_char, owner.end_char, owner.text, owner_label),
        Entity(owned.start_char, owned.end_char, owned.text, ent.label_),
    ]


@cache
def _is_country(name: str) -> bool:
    try:
        pycountry.countries.lookup(name)
    except LookupError:
        return False
    return True
