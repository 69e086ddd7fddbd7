"""A request returns its database connection when it ends, even when a failing field cancels its siblings."""

from __future__ import annotations

import re

from cupql.settings import Settings
from tests.conftest import api_client

# `matches(filter: {opponent: ...})` fails with BAD_USER_INPUT while the other lists' loads are under way.
FAILING_SIBLING = """{ club(name: "Astana") { matches(filter: {opponent: "zzz"}) { id }
  goals { minute scorer { name } } players { name } cards { kind } } }"""


async def test_no_connection_stays_checked_out_after_a_failed_field(loaded_database_url: str) -> None:
    async with api_client(Settings(database_url=loaded_database_url, cache=False)) as http:
        for _ in range(20):
            body = (await http.post("/graphql", json={"query": FAILING_SIBLING})).json()
            assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        ok = (await http.post("/graphql", json={"query": "{ season { year } }"})).json()
        assert ok == {"data": {"season": {"year": 2024}}}
        metrics = (await http.get("/metrics")).text
    assert re.search(r"(?m)^cupql_db_pool_checked_out 0.0$", metrics)
