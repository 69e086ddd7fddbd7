"""Connections: cursors, page-size caps, filters that combine, orderings, aggregates and group-bys."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import data, graphql


async def test_paging_forward_visits_every_match_once(client: httpx.AsyncClient) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = (
            await data(
                client,
                """query($after: String) { matches(first: 15, after: $after) {
            totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage endCursor } } }""",
                {"after": after},
            )
        )["matches"]
        assert page["totalCount"] == 41
        seen += [edge["node"]["id"] for edge in page["edges"]]
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == len(set(seen)) == 41


async def test_last_and_before_page_backwards(client: httpx.AsyncClient) -> None:
    everything = (await data(client, "{ matches(first: 41) { edges { cursor node { date } } } }"))["matches"]["edges"]
    tail = (await data(client, "{ matches(last: 2) { nodes { date round } pageInfo { hasPreviousPage } } }"))["matches"]
    assert tail["nodes"] == [{"date": "2024-06-19", "round": "SEMI_FINALS"}, {"date": "2024-09-29", "round": "FINAL"}]
    assert tail["pageInfo"]["hasPreviousPage"] is True
    before = everything[10]["cursor"]
    window = await data(
        client, "query($b: String) { matches(last: 3, before: $b) { edges { cursor } } }", {"b": before}
    )
    assert [e["cursor"] for e in window["matches"]["edges"]] == [e["cursor"] for e in everything[7:10]]


async def test_page_size_is_capped_with_a_clear_error(client: httpx.AsyncClient) -> None:
    body = await graphql(client, "{ matches(first: 1000000) { nodes { id } } }")
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "100" in error["message"]
    assert "data" not in body
    unsized = await graphql(client, "{ goals { totalCount nodes { id } } }")
    [error] = unsized["errors"]
    assert error["message"].startswith("Say how many `goals` to list: pass `first` (or `last`), at most 100.")
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "data" not in unsized


@pytest.mark.parametrize(
    ("query", "variables", "field", "value"),
    [
        ("query($n: Int) { matches(first: $n) { nodes { id } } }", {"n": 101}, "matches", 101),
        ("query($n: Int) { players(last: $n) { nodes { id } } }", {"n": -1}, "players", -1),
        ("query($n: Int!) { topScorers(first: $n) { goals } }", {"n": 500}, "topScorers", 500),
        ("{ season { topScorers(first: 101) { goals } } }", None, "topScorers", 101),
        ("query($n: Int = 200) { seasons(first: $n) { nodes { year } } }", None, "seasons", 200),
    ],
)
async def test_every_page_size_is_checked_once_before_anything_runs(
    client: httpx.AsyncClient, query: str, variables: dict[str, object] | None, field: str, value: int
) -> None:
    body = await graphql(client, query, variables)
    [error] = body["errors"]
    assert (
        error["message"]
        == f"`{'last' if 'last' in query else 'first'}` on `{field}` must be between 0 and 100, not {value}."
    )
    assert error["extensions"] == {
        "code": "BAD_USER_INPUT",
        "argument": "last" if "last" in query else "first",
        "maxPageSize": 100,
    }
    assert "data" not in body


async def test_match_filters_combine(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{
      aktobe: matches(filter: {club: "aktobe"}) { totalCount }
      semis: matches(filter: {rounds: [SEMI_FINALS]}) { totalCount }
      aktobeSemis: matches(filter: {club: "Aktobe", rounds: [SEMI_FINALS, FINAL]}) { totalCount }
      headToHead: matches(first: 100, filter: {club: "Atyrau", opponent: "Tobol"}) { nodes { date } }
      extraTime: matches(first: 100, filter: {extraTime: true}) { nodes { home { name } away { name } } }
      march: matches(filter: {dateFrom: "2024-03-15", dateTo: "2024-03-16"}) { totalCount }
      groupA: matches(filter: {group: "A"}) { totalCount }
    }""",
    )
    assert result["aktobe"]["totalCount"] == 5
    assert result["semis"]["totalCount"] == 4
    assert result["aktobeSemis"]["totalCount"] == 3
    assert result["headToHead"]["nodes"] == [{"date": "2024-05-29"}, {"date": "2024-06-19"}]
    assert result["extraTime"]["nodes"] == [
        {"home": {"name": "Taraz"}, "away": {"name": "Jas Qyran"}},
        {"home": {"name": "Ordabasy"}, "away": {"name": "Aktobe"}},
    ]
    assert result["march"]["totalCount"] == 7
    assert result["groupA"]["totalCount"] == 6


