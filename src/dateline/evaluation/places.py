"""Toponyms against GeoWebNews, TR-News, LGL and GeoVirus (``geo/geo_dev.jsonl``): geotagging and geocoding.

Geotagging: a predicted place matches a gold toponym when their spans overlap (one to one). Geocoding, as in
Gritta et al. (*What's missing in geographical parsing?*, 2018; *A Pragmatic Guide to Geoparsing Evaluation*,
2019), on the matched toponyms that have gold coordinates: the share within 161 km (100 miles), the median
error in km, and the area under the curve of sorted errors on a log scale normalised by the largest possible
error (0 is perfect, 1 is always at the antipode). A matched place without coordinates counts as the largest
error. Figures are also given per corpus, since what counts as a toponym differs between them.
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.evaluation.common import Context, Figures, SetResult, make_article, read_jsonl, systems
from dateline.evaluation.metrics import Counts, counts_from_pairs, match_pairs, overlap, ratio
from dateline.model import Article

FILE = Path("geo") / "geo_dev.jsonl"
EARTH_RADIUS_KM = 6371.0088
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the worst possible error
ACCURATE_KM = 161.0  # 100 miles
BASELINE_LABELS = ("GPE", "LOC", "FAC")
CORPORA = ("GeoWebNews", "TR-News", "LGL", "GeoVirus")


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place mention, with coordinates when known."""

    start: int
    end: int
    lat: float | None = None
    lon: float | None = None

    @property
    def located(self) -> bool:
        return self.lat is not None and self.lon is not None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance by the haversine formula (hand-written: five lines, no geodesy dependency needed)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def error_km(gold: Toponym, pred: Toponym) -> float:
    """Geocoding error of a matched pair; the largest possible error when the prediction has no coordinates."""
    if gold.lat is None or gold.lon is None or pred.lat is None or pred.lon is None:
        return MAX_ERROR_KM
    return min(MAX_ERROR_KM, distance_km(gold.lat, gold.lon, pred.lat, pred.lon))


def log_error_auc(errors: Sequence[float]) -> float | None:
    """Area under the sorted, normalised log-error curve (Gritta et al.): 0 best, 1 worst, None if no errors."""
    if not errors:
        return None
    scaled = sorted(math.log1p(e) / math.log1p(MAX_ERROR_KM) for e in errors)
    if len(scaled) == 1:
        return scaled[0]
    area = sum((a + b) / 2 for a, b in itertools.pairwise(scaled))  # trapezoids over a unit-width x axis
    return area / (len(scaled) - 1)


def score(docs: Sequence[tuple[Sequence[Toponym], Sequence[Toponym]]], geocoded: bool = True) -> Figures:
    """Geotagging P/R/F1 and, when ``geocoded``, the geocoding figures over (gold, predicted) per document."""
    detect = Counts()
    errors: list[float] = []
    for gold, pred in docs:
        pairs = match_pairs(gold, pred, lambda g, p: overlap((g.start, g.end), (p.start, p.end)))
        detect.add(counts_from_pairs(len(gold), len(pred), len(pairs)))
        errors.extend(error_km(gold[g], pred[p]) for g, p in pairs if gold[g].located)
    figures: Figures = dict(detect.figures("detect."))
    figures["acc161"] = ratio(sum(1 for e in errors if e <= ACCURATE_KM), len(errors)) if geocoded else None
    figures["median_km"] = statistics.median(errors) if errors and geocoded else None
    figures["auc"] = log_error_auc(errors) if geocoded else None
    figures["n.geocoded"] = float(len(errors)) if geocoded else None
    return figures


def score_by_corpus(
    corpora: Sequence[str], docs: Sequence[tuple[Sequence[Toponym], Sequence[Toponym]]], geocoded: bool = True
) -> Figures:
    """All-document figures, then each corpus's detection F1 and accuracy within 161 km."""
    figures = score(docs, geocoded)
    for corpus in CORPORA:
        part = [d for c, d in zip(corpora, docs, strict=True) if c == corpus]
        if part:
            sub = score(part, geocoded)
            figures[f"{corpus}.detect.f1"] = sub["detect.f1"]
            figures[f"{corpus}.acc161"] = sub["acc161"]
    return figures


def evaluate(ctx: Context, data_dir: Path, limit: int | None = None) -> SetResult:
    """Score the pipeline's places and spaCy's GPE/LOC/FAC entities (detection only) on the geo corpora."""
    records = read_jsonl(data_dir / FILE, limit)
    golds = [[Toponym(t["start"], t["end"], t["lat"], t["lon"]) for t in r["toponyms"]] for r in records]
    predicted = ctx.predict(make_article(r["doc_id"], r["text"], title=r.get("title")) for r in records)
    ours = [_places(predicted[r["doc_id"]]) for r in records]
    corpora = [r["corpus"] for r in records]
    return SetResult(
        name="places",
        baseline="spaCy GPE/LOC/FAC entities (detection only)",
        data={
            "file": str(FILE),
            "docs": len(records),
            "toponyms": sum(len(g) for g in golds),
            "with coordinates": sum(t.located for g in golds for t in g),
        },
        systems=systems(
            ctx,
            score_by_corpus(corpora, list(zip(golds, ours, strict=True))),
            lambda: score_by_corpus(corpora, list(zip(golds, _spacy(ctx, records), strict=True)), geocoded=False),
        ),
        headline=["detect.f1", "acc161"],
    )


def _spacy(ctx: Context, records: list[dict[str, Any]]) -> list[list[Toponym]]:
    return [
        [Toponym(e.start_char, e.end_char) for e in doc.ents if e.label_ in BASELINE_LABELS]
        for doc in ctx.parse(r["text"] for r in records)
    ]


def _places(article: Article | None) -> list[Toponym]:
    return [] if article is None else [Toponym(p.start, p.end, p.lat, p.lon) for p in article.places]
