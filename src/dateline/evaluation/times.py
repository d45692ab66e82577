"""Time expressions against TempEval-3 TimeBank + AQUAINT (``timex/timex_dev.jsonl``), scored as TempEval-3 does.

Strict span F1 (exact offsets) and relaxed span F1 (any overlap, one to one); on the relaxed matches, the share
with the right type and the right normalised value; value F1 = relaxed F1 x value accuracy (the TempEval-3
"value" figure, its headline). Each document is run with ``published`` set to its creation date, so relative
expressions ("last week") resolve against it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from dateline.evaluation.common import Context, Figures, SetResult, make_article, read_jsonl, systems
from dateline.evaluation.metrics import Counts, accuracy, counts_from_pairs, match_pairs, multiset_counts, overlap
from dateline.model import Article

#: A time expression (start, end, type, value); type and value are None for span-only systems.
Timex = tuple[int, int, str | None, str | None]

FILE = Path("timex") / "timex_dev.jsonl"
TYPES = ("DATE", "TIME", "DURATION", "SET")
BASELINE_LABELS = ("DATE", "TIME")


_WEEK = re.compile(r"W(\d)(?!\d)")
_UNSPECIFIED_TAIL = re.compile(r"^(\d{2,3})X+$")


def same_notation(value: str | None) -> str | None:
    """One spelling for values TIMEX3 writes two ways with the same meaning, so only meaning is scored.

    ISO weeks with or without a leading zero ("2000-W7" = "2000-W07"), and decades and centuries with or
    without trailing X ("199" = "199X", "19" = "19XX"). Nothing else is changed.
    """
    if value is None:
        return None
    value = _WEEK.sub(r"W0\1", value)
    return _UNSPECIFIED_TAIL.sub(r"\1", value)


def score(docs: Sequence[tuple[Sequence[Timex], Sequence[Timex]]], typed: bool = True) -> Figures:
    """TempEval-3 figures over (gold, predicted) timexes per document; ``typed=False`` for span-only systems."""
    strict, relaxed = Counts(), Counts()
    matched: list[tuple[Timex, Timex]] = []
    for gold, pred in docs:
        strict.add(multiset_counts([t[:2] for t in gold], [t[:2] for t in pred]))
        pairs = match_pairs(gold, pred, _overlap)
        relaxed.add(counts_from_pairs(len(gold), len(pred), len(pairs)))
        matched.extend((gold[g], pred[p]) for g, p in pairs)
    figures: Figures = {**strict.figures("strict."), **relaxed.figures("relaxed.")}
    type_acc = accuracy((g[2], p[2]) for g, p in matched)
    value_acc = accuracy((same_notation(g[3]), same_notation(p[3])) for g, p in matched)
    figures["type.accuracy"] = type_acc if typed else None
    figures["value.accuracy"] = value_acc if typed else None
    figures["type.f1"] = relaxed.f1 * type_acc if typed else None
    figures["value.f1"] = relaxed.f1 * value_acc if typed else None
    for kind in TYPES:
        figures[f"{kind}.relaxed.f1"] = _type_f1(docs, kind) if typed else None
    return figures


def _overlap(gold: Timex, pred: Timex) -> float:
    return overlap(gold[:2], pred[:2])


def _type_f1(docs: Sequence[tuple[Sequence[Timex], Sequence[Timex]]], kind: str) -> float:
    """Relaxed span F1 with both sides restricted to one type."""
    counts = Counts()
    for gold, pred in docs:
        g = [t for t in gold if t[2] == kind]
        p = [t for t in pred if t[2] == kind]
        counts.add(counts_from_pairs(len(g), len(p), len(match_pairs(g, p, _overlap))))
    return counts.f1


def evaluate(ctx: Context, data_dir: Path, limit: int | None = None) -> SetResult:
    """Score the pipeline's times and spaCy's DATE/TIME entities (spans only) on the TimeBank/AQUAINT docs."""
    records = read_jsonl(data_dir / FILE, limit)
    golds = [[(t["start"], t["end"], t["type"], t["value"]) for t in r["timexes"]] for r in records]
    articles = (make_article(r["doc_id"], r["text"], published=r["dct"], title=r.get("title")) for r in records)
    predicted = ctx.predict(articles)
    ours = [_times(predicted[r["doc_id"]]) for r in records]
    return SetResult(
        name="times",
        baseline="spaCy DATE/TIME entities (spans only)",
        data={"file": str(FILE), "docs": len(records), "timexes": sum(len(g) for g in golds)},
        systems=systems(
            ctx,
            score(list(zip(golds, ours, strict=True))),
            lambda: score(list(zip(golds, _spacy(ctx, records), strict=True)), typed=False),
        ),
        headline=["relaxed.f1", "value.f1"],
    )


def _spacy(ctx: Context, records: list[dict[str, Any]]) -> list[list[Timex]]:
    return [
        [(e.start_char, e.end_char, None, None) for e in doc.ents if e.label_ in BASELINE_LABELS]
        for doc in ctx.parse(r["text"] for r in records)
    ]


def _times(article: Article | None) -> list[Timex]:
    return [] if article is None else [(t.start, t.end, t.type, t.value) for t in article.times]
