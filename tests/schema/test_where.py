"""`where` on every connection: comparisons, in, isNull and and/or/not, combined with `filter`, counted by totals."""

from __future__ import annotations

import httpx

from tests.conftest import data, graphql


async def test_is_null_finds_the_match_whose_extra_time_is_unknown(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{ unknown: matches(first: 5, where: {extraTime: {isNull: true}}) {
               totalCount nodes { round home { name } away { name } homeScore awayScore } }
             filterNull: matches(filter: {extraTime: null}) { totalCount } }""",
    )
    assert result["unknown"] == {
        "totalCount": 1,
        "nodes": [
            {
                "round": "PLAY_OFF",
                "home": {"name": "SD Family"},
                "away": {"name": "Zhetisay"},
                "homeScore": 2,
                "awayScore": 1,
            }
        ],
    }
    assert result["filterNull"]["totalCount"] == 41  # `filter` treats null as "no condition"; `where` can ask


async def test_comparisons_in_and_or_not(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{
      late: goals(first: 10, where: {minute: {gte: 91}}, orderBy: {field: MINUTE}) { nodes { minute club { name } } }
      edges: goals(where: {or: [{minute: {lt: 5}}, {minute: {gt: 115}}], not: {penalty: {eq: true}}}) { totalCount }
      summer: matches(first: 5, where: {date: {gte: "2024-06-01"}, round: {in: [SEMI_FINALS, FINAL]}}) { nodes { date } }
      notGroups: matches(where: {round: {notIn: [GROUP_STAGE]}}) { totalCount }
      groups: matches(where: {round: {eq: GROUP_STAGE}}) { totalCount }
      bigWins: matches(where: {goals: {gte: 5}}) { totalCount }
      threeOrMore: players(first: 5, where: {goalCount: {gte: 3}}) { nodes { name } }
      gondola: goals(first: 5, where: {scorerName: {includes: "GONDOLA"}}) { nodes { minute } }
      premier: clubs(where: {league: {eq: PREMIER_LEAGUE}}) { totalCount }
      knownLeague: clubs(where: {not: {league: {isNull: true}}}) { totalCount }
      red: cards(where: {kind: {ne: YELLOW}}) { totalCount }
    }""",
    )
    assert [(g["minute"], g["club"]["name"]) for g in result["late"]["nodes"]] == [
        (91, "Ordabasy"),
        (117, "Taraz"),
        (117, "Aktobe"),
    ]
    assert result["summer"]["nodes"] == [{"date": "2024-06-19"}, {"date": "2024-06-19"}, {"date": "2024-09-29"}]
    assert result["notGroups"]["totalCount"] + result["groups"]["totalCount"] == 41
    assert sorted(p["name"] for p in result["threeOrMore"]["nodes"]) == [
        "Ahmed El Messaoudi",
        "Aslanbek Kakimov",
        "Nikolay Signevich",
    ]
    assert result["gondola"]["nodes"] == [{"minute": 90}]
    assert result["premier"]["totalCount"] <= result["knownLeague"]["totalCount"] <= 32


async def test_where_combines_with_filter_and_narrows_totals_and_groups(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{ goals(filter: {club: "Aktobe"}, where: {minute: {gte: 80}}) {
               totalCount aggregate { count } groupBy(key: ROUND) { key count } } }""",
    )
    assert result["goals"]["totalCount"] == result["goals"]["aggregate"]["count"] == 3
    assert result["goals"]["groupBy"] == [{"key": "QUARTER_FINALS", "count": 1}, {"key": "FINAL", "count": 2}]


async def test_huge_in_lists_are_refused(client: httpx.AsyncClient) -> None:
    body = await graphql(
        client, "query($m: [Int!]) { goals(where: {minute: {in: $m}}) { totalCount } }", {"m": list(range(1001))}
    )
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"] == "`in` takes at most 1000 values, got 1001."
