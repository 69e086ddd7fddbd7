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


async def test_which_round_had_the_most_goals_in_one_query(client: httpx.AsyncClient) -> None:
    top = await data(
        client,
        "{ matches { groupBy(key: ROUND, orderBy: {by: SUM, measure: GOALS, direction: DESC}, first: 1)"
        " { key count sum { goals } } } }",
    )
    assert top["matches"]["groupBy"] == [{"key": "GROUP_STAGE", "count": 21, "sum": {"goals": 49}}]


async def test_average_goals_per_match_by_round(client: httpx.AsyncClient) -> None:
    rounds = (
        await data(
            client, "{ matches { groupBy(key: ROUND) { key count goals avg { goals } min { goals } max { goals } } } }"
        )
    )["matches"]["groupBy"]
    assert [(r["key"], r["avg"]["goals"]) for r in rounds] == [
        ("GROUP_STAGE", 2.33),
        ("PLAY_OFF", 1.67),
        ("ROUND_OF_16", 2.75),
        ("QUARTER_FINALS", 2.25),
        ("SEMI_FINALS", 2.5),
        ("FINAL", 3.0),
    ]
    assert all(r["avg"]["goals"] == round(r["goals"] / r["count"], 2) for r in rounds)
    assert (rounds[0]["min"]["goals"], rounds[0]["max"]["goals"]) == (0, 7)


async def test_cards_per_club_most_first_level_clubs_by_name(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        "{ cards { totalCount groupBy(key: CLUB, orderBy: {by: COUNT, direction: DESC}) { key count } } }",
    )
    clubs = result["cards"]["groupBy"]
    assert clubs[:4] == [
        {"key": "Aktobe", "count": 14},
        {"key": "Atyrau", "count": 12},
        {"key": "Irtysh Pavlodar", "count": 11},
        {"key": "SD Family", "count": 11},
    ]
    assert sum(c["count"] for c in clubs) == result["cards"]["totalCount"]


async def test_the_unknown_scorer_is_labelled_and_sorts_last_by_key_or_where_ordered(
    client: httpx.AsyncClient,
) -> None:
    result = await data(
        client,
        """{ byName: goals { groupBy(key: SCORER) { key label count } }
             most: goals { groupBy(key: SCORER, orderBy: {by: COUNT, direction: DESC}, first: 2) { key label count } }
             latest: goals { groupBy(key: SCORER, orderBy: {direction: DESC}, first: 1) { label } } }""",
    )
    by_name = result["byName"]["groupBy"]
    assert by_name[-1] == {"key": None, "label": "unknown", "count": 50}
    labels = [group["label"] for group in by_name]
    assert labels[0] == "Ahmed El Messaoudi" and labels[-2] == "Yevhen Makarenko"
    assert labels.index("Dorny Romero") + 1 == labels.index("Élder Santana")  # by name as it reads, accents aside
    assert result["most"]["groupBy"] == [
        {"key": None, "label": "unknown", "count": 50},
        {"key": "Ahmed El Messaoudi", "label": "Ahmed El Messaoudi", "count": 3},
    ]
    assert result["latest"]["groupBy"] == [{"label": "Yevhen Makarenko"}]  # unknown stays last in either direction


async def test_groups_of_clubs_and_players(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{ clubs { groups(by: [LEAGUE, ENTRY_ROUND]) { labels count } }
             players { groupBy(key: NATIONALITY, orderBy: {by: SUM, measure: GOALS, direction: DESC}, first: 2)
                       { key count sum { goals } max { goals } } } }""",
    )
    assert result["clubs"]["groups"] == [
        {"labels": ["PREMIER_LEAGUE", "ROUND_OF_16"], "count": 13},
        {"labels": ["unknown", "GROUP_STAGE"], "count": 19},
    ]
    assert result["players"]["groupBy"] == [
        {"key": "KAZ", "count": 60, "sum": {"goals": 68}, "max": {"goals": 3}},
        {"key": "BLR", "count": 5, "sum": {"goals": 7}, "max": {"goals": 3}},
    ]


async def test_a_group_by_is_one_statement_whatever_its_order(client: httpx.AsyncClient) -> None:
    plain = await graphql(client, "{ matches { groupBy(key: ROUND) { key count } } }")
    ordered = await graphql(
        client,
        "{ matches { groupBy(key: ROUND, orderBy: {by: AVG, measure: GOALS, direction: DESC}, first: 2)"
        " { key avg { goals } } } }",
    )
    assert plain["extensions"]["sql"]["statements"] == ordered["extensions"]["sql"]["statements"]
    assert [g["key"] for g in ordered["data"]["matches"]["groupBy"]] == ["FINAL", "ROUND_OF_16"]


async def test_an_aggregate_order_needs_a_measure(client: httpx.AsyncClient) -> None:
    body = await graphql(client, "{ goals { groupBy(key: ROUND, orderBy: {by: SUM}) { key } } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "needs a `measure`" in body["errors"][0]["message"]
