"""Rendering an eval run: rich tables for the terminal, JSON, and the generated part of ``docs/quality.md``.

A run is the plain dict :func:`dateline.evaluation.evaluate` returns. In ``docs/quality.md`` only the text
between :data:`BEGIN` and :data:`END` is generated; everything around it is written by hand and kept as is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

BEGIN = "<!-- BEGIN GENERATED: `dateline eval all --write-docs` rewrites this part; edit outside it -->"
END = "<!-- END GENERATED -->"
SYSTEMS = ("dateline", "baseline")

_SKELETON = """# Quality

How well dateline does on the gold sets in `../shared/data/`, next to the obvious alternative for each.

{generated}

## Main error types

(Hand-edited: read errors and list what goes wrong most often.)
"""


def format_value(name: str, value: float | None) -> str:
    """A figure as text: counts as integers, distances in km with one decimal, scores with three."""
    if value is None:
        return "—"
    if name.startswith("n."):
        return f"{value:.0f}"
    if name.endswith("_km"):
        return f"{value:,.1f}"
    return f"{value:.3f}"


def rows(result: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(figure, dateline, baseline) rows of one set, headline figures first and marked with ``*``."""
    systems = result["systems"]
    names = list(systems.get("dateline", {}))
    headline = [n for n in result["headline"] if n in names]
    ordered = headline + [n for n in names if n not in headline]
    found: list[tuple[str, str, str]] = []
    for name in ordered:
        ours, theirs = (format_value(name, systems[s].get(name)) if s in systems else "—" for s in SYSTEMS)
        found.append((f"{name} *" if name in headline else name, ours, theirs))
    return found


def data_summary(result: dict[str, Any]) -> str:
    """One line of what a set was measured on."""
    return ", ".join(f"{key} {value}" for key, value in result["data"].items())


def print_run(run: dict[str, Any], console: Console) -> None:
    """A rich table per set, with its data sizes, baseline, notes and run time."""
    for name, result in run["sets"].items():
        if "missing" in result:
            console.print(f"[yellow]{name}: skipped, {result['missing']}[/yellow]")
            continue
        table = Table(title=f"{name} ({result['seconds']:.0f} s)", caption=data_summary(result))
        table.add_column("figure (* headline)")
        table.add_column("dateline", justify="right")
        table.add_column(f"baseline: {result['baseline']}", justify="right")
        for row in rows(result):
            table.add_row(*row)
        console.print(table)
        for note in result["notes"]:
            console.print(f"  note: {note}")


def to_json(run: dict[str, Any]) -> str:
    return json.dumps(run, indent=2, ensure_ascii=False)


def markdown(run: dict[str, Any]) -> str:
    """The generated section of ``docs/quality.md``: date, data, and a dateline-vs-baseline table per set."""
    lines = [BEGIN, "", f"Measured on {run['date']} on the development sets; full sets unless a limit is shown.", ""]
    lines += ["| set | data | dateline | baseline | headline figure | time |", "|---|---|---|---|---|---|"]
    for name, result in run["sets"].items():
        lines.append(_summary_row(name, result, run["limits"].get(name)))
    for name, result in run["sets"].items():
        if "missing" not in result:
            lines += ["", *_set_section(name, result)]
    return "\n".join([*lines, "", END])


def _summary_row(name: str, result: dict[str, Any], limit: int | None) -> str:
    if "missing" in result:
        return f"| {name} | missing | — | — | — | — |"
    first = result["headline"][0]
    ours = format_value(first, result["systems"]["dateline"].get(first))
    theirs = format_value(first, result["systems"].get("baseline", {}).get(first))
    data = data_summary(result) + (f" (first {limit})" if limit else "")
    return f"| {name} | {data} | {ours} | {theirs} | {first} | {result['seconds']:.0f} s |"


def _set_section(name: str, result: dict[str, Any]) -> list[str]:
    lines = [f"### {name}", "", f"Baseline: {result['baseline']}. Headline figures are marked *.", ""]
    lines += ["| figure | dateline | baseline |", "|---|---:|---:|"]
    lines += [f"| {figure} | {ours} | {theirs} |" for figure, ours, theirs in rows(result)]
    lines += [f"\nNote: {note}" for note in result["notes"]]
    return lines


def write_docs(run: dict[str, Any], path: Path) -> None:
    """Replace the generated section of ``path`` (creating the file from a skeleton if needed), keep the rest."""
    generated = markdown(run)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_SKELETON.format(generated=generated), encoding="utf-8")
        return
    text = path.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        path.write_text(text.rstrip("\n") + "\n\n" + generated + "\n", encoding="utf-8")
        return
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(head + generated + tail, encoding="utf-8")
