"""The eval scorers on hand-made inputs: perfect predictions score 1, empty ones 0, small cases as computed by hand.

No spaCy and no gold data: every input here is written out below.
"""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from dateline.evaluation import events, html, metrics, ner, places, quotes, times, tone
from dateline.evaluation.events import Record
from dateline.evaluation.places import Toponym
from dateline.evaluation.quotes import GoldQuote, PredQuote
from dateline.model import Article, Event, EventActor, Span

approx = pytest.approx


# --- metrics ---------------------------------------------------------------------------------------------


def test_counts_give_precision_recall_f1() -> None:
    counts = metrics.Counts(tp=2, fp=1, fn=3)
    assert counts.precision == approx(2 / 3)
    assert counts.recall == approx(2 / 5)
    assert counts.f1 == approx(2 * (2 / 3) * (2 / 5) / (2 / 3 + 2 / 5))
    assert metrics.Counts().figures("x.") == {"x.p": 0.0, "x.r": 0.0, "x.f1": 0.0}


def test_match_pairs_is_one_to_one_and_best_first() -> None:
    gold = [(0, 5), (10, 15)]
    pred = [(3, 12), (11, 15)]
    pairs = metrics.match_pairs(gold, pred, metrics.overlap)
    assert pairs == [(0, 0), (1, 1)]  # (3,12) shares 2 with each gold; (11,15) takes (10,15) with 4
    assert metrics.match_pairs(gold, [], metrics.overlap) == []


def test_multiset_counts_and_macro_f1() -> None:
    assert metrics.multiset_counts(["a", "a", "b"], ["a", "c"]) == metrics.Counts(tp=1, fp=1, fn=2)
    pairs = [(1, 1), (0, 1), (-1, -1), (-1, 0)]
    # class -1: P 1, R 1/2 -> 2/3; class 0: 0; class 1: P 1/2, R 1 -> 2/3
    assert metrics.macro_f1(pairs, (-1, 0, 1)) == approx((2 / 3 + 0 + 2 / 3) / 3)
    assert metrics.accuracy(pairs) == approx(0.5)


# --- ner -------------------------------------------------------------------------------------------------

NER_GOLD = [(0, 5, "PER"), (6, 10, "LOC"), (11, 15, "MISC")]


def test_ner_perfect_and_empty() -> None:
    perfect = ner.score([(NER_GOLD, NER_GOLD)])
    assert perfect["micro.f1"] == 1.0 and perfect["MISC.f1"] == 1.0
    empty = ner.score([(NER_GOLD, [])])
    assert all(value == 0.0 for value in empty.values())


def test_ner_hand_computed() -> None:
    pred = ner.map_labels([(0, 5, "PERSON"), (6, 10, "ORG"), (11, 15, "NORP"), (16, 20, "DATE")])
    assert pred == [(0, 5, "PER"), (6, 10, "ORG"), (11, 15, "MISC")]
    figures = ner.score([(NER_GOLD, pred)])
    # PER+ORG+LOC: tp 1 (PER), fp 1 (ORG), fn 1 (LOC)
    assert figures["micro.p"] == approx(0.5) and figures["micro.r"] == approx(0.5)
    assert figures["LOC.r"] == 0.0 and figures["ORG.p"] == 0.0 and figures["MISC.f1"] == 1.0


# --- times -----------------------------------------------------------------------------------------------

TIMES_GOLD = [(0, 10, "DATE", "2020-01-01"), (20, 25, "DURATION", "P1D")]


def test_times_perfect_and_empty() -> None:
    perfect = times.score([(TIMES_GOLD, TIMES_GOLD)])
    assert perfect["strict.f1"] == perfect["relaxed.f1"] == perfect["value.f1"] == perfect["type.accuracy"] == 1.0
    assert perfect["DATE.relaxed.f1"] == perfect["DURATION.relaxed.f1"] == 1.0
    empty = times.score([(TIMES_GOLD, [])])
    assert all(value == 0.0 for value in empty.values())


