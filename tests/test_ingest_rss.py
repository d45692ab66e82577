"""RSS and Atom feeds: one article per item, full content preferred, broken XML recovered or reported."""

from __future__ import annotations

from pathlib import Path

from dateline.ingest import read
from dateline.model import Article, Outcome

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example wire</title>
<item>
  <title>Quake shakes Lima</title>
  <link>https://wire.example/quake</link>
  <pubDate>Thu, 16 May 2024 10:00:00 +0000</pubDate>
  <dc:creator>Ana Ruiz</dc:creator>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>LIMA, May 16 (Reuters) - A strong quake shook Lima.</p><p>No damage was reported.</p>]]>
  </content:encoded>
</item>
<item>
  <title>Rain in Quito</title>
  <description>&lt;p&gt;QUITO, May 16 - Heavy &lt;b&gt;rain&lt;/b&gt; fell.&lt;/p&gt;</description>
</item>
<item><title>Photo of the day</title><link>https://wire.example/photo</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Vote in Oslo</title><link href="https://atom.example/vote"/>
<updated>2024-05-16T08:00:00+02:00</updated><author><name>Ola Nordmann</name></author>
<content type="html">&lt;p&gt;OSLO, May 16 - Lawmakers voted.&lt;/p&gt;</content></entry>
</feed>
"""


def assert_readable(item: Article | Outcome, status: str, *words: str) -> None:
    """An outcome with the given status whose reason is a short sentence naming ``words``."""
    assert isinstance(item, Outcome), item
    assert item.status == status
    assert 8 <= len(item.reason) <= 200 and item.reason[0].isalnum(), item.reason
    for word in words:
        assert word in item.reason, item.reason


def test_rss_items(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    quake, rain, photo = read([str(path)])
    assert isinstance(quake, Article) and isinstance(rain, Article)
    assert quake.text == "LIMA, May 16 (Reuters) - A strong quake shook Lima.\n\nNo damage was reported."
    assert (quake.title, quake.url, quake.author) == ("Quake shakes Lima", "https://wire.example/quake", "Ana Ruiz")
    assert quake.published == "2024-05-16T10:00:00+00:00"
    assert quake.source == f"{path}#item 1"
    assert quake.outlet == rain.outlet == "Example wire"  # the channel's title
    assert (rain.text, rain.published) == ("QUITO, May 16 - Heavy rain fell.", None)
    assert_readable(photo, "skipped", "no text")
    assert photo.source == f"{path}#item 3"


def test_atom_sniffed_from_xml_and_unknown_extension(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "b.feed").write_text(ATOM, encoding="utf-8")
    first, second = read([str(tmp_path)])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == second.text == "OSLO, May 16 - Lawmakers voted."
    assert (first.published, first.author, first.url) == (
        "2024-05-16T08:00:00+02:00",
        "Ola Nordmann",
        "https://atom.example/vote",
    )


def test_broken_feed_keeps_what_was_recovered(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_text(RSS[: RSS.index("<item><title>Photo")] + "<item><title>Cut off", encoding="utf-8")
    items = list(read([str(path)]))
    assert [i.title for i in items if isinstance(i, Article)] == ["Quake shakes Lima", "Rain in Quito"]
    assert all(isinstance(i, Article) or i.status == "skipped" for i in items)


def test_unrecoverable_feed_fails_with_parser_message(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.rss"
    garbage.write_text("<rss><<<&&& not xml", encoding="utf-8")
    empty = tmp_path / "empty.atom"
    empty.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>Nothing</title></feed>', encoding="utf-8")
    broken, nothing = read([str(garbage), str(empty)])
    assert_readable(broken, "failed", "broken feed", "not well-formed")
    assert_readable(nothing, "skipped", "no items")
