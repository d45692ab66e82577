"""Bad inputs, made here, through ``dateline run`` into a store; and the library's limits, end to end.

One folder holds more than twenty kinds of bad input (binaries, broken encodings, huge files, broken markup,
broken corpora, other languages, nonsense) next to a few good articles. One ``dateline run`` over the folder must
finish, store the good articles, and leave one ingest-log row per input whose status and reason say what became of
it; the counts must add up to the inputs. The articles are written for these tests (fictional people).
"""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
import struct
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from dateline.engine import run
from dateline.model import Article
from dateline.pipeline import Limits, Pipeline
from dateline.stages import Stage
from dateline.stages.metadata import Metadata, check_language
from dateline.store import Store
from tests.conftest import ROOT

# Each story: headline, home town, body ({town} and {TOWN} are filled in, so variants are new articles).
STORIES = {
    "quota": (
        "Quota talks resume",
        "Oslo",
        "{TOWN}, March 4, 2024 - Fisheries minister Anna Berg met envoy Tom Hale in {town} on Monday to discuss "
        "fishing quotas in the northern sea, officials said. The two sides agreed to meet again next month, and "
        "Berg said the talks had been useful.",
    ),
    "storm": (
        "Storm closes port",
        "Lisbon",
        "{TOWN}, April 9, 2024 - A storm closed the port of {town} on Tuesday and forced the cancellation of "
        "dozens of ferries, the harbour authority said. Crews worked through the night to clear debris from the "
        "main quay before trade resumed.",
    ),
    "merger": (
        "Court blocks merger",
        "Nairobi",
        "{TOWN}, June 12, 2024 - A court in {town} blocked the merger of two telecom companies on Wednesday "
        "after regulators argued it would raise prices for millions of customers, lawyers for both firms said.",
    ),
}


@dataclass(frozen=True)
class Expect:
    """What the ingest log must say about one input: its status, and words its reason must contain."""

    status: str
    reason: str = ""


def body(key: str, town: str | None = None) -> str:
    """The body of a story, set in its home town or in ``town``."""
    _, home, template = STORIES[key]
    town = town or home
    return template.format(town=town, TOWN=town.upper())


def story(key: str, town: str | None = None) -> str:
    """A plain-text article file: headline, blank line, body."""
    return f"{STORIES[key][0]}\n\n{body(key, town)}\n"


def write_inputs(folder: Path) -> dict[str, Expect]:
    """Write every kind of input into ``folder``; the expected log row of each input, by source name."""
    folder.mkdir()
    expected: dict[str, Expect] = {}
    for writer in (_good, _binaries, _encodings, _sizes, _html, _feeds, _jsonl, _gzip, _warc, _languages, _odd):
        expected.update(writer(folder))
    return expected


def _good(folder: Path) -> dict[str, Expect]:
    for key in STORIES:
        (folder / f"good_{key}.txt").write_text(story(key))
    return {f"good_{key}.txt": Expect("processed") for key in STORIES}


def _binaries(folder: Path) -> dict[str, Expect]:
    (folder / "empty.txt").write_bytes(b"")
    png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + bytes(17)
    (folder / "image.png").write_bytes(png)
    (folder / "image_named.txt").write_bytes(png)  # a PNG under a text name is still a PNG
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("story.txt", story("quota"))
    (folder / "archive.zip").write_bytes(archive.getvalue())
    (folder / "program").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(57) + bytes(range(256)))
    (folder / "nul_bytes.txt").write_bytes(story("storm").encode() + b"\x00\x00tail")
    return {
        "empty.txt": Expect("skipped", "empty file"),
        "image.png": Expect("skipped", "PNG image"),
        "image_named.txt": Expect("skipped", "PNG image"),
        "archive.zip": Expect("skipped", "ZIP archive"),
        "program": Expect("skipped", "ELF executable"),
        "nul_bytes.txt": Expect("skipped", "binary file (contains NUL bytes)"),
    }


