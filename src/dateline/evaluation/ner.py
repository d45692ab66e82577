"""Named entities against CoNLL-2003 English dev (``ner/ner_dev.jsonl``): exact span and label, micro P/R/F1.

OntoNotes labels (spaCy's) are mapped to CoNLL's four; labels outside the map are dropped. The headline is the
micro F1 over PER, ORG and LOC; MISC is reported on its own because the mapping to it is the roughest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from dateline.evaluation.common import Context, Figures, SetResult, make_article, read_jsonl, systems
from dateline.evaluation.metrics import Counts, multiset_counts
from dateline.model import Article

#: A labelled span (start, end, label).
Labelled = tuple[int, int, str]

FILE = Path("ner") / "ner_dev.jsonl"
LABEL_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
    "PRODUCT": "MISC",
}
LABELS = ("PER", "ORG", "LOC", "MISC")
HEADLINE_LABELS = ("PER", "ORG", "LOC")


def map_labels(spans: Iterable[tuple[int, int, str]]) -> list[Labelled]:
    """OntoNotes-labelled spans as CoNLL-labelled ones; unmapped labels (DATE, MONEY, ...) are dropped."""
    return [(s, e, LABEL_MAP[label]) for s, e, label in spans if label in LABEL_MAP]


def score(docs: Sequence[tuple[Sequence[Labelled], Sequence[Labelled]]]) -> Figures:
    """Per-label and micro figures over (gold, predicted) labelled spans, one pair of lists per document."""
    per_label = {label: Counts() for label in LABELS}
    for gold, pred in docs:
        for label, counts in per_label.items():
            counts.add(multiset_counts(_only(gold, label), _only(pred, label)))
    micro = Counts()
    for label in HEADLINE_LABELS:
        micro.add(per_label[label])
    figures: Figures = dict(micro.figures("micro."))
    for label, counts in per_label.items():
        figures.update(counts.figures(f"{label}."))
    return figures


def _only(spans: Sequence[Labelled], label: str) -> list[Labelled]:
    return [s for s in spans if s[2] == label]


def evaluate(ctx: Context, data_dir: Path, limit: int | None = None) -> SetResult:
    """Score the pipeline's entities and plain spaCy entities on the CoNLL dev documents."""
    records = read_jsonl(data_dir / FILE, limit)
    golds = [[(e["start"], e["end"], e["label"]) for e in r["entities"]] for r in records]
    predicted = ctx.predict(make_article(r["doc_id"], r["text"]) for r in records)
    ours = [map_labels(_entities(predicted[r["doc_id"]])) for r in records]
    return SetResult(
        name="ner",
        baseline="spaCy entities (en_core_web_sm), same label map",
        data={"file": str(FILE), "docs": len(records), "entities": sum(len(g) for g in golds)},
        systems=systems(
            ctx,
            score(list(zip(golds, ours, strict=True))),
            lambda: score(list(zip(golds, _spacy(ctx, records), strict=True))),
        ),
        headline=["micro.f1"],
    )


def _spacy(ctx: Context, records: list[dict[str, Any]]) -> list[list[Labelled]]:
    return [
        map_labels((e.start_char, e.end_char, e.label_) for e in doc.ents)
        for doc in ctx.parse(r["text"] for r in records)
    ]


def _entities(article: Article | None) -> list[tuple[int, int, str]]:
    return [] if article is None else [(e.start, e.end, e.label) for e in article.entities]