def test_times_hand_computed() -> None:
    pred = [(0, 10, "DATE", "2020-01-01"), (21, 25, "DATE", "P1D"), (30, 35, "TIME", "T10")]
    figures = times.score([(TIMES_GOLD, pred)])
    assert (figures["strict.p"], figures["strict.r"], figures["strict.f1"]) == approx((1 / 3, 1 / 2, 0.4))
    assert (figures["relaxed.p"], figures["relaxed.r"], figures["relaxed.f1"]) == approx((2 / 3, 1.0, 0.8))
    assert figures["type.accuracy"] == approx(0.5) and figures["value.accuracy"] == 1.0
    assert figures["type.f1"] == approx(0.4) and figures["value.f1"] == approx(0.8)
    assert figures["DATE.relaxed.f1"] == approx(2 / 3) and figures["DURATION.relaxed.f1"] == 0.0


def test_times_span_only_systems_have_no_type_figures() -> None:
    figures = times.score([(TIMES_GOLD, [(0, 10, None, None)])], typed=False)
    assert figures["strict.f1"] == approx(2 / 3)
    assert figures["value.f1"] is None and figures["DATE.relaxed.f1"] is None


# --- quotes ----------------------------------------------------------------------------------------------

Q_DIRECT = GoldQuote(content=((0, 20),), kind="direct", speaker=((25, 30),), speaker_text="Smith", cue=((21, 24),))
Q_INDIRECT = GoldQuote(content=((40, 60),), kind="indirect", speaker=((31, 33),), speaker_text="he", cue=((34, 38),))


def _as_pred(gold: GoldQuote) -> PredQuote:
    return PredQuote(gold.content[0], gold.kind, gold.speaker[0], gold.cue[0])


def test_quotes_perfect_and_empty() -> None:
    gold = [Q_DIRECT, Q_INDIRECT]
    perfect = quotes.score([(gold, [_as_pred(q) for q in gold])])
    assert all(value == 1.0 for value in perfect.values())
    empty = quotes.score([(gold, [])])
    assert all(value == 0.0 for value in empty.values())


def test_quotes_hand_computed() -> None:
    pred = [
        PredQuote((5, 20), "direct", speaker=(25, 30), cue=(21, 24)),  # shares 15 of the shorter 15: match
        PredQuote((50, 80), "indirect", speaker=(0, 3)),  # shares 10 of the shorter 20: exactly half, match
        PredQuote((100, 110), "direct"),  # nothing
    ]
    figures = quotes.score([([Q_DIRECT, Q_INDIRECT], pred)])
    assert (figures["quoted.p"], figures["quoted.r"]) == approx((0.5, 1.0))
    assert figures["indirect.f1"] == 1.0
    assert (figures["all.p"], figures["all.r"], figures["all.f1"]) == approx((2 / 3, 1.0, 0.8))
    assert figures["speaker.accuracy"] == approx(0.5)
    assert figures["speaker.named.accuracy"] == 1.0 and figures["speaker.pronoun.accuracy"] == 0.0
    assert figures["cue.accuracy"] == approx(0.5)


def test_quote_share_needs_half_of_the_shorter_and_counts_fragments_only() -> None:
    assert quotes.content_share(Q_DIRECT, PredQuote((15, 35), "direct")) == 0.0  # 5 of 20
    split = GoldQuote(content=((0, 10), (20, 30)), kind="direct")
    assert quotes.content_share(split, PredQuote((0, 30), "direct")) == 1.0  # 20 of the gold's 20


# --- places ----------------------------------------------------------------------------------------------


def test_distance_and_auc() -> None:
    assert places.distance_km(0.0, 0.0, 0.0, 1.0) == approx(111.195, abs=0.01)
    assert places.log_error_auc([0.0, places.MAX_ERROR_KM]) == approx(0.5)
    assert places.log_error_auc([0.0, 0.0, 0.0]) == 0.0
    assert places.log_error_auc([]) is None


PLACES_GOLD = [Toponym(0, 5, 0.0, 0.0), Toponym(10, 15, 10.0, 10.0), Toponym(20, 25)]


