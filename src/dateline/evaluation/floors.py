"""The quality gate: a pinned floor per headline figure, measured on a fixed small subset of each gold set.

``tests/quality_floors.json`` holds the subset (``limits``: the first N documents of each set) and the floors
(``"set:figure": value``). ``tests/test_quality_gate.py`` fails when a figure falls more than :data:`TOLERANCE`
below its floor. Floors only go up by default (:func:`update`); lowering one needs ``allow_lower`` and a
CHANGELOG line saying why, like trafilatura's pinned evaluation baseline.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dateline.evaluation.common import project_root

TOLERANCE = 0.005
#: The gate subset: the first N documents (records, pages) of each set, sized to keep the gate near 2-3 minutes.
GATE_LIMITS = {"ner": 60, "times": 60, "quotes": 40, "places": 100, "html": 40, "events": 600, "tone": 1500}
PROFILES = {"gate": GATE_LIMITS}
CHANGELOG_WARNING = (
    "Floors were LOWERED. Add a line to CHANGELOG.md saying which figures dropped and why; "
    "a floor is never lowered silently."
)


def floors_path() -> Path:
    return project_root() / "tests" / "quality_floors.json"


def load(path: Path) -> dict[str, Any]:
    """The floors file, or an empty one with the default gate subset when it does not exist yet."""
    if not path.exists():
        return {"limits": dict(GATE_LIMITS), "floors": {}}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def save(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def headline_figures(run: dict[str, Any]) -> dict[str, float]:
    """dateline's headline figures of a run, keyed ``set:figure``; sets with missing data are left out."""
    found: dict[str, float] = {}
    for name, result in run["sets"].items():
        if "missing" in result:
            continue
        ours = result["systems"]["dateline"]
        found.update({f"{name}:{fig}": ours[fig] for fig in result["headline"] if ours.get(fig) is not None})
    return found


def check(figures: dict[str, float], floors: dict[str, float], tolerance: float = TOLERANCE) -> list[str]:
    """One message per figure more than ``tolerance`` below its floor; figures without a floor are not gated."""
    return [
        f"{key}: {figures[key]:.4f} is below its floor {floor:.4f} (tolerance {tolerance})"
        for key, floor in sorted(floors.items())
        if key in figures and figures[key] < floor - tolerance
    ]


@dataclass(slots=True)
class Update:
    """What :func:`update` changed: new floors, and the figures raised, added, lowered or held back."""

    floors: dict[str, float]
    raised: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    lowered: list[str] = field(default_factory=list)
    held: list[str] = field(default_factory=list)


def update(floors: dict[str, float], figures: dict[str, float], allow_lower: bool = False) -> Update:
    """New floors from measured figures: raised where higher, added where new, lowered only if allowed."""
    result = Update(floors=dict(floors))
    for key, value in sorted(figures.items()):
        value = _down(value)
        old = floors.get(key)
        if old is None:
            result.added.append(f"{key}: {value:.4f}")
        elif value > old:
            result.raised.append(f"{key}: {old:.4f} -> {value:.4f}")
        elif value < old and allow_lower:
            result.lowered.append(f"{key}: {old:.4f} -> {value:.4f}")
        else:
            if value < old:
                result.held.append(f"{key}: measured {value:.4f}, floor {old:.4f} kept (use --allow-lower)")
            continue
        result.floors[key] = value
    return result


def _down(value: float) -> float:
    """Round down to 4 decimals so a floor never sits above the figure it was taken from."""
    return math.floor(value * 10_000 + 1e-9) / 10_000
