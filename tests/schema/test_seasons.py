"""Many seasons in one database: every entry point takes a `season` year, the latest being the default."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from click.testing import CliRunner

from cupql.cli import main
from cupql.loading import bundled_articles
from cupql.settings import Settings
from tests.conftest import REPO, api_client, data, graphql

SECOND = REPO / "tests" / "fixtures" / "2025_testland_cup.txt"


@pytest.fixture
async def two_seasons(empty_database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    result = CliRunner().invoke(
        main, ["load", str(bundled_articles()[0]), str(SECOND), "--database-url", empty_database_url]
    )
    assert result.exit_code == 0, result.output
    assert "reading articles" in result.output  # the progress bar shown for more than one article
    assert result.stdout.splitlines()[-1].endswith("; it now holds 2 seasons")
    async with api_client(Settings(database_url=empty_database_url)) as client:
        yield client


async def test_seasons_are_listed_latest_first_and_the_latest_is_the_default(two_seasons: httpx.AsyncClient) -> None:
    result = await data(
        two_seasons,
        """{
      seasons(first: 10) { totalCount nodes { year name winner { name } matchCount } }
      newest: seasons(first: 1) { nodes { year } pageInfo { hasNextPage } }
      season { year }
      older: matches(season: 2024) { totalCount }
      latest: matches { totalCount }
      aktobe: club(name: "Aktobe", season: 2024) { cupRun { isWinner } }
    }""",
    )
    assert result["seasons"] == {
        "totalCount": 2,
        "nodes": [
            {"year": 2025, "name": "2025 Testland Cup", "winner": {"name": "Capital Athletic"}, "matchCount": 21},
            {"year": 2024, "name": "2024 Kazakhstan Cup", "winner": {"name": "Aktobe"}, "matchCount": 41},
        ],
    }
    assert result["newest"] == {"nodes": [{"year": 2025}], "pageInfo": {"hasNextPage": True}}
    assert result["season"] == {"year": 2025}
    assert (result["older"]["totalCount"], result["latest"]["totalCount"]) == (41, 21)
    assert result["aktobe"] == {"cupRun": {"isWinner": True}}


async def test_a_club_of_another_season_is_not_found_in_the_latest(two_seasons: httpx.AsyncClient) -> None:
    body = await graphql(two_seasons, '{ club(name: "Aktobe") { name } }')
    assert body["data"] == {"club": None}
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert "2025 Testland Cup" in body["errors"][0]["message"]


async def test_a_defending_champion_that_did_not_enter_keeps_its_name(empty_database_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "2024_kazakhstan_cup.txt"
    text = bundled_articles()[0].read_text(encoding="utf-8")
    article.write_text(text.replace("Tobol are the defending champions", "Kyzyl-Zhar SK are the defending champions"))
    assert CliRunner().invoke(main, ["load", str(article), "--database-url", empty_database_url]).exit_code == 0
    async with api_client(Settings(database_url=empty_database_url)) as client:
        season = (await data(client, "{ season { defendingChampion { name } defendingChampionName } }"))["season"]
    assert season == {"defendingChampion": None, "defendingChampionName": "Kyzyl-Zhar SK"}
