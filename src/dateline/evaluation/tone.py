"""Tone toward people against NewsMTSC (``tone/tone_dev.jsonl``): 3-class accuracy and macro-F1 per target.

For each gold target the prediction is read from the first evidence the article has: (1) an actor with a
mention overlapping the target and a numeric ``tone`` (a number, or an object or dict with a ``score``), the
one overlapping most; (2) the entry of ``article.tone["sentences"]`` (``{start, end, score}``) overlapping
the target most; (3) ``article.tone["score"]``. No evidence scores as neutral. A score is positive at or
above +0.05, negative at or below -0.05 and neutral in between (VADER's usual thresholds).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dateline.evaluation.common import Context, Figures, SetResult, make_article, read_jsonl, systems
from dateline.evaluation.metrics import Offsets, accuracy, class_f1, macro_f1, overlap
from dateline.model import Article

FILE = Path("tone") / "tone_dev.jsonl"
THRESHOLD = 0.05
CLASSES = (-1, 0, 1)
CLASS_NAMES = {-1: "negative", 0: "neutral", 1: "positive"}
EVIDENCE = ("actor", "sentence", "article", "none")


def polarity(value: float | None) -> int:
    """-1, 0 or +1 for a tone score; no score is neutral."""
    if value is None:
        return 0
    if value >= THRESHOLD:
        return 1
    if value <= -THRESHOLD:
        return -1
    return 0


def score(pairs: Sequence[tuple[int, int]]) -> Figures:
    """Accuracy, macro-F1, the mean F1 of negative and positive, and each class's F1 over (gold, predicted)."""
    figures: Figures = {"accuracy": accuracy(pairs), "macro.f1": macro_f1(pairs, CLASSES)}
    figures["negpos.f1"] = (class_f1(pairs, -1) + class_f1(pairs, 1)) / 2
    for label in CLASSES:
        figures[f"{CLASS_NAMES[label]}.f1"] = class_f1(pairs, label)
    return figures


def target_tone(article: Article | None, target: Offsets) -> tuple[float | None, str]:
    """The tone score dateline gives a target span, and which kind of evidence it came from."""
    if article is None:
        return None, "none"
    found = _actor_tone(article, target)
    if found is not None:
        return found, "actor"
    found = _sentence_tone(article.tone.get("sentences") or [], target)
    if found is not None:
        return found, "sentence"
    found = _number(article.tone.get("score"))
    return (found, "article") if found is not None else (None, "none")


def _actor_tone(article: Article, target: Offsets) -> float | None:
    best: tuple[int, float] | None = None
    for actor in article.actors:
        value = _number(actor.tone)
        if value is None:
            continue
        shared = max((overlap((m.start, m.end), target) for m in actor.mentions), default=0)
        if shared > 0 and (best is None or shared > best[0]):
            best = (shared, value)
    return None if best is None else best[1]


def _sentence_tone(sentences: Iterable[dict[str, Any]], target: Offsets) -> float | None:
    best: tuple[int, float] | None = None
    for sentence in sentences:
        value = _number(sentence.get("score"))
        shared = overlap((sentence["start"], sentence["end"]), target)
        if value is not None and shared > 0 and (best is None or shared > best[0]):
            best = (shared, value)
    return None if best is None else best[1]


def _number(value: Any) -> float | None:
    """A tone given as a number, an object with ``score`` or a dict with ``"score"``; None otherwise."""
    if isinstance(value, dict):
        value = value.get("score")
    elif value is not None and not isinstance(value, int | float):
        value = getattr(value, "score", None)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def evaluate(ctx: Context, data_dir: Path, limit: int | None = None) -> SetResult:
    """Score dateline's per-target tone and VADER's compound score of each record's text."""
    records = read_jsonl(data_dir / FILE, limit)
    predicted = ctx.predict(make_article(r["id"], r["text"]) for r in records)
    ours: list[tuple[int, int]] = []
    evidence: Counter[str] = Counter()
    for record in records:
        for target in record["targets"]:
            value, kind = target_tone(predicted[record["id"]], (target["start"], target["end"]))
            evidence[kind] += 1
            ours.append((target["polarity"], polarity(value)))
    dateline_figures = score(ours)
    dateline_figures.update({f"n.evidence.{k}": float(evidence[k]) for k in EVIDENCE})
    return SetResult(
        name="tone",
        baseline="VADER 3.3.2 compound of the sentence (±0.05)",
        data={"file": str(FILE), "records": len(records), "targets": len(ours)},
        systems=systems(ctx, dateline_figures, lambda: score(vader_pairs(records))),
        headline=["macro.f1"],
    )


def vader_pairs(records: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(gold, VADER) polarity per target: every target of a record gets the compound score of its text."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # a dev dependency: the baseline only

    vader = SentimentIntensityAnalyzer()
    pairs: list[tuple[int, int]] = []
    for record in records:
        guess = polarity(vader.polarity_scores(record["text"])["compound"])
        pairs.extend((target["polarity"], guess) for target in record["targets"])
    return pairs
