"""Input limits: long strings and directive floods are refused before validation, with one clear error.

The audit's first defect: a 1 MB `club(name:)` argument cost 1.5 s of event-loop time (the name was
folded once per club), 47 s with 30 aliases; the same path serves the `club` filters of `goals` and
`matches`. Now no string argument may be longer than `max_string_length`, literal or variable.
"""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import graphql

LIMIT = 1000
CLUB_BY_NAME = "query($name: String!) { club(name: $name) { name } }"


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (CLUB_BY_NAME, {"name": "x" * 90_000}),  # near the body limit (a 1 MB body gets 413)
        (CLUB_BY_NAME, {"name": "x" * (LIMIT + 1)}),
        ("query($c: String!) { goals(filter: {club: $c}) { totalCount } }", {"c": "é" * 40_000}),
        ("query($c: String!) { matches(filter: {club: $c}) { totalCount } }", {"c": "x" * 50_000}),
        ("query($f: ClubFilter) { clubs(filter: $f) { totalCount } }", {"f": {"nameContains": "%" * 50_000}}),
    ],
)
async def test_a_string_variable_over_the_limit_is_refused_before_anything_runs(
    client: httpx.AsyncClient, query: str, variables: dict[str, object]
) -> None:
    body = await graphql(client, query, variables)
    [error] = body["errors"]
    assert "data" not in body
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert error["message"].startswith(f"A string in variable ${next(iter(variables))} has ")
    assert error["message"].endswith(f"characters; the limit is {LIMIT}.")


async def test_thirty_aliased_huge_literals_get_one_error(client: httpx.AsyncClient) -> None:
    name = "x" * 2000
    query = "{ " + " ".join(f'c{i}: club(name: "{name}") {{ name }}' for i in range(30)) + " }"
    body = await graphql(client, query)
    assert body["errors"] == [
        {
            "message": f"A string argument has 2000 characters; the limit is {LIMIT}.",
            "locations": [{"line": 1, "column": 18}],
            "extensions": {"code": "BAD_USER_INPUT"},
        }
    ]


async def test_a_name_at_the_limit_is_looked_up_and_not_found(client: httpx.AsyncClient) -> None:
    body = await graphql(client, CLUB_BY_NAME, {"name": "Aktobe" + " " * (LIMIT - 6)})
    assert body["data"] == {"club": {"name": "Aktobe"}}
    body = await graphql(client, CLUB_BY_NAME, {"name": "x" * LIMIT})
    assert body["data"] == {"club": None}
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"


async def test_a_flood_of_directives_on_one_field_gets_one_error(client: httpx.AsyncClient) -> None:
    # graphql-cop's "Directive Overloading" probe: ten errors back would mean each directive was processed.
    body = await graphql(client, "query { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }")
    assert body["errors"] == [
        {
            "message": "10 directives on one field; the limit is 4.",
            "locations": [{"line": 1, "column": 9}],
            "extensions": {"code": "QUERY_TOO_COMPLEX"},
        }
    ]


async def test_directives_across_the_document_are_capped(client: httpx.AsyncClient) -> None:
    fields = " ".join(f"a{i}: __typename @include(if: true) @skip(if: false)" for i in range(26))
    body = await graphql(client, "{ " + fields + " }")
    assert [e["message"] for e in body["errors"]] == ["The document uses 52 directives; the limit is 50."]
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_COMPLEX"


async def test_ordinary_directives_still_work(client: httpx.AsyncClient) -> None:
    query = 'query($yes: Boolean!) { season @include(if: $yes) { year } club(name: "Aktobe") @skip(if: $yes) { name } }'
    body = await graphql(client, query, {"yes": True})
    assert "errors" not in body and body["data"] == {"season": {"year": 2024}}
