"""All-time scorers and a player's goals across seasons, where the wikitext links players to their articles.

Islam Chesnokov is linked in the 2017, 2019 and 2023 fixtures (for Aktobe, then Tobol): one person, 1 + 2 + 3
goals. Alibek Buleshev's 2017 goal is an own goal and counts for nobody."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from cupql.loading import load
from cupql.settings import Settings
from tests.conftest import REPO, api_client, data, graphql

FIXTURES = REPO / "tests" / "fixtures"
LINKED = [
    FIXTURES / name for name in ("2017_kazakhstan_cup.wiki", "2019_kazakhstan_cup.wiki", "2023_kazakhstan_cup.wiki")
]


@pytest.fixture
async def linked_seasons(empty_database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    load(empty_database_url, LINKED, strict=False, echo=lambda _: None, progress=False)
    async with api_client(Settings(database_url=empty_database_url, debug_sql=True)) as client:
        yield client


async def test_goals_are_summed_per_linked_person_across_seasons(linked_seasons: httpx.AsyncClient) -> None:
    body = await data(
        linked_seasons,
        """{ allTimeScorers(first: 4) { totalCount pageInfo { hasNextPage }
               nodes { person name goals seasons players { club { name } } } } }""",
    )
    scorers = body["allTimeScorers"]
    assert (scorers["totalCount"], scorers["pageInfo"]["hasNextPage"]) == (11, True)
    assert [
        (s["person"], s["name"], s["goals"], s["seasons"], [p["club"]["name"] for p in s["players"]])
        for s in scorers["nodes"]
    ] == [
        ("islam-chesnokov", "Islam Chesnokov", 6, [2017, 2019, 2023], ["Aktobe", "Tobol", "Tobol"]),
        ("vagner-love", "Vágner Love", 3, [2023], ["Kairat"]),
        # Most goals first, then by the person's key.
        ("dmitri-tikhiy", "Dmitri Tikhiy", 2, [2023], ["Aktobe", "Kairat"]),
        ("gerard-gohou", "Gerard Gohou", 2, [2017, 2019], ["Kairat", "Kairat"]),
    ]
    everyone = await data(linked_seasons, "{ allTimeScorers(first: 50) { nodes { name } } }")
    assert "Alibek Buleshev" not in {s["name"] for s in everyone["allTimeScorers"]["nodes"]}


async def test_a_player_knows_his_other_seasons_and_goals(linked_seasons: httpx.AsyncClient) -> None:
    body = await data(
        linked_seasons,
        """{ player(name: "Chesnokov", season: 2019) {
               allTimeGoals allSeasons { club { name } goals { minute penalty } } } }""",
    )
    player = body["player"]
    assert player["allTimeGoals"] == 6
    assert [(p["club"]["name"], [(g["minute"], g["penalty"]) for g in p["goals"]]) for p in player["allSeasons"]] == [
        ("Aktobe", [(31, False)]),
        ("Tobol", [(15, False), (52, False)]),
        ("Tobol", [(12, True), (45, False), (67, False)]),
    ]


async def test_an_unlinked_player_is_never_joined_to_another_season(empty_database_url: str, tmp_path: Path) -> None:
    # The 2017 article moved to 2018 with Chesnokov named but not linked: the same name, yet no known person.
    unlinked = tmp_path / "2018_kazakhstan_cup.wiki"
    text = (
        LINKED[0].read_text(encoding="utf-8").replace("2017", "2018").replace("[[Islam Chesnokov]]", "Islam Chesnokov")
    )
    unlinked.write_text(text, encoding="utf-8")
    load(empty_database_url, [*LINKED, unlinked], strict=False, echo=lambda _: None, progress=False)
    async with api_client(Settings(database_url=empty_database_url)) as client:
        body = await data(
            client,
            """{ allTimeScorers(first: 50) { nodes { person name goals seasons } }
                 player(name: "Islam Chesnokov", season: 2018) { allTimeGoals allSeasons { club { name } } } }""",
        )
    chesnokov = [s for s in body["allTimeScorers"]["nodes"] if s["name"] == "Islam Chesnokov"]
    assert chesnokov == [
        {"person": "islam-chesnokov", "name": "Islam Chesnokov", "goals": 6, "seasons": [2017, 2019, 2023]},
        {"person": None, "name": "Islam Chesnokov", "goals": 1, "seasons": [2018]},
    ]
    assert body["player"] == {"allTimeGoals": 1, "allSeasons": [{"club": {"name": "Aktobe"}}]}


async def test_the_lists_cost_the_same_statements_for_any_page(linked_seasons: httpx.AsyncClient) -> None:
    def query(first: int) -> str:
        return (
            f"""{{ allTimeScorers(first: {first}) {{ nodes {{ name seasons goals players {{ allTimeGoals }} }} }} }}"""
        )

    few, many = await graphql(linked_seasons, query(2)), await graphql(linked_seasons, query(11))
    assert few["extensions"]["sql"]["statements"] == many["extensions"]["sql"]["statements"]


async def test_a_cursor_of_another_list_is_refused(linked_seasons: httpx.AsyncClient) -> None:
    players = await data(linked_seasons, "{ players(first: 1, season: 2023) { pageInfo { endCursor } } }")
    cursor = players["players"]["pageInfo"]["endCursor"]
    body = await graphql(linked_seasons, f'{{ allTimeScorers(first: 1, after: "{cursor}") {{ nodes {{ name }} }} }}')
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
