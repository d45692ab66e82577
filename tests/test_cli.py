"""End-to-end tests through the command line, on the shipped samples and on inputs made here."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.model import RECORD_KEYS
from tests.conftest import ROOT, SAMPLES

pytestmark = pytest.mark.model
runner = CliRunner()
DATELINE = [sys.executable, "-m", "dateline"]


def invoke(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def test_extract_samples_gives_contract_records() -> None:
    result = invoke("extract", str(SAMPLES))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(list(SAMPLES.glob("*.txt")))
    for record in records:
        assert tuple(record) == RECORD_KEYS
        assert record["dateline"] and record["dateline"]["date"] and record["dateline"]["place"]
        for entity in record["entities"]:
            assert record["text"][entity["start"] : entity["end"]] == entity["text"]


def test_extract_json_array_and_stdin_keep_ids_and_offsets() -> None:
    lines = [
        {"id": "first-1", "text": "  Putin met Xi in Beijing on Thursday.", "published": "2024-05-16"},
        {"id": 42, "text": "Borrell spoke in Brussels.", "title": "EU"},
    ]
    result = invoke("extract", "-", "--format", "json", input="\n".join(json.dumps(x) for x in lines))
    assert result.exit_code == 0, result.output
    records = json.loads(result.stdout)
    assert [r["id"] for r in records] == ["first-1", "42"]
    assert records[0]["text"] == lines[0]["text"]
    putin = next(e for e in records[0]["entities"] if e["text"] == "Putin")
    assert (putin["start"], putin["end"]) == (2, 7)


def test_run_is_idempotent_and_logs_every_input(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "story.txt").write_text((SAMPLES / "01_state_visit.txt").read_text())
    (inputs / "copy.txt").write_text((SAMPLES / "01_state_visit.txt").read_text())
    (inputs / "empty.txt").write_text("")
    (inputs / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (inputs / "french.txt").write_text(
        "Titre\n\nLe président est arrivé à Pékin jeudi pour une visite d'État de deux jours en Chine, à "
        "l'invitation de son homologue chinois, pour discuter de la guerre et du commerce entre les deux pays."
    )
    db = tmp_path / "t.db"
    first = invoke("run", str(inputs), "--db", str(db), "--quiet")
    assert first.exit_code == 0, first.output
    log = _log(db)
    assert set(log) == {str(inputs / n) for n in ("story.txt", "copy.txt", "empty.txt", "image.png", "french.txt")}
    statuses = sorted(status for status, _ in log.values())
    assert statuses == ["processed", "skipped", "skipped", "skipped", "skipped"]
    assert "not English" in log[str(inputs / "french.txt")][1]
    assert _count(db, "articles") == 1
    entities = _count(db, "entities")
    second = invoke("run", str(inputs), "--db", str(db), "--quiet")
    assert second.exit_code == 0
    assert (_count(db, "articles"), _count(db, "entities")) == (1, entities)
    forced = invoke("run", str(inputs / "story.txt"), "--db", str(db), "--quiet", "--force")
    assert forced.exit_code == 0 and _count(db, "entities") == entities


def test_run_exits_non_zero_when_nothing_could_be_processed(tmp_path: Path) -> None:
    (tmp_path / "x.bin").write_bytes(b"\x7fELF" + bytes(64))
    result = invoke("run", str(tmp_path / "x.bin"), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "t.db"))
    assert result.exit_code == 1


def test_show_and_query(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    assert invoke("run", str(SAMPLES), "--db", str(db), "--quiet").exit_code == 0
    summary = invoke("show", "--db", str(db))
    assert summary.exit_code == 0 and "Nairobi" in summary.stdout and "2024-01-26" in summary.stdout
    article_id = sqlite3.connect(db).execute("SELECT id FROM articles WHERE title LIKE 'Kenyan%'").fetchone()[0]
    one = invoke("show", article_id[:8], "--db", str(db))
    assert one.exit_code == 0 and "High Court" in one.stdout
    as_json = json.loads(invoke("query", "entities", "--label", "PERSON", "--db", str(db), "--format", "json").stdout)
    assert as_json and all(row["label"] == "PERSON" for row in as_json)
    as_csv = invoke("query", "entities", "--text", "Modi", "--db", str(db), "--format", "csv").stdout
    assert as_csv.splitlines()[0] == "article_id,start,end,text,label,actor" and "Modi" in as_csv
    assert invoke("show", "nonexistent", "--db", str(db)).exit_code == 2
    assert invoke("query", "nothing", "--db", str(db)).exit_code == 2
    assert invoke("show", "--db", str(tmp_path / "missing.db")).exit_code == 2


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    proc = subprocess.run(
        [*DATELINE, "extract", str(SAMPLES / "04_protest.txt")], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    record = json.loads(proc.stdout)
    assert record["dateline"] == {"place": "Santiago", "date": "2025-10-18", "start": 0, "end": 27}


def test_killed_run_resumes_without_duplicates(tmp_path: Path) -> None:
    """SIGKILL a run part-way through, start it again, and find every input once."""
    corpus = tmp_path / "many.jsonl"
    n = 400
    with corpus.open("w") as out:
        for i in range(n):
            text = f"Minister Anna Berg{i} met envoy Tom Hale{i} in Oslo on Monday to discuss fishing quota {i}."
            out.write(json.dumps({"id": f"doc-{i}", "text": text, "published": "2024-03-0" + str(1 + i % 9)}) + "\n")
    db = tmp_path / "k.db"
    args = [*DATELINE, "run", str(corpus), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(args, cwd=ROOT, env={**os.environ}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        if db.exists() and _safe_count(db) >= 64:
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored_before = _safe_count(db)
    assert 0 < stored_before < n, "the run should have been killed part-way"
    subprocess.run(args, cwd=ROOT, check=True, timeout=600)
    assert _count(db, "articles") == n
    assert _count(db, "ingest_log") == n
    assert sqlite3.connect(db).execute("SELECT COUNT(DISTINCT article_id) FROM entities").fetchone()[0] == n


def _safe_count(db: Path) -> int:
    try:
        return _count(db, "articles")
    except sqlite3.Error:
        return 0


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def _log(db: Path) -> dict[str, tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return {s: (st, r) for s, st, r in conn.execute("SELECT source, status, reason FROM ingest_log")}


def test_run_progress_shows_tasks_of_total_inputs_and_rate() -> None:
    from io import StringIO

    from rich.console import Console

    from dateline.console import RunProgress
    from dateline.model import Outcome

    sink = StringIO()
    screen = Console(file=sink, force_terminal=True, width=160)
    with RunProgress(screen) as progress:
        progress.tasks(0, 4)
        for n in range(3):
            progress.outcome(Outcome(f"corpus.jsonl#line {n + 1}", "processed" if n else "failed", "bad line"))
        progress.tasks(1, 4)
    shown = sink.getvalue()
    assert "1/4 tasks" in shown and "25%" in shown
    assert "3 inputs" in shown and "articles/s" in shown and "processed: corpus.jsonl#line 3" in shown
    quiet = StringIO()
    with RunProgress(Console(file=quiet, quiet=True)) as progress:
        progress.tasks(1, 2)
    assert quiet.getvalue() == ""
