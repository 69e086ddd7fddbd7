"""HTTP caching of /graphql: the response cache, automatic persisted queries, ETags, HEAD and Cache-Control.

Persisted queries are exercised with the exact messages Apollo's persisted-query link sends.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import AsyncIterator

import httpx
import pytest

from cupql.http_cache import ENTRY_OVERHEAD_BYTES, CachedResponse, GraphQLRequest, ResponseCache
from cupql.settings import Settings
from tests.conftest import GRAPHQL_RESPONSE, api_client

WINNER = "{ season { winner { name } } }"
WINNER_DATA = {"data": {"season": {"winner": {"name": "Aktobe"}}}}
WINNER_HASH = hashlib.sha256(WINNER.encode()).hexdigest()


@pytest.fixture
async def cached(loaded_database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the app with its default settings: the response cache on."""
    async with api_client(Settings(database_url=loaded_database_url)) as http:
        yield http


def persisted(sha256: str = WINNER_HASH) -> dict[str, object]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha256}}


async def test_a_repeated_request_is_served_from_the_cache(cached: httpx.AsyncClient) -> None:
    first = await cached.post("/graphql", json={"query": WINNER})
    second = await cached.post("/graphql", json={"variables": {}, "query": WINNER})
    assert (first.headers["x-cache"], second.headers["x-cache"]) == ("MISS", "HIT")
    assert first.json() == second.json() == WINNER_DATA
    assert first.content == second.content


async def test_variables_operation_and_media_type_are_part_of_the_key(cached: httpx.AsyncClient) -> None:
    query = "query Ties($round: Round) { ties(round: $round) { winner { name } } }"
    final = await cached.post("/graphql", json={"query": query, "variables": {"round": "FINAL"}})
    semis = await cached.post("/graphql", json={"query": query, "variables": {"round": "SEMI_FINALS"}})
    assert final.json() == {"data": {"ties": [{"winner": {"name": "Aktobe"}}]}}
    assert semis.json() == {"data": {"ties": [{"winner": {"name": "Aktobe"}}, {"winner": {"name": "Atyrau"}}]}}
    newer = await cached.post(
        "/graphql", json={"query": query, "variables": {"round": "FINAL"}}, headers={"accept": GRAPHQL_RESPONSE}
    )
    assert newer.headers["x-cache"] == "MISS"
    assert newer.headers["content-type"] == f"{GRAPHQL_RESPONSE}; charset=utf-8"


async def test_error_responses_are_never_cached(cached: httpx.AsyncClient) -> None:
    query = '{ club(name: "nobody") { name } }'
    for _ in range(2):
        response = await cached.post("/graphql", json={"query": query})
        assert response.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
        assert "x-cache" not in response.headers


