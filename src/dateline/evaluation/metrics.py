"""Shared scoring arithmetic: P/R/F1 from counts, span matching, accuracy and macro-F1.

Hand-written on purpose: the sets need one-to-one span matching under different match rules (exact, any
overlap, overlap of at least half the shorter span), which no metrics library offers, and the remaining
arithmetic is a few lines that keep ``dateline eval`` free of a heavy dependency.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

G = TypeVar("G")
P = TypeVar("P")

#: A span as (start, end), end exclusive.
Offsets = tuple[int, int]


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives, with the figures they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def figures(self, prefix: str = "") -> dict[str, float]:
        """``{prefix}p``, ``{prefix}r``, ``{prefix}f1`` as a flat dict."""
        return {f"{prefix}p": self.precision, f"{prefix}r": self.recall, f"{prefix}f1": self.f1}


def ratio(num: float, den: float) -> float:
    """num / den, and 0.0 when there is nothing to divide (no predictions, no gold): never a crash."""
    return num / den if den else 0.0


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0.0 when both are 0)."""
    return ratio(2 * precision * recall, precision + recall)


def overlap(a: Offsets, b: Offsets) -> int:
    """Number of characters two spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def fragments_overlap(gold: Sequence[Offsets], pred: Offsets) -> int:
    """Characters of a (possibly discontinuous) gold span that a predicted span covers."""
    return sum(overlap(fragment, pred) for fragment in gold)


def match_pairs(gold: Sequence[G], pred: Sequence[P], score: Callable[[G, P], float]) -> list[tuple[int, int]]:
    """Match gold and predicted items one to one, best-scoring pairs first; pairs scoring <= 0 never match.

    Returns (gold index, pred index) pairs. Greedy by score is what span scorers such as TempEval-3's do in
    practice, and it is exact whenever spans of one side do not overlap each other.
    """
    candidates = [(score(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)]
    candidates = [c for c in candidates if c[0] > 0]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def counts_from_pairs(n_gold: int, n_pred: int, n_pairs: int) -> Counts:
    """Counts of a one-to-one matching."""
    return Counts(tp=n_pairs, fp=n_pred - n_pairs, fn=n_gold - n_pairs)


def multiset_counts(gold: Iterable[Hashable], pred: Iterable[Hashable]) -> Counts:
    """Counts of an exact match between two multisets of hashable items (e.g. labelled spans, triples)."""
    gold_bag, pred_bag = Counter(gold), Counter(pred)
    tp = sum((gold_bag & pred_bag).values())
    return Counts(tp=tp, fp=sum(pred_bag.values()) - tp, fn=sum(gold_bag.values()) - tp)


def accuracy(pairs: Iterable[tuple[Hashable, Hashable]]) -> float:
    """Share of (gold, predicted) pairs that agree."""
    pairs = list(pairs)
    return ratio(sum(1 for g, p in pairs if g == p), len(pairs))


def class_f1(pairs: Sequence[tuple[Hashable, Hashable]], label: Hashable) -> float:
    """F1 of one class in a single-label classification given as (gold, predicted) pairs."""
    tp = sum(1 for g, p in pairs if g == label and p == label)
    fp = sum(1 for g, p in pairs if g != label and p == label)
    fn = sum(1 for g, p in pairs if g == label and p != label)
    return Counts(tp, fp, fn).f1


def macro_f1(pairs: Sequence[tuple[Hashable, Hashable]], labels: Sequence[Hashable]) -> float:
    """Unweighted mean of the per-class F1 over ``labels``."""
    return ratio(sum(class_f1(pairs, label) for label in labels), len(labels))
