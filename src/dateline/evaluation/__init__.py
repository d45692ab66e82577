"""``dateline eval``: score the pipeline on the gold sets in ``../shared/data`` against plain baselines.

One module per gold set (``ner``, ``times``, ``quotes``, ``places``, ``html``, ``events``, ``tone``), each
with a loader, a pure ``score`` function over plain tuples (tested without spaCy or data) and an
``evaluate(ctx, data_dir, limit)`` that runs the pipeline and the set's baseline. :func:`evaluate` runs one
set or all of them with one pipeline and returns plain dicts; ``report`` renders them, ``floors`` holds the
quality gate, and ``cli`` is the thin command over all of this.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from dateline.evaluation.common import Context, DataMissing, SetResult, Timer, default_data_dir

__all__ = ["SETS", "DataMissing", "evaluate", "evaluate_set"]

#: The gold sets, in report order.
SETS = ("ner", "times", "quotes", "places", "html", "events", "tone")


def evaluate(
    set_name: str,
    data_dir: Path | None = None,
    limit: int | Mapping[str, int] | None = None,
    ctx: Context | None = None,
    progress: Callable[[str], None] | None = None,
    baselines: bool = True,
) -> dict[str, Any]:
    """Run one set (or ``"all"``) and return the run as plain data: date, data folder, limits, each set's figures.

    ``limit`` keeps the first N documents, either one N for every set or one per set. A set whose files are
    missing is reported with ``missing`` instead of figures; a missing data folder raises :class:`DataMissing`.
    ``progress`` is called with a line of text as each set starts and ends. ``baselines=False`` skips the
    baselines (the quality gate pins dateline's figures only); it has no effect when ``ctx`` is given.
    """
    names = list(SETS) if set_name == "all" else [set_name]
    if set_name != "all" and set_name not in SETS:
        raise ValueError(f"unknown set {set_name!r}; choose one of {', '.join(SETS)} or all")
    data_dir = data_dir or default_data_dir()
    if not data_dir.is_dir():
        raise DataMissing(f"no gold data folder at {data_dir}")
    ctx = ctx or Context(baselines=baselines)
    limits = {name: _limit_for(limit, name) for name in names}
    say = progress or (lambda line: None)
    results = {name: _run_one(name, ctx, data_dir, limits[name], say) for name in names}
    return {"date": dt.date.today().isoformat(), "data_dir": str(data_dir), "limits": limits, "sets": results}


def evaluate_set(name: str, ctx: Context, data_dir: Path, limit: int | None = None) -> SetResult:
    """Run one gold set's ``evaluate`` and time it."""
    module = importlib.import_module(f"dateline.evaluation.{name}")
    with Timer() as timer:
        result: SetResult = module.evaluate(ctx, data_dir, limit)
    result.seconds = timer.seconds
    return result


def _run_one(name: str, ctx: Context, data_dir: Path, limit: int | None, say: Callable[[str], None]) -> dict[str, Any]:
    """One set's result as a dict, or a ``missing`` note when its files are absent; progress lines to ``say``."""
    say(f"scoring {name}" + (f" (first {limit})" if limit else ""))
    try:
        result = evaluate_set(name, ctx, data_dir, limit).to_dict()
    except DataMissing as missing:
        say(f"{name}: {missing}")
        return {"set": name, "missing": str(missing)}
    say(f"{name}: {result['seconds']} s")
    return result


def _limit_for(limit: int | Mapping[str, int] | None, name: str) -> int | None:
    if limit is None or isinstance(limit, int):
        return limit
    return limit.get(name)