def test_places_perfect_and_empty() -> None:
    perfect = places.score([(PLACES_GOLD, PLACES_GOLD)])
    assert perfect["detect.f1"] == 1.0 and perfect["acc161"] == 1.0
    assert perfect["median_km"] == 0.0 and perfect["auc"] == 0.0
    empty = places.score([(PLACES_GOLD, [])])
    assert empty["detect.f1"] == empty["acc161"] == 0.0
    assert empty["median_km"] is None and empty["auc"] is None


def test_places_hand_computed() -> None:
    pred = [Toponym(1, 4, 0.0, 0.5), Toponym(10, 15), Toponym(40, 45)]
    figures = places.score([(PLACES_GOLD, pred)])
    assert (figures["detect.p"], figures["detect.r"]) == approx((2 / 3, 2 / 3))
    near = places.distance_km(0.0, 0.0, 0.0, 0.5)  # about 55.6 km
    assert figures["acc161"] == approx(0.5)  # the second match has no coordinates: worst error
    assert figures["median_km"] == approx((near + places.MAX_ERROR_KM) / 2)
    scaled = math.log1p(near) / math.log1p(places.MAX_ERROR_KM)
    assert figures["auc"] == approx((scaled + 1) / 2)


# --- html ------------------------------------------------------------------------------------------------


def test_html_shingles_and_page_scores() -> None:
    assert sum(html.shingles("a b c d e").values()) == 2
    assert html.page_scores("one two three four five", "one two three four") == approx((1.0, 0.5, 2 / 3))


def test_html_perfect_empty_and_averaged() -> None:
    body = "Gaming was simple once; now every game is a service that never ends."
    assert all(value == 1.0 for value in html.score([(body, body)]).values())
    assert all(value == 0.0 for value in html.score([(body, "")]).values())
    figures = html.score_by_language(["en", "de"], [(body, body), (body, "")])
    assert (figures["p"], figures["r"], figures["f1"]) == approx((0.5, 0.5, 0.5))
    assert figures["pages.f1>=0.9"] == approx(0.5)
    assert figures["en.f1"] == 1.0 and figures["other.f1"] == 0.0


# --- tone ------------------------------------------------------------------------------------------------


def test_tone_thresholds() -> None:
    assert [tone.polarity(v) for v in (0.05, -0.05, 0.049, -0.049, None)] == [1, -1, 0, 0, 0]


def test_tone_perfect_empty_and_hand_computed() -> None:
    gold = [-1, 0, 1, 1]
    assert all(v == 1.0 for v in tone.score([(g, g) for g in gold]).values())
    no_prediction = tone.score([(g, tone.polarity(None)) for g in [-1, 1]])
    assert all(value == 0.0 for value in no_prediction.values())
    figures = tone.score([(1, 1), (0, 1), (-1, -1), (-1, 0)])
    assert figures["accuracy"] == approx(0.5)
    assert figures["macro.f1"] == approx(4 / 9) and figures["negpos.f1"] == approx(2 / 3)


def test_tone_evidence_order() -> None:
    article = Article(id="a", text="x" * 40)
    assert tone.target_tone(article, (0, 3)) == (None, "none")
    article.tone = {
        "score": -0.2,
        "sentences": [{"start": 0, "end": 10, "score": -0.5}, {"start": 11, "end": 30, "score": 0.6}],
    }
    assert tone.target_tone(article, (12, 15)) == (0.6, "sentence")
    assert tone.target_tone(article, (35, 38)) == (-0.2, "article")
    mention = Span(12, 15, "Ann")
    article.actors = [SimpleNamespace(mentions=[mention], tone={"score": -0.9})]  # type: ignore[list-item]
    assert tone.target_tone(article, (13, 14)) == (-0.9, "actor")


# --- events ----------------------------------------------------------------------------------------------


