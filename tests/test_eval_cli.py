"""``dateline eval`` through a typer app, as the main CLI registers it, on data written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from dateline.evaluation.cli import eval_command

app = typer.Typer()
app.command("eval")(eval_command)
app.command("noop")(lambda: None)  # a second command keeps "eval" as a subcommand, as in the main CLI


def test_missing_data_folder_exits_zero_with_a_message(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "all", "--data", str(tmp_path / "absent")])
    assert result.exit_code == 0
    assert "no gold data folder" in result.output


def test_unknown_set_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "sports", "--data", str(tmp_path)])
    assert result.exit_code != 0


def test_update_floors_refuses_a_limit(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "ner", "--data", str(tmp_path), "--update-floors", "--limit", "3"])
    assert result.exit_code != 0


@pytest.mark.model
def test_ner_set_on_a_hand_written_file(tmp_path: Path) -> None:
    text = "Angela Merkel met Emmanuel Macron in Paris on Tuesday ."
    gold = [
        {"start": 0, "end": 13, "label": "PER", "text": "Angela Merkel"},
        {"start": 18, "end": 33, "label": "PER", "text": "Emmanuel Macron"},
        {"start": 37, "end": 42, "label": "LOC", "text": "Paris"},
    ]
    (tmp_path / "ner").mkdir()
    record = {"doc_id": "d1", "text": text, "entities": gold}
    (tmp_path / "ner" / "ner_dev.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "all", "--data", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    run = json.loads(result.stdout)
    ner = run["sets"]["ner"]
    assert ner["data"]["entities"] == 3
    assert ner["systems"]["dateline"]["micro.f1"] > 0.5  # the small model finds at least two of the three
    assert "missing" in run["sets"]["times"]  # the other sets' files are absent: reported, not fatal
