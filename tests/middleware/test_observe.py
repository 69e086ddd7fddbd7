"""Operators see every request: an id echoed back, one access line with its figures, metrics, errors logged once.

Also the audit's fourth defect: a statement that fails on a working database (SQLite's "LIKE or GLOB
pattern too complex") was reported as an outage while /readyz said ok.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import logging.config
import re

import httpx
import pytest

from cupql.loading import bundled_articles, load
from cupql.logs import RequestIdFilter, logging_config
from cupql.metrics import record_cache_lookup
from cupql.settings import Settings
from football.limits import QueryLimits
from tests.conftest import api_client, data

CLUBS = "query Clubs { clubs(first: 3) { nodes { name } } }"


async def test_a_clients_request_id_is_echoed_and_a_missing_one_is_made(client: httpx.AsyncClient) -> None:
    given = await client.post("/graphql", json={"query": CLUBS}, headers={"x-request-id": "lb-7f3a.42"})
    assert given.headers["x-request-id"] == "lb-7f3a.42"
    made = await client.get("/healthz")
    assert re.fullmatch(r"[0-9a-f]{32}", made.headers["x-request-id"])
    hostile = await client.get("/healthz", headers={"x-request-id": "a b\tc<script>" + "x" * 200})
    assert re.fullmatch(r"[0-9a-f]{32}", hostile.headers["x-request-id"])


async def test_one_access_line_per_request_with_operation_status_duration_and_statements(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="cupql.access"):
        await client.post("/graphql", json={"query": CLUBS}, headers={"x-request-id": "req-1"})
    [line] = [r for r in caplog.records if r.name == "cupql.access"]
    assert (line.request_id, line.method, line.path, line.operation, line.status) == (  # type: ignore[attr-defined]
        "req-1",
        "POST",
        "/graphql",
        "Clubs",
        200,
    )
    assert line.statements >= 1 and line.duration_ms > 0  # type: ignore[attr-defined]
    assert line.getMessage().startswith("POST /graphql Clubs 200 ")


def test_json_log_lines_carry_timestamp_level_and_request_id(capsys: pytest.CaptureFixture[str]) -> None:
    logging.config.dictConfig(logging_config(Settings(log_format="json")))
    try:
        logging.getLogger("cupql.test").info("hello", extra={"status": 200})
        try:
            raise ValueError("boom\nsecond line")
        except ValueError:
            logging.getLogger("cupql.test").exception("failed")
    finally:
        logging.config.dictConfig({"version": 1, "disable_existing_loggers": False})
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2, "a traceback stays on its line"
    first, second = map(json.loads, lines)
    assert {k: first[k] for k in ("level", "logger", "message", "request_id", "status")} == {
        "level": "INFO",
        "logger": "cupql.test",
        "message": "hello",
        "request_id": "-",
        "status": 200,
    }
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", first["timestamp"])
    assert second["level"] == "ERROR" and "ValueError: boom" in second["exc_info"]


def test_log_options_are_checked() -> None:
    with pytest.raises(ValueError, match="--log-format must be one of auto, json, text"):
        logging_config(Settings(log_format="xml"))
    assert RequestIdFilter().filter(logging.LogRecord("x", logging.INFO, "", 0, "m", None, None))


async def test_metrics_count_requests_statements_and_the_pool(client: httpx.AsyncClient) -> None:
    await data(client, CLUBS)
    text = (await client.get("/metrics")).text
    count = re.search(r'cupql_requests_total\{operation="Clubs",path="/graphql",status="200"\} (\d+)', text)
    assert count and int(count.group(1)) >= 1
    assert re.search(r'cupql_request_duration_seconds_bucket\{le="0.005",path="/graphql"\}', text)
    statements = re.search(r"(?m)^cupql_sql_statements_total (\S+)$", text)
    assert statements and float(statements.group(1)) >= 1
    assert re.search(r"(?m)^cupql_db_pool_checked_out 0.0$", text)
    record_cache_lookup("documents", hit=True)
    text = (await client.get("/metrics")).text
    assert re.search(r'(?m)^cupql_cache_lookups_total\{cache="documents",result="hit"\} [1-9]', text)


@pytest.fixture(scope="module")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """SQLite only: its LIKE pattern limit (50,000 bytes) makes the failing statement; PostgreSQL has none."""
    url = f"sqlite:///{tmp_path_factory.mktemp('like') / 'cupql.db'}"
    load(url, bundled_articles(), strict=False, echo=lambda _line: None, progress=False)
    return url


async def test_a_failing_statement_is_internal_not_an_outage_and_is_logged_once(
    sqlite_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    limits = dataclasses.replace(QueryLimits(), max_string_length=100_000)
    settings = Settings(database_url=sqlite_url, limits=limits)
    caplog.handler.addFilter(RequestIdFilter())
    async with api_client(settings) as http:
        with caplog.at_level(logging.INFO):
            response = await http.post(
                "/graphql",
                json={
                    "query": "query($t: String!) { clubs(filter: {nameContains: $t}) { totalCount } season { year } }",
                    "variables": {"t": "a" * 60_000},
                },
                headers={"x-request-id": "req-like"},
            )
        ready = await http.get("/readyz")
    body = response.json()
    assert body["data"] == {"clubs": None, "season": {"year": 2024}}
    assert body["errors"][0]["extensions"] == {"code": "INTERNAL"}
    assert body["errors"][0]["message"] == "Internal server error"
    assert ready.status_code == 200
    [logged] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert logged.request_id == "req-like"  # type: ignore[attr-defined]
    assert logged.getMessage() == "Internal error at clubs: OperationalError: LIKE or GLOB pattern too complex"
    assert logged.exc_info is not None
