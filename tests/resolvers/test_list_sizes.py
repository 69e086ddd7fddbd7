"""The real list sizes: each list's longest instance in the database, read in one statement."""

from __future__ import annotations

from db.engine import async_engine
from resolvers.database import Database
from resolvers.list_sizes import measured_list_sizes


async def test_the_2024_seasons_longest_lists(loaded_database_url: str) -> None:
    engine = async_engine(loaded_database_url, pool_size=1)
    database = Database(engine)
    try:
        sizes = await measured_list_sizes(database)
        statements = database.statements
    finally:
        await database.close()
        await engine.dispose()
    assert statements == 1
    assert {name: sizes[name] for name in ("Query.clubs", "Query.matches", "Query.goals", "Query.seasons")} == {
        "Query.clubs": 32,
        "Query.matches": 41,
        "Query.goals": 98,
        "Query.seasons": 1,
    }
    # Aktobe's five-match run is the longest; the 7-goal group match; three goals is the most any player scored.
    assert (sizes["Club.matches"], sizes["Match.goals"], sizes["Player.goals"]) == (5, 7, 3)
    assert (sizes["Tie.legs"], sizes["Group.clubs"], sizes["RoundInfo.matches"]) == (2, 4, 21)
