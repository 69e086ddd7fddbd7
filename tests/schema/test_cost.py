"""The cost estimate judges a query by the served season's real list sizes, and reports itself when asked."""

from __future__ import annotations

import httpx

from cupql.settings import Settings
from football.limits import QueryLimits
from tests.conftest import api_client, graphql

# Issue 15's query: every club's matches, each goal's scorer and that scorer's goals. With the fixed estimate of 10
# per list it is 123,101 objects and refused; on the 2024 season (32 clubs, at most 5 matches a club, 7 goals a
# match, 3 goals a player) it is 6,113.
EVERY_CLUBS_SCORERS = (
    "{ clubs(first: 100) { nodes { name matches { home { name } away { name }"
    " goals { minute scorer { name goals { minute } } } } } } }"
)
# Every card's match's cards, three times over: really 101,593 objects on the 2024 season.
CARDS_OF_CARDS = (
    "{ cards(first: 100) { nodes { match { cards { match { cards { match { cards"
    " { kind player { name } club { name } match { date } } } } } } } } } }"
)
COST = {"cost": True}


async def test_a_realistic_query_passes_by_the_real_sizes_and_reports_its_cost(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": EVERY_CLUBS_SCORERS, "extensions": COST})
    body = response.json()
    assert "errors" not in body
    assert len(body["data"]["clubs"]["nodes"]) == 32
    assert body["extensions"]["cost"] == {"estimated": 6113, "actual": 719, "limit": 50000}


async def test_a_query_that_really_returns_more_than_the_limit_is_refused(
    client: httpx.AsyncClient, loaded_database_url: str
) -> None:
    body = await graphql(client, CARDS_OF_CARDS)
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert body["errors"][0]["message"].startswith("The query could return up to 422201 objects; the limit is 50000.")
    # What it would really return, run with the limit out of the way.
    unlimited = Settings(database_url=loaded_database_url, limits=QueryLimits(max_cost=10**9))
    async with api_client(unlimited) as http:
        response = await http.post("/graphql", json={"query": CARDS_OF_CARDS, "extensions": COST})
    assert response.json()["extensions"]["cost"] == {"estimated": 422201, "actual": 101593, "limit": 10**9}


async def test_the_cost_report_only_when_asked_and_never_from_the_response_cache(loaded_database_url: str) -> None:
    query = "{ topScorers(first: 10) { player { name } goals } }"
    async with api_client(Settings(database_url=loaded_database_url)) as http:
        plain = (await http.post("/graphql", json={"query": query})).json()
        asked = (await http.post("/graphql", json={"query": query, "extensions": COST})).json()
        again = (await http.get("/graphql", params={"query": query, "extensions": '{"cost": true}'})).json()
    assert "extensions" not in plain
    # 13 lines (ties included) of a line and its player: the scorer table's 81 lines bound the estimate.
    assert asked["extensions"]["cost"] == {"estimated": 162, "actual": 26, "limit": 50000}
    assert again["extensions"] == asked["extensions"] and again["data"] == plain["data"]
