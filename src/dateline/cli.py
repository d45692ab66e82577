"""The ``dateline`` command: thin wrappers over the library (ingest, pipeline, engine, store, console)."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console

from dateline import console as render
from dateline import ingest
from dateline.aggregate import run_sql
from dateline.aggregate.cli import QUERY_NAMES, corpus_rows
from dateline.engine import run as run_inputs
from dateline.errors import DatelineError
from dateline.pipeline import Pipeline
from dateline.store import Store
from dateline.store.sqlite import SELECTABLE

app = typer.Typer(
    name="dateline",
    help="Turn news articles into a structured, queryable record of events, quotes, actors and times.",
    no_args_is_help=True,
    add_completion=False,
)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
DEFAULT_DB = Path("dateline.db")


class RecordFormat(StrEnum):
    jsonl = "jsonl"
    json = "json"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for JSONL on stdin.")],
    format: Annotated[RecordFormat, typer.Option("--format", help="jsonl: one object a line; json: an array.")] = (
        RecordFormat.jsonl
    ),
) -> None:
    """Analyse articles and write one JSON record per article to stdout (nothing is stored)."""
    err = render.stderr()
    pipeline = Pipeline()
    records = []
    processed = 0
    for outcome in pipeline.process(ingest.read(paths)):
        if outcome.article is None:
            err.print(f"[yellow]{outcome.status}[/] {outcome.source}: {outcome.reason}", highlight=False)
            continue
        processed += 1
        if format is RecordFormat.jsonl:
            sys.stdout.write(json.dumps(outcome.article.to_record(), ensure_ascii=False) + "\n")
        else:
            records.append(outcome.article.to_record())
    if format is RecordFormat.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if processed == 0:
        raise typer.Exit(1)


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, or - for JSONL on stdin.")],
    db: DbOption = DEFAULT_DB,
    force: Annotated[bool, typer.Option("--force", help="Reprocess articles that are already stored.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or per-input lines.")] = False,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Skip single files larger than this.")] = 20.0,
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes running the pipeline.")] = 1,
    engine: Annotated[Engine, typer.Option("--engine", help="local: processes here; dask: a Dask cluster.")] = (
        Engine.local
    ),
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (tcp://HOST:8786); default: a LocalCluster."),
    ] = None,
) -> None:
    """Analyse articles and store them with every layer; rerunning stores nothing twice."""
    out = Console(stderr=True, quiet=quiet)
    with Store(db) as store, render.RunProgress(out) as progress:
        max_bytes = int(max_mb * 1_000_000)
        if engine is Engine.dask:
            from dateline.engine.dask import run_dask  # imported here: dask is slow to import

            summary = run_dask(
                paths, store, scheduler=scheduler, n_workers=max(workers, 2), force=force, max_bytes=max_bytes,
                on_outcome=progress.outcome, on_tasks=progress.tasks,
                on_dashboard=lambda link: out.print(f"Dask dashboard: {link}"),
            )  # fmt: skip
        elif scheduler:
            _fail("--scheduler needs --engine dask")
        else:
            summary = run_inputs(
                paths, store, workers=workers, force=force, max_bytes=max_bytes, on_outcome=progress.outcome
            )
    counts = summary.counts
    Console(stderr=True).print(
        f"{summary.total} inputs: [green]{counts['processed']} processed[/], "
        f"[yellow]{counts['skipped']} skipped[/], [red]{counts['failed']} failed[/] -> {db}"
    )
    if not quiet and (counts["skipped"] or counts["failed"]):
        out.print("see why with: dateline query ingest_log --db " + str(db))
    # Non-zero only when nothing could be processed; a rerun that finds everything stored already is a success.
    if counts["processed"] == 0 and (counts["failed"] or not counts["skipped"]):
        raise typer.Exit(1)


@app.command()
def show(
    article_id: Annotated[str | None, typer.Argument(help="Article id (or a unique prefix of 6+ characters).")] = None,
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", help="Without an id: how many article summaries.")] = 20,
) -> None:
    """Print one article with its layers highlighted, or without an id, a summary of each stored article."""
    console = Console()
    with _open(db) as store:
        if article_id is None:
            for summary in store.articles(limit):
                console.print(render.article_summary(summary))
            return
        article = store.article(article_id)
    if article is None:
        _fail(f"no article {article_id!r} in {db}")
    else:
        console.print(render.article_panel(article))


@app.command()
def query(
    layer: Annotated[
        str, typer.Argument(help=f"A layer ({', '.join(SELECTABLE)}) or a corpus view ({', '.join(QUERY_NAMES)}).")
    ] = "entities",
    db: Annotated[Path, typer.Option("--db", help="SQLite database, or a Parquet dataset folder with --sql.")] = (
        DEFAULT_DB
    ),
    article: Annotated[str | None, typer.Option("--article", help="Only this article (id prefix).")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Substring of the item's text or name.")] = None,
    label: Annotated[
        str | None, typer.Option("--label", help="Entity label, time type, quote kind, CAMEO prefix, log status.")
    ] = None,
    a: Annotated[str | None, typer.Option("--a", help="timeline/network: first actor (code prefix, e.g. RUS).")] = None,
    b: Annotated[str | None, typer.Option("--b", help="timeline: second actor (code prefix).")] = None,
    by: Annotated[str, typer.Option("--by", help="timeline: day, week, month or year.")] = "month",
    directed: Annotated[bool, typer.Option("--directed", help="timeline: only events from A to B.")] = False,
    mode: Annotated[
        list[str] | None, typer.Option("--mode", help="Event modes to count (repeatable; 'all'); default asserted.")
    ] = None,
    canonical: Annotated[bool, typer.Option("--canonical", help="Count canonical events, not mentions.")] = False,
    level: Annotated[str, typer.Option("--level", help="Actor level: code or country.")] = "code",
    period: Annotated[str | None, typer.Option("--period", help="top-actors/top-events: one period.")] = None,
    sql: Annotated[str | None, typer.Option("--sql", help="SQL run by DuckDB over the store or dataset.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="At most this many rows (0: all).")] = 100,
    format: Annotated[TableFormat, typer.Option("--format")] = TableFormat.table,
) -> None:
    """List stored items of one layer, or a corpus view (duplicates, timelines, network...), or run SQL."""
    try:
        if sql is not None:
            rows = run_sql(db, sql)
        elif layer in QUERY_NAMES:
            modes = None if not mode else ([] if mode == ["all"] else mode)
            with _open(db) as store:
                rows = corpus_rows(
                    layer, store, a=a, b=b, by=by, directed=directed, modes=modes, canonical=canonical,
                    level=level, period=period, text=text, limit=limit or None,
                )  # fmt: skip
        else:
            with _open(db) as store:
                rows = store.select(layer, article=article, text=text, label=label, limit=limit or None)
    except DatelineError as exc:
        _fail(str(exc))
    _print_rows(rows, format)


def _print_rows(rows: list[dict[str, Any]], format: TableFormat) -> None:
    if format is TableFormat.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif format is TableFormat.csv:
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows({k: _flat(v) for k, v in row.items()} for row in rows)
    else:
        columns = list(rows[0]) if rows else []
        Console().print(render.rows_table(columns, [[_flat(row[c]) for c in columns] for row in rows]))


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


def _open(db: Path) -> Store:
    if not db.exists():
        _fail(f"no database at {db}; create one with: dateline run PATH --db {db}")
    return Store(db, readonly=True)


def _fail(message: str) -> NoReturn:
    render.stderr().print(f"[red]error:[/] {message}", highlight=False)
    raise typer.Exit(2)


def _register_feature_commands() -> None:
    """Commands whose modules live with their feature; imported here so ``--help`` lists them."""
    from dateline.aggregate.cli import aggregate_command, export_command
    from dateline.evaluation.cli import eval_command
    from dateline.web.cli import serve_command

    app.command("aggregate")(aggregate_command)
    app.command("export")(export_command)
    app.command("eval")(eval_command)
    app.command("serve")(serve_command)


_register_feature_commands()


def main() -> None:
    """Console-script entry point: dateline errors print as one readable line, not a traceback."""
    try:
        app()
    except DatelineError as exc:
        render.stderr().print(f"[red]error:[/] {exc}", highlight=False)
        sys.exit(2)