async def test_goal_filters_and_ordering(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{
      late: goals(first: 100, filter: {minuteFrom: 91}, orderBy: {field: MINUTE, direction: DESC}) { nodes { minute club { name } } }
      penalties: goals(filter: {penalty: true}) { totalCount }
      inferred: goals(first: 100, filter: {attribution: [INFERRED], club: "Aksu"}) { nodes { minute scorer { name } } }
      belarusians: goals(filter: {nationality: "blr"}) { totalCount }
      messaoudi: goals(first: 100, filter: {scorerNameContains: "messaoudi"}) { nodes { minute } }
      againstTobol: goals(filter: {opponent: "Tobol"}) { totalCount }
      unknownMinute: goals(filter: {minuteKnown: false}) { totalCount }
    }""",
    )
    assert result["late"]["nodes"] == [
        {"minute": 117, "club": {"name": "Aktobe"}},  # equal minutes: the later match first, as asked
        {"minute": 117, "club": {"name": "Taraz"}},
        {"minute": 91, "club": {"name": "Ordabasy"}},
    ]
    assert result["penalties"]["totalCount"] == 4
    assert result["inferred"]["nodes"] == [{"minute": m, "scorer": {"name": "Aslanbek Kakimov"}} for m in (2, 21, 46)]
    assert result["belarusians"]["totalCount"] == 7  # Signevich 3; Bessmertny, Stasevich, Stepanov, Korzun 1
    assert result["messaoudi"]["nodes"] == [{"minute": 27}, {"minute": 84}, {"minute": 40}]
    assert result["againstTobol"]["totalCount"] == 4
    assert result["unknownMinute"]["totalCount"] == 12


async def test_group_bys_are_the_analysts_group_by(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{
      goals { byBucket: groupBy(key: MINUTE_BUCKET) { key count } byRound: groupBy(key: ROUND) { key count }
              byClub: groupBy(key: CLUB) { key count } aggregate { count penalties withKnownMinute withKnownScorer } }
      matches { byRound: groupBy(key: ROUND) { key count goals } byResult: groupBy(key: RESULT) { key count }
                aggregate { count goals averageGoals extraTimeMatches } }
      clubs { groupBy(key: LEAGUE) { key count } }
      cards { totalCount groupBy(key: KIND) { key count } }
      players(filter: {inScorerTable: true}) { totalCount groupBy(key: NATIONALITY) { key count } }
    }""",
    )
    goals = result["goals"]
    assert goals["byBucket"] == [
        {"key": "1-15", "count": 10},
        {"key": "16-30", "count": 13},
        {"key": "31-45", "count": 20},
        {"key": "46-60", "count": 16},
        {"key": "61-75", "count": 10},
        {"key": "76-90", "count": 14},
        {"key": "91-105", "count": 1},
        {"key": "106-120", "count": 2},
        {"key": None, "count": 12},
    ]
    assert goals["byRound"][0] == {"key": "GROUP_STAGE", "count": 49}
    assert {"key": "Atyrau", "count": 14} in goals["byClub"]
    assert goals["aggregate"] == {"count": 98, "penalties": 4, "withKnownMinute": 86, "withKnownScorer": 48}
    assert result["matches"]["byRound"] == [
        {"key": "GROUP_STAGE", "count": 21, "goals": 49},
        {"key": "PLAY_OFF", "count": 3, "goals": 5},
        {"key": "ROUND_OF_16", "count": 8, "goals": 22},
        {"key": "QUARTER_FINALS", "count": 4, "goals": 9},
        {"key": "SEMI_FINALS", "count": 4, "goals": 10},
        {"key": "FINAL", "count": 1, "goals": 3},
    ]
    assert result["matches"]["byResult"] == [
        {"key": "AWAY_WIN", "count": 13},
        {"key": "DRAW", "count": 6},
        {"key": "HOME_WIN", "count": 22},
    ]
    assert result["matches"]["aggregate"] == {"count": 41, "goals": 98, "averageGoals": 2.39, "extraTimeMatches": 2}
    assert result["clubs"]["groupBy"] == [{"key": "PREMIER_LEAGUE", "count": 13}, {"key": None, "count": 19}]
    assert result["cards"]["groupBy"] == [{"key": "UNKNOWN", "count": result["cards"]["totalCount"]}]
    players = result["players"]
    assert players["totalCount"] == 81
    assert sum(b["count"] for b in players["groupBy"]) == 81


