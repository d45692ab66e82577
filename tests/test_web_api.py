"""The web app's HTTP API and pages, through FastAPI's test client, over a store built by hand.

``dateline.web`` is imported inside fixtures and tests, not at collection, so that it does not show up as an
attribute of the ``dateline`` package while ``test_exported_members`` runs.

The articles below are written for these tests (fictional countries and people); their layers are set by hand so
that every filter and aggregate has a known answer without loading the language model.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from dateline.errors import StoreError
from dateline.model import (
    Actor,
    Article,
    Dateline,
    Event,
    EventActor,
    Outcome,
    Place,
    Quote,
    Span,
    Speaker,
    TimeExpr,
)
from dateline.store import Store

TRUCE = (
    "GENEVA, March 4, 2024 - Freedonia and Sylvania signed a truce on Monday, officials said. "
    "Foreign Minister Ana Kovac praised Sylvania for the deal. "
    '"This is a good day for peace," Kovac told reporters in Geneva.'
)
SHELLING = (
    "LAKEVIEW, May 10, 2024 - Sylvanian troops shelled a border village near Lakeview on Thursday, "
    "the Freedonian defence ministry said. Freedonia accused Sylvania of breaking the truce. "
    "Sylvania did not attack anyone, its army said."
)


def span(text: str, phrase: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of ``phrase`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span(start, start + len(phrase), phrase)


def sentence_of(text: str, phrase: str) -> Span:
    """The sentence (up to and including its full stop) that holds ``phrase``."""
    at = text.index(phrase)
    start = max(text.rfind(". ", 0, at) + 2, 0) if text.rfind(". ", 0, at) >= 0 else 0
    end = text.index(".", at) + 1
    return Span(start, end, text[start:end])


def mentions(text: str, *phrases: str) -> list[Span]:
    return [span(text, p) for p in phrases]


def event(text: str, article_id: str, n: int, trigger: str, source: EventActor | None, target: EventActor | None,
          cameo: str, goldstein: float, quad: int, mode: str = "asserted", date: str | None = None,
          place: str | None = None) -> Event:  # fmt: skip
    return Event(
        id=f"{article_id}:e{n}",
        sentence=sentence_of(text, trigger),
        trigger=span(text, trigger),
        source=source,
        target=target,
        cameo=cameo,
        plover=None,
        mode=mode,
        date=date,
        place=place,
        goldstein=goldstein,
        quad_class=quad,
        confidence=0.8,
    )


def truce_article() -> Article:
    text = TRUCE
    return Article(
        id="truce0000000000000001",
        text=text,
        title="Freedonia and Sylvania sign a truce",
        dateline=Dateline("Geneva", "2024-03-04", 0, 22),
        actors=[
            Actor("a1", "Freedonia", "country", "FRE", "FRE", [], mentions(text, "Freedonia")),
            Actor("a2", "Sylvania", "country", "SYL", "SYL", [], [span(text, "Sylvania"), span(text, "Sylvania", 1)]),
            Actor("a3", "Ana Kovac", "person", "FRE", "FREGOV", ["Foreign Minister"], mentions(text, "Ana Kovac")),
        ],
        places=[Place(*_triple(span(text, "Geneva")), name="Geneva", country="CHE", lat=46.2, lon=6.15)],
        times=[TimeExpr(*_triple(span(text, "Monday")), type="DATE", value="2024-03-04")],
        quotes=[
            Quote(
                *_triple(span(text, '"This is a good day for peace,"')),
                kind="direct",
                cue=span(text, "told"),
                speaker=Speaker(*_pair(span(text, "Kovac", 1)), text="Kovac", actor="a3"),
            )
        ],
        events=[
            event(
                text,
                "truce0000000000000001",
                0,
                "signed",
                EventActor("a1", "FRE", "Freedonia"),
                EventActor("a2", "SYL", "Sylvania"),
                "057",
                8.0,
                1,
                date="2024-03-04",
                place="Geneva",
            ),
            event(
                text,
                "truce0000000000000001",
                1,
                "praised",
                EventActor("a3", "FREGOV", "Ana Kovac"),
                EventActor("a2", "SYL", "Sylvania"),
                "051",
                3.4,
                1,
                date="2024-03",
                place="Geneva",
            ),
        ],
    )


def shelling_article() -> Article:
    text = SHELLING
    aid = "shell0000000000000002"
    return Article(
        id=aid,
        text=text,
        title="Sylvanian troops shell a border village",
        dateline=Dateline("Lakeview", "2024-05-10", 0, 24),
        actors=[
            Actor("a1", "Sylvanian troops", "group", "SYL", "SYLMIL", [], mentions(text, "Sylvanian troops")),
            Actor("a2", "Freedonia", "country", "FRE", "FRE", [], [span(text, "Freedonia", 1)]),
            Actor(
                "a3", "Sylvania", "country", "SYL", "SYL", [], [span(text, "Sylvania", 1), span(text, "Sylvania", 2)]
            ),
        ],
        places=[Place(*_triple(span(text, "Lakeview")), name="Lakeview", country="FRE", lat=10.5, lon=20.25)],
        times=[TimeExpr(*_triple(span(text, "Thursday")), type="DATE", value="2024-05-09")],
        events=[
            event(
                text,
                aid,
                0,
                "shelled",
                EventActor("a1", "SYLMIL", "Sylvanian troops"),
                None,
                "195",
                -10.0,
                4,
                date="2024-05-09",
                place="Lakeview",
            ),
            event(
                text,
                aid,
                1,
                "accused",
                EventActor("a2", "FRE", "Freedonia"),
                EventActor("a3", "SYL", "Sylvania"),
                "112",
                -2.0,
                3,
                place="Lakeview",
            ),
            event(
                text,
                aid,
                2,
                "attack",
                EventActor("a3", "SYL", "Sylvania"),
                None,
                "190",
                -10.0,
                4,
                mode="negated",
                place="Lakeview",
            ),
        ],
    )


def _triple(s: Span) -> tuple[int, int, str]:
    return s.start, s.end, s.text


def _pair(s: Span) -> tuple[int, int]:
    return s.start, s.end


def build_store(path: Path, articles: list[Article] | None = None) -> Path:
    """A store at ``path`` holding the given articles (both test articles by default)."""
    articles = [truce_article(), shelling_article()] if articles is None else articles
    with Store(path) as store:
        store.write([Outcome(f"test:{a.id}", "processed", "", a) for a in articles])
    return path


class FakeAnalyser:
    """Stands in for the pipeline: returns the posted article with one hand-made event, and counts calls."""

    def __init__(self) -> None:
        self.calls = 0

    def analyse(self, article: Article) -> Article:
        from dateline.web.deps import NotAnalysed

        self.calls += 1
        words = article.text.split()
        if not words:  # as the pipeline does: a text of white space alone is skipped, which the API answers with 422
            raise NotAnalysed("no article text")
        trigger = Span(0, len(words[0]), words[0])
        article.events = [
            Event(f"{article.id}:e0", Span(0, len(article.text), article.text), trigger, None, None, "010", None,
                  "asserted", goldstein=0.0, quad_class=1),
        ]  # fmt: skip
        return article


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    from dateline.web import create_app

    return TestClient(create_app(db, analyser=FakeAnalyser()), raise_server_exceptions=False)


def items(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


def test_the_fixture_spans_point_at_their_text() -> None:
    for article in (truce_article(), shelling_article()):
        for item in [*article.places, *article.times, *article.quotes]:
            assert article.text[item.start : item.end] == item.text
        for ev in article.events:
            assert article.text[ev.trigger.start : ev.trigger.end] == ev.trigger.text


# -- articles --------------------------------------------------------------------------------------------------


def test_articles_list_newest_first_with_layer_counts(client: TestClient) -> None:
    rows = items(client, "/api/v1/articles")
    assert [r["id"] for r in rows] == ["shell0000000000000002", "truce0000000000000001"]
    assert rows[0]["events"] == 3 and rows[1]["quotes"] == 1 and rows[1]["actors"] == 3


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "truce"}, {"truce0000000000000001", "shell0000000000000002"}),  # title of one, text of the other
        ({"q": "good day"}, {"truce0000000000000001"}),
        ({"start": "2024-04-01"}, {"shell0000000000000002"}),
        ({"end": "2024-03-04"}, {"truce0000000000000001"}),
        ({"actor": "Kovac"}, {"truce0000000000000001"}),
        ({"actor": "SYLMIL"}, {"shell0000000000000002"}),
        ({"q": "100%"}, set()),  # % is a character to find, not a wildcard
    ],
)
def test_articles_search(client: TestClient, params: dict[str, str], expected: set[str]) -> None:
    assert {r["id"] for r in items(client, "/api/v1/articles", **params)} == expected


def test_one_article_is_the_output_record(client: TestClient) -> None:
    record = client.get("/api/v1/articles/truce0000000000000001").json()
    assert record == truce_article().to_record()


def test_missing_article_is_a_404_in_the_error_shape(client: TestClient) -> None:
    response = client.get("/api/v1/articles/nothing-here")
    assert response.status_code == 404
    assert response.json() == {"error": {"status": 404, "type": "not_found", "message": "no article 'nothing-here'"}}


# -- events ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"s0", "s1", "s2", "t0", "t1"}),
        ({"actor": "SYL"}, {"s0", "s1", "s2", "t0", "t1"}),
        ({"actor": "Kovac"}, {"t1"}),  # the linked actor's name
        ({"source": "FRE"}, {"t0", "t1", "s1"}),  # code prefix: FREGOV too
        ({"source": "FREGOV"}, {"t1"}),
        ({"target": "SYL"}, {"t0", "t1", "s1"}),
        ({"source": "troops"}, {"s0"}),  # argument text
        ({"cameo": "05"}, {"t0", "t1"}),
        ({"cameo": "195"}, {"s0"}),
        ({"quad_class": 4}, {"s0", "s2"}),
        ({"mode": "negated"}, {"s2"}),
        ({"start": "2024-05-01"}, {"s0", "s1", "s2"}),
        ({"start": "2024-03-01", "end": "2024-03-03"}, {"t1"}),  # "2024-03" counts from March 1st
        ({"end": "2024-05-09"}, {"t0", "t1", "s0"}),  # undated events take their article's date
        ({"place": "geneva"}, {"t0", "t1"}),
        ({"article": "shell"}, {"s0", "s1", "s2"}),
        ({"actor": "SYL", "quad_class": 3}, {"s1"}),
        ({"actor": "' OR 1=1 --"}, set()),
        ({"actor": "_"}, set()),  # _ is a character to find, not a wildcard
    ],
)
def test_event_filters(client: TestClient, params: dict[str, Any], expected: set[str]) -> None:
    found = {r["id"][0] + r["id"][-1] for r in items(client, "/api/v1/events", **params)}
    assert found == expected


def test_events_paginate_with_a_total(client: TestClient) -> None:
    first = client.get("/api/v1/events", params={"limit": 2}).json()
    second = client.get("/api/v1/events", params={"limit": 2, "offset": 2}).json()
    last = client.get("/api/v1/events", params={"limit": 2, "offset": 4}).json()
    assert first["total"] == second["total"] == last["total"] == 5
    ids = [e["id"] for page in (first, second, last) for e in page["items"]]
    assert len(ids) == len(set(ids)) == 5
    assert [e["day"] for e in first["items"]] == ["2024-05-10", "2024-05-10"]  # newest day first


def test_an_event_carries_its_evidence_sentence(client: TestClient) -> None:
    found = client.get("/api/v1/events/shell0000000000000002:e1").json()
    assert found["evidence"] == "Freedonia accused Sylvania of breaking the truce."
    assert found["title"] == "Sylvanian troops shell a border village"
    assert client.get("/api/v1/events/nope:e0").status_code == 404


# -- invalid input -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "param"),
    [
        ("/api/v1/events", {"quad_class": "five"}, "quad_class"),
        ("/api/v1/events", {"quad_class": 5}, "quad_class"),
        ("/api/v1/events", {"limit": 0}, "limit"),
        ("/api/v1/events", {"limit": 10**30}, "limit"),
        ("/api/v1/events", {"offset": -1}, "offset"),
        ("/api/v1/events", {"offset": 10**20}, "offset"),
        ("/api/v1/events", {"start": "2024-02-30"}, "start"),
        ("/api/v1/events", {"start": "yesterday"}, "start"),
        ("/api/v1/events", {"cameo": "1a"}, "cameo"),
        ("/api/v1/events", {"mode": "rumoured"}, "mode"),
        ("/api/v1/events", {"actor": "x" * 201}, "actor"),
        ("/api/v1/events", {"start": "2024-06-01", "end": "2024-01-01"}, ""),
        ("/api/v1/articles", {"start": "2024-13-01"}, "start"),
        ("/api/v1/actors", {"limit": "many"}, "limit"),
        ("/api/v1/quotes", {"offset": "1.5"}, "offset"),
        ("/api/v1/timeline", {"source": "RUS GOV"}, "source"),
        ("/api/v1/timeline", {"both": "perhaps"}, "both"),
        ("/api/v1/timeline", {"by": "decade"}, "by"),
        ("/api/v1/network", {"limit": 0}, "limit"),
        ("/api/v1/places", {"mode": "x"}, "mode"),
    ],
)
def test_invalid_parameters_are_422_in_the_error_shape(
    client: TestClient, path: str, params: dict[str, Any], param: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["status"] == 422 and error["type"] == "invalid_parameter" and error["message"]
    assert param in {d["param"] for d in error["details"]}


def test_unknown_routes_and_methods_are_json_errors(client: TestClient) -> None:
    assert client.get("/api/v1/nowhere").json()["error"]["status"] == 404
    response = client.delete("/api/v1/events")
    assert response.status_code == 405 and response.json()["error"]["type"] == "method_not_allowed"


# -- actors, quotes ------------------------------------------------------------------------------------------------


def test_actors_with_roles_and_counts(client: TestClient) -> None:
    rows = {r["name"]: r for r in items(client, "/api/v1/actors")}
    assert rows["Sylvania"]["articles"] == 2 and rows["Sylvania"]["as_target"] == 3
    assert rows["Sylvania"]["as_source"] == 1
    kovac = rows["Ana Kovac"]
    assert (kovac["roles"], kovac["quotes"], kovac["as_source"], kovac["code"]) == (
        ["Foreign Minister"],
        1,
        1,
        "FREGOV",
    )
    assert [r["name"] for r in items(client, "/api/v1/actors", q="FREG")] == ["Ana Kovac"]


def test_one_actor_with_articles_events_and_quotes(client: TestClient) -> None:
    actor = client.get("/api/v1/actors/Ana Kovac").json()
    assert [a["id"] for a in actor["in_articles"]] == ["truce0000000000000001"]
    assert [e["trigger"]["text"] for e in actor["events"]] == ["praised"]
    assert [q["text"] for q in actor["quotes_spoken"]] == ['"This is a good day for peace,"']
    assert client.get("/api/v1/actors/Nobody").status_code == 404


def test_quotes_by_speaker_and_text(client: TestClient) -> None:
    assert [q["speaker_name"] for q in items(client, "/api/v1/quotes", speaker="Ana")] == ["Ana Kovac"]
    assert len(items(client, "/api/v1/quotes", q="peace")) == 1
    assert items(client, "/api/v1/quotes", speaker="Sylvania") == []


# -- aggregates ------------------------------------------------------------------------------------------------


def test_timeline_counts_asserted_events_per_month(client: TestClient) -> None:
    months = client.get("/api/v1/timeline").json()["points"]
    assert [(m["period"], m["events"], m["q1"], m["q3"], m["q4"]) for m in months] == [
        ("2024-03", 2, 2, 0, 0),
        ("2024-05", 2, 0, 1, 1),  # the negated attack does not count
    ]
    assert months[1]["goldstein_sum"] == -12.0 and months[1]["goldstein_mean"] == -6.0
    years = client.get("/api/v1/timeline", params={"by": "year"}).json()
    assert years["by"] == "year" and [(y["period"], y["events"]) for y in years["points"]] == [("2024", 4)]


def test_dyad_timeline_one_way_and_both_ways(client: TestClient) -> None:
    one_way = client.get("/api/v1/timeline", params={"source": "FRE", "target": "SYL"}).json()["points"]
    assert [(m["period"], m["events"]) for m in one_way] == [("2024-03", 2), ("2024-05", 1)]
    reverse = client.get("/api/v1/timeline", params={"source": "SYL", "target": "FRE"}).json()["points"]
    assert reverse == []
    both = client.get("/api/v1/timeline", params={"source": "SYL", "target": "FRE", "both": "true"}).json()
    assert [m["events"] for m in both["points"]] == [2, 1]


def test_network_edges_weighted_by_count_and_goldstein(client: TestClient) -> None:
    graph = client.get("/api/v1/network").json()
    edges = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert set(edges) == {("FRE", "SYL"), ("FREGOV", "SYL")}
    assert (edges["FRE", "SYL"]["events"], edges["FRE", "SYL"]["goldstein_sum"]) == (2, 6.0)
    assert (edges["FRE", "SYL"]["cooperation"], edges["FRE", "SYL"]["conflict"]) == (1, 1)
    assert {n["id"]: n["events"] for n in graph["nodes"]} == {"SYL": 3, "FRE": 2, "FREGOV": 1}


def test_places_of_events_with_coordinates(client: TestClient) -> None:
    places = {p["name"]: p for p in client.get("/api/v1/places").json()}
    assert (places["Lakeview"]["events"], places["Lakeview"]["lat"]) == (3, 10.5)
    assert places["Geneva"]["events"] == 2
    assert [p["name"] for p in client.get("/api/v1/places", params={"mode": "negated"}).json()] == ["Lakeview"]


# -- extract and store -------------------------------------------------------------------------------------------


def test_extract_returns_the_record_without_storing(client: TestClient, db: Path) -> None:
    response = client.post("/api/v1/extract", json={"text": "Talks resumed today.", "title": "Talks"})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["text"] == "Talks resumed today." and record["events"][0]["trigger"]["text"] == "Talks"
    with Store(db, readonly=True) as store:
        assert store.counts()["articles"] == 2


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"title": "no text"}, 422),
        ({"text": ""}, 422),
        ({"text": "x", "path": "/etc/passwd"}, 422),  # unknown fields are refused, not ignored
        ("not json", 422),
    ],
)
def test_extract_rejects_bad_bodies(client: TestClient, body: Any, status: int) -> None:
    if isinstance(body, str):
        response = client.post("/api/v1/extract", content=body, headers={"content-type": "application/json"})
    else:
        response = client.post("/api/v1/extract", json=body)
    assert response.status_code == status
    assert response.json()["error"]["status"] == status


def test_bodies_over_the_limit_are_refused_with_413(db: Path) -> None:
    from dateline.web import create_app

    small = TestClient(create_app(db, max_body=1000, analyser=FakeAnalyser()))
    response = small.post("/api/v1/extract", json={"text": "word " * 400})
    assert response.status_code == 413
    assert response.json()["error"]["type"] == "too_large"

    def chunks() -> Any:  # no Content-Length: the limit holds while reading
        for _ in range(10):
            yield b"x" * 200

    chunked = small.post("/api/v1/extract", content=chunks(), headers={"content-type": "application/json"})
    assert chunked.status_code == 413


def test_storing_needs_a_writable_server(client: TestClient, tmp_path: Path) -> None:
    refused = client.post("/api/v1/articles", json={"text": "Leaders met."})
    assert refused.status_code == 403 and "read-only" in refused.json()["error"]["message"]

    from dateline.web import create_app

    writable = TestClient(create_app(tmp_path / "new.db", writable=True, analyser=FakeAnalyser()))
    stored = writable.post("/api/v1/articles", json={"text": "Leaders met in Oslo."})
    assert stored.status_code == 201
    assert writable.get(stored.json()["url"].replace("/articles/", "/api/v1/articles/")).json()["text"] == (
        "Leaders met in Oslo."
    )


def test_a_read_only_server_cannot_write_its_database(db: Path) -> None:
    store = Store(db, readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        store.db.execute("DELETE FROM articles")
    store.close()


def test_a_missing_database_fails_at_start_unless_writable(tmp_path: Path) -> None:
    from dateline.web import create_app

    with pytest.raises(StoreError, match="no database"):
        create_app(tmp_path / "absent.db")
    create_app(tmp_path / "created.db", writable=True)
    assert (tmp_path / "created.db").is_file()


@pytest.mark.model
def test_extract_with_the_real_pipeline(db: Path) -> None:
    from dateline.web import create_app

    real = TestClient(create_app(db))
    text = "BRUSSELS, June 3, 2024 - The European Union imposed sanctions on Sylvania on Monday."
    record = real.post("/api/v1/extract", json={"text": text}).json()
    assert record["text"] == text
    assert all(text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"] for e in record["events"])
    assert record["events"], "the pipeline should find the sanctions event"


# -- schema, headers, assets -----------------------------------------------------------------------------------


def test_openapi_schema_lists_the_versioned_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    listed = [
        "articles",
        "articles/{article_id}",
        "events",
        "actors",
        "quotes",
        "timeline",
        "network",
        "places",
        "extract",
    ]
    assert {f"/api/v1/{path}" for path in listed} <= paths
    assert not any(p.startswith("/assets") or p == "/" for p in paths)
    assert client.get("/docs").status_code == 404  # the interactive docs would load scripts from a CDN


def test_no_cors_by_default_and_a_strict_content_policy(client: TestClient) -> None:
    response = client.get("/api/v1/events", headers={"origin": "http://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy


def test_front_end_packages_are_installed(client: TestClient) -> None:
    from dateline.web import assets

    assert not assets.missing(), f"missing {assets.missing()}: install them with `make web-assets`"
    for name in assets.SCRIPTS:
        response = client.get(f"/assets/{name}")
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/javascript")
    shapes = client.get("/assets/topojson/world_110m.json").json()
    assert {"countries", "land"} <= set(shapes["objects"])


@pytest.mark.parametrize(
    "path",
    [
        "/assets/..%2F..%2Fpyvenv.cfg",
        "/assets/topojson/..%2F..%2Fpackage.json",
        "/assets/topojson/%2Fetc%2Fpasswd",
        "/static/..%2Fapp.py",
        "/static/../app.py",
    ],
)
def test_no_file_outside_the_served_folders(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert b"import" not in response.content


# -- pages -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "shelled"),
        ("/?quad_class=1", "praised"),
        ("/articles", "Freedonia and Sylvania sign a truce"),
        ("/articles/truce0000000000000001", "Foreign Minister"),
        ("/events/shell0000000000000002:e1", 'Freedonia <mark class="m-trigger">accused</mark> Sylvania of breaking'),
        ("/actors", "Ana Kovac"),
        ("/actors/Ana%20Kovac", "This is a good day for peace"),
        ("/quotes", "Ana Kovac"),
        ("/timeline?source=FRE&target=SYL", "2024-05"),
        ("/network", "FREGOV"),
        ("/map", "Lakeview"),
        ("/analyse", "Analyse an article"),
    ],
)
def test_pages_render(client: TestClient, path: str, expected: str) -> None:
    response = client.get(path, headers={"accept": "text/html"})
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert expected in response.text
    assert "http://" not in response.text.replace('xmlns="http://www.w3.org/', "")  # nothing loads from elsewhere


def test_article_page_highlights_layers_and_evidence(client: TestClient) -> None:
    from dateline.web import labels

    html = client.get("/articles/shell0000000000000002").text
    assert '<span class="m-trigger" data-ev="1" data-trigger="1" title="event 112 (asserted)">accused</span>' in html
    assert 'class="m-place"' in html and 'class="m-time"' in html and 'class="m-actor"' in html
    assert labels.cameo_name("195") in html and "Sylvanian troops shell a border village" in html


def test_page_errors_are_pages(client: TestClient) -> None:
    response = client.get("/?quad_class=9", headers={"accept": "text/html"})
    assert response.status_code == 422 and "quad_class" in response.text and "<html" in response.text
    assert client.get("/articles/nope", headers={"accept": "text/html"}).status_code == 404


def test_analyse_page_shows_the_record_without_storing(client: TestClient) -> None:
    response = client.post("/analyse", data={"text": "Ministers met in Oslo.\n\nThey talked.", "title": ""})
    assert response.status_code == 200
    assert "not stored" in response.text and "Ministers met in Oslo." in response.text  # first line: the title
    assert client.post("/analyse", content=b"{}", headers={"content-type": "application/json"}).status_code == 415


def test_empty_store_shows_an_empty_state(tmp_path: Path) -> None:
    from dateline.web import create_app

    empty = TestClient(create_app(build_store(tmp_path / "empty.db", [])))
    for path in ["/", "/articles", "/actors", "/timeline", "/network", "/map"]:
        response = empty.get(path)
        assert response.status_code == 200 and "Nothing stored yet" in response.text
    assert empty.get("/api/v1/events").json() == {"items": [], "total": 0, "limit": 50, "offset": 0}
    assert empty.get("/api/v1/timeline").json()["points"] == []


# -- pieces ----------------------------------------------------------------------------------------------------


def test_segments_cover_the_text_once_with_overlapping_marks() -> None:
    from dateline.web.highlight import Mark, segments

    text = "abcdefghij"
    marks = [Mark(1, 6, "quote"), Mark(3, 4, "actor"), Mark(5, 8, "time")]
    cut = segments(text, marks, evidence=[(0, 4)])
    assert "".join(s.text for s in cut) == text
    assert [(s.text, s.classes, s.events) for s in cut] == [
        ("a", "", (0,)),
        ("bc", "m-quote", (0,)),
        ("d", "m-actor m-quote", (0,)),
        ("e", "m-quote", ()),
        ("f", "m-quote m-time", ()),
        ("gh", "m-time", ()),
        ("ij", "", ()),
    ]


def test_serve_binds_to_loopback_and_read_only_by_default() -> None:
    import inspect

    from dateline.web.cli import serve_command

    defaults = {name: p.default for name, p in inspect.signature(serve_command).parameters.items()}
    assert defaults["host"] == "127.0.0.1" and defaults["writable"] is False and defaults["port"] == 8000
