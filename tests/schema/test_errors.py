"""Bad input gets a clear, coded error; a failing field does not fail its siblings; internals never leak."""

from __future__ import annotations

import httpx

from cupql.settings import Settings
from tests.conftest import GRAPHQL_RESPONSE, api_client, graphql


async def test_an_unknown_enum_value_is_a_validation_error_before_anything_runs(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ ties(round: SEMIS) { round } }"}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert response.status_code == 400
    body = response.json()
    assert "data" not in body
    [error] = body["errors"]
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "SEMIS" in error["message"]
    assert body["extensions"]["sql"]["statements"] == 0


async def test_a_bad_filter_value_names_the_problem_and_siblings_still_resolve(client: httpx.AsyncClient) -> None:
    body = await graphql(
        client,
        """{
      matches(filter: {club: "Astanaa"}) { totalCount }
      season { winner { name } }
    }""",
    )
    assert body["data"] == {"matches": None, "season": {"winner": {"name": "Aktobe"}}}
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Astanaa" in error["message"] and "Astana" in error["message"]


async def test_a_forged_cursor_and_a_missing_season_are_user_errors(client: httpx.AsyncClient) -> None:
    body = await graphql(client, '{ a: goals(after: "bm9wZQ") { totalCount } b: season(year: 1999) { year } }')
    codes = {tuple(e["path"]): e["extensions"]["code"] for e in body["errors"]}
    assert codes == {("a",): "BAD_USER_INPUT", ("b",): "NOT_FOUND"}
    assert "2024" in next(e["message"] for e in body["errors"] if e["path"] == ["b"])


async def test_club_needs_exactly_one_of_name_and_id(client: httpx.AsyncClient) -> None:
    body = await graphql(client, "{ club { name } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "exactly one of `name` and `id`" in body["errors"][0]["message"]


async def test_a_query_too_deep_is_refused_before_execution(client: httpx.AsyncClient) -> None:
    cycle = "matches { home { " * 8 + "name" + " } }" * 8
    body = await graphql(client, '{ club(name: "Aktobe") { ' + cycle + " } }")
    assert {error["extensions"]["code"] for error in body["errors"]} == {"QUERY_TOO_COMPLEX"}
    assert any("18 levels deep; the limit is 12" in error["message"] for error in body["errors"])
    assert "data" not in body
    assert body["extensions"]["sql"]["statements"] == 0


async def test_a_database_outage_is_a_retryable_error_without_internals() -> None:
    async with api_client(Settings(database_url="postgresql://nobody@127.0.0.1:9/nothing")) as http:
        body = await graphql(http, "{ season { year } }")
        ready = await http.get("/readyz")
        alive = await http.get("/healthz")
    [error] = body["errors"]
    assert error["extensions"] == {"code": "SERVICE_UNAVAILABLE"}
    assert error["message"] == "The database is unavailable right now; please try again shortly."
    assert "127.0.0.1" not in str(body) and "psycopg" not in str(body)
    assert ready.status_code == 503 and ready.json()["reason"].startswith("database unreachable")
    assert alive.status_code == 200


ANALYST = """{ clubs(first: 50) { nodes { name
  cupRun { steps { round opponent { name } goalsFor goalsAgainst result
           match { date goals { minute scorer { name nationality } attribution } cards { kind player { name } } } } }
  scorers { player { name } goals } } } }"""


async def test_the_analysts_all_clubs_query_is_within_the_default_limits(client: httpx.AsyncClient) -> None:
    body = await graphql(client, ANALYST)
    assert "errors" not in body
    assert len(body["data"]["clubs"]["nodes"]) == 32


async def test_what_only_an_attacker_sends_is_refused(client: httpx.AsyncClient) -> None:
    aliases = "{ " + " ".join(f"a{i}: season {{ year }}" for i in range(200)) + " }"
    # Judged by the 2024 season's real list sizes: 162,443 objects at most (one level less is 41,903, and runs).
    nested_pages = (
        "{ matches(first: 100) { nodes { home { matches { goals { scorer { goals { match { goals"
        " { scorer { goals { minute } } } } } } } } } } } }"
    )
    for query in (aliases, nested_pages):
        body = await graphql(client, query)
        assert "data" not in body
        assert {e["extensions"]["code"] for e in body["errors"]} == {"QUERY_TOO_COMPLEX"}


async def test_text_no_database_can_compare_and_cursors_past_any_list_are_user_errors(
    client: httpx.AsyncClient,
) -> None:
    huge = "b2Zmc2V0Ojk5OTk5OTk5OTk5OTk5OTk5OTk5"  # base64 of "offset:99999999999999999999"
    body = await graphql(
        client,
        """query($nul: String!, $huge: String!) {
      a: clubs(filter: {nameContains: $nul}) { totalCount }
      b: matches(after: $huge) { totalCount }
      c: season { year }
    }""",
        {"nul": "\u0000", "huge": huge},
    )
    assert body["data"] == {"a": None, "b": None, "c": {"year": 2024}}
    assert [e["extensions"]["code"] for e in body["errors"]] == ["BAD_USER_INPUT", "BAD_USER_INPUT"]


async def test_a_blank_name_is_refused_rather_than_looked_up(client: httpx.AsyncClient) -> None:
    body = await graphql(client, '{ club(name: "") { name } player(name: "  ") { name } }')
    assert body["data"] == {"club": None, "player": None}
    assert {e["message"] for e in body["errors"]} == {"A name or ID must not be blank."}


async def test_filters_name_what_they_accept(client: httpx.AsyncClient) -> None:
    body = await graphql(
        client,
        """{
      a: matches(filter: {group: "Group A"}) { totalCount }
      b: clubs(filter: {group: "Z"}) { totalCount }
      c: goals(filter: {nationality: "kazakhstan"}) { totalCount }
      d: matches(filter: {club: "Aktobe", opponent: "aktobe"}) { totalCount }
      e: club(name: "khan tengri") { name }
    }""",
    )
    assert body["data"] == {"a": {"totalCount": 6}, "b": None, "c": None, "d": None, "e": {"name": "Khan-Tengri"}}
    messages = {e["path"][0]: e["message"] for e in body["errors"]}
    assert messages == {
        "b": "No group 'Z' in 2024 Kazakhstan Cup; its groups are: A, B, C, D, E, F.",
        "c": "Nationality 'KAZAKHSTAN' is not a three-letter FIFA code such as \"KAZ\".",
        "d": "`club` and `opponent` name the same club.",
    }


async def test_an_id_of_another_type_and_a_huge_name_get_short_clear_errors(client: httpx.AsyncClient) -> None:
    match_id = (await graphql(client, "{ matches(first: 1) { nodes { id } } }"))["data"]["matches"]["nodes"][0]["id"]
    body = await graphql(
        client,
        "query($id: ID!, $long: String!) { a: club(id: $id) { name } b: player(name: $long) { name } }",
        {"id": match_id, "long": "x" * 1000},  # the longest a string argument may be
    )
    messages = {e["path"][0]: e["message"] for e in body["errors"]}
    assert messages["a"].endswith("is the ID of a Match, not of a Club.")
    assert len(messages["b"]) < 200
