"""Quotations and attributions against PolNeAR (``quotes/quotes_dev.jsonl``).

A predicted quote matches a gold attribution when their contents share at least half of the shorter one
(gold contents may be discontinuous: only their fragments count). Matching is one to one, best overlap first.
Figures: P/R/F1 for quoted speech (direct + mixed, both sides), for indirect speech, and for all
attributions whatever their kind; on the pairs matched in the last, speaker accuracy (the predicted speaker
overlaps the gold source), split by pronoun and named gold sources, and cue accuracy.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.evaluation.common import Context, Figures, SetResult, make_article, read_jsonl, systems
from dateline.evaluation.metrics import Counts, Offsets, counts_from_pairs, fragments_overlap, match_pairs, ratio
from dateline.model import Article

FILE = Path("quotes") / "quotes_dev.jsonl"
QUOTED = ("direct", "mixed")
MIN_SHARE = 0.5
PRONOUNS = frozenset(
    [
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "they",
        "them",
        "their",
        "who",
        "whom",
        "whose",
        "which",
        "that",
        "this",
        "these",
        "those",
        "one",
        "someone",
    ]
)


@dataclass(frozen=True, slots=True)
class GoldQuote:
    """A gold attribution: content fragments, kind, source fragments (empty when it has none), cue fragments."""

    content: tuple[Offsets, ...]
    kind: str
    speaker: tuple[Offsets, ...] = ()
    speaker_text: str = ""
    cue: tuple[Offsets, ...] = ()


@dataclass(frozen=True, slots=True)
class PredQuote:
    """A predicted quote: its content span, kind, and speaker and cue spans when it has them."""

    content: Offsets
    kind: str
    speaker: Offsets | None = None
    cue: Offsets | None = None


def content_share(gold: GoldQuote, pred: PredQuote) -> float:
    """Shared characters over the shorter content; 0 below the 50% needed for a match."""
    gold_len = sum(e - s for s, e in gold.content)
    pred_len = pred.content[1] - pred.content[0]
    share = ratio(fragments_overlap(gold.content, pred.content), min(gold_len, pred_len))
    return share if share >= MIN_SHARE else 0.0


def is_pronoun(text: str) -> bool:
    return text.strip().lower() in PRONOUNS


def score(docs: Sequence[tuple[Sequence[GoldQuote], Sequence[PredQuote]]]) -> Figures:
    """Quote detection, speaker and cue figures over (gold, predicted) quotes per document."""
    quoted, indirect, every = Counts(), Counts(), Counts()
    matched: list[tuple[GoldQuote, PredQuote]] = []
    for gold, pred in docs:
        quoted.add(_kind_counts(gold, pred, QUOTED))
        indirect.add(_kind_counts(gold, pred, ("indirect",)))
        pairs = match_pairs(gold, pred, content_share)
        every.add(counts_from_pairs(len(gold), len(pred), len(pairs)))
        matched.extend((gold[g], pred[p]) for g, p in pairs)
    figures: Figures = {**quoted.figures("quoted."), **indirect.figures("indirect."), **every.figures("all.")}
    figures.update(_speaker_figures(matched))
    figures["cue.accuracy"] = ratio(sum(_hits(g.cue, p.cue) for g, p in matched), len(matched))
    return figures


def _kind_counts(gold: Sequence[GoldQuote], pred: Sequence[PredQuote], kinds: tuple[str, ...]) -> Counts:
    g = [q for q in gold if q.kind in kinds]
    p = [q for q in pred if q.kind in kinds]
    return counts_from_pairs(len(g), len(p), len(match_pairs(g, p, content_share)))


def _speaker_figures(matched: list[tuple[GoldQuote, PredQuote]]) -> Figures:
    with_source = [(g, p) for g, p in matched if g.speaker]
    pronoun = [(g, p) for g, p in with_source if is_pronoun(g.speaker_text)]
    named = [(g, p) for g, p in with_source if not is_pronoun(g.speaker_text)]
    return {
        "speaker.accuracy": _speaker_accuracy(with_source),
        "speaker.named.accuracy": _speaker_accuracy(named),
        "speaker.pronoun.accuracy": _speaker_accuracy(pronoun),
    }


def _speaker_accuracy(pairs: list[tuple[GoldQuote, PredQuote]]) -> float:
    return ratio(sum(_hits(g.speaker, p.speaker) for g, p in pairs), len(pairs))


def _hits(gold: tuple[Offsets, ...], pred: Offsets | None) -> bool:
    """A predicted span counts as right when it shares a character with a gold fragment."""
    return pred is not None and fragments_overlap(gold, pred) > 0


def gold_quote(record: dict) -> GoldQuote:
    """A gold attribution from a PolNeAR record (speaker presence decided by ``has_source``, as advised)."""
    has_source = bool(record.get("has_source")) and bool(record.get("speaker_spans"))
    return GoldQuote(
        content=tuple((s, e) for s, e in record["quote_spans"]),
        kind=record["kind"],
        speaker=tuple((s, e) for s, e in record["speaker_spans"]) if has_source else (),
        speaker_text=record.get("speaker_text") or "",
        cue=tuple((s, e) for s, e in record.get("cue_spans") or []),
    )


def evaluate(ctx: Context, data_dir: Path, limit: int | None = None) -> SetResult:
    """Score the pipeline's quotes and textacy's direct quotations on the PolNeAR articles."""
    records = read_jsonl(data_dir / FILE, limit)
    golds = [[gold_quote(q) for q in r["quotes"]] for r in records]
    articles = (make_article(r["doc_id"], r["text"], published=r.get("publication_date")) for r in records)
    predicted = ctx.predict(articles)
    ours = [_quotes(predicted[r["doc_id"]]) for r in records]
    notes: list[str] = []

    def baseline() -> Figures:
        theirs, failures = textacy_quotes(ctx, [r["text"] for r in records])
        notes.append(f"textacy raised on {failures} of {len(records)} texts (counted as no predictions)")
        return score(list(zip(golds, theirs, strict=True)))

    return SetResult(
        name="quotes",
        baseline="textacy 0.13 direct_quotations (direct only)",
        data={"file": str(FILE), "docs": len(records), "attributions": sum(len(g) for g in golds)},
        systems=systems(ctx, score(list(zip(golds, ours, strict=True))), baseline),
        headline=["quoted.f1", "all.f1", "speaker.named.accuracy"],
        notes=notes,
    )


def _quotes(article: Article | None) -> list[PredQuote]:
    if article is None:
        return []
    return [
        PredQuote(
            content=(q.start, q.end),
            kind=q.kind,
            speaker=(q.speaker.start, q.speaker.end)
            if q.speaker is not None and q.speaker.start is not None and q.speaker.end is not None
            else None,
            cue=(q.cue.start, q.cue.end) if q.cue is not None else None,
        )
        for q in article.quotes
    ]


def textacy_quotes(ctx: Context, texts: list[str]) -> tuple[list[list[PredQuote]], int]:
    """textacy's direct quotations per text, and how many texts it raised on (those get no predictions)."""
    from textacy.extract.triples import direct_quotations  # a dev dependency: only the baseline needs it

    found: list[list[PredQuote]] = []
    failures = 0
    for doc in ctx.parse(texts):
        try:
            triples = list(direct_quotations(doc))
        except Exception:  # textacy raises on unbalanced quotation marks, among others
            failures += 1
            triples = []
        found.append([_from_triple(t) for t in triples])
    return found, failures


def _from_triple(triple: Any) -> PredQuote:
    """textacy's DQTriple (speaker tokens, cue tokens, content span) as a predicted direct quote."""
    return PredQuote(
        content=(triple.content.start_char, triple.content.end_char),
        kind="direct",
        speaker=_token_span(triple.speaker),
        cue=_token_span(triple.cue),
    )


def _token_span(tokens: list[Any]) -> Offsets | None:
    if not tokens:
        return None
    return (min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
