"""``dateline eval``: the thin command over :func:`dateline.evaluation.evaluate`, the report and the floors.

Registered by the main CLI as ``app.command("eval")(eval_command)``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from dateline.evaluation import SETS, DataMissing, evaluate, floors, report
from dateline.evaluation.common import project_root

_err = Console(stderr=True)


def eval_command(
    set_name: Annotated[str, typer.Argument(metavar="SET", help=f"One of {', '.join(SETS)}, or all.")],
    data: Annotated[Path | None, typer.Option("--data", help="Gold data folder (default: ../shared/data).")] = None,
    limit: Annotated[
        int | None, typer.Option("--limit", min=1, help="Score only the first N documents of each set.")
    ] = None,
    limit_profile: Annotated[
        str | None,
        typer.Option("--limit-profile", help="Named subset: 'gate' is the quality gate's (tests/quality_floors.json)."),
    ] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the figures as JSON instead of tables.")] = False,
    write_docs: Annotated[
        bool, typer.Option("--write-docs", help="Rewrite the generated part of docs/quality.md.")
    ] = False,
    update_floors: Annotated[
        bool,
        typer.Option("--update-floors", help="Raise the gate's floors to the figures measured on the gate subset."),
    ] = False,
    baselines: Annotated[
        bool, typer.Option("--baselines/--no-baselines", help="Also score the baselines (off for --update-floors).")
    ] = True,
    allow_lower: Annotated[
        bool,
        typer.Option("--allow-lower", help="With --update-floors, let floors go down too (needs a CHANGELOG line)."),
    ] = False,
) -> None:
    """Score dateline on the gold sets against plain baselines (spaCy, textacy, trafilatura, VADER)."""
    if set_name != "all" and set_name not in SETS:
        raise typer.BadParameter(f"choose one of {', '.join(SETS)} or all", param_hint="SET")
    floors_file = floors.floors_path()
    limits = _limits(limit, limit_profile, update_floors, floors_file)
    try:
        run = evaluate(set_name, data, limits, progress=_progress, baselines=baselines and not update_floors)
    except DataMissing as missing:
        _err.print(f"dateline eval: {missing}; nothing to score (the gold sets are not on this machine).")
        raise typer.Exit(0) from None
    if json_out:
        typer.echo(report.to_json(run))
    else:
        report.print_run(run, Console())
    if write_docs:
        path = project_root() / "docs" / "quality.md"
        report.write_docs(run, path)
        _err.print(f"wrote {path}")
    if update_floors:
        _update_floors(run, floors_file, allow_lower)


def _progress(line: str) -> None:
    _err.print(line, style="dim")


def _limits(
    limit: int | None, profile: str | None, update_floors: bool, floors_file: Path
) -> int | dict[str, int] | None:
    """The documents to score: --limit, a named profile, or (for --update-floors) always the gate subset."""
    if update_floors and limit is not None:
        raise typer.BadParameter("floors are measured on the gate subset; drop --limit", param_hint="--limit")
    if update_floors or profile == "gate":
        gate: dict[str, int] = floors.load(floors_file)["limits"]
        return gate
    if profile is not None:
        raise typer.BadParameter(f"unknown profile {profile!r}; known: {', '.join(floors.PROFILES)}")
    return limit


def _update_floors(run: dict[str, Any], path: Path, allow_lower: bool) -> None:
    """Write raised (and, if allowed, lowered) floors and say what changed."""
    data = floors.load(path)
    change = floors.update(data["floors"], floors.headline_figures(run), allow_lower)
    data["floors"] = change.floors
    floors.save(path, data)
    for label, items in (("raised", change.raised), ("added", change.added), ("lowered", change.lowered)):
        for item in items:
            _err.print(f"{label}: {item}")
    for item in change.held:
        _err.print(f"[yellow]not lowered: {item}[/yellow]")
    if change.lowered:
        _err.print(f"[bold red]{floors.CHANGELOG_WARNING}[/bold red]")
    _err.print(f"wrote {path}")
