"""Terminal rendering with rich: an article with its layers highlighted, per-article summaries, tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from dateline.model import Article

LABEL_STYLES = {
    "PERSON": "bold cyan",
    "ORG": "bold magenta",
    "GPE": "bold green",
    "LOC": "green",
    "FAC": "green",
    "NORP": "yellow",
    "DATE": "blue",
    "TIME": "blue",
}
_QUOTE_STYLE = "italic"
_DATELINE_STYLE = "bold white on blue"


def highlighted_text(article: Article) -> Text:
    """The article text with the dateline, quotes, times and entities styled (later layers win)."""
    text = Text(article.text)
    if article.dateline is not None:
        text.stylize(_DATELINE_STYLE, article.dateline.start, article.dateline.end)
    for quote in article.quotes:
        text.stylize(_QUOTE_STYLE, quote.start, quote.end)
    for time in article.times:
        text.stylize("underline blue", time.start, time.end)
    for entity in article.entities:
        text.stylize(LABEL_STYLES.get(entity.label, "bold"), entity.start, entity.end)
    return text


def article_panel(article: Article) -> Panel:
    """One article in full: header facts, highlighted text and a table per non-empty layer."""
    parts: list[Any] = [_header(article), Text(), highlighted_text(article)]
    for title, table in _layer_tables(article):
        parts += [Text(), Text(title, style="bold underline"), table]
    return Panel(Group(*parts), title=article.title or article.id, title_align="left")


def article_summary(article: Article) -> Panel:
    """A short view of one article: its dateline and what each layer found."""
    parts: list[Any] = [_header(article)]
    by_label: dict[str, list[str]] = {}
    for entity in article.entities:
        names = by_label.setdefault(entity.label, [])
        if entity.text not in names:
            names.append(entity.text)
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    for label, names in sorted(by_label.items(), key=lambda kv: -len(kv[1])):
        table.add_row(label, Text(", ".join(names), style=LABEL_STYLES.get(label, "")))
    for name, items in _layer_lines(article):
        table.add_row(name, items)
    parts.append(table)
    return Panel(Group(*parts), title=article.title or article.id, title_align="left")


def _header(article: Article) -> Text:
    header = Text()
    header.append(f"id {article.id}", style="dim")
    if article.dateline is not None:
        place = article.dateline.place or "-"
        header.append(f"   dateline {article.dateline.date or 'no date'}, {place}", style="bold")
    if article.published:
        header.append(f"   published {article.published}")
    header.append(f"   anchor {article.anchor or 'unknown'}", style="dim")
    return header


def _layer_lines(article: Article) -> list[tuple[str, str]]:
    lines = []
    if article.actors:
        lines.append(("actors", ", ".join(f"{a.name} ({a.code or a.country or a.type})" for a in article.actors)))
    if article.times:
        lines.append(("times", ", ".join(f"{t.text}={t.value}" for t in article.times)))
    if article.quotes:
        speakers = [q.speaker.text if q.speaker else "?" for q in article.quotes]
        lines.append(("quotes", f"{len(article.quotes)} by " + ", ".join(dict.fromkeys(speakers))))
    if article.events:
        lines.append(("events", ", ".join(f"{e.trigger.text}:{e.cameo}/{e.mode}" for e in article.events)))
    return lines


def _layer_tables(article: Article) -> list[tuple[str, Table]]:
    tables = []
    rows: list[tuple[str, ...]]
    if article.actors:
        rows = [(a.id, a.name, a.type, a.code or "", ", ".join(a.roles), str(len(a.mentions))) for a in article.actors]
        tables.append(("Actors", rows_table(("id", "name", "type", "code", "roles", "mentions"), rows)))
    if article.times:
        rows = [(t.text, t.type, t.value or "") for t in article.times]
        tables.append(("Times", rows_table(("text", "type", "value"), rows)))
    if article.quotes:
        rows = [(q.kind, q.speaker.text if q.speaker else "", q.text[:90]) for q in article.quotes]
        tables.append(("Quotes", rows_table(("kind", "speaker", "text"), rows)))
    if article.events:
        rows = [
            (e.trigger.text, e.cameo or "", e.mode, e.date or "", e.source.text if e.source else "",
             e.target.text if e.target else "")
            for e in article.events
        ]  # fmt: skip
        tables.append(("Events", rows_table(("trigger", "cameo", "mode", "date", "source", "target"), rows)))
    return tables


def rows_table(columns: Sequence[str], rows: Sequence[Sequence[Any]], title: str | None = None) -> Table:
    """A plain rich table of rows."""
    table = Table(*columns, title=title, title_justify="left")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    return table


def stderr() -> Console:
    return Console(stderr=True)
