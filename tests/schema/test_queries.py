"""The contract fields of the schema, with values from the 2024 article, on SQLite and PostgreSQL."""

from __future__ import annotations

import httpx

from tests.conftest import data, graphql

CUP_RUN = """
{ club(name: "aktobe") {
    name slug league entryRound
    cupRun {
      steps { round leg opponent { name } venue goalsFor goalsAgainst result
              match { goals { minute scorer { name } attribution } } }
      furthestRound eliminatedIn eliminatedBy { name } isWinner played won drawn lost goalsFor goalsAgainst
    }
    scorers { player { name } goals }
} }
"""


async def test_aktobes_whole_cup_run_with_its_scorers_in_one_request(client: httpx.AsyncClient) -> None:
    club = (await data(client, CUP_RUN))["club"]
    assert (club["name"], club["slug"], club["league"], club["entryRound"]) == (
        "Aktobe",
        "aktobe",
        "PREMIER_LEAGUE",
        "ROUND_OF_16",
    )
    run = club["cupRun"]
    assert [
        (s["round"], s["leg"], s["opponent"]["name"], s["venue"], s["goalsFor"], s["goalsAgainst"], s["result"])
        for s in run["steps"]
    ] == [
        ("ROUND_OF_16", None, "Zhetysu", "HOME", 1, 0, "WIN"),
        ("QUARTER_FINALS", None, "Ordabasy", "AWAY", 2, 1, "WIN"),
        ("SEMI_FINALS", 1, "Elimai", "HOME", 2, 0, "WIN"),
        ("SEMI_FINALS", 2, "Elimai", "AWAY", 1, 2, "LOSS"),
        ("FINAL", None, "Atyrau", "AWAY", 2, 1, "WIN"),
    ]
    assert {k: run[k] for k in ("played", "won", "drawn", "lost", "goalsFor", "goalsAgainst")} == {
        "played": 5,
        "won": 4,
        "drawn": 0,
        "lost": 1,
        "goalsFor": 8,
        "goalsAgainst": 4,
    }
    assert (run["furthestRound"], run["eliminatedIn"], run["eliminatedBy"], run["isWinner"]) == (
        "FINAL",
        None,
        None,
        True,
    )
    quarter_final_goals = run["steps"][1]["match"]["goals"]
    assert quarter_final_goals == [
        {"minute": 91, "scorer": {"name": "Yevhen Makarenko"}, "attribution": "STATED"},
        {"minute": 117, "scorer": {"name": "Jayro Jean"}, "attribution": "STATED"},
        {"minute": None, "scorer": {"name": "Dorny Romero"}, "attribution": "INFERRED"},
    ]
    assert club["scorers"][:2] == [
        {"player": {"name": "Dorny Romero"}, "goals": 2},
        {"player": {"name": "Maksim Samorodov"}, "goals": 2},
    ]
    assert sum(s["goals"] for s in club["scorers"]) == 8


