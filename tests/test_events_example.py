"""Events stage on the user's example article (../shared/examples), with every stage that exists in the tree.

Checks what the events stage controls (codes, modes, dates, triggers, parties' text) and the actor codes where a
layer provides them. Skips when the shared examples are absent.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from dateline.model import Article, Event
from dateline.pipeline import Pipeline
from dateline.stages import Stage
from dateline.stages.entities import Entities
from dateline.stages.events import Events
from dateline.stages.metadata import Metadata
from dateline.stages.sentences import Sentences

pytestmark = [pytest.mark.model, pytest.mark.shared]

EXAMPLE = Path(__file__).parents[1] / ".." / "shared" / "examples" / "000_a1ff4d17ec0d6026.txt"
OPTIONAL = [("places", "Places"), ("actors", "Actors"), ("times", "Times"), ("quotes", "Quotes")]


def optional_stages() -> list[Stage]:
    """The stages between entities and events that are present in this tree, in pipeline order."""
    found: list[Stage] = []
    for module, name in OPTIONAL:
        try:
            found.append(getattr(importlib.import_module(f"dateline.stages.{module}"), name)())
        except (ImportError, AttributeError):
            continue
    return found


@pytest.fixture(scope="module")
def article() -> Article:
    if not EXAMPLE.exists():
        pytest.skip(f"shared example not found at {EXAMPLE}")
    raw = EXAMPLE.read_text(encoding="utf-8")
    title, _, body = raw.partition("\n")
    stages = [Metadata(), Sentences(), Entities(), *optional_stages(), Events()]
    return Pipeline(stages).extract(Article(id="ex", text=body.lstrip("\n"), title=title.strip()))


def one(article: Article, code: str, trigger_words: tuple[str, ...]) -> Event:
    found = [
        e for e in article.events if e.cameo and e.cameo.startswith(code) and e.trigger.text.lower() in trigger_words
    ]
    assert found, f"no {code} event on {trigger_words}: {[(e.cameo, e.trigger.text, e.mode) for e in article.events]}"
    return found[0]


def has_stage(name: str) -> bool:
    return any(type(s).__name__ == name for s in optional_stages())


def test_offsets_hold(article: Article) -> None:
    for event in article.events:
        assert article.text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert article.text[event.sentence.start : event.sentence.end] == event.sentence.text


def test_visit(article: Article) -> None:
    visit = one(article, "042", ("embark", "visit", "arrived"))
    assert (visit.mode, visit.date, visit.place) == ("asserted", "2024-05-16", "Beijing")
    assert visit.source is not None and "Putin" in visit.source.text
    assert visit.source.code is None or visit.source.code.startswith("RUS")
    host = one(article, "043", ("embark", "visit", "arrived"))
    assert host.source is not None and host.source.code is not None and host.source.code.startswith("CHN")


def test_endorsement(article: Article) -> None:
    event = one(article, "051", ("expressed",))
    assert event.mode == "asserted"
    assert event.source is not None and "Putin" in event.source.text
    assert event.target is not None and "China" in event.target.text
    putin = {a.id for a in article.actors if "Putin" in a.name}
    assert event.attributed_to is None or event.attributed_to in putin
    if has_stage("Times"):
        assert event.date == "2024-05-15"


def test_background_invasion(article: Article) -> None:
    event = one(article, "19", ("invasion",))
    assert (event.mode, event.date) == ("background", "2022")
    assert event.source is not None and event.source.code is not None and event.source.code.startswith("RUS")
    assert event.target is not None and event.target.code is not None and event.target.code.startswith("UKR")


def test_military_aid_refrained(article: Article) -> None:
    event = one(article, "07", ("providing",))
    assert event.mode == "negated"
    assert event.source is not None and event.source.text == "China"
    assert event.target is not None and event.target.text == "Russia"


def test_sanctions_contemplated(article: Article) -> None:
    event = one(article, "163", ("sanctioning",))
    assert event.mode in ("hypothetical", "negated")
    assert event.target is not None and "Chinese banks" in event.target.text
    assert event.source is not None and event.source.code is not None and event.source.code.startswith("USA")


def test_agreements_not_expected(article: Article) -> None:
    assert one(article, "057", ("agreements",)).mode != "asserted"


def test_exchange_of_views_planned(article: Article) -> None:
    assert one(article, "03", ("exchange",)).mode == "planned"


def test_assistance_extent_hypothetical(article: Article) -> None:
    assert one(article, "07", ("assist",)).mode == "hypothetical"
