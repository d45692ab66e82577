"""Readable names for codes shown on pages: CAMEO event codes, QuadClasses, modes."""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
MODES = ("asserted", "negated", "hypothetical", "planned", "background")


@cache
def cameo_names() -> dict[str, str]:
    """CAMEO code -> name, from the project's ``resources/cameo_codes.csv`` (lines starting with # are notes)."""
    text = resources.files("dateline.resources").joinpath("cameo_codes.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {row["code"]: row["name"] for row in rows}


def cameo_name(code: str | None) -> str:
    """The code's name, or its root's name, or an empty string."""
    if not code:
        return ""
    names = cameo_names()
    return names.get(code) or names.get(code[:3]) or names.get(code[:2]) or ""


def cameo_roots() -> list[tuple[str, str]]:
    """The 20 root codes with their names, for filter pickers."""
    return sorted((code, name) for code, name in cameo_names().items() if len(code) == 2)


def quad_tone(quad_class: int | None) -> str:
    """``coop`` or ``conflict`` (a CSS class), empty when unknown."""
    if quad_class in (1, 2):
        return "coop"
    if quad_class in (3, 4):
        return "conflict"
    return ""
