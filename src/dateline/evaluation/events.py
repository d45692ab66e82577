"""Event coding against the PETRARCH validation suites and the PLOVER-coded CAMEO manual sentences (``events/``).

PETRARCH records (one sentence each): predicted (source code, target code, CAMEO code) triples, deduplicated
per record, against the gold triples as multisets, at three levels: exact, root (code cut to 2 digits) and
country (actor codes cut to 3 characters, code to its root). A missing actor is ``---``. Also: a code-only
level (the set of root codes found, actors ignored; the fair level for the suites' fictional actors), the
share of records expecting no event that get one (false-positive rate), and record-level exact match; beside them,
the code-only level counting only events not marked ``negated`` (``<suite>.unnegated.codes.*``). Records
with codes outside CAMEO 1.1b3, records marked not to be evaluated, and records testing input errors are
skipped (see :func:`include`). PLOVER records: does the sentence's main predicted event (highest confidence)
have the right CAMEO root and the right PLOVER type?
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.evaluation.common import Context, Figures, SetResult, make_article, read_jsonl, require
from dateline.evaluation.metrics import Counts, accuracy, multiset_counts, ratio
from dateline.model import Article, Event

PETRARCH = Path("events") / "petrarch_dev.jsonl"
PLOVER = Path("events") / "plover_cameo_manual.jsonl"
CAMEO_CODES = Path("cameo") / "cameo_codes.csv"
#: CAMEO 1.1b3 codes that GDELT's lookup table lacks (events/README.md and cameo/README.md).
MANUAL_ONLY_CODES = frozenset({"155", "176", "1213", "1214", "1834", "1951", "1952"})
SKIPPED_ERRORS = frozenset({"dateline", "bad_input_parse"})  # input handling, not event semantics
NULL_ACTOR = "---"
SUITES = ("petr1_unittest", "udp_validate_2_02", "petr2_pytest")
#: PLOVER 0.5b1 types renamed or merged in the current PLOVER manual; both sides are compared in the new names.
PLOVER_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

Triple = tuple[str, str, str]


@dataclass(frozen=True, slots=True)
class Record:
    """One scored PETRARCH sentence: its suite, gold triples (empty when no event is expected), predictions."""

    suite: str
    gold: tuple[Triple, ...]
    pred: tuple[Triple, ...]


def include(record: dict[str, Any], valid_codes: frozenset[str]) -> bool:
    """Whether a PETRARCH record is scored by default (events/README.md, "Skip by default")."""
    if record.get("evaluate") is False or record.get("coding_given") is False:
        return False
    if record.get("expected_error") in SKIPPED_ERRORS:
        return False
    return all(e["code"] in valid_codes for e in record["expected_events"])


def root(triple: Triple) -> Triple:
    return (triple[0], triple[1], triple[2][:2])


def country(triple: Triple) -> Triple:
    return (triple[0][:3], triple[1][:3], triple[2][:2])


def score(records: Sequence[Record], prefix: str = "") -> Figures:
    """Triple P/R/F1 at the exact, root, country and code-only levels, no-event false positives, record match."""
    levels = {"exact": Counts(), "root": Counts(), "country": Counts(), "codes": Counts()}
    for rec in records:
        levels["exact"].add(multiset_counts(rec.gold, rec.pred))
        levels["root"].add(multiset_counts(map(root, rec.gold), map(root, rec.pred)))
        levels["country"].add(multiset_counts(map(country, rec.gold), map(country, rec.pred)))
        levels["codes"].add(multiset_counts({t[2][:2] for t in rec.gold}, {t[2][:2] for t in rec.pred}))
    figures: Figures = {}
    for name, counts in levels.items():
        figures.update(counts.figures(f"{prefix}{name}."))
    expect_none = [r for r in records if not r.gold]
    figures[f"{prefix}none.fpr"] = ratio(sum(1 for r in expect_none if r.pred), len(expect_none))
    figures[f"{prefix}record.exact"] = ratio(sum(1 for r in records if set(r.gold) == set(r.pred)), len(records))
    return figures


def score_suites(records: Sequence[Record]) -> Figures:
    """Figures over all records (``all.``) and per suite."""
    figures = score(records, "all.")
    for suite in SUITES:
        part = [r for r in records if r.suite == suite]
        if part:
            figures.update(score(part, f"{suite}."))
    return figures


def plover_type(name: str | None) -> str | None:
    """A PLOVER event type in the current manual's names."""
    if name is None:
        return None
    upper = name.upper()
    return PLOVER_RENAMES.get(upper, upper)


