"""Near-duplicate detection: shingles, the containment threshold, direction, chains and incremental updates."""

from __future__ import annotations

from pathlib import Path

from dateline.aggregate import duplicates as dup
from dateline.aggregate.update import update
from dateline.model import Outcome
from tests.test_aggregate_helpers import BODY, LEDE, OTHER, article, store_of, story


def test_shingles_are_casefolded_word_trigrams() -> None:
    assert dup.shingles("The cat, the HAT!") == ["the cat the", "cat the hat"]
    assert dup.shingles("Two words") == ["two words"]
    assert dup.shingles("") == []


def _detect(tmp_path: Path, *articles_: object) -> dict[str, dup.Link]:
    s = store_of(tmp_path / "t.db", list(articles_))  # type: ignore[arg-type]
    return dup.detect(s)


def test_truncated_edited_and_rewired_copy_links_to_its_original(tmp_path: Path) -> None:
    copy = "PORT VELO (Wire) - " + story(2).replace("said", "stated") + "\n\n(Reporting by staff)"
    links = _detect(
        tmp_path,
        article("orig", story()),
        article("copy", copy, published="2024-05-15", title="New headline"),
        article("other", OTHER),
    )
    assert set(links) == {"copy"}
    assert links["copy"].original_id == "orig"
    assert links["copy"].similarity >= dup.THRESHOLD


def test_follow_up_reusing_background_is_not_a_duplicate(tmp_path: Path) -> None:
    """Half of the follow-up is the earlier story's text: below the 0.7 containment threshold."""
    follow_up = OTHER + " " + " ".join(BODY[:2]) + " " + OTHER.replace("Castellan", "Marrow")
    original = story(4)
    a, b = set(dup.shingles(follow_up)), set(dup.shingles(original))
    assert 0.2 < dup.containment(a, b) < dup.THRESHOLD
    assert _detect(tmp_path, article("orig", original), article("later", follow_up, published="2024-05-16")) == {}


def test_threshold_boundary_on_shingle_containment(tmp_path: Path) -> None:
    """A copy with three quarters of its shingles in the original is linked; one with under 0.7 is not."""
    original = story()
    words = original.split()
    kept = " ".join(words[: len(words) * 3 // 4])
    new_text = " ".join(f"novel{i} filler{i} token{i}" for i in range(len(words) // 10))
    near = kept + " " + new_text
    far = kept[: len(kept) // 2] + " " + new_text + " " + " ".join(f"more{i} words{i}" for i in range(60))
    c_near = dup.containment(set(dup.shingles(near)), set(dup.shingles(original)))
    c_far = dup.containment(set(dup.shingles(far)), set(dup.shingles(original)))
    assert c_near >= dup.THRESHOLD > c_far
    links = _detect(
        tmp_path,
        article("orig", original),
        article("near", near, published="2024-05-15"),
        article("far", far, published="2024-05-15"),
    )
    assert set(links) == {"near"}


def test_same_day_copy_with_boilerplate_is_the_copy_not_the_original(tmp_path: Path) -> None:
    longer = story() + "\n\n(Reporting by staff; editing by the desk; all rights reserved by the agency)"
    links = _detect(tmp_path, article("orig", story()), article("copy", longer))
    assert {k: v.original_id for k, v in links.items()} == {"copy": "orig"}


def test_trimmed_copy_stored_first_on_the_same_day_is_still_the_copy(tmp_path: Path) -> None:
    links = _detect(tmp_path, article("short", story(1)), article("full", story()))
    assert {k: v.original_id for k, v in links.items()} == {"short": "full"}


def test_chains_resolve_to_the_root_original(tmp_path: Path) -> None:
    links = _detect(
        tmp_path,
        article("a", story(), published="2024-05-14"),
        article("b", story().replace("Tuesday", "Tuesday morning"), published="2024-05-15"),
        article("c", story().replace("Tuesday", "Tuesday morning").replace("cod", "hake"), published="2024-05-16"),
    )
    assert {k: v.original_id for k, v in links.items()} == {"b": "a", "c": "a"}


def test_incremental_update_signs_only_new_articles_and_backfilled_original_takes_over(tmp_path: Path) -> None:
    s = store_of(tmp_path / "t.db", [article("copy", story(3), published="2024-05-15")])
    assert dup.sign(s) == ["copy"]
    assert dup.sign(s) == []
    assert dup.detect(s) == {}
    s.write([Outcome("x", "processed", "", article("orig", story()))])
    links = dup.detect(s)
    assert {k: v.original_id for k, v in links.items()} == {"copy": "orig"}


def test_query_rows_list_duplicate_original_and_similarity(tmp_path: Path) -> None:
    s = store_of(
        tmp_path / "t.db", [article("orig", story()), article("copy", LEDE + story(2), published="2024-05-20")]
    )
    update(s)
    rows = dup.list_duplicates(s)
    assert [(r["article_id"], r["original_id"]) for r in rows] == [("copy", "orig")]
    assert 0.7 <= rows[0]["similarity"] <= 1.0 and 0 < rows[0]["jaccard"] <= 1.0