async def test_unknown_persisted_query_then_registration_then_hash_only(cached: httpx.AsyncClient) -> None:
    unknown = await cached.post("/graphql", json={"extensions": persisted()})
    assert unknown.json() == {
        "errors": [{"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}]
    }
    registered = await cached.post("/graphql", json={"query": WINNER, "extensions": persisted()})
    assert registered.json() == WINNER_DATA
    by_hash = await cached.post("/graphql", json={"extensions": persisted()})
    assert (by_hash.json(), by_hash.headers["x-cache"]) == (WINNER_DATA, "HIT")


async def test_persisted_queries_over_get(cached: httpx.AsyncClient) -> None:
    extensions = json.dumps(persisted())
    unknown = await cached.get("/graphql", params={"extensions": extensions}, headers={"accept": GRAPHQL_RESPONSE})
    assert unknown.status_code == 400
    assert unknown.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    registered = await cached.get("/graphql", params={"query": WINNER, "extensions": extensions})
    assert registered.json() == WINNER_DATA
    by_hash = await cached.get("/graphql", params={"extensions": extensions})
    assert by_hash.json() == WINNER_DATA


async def test_a_hash_that_does_not_match_its_query_is_refused(cached: httpx.AsyncClient) -> None:
    response = await cached.post("/graphql", json={"query": WINNER, "extensions": persisted("0" * 64)})
    assert response.json()["errors"][0] == {
        "message": "provided sha does not match query",
        "extensions": {"code": "BAD_REQUEST"},
    }
    wrong_version = await cached.post(
        "/graphql", json={"query": WINNER, "extensions": {"persistedQuery": {"version": 2, "sha256Hash": WINNER_HASH}}}
    )
    assert wrong_version.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_get_carries_an_etag_and_if_none_match_gets_304(cached: httpx.AsyncClient) -> None:
    first = await cached.get("/graphql", params={"query": WINNER})
    etag = first.headers["etag"]
    assert etag.startswith('W/"') and first.headers["cache-control"] == "public, max-age=5"
    # CORS adds Origin (Starlette's CORSMiddleware always does); the response itself varies by Accept.
    assert [v.strip() for v in first.headers["vary"].split(",")] == ["accept", "Origin"]
    again = await cached.get("/graphql", params={"query": WINNER}, headers={"if-none-match": etag})
    assert (again.status_code, again.content, again.headers["etag"]) == (304, b"", etag)
    other = await cached.get("/graphql", params={"query": "{ season { year } }"}, headers={"if-none-match": etag})
    assert other.status_code == 200 and other.headers["etag"] != etag
    assert "etag" not in (await cached.post("/graphql", json={"query": WINNER})).headers


async def test_head_answers_like_get_without_a_body(cached: httpx.AsyncClient) -> None:
    got = await cached.get("/graphql", params={"query": WINNER})
    head = await cached.head("/graphql", params={"query": WINNER})
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-length"] == str(len(got.content))
    assert head.headers["etag"] == got.headers["etag"]


async def test_cache_control_is_configurable_and_errors_are_not_stored(loaded_database_url: str) -> None:
    settings = Settings(database_url=loaded_database_url, cache_control="public, max-age=60")
    async with api_client(settings) as http:
        ok = await http.get("/graphql", params={"query": WINNER})
        failed = await http.get("/graphql", params={"query": '{ club(name: "nobody") { name } }'})
    assert ok.headers["cache-control"] == "public, max-age=60"
    assert failed.headers["cache-control"] == "no-store"


async def test_no_cache_turns_the_response_cache_off(loaded_database_url: str) -> None:
    async with api_client(Settings(database_url=loaded_database_url, cache=False)) as http:
        responses = [await http.post("/graphql", json={"query": WINNER}) for _ in range(2)]
    assert [r.json() for r in responses] == [WINNER_DATA, WINNER_DATA]
    assert [r.headers["x-cache"] for r in responses] == ["MISS", "MISS"]


async def test_metrics_count_response_cache_hits_and_misses(cached: httpx.AsyncClient) -> None:
    def lookups(text: str, result: str) -> float:
        wanted = f'cupql_cache_lookups_total{{cache="response",result="{result}"}}'
        lines = [line for line in text.splitlines() if line.startswith(wanted)]
        return float(lines[0].split()[-1]) if lines else 0.0

    before = (await cached.get("/metrics")).text
    query = "{ season { edition } }"
    for _ in range(3):
        await cached.post("/graphql", json={"query": query})
    after = (await cached.get("/metrics")).text
    assert lookups(after, "miss") - lookups(before, "miss") == 1
    assert lookups(after, "hit") - lookups(before, "hit") == 2


async def test_an_empty_operation_name_is_not_answered_from_a_nameless_success(cached: httpx.AsyncClient) -> None:
    assert (await cached.post("/graphql", json={"query": WINNER})).json() == WINNER_DATA
    empty = await cached.post("/graphql", json={"query": WINNER, "operationName": ""})
    assert "x-cache" not in empty.headers
    assert empty.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    blank_get = await cached.get("/graphql", params={"query": WINNER, "operationName": ""})
    assert blank_get.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"


async def test_a_persisted_query_that_does_not_validate_is_not_kept(cached: httpx.AsyncClient) -> None:
    broken = "{ season { noSuchField } }"
    sha256 = hashlib.sha256(broken.encode()).hexdigest()
    sent = await cached.post("/graphql", json={"query": broken, "extensions": persisted(sha256)})
    assert sent.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    again = await cached.post("/graphql", json={"extensions": persisted(sha256)})
    assert again.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"


async def test_if_none_match_star_does_not_stand_for_a_response(cached: httpx.AsyncClient) -> None:
    response = await cached.get("/graphql", params={"query": WINNER}, headers={"if-none-match": "*"})
    assert (response.status_code, response.json()) == (200, WINNER_DATA)


def test_an_entry_costs_its_body_and_a_fixed_overhead_however_long_the_request() -> None:
    padded = GraphQLRequest("{ __typename }" + " " * 100_000, None, {"pad": "x" * 50_000}, None)
    small = GraphQLRequest("{ __typename }", None, None, None)
    padded_key, small_key = padded.cache_key("application/json"), small.cache_key("application/json")
    assert padded_key is not None and small_key is not None
    assert len(padded_key) == len(small_key) == 16 and padded_key != small_key
    body = b'{"data":{"__typename":"Query"}}'
    content_type = b"application/json"
    expected = sys.getsizeof(content_type) + sys.getsizeof(body) + ENTRY_OVERHEAD_BYTES
    assert CachedResponse.of(content_type, body).size == expected
    responses = ResponseCache(max_bytes=1024)
    responses.put(small_key, CachedResponse.of(b"application/json", b"x" * 2048))
    assert responses.get(small_key) is None  # larger than the whole cache: never stored
    responses.put(small_key, CachedResponse.of(b"application/json", body))
    assert responses.get(small_key) is not None
