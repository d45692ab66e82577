"""Regression tests for what the fuzzer and the bad-input suite found, and the fuzzer's own seeds.

Each input is rebuilt here from a description of the crash (the fuzzer's bytes are not kept): the smallest
input that shows the bug, next to a good neighbour that must still be read.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from dateline.ingest import read
from dateline.ingest.html import fragment_text, parse_html
from dateline.model import Article, Outcome
from tests.conftest import ROOT

STORY = (
    "HAMAR, May 2, 2024 - The regional council voted on Thursday to rebuild the old bridge over the river, "
    "and work will start in the autumn, its chairwoman said."
)


def _items(path: Path) -> list[Article | Outcome]:
    return list(read([str(path)], max_bytes=1_000_000))


def test_a_gzip_file_whose_checksum_is_wrong_fails_as_corrupt(tmp_path: Path) -> None:
    """Found by the fuzzer: a bad CRC raised BadGzipFile, which only the catch-all guard turned into an outcome."""
    packed = gzip.compress(f"Bridge vote\n\n{STORY}".encode(), mtime=0)
    path = tmp_path / "story.txt.gz"
    path.write_bytes(packed[:-8] + bytes([packed[-8] ^ 0xFF]) + packed[-7:])
    [outcome] = _items(path)
    assert isinstance(outcome, Outcome) and outcome.status == "failed"
    assert outcome.reason.startswith("corrupt gzip file (CRC check failed"), outcome.reason


def test_a_feed_item_opening_with_a_control_character_is_read(tmp_path: Path) -> None:
    """Found by the fuzzer: lxml refused the fragment, and the whole feed failed from that item on."""
    items = "".join(
        f"<item><title>Bridge {n}</title><description>{prefix}{STORY}</description></item>"
        for n, prefix in enumerate(["\x01", "\x1f<b>Update:</b> ", ""])
    )
    path = tmp_path / "feed.rss"
    path.write_text(f"<?xml version='1.0'?><rss version='2.0'><channel>{items}</channel></rss>")
    first, second, third = _items(path)
    assert isinstance(first, Article) and first.text == STORY
    assert isinstance(second, Article) and second.text.startswith("Update:")
    assert isinstance(third, Article)


def test_fragment_text_drops_characters_xml_forbids() -> None:
    assert fragment_text("\x00\x08 Talks \x0b\x0c\x0e resumed\ufffe") == "Talks resumed"
    assert fragment_text("\x01\x02") == ""


def test_a_page_whose_only_text_is_its_menu_is_not_an_article() -> None:
    """Found by the bad-input suite: trafilatura fell back to the navigation links of an empty page."""
    menu = "<nav><a href='/'>Home</a> <a href='/news'>World news</a> <a href='/about'>About us</a></nav>"
    outcome = parse_html(f"<html><head><title>Home</title></head><body>{menu}</body></html>", "menu.html")
    assert isinstance(outcome, Outcome) and outcome.status == "skipped"
    assert outcome.reason.startswith("no article text in HTML page")
    page = (
        f"<html><body>{menu}<article><p>{STORY}</p><p>{STORY.replace('bridge', 'school')}</p></article></body></html>"
    )
    assert isinstance(parse_html(page, "story.html"), Article), "a story with a menu around it is still read"


# -- the fuzzer's seeds ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_modules() -> Iterator[tuple[ModuleType, ModuleType]]:
    """``fuzz/run.py`` and ``fuzz/fuzz_readers.py``, imported from their folder (atheris must be installed)."""
    pytest.importorskip("atheris", reason="atheris (a dev dependency) runs the fuzz targets")
    sys.path.insert(0, str(ROOT / "fuzz"))
    try:
        import fuzz_readers
        import run as fuzz_run

        yield fuzz_run, fuzz_readers
    finally:
        sys.path.remove(str(ROOT / "fuzz"))


def test_every_fuzz_seed_is_read_without_breaking_a_promise(
    fuzz_modules: tuple[ModuleType, ModuleType], tmp_path: Path
) -> None:
    fuzz_run, fuzz_readers = fuzz_modules
    corpus = tmp_path / "corpus"
    fuzz_run.write_seeds(corpus)
    seeds = sorted(corpus.iterdir())
    assert len(seeds) == len(fuzz_run.seeds()) >= 10
    articles = 0
    for seed in seeds:
        data = seed.read_bytes()
        path = tmp_path / ("input" + fuzz_readers.SUFFIXES[data[0]])
        path.write_bytes(data[1:])
        for item in _items(path):
            fuzz_readers.check(item)
            articles += isinstance(item, Article)
    assert articles >= len(seeds) - 1, "the seeds are readable articles, so that the fuzzer starts from good input"


def test_the_fuzz_check_flags_what_the_guard_hid(fuzz_modules: tuple[ModuleType, ModuleType]) -> None:
    _, fuzz_readers = fuzz_modules
    with pytest.raises(AssertionError, match="a reader raised"):
        fuzz_readers.check(Outcome("x", "failed", "could not be read (TypeError: boom)"))
    with pytest.raises(AssertionError, match="without an id or text"):
        fuzz_readers.check(Article(id="a", text="  ", source="x"))


def test_a_feed_that_breaks_the_feed_parser_fails_with_a_reason(tmp_path: Path) -> None:
    """Found by the fuzzer in CI: feedparser itself raised KeyError('links') on unclosed link tags."""
    path = tmp_path / "feed.rss"
    path.write_bytes(b"<channel><item<link</item/</link<")
    [outcome] = _items(path)
    assert isinstance(outcome, Outcome) and outcome.status == "failed"
    assert outcome.reason.startswith("broken feed: the feed parser gave up (KeyError"), outcome.reason


def test_a_charset_name_with_a_nul_byte_is_ignored() -> None:
    """Found by the fuzzer in CI: a WARC record's Content-Type charset with a NUL made codecs.lookup raise."""
    from dateline.ingest.files import valid_codec

    assert valid_codec("iso-8859-1\x00") is None
    assert valid_codec("iso-8859-1") == "iso8859-1"