def score_plover(pairs: Sequence[tuple[tuple[str | None, str | None], Event | None]]) -> Figures:
    """CAMEO root and PLOVER type accuracy of the main predicted event against (gold CAMEO, gold PLOVER type)."""
    with_code = [(gold[0] or "", event) for gold, event in pairs if gold[0]]
    return {
        "plover.cameo_root.accuracy": accuracy(
            (code[:2], (event.cameo or "")[:2] if event else None) for code, event in with_code
        ),
        "plover.type.accuracy": accuracy(
            (plover_type(gold[1]), plover_type(event.plover) if event else None) for gold, event in pairs
        ),
    }


def main_event(article: Article | None) -> Event | None:
    """The event with the highest confidence (the first of equals), or None."""
    if article is None or not article.events:
        return None
    return max(article.events, key=lambda e: e.confidence)


def predicted_triples(article: Article | None, left_out: frozenset[str] = frozenset()) -> tuple[Triple, ...]:
    """The article's events as deduplicated (source, target, CAMEO) triples; a missing actor code is ``---``.
    Events whose mode is in ``left_out`` are not counted."""
    if article is None:
        return ()
    seen = dict.fromkeys(
        (_code(e.source), _code(e.target), e.cameo or "") for e in article.events if e.mode not in left_out
    )  # dict keeps order, drops repeats
    return tuple(seen)


def _code(actor: Any) -> str:
    return (actor.code if actor is not None else None) or NULL_ACTOR


def valid_codes(data_dir: Path) -> frozenset[str]:
    """CAMEO 1.1b3 codes: GDELT's table plus the manual's codes it lacks."""
    with require(data_dir / CAMEO_CODES).open(encoding="utf-8", newline="") as handle:
        return frozenset(row["code"] for row in csv.DictReader(handle)) | MANUAL_ONLY_CODES


def evaluate(ctx: Context, data_dir: Path, limit: int | None = None) -> SetResult:
    """Score the pipeline's events on both files (no off-the-shelf baseline codes CAMEO from raw text)."""
    codes = valid_codes(data_dir)
    petrarch = read_jsonl(data_dir / PETRARCH, limit)
    kept = [r for r in petrarch if include(r, codes)]
    plover = read_jsonl(data_dir / PLOVER, limit)
    predicted = ctx.predict(_articles(kept, plover))
    records = [
        Record(r["suite"], _gold_triples(r["expected_events"]), predicted_triples(predicted[r["id"]])) for r in kept
    ]
    plover_pairs = [((r["cameo"], r["plover_event"]), main_event(predicted[r["id"]])) for r in plover]
    figures = {**score_suites(records), **score_plover(plover_pairs), **_unnegated(kept, predicted)}
    return SetResult(
        name="events",
        baseline="none",
        data={
            "files": f"{PETRARCH}, {PLOVER}",
            "petrarch records": len(kept),
            "skipped": len(petrarch) - len(kept),
            "expected events": sum(len(r.gold) for r in records),
            "plover records": len(plover),
        },
        systems={"dateline": figures},
        headline=["all.codes.f1", "all.root.f1", "plover.cameo_root.accuracy", "plover.type.accuracy"],
        notes=["skipped: non-CAMEO codes, evaluate=false, expected_error dateline/bad_input_parse, no coding"],
    )


def _unnegated(kept: Sequence[dict[str, Any]], predicted: dict[str, Article | None]) -> Figures:
    """The code-only level per suite, counting only the events dateline does not mark ``negated``: the suites
    code the words, not the mode, yet are not consistent on negation themselves (a negated boycott keeps its
    code, a negated clash becomes 050). Reported beside the main figures, not instead of them."""
    figures: Figures = {}
    for suite in SUITES:
        part = [
            Record(suite, _gold_triples(r["expected_events"]), predicted_triples(predicted[r["id"]], _NEGATED))
            for r in kept
            if r["suite"] == suite
        ]
        if part:
            figures.update({k: v for k, v in score(part, f"{suite}.unnegated.").items() if ".codes." in k})
    return figures


_NEGATED = frozenset({"negated"})


def _articles(petrarch: Iterable[dict[str, Any]], plover: Iterable[dict[str, Any]]) -> list[Article]:
    found = [make_article(r["id"], r["text"], published=r.get("date_iso")) for r in petrarch]
    return found + [make_article(r["id"], r["text"]) for r in plover]


def _gold_triples(expected: list[dict[str, str]]) -> tuple[Triple, ...]:
    return tuple((e["source"] or NULL_ACTOR, e["target"] or NULL_ACTOR, e["code"]) for e in expected)