async def test_players_and_clubs_filter_and_order(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{
      top: players(orderBy: {field: GOALS, direction: DESC}, first: 3) { nodes { name } }
      aktobe: players(filter: {club: "aktobe", inScorerTable: true}) { totalCount }
      named: players(first: 100, filter: {nameContains: "novak"}) { nodes { name club { name } } }
      groupF: clubs(first: 100, filter: {group: "F"}) { nodes { name } }
      premier: clubs(filter: {league: PREMIER_LEAGUE}, orderBy: {field: NAME, direction: DESC}, first: 2) { nodes { name } }
    }""",
    )
    assert [p["name"] for p in result["top"]["nodes"]] == [
        "Ahmed El Messaoudi",
        "Aslanbek Kakimov",
        "Nikolay Signevich",
    ]
    assert result["aktobe"]["totalCount"] == 6
    assert result["named"]["nodes"] == [{"name": "Jakob Novak", "club": {"name": "Atyrau"}}]
    assert result["groupF"]["nodes"] == [{"name": "Aksu"}, {"name": "Kyran"}, {"name": "Zhetisay"}]
    assert result["premier"]["nodes"] == [{"name": "Zhetysu"}, {"name": "Zhenis"}]


async def test_every_group_key_of_every_connection_answers(client: httpx.AsyncClient) -> None:
    keys = {
        "matches": ["ROUND", "GROUP", "RESULT", "DATE", "EXTRA_TIME", "TOTAL_GOALS"],
        "goals": ["ROUND", "CLUB", "SCORER", "MINUTE_BUCKET", "ATTRIBUTION", "PENALTY", "NATIONALITY"],
        "cards": ["ROUND", "CLUB", "KIND"],
        "players": ["CLUB", "NATIONALITY"],
        "clubs": ["LEAGUE", "GROUP", "ENTRY_ROUND"],
    }
    fields = " ".join(
        f"{connection}_{key}: {connection} {{ totalCount groupBy(key: {key}) {{ key count }} }}"
        for connection, names in keys.items()
        for key in names
    )
    result = await data(client, "{ " + fields + " }")
    for alias, connection in result.items():
        assert sum(bucket["count"] for bucket in connection["groupBy"]) == connection["totalCount"], alias
    assert result["goals_ATTRIBUTION"]["groupBy"] == [
        {"key": "STATED", "count": 35},
        {"key": "INFERRED", "count": 13},
        {"key": "UNKNOWN", "count": 50},
    ]
    assert result["matches_EXTRA_TIME"]["groupBy"] == [
        {"key": "false", "count": 38},
        {"key": "true", "count": 2},
        {"key": None, "count": 1},
    ]


async def test_names_sort_and_match_ignoring_case_and_accents_on_every_database(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{
      first: clubs(first: 3) { nodes { name } }
      last: players(last: 1) { nodes { name } }
      gondola: players(first: 100, filter: {nameContains: "gondola"}) { nodes { name } }
      elder: goals(first: 100, filter: {scorerNameContains: "ÉLDER"}) { nodes { minute } }
    }""",
    )
    assert [c["name"] for c in result["first"]["nodes"]] == ["Akademia Ontustik", "AKAS", "Aksu"]
    assert result["last"]["nodes"] == [{"name": "Zhavlanbek Babanazarov"}]
    assert result["gondola"]["nodes"] == [{"name": "Freddy Góndola"}]
    assert result["elder"]["nodes"] == [{"minute": 29}]


async def test_cards_can_be_ordered(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{
      latest: cards(first: 1, orderBy: {field: ROUND, direction: DESC}) { nodes { match { round } } }
      earliest: cards(first: 1) { nodes { match { date } } }
    }""",
    )
    assert result["latest"]["nodes"] == [{"match": {"round": "FINAL"}}]
    assert result["earliest"]["nodes"] == [{"match": {"date": "2024-03-11"}}]
