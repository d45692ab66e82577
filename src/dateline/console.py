"""Terminal rendering with rich: an article with its layers highlighted, per-article summaries, tables, and the
progress display of ``dateline run``."""

from __future__ import annotations

import time as clock
from collections.abc import Sequence
from types import TracebackType
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from dateline.model import Article, Outcome

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


class RunProgress:
    """The progress display of a run: inputs done and articles per second; with a known number of tasks (the
    shards of a distributed run) also a bar of tasks done out of the total.

    Use as a context manager; pass :meth:`outcome` as the engine's ``on_outcome`` and :meth:`tasks` as the Dask
    engine's ``on_tasks``. Nothing is drawn on a quiet console.
    """

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.fields[tasks]}"),
            BarColumn(bar_width=None),
            TaskProgressColumn(),
            TextColumn("{task.fields[inputs]} inputs, {task.fields[rate]} articles/s"),
            TextColumn("[dim]{task.description}"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
            disable=console.quiet,
        )
        self._task = self._progress.add_task("starting", total=None, tasks="", inputs=0, rate="-")
        self._inputs = self._processed = 0
        self._start = clock.monotonic()

    def __enter__(self) -> RunProgress:
        self._progress.start()
        self._start = clock.monotonic()
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self._progress.stop()

    def outcome(self, outcome: Outcome) -> None:
        """One input is done (processed, skipped or failed)."""
        self._inputs += 1
        self._processed += outcome.status == "processed"
        elapsed = max(clock.monotonic() - self._start, 1e-9)
        self._progress.update(
            self._task,
            inputs=self._inputs,
            rate=f"{self._processed / elapsed:.1f}",
            description=f"{outcome.status}: {outcome.source[-50:]}",
        )

    def tasks(self, done: int, total: int) -> None:
        """``done`` of ``total`` tasks are finished and merged."""
        self._progress.update(self._task, completed=done, total=total, tasks=f"{done}/{total} tasks")
