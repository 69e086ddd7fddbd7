"""A season written in every notation of the article family, loaded after the 2024 season in two runs, served
exactly through GraphQL: a penalty-decided final, an away-goals tie, a replay, an award, a walkover, cards of each
kind, match details, head-to-head standings, and clubs that keep their identity across seasons."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from click.testing import CliRunner

from cupql.cli import main
from cupql.loading import bundled_articles
from cupql.settings import Settings
from tests.conftest import REPO, api_client, data

NOTATIONS = REPO / "tests" / "fixtures" / "2026_kazakhstan_cup_notations.txt"


@pytest.fixture
async def seasons(empty_database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    runner = CliRunner()
    first = runner.invoke(main, ["load", str(bundled_articles()[0]), "--database-url", empty_database_url])
    assert first.exit_code == 0, first.output
    assert "it now holds 1 season\n" in first.output
    second = runner.invoke(main, ["load", str(NOTATIONS), "--database-url", empty_database_url])
    assert second.exit_code == 0, second.output
    assert "disagreements: 0" in second.output
    assert "it now holds 2 seasons" in second.output
    async with api_client(Settings(database_url=empty_database_url)) as client:
        yield client


async def test_a_final_decided_on_penalties_has_a_winner_and_a_runner_up(seasons: httpx.AsyncClient) -> None:
    result = await data(
        seasons,
        """{ season(year: 2026) { winner { name cupRun { isWinner } } runnerUp { name } goalCount }
             goals(season: 2026) { totalCount }
             ties(season: 2026, round: FINAL) { decidedBy homePenalties awayPenalties winner { name } loser { name }
               legs { homeScore awayScore extraTime homePenalties awayPenalties winner { name }
                      stadium attendance referee date } } }""",
    )
    assert result["season"] == {
        "winner": {"name": "Aktobe", "cupRun": {"isWinner": True}},
        "runnerUp": {"name": "Atyrau"},
        "goalCount": 30,
    }
    assert result["goals"] == {"totalCount": 30}
    assert result["ties"] == [
        {
            "decidedBy": "PENALTIES",
            "homePenalties": 3,
            "awayPenalties": 4,
            "winner": {"name": "Aktobe"},
            "loser": {"name": "Atyrau"},
            "legs": [
                {
                    "homeScore": 2,
                    "awayScore": 2,
                    "extraTime": True,
                    "homePenalties": 3,
                    "awayPenalties": 4,
                    "winner": {"name": "Aktobe"},
                    "stadium": "Astana Arena, Astana",
                    "attendance": 28500,
                    "referee": "Aidos Zhaksybekov",
                    "date": "2026-09-27",
                }
            ],
        }
    ]


async def test_every_tie_is_decided_as_football_decides_it(seasons: httpx.AsyncClient) -> None:
    result = await data(
        seasons,
        """{ ties(season: 2026) { round home { name } away { name } aggregate decidedBy winner { name }
               homePenalties awayPenalties
               legs { leg homeScore awayScore extraTime awarded walkover winner { name } goals { minute } } } }""",
    )
    summary = [
        (
            t["round"],
            t["home"]["name"],
            t["away"]["name"],
            t["aggregate"],
            t["decidedBy"],
            t["winner"]["name"],
            t["homePenalties"],
            t["awayPenalties"],
            [
                (
                    leg["leg"],
                    leg["homeScore"],
                    leg["awayScore"],
                    leg["extraTime"],
                    leg["awarded"],
                    leg["walkover"],
                    leg["winner"] and leg["winner"]["name"],
                    len(leg["goals"]),
                )
                for leg in t["legs"]
            ],
        )
        for t in result["ties"]
    ]
    assert summary == [
        ("FIRST_ROUND", "Aktobe", "Kyzylzhar", "0-0", "AWARDED", "Aktobe", None, None,
         [(None, None, None, None, True, True, "Aktobe", 0)]),
        ("FIRST_ROUND", "Khan Tengri", "Tobol", "0-3", "AWARDED", "Tobol", None, None,
         [(None, 0, 3, None, True, False, "Tobol", 0)]),
        ("FIRST_ROUND", "Astana", "Elimai", "3-1", "REPLAY", "Astana", None, None,
         [(None, 1, 1, False, False, False, None, 2), (None, 0, 2, False, False, False, "Astana", 2)]),
        ("FIRST_ROUND", "Atyrau", "Kairat", "1-1", "PENALTIES", "Atyrau", 4, 3,
         [(None, 1, 1, True, False, False, "Atyrau", 2)]),
        ("SEMI_FINALS", "Astana", "Atyrau", "1-3", "AGGREGATE", "Atyrau", None, None,
         [(1, 0, 2, False, False, False, "Atyrau", 2), (2, 1, 1, False, False, False, None, 2)]),
        ("SEMI_FINALS", "Tobol", "Aktobe", "1-1", "AWAY_GOALS", "Aktobe", None, None,
         [(1, 1, 1, False, False, False, None, 2), (2, 0, 0, False, False, False, None, 0)]),
        ("FINAL", "Atyrau", "Aktobe", "2-2", "PENALTIES", "Aktobe", 3, 4,
         [(None, 2, 2, True, False, False, "Aktobe", 4)]),
    ]  # fmt: skip


async def test_cards_of_each_kind_with_their_minutes(seasons: httpx.AsyncClient) -> None:
    result = await data(
        seasons,
        """{ cards(season: 2026, first: 50) { totalCount
               nodes { kind minute stoppageTime player { name } club { name } } } }""",
    )
    cards = {(c["player"]["name"], c["club"]["name"], c["kind"], c["minute"]) for c in result["cards"]["nodes"]}
    assert result["cards"]["totalCount"] == 12
    assert cards == {
        ("Ryskul", "Jetisay", "YELLOW", 33),
        ("Ахметов", "Кайрат-Жастар", "RED", 20),
        ("Nikolaev", "Turan", "YELLOW", 20),
        ("Mawutor", "Turan", "SECOND_YELLOW", 75),
        ("Amirseitov", "Khan Tengri", "RED", 30),
        ("Nikolić", "Astana", "RED", 63),
        ("Kovalev", "Elimai", "YELLOW", 33),
        ("Seydakhmet", "Kairat", "SECOND_YELLOW", 85),
        ("Petrov", "Elimai", "SECOND_YELLOW", 88),
        ("Kiki", "Aktobe", "YELLOW", 60),
        ("Kerimzhanov", "Atyrau", "YELLOW", 50),
        ("Umayev", "Aktobe", "RED", 119),
    }


async def test_goals_keep_stoppage_time_penalties_and_own_goals(seasons: httpx.AsyncClient) -> None:
    result = await data(
        seasons,
        """{ turan: club(name: "Turan", season: 2026) { matches { home { name } away { name }
               goals { minute stoppageTime penalty ownGoal scorer { name } club { name } } } } }""",
    )
    goals = [
        (g["minute"], g["stoppageTime"], g["scorer"] and g["scorer"]["name"], g["club"]["name"])
        for m in result["turan"]["matches"]
        for g in m["goals"]
    ]
    assert goals == [
        (5, None, "Dmitrijev", "Turan"),
        (40, None, None, "Turan"),
        (61, None, "Mawutor", "Turan"),
        (77, None, "Mawutor", "Turan"),
        (90, 3, "Amirseitov", "Khan Tengri"),
        (44, None, "Ryskul", "Jetisay"),
    ]
    own = await data(
        seasons,
        """{ goals(season: 2026, filter: { ownGoal: true }, first: 10) { nodes { minute club { name } scorer { name } } } }""",
    )
    assert own["goals"]["nodes"] == [{"minute": 12, "club": {"name": "Кайрат-Жастар"}, "scorer": {"name": "Nurlanov"}}]


async def test_standings_use_the_head_to_head_rule_the_article_states(seasons: httpx.AsyncClient) -> None:
    result = await data(
        seasons,
        """{ season(year: 2026) { groups { standings { position club { name } points goalDifference } } } }""",
    )
    [group] = result["season"]["groups"]
    assert [(s["position"], s["club"]["name"], s["points"], s["goalDifference"]) for s in group["standings"]] == [
        (1, "Khan Tengri", 7, 4),
        (2, "Кайрат-Жастар", 4, -3),
        (3, "Jetisay", 3, -3),  # beat Turan 1-0, which ranks it above Turan's better goal difference
        (4, "Turan", 3, 2),
    ]


async def test_a_club_keeps_its_identity_across_seasons_with_each_season_s_name(seasons: httpx.AsyncClient) -> None:
    result = await data(
        seasons,
        """{ old: club(name: "Khan-Tengri", season: 2024) { name slug firstKnownName }
             new: club(name: "Khan-Tengri", season: 2026) { name slug firstKnownName
               allSeasons { name season { year } entryRound group { name } } }
             folded: club(name: "JETıSAY", season: 2026) { name slug }
             cyrillic: club(name: "кайрат-жастар", season: 2026) { name slug } }""",
    )
    assert result == {
        "old": {"name": "Khan-Tengri", "slug": "khan-tengri", "firstKnownName": "Khan-Tengri"},
        "new": {
            "name": "Khan Tengri",
            "slug": "khan-tengri",
            "firstKnownName": "Khan-Tengri",
            "allSeasons": [
                {"name": "Khan-Tengri", "season": {"year": 2024}, "entryRound": "GROUP_STAGE", "group": {"name": "A"}},
                {"name": "Khan Tengri", "season": {"year": 2026}, "entryRound": "GROUP_STAGE", "group": {"name": "A"}},
            ],
        },
        "folded": {"name": "Jetisay", "slug": "jetisay"},
        "cyrillic": {"name": "Кайрат-Жастар", "slug": "кайрат-жастар"},
    }


async def test_reloading_one_season_keeps_the_other(seasons: httpx.AsyncClient, empty_database_url: str) -> None:
    again = CliRunner().invoke(main, ["load", str(NOTATIONS), "--database-url", empty_database_url])
    assert "it now holds 2 seasons" in again.output
    result = await data(seasons, "{ seasons(first: 10) { nodes { year matchCount goalCount } } }")
    assert result["seasons"]["nodes"] == [
        {"year": 2026, "matchCount": 16, "goalCount": 30},
        {"year": 2024, "matchCount": 41, "goalCount": 98},
    ]


async def test_aggregates_and_group_bys_count_no_goals_for_awarded_results(seasons: httpx.AsyncClient) -> None:
    result = await data(
        seasons,
        """{ matches(season: 2026, first: 1) { aggregate { count goals homeGoals awayGoals extraTimeMatches }
               groupBy(key: RESULT) { key count goals } } }""",
    )
    assert result["matches"]["aggregate"] == {
        "count": 16,
        "goals": 30,
        "homeGoals": 12,
        "awayGoals": 18,
        "extraTimeMatches": 2,
    }
    assert sorted((b["key"], b["count"], b["goals"]) for b in result["matches"]["groupBy"]) == [
        ("AWAY_WIN", 6, 12),  # with Tobol's awarded 3-0, which counts no goals
        ("DRAW", 7, 14),  # shoot-outs included: the match itself was drawn
        ("HOME_WIN", 3, 4),  # with Aktobe's walkover, which states no score
    ]


async def test_an_all_time_record_counts_a_walkover_as_won_without_goals(seasons: httpx.AsyncClient) -> None:
    result = await data(
        seasons,
        """{ club(name: "Aktobe", season: 2026) { allTime { seasons played won drawn lost goalsFor goalsAgainst } } }""",
    )
    # 2024: five matches, four won (8-4); 2026: the walkover won without goals, then three draws (3-3),
    # the final among them: a match decided on penalties is drawn.
    assert result["club"]["allTime"] == {
        "seasons": [2024, 2026],
        "played": 9,
        "won": 5,
        "drawn": 3,
        "lost": 1,
        "goalsFor": 11,
        "goalsAgainst": 7,
    }
