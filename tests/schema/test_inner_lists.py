"""Lists inside objects take the connections' filter and orderBy, and stay batched: one statement per distinct
filter and order however many parents ask."""

from __future__ import annotations

import httpx

from tests.conftest import data, graphql


async def test_a_clubs_lists_filter_and_order(client: httpx.AsyncClient) -> None:
    club = (
        await data(
            client,
            """{ club(name: "aktobe") {
          late: goals(filter: {minuteFrom: 80}, orderBy: {field: MINUTE, direction: DESC}) {
            minute scorer { name } match { round } }
          lastTwoRounds: matches(filter: {rounds: [SEMI_FINALS, FINAL]}) {
            round home { name } homeScore awayScore away { name } }
          players(filter: {nameContains: "rom"}) { name }
          allMatches: matches { round }
        } }""",
        )
    )["club"]
    assert club["late"] == [
        {"minute": 117, "scorer": {"name": "Jayro Jean"}, "match": {"round": "QUARTER_FINALS"}},
        {"minute": 90, "scorer": {"name": "Freddy Góndola"}, "match": {"round": "FINAL"}},
        {"minute": 89, "scorer": {"name": "Alibek Kasym"}, "match": {"round": "FINAL"}},
    ]
    assert club["lastTwoRounds"] == [
        {
            "round": "SEMI_FINALS",
            "home": {"name": "Aktobe"},
            "homeScore": 2,
            "awayScore": 0,
            "away": {"name": "Elimai"},
        },
        {
            "round": "SEMI_FINALS",
            "home": {"name": "Elimai"},
            "homeScore": 2,
            "awayScore": 1,
            "away": {"name": "Aktobe"},
        },
        {"round": "FINAL", "home": {"name": "Atyrau"}, "homeScore": 1, "awayScore": 2, "away": {"name": "Aktobe"}},
    ]
    assert club["players"] == [{"name": "Dorny Romero"}]
    assert len(club["allMatches"]) == 5  # without arguments the list is whole, as before


async def test_a_matchs_and_a_players_lists_filter(client: httpx.AsyncClient) -> None:
    final = (
        await data(
            client,
            """{ matches(first: 1, filter: {rounds: [FINAL]}) { nodes {
              goals(filter: {club: "Aktobe"}, orderBy: {field: MINUTE, direction: DESC}) { minute } } } }""",
        )
    )["matches"]["nodes"][0]
    assert [goal["minute"] for goal in final["goals"]] == [90, 89]
    scorer = await data(client, '{ player(name: "Jayro Jean") { goals(filter: {minuteFrom: 91}) { minute } } }')
    assert scorer["player"]["goals"] == [{"minute": 117}]


async def test_filtered_inner_lists_are_batched_across_parents(client: httpx.AsyncClient) -> None:
    def query(clubs: int) -> str:
        return f"{{ clubs(first: {clubs}) {{ nodes {{ goals(filter: {{penalty: true}}) {{ minute }} }} }} }}"

    few, many = await graphql(client, query(2)), await graphql(client, query(32))
    assert few["extensions"]["sql"]["statements"] == many["extensions"]["sql"]["statements"]
    penalties = [goal for club in many["data"]["clubs"]["nodes"] for goal in club["goals"]]
    total = await data(client, "{ goals(filter: {penalty: true}) { totalCount } }")
    assert len(penalties) == total["goals"]["totalCount"]


async def test_bad_filter_input_in_an_inner_list_is_a_clear_error(client: httpx.AsyncClient) -> None:
    body = await graphql(client, '{ club(name: "aktobe") { goals(filter: {opponent: "Nowhere FC"}) { minute } } }')
    [error] = body["errors"]
    assert error["extensions"]["code"] in {"NOT_FOUND", "BAD_USER_INPUT"}
    assert "Nowhere FC" in error["message"]
