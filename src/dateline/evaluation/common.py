"""What every gold set shares: reading JSONL, running the pipeline once, and the shape of a result.

Gold files live in ``../shared/data/<folder>/`` relative to the project root. They are read at run time only;
nothing of them is ever copied into the repository.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.model import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from dateline.pipeline import Pipeline

#: A flat mapping from figure name ("PER.f1") to its value; None where a system cannot produce the figure.
Figures = dict[str, float | None]


class DataMissing(Exception):
    """The gold data a set needs is not on this machine (normal on CI and on users' machines)."""


def project_root() -> Path:
    """The checkout that holds this package (where ``pyproject.toml`` is), else the working directory."""
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "pyproject.toml").is_file() and (parent / "src" / "dateline").is_dir():
            return parent
    return Path.cwd()


def default_data_dir() -> Path:
    """``../shared/data`` relative to the project root."""
    return project_root().parent / "shared" / "data"


def require(path: Path) -> Path:
    """Return ``path`` or raise :class:`DataMissing` naming it."""
    if not path.exists():
        raise DataMissing(f"gold data not found: {path}")
    return path


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first ``limit`` records (all when None) of a JSONL file."""
    records: list[dict[str, Any]] = []
    with require(path).open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(records) >= limit:
                break
            if line.strip():
                records.append(json.loads(line))
    return records


class Context:
    """One eval run: the pipeline (built once, on first use) shared by every set and baseline."""

    def __init__(self, pipeline: Pipeline | None = None, baselines: bool = True) -> None:
        self._pipeline = pipeline
        self.baselines = baselines  # the quality gate skips them: it pins dateline's figures only

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from dateline.pipeline import Pipeline  # imported late: scorers and their tests need no spaCy

            self._pipeline = Pipeline()
        return self._pipeline

    @property
    def nlp(self) -> Language:
        """The same spaCy pipeline the stages use; the baselines parse with it."""
        return self.pipeline.nlp

    def predict(self, articles: Iterable[Article]) -> dict[str, Article | None]:
        """Run the pipeline; map each article's ``source`` to its processed article, or None if skipped/failed."""
        articles = list(articles)
        found: dict[str, Article | None] = {a.source: None for a in articles}
        for outcome in self.pipeline.process(articles):
            found[outcome.source] = outcome.article if outcome.status == "processed" else None
        return found

    def parse(self, texts: Iterable[str]) -> Iterator[Doc]:
        """spaCy docs of ``texts`` for the baselines (the pipeline does not expose its own)."""
        return self.nlp.pipe(texts, batch_size=32)


def systems(ctx: Context, ours: Figures, baseline: Callable[[], Figures]) -> dict[str, Figures]:
    """dateline's figures, and the baseline's (computed only then) unless the run skips baselines."""
    return {"dateline": ours, "baseline": baseline()} if ctx.baselines else {"dateline": ours}


def make_article(doc_id: str, text: str, published: str | None = None, title: str | None = None) -> Article:
    """An article built from a gold record, its ``source`` set to the gold id so outcomes map back to it."""
    return Article(id=doc_id, text=text, title=title, published=published, source=doc_id)


@dataclass(slots=True)
class SetResult:
    """The figures of one gold set: dateline's, the baseline's, and what they were measured on."""

    name: str
    baseline: str
    data: dict[str, Any]
    systems: dict[str, Figures]
    headline: list[str]
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": self.name,
            "baseline": self.baseline,
            "data": self.data,
            "headline": self.headline,
            "systems": self.systems,
            "notes": self.notes,
            "seconds": round(self.seconds, 1),
        }


class Timer:
    """Wall time of a block, for the run-time column of the report."""

    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        self.seconds = 0.0
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
