"""The quotation-mark scanner and the kind rule: pure text functions, no model."""

from __future__ import annotations

import random

import pytest

from dateline.stages.quotes.marks import Quoted, find_quoted, kind_of

MARKS = "\"“”'‘’«»„`"


def stretches(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we are ready" and left.', ['"we are ready"']),
        ("He said “we are ready” and left.", ["“we are ready”"]),
        ("He said ‘we are ready’ and left.", ["‘we are ready’"]),
        ("He said 'we are ready' and left.", ["'we are ready'"]),
        ("''We are ready,'' he said.", ["''We are ready,''"]),
        ("``We are ready,'' he said.", ["``We are ready,''"]),
        ("Le président a dit «nous sommes prêts» hier.", ["«nous sommes prêts»"]),
        ('"One," she said, "two."', ['"One,"', '"two."']),
        ('"Ready?" he asked.', ['"Ready?"']),
        ("“Ready,” he said. “Go.”", ["“Ready,”", "“Go.”"]),
        ("“Quote at the very end”", ["“Quote at the very end”"]),
        ('He called it "a farce".', ['"a farce"']),
    ],
)
def test_balanced_marks(text: str, expected: list[str]) -> None:
    assert stretches(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We don’t know if Xi’s visit will help.", []),
        ("We don't know if Xi's visit will help.", []),
        ("The leaders’ summit ended early.", []),
        ("It was popular in the '90s and the '80s.", []),
        ("The ‘quiet’ leaders’ summit ended.", ["‘quiet’"]),
    ],
)
def test_apostrophes_are_not_marks(text: str, expected: list[str]) -> None:
    assert stretches(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“He told me ‘never again’ twice,” she said.", ["“He told me ‘never again’ twice,”"]),
        ("\"He told me 'never again' twice,\" she said.", ["\"He told me 'never again' twice,\""]),
        ("‘He said “no” to me’ she wrote.", ["‘He said “no” to me’"]),
    ],
)
def test_nested_quotes_stay_inside_the_outer_one(text: str, expected: list[str]) -> None:
    assert stretches(text) == expected


def test_multi_paragraph_quote_reopened_on_each_paragraph() -> None:
    text = "“First paragraph of the speech.\n\n“Second paragraph.\n\n“Last one,” she said."
    assert stretches(text) == [text[: text.index(" she")]]


def test_multi_paragraph_quote_with_straight_marks() -> None:
    text = '"First part.\n"Second part," he said.'
    assert stretches(text) == ['"First part.\n"Second part,"']


def test_unclosed_quote_is_dropped_at_the_paragraph_end() -> None:
    text = "He said “this never closes.\n\nLater the mayor said “the bridge is open” to cheers."
    assert stretches(text) == ["“the bridge is open”"]


def test_unclosed_quote_at_the_end_of_the_text() -> None:
    assert stretches("It ends with “an open quote and nothing more") == []


def test_odd_number_of_straight_marks_never_swallows_the_article() -> None:
    text = 'A stray " mark here.\n\nThen "a real quote" follows.'
    assert stretches(text) == ['"a real quote"']


def test_stray_closing_mark_is_ignored() -> None:
    assert stretches("Nothing opened” here, but “this” is quoted.") == ["“this”"]


def test_second_opening_mark_restarts_the_quote() -> None:
    assert stretches("A “stray opener, then “the real one” ends.") == ["“the real one”"]


def test_double_mark_after_a_straight_single_that_was_an_apostrophe() -> None:
    assert stretches("back in '80s and “a quote” here") == ["“a quote”"]


@pytest.mark.parametrize("text", ["", '"', '""', '"""', "“”", "''", "’‘", "\n\n“\n”", 'a"b"c', "“ ” “"])
def test_degenerate_inputs_never_raise(text: str) -> None:
    for quote in find_quoted(text):
        assert 0 <= quote.start < quote.end <= len(text)


def test_mark_family_is_recorded() -> None:
    assert find_quoted("“a” and ‘b’") == [Quoted(0, 3, True), Quoted(8, 11, False)]


def test_random_mark_soup_gives_ordered_stretches_inside_paragraphs() -> None:
    rng = random.Random(6)
    alphabet = ['"', "“", "”", "‘", "’", "'", " ", " ", "a", "b", ",", ".", "\n"]
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        previous_end = 0
        for quote in find_quoted(text):
            assert previous_end <= quote.start < quote.end <= len(text)
            previous_end = quote.end
            for inner_break in _breaks(text, quote):
                assert text[inner_break + 1 :].lstrip("\n ")[:1] in MARKS


def _breaks(text: str, quote: Quoted) -> list[int]:
    """Positions of the last newline before each reopened paragraph inside a stretch."""
    inside = text[quote.start : quote.end]
    return [quote.start + i for i, ch in enumerate(inside) if ch == "\n" and inside[i + 1 : i + 2] != "\n"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win.”", "direct"),
        ("he said “we will win”", "mixed"),
        ("he said we will win", "indirect"),
        ("“We will win,” “and soon.”", "direct"),
        ("", "indirect"),
        ("“ ”", "indirect"),
    ],
)
def test_kind_of_follows_the_letters_inside_marks(text: str, expected: str) -> None:
    assert kind_of(text, 0, len(text), find_quoted(text)) == expected


def test_kind_of_counts_a_mark_just_before_the_span() -> None:
    text = "“We will win,” he said."
    assert kind_of(text, 1, 12, find_quoted(text)) == "direct"
