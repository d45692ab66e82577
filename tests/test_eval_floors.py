"""The quality gate's floor logic and the report's docs writer, on hand-made runs (no spaCy, no gold data)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.evaluation import floors, report


def _run(value: float) -> dict[str, Any]:
    result = {
        "set": "ner",
        "baseline": "spaCy",
        "data": {"docs": 2},
        "headline": ["micro.f1"],
        "systems": {"dateline": {"micro.f1": value, "PER.f1": 0.5}, "baseline": {"micro.f1": 0.4, "PER.f1": None}},
        "notes": [],
        "seconds": 1.0,
    }
    return {"date": "2026-01-01", "data_dir": "d", "limits": {"ner": None}, "sets": {"ner": result}}


def test_headline_figures_skip_missing_sets() -> None:
    run = _run(0.7)
    run["sets"]["tone"] = {"set": "tone", "missing": "gold data not found"}
    assert floors.headline_figures(run) == {"ner:micro.f1": 0.7}


def test_check_allows_the_tolerance_only() -> None:
    assert floors.check({"a": 0.702}, {"a": 0.706}) == []
    failures = floors.check({"a": 0.700, "b": 0.9}, {"a": 0.706, "c": 0.5})
    assert len(failures) == 1 and failures[0].startswith("a: 0.7000 is below its floor 0.7060")


def test_update_raises_adds_and_holds_unless_lowering_is_allowed() -> None:
    change = floors.update({"a": 0.5, "b": 0.8}, {"a": 0.61237, "b": 0.7, "c": 0.3})
    assert change.floors == {"a": 0.6123, "b": 0.8, "c": 0.3}
    assert change.raised and change.added and change.held and not change.lowered
    lowered = floors.update({"b": 0.8}, {"b": 0.7}, allow_lower=True)
    assert lowered.floors == {"b": 0.7} and lowered.lowered


def test_floors_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "floors.json"
    assert floors.load(path) == {"limits": floors.GATE_LIMITS, "floors": {}}
    floors.save(path, {"limits": {"ner": 3}, "floors": {"ner:micro.f1": 0.5}})
    assert json.loads(path.read_text())["floors"] == {"ner:micro.f1": 0.5}


def test_report_rows_put_headline_first_and_format_missing_values() -> None:
    rows = report.rows(_run(0.71234)["sets"]["ner"])
    assert rows[0] == ("micro.f1 *", "0.712", "0.400")
    assert rows[1] == ("PER.f1", "0.500", "—")
    assert report.format_value("n.geocoded", 12.0) == "12" and report.format_value("median_km", 1234.56) == "1,234.6"


def test_write_docs_keeps_hand_edited_text(tmp_path: Path) -> None:
    path = tmp_path / "quality.md"
    report.write_docs(_run(0.25), path)
    text = path.read_text()
    assert report.BEGIN in text and "| ner |" in text
    path.write_text(text.replace("(Hand-edited: read errors", "Our own notes (read errors"))
    report.write_docs(_run(0.9), path)
    rewritten = path.read_text()
    assert "Our own notes" in rewritten and "0.900" in rewritten and "0.250" not in rewritten
