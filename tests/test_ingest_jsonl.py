"""JSON Lines input: ids and text carried through, bad lines reported by number, gzip and standard input."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from dateline.ingest import read
from dateline.model import Article, Outcome, content_id

TEXT = "KYIV, May 16 (Reuters) - Ukraine said on Thursday\r\nthat talks would resume.  \n\nMore later."


def run(*paths: Path | str, max_bytes: int = 20_000_000) -> list[Article | Outcome]:
    return list(read([str(p) for p in paths], max_bytes=max_bytes))


def assert_readable(item: Article | Outcome, status: str, *words: str) -> None:
    """An outcome with the given status whose reason is a short sentence naming ``words``."""
    assert isinstance(item, Outcome), item
    assert item.status == status
    assert 8 <= len(item.reason) <= 200 and item.reason[0].isalnum(), item.reason
    for word in words:
        assert word in item.reason, item.reason


def lines(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_fields_id_and_text_carried_through(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        lines(
            {"id": "wire-1", "text": TEXT, "title": "Talks", "published": "2024-05-16T09:30:00+03:00", "url": "u"},
            {"id": 42, "text": "Second story.", "date": "2024-05-17", "author": "A. Writer", "source": "Wire One"},
            {"text": "No id here.", "title": "Untitled", "date": "Thu, 16 May 2024 10:00:00 +0000", "outlet": "Daily"},
        ),
        encoding="utf-8",
    )
    first, second, third = run(path)
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, Article)
    assert (first.id, first.text, first.title, first.url) == ("wire-1", TEXT, "Talks", "u")
    assert first.published == "2024-05-16T09:30:00+03:00"
    start = TEXT.index("Ukraine")
    assert first.text[start : start + 7] == "Ukraine"
    assert (second.id, second.published, second.author) == ("42", "2024-05-17", "A. Writer")
    assert third.id == content_id("No id here.", "Untitled")
    assert third.published == "2024-05-16T10:00:00+00:00"
    assert [a.source for a in (first, second, third)] == [f"{path}#line {n}" for n in (1, 2, 3)]
    assert [a.outlet for a in (first, second, third)] == [None, "Wire One", "Daily"]  # the publication, if given


def test_invalid_lines_and_wrong_types_reported_by_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        lines(
            {"id": "ok-1", "text": "Fine."},
            "{not json",
            "",
            "[1, 2]",
            {"id": "x", "text": 12},
            {"id": "y", "title": "no text"},
            {"id": "z", "text": "   "},
            {"id": {"nested": 1}, "text": "Odd id."},
            {"id": "ok-2", "text": "Also fine."},
        ),
        encoding="utf-8",
    )
    items = run(path)
    assert len(items) == 8  # nine lines, one blank
    assert [i.id for i in items if isinstance(i, Article)] == ["ok-1", "ok-2"]
    bad = [i for i in items if isinstance(i, Outcome)]
    assert_readable(bad[0], "failed", "line 2", "invalid JSON")
    assert_readable(bad[1], "failed", "line 4", "expected a JSON object", "array")
    assert_readable(bad[2], "failed", "line 5", '"text" is a number')
    assert_readable(bad[3], "failed", "line 6", 'no "text"')
    assert_readable(bad[4], "skipped", "line 7", "empty")
    assert_readable(bad[5], "failed", "line 8", '"id"')
    assert bad[0].source == f"{path}#line 2"


def test_invalid_utf8_line_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(b'{"id": "c", "text": "Caf\xe9 owners met."}\n')
    [article] = run(path)
    assert isinstance(article, Article) and article.text == "Café owners met."


def test_overlong_line_skipped_without_stopping(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text(lines({"id": "big", "text": "x" * 5000}, {"id": "small", "text": "ok"}), encoding="utf-8")
    big, small = run(path, max_bytes=1000)
    assert_readable(big, "skipped", "line 1", "too long")
    assert isinstance(small, Article) and small.id == "small"


def test_gzip_and_truncated_gzip(tmp_path: Path) -> None:
    data = gzip.compress(lines(*({"id": f"n{i}", "text": f"Story number {i}. " * 200} for i in range(6))).encode())
    whole = tmp_path / "whole.jsonl.gz"
    whole.write_bytes(data)
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(data[: len(data) * 2 // 3])
    assert [i.id for i in run(whole) if isinstance(i, Article)] == [f"n{i}" for i in range(6)]
    items = run(cut)
    articles = [i for i in items if isinstance(i, Article)]
    assert 0 < len(articles) < 6 and len(items) == len(articles) + 1
    assert_readable(items[-1], "failed", "truncated gzip", f"after {len(articles)} record")
    assert items[-1].source == str(cut)


def test_blank_only_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n\n  \n", encoding="utf-8")
    [outcome] = run(path)
    assert_readable(outcome, "skipped", "no records")


def test_jsonl_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_text(lines({"id": "s1", "text": "Sniffed."}), encoding="utf-8")
    [article] = run(path)
    assert isinstance(article, Article) and article.id == "s1"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = lines({"id": "in-1", "text": "From a pipe."}, "oops").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    article, outcome = run("-")
    assert isinstance(article, Article) and article.id == "in-1" and article.source == "stdin#line 1"
    assert_readable(outcome, "failed", "line 2", "invalid JSON")
    assert outcome.source == "stdin#line 2"
