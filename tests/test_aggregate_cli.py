"""The corpus-layer commands as the ``dateline`` CLI registers them: aggregate and export."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from dateline.aggregate.cli import aggregate_command, export_command
from tests.test_aggregate_helpers import article, meeting, store_of, story

app = typer.Typer()
app.command("aggregate")(aggregate_command)
app.command("export")(export_command)


def _db(tmp_path: Path) -> Path:
    copy = meeting("copy", "PORT VELO (Wire) - " + story(3), published="2024-05-16")
    store_of(tmp_path / "t.db", [meeting("orig", story()), copy, article("x", "A short note.")]).close()
    return tmp_path / "t.db"


def test_aggregate_reports_duplicates_and_canonical_events(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["aggregate", "--db", str(_db(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "1 duplicates, 2 events -> 1 canonical events" in result.output


def test_export_parquet_and_gdelt(tmp_path: Path) -> None:
    db = _db(tmp_path)
    parquet = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "parquet", "--out", str(tmp_path / "p")])
    assert parquet.exit_code == 0, parquet.output
    assert (tmp_path / "p" / "clusters").is_dir()
    gdelt = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "gdelt", "--out", str(tmp_path / "g")])
    assert gdelt.exit_code == 0, gdelt.output
    assert sorted(p.name.split(".", 1)[1] for p in (tmp_path / "g").iterdir()) == [
        "export.CSV",
        "gkg.csv",
        "mentions.CSV",
    ]


def test_missing_database_fails_with_the_fix(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["aggregate", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "dateline run" in result.output
