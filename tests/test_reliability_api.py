"""HTTP API hardening: SQL injection in every filter, body limits, no paths from requests, CORS, bind address,
the write token, and a schemathesis run over the OpenAPI schema (no 500s, answers match the schema).

The store is the hand-built one of ``test_web_api`` (fictional articles with known layers); no model is loaded.
"""

from __future__ import annotations

import inspect
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis import checks
from schemathesis.core.result import Ok

from tests.test_web_api import FakeAnalyser, build_store

INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE articles; --",
    '" OR 1=1 --',
    "%' UNION SELECT id, text, 1, 1, 1, 1 FROM articles --",
    ") OR (1=1",
    "\\",
    "%",
    "_",
    "') OR json_extract(source, '$.code') LIKE '%",
    "1; ATTACH DATABASE '/tmp/x.db' AS x; --",
]
PATHS = ["../../../../etc/passwd", "..%2F..%2F..%2Fetc%2Fpasswd", "/etc/passwd", "....//....//etc/passwd"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "api.db")


@pytest.fixture(scope="module")
def app(db: Path) -> FastAPI:
    from dateline.web import create_app

    return create_app(db, analyser=FakeAnalyser())


@pytest.fixture(scope="module")
def client(app: FastAPI) -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


def _query_filters(app: FastAPI) -> list[tuple[str, str]]:
    """Every (GET path, query parameter) the API's schema declares, so that a new filter is covered too."""
    found = []
    for path, operations in app.openapi()["paths"].items():
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["in"] == "query":
                found.append((path, parameter["name"]))
    return found


def _table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0] for table in tables}


def test_injection_strings_in_every_filter_match_nothing_and_change_nothing(
    app: FastAPI, client: TestClient, db: Path
) -> None:
    filters = [(path, name) for path, name in _query_filters(app) if "{" not in path]
    assert len(filters) >= 25, filters
    before = _table_counts(db)
    for path, name in filters:
        for value in INJECTIONS:
            response = client.get(path, params={name: value})
            assert response.status_code in (200, 422), (path, name, value, response.text)
            if response.status_code == 200 and name not in ("limit", "offset", "both"):
                assert _matches(response.json()) == 0, (path, name, value, response.text)
    assert _table_counts(db) == before


def _matches(body: Any) -> int:
    """How many rows an answer lists: injected text matches no stored text, so this must be 0."""
    if isinstance(body, list):
        return len(body)
    if "items" in body:
        return int(body["total"])
    return len(body.get("months") or body.get("edges") or [])


def test_injection_strings_in_path_parameters_are_just_missing_names(client: TestClient) -> None:
    for value in INJECTIONS:
        for prefix in ("/api/v1/articles/", "/api/v1/events/", "/api/v1/actors/"):
            response = client.get(prefix + value.replace("%", "%25").replace("/", "%2F"))
            assert response.status_code == 404, (prefix, value, response.text)


def test_no_request_reaches_a_file_by_its_path(client: TestClient) -> None:
    for path in PATHS:
        for prefix in ("/static/", "/assets/", "/assets/topojson/", "/api/v1/articles/", "/"):
            response = client.get(prefix + path)
            assert response.status_code == 404, (prefix + path, response.status_code)
            assert "root:" not in response.text


def test_no_parameter_names_a_file_or_a_database(app: FastAPI) -> None:
    names = {name.lower() for _, name in _query_filters(app)}
    assert not names & {"path", "file", "filename", "db", "database", "dir", "folder"}


def test_every_post_is_bounded_by_the_body_limit(db: Path) -> None:
    from dateline.web import create_app

    small = TestClient(create_app(db, max_body=2_000, analyser=FakeAnalyser()))
    big = "word " * 1_000
    assert small.post("/api/v1/extract", json={"text": big}).status_code == 413
    assert small.post("/api/v1/articles", json={"text": big}).status_code == 413
    form = {"content-type": "application/x-www-form-urlencoded"}
    assert small.post("/analyse", content=f"text={big}", headers=form).status_code == 413


