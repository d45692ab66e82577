"""The quality gate: each set's headline figures on a fixed small subset must stay at their pinned floors.

Floors and the subset are in ``tests/quality_floors.json``. A figure may fall at most ``floors.TOLERANCE``
below its floor. Raising floors after an improvement: ``dateline eval all --update-floors``. Lowering one
needs ``--allow-lower`` and a CHANGELOG line saying why. Skips when ``../shared/data`` is absent (CI, users).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.evaluation import SETS, evaluate, floors
from dateline.evaluation.common import Context

DATA = Path(__file__).parents[1] / ".." / "shared" / "data"
FLOORS = Path(__file__).parent / "quality_floors.json"
HOW_TO_FIX = (
    "if the change is an intended trade-off, run `dateline eval all --update-floors --allow-lower` "
    "and add a CHANGELOG line saying why"
)


@pytest.fixture(scope="module")
def context() -> Context:
    if not DATA.is_dir():
        pytest.skip(f"gold data folder {DATA} is absent: the quality gate runs only where ../shared/data exists")
    return Context(baselines=False)


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.parametrize("set_name", SETS)
def test_headline_figures_stay_at_their_floors(set_name: str, context: Context) -> None:
    spec = floors.load(FLOORS)
    run = evaluate(set_name, DATA, spec["limits"], ctx=context)
    if "missing" in run["sets"][set_name]:
        pytest.skip(run["sets"][set_name]["missing"])
    figures = floors.headline_figures(run)
    unpinned = sorted(key for key in figures if key not in spec["floors"])
    assert not unpinned, f"headline figures without a floor: {unpinned}; run `dateline eval all --update-floors`"
    failures = floors.check(figures, spec["floors"])
    assert not failures, "\n".join([*failures, HOW_TO_FIX])
