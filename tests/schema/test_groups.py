"""Aggregates by several keys at once, with sums, over the filtered list."""

from __future__ import annotations

import httpx

from tests.conftest import data, graphql


async def test_matches_by_round_and_result_with_goal_sums(client: httpx.AsyncClient) -> None:
    groups = (
        await data(client, "{ matches { groups(by: [ROUND, RESULT]) { keys count goals homeGoals awayGoals } } }")
    )["matches"]["groups"]
    assert sum(g["count"] for g in groups) == 41
    assert sum(g["goals"] for g in groups) == 98
    assert all(g["goals"] == g["homeGoals"] + g["awayGoals"] for g in groups)
    assert groups[0]["keys"] == ["GROUP_STAGE", "AWAY_WIN"]  # rounds in playing order, then results
    assert groups[-1] == {"keys": ["FINAL", "AWAY_WIN"], "count": 1, "goals": 3, "homeGoals": 1, "awayGoals": 2}


async def test_a_clubs_goals_by_round_and_scorer(client: httpx.AsyncClient) -> None:
    groups = (
        await data(
            client, '{ goals(filter: {club: "Aktobe"}) { groups(by: [ROUND, SCORER]) { keys count penalties } } }'
        )
    )["goals"]["groups"]
    assert {"keys": ["FINAL", "Alibek Kasym"], "count": 1, "penalties": 1} in groups
    assert {"keys": ["SEMI_FINALS", "Maksim Samorodov"], "count": 2, "penalties": 0} in groups
    assert sum(g["count"] for g in groups) == 8


async def test_keys_are_one_to_three_and_distinct(client: httpx.AsyncClient) -> None:
    body = await graphql(client, "{ goals { groups(by: [ROUND, ROUND]) { count } } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert body["errors"][0]["message"] == "`by` takes 1 to 3 different keys, got 2."
