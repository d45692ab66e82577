"""The local runner: parallel workers give the same records as one process; duplicates within a run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.engine import run
from dateline.store import Store
from tests.conftest import SAMPLES

pytestmark = pytest.mark.model


def _corpus(path: Path, n: int) -> Path:
    with path.open("w") as out:
        for i in range(n):
            text = (
                f"GENEVA, March {1 + i % 28}, 2024 - Foreign Minister Lena Vos{i} met her counterpart Omar Said{i} "
                f"in Geneva on Tuesday, and the two said talks on trade would resume next month."
            )
            out.write(json.dumps({"id": f"g{i}", "text": text}) + "\n")
        out.write(json.dumps({"id": "dup", "text": text}) + "\n")  # same text as the last one, another id
    return path


def _records(db: Path) -> dict[str, dict]:  # type: ignore[type-arg]
    with Store(db, readonly=True) as store:
        return {a.id: a.to_record() for a in store.articles()}


def test_two_workers_store_the_same_records_as_one(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", 70)
    summaries = []
    for workers in (1, 2):
        with Store(tmp_path / f"w{workers}.db") as store:
            summaries.append(run([str(SAMPLES), str(corpus)], store, workers=workers))
    assert summaries[0].counts == summaries[1].counts
    assert summaries[0].counts["processed"] == 6 + 71
    one, two = _records(tmp_path / "w1.db"), _records(tmp_path / "w2.db")
    assert one.keys() == two.keys() and one == two


def test_same_content_twice_in_one_run_is_stored_once(tmp_path: Path) -> None:
    story = (SAMPLES / "02_sanctions.txt").read_text()
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(story)
    with Store(tmp_path / "d.db") as store:
        summary = run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store)
        log = {row["source"]: row for row in store.ingest_log()}
    assert summary.counts == {"processed": 1, "skipped": 1}
    assert "duplicate of an earlier input" in log[str(tmp_path / "b.txt")]["reason"]
