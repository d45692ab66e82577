"""dateline.ingest.read on plain files and folders: text articles, decoding, sniffing and bad inputs."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from dateline.ingest import read
from dateline.ingest.fields import iso_date
from dateline.ingest.files import decode, human_size
from dateline.model import Article, Outcome

STORY = "BEIJING, May 16 (Reuters) - China and Russia pledged closer ties on Thursday.\n\nTalks go on.\n"


def run(*paths: Path | str, max_bytes: int = 20_000_000) -> list[Article | Outcome]:
    return list(read([str(p) for p in paths], max_bytes=max_bytes))


def assert_readable(item: Article | Outcome, status: str, *words: str) -> None:
    """An outcome with the given status whose reason is a short sentence naming ``words``."""
    assert isinstance(item, Outcome), item
    assert item.status == status
    assert 8 <= len(item.reason) <= 200 and item.reason[0].isalnum(), item.reason
    assert "Traceback" not in item.reason and " object at 0x" not in item.reason
    for word in words:
        assert word in item.reason, item.reason


@pytest.mark.parametrize(
    "opening",
    [
        "16th May 2024 – (Beijing) Chinese officials met on Thursday.",
        "BEIJING, May 16 (Reuters) - Chinese officials met on Thursday.",
        "WASHINGTON — Officials met on Thursday.",
        "May 16, 2024 — Officials met on Thursday.",
    ],
)
def test_text_headline_and_dateline(tmp_path: Path, opening: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"\n  Leaders meet in Beijing  \n\n\n{opening}\nSecond paragraph.\n", encoding="utf-8")
    [article] = run(path)
    assert isinstance(article, Article)
    assert article.title == "Leaders meet in Beijing"
    assert article.text == f"{opening}\nSecond paragraph.\n"
    assert article.source == str(path)
    assert len(article.id) == 20


def test_text_keeps_layout_and_unifies_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbfHeadline\r\n\r\n  Indented  line\r\nnext\rlast")
    [article] = run(path)
    assert isinstance(article, Article)
    assert (article.title, article.text) == ("Headline", "  Indented  line\nnext\nlast")


def test_one_line_file_is_all_story(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(STORY.splitlines()[0], encoding="utf-8")
    [article] = run(path)
    assert isinstance(article, Article)
    assert article.title is None and article.text.startswith("BEIJING, May 16")


def test_ids_are_stable(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n" + STORY, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Title\r\n" + STORY.replace("\n", "\r\n"), encoding="utf-8")
    first, second = run(tmp_path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == second.id


def test_unknown_extension_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text("Title\n" + STORY, encoding="utf-8")
    [article] = run(path)
    assert isinstance(article, Article) and article.title == "Title"


def test_unknown_extension_sniffed_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.dat"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Fire</title></head><body><article><p>"
        "LONDON, May 16 - A fire broke out in a warehouse on Thursday, officials said.</p></article></body></html>",
        encoding="utf-8",
    )
    [article] = run(path)
    assert isinstance(article, Article)
    assert article.text.startswith("LONDON, May 16 - A fire") and "<" not in article.text


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Überschrift\nKÖLN, 16. Mai - Der Rat tagte.".encode("utf-16"))
    [article] = run(path)
    assert isinstance(article, Article)
    assert (article.title, article.text) == ("Überschrift", "KÖLN, 16. Mai - Der Rat tagte.")


def test_latin1_and_invalid_utf8_decode_as_cp1252(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Café talks\nSÃO PAULO, May 16 - The naïve plan failed.".encode("latin-1"))
    broken = tmp_path / "mixed.txt"
    broken.write_bytes(b"Title\nValid text then a smart quote \x93here\x94 and a dash \x96 too.")
    first, second = run(latin, broken)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Café talks" and first.text.startswith("SÃO PAULO") and "naïve" in first.text
    assert second.text == "Valid text then a smart quote “here” and a dash – too."


def test_decode_prefers_declared_byte_order_marks() -> None:
    assert decode("ab".encode("utf-32")).text == "ab"
    assert decode(b"\xef\xbb\xbfab").encoding == "utf-8-sig"
    assert decode("Привет, мир. Переговоры продолжатся на следующей неделе.".encode("cp1251")).text.startswith("Привет")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP archive"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "ELF executable"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip archive"),
        (b"plain words\x00\x00\x01\x02 then nul bytes", "NUL bytes"),
    ],
)
def test_binary_files_are_skipped_with_their_kind(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    [outcome] = run(path)
    assert_readable(outcome, "skipped", "binary file", kind)


def test_zero_byte_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\n")
    empty, blank = run(tmp_path / "empty.txt", tmp_path / "blank.txt")
    assert_readable(empty, "skipped", "empty file")
    assert_readable(blank, "skipped", "whitespace")


def test_file_over_size_limit_is_skipped_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Title\n" + "word " * 400, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Title\nshort story", encoding="utf-8")
    big_outcome, small_article = run(path, small, max_bytes=1000)
    assert_readable(big_outcome, "skipped", "file too large", "2.0 kB > 1.0 kB limit")
    assert isinstance(small_article, Article)


def test_gzipped_text_is_bounded_after_decompression(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(b"Title\n" + b"a" * 50_000))
    ok = tmp_path / "ok.txt.gz"
    ok.write_bytes(gzip.compress(b"Title\nA short story."))
    bomb, article = run(path, ok, max_bytes=10_000)
    assert_readable(bomb, "skipped", "too large")
    assert isinstance(article, Article) and article.text == "A short story."


def test_missing_path_and_false_gzip(tmp_path: Path) -> None:
    fake = tmp_path / "fake.txt.gz"
    fake.write_text("not compressed at all", encoding="utf-8")
    missing, not_gzip = run(tmp_path / "nowhere.txt", fake)
    assert_readable(missing, "failed", "no such file")
    assert_readable(not_gzip, "failed", "not gzip")


def test_directory_recursion_sorted_and_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deeper").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("Hidden\nnot an article", encoding="utf-8")
    (tmp_path / ".secret.txt").write_text("Hidden\nnot an article", encoding="utf-8")
    files = {"a.txt": "A", "b/deeper/d.txt": "D", "b/c.txt": "C", "e.txt": "E"}
    for name, title in files.items():
        (tmp_path / name).write_text(f"{title}\n{STORY}", encoding="utf-8")
    items = run(tmp_path)
    assert [item.title for item in items if isinstance(item, Article)] == ["A", "C", "D", "E"]
    assert len(items) == len(files)
    assert items[2].source == str(tmp_path / "b" / "deeper" / "d.txt")


def test_human_size() -> None:
    assert [human_size(n) for n in (12, 2048, 52_400_000)] == ["12 bytes", "2.0 kB", "52.4 MB"]


def test_mixed_bad_inputs_give_one_outcome_each(tmp_path: Path) -> None:
    inputs = {
        "empty.txt": b"",
        "image.png": b"\x89PNG\r\n\x1a\n\x00\x00",
        "archive.zip": b"PK\x03\x04rest",
        "program": b"\x7fELF\x02\x01",
        "good.txt": ("Title\n" + STORY).encode(),
        "notes.xml": b"<?xml version='1.0'?><config><item>1</item></config>",
    }
    for name, data in inputs.items():
        (tmp_path / name).write_bytes(data)
    items = run(tmp_path)
    assert len(items) == len(inputs)
    outcomes = [item for item in items if isinstance(item, Outcome)]
    assert len(outcomes) == len(inputs) - 1
    for outcome in outcomes:
        assert_readable(outcome, "skipped")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-16", "2024-05-16"),
        ("1987-02-26T15:01:01", "1987-02-26T15:01:01"),
        ("2024-05-16 10:00:00", "2024-05-16T10:00:00"),
        ("Thu, 16 May 2024 10:00:00 +0800", "2024-05-16T10:00:00+08:00"),
        ("16 May 2024", "2024-05-16"),
        ("May 16", None),
        ("yesterday", None),
        (12, None),
    ],
)
def test_iso_date(value: object, expected: str | None) -> None:
    assert iso_date(value) == expected


def test_single_path_string_and_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("Title\n" + STORY, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    items = list(read(str(tmp_path)))
    assert [item.title for item in items if isinstance(item, Article)] == ["Title"]
    assert len(items) == 1
