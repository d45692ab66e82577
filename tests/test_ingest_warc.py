"""Web archives: HTML response records become articles; other records, truncation and garbage are reported."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.ingest import read
from dateline.ingest.html import parse_html
from dateline.model import Article, Outcome

STORY = (
    "<html><head><title>Flood in Dhaka</title></head><body><article><h1>Flood in Dhaka</h1>"
    "<p>DHAKA, May 16 (Reuters) - Floods cut roads across northern Bangladesh on Thursday, forcing thousands "
    "of families to move to shelters, officials said.</p>"
    "<p>Rescue teams used boats to reach villages where water had risen above the rooftops overnight.</p>"
    "</article></body></html>"
)
# (content type, payload, HTTP status) of each response record, written after a warcinfo record.
RESPONSES = [
    ("text/html; charset=utf-8", STORY.encode(), "200 OK"),
    ("image/png", b"\x89PNG\r\n\x1a\n....", "200 OK"),
    ("text/html", b"<html><body>gone</body></html>", "404 Not Found"),
    ("text/html", STORY.replace("Dhaka", "Sylhet").encode(), "200 OK"),
]


def warc_bytes(gzipped: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "dateline tests"}))
    for number, (content_type, payload, status) in enumerate(RESPONSES):
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://news.example/{number}", "response", payload=io.BytesIO(payload), http_headers=http
        )
        record.rec_headers.replace_header("WARC-Date", "2024-05-16T12:00:00Z")
        writer.write_record(record)
    return buffer.getvalue()


def assert_readable(item: Article | Outcome, status: str, *words: str) -> None:
    """An outcome with the given status whose reason is a short sentence naming ``words``."""
    assert isinstance(item, Outcome), item
    assert item.status == status
    assert 8 <= len(item.reason) <= 200 and item.reason[0].isalnum(), item.reason
    for word in words:
        assert word in item.reason, item.reason


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_records(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(warc_bytes(gzipped=name.endswith(".gz")))
    dhaka, png, missing, sylhet = read([str(path)])
    assert isinstance(dhaka, Article) and isinstance(sylhet, Article)
    expected = parse_html(STORY.encode(), f"{path}#record 2", url="https://news.example/0")
    assert isinstance(expected, Article)
    assert (dhaka.text, dhaka.title, dhaka.id) == (expected.text, expected.title, expected.id)
    assert dhaka.text.startswith("DHAKA, May 16 (Reuters)")
    assert (dhaka.url, dhaka.published, dhaka.source) == (
        "https://news.example/0",
        "2024-05-16T12:00:00Z",
        f"{path}#record 2",
    )
    assert_readable(png, "skipped", "not an HTML record", "image/png")
    assert_readable(missing, "skipped", "HTTP 404")
    assert sylhet.source == f"{path}#record 5" and sylhet.title == "Flood in Sylhet"


@pytest.mark.parametrize(("name", "keep"), [("cut.warc.gz", 0.8), ("cut.warc.gz", 0.99), ("cut.warc", 0.9)])
def test_truncated_archive_keeps_whole_records(tmp_path: Path, name: str, keep: float) -> None:
    data = warc_bytes(gzipped=name.endswith(".gz"))
    path = tmp_path / name
    path.write_bytes(data[: int(len(data) * keep)])
    items = list(read([str(path)]))
    assert 1 <= len(items) <= len(RESPONSES) + 1
    assert isinstance(items[0], Article)
    assert_readable(items[-1], "failed", "truncated WARC", "whole records")
    assert items[-1].source == str(path)


def test_not_a_warc_and_no_responses(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.warc"
    bogus.write_text("this is plain text, not an archive\n", encoding="utf-8")
    info_only = tmp_path / "info.warc"
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    writer.write_record(writer.create_warcinfo_record("info.warc", {"software": "dateline tests"}))
    info_only.write_bytes(buffer.getvalue())
    not_warc, empty = read([str(bogus), str(info_only)])
    assert_readable(not_warc, "failed", "not a WARC file")
    assert_readable(empty, "skipped", "no response records")
