"""No N+1: the SQL statements a request runs are bounded by the query's depth, not by how many rows it returns.

The counts come from `extensions.sql.statements`, which the server reports with CUPQL_DEBUG_SQL=1.
"""

from __future__ import annotations

import httpx

from tests.conftest import graphql

CUP_RUN_FIELDS = """
  name
  cupRun { steps { round opponent { name } goalsFor goalsAgainst result
                   match { goals { minute scorer { name } attribution } cards { kind player { name } } } } }
  scorers { player { name } goals }
"""

ALL_MATCHES = """{ matches(first: 100) { totalCount nodes {
  date round home { name } away { name } homeScore awayScore tie { winner { name } }
  goals { minute club { name } scorer { name nationality club { name } } }
  cards { kind club { name } player { name } }
} } }"""


async def statements(client: httpx.AsyncClient, query: str) -> int:
    body = await graphql(client, query)
    assert "errors" not in body, body["errors"]
    return int(body["extensions"]["sql"]["statements"])


async def test_one_clubs_cup_run_costs_the_same_statements_as_all_32(client: httpx.AsyncClient) -> None:
    one = await statements(client, "{ clubs(first: 1) { nodes {" + CUP_RUN_FIELDS + "} } }")
    every = await statements(client, "{ clubs(first: 50) { totalCount nodes {" + CUP_RUN_FIELDS + "} } }")
    by_name = await statements(client, '{ club(name: "aktobe") {' + CUP_RUN_FIELDS + "} }")
    # All 32 clubs never cost more than one: with every club on the page, opponents are already loaded.
    assert by_name <= one
    assert every <= one + 1  # + totalCount's COUNT(*)
    assert one <= 11


async def test_all_matches_with_goals_scorers_cards_and_clubs_are_a_handful_of_statements(
    client: httpx.AsyncClient,
) -> None:
    few = await statements(client, ALL_MATCHES.replace("first: 100", "first: 3"))
    every = await statements(client, ALL_MATCHES)
    assert few <= every <= 9


async def test_every_club_in_every_season_is_one_statement_more_than_one_club(client: httpx.AsyncClient) -> None:
    fields = "name allSeasons { name season { year } } winner: cupRun { isWinner }"
    one = await statements(client, "{ clubs(first: 1) { nodes { " + fields + " } } }")
    every = await statements(client, "{ clubs(first: 50) { nodes { " + fields + " } } }")
    assert every == one
