"""Malformed requests get 400 with a stable `extensions.code`, never 500 and a logged traceback.

The audit's third defect: JSON variables nested 1,000 deep (RecursionError) and invalid UTF-8 in a
POST body (UnicodeDecodeError) got 500 INTERNAL.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import quote

import httpx
import pytest

from cupql.request_body import json_depth

JSON = {"content-type": "application/json"}


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def bad_request(message: str) -> dict[str, object]:
    return {"errors": [{"message": message, "extensions": {"code": "BAD_REQUEST"}}]}


def test_json_depth_counts_arrays_and_objects() -> None:
    assert [json_depth(json.dumps(v)) for v in (1, "x", [], {"a": [1, {"b": None}]}, json.loads(nested(500)))] == [
        0,
        0,
        1,
        3,
        500,
    ]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            b'{"query": "{ season { year } }", "variables": {"x": ' + nested(1000).encode() + b"}}",
            "JSON nests deeper than 32 levels.",
        ),
        (
            b'{"query": "{ season { year } }", "variables": {"x": ' + nested(40_000).encode() + b"}}",
            "JSON nests deeper than 32 levels.",
        ),
        (
            b'{"query": "{ season { year } }", "variables": {"name": "\xff\xfe"}}',
            "The request body is not valid UTF-8.",
        ),
        (b'{"query": "{ season { year } }",', "Unable to parse request body as JSON"),
        (b"\x00\x00\x00", "Unable to parse request body as JSON"),
    ],
)
async def test_malformed_bodies_are_bad_requests(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture, body: bytes, message: str
) -> None:
    with caplog.at_level(logging.ERROR):
        response = await client.post("/graphql", content=body, headers=JSON)
    assert (response.status_code, response.json()) == (400, bad_request(message))
    assert not caplog.records, "a client's mistake is not logged as an error"


async def test_nesting_up_to_the_cap_is_accepted(client: httpx.AsyncClient) -> None:
    # The cap counts the body itself: the body and `variables` objects and 30 nested lists make 32 levels.
    variables = {"x": json.loads(nested(30))}
    response = await client.post("/graphql", json={"query": "{ season { year } }", "variables": variables})
    assert response.json()["data"] == {"season": {"year": 2024}}


async def test_deep_get_variables_are_bad_requests(client: httpx.AsyncClient) -> None:
    variables = quote('{"x": ' + nested(900) + "}")
    response = await client.get(f"/graphql?query={quote('{ season { year } }')}&variables={variables}")
    assert (response.status_code, response.json()) == (400, bad_request("JSON nests deeper than 32 levels."))


async def test_a_nul_in_the_query_is_a_parse_error(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ season\u0000 { year } }"})
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"
