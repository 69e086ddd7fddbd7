"""A real `cupql serve` process over HTTP: health, readiness, GET and POST, and a standard GraphQL client."""

from __future__ import annotations

import httpx
from gql import Client, GraphQLRequest, gql
from gql.transport.httpx import HTTPXTransport


def test_health_and_readiness(live_server_url: str) -> None:
    assert httpx.get(f"{live_server_url}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{live_server_url}/readyz")
    assert (ready.status_code, ready.json()) == (200, {"status": "ok", "seasons": 1})


def test_get_and_post_follow_graphql_over_http(live_server_url: str) -> None:
    query = "{ season { winner { name } } }"
    got = httpx.get(
        f"{live_server_url}/graphql", params={"query": query}, headers={"accept": "application/graphql-response+json"}
    )
    assert got.headers["content-type"] == "application/graphql-response+json; charset=utf-8"
    assert got.json() == {"data": {"season": {"winner": {"name": "Aktobe"}}}}
    posted = httpx.post(f"{live_server_url}/graphql", json={"query": "{ season { year"})
    assert posted.status_code == 200  # application/json clients get 200 for a parse error
    assert posted.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
    page = httpx.get(f"{live_server_url}/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "/graphiql-assets/" in page.text


def test_a_standard_python_client_round_trip(live_server_url: str) -> None:
    transport = HTTPXTransport(url=f"{live_server_url}/graphql")
    with Client(transport=transport, fetch_schema_from_transport=True) as session:
        request = GraphQLRequest(
            gql("""query Final($round: Round) { ties(round: $round) {
                home { name } away { name } homeAggregate awayAggregate winner { name } } }"""),
            variable_values={"round": "FINAL"},
        )
        result = session.execute(request)
    assert result == {
        "ties": [
            {
                "home": {"name": "Atyrau"},
                "away": {"name": "Aktobe"},
                "homeAggregate": 1,
                "awayAggregate": 2,
                "winner": {"name": "Aktobe"},
            }
        ]
    }