async def test_eliminated_clubs_know_when_and_by_whom(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{
      tobol: club(name: "Tobol") { cupRun { eliminatedIn eliminatedBy { name } furthestRound } }
      atyrau: club(name: "ATYRAU") { cupRun { eliminatedIn eliminatedBy { name } isWinner } }
      aksu: club(name: "aksu") { group { name } cupRun { eliminatedIn eliminatedBy { name } played } }
    }""",
    )
    assert result["tobol"]["cupRun"] == {
        "eliminatedIn": "SEMI_FINALS",
        "eliminatedBy": {"name": "Atyrau"},
        "furthestRound": "SEMI_FINALS",
    }
    assert result["atyrau"]["cupRun"] == {
        "eliminatedIn": "FINAL",
        "eliminatedBy": {"name": "Aktobe"},
        "isWinner": False,
    }
    assert result["aksu"] == {
        "group": {"name": "F"},
        "cupRun": {"eliminatedIn": "GROUP_STAGE", "eliminatedBy": None, "played": 2},
    }


async def test_the_season_and_its_data_quality(client: httpx.AsyncClient) -> None:
    season = (
        await data(
            client,
            """{ season(year: 2024) {
        year name edition sponsorName startDate endDate defendingChampion { name } defendingChampionName winner { name }
        runnerUp { name } clubCount matchCount goalCount averageGoalsPerMatch
        dataQuality { statedMatches statedGoals attributions { stated inferred unknown }
                      disagreements { line code message } }
    } }""",
        )
    )["season"]
    assert {k: v for k, v in season.items() if k != "dataQuality"} == {
        "year": 2024,
        "name": "2024 Kazakhstan Cup",
        "edition": 32,
        "sponsorName": "Fonbet Kazakhstan Cup",
        "startDate": "2024-03-11",
        "endDate": "2024-09-29",
        "defendingChampion": {"name": "Tobol"},
        "defendingChampionName": "Tobol",
        "winner": {"name": "Aktobe"},
        "runnerUp": {"name": "Atyrau"},
        "clubCount": 32,
        "matchCount": 41,
        "goalCount": 98,
        "averageGoalsPerMatch": 2.39,
    }
    quality = season["dataQuality"]
    assert (quality["statedMatches"], quality["statedGoals"]) == (41, 98)
    assert quality["attributions"] == {"stated": 35, "inferred": 13, "unknown": 50}
    assert [(d["line"], d["code"]) for d in quality["disagreements"]] == [
        (15, "INFOBOX_UPDATED"),
        (31, "FORMAT_TABLE"),
        (270, "SCORER_TABLE_TOTAL"),
        (328, "SCORER_TABLE_CLUB"),
    ]
    assert "sums to 97 while the scores sum to 98" in quality["disagreements"][2]["message"]


async def test_the_final_and_its_goals(client: httpx.AsyncClient) -> None:
    final = await data(
        client,
        """{ matches(first: 100, filter: {rounds: [FINAL]}) { nodes {
        date home { name } away { name } homeScore awayScore extraTime winner { name } tie { aggregate }
        goals { minute penalty scorer { name } club { name } } cards { player { name } kind } } } }""",
    )
    [match] = final["matches"]["nodes"]
    assert (match["date"], match["home"]["name"], match["homeScore"], match["awayScore"], match["away"]["name"]) == (
        "2024-09-29",
        "Atyrau",
        1,
        2,
        "Aktobe",
    )
    assert (match["extraTime"], match["winner"], match["tie"]) == (False, {"name": "Aktobe"}, {"aggregate": "1-2"})
    assert [(g["minute"], g["penalty"], g["scorer"]["name"], g["club"]["name"]) for g in match["goals"]] == [
        (24, False, "Nikolay Signevich", "Atyrau"),
        (89, True, "Alibek Kasym", "Aktobe"),
        (90, False, "Freddy Góndola", "Aktobe"),
    ]
    assert {c["kind"] for c in match["cards"]} == {"UNKNOWN"}
    assert len(match["cards"]) == 5


async def test_semi_final_ties_have_two_legs_and_an_aggregate(client: httpx.AsyncClient) -> None:
    ties = (
        await data(
            client,
            """{ ties(round: SEMI_FINALS) {
        round home { name } away { name } homeAggregate awayAggregate winner { name } loser { name }
        legs { leg date homeScore awayScore home { name } } } }""",
        )
    )["ties"]
    by_home = {t["home"]["name"]: t for t in ties}
    tobol = by_home["Tobol"]
    assert (tobol["away"]["name"], tobol["homeAggregate"], tobol["awayAggregate"]) == ("Atyrau", 1, 4)
    assert (tobol["winner"]["name"], tobol["loser"]["name"]) == ("Atyrau", "Tobol")
    assert [
        (leg["leg"], leg["date"], leg["home"]["name"], leg["homeScore"], leg["awayScore"]) for leg in tobol["legs"]
    ] == [
        (1, "2024-05-29", "Tobol", 1, 0),
        (2, "2024-06-19", "Atyrau", 4, 0),
    ]
    assert (by_home["Aktobe"]["homeAggregate"], by_home["Aktobe"]["awayAggregate"]) == (3, 2)
    every = (await data(client, "{ ties { round } }"))["ties"]
    assert len(every) == 3 + 8 + 4 + 2 + 1


async def test_group_tables_and_winners(client: httpx.AsyncClient) -> None:
    groups = await data(
        client,
        """{ groups { name clubs { name } matches { date }
        standings { position club { name } played won drawn lost goalsFor goalsAgainst goalDifference points } } }""",
    )
    tables = {g["name"]: g for g in groups["groups"]}
    assert sorted(tables) == ["A", "B", "C", "D", "E", "F"]
    assert {name: g["standings"][0]["club"]["name"] for name, g in tables.items()} == {
        "A": "Irtysh Pavlodar",
        "B": "Akademia Ontustik",
        "C": "Taraz",
        "D": "Jas Qyran",
        "E": "SD Family",
        "F": "Zhetisay",
    }
    assert tables["A"]["standings"][0] == {
        "position": 1,
        "club": {"name": "Irtysh Pavlodar"},
        "played": 3,
        "won": 2,
        "drawn": 1,
        "lost": 0,
        "goalsFor": 3,
        "goalsAgainst": 1,
        "goalDifference": 2,
        "points": 7,
    }
    assert [c["name"] for c in tables["A"]["clubs"]] == ["AKAS", "Irtysh Pavlodar", "Khan-Tengri", "Okzhetpes"]
    assert len(tables["A"]["matches"]) == 6


async def test_three_top_scorers_with_three_goals(client: httpx.AsyncClient) -> None:
    top = await data(client, "{ topScorers(first: 3) { player { name nationality } club { name } goals } }")
    assert top["topScorers"] == [
        {"player": {"name": "Ahmed El Messaoudi", "nationality": "MAR"}, "club": {"name": "Tobol"}, "goals": 3},
        {"player": {"name": "Aslanbek Kakimov", "nationality": "KAZ"}, "club": {"name": "Aksu"}, "goals": 3},
        {"player": {"name": "Nikolay Signevich", "nationality": "BLR"}, "club": {"name": "Atyrau"}, "goals": 3},
    ]


async def test_top_scorers_never_cut_a_tie(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        "{ ten: topScorers(first: 10) { player { name } goals } four: topScorers(first: 4) { goals }"
        " season { topScorers { goals } } }",
    )
    # Three players have 3 goals and ten have 2: the tenth line shares 4th place with nine others, all listed.
    ten = result["ten"]
    assert [line["goals"] for line in ten] == [3] * 3 + [2] * 10
    assert ten[-1] == {"player": {"name": "Serizhan Abzhal"}, "goals": 2}
    assert len(result["four"]) == 13
    assert [line["goals"] for line in result["season"]["topScorers"]] == [3] * 3 + [2] * 10


async def test_rounds_carry_the_articles_schedule(client: httpx.AsyncClient) -> None:
    rounds = await data(
        client,
        "{ rounds { id round name clubsRemaining clubsInvolved firstMatchDate scheduledFirstMatchDate twoLegged"
        " matches { id } } }",
    )
    assert [(r["round"], r["clubsRemaining"], r["clubsInvolved"], len(r["matches"])) for r in rounds["rounds"]] == [
        ("GROUP_STAGE", 32, 19, 21),
        ("PLAY_OFF", 19, 6, 3),
        ("ROUND_OF_16", 16, 16, 8),
        ("QUARTER_FINALS", 8, 8, 4),
        ("SEMI_FINALS", 4, 4, 4),
        ("FINAL", 2, 2, 1),
    ]
    semi = rounds["rounds"][4]
    # The format table gives the second legs' date; the first legs were played on 29 May.
    assert (semi["name"], semi["firstMatchDate"], semi["scheduledFirstMatchDate"], semi["twoLegged"]) == (
        "Semi-finals",
        "2024-05-29",
        "2024-06-19",
        True,
    )
    again = await data(client, "query($id: ID!) { node(id: $id) { ... on RoundInfo { name } } }", {"id": semi["id"]})
    assert again == {"node": {"name": "Semi-finals"}}


async def test_short_names_are_one_player_with_the_tables_full_name(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{
      romero: player(name: "Romero") { name nationality club { name } goalCount goals { minute attribution } }
      santana: player(name: "élder santana") { name goals { minute attribution } }
      kenesov: player(name: "Kenesov") { name nationality goalCount cards { kind } }
    }""",
    )
    assert result["romero"] == {
        "name": "Dorny Romero",
        "nationality": "DOM",
        "club": {"name": "Aktobe"},
        "goalCount": 2,
        "goals": [{"minute": None, "attribution": "INFERRED"}, {"minute": 25, "attribution": "STATED"}],
    }
    assert result["santana"] == {"name": "Élder Santana", "goals": [{"minute": 29, "attribution": "STATED"}]}
    assert result["kenesov"] == {
        "name": "Kenesov",
        "nationality": None,
        "goalCount": None,
        "cards": [{"kind": "UNKNOWN"}],
    }