def test_events_include_rules() -> None:
    valid = frozenset({"042", "190"})
    ok = {"expected_events": [{"code": "042"}], "evaluate": None, "expected_error": None, "coding_given": True}
    assert events.include(ok, valid)
    assert not events.include({**ok, "evaluate": False}, valid)
    assert not events.include({**ok, "expected_error": "dateline"}, valid)
    assert not events.include({**ok, "coding_given": False}, valid)
    assert not events.include({**ok, "expected_events": [{"code": "903"}]}, valid)
    assert events.include({**ok, "expected_events": [], "expected_error": "storydiscard"}, valid)


def test_events_perfect_and_empty() -> None:
    recs = [
        Record("udp_validate_2_02", (("USA", "RUS", "042"),), (("USA", "RUS", "042"),)),
        Record("udp_validate_2_02", (), ()),
    ]
    perfect = events.score(recs)
    assert all(perfect[k] == 1.0 for k in ("exact.f1", "root.f1", "country.f1", "codes.f1", "record.exact"))
    assert perfect["none.fpr"] == 0.0
    empty = events.score([Record("udp_validate_2_02", (("USA", "RUS", "042"),), ())])
    assert all(value == 0.0 for value in empty.values())


def test_events_hand_computed() -> None:
    recs = [
        Record("petr1_unittest", (("USAGOV", "RUS", "042"),), (("USAGOV", "RUS", "043"),)),
        Record("petr1_unittest", (), (("ABC", "DEF", "190"),)),
    ]
    figures = events.score_suites(recs)
    assert figures["all.exact.f1"] == 0.0
    assert (figures["all.root.p"], figures["all.root.r"]) == approx((0.5, 1.0))
    assert figures["all.country.f1"] == approx(2 / 3) and figures["all.codes.f1"] == approx(2 / 3)
    assert figures["all.none.fpr"] == 1.0 and figures["petr1_unittest.record.exact"] == 0.0
    assert events.country(("USAGOV", "RUSMIL", "0431")) == ("USA", "RUS", "04")


def _event(cameo: str | None, plover: str | None, confidence: float, source: str | None = "USA") -> Event:
    span = Span(0, 1, "x")
    actor = EventActor(actor=None, code=source, text="x")
    return Event("e", span, span, actor, None, cameo, plover, "asserted", confidence=confidence)


def test_event_triples_and_main_event() -> None:
    article = Article(id="a", text="x")
    article.events = [_event("042", "CONSULT", 0.2), _event("042", "CONSULT", 0.9), _event("190", "FIGHT", 0.5, None)]
    assert events.predicted_triples(article) == (("USA", "---", "042"), ("---", "---", "190"))
    assert events.main_event(article) is article.events[1]
    assert events.predicted_triples(None) == ()
    article.events[2].mode = "negated"  # the unnegated figures leave a negated event out
    assert events.predicted_triples(article, frozenset({"negated"})) == (("USA", "---", "042"),)


def test_plover_accuracies() -> None:
    pairs = [
        (("0431", "CONSULT"), _event("040", "CONSULT", 1.0)),  # root right, type right
        (("190", "FIGHT"), _event("180", "ASSAULT", 1.0)),  # root wrong; FIGHT is ASSAULT in the current names
        ((None, "DEMAND"), None),  # no CAMEO gold: type only, and no event is wrong
    ]
    figures = events.score_plover(pairs)
    assert figures["plover.cameo_root.accuracy"] == approx(0.5)
    assert figures["plover.type.accuracy"] == approx(2 / 3)
    perfect = events.score_plover([(("0431", "CONSULT"), _event("0431", "CONSULT", 1.0))])
    assert all(value == 1.0 for value in perfect.values())
    assert all(value == 0.0 for value in events.score_plover([(("0431", "CONSULT"), None)]).values())


def test_times_values_are_compared_by_meaning_not_notation() -> None:
    from dateline.evaluation.times import same_notation

    assert same_notation("2000-W7") == same_notation("2000-W07")
    assert same_notation("199X") == same_notation("199") and same_notation("19XX") == same_notation("19")
    assert same_notation("1998-02") != same_notation("1998-W02")
    assert same_notation("2024-05-16") == "2024-05-16" and same_notation("XXXX-05") == "XXXX-05"
