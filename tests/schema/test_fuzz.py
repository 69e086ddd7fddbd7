"""A bounded fuzz of the whole schema (hypothesis-graphql): whatever valid or invalid query arrives, no server error.

Queries are generated from the schema itself, NUL characters and nulls included, in both of
hypothesis-graphql's modes: valid queries (POSITIVE) and queries that break the schema's rules
(NEGATIVE). Every response must be a well-formed GraphQL response with no INTERNAL or
SERVICE_UNAVAILABLE error. The run is capped to a few seconds per database; hypothesis' example
database (.hypothesis/) replays any failure first.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, from_schema

from football.limits import QueryLimits
from schema.build import build_schema
from tests.conftest import live_server

SCHEMA = build_schema(QueryLimits()).as_str()
SERVER_ERRORS = {"INTERNAL", "SERVICE_UNAVAILABLE"}


@pytest.fixture(scope="module")
def fuzz_client(loaded_database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """A real `cupql serve` over each loaded database."""
    with (
        live_server(tmp_path_factory, database_url=loaded_database_url) as server,
        httpx.Client(base_url=server.url, timeout=30) as http,
    ):
        yield http


def check(http: httpx.Client, query: object) -> None:
    response = http.post("/graphql", json={"query": query}, headers={"accept": "application/graphql-response+json"})
    assert response.status_code < 500, response.text
    body = response.json()
    assert "data" in body or "errors" in body
    codes = {error["extensions"]["code"] for error in body.get("errors", ())}
    assert not codes & SERVER_ERRORS, (query, body)


FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


@FUZZ
@given(query=st.data())
def test_valid_generated_queries_never_cause_a_server_error(fuzz_client: httpx.Client, query: st.DataObject) -> None:
    check(fuzz_client, query.draw(from_schema(SCHEMA, mode=Mode.POSITIVE)))


@FUZZ
@given(query=st.data())
def test_invalid_generated_queries_never_cause_a_server_error(fuzz_client: httpx.Client, query: st.DataObject) -> None:
    check(fuzz_client, query.draw(from_schema(SCHEMA, mode=Mode.NEGATIVE)))