async def test_node_fetches_any_object_again_by_its_global_id(client: httpx.AsyncClient) -> None:
    first = await data(client, """{ club(name: "Aktobe") { id matches { id goals { id scorer { id } } } } }""")
    club = first["club"]
    goal = club["matches"][0]["goals"][0]
    again = await data(
        client,
        """query($ids: [ID!]!) { nodes(ids: $ids) {
        id ... on Club { name } ... on Match { homeScore } ... on Goal { minute } ... on Player { name } } }""",
        {"ids": [club["id"], club["matches"][0]["id"], goal["id"], goal["scorer"]["id"], "bm9wZQ"]},
    )
    assert again["nodes"] == [
        {"id": club["id"], "name": "Aktobe"},
        {"id": club["matches"][0]["id"], "homeScore": 1},
        {"id": goal["id"], "minute": 44},
        {"id": goal["scorer"]["id"], "name": "Dmitry Bessmertny"},
        None,
    ]


async def test_similar_names_stay_different_clubs(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{
      a: club(name: "Zhetysu") { entryRound } b: club(name: "Zhetisay") { entryRound }
      c: club(name: "Kyran") { group { name } } d: club(name: "Jas Qyran") { group { name } }
      e: club(name: "Kaisar") { cupRun { eliminatedBy { name } } } f: club(name: "Kairat") { cupRun { eliminatedBy { name } } }
    }""",
    )
    assert result == {
        "a": {"entryRound": "ROUND_OF_16"},
        "b": {"entryRound": "GROUP_STAGE"},
        "c": {"group": {"name": "F"}},
        "d": {"group": {"name": "D"}},
        "e": {"cupRun": {"eliminatedBy": {"name": "Tobol"}}},
        "f": {"cupRun": {"eliminatedBy": {"name": "Atyrau"}}},
    }


async def test_an_unknown_club_is_null_with_an_error_suggesting_the_closest_names(client: httpx.AsyncClient) -> None:
    body = await graphql(client, '{ club(name: "Aktobee") { name } season { year } }')
    assert body["data"] == {"club": None, "season": {"year": 2024}}
    [error] = body["errors"]
    assert error["extensions"]["code"] == "NOT_FOUND"
    assert "Did you mean 'Aktobe'" in error["message"]
    assert error["path"] == ["club"]


async def test_ids_are_natural_keys_so_they_match_on_every_database_and_import(client: httpx.AsyncClient) -> None:
    result = await data(
        client, '{ club(name: "Aktobe") { id } match: matches(first: 100, filter: {rounds: [FINAL]}) { nodes { id } } }'
    )
    # base64url of "Club:kazakhstan-cup/2024/aktobe" and "Match:kazakhstan-cup/2024/final/atyrau-v-aktobe"
    assert result["club"]["id"] == "Q2x1YjprYXpha2hzdGFuLWN1cC8yMDI0L2FrdG9iZQ"
    assert result["match"]["nodes"][0]["id"] == "TWF0Y2g6a2F6YWtoc3Rhbi1jdXAvMjAyNC9maW5hbC9hdHlyYXUtdi1ha3RvYmU"


async def test_a_lost_goal_says_nothing_about_penalty_or_own_goal(client: httpx.AsyncClient) -> None:
    lost = await data(
        client, "{ goals(filter: {minuteKnown: false}, first: 100) { nodes { penalty ownGoal minute } } }"
    )
    assert {(g["penalty"], g["ownGoal"], g["minute"]) for g in lost["goals"]["nodes"]} == {(None, None, None)}
    penalties = (await data(client, "{ goals { groupBy(key: PENALTY) { key count } } }"))["goals"]["groupBy"]
    assert penalties == [{"key": "false", "count": 82}, {"key": "true", "count": 4}, {"key": None, "count": 12}]


async def test_a_clubs_and_a_players_goals_and_cards_come_in_the_order_played(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{
      club(name: "Aktobe") { goals { match { date } minute } cards { match { date } } }
      player(name: "Kerimzhanov") { cards { match { date } } }
    }""",
    )
    goals = [(g["match"]["date"], g["minute"]) for g in result["club"]["goals"]]
    assert goals == [
        ("2024-04-14", 44),
        ("2024-05-08", 117),
        ("2024-05-08", None),
        ("2024-05-29", 25),
        ("2024-05-29", 33),
        ("2024-06-19", 37),
        ("2024-09-29", 89),
        ("2024-09-29", 90),
    ]
    card_dates = [c["match"]["date"] for c in result["club"]["cards"]]
    assert card_dates == sorted(card_dates)
    assert [c["match"]["date"] for c in result["player"]["cards"]] == ["2024-05-29", "2024-06-19", "2024-09-29"]


async def test_ties_are_listed_in_playing_order(client: httpx.AsyncClient) -> None:
    ties = (await data(client, "{ ties { round legs { date } } }"))["ties"]
    firsts = [(t["round"], t["legs"][0]["date"]) for t in ties]
    assert [date for _, date in firsts] == sorted(date for _, date in firsts)
    assert firsts[0] == ("PLAY_OFF", "2024-03-21") and firsts[-1] == ("FINAL", "2024-09-29")
