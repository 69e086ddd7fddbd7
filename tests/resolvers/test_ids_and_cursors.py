"""Bad global IDs and cursors are the client's error, and never take down the valid ones beside them.

The audit found that on PostgreSQL a NUL byte inside a global ID gave 500 INTERNAL, and failed the
valid IDs of the same request too (their DataLoader batch shared one failing statement).
"""

from __future__ import annotations

import base64

import httpx

from resolvers.ids import decode_id
from tests.conftest import data, graphql


def raw_id(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def test_an_id_whose_key_holds_a_control_character_is_none_of_ours() -> None:
    assert decode_id(raw_id("Club:aktobe")) == ("Club", "aktobe")
    assert decode_id(raw_id("Club:akt\x00obe")) is None
    assert decode_id(raw_id("Club:\n")) is None


async def test_a_nul_byte_in_a_global_id_leaves_the_valid_ids_intact(client: httpx.AsyncClient) -> None:
    aktobe = (await data(client, '{ club(name: "Aktobe") { id } }'))["club"]["id"]
    nul = raw_id("Club:akt\x00obe")
    body = await graphql(
        client,
        "query($ids: [ID!]!, $nul: ID!) { nodes(ids: $ids) { id } node(id: $nul) { id } club(id: $nul) { name } }",
        {"ids": [aktobe, nul, aktobe], "nul": nul},
    )
    assert body["data"] == {"nodes": [{"id": aktobe}, None, {"id": aktobe}], "node": None, "club": None}
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [(["club"], "NOT_FOUND")]


async def test_a_cursor_from_another_connection_is_refused(client: httpx.AsyncClient) -> None:
    page = await data(
        client, "{ clubs(first: 2) { pageInfo { endCursor } } matches(first: 2) { pageInfo { endCursor } } }"
    )
    club_cursor, match_cursor = page["clubs"]["pageInfo"]["endCursor"], page["matches"]["pageInfo"]["endCursor"]
    body = await graphql(
        client,
        """query($club: String!, $match: String!) {
          own: clubs(first: 1, after: $club) { nodes { name } }
          foreign: matches(first: 1, after: $club) { totalCount }
          garbage: goals(before: "not a cursor") { totalCount }
          alsoOwn: matches(first: 1, after: $match) { totalCount }
        }""",
        {"club": club_cursor, "match": match_cursor},
    )
    assert body["data"]["foreign"] is None and body["data"]["garbage"] is None
    assert body["data"]["own"]["nodes"] and body["data"]["alsoOwn"] == {"totalCount": 41}
    messages = {e["path"][0]: (e["extensions"]["code"], e["message"]) for e in body["errors"]}
    assert messages == {
        "foreign": (
            "BAD_USER_INPUT",
            f"The cursor {club_cursor!r} comes from another list: use a cursor from this connection's edges or pageInfo.",
        ),
        "garbage": (
            "BAD_USER_INPUT",
            "Invalid cursor 'not a cursor': use a cursor from this connection's edges or pageInfo.",
        ),
    }
