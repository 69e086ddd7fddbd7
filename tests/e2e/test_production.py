"""`cupql serve --production` against graphql-cop's checks, and what production changes for clients.

The audit's eighth defect: graphql-cop found HIGH for Introspection and Directive Overloading and
MEDIUM for GET queries (CSRF) in the default mode, and `--production` changed only the IDE finding.
"""

from __future__ import annotations

import json
import time

import httpx

from tests.conftest import LiveServer
from tests.e2e.graphql_cop import Finding, audit


def test_graphql_cop_finds_nothing_high_or_medium_in_production(production_server: LiveServer) -> None:
    assert audit(f"{production_server.url}/graphql") == set()


def test_graphql_cop_finds_only_the_conveniences_of_the_default_mode(live_server_url: str) -> None:
    assert audit(f"{live_server_url}/graphql") == {
        Finding("Introspection", "HIGH"),
        Finding("GET Method Query Support", "MEDIUM"),
        Finding("GraphQL IDE", "LOW"),
        Finding("Field Suggestions", "LOW"),
    }


def test_get_needs_a_preflight_header_in_production(production_server: LiveServer) -> None:
    url = f"{production_server.url}/graphql"
    query = {"query": "{ season { year } }"}
    refused = httpx.get(url, params=query)
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["extensions"] == {"code": "BAD_REQUEST"}
    assert "GraphQL-Require-Preflight" in refused.json()["errors"][0]["message"]
    for header in ("GraphQL-Require-Preflight", "Apollo-Require-Preflight", "X-Apollo-Operation-Name"):
        assert httpx.get(url, params=query, headers={header: "1"}).json() == {"data": {"season": {"year": 2024}}}
    assert httpx.post(url, json=query).json() == {"data": {"season": {"year": 2024}}}
    persisted = {"extensions": json.dumps({"persistedQuery": {"version": 1, "sha256Hash": "0" * 64}})}
    refused_hash = httpx.get(url, params=persisted)  # a persisted query is an operation too
    assert (
        refused_hash.status_code == 400 and "cross-site request forgery" in refused_hash.json()["errors"][0]["message"]
    )
    assert httpx.head(url, params=query).status_code == 400


def test_production_hides_the_schema_but_not_the_data(production_server: LiveServer) -> None:
    url = f"{production_server.url}/graphql"
    schema = httpx.post(url, json={"query": "{ __schema { types { name } } }"}).json()
    assert schema["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "introspection is disabled" in schema["errors"][0]["message"]
    fields = httpx.post(url, json={"query": '{ __type(name: "Club") { fields { name } } }'}).json()
    assert "introspection is disabled" in fields["errors"][0]["message"]
    exists = httpx.post(url, json={"query": '{ __type(name: "Club") { name kind } }'}).json()
    assert exists == {"data": {"__type": {"name": "Club", "kind": "OBJECT"}}}
    typo = httpx.post(url, json={"query": "{ season { yaer } }"}).json()
    assert typo["errors"][0]["message"] == "Cannot query field 'yaer' on type 'Season'."
    unknown_club = httpx.post(url, json={"query": '{ club(name: "Aktob") { name } }'}).json()
    assert "Did you mean 'Aktobe'" in unknown_club["errors"][0]["message"]  # the data's names are not the schema
    assert httpx.get(url, headers={"accept": "text/html"}).status_code != 200


def test_production_logs_are_json_lines_with_request_ids(production_server: LiveServer) -> None:
    response = httpx.post(
        f"{production_server.url}/graphql",
        json={"query": "query Winner { season { winner { name } } }"},
        headers={"x-request-id": "prod-check-1"},
    )
    assert response.headers["x-request-id"] == "prod-check-1"
    # The access line is written once the response has gone out: give the server a moment.
    deadline = time.monotonic() + 5
    while True:
        lines = [json.loads(line) for line in production_server.log.read_text().splitlines() if line.startswith("{")]
        matching = [line for line in lines if line.get("request_id") == "prod-check-1"]
        if matching or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    [access] = matching
    assert {k: access[k] for k in ("level", "logger", "method", "path", "operation", "status")} == {
        "level": "INFO",
        "logger": "cupql.access",
        "method": "POST",
        "path": "/graphql",
        "operation": "Winner",
        "status": 200,
    }
    assert access["statements"] >= 1 and access["duration_ms"] > 0 and "timestamp" in access
