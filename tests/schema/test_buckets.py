"""Minute buckets carry numeric bounds and cover minutes 1-120 whole, empty ranges included."""

from __future__ import annotations

import httpx

from tests.conftest import data


async def test_every_range_is_listed_with_its_bounds_even_when_empty(client: httpx.AsyncClient) -> None:
    result = await data(
        client,
        """{ late: goals(where: {minute: {gte: 80}}) { groupBy(key: MINUTE_BUCKET) { key lowerBound upperBound count } }
             all: goals { totalCount groupBy(key: MINUTE_BUCKET) { key lowerBound count } }
             round: goals { groupBy(key: ROUND) { key lowerBound upperBound } } }""",
    )
    late = result["late"]["groupBy"]
    assert [(b["lowerBound"], b["upperBound"]) for b in late] == [(1 + 15 * i, 15 * (i + 1)) for i in range(8)]
    assert [b["count"] for b in late] == [0, 0, 0, 0, 0, 11, 1, 2]
    assert late[0]["key"] == "1-15" and late[-1]["key"] == "106-120"
    every = result["all"]["groupBy"]
    # The unknown minutes come last, without bounds; the ranges sort by their bounds, not as text.
    assert every[-1] == {"key": None, "lowerBound": None, "count": 12}
    assert [b["lowerBound"] for b in every[:-1]] == sorted(b["lowerBound"] for b in every[:-1])
    assert sum(b["count"] for b in every) == result["all"]["totalCount"] == 98
    assert all(b["lowerBound"] is None and b["upperBound"] is None for b in result["round"]["groupBy"])