def test_cors_is_off_unless_origins_are_given(db: Path, client: TestClient) -> None:
    from dateline.web import create_app

    origin = {"Origin": "https://elsewhere.example"}
    preflight = {**origin, "Access-Control-Request-Method": "POST"}
    assert "access-control-allow-origin" not in client.get("/api/v1/stats", headers=origin).headers
    assert "access-control-allow-origin" not in client.options("/api/v1/extract", headers=preflight).headers
    allowed = TestClient(create_app(db, cors_origins=["https://elsewhere.example"]))
    assert allowed.get("/api/v1/stats", headers=origin).headers["access-control-allow-origin"] == (
        "https://elsewhere.example"
    )
    other = {"Origin": "https://third.example"}
    assert "access-control-allow-origin" not in allowed.get("/api/v1/stats", headers=other).headers


def test_the_server_binds_to_localhost_by_default() -> None:
    from dateline.web.cli import serve_command

    assert inspect.signature(serve_command).parameters["host"].default == "127.0.0.1"


def test_storing_needs_the_token_when_the_server_has_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dateline.web import create_app

    body = {"text": "Leaders met in Oslo on Monday."}
    secured = TestClient(create_app(tmp_path / "t.db", writable=True, token="s3cret", analyser=FakeAnalyser()))
    missing = secured.post("/api/v1/articles", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert missing.json()["error"]["type"] == "unauthorized"
    assert secured.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert secured.post("/api/v1/articles", json=body, headers={"Authorization": "Basic s3cret"}).status_code == 401
    assert secured.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 201
    assert secured.get("/api/v1/stats").status_code == 200, "reads need no token"
    assert secured.post("/api/v1/extract", json=body).status_code == 200, "analysing without storing needs none"

    monkeypatch.setenv("DATELINE_TOKEN", "from-env")
    from_env = TestClient(create_app(tmp_path / "e.db", writable=True, analyser=FakeAnalyser()))
    assert from_env.post("/api/v1/articles", json=body).status_code == 401
    assert from_env.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer from-env"}).status_code == 201
    monkeypatch.delenv("DATELINE_TOKEN")
    open_server = TestClient(create_app(tmp_path / "o.db", writable=True, analyser=FakeAnalyser()))
    assert open_server.post("/api/v1/articles", json=body).status_code == 201, "the token is optional"


def test_the_schema_declares_the_bearer_token(app: FastAPI) -> None:
    schemes = app.openapi()["components"]["securitySchemes"]
    assert schemes["HTTPBearer"]["scheme"] == "bearer"


# -- schemathesis over the OpenAPI schema --------------------------------------------------------------------

#: Generated requests per operation: enough to reach every parameter, few enough for CI.
EXAMPLES = 25

#: What every answer must satisfy. Not ``positive_data_acceptance``: a request can fit the schema and still be
#: refused with a 422 for a rule across parameters that OpenAPI cannot state (``start`` after ``end``).
CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.response_headers_conformance,
]


def _run_schemathesis(app: FastAPI, *, only: str | None = None, extra: list[Any] | None = None) -> tuple[int, int]:
    """Send each operation (or the one labelled ``only``) up to EXAMPLES generated requests.

    Returns how many operations were tested and how many requests were sent in all.

    Operations are walked here rather than with ``schema.parametrize()``: its fixture-based form does not run
    under pytest 9, and a schema loaded at import time would need the database before the fixtures make it.
    """
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    results = list(schema.get_all_operations())
    assert all(isinstance(result, Ok) for result in results), "the schema must load whole"
    operations = [result.ok() for result in results if isinstance(result, Ok)]
    operations = [op for op in operations if only is None or op.label == only]
    sent = 0
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def answers_as_declared(case: Any) -> None:
            nonlocal sent
            sent += 1
            case.call_and_validate(checks=[*CHECKS, *(extra or [])])

        answers_as_declared()
    return len(operations), sent


def test_the_api_answers_every_generated_request_as_its_schema_says(app: FastAPI) -> None:
    operations, sent = _run_schemathesis(app)
    assert operations >= 12 and sent >= 8 * operations


def test_a_writable_server_with_a_token_answers_as_its_schema_says(tmp_path: Path) -> None:
    from dateline.web import create_app

    secured = create_app(tmp_path / "w.db", writable=True, token="s3cret", analyser=FakeAnalyser())
    operations, sent = _run_schemathesis(secured, only="POST /api/v1/articles", extra=[checks.ignored_auth])
    assert operations == 1 and sent >= 8