def _encodings(folder: Path) -> dict[str, Expect]:
    (folder / "invalid_utf8.txt").write_bytes(story("quota", "Bergen").encode().replace(b" on ", b" \xff\xc3 on "))
    (folder / "utf16_bom.txt").write_bytes(story("storm", "Porto").encode("utf-16"))
    (folder / "latin1.txt").write_bytes(story("merger", "Kisumu").replace("court", "café court").encode("latin-1"))
    mixed = (
        "Café owners march\n\n".encode()
        + "The café owners of the old town marched on Friday against a new tax on terraces. ".encode("latin-1")
        + "Organisers said the naïve plan would close many cafés before summer, and police said the march "
        "was peaceful.".encode()
    )
    (folder / "mixed_encodings.txt").write_bytes(mixed)
    names = ("invalid_utf8.txt", "utf16_bom.txt", "latin1.txt", "mixed_encodings.txt")
    return {name: Expect("processed") for name in names}


def _sizes(folder: Path) -> dict[str, Expect]:
    line = "The committee met again and talked about the budget for the harbour and the new quay. "
    with (folder / "huge_20mb.txt").open("w") as out:
        out.write("Budget talks\n\n" + line * (20_500_000 // len(line)))
    (folder / "one_line_5mb.txt").write_text(" ".join(["word"] * 1_000_000))
    return {
        "huge_20mb.txt": Expect("skipped", "too large"),
        "one_line_5mb.txt": Expect("failed", "text too long"),
    }


def _html(folder: Path) -> dict[str, Expect]:
    nested = (
        "<html><body>" + "<div>" * 10_000 + f"<p>{body('quota', 'Tromso')}</p>" + "</div>" * 10_000 + "</body></html>"
    )
    (folder / "nested.html").write_text(nested)
    menu = "<nav><a href='/'>Home</a> <a href='/about'>About us</a> <a href='/contact'>Contact</a></nav>"
    (folder / "no_body.html").write_text(
        f"<!doctype html><html><head><title>Home</title></head><body>{menu}</body></html>"
    )
    scripts = "<html><head><script>var x = 1;</script></head><body><script>document.write('hi')</script></body></html>"
    (folder / "script_only.html").write_text(scripts)
    return {
        "nested.html": Expect("skipped", "nested too deep"),
        "no_body.html": Expect("skipped", "no article text"),
        "script_only.html": Expect("skipped", "only markup or scripts"),
    }


def _feeds(folder: Path) -> dict[str, Expect]:
    item = "<item><title>{}</title><description>{}</description></item>"
    first = item.format("Storm in Faro", body("storm", "Faro"))
    broken = f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{first}<item><title>Cut sh"
    (folder / "broken.rss").write_text(broken)
    # A stray control character opening a description once failed the whole feed (found by the fuzzer).
    control = item.format("Merger in Eldoret", "\x01" + body("merger", "Eldoret"))
    (folder / "control.rss").write_text(f"<?xml version='1.0'?><rss version='2.0'><channel>{control}</channel></rss>")
    (folder / "not_a_feed.xml").write_text("<?xml version='1.0'?><config><item>1</item></config>")
    return {
        "broken.rss#item 1": Expect("processed"),
        "broken.rss#item 2": Expect("skipped", "no text"),
        "control.rss#item 1": Expect("processed"),
        "not_a_feed.xml": Expect("skipped", "not an RSS or Atom feed"),
    }


def _jsonl(folder: Path) -> dict[str, Expect]:
    good = body("merger", "Mombasa")
    lines = [
        json.dumps({"id": "ok-1", "text": good, "title": "Court blocks merger in Mombasa"}).encode(),
        b"{not json",
        b"[1, 2, 3]",
        json.dumps({"text": 42}).encode(),
        json.dumps({"title": "no text"}).encode(),
        json.dumps({"text": "   "}).encode(),
        json.dumps({"id": {"a": 1}, "text": good}).encode(),
        json.dumps({"id": "types", "text": body("merger", "Malindi"), "published": ["2024"], "title": 7}).encode(),
        b"\xff\xfe\xc3 not utf-8",
        b'"just a string"',
        b"null",
    ]
    (folder / "bad.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    repeated = json.dumps({"text": body("merger", "Nakuru"), "title": "Repeat"}) + "\n"
    (folder / "repeated.jsonl").write_text(repeated * 1000)
    expected = {
        "bad.jsonl#line 1": Expect("processed"),
        "bad.jsonl#line 2": Expect("failed", "invalid JSON"),
        "bad.jsonl#line 3": Expect("failed", "expected a JSON object, got an array"),
        "bad.jsonl#line 4": Expect("failed", '"text" is a number'),
        "bad.jsonl#line 5": Expect("failed", 'no "text" field'),
        "bad.jsonl#line 6": Expect("skipped", 'empty "text"'),
        "bad.jsonl#line 7": Expect("failed", '"id" is an object'),
        "bad.jsonl#line 8": Expect("processed"),
        "bad.jsonl#line 9": Expect("failed", "invalid JSON"),
        "bad.jsonl#line 10": Expect("failed", "got a string"),
        "bad.jsonl#line 11": Expect("failed", "got null"),
        "repeated.jsonl#line 1": Expect("processed"),
    }
    expected.update({f"repeated.jsonl#line {n}": Expect("skipped", "duplicate") for n in range(2, 1001)})
    return expected


def _gzip(folder: Path) -> dict[str, Expect]:
    lines = "".join(json.dumps({"id": f"gz-{key}", "text": body(key, "Hamar")}) + "\n" for key in STORIES)
    packed = gzip.compress(lines.encode(), mtime=0)
    (folder / "truncated.jsonl.gz").write_bytes(packed[: len(packed) * 2 // 3])
    text = gzip.compress(story("storm", "Sines").encode(), mtime=0)
    (folder / "truncated.txt.gz").write_bytes(text[:-12])
    # A flipped bit in the stored CRC: the data inflates, the check fails (found by the fuzzer).
    (folder / "corrupt_crc.txt.gz").write_bytes(text[:-8] + bytes([text[-8] ^ 1]) + text[-7:])
    (folder / "not_gzip.txt.gz").write_text(story("quota"))
    return {
        "truncated.jsonl.gz#line 1": Expect("processed"),
        "truncated.jsonl.gz": Expect("failed", "truncated gzip after 1 record"),
        "truncated.txt.gz": Expect("failed", "truncated gzip"),
        "corrupt_crc.txt.gz": Expect("failed", "corrupt gzip"),
        "not_gzip.txt.gz": Expect("failed", "not gzip data"),
    }


def _warc_bytes(records: list[tuple[str, str, bytes, str]], *, gzipped: bool) -> bytes:
    """A WARC with a warcinfo record, then (record type, content type, payload, HTTP status) records."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "dateline tests"}))
    for number, (kind, content_type, payload, status) in enumerate(records):
        uri = f"https://news.example/{number}"
        if kind == "response":
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), http_headers=http)
        else:
            record = writer.create_warc_record(uri, kind, payload=io.BytesIO(payload), warc_content_type=content_type)
        writer.write_record(record)
    return buffer.getvalue()


def _page(place: str) -> bytes:
    return (
        f"<html><head><title>Quota talks in {place}</title></head><body><article><h1>Quota talks in {place}</h1>"
        f"<p>{body('quota', place)}</p><p>Both delegations will return in the spring, and the minister said a "
        "deal was close but not yet certain.</p></article></body></html>"
    ).encode()


def _warc(folder: Path) -> dict[str, Expect]:
    whole = _warc_bytes(
        [("response", "text/html", _page("Alta"), "200 OK"), ("response", "text/html", _page("Bodo"), "200 OK")],
        gzipped=False,
    )
    (folder / "truncated.warc").write_bytes(whole[:-200])
    others = [
        ("response", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(40), "200 OK"),
        ("response", "application/json", b'{"a": 1}', "200 OK"),
        ("response", "text/html", b"<html><body>gone</body></html>", "404 Not Found"),
        ("request", "application/http; msgtype=request", b"GET / HTTP/1.1\r\nHost: news.example\r\n\r\n", ""),
        ("metadata", "application/warc-fields", b"via: test\r\n", ""),
    ]
    (folder / "non_html.warc.gz").write_bytes(_warc_bytes(others, gzipped=True))
    return {
        "truncated.warc#record 2": Expect("processed"),
        "truncated.warc": Expect("failed", "truncated WARC after 2 whole records"),
        "non_html.warc.gz#record 2": Expect("skipped", "not an HTML record (image/png)"),
        "non_html.warc.gz#record 3": Expect("skipped", "not an HTML record (application/json)"),
        "non_html.warc.gz#record 4": Expect("skipped", "HTTP 404"),
    }


def _languages(folder: Path) -> dict[str, Expect]:
    texts = {
        "chinese.txt": "港口谈判恢复\n\n渔业部长周一在港口会见了特使，讨论北海的捕鱼配额。"
        "官员们说，双方同意下个月再次会面。",
        "russian.txt": "Переговоры возобновились\n\nМинистр рыболовства в понедельник встретилась с посланником, "
        "чтобы обсудить квоты на вылов рыбы в северном море. Стороны договорились встретиться снова.",
        "arabic.txt": "استئناف المحادثات\n\nالتقت وزيرة مصايد الأسماك بالمبعوث يوم الاثنين لمناقشة حصص الصيد في البحر "
        "الشمالي، وقال المسؤولون إن الجانبين اتفقا على الاجتماع مرة أخرى الشهر المقبل.",
    }
    for name, text in texts.items():
        (folder / name).write_text(text)
    return {name: Expect("skipped", "not English") for name in texts}


def _odd(folder: Path) -> dict[str, Expect]:
    (folder / "numbers.txt").write_text("2024 17 3.5 100,000 42 7 -3 1e9 " * 20)
    (folder / "quote_marks.txt").write_text('"“”‘’«»\'" ' * 50)
    (folder / "feb31.txt").write_text(
        "Vote set for 31 February\n\nThe election board said on February 31, 2024 that the vote would be held on "
        "31/02/2024, and officials promised a second round on 30 February 2025 if no party wins a majority."
    )
    (folder / "control_chars.txt").write_text(story("quota", "Narvik").replace("Monday", "Mon\x0bday\x1b[31m"))
    (folder / "dangling_link.txt").symlink_to(folder / "missing_target.txt")
    return {
        "numbers.txt": Expect("skipped", "no article text"),
        "quote_marks.txt": Expect("skipped", "no article text"),
        "feb31.txt": Expect("processed"),
        "control_chars.txt": Expect("processed"),
        "dangling_link.txt": Expect("failed", "cannot open file"),
    }


def log_rows(db: Path) -> dict[str, tuple[str, str]]:
    """The ingest log as ``{source: (status, reason)}``."""
    with sqlite3.connect(db) as conn:
        return {
            source: (status, reason)
            for source, status, reason in conn.execute("SELECT source, status, reason FROM ingest_log")
        }


@pytest.mark.model
def test_one_run_over_every_kind_of_bad_input_logs_each_with_a_reason(tmp_path: Path) -> None:
    folder = tmp_path / "inputs"
    expected = {str(folder / name): want for name, want in write_inputs(folder).items()}
    kinds = {name.split("#")[0] for name in expected}
    assert len(kinds) >= 30
    db = tmp_path / "bad.db"
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", "run", str(folder), "--db", str(db), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert time.monotonic() - started < 180, "bad inputs must not slow a run down"
    log = log_rows(db)
    assert log.keys() == expected.keys(), (log.keys() - expected.keys(), expected.keys() - log.keys())
    for source, want in expected.items():
        status, reason = log[source]
        assert status == want.status and want.reason in reason, (source, status, reason)
        if status != "processed":
            assert 8 <= len(reason) <= 300 and reason[0].isalnum(), (source, reason)
    _assert_counts_add_up(db, expected)


def _assert_counts_add_up(db: Path, expected: dict[str, Expect]) -> None:
    """The run's counts, the log and the stored articles agree with each other and with the inputs."""
    with sqlite3.connect(db) as conn:
        processed, skipped, failed = conn.execute("SELECT processed, skipped, failed FROM runs").fetchone()
        articles = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        impossible = conn.execute("SELECT value FROM times WHERE value GLOB '????-02-3*'").fetchall()
        unparsed = conn.execute("SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM sentences)")
        without_sentences = unparsed.fetchone()[0]
    statuses = [want.status for want in expected.values()]
    assert (processed, skipped, failed) == tuple(statuses.count(s) for s in ("processed", "skipped", "failed"))
    assert processed + skipped + failed == len(expected)
    assert articles == processed
    assert without_sentences == 0
    assert not impossible, f"impossible dates were stored as times: {impossible}"


# -- limits, end to end through the library --------------------------------------------------------------------


class Stall(Stage):
    """Spins on articles that mention "stall", as a stage caught in a pathological input would."""

    name = "stall"
    requires = ("lang",)

    def __call__(self, article: Article, doc: Doc | None) -> None:
        while "stall" in article.text:
            pass


class StallBeforeParse(Stall):
    name = "stall_before_parse"
    needs_doc = False


def _limited_pipeline(stage: Stage, **limits: float) -> Pipeline:
    """Metadata and one stalling stage over a blank English tokenizer: no model is loaded.

    The language identifier is loaded first: its first use takes a while, which would count against the limit.
    """
    check_language(body("quota"))
    return Pipeline([Metadata(), stage], nlp=spacy.blank("en"), limits=Limits(batch_size=4, **limits))


@pytest.mark.parametrize("stage", [Stall(), StallBeforeParse()], ids=["after-parse", "before-parse"])
def test_a_stage_over_the_time_limit_fails_its_article_and_the_run_goes_on(tmp_path: Path, stage: Stage) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for key in STORIES:
        (folder / f"{key}.txt").write_text(story(key))
    (folder / "stuck.txt").write_text(story("storm").replace("storm", "stall"))
    started = time.monotonic()
    with Store(tmp_path / "t.db") as store:
        summary = run([str(folder)], store, pipeline=_limited_pipeline(stage, max_seconds=0.5))
        log = {Path(row["source"]).name: row for row in store.ingest_log()}
    assert time.monotonic() - started < 10
    assert summary.counts == {"processed": 3, "failed": 1}
    assert log["stuck.txt"]["status"] == "failed"
    assert log["stuck.txt"]["reason"] == f"stage {stage.name}: over the time limit (0.5 s)"


def test_size_limits_are_set_in_the_library(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "short.txt").write_text(story("quota"))
    (folder / "long.txt").write_text(story("storm") + "More words follow here. " * 200)
    (folder / "big.txt").write_bytes(b"x" * 20_000)
    pipeline = _limited_pipeline(Stall(), max_chars=2_000)
    with Store(tmp_path / "t.db") as store:
        summary = run([str(folder)], store, pipeline=pipeline, max_bytes=10_000)
        log = {Path(row["source"]).name: (row["status"], row["reason"]) for row in store.ingest_log()}
    assert summary.counts == {"processed": 1, "skipped": 1, "failed": 1}
    assert log["big.txt"] == ("skipped", "file too large (20.0 kB > 10.0 kB limit)")
    assert log["long.txt"][0] == "failed" and log["long.txt"][1].startswith("text too long (")
