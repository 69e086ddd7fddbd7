"""All-time figures over every loaded season: a club's record and titles, and the titles table.

The second Kazakhstan season here is the 2024 article with its year moved to 2023: a made-up season for the
test only, so that one club has a record in two seasons."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from cupql.loading import bundled_articles, load
from cupql.settings import Settings
from tests.conftest import REPO, api_client, data, graphql

TESTLAND = REPO / "tests" / "fixtures" / "2025_testland_cup.txt"


@pytest.fixture
async def three_seasons(empty_database_url: str, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    moved = tmp_path / "2023_kazakhstan_cup.txt"
    moved.write_text(bundled_articles()[0].read_text(encoding="utf-8").replace("2024", "2023"), encoding="utf-8")
    load(
        empty_database_url, [bundled_articles()[0], moved, TESTLAND], strict=False, echo=lambda _: None, progress=False
    )
    async with api_client(Settings(database_url=empty_database_url, debug_sql=True)) as client:
        yield client


async def test_a_clubs_record_spans_every_season(three_seasons: httpx.AsyncClient) -> None:
    result = await data(
        three_seasons,
        """{ club(name: "Aktobe", season: 2024) {
               cupRun { played won goalsFor goalsAgainst }
               allTime { seasons played won drawn lost goalsFor goalsAgainst titles } } }""",
    )
    run, record = result["club"]["cupRun"], result["club"]["allTime"]
    assert record == {
        "seasons": [2023, 2024],
        "played": 2 * run["played"],
        "won": 2 * run["won"],
        "drawn": 0,
        "lost": 2,
        "goalsFor": 2 * run["goalsFor"],
        "goalsAgainst": 2 * run["goalsAgainst"],
        "titles": [2023, 2024],
    }


async def test_the_titles_table(three_seasons: httpx.AsyncClient) -> None:
    titles = (await data(three_seasons, "{ titles { club { name } count years } }"))["titles"]
    assert titles == [
        {"club": {"name": "Aktobe"}, "count": 2, "years": [2023, 2024]},
        {"club": {"name": "Capital Athletic"}, "count": 1, "years": [2025]},
    ]


async def test_records_of_many_clubs_cost_one_statement(three_seasons: httpx.AsyncClient) -> None:
    def query(clubs: int) -> str:
        return f"{{ clubs(first: {clubs}, season: 2024) {{ nodes {{ allTime {{ played }} }} }} }}"

    few, many = await graphql(three_seasons, query(2)), await graphql(three_seasons, query(30))
    assert few["extensions"]["sql"]["statements"] == many["extensions"]["sql"]["statements"]
