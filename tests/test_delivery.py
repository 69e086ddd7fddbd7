"""CORS and compression (cupql/delivery.py), over the real app: preflight, allowed and refused origins,
encodings above the threshold for API responses and GraphiQL's assets, and their long-lived caching."""

from __future__ import annotations

import gzip
import json

import brotli
import httpx
import pytest
import zstandard

from cupql.delivery import COMPRESS_MINIMUM_BYTES, prefers_zstd
from cupql.graphiql import graphiql_page_html
from cupql.settings import Settings
from tests.conftest import api_client

APP_ORIGIN = "http://app.example:3000"
ALL_CUP_RUNS = "{ clubs(first: 100) { nodes { name cupRun { steps { round opponent { name } goalsFor goalsAgainst result match { date goals { minute scorer { name } } } } } } } }"


def preflight(origin: str, method: str = "POST") -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "content-type, accept",
    }


async def test_any_origin_may_call_the_api_by_default(loaded_database_url: str) -> None:
    async with api_client(Settings(database_url=loaded_database_url)) as http:
        answer = await http.options("/graphql", headers=preflight(APP_ORIGIN))
        assert answer.status_code == 200
        assert answer.headers["access-control-allow-origin"] == "*"
        assert {"GET", "POST"} <= {m.strip() for m in answer.headers["access-control-allow-methods"].split(",")}
        assert "content-type" in answer.headers["access-control-allow-headers"].lower()
        assert int(answer.headers["access-control-max-age"]) > 0
        assert "access-control-allow-credentials" not in answer.headers

        posted = await http.post("/graphql", json={"query": "{ season { year } }"}, headers={"Origin": APP_ORIGIN})
        assert posted.json() == {"data": {"season": {"year": 2024}}}
        assert posted.headers["access-control-allow-origin"] == "*"
        fetched = await http.get("/graphql", params={"query": "{ season { year } }"}, headers={"Origin": APP_ORIGIN})
        assert fetched.headers["access-control-allow-origin"] == "*"


async def test_listed_origins_only_when_configured(loaded_database_url: str) -> None:
    settings = Settings(database_url=loaded_database_url, cors_origins=f"{APP_ORIGIN}/, http://b.example")
    async with api_client(settings) as http:
        allowed = await http.options("/graphql", headers=preflight(APP_ORIGIN))
        assert allowed.status_code == 200
        assert allowed.headers["access-control-allow-origin"] == APP_ORIGIN
        assert "origin" in allowed.headers["vary"].lower()

        refused = await http.options("/graphql", headers=preflight("http://evil.example"))
        assert refused.status_code == 400
        assert "access-control-allow-origin" not in refused.headers
        posted = await http.post(
            "/graphql", json={"query": "{ season { year } }"}, headers={"Origin": "http://evil.example"}
        )
        assert "access-control-allow-origin" not in posted.headers


async def test_no_origins_means_same_origin_only(loaded_database_url: str) -> None:
    async with api_client(Settings(database_url=loaded_database_url, cors_origins="")) as http:
        posted = await http.post("/graphql", json={"query": "{ season { year } }"}, headers={"Origin": APP_ORIGIN})
        assert posted.status_code == 200
        assert "access-control-allow-origin" not in posted.headers


def test_origins_parse_from_commas_and_spaces() -> None:
    assert Settings(cors_origins="http://a.example/, http://b.example  https://c.example").allowed_origins == (
        "http://a.example",
        "http://b.example",
        "https://c.example",
    )
    assert Settings(cors_origins="").allowed_origins == ()
    assert Settings.from_environment({"CUPQL_CORS_ORIGINS": "http://a.example"}).allowed_origins == (
        "http://a.example",
    )
    assert Settings.from_environment({}).allowed_origins == ("*",)


async def raw_get(http: httpx.AsyncClient, url: str, encoding: str, **kwargs: object) -> tuple[httpx.Response, bytes]:
    """GET without httpx decoding the body: the response and the bytes on the wire."""
    request = http.build_request("GET", url, headers={"Accept-Encoding": encoding}, **kwargs)  # type: ignore[arg-type]
    response = await http.send(request, stream=True)
    body = b"".join([chunk async for chunk in response.aiter_raw()])
    await response.aclose()
    return response, body


@pytest.mark.parametrize(("encoding", "decode"), [("gzip", gzip.decompress), ("br", brotli.decompress)])
async def test_large_api_responses_are_compressed(loaded_database_url: str, encoding: str, decode: object) -> None:
    async with api_client(Settings(database_url=loaded_database_url)) as http:
        plain = await http.get("/graphql", params={"query": ALL_CUP_RUNS}, headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers
        assert len(plain.content) > 20_000

        packed, wire = await raw_get(http, "/graphql", encoding, params={"query": ALL_CUP_RUNS})
        assert packed.headers["content-encoding"] == encoding
        assert "accept-encoding" in packed.headers["vary"].lower()
        assert json.loads(decode(wire)) == plain.json()  # type: ignore[operator]
        assert len(wire) < len(plain.content) / 5


@pytest.mark.parametrize(
    ("accept_encoding", "chosen"),
    [
        ("gzip, deflate, br, zstd", "br"),  # Node 20's fetch, which cannot read zstd
        ("zstd, gzip", "gzip"),
        ("zstd;q=1, br;q=0.9, gzip;q=0.5", "zstd"),
        ("zstd", "zstd"),
        ("*", "br"),
        ("br;q=0, gzip, zstd", "gzip"),
        ("br;q=0, gzip;q=0, zstd;q=0.1", "zstd"),
    ],
)
async def test_br_then_gzip_win_over_zstd_unless_the_client_weighs_zstd_higher(
    loaded_database_url: str, accept_encoding: str, chosen: str
) -> None:
    decode = {"br": brotli.decompress, "gzip": gzip.decompress, "zstd": zstandard.ZstdDecompressor().decompress}
    async with api_client(Settings(database_url=loaded_database_url)) as http:
        packed, wire = await raw_get(http, "/graphql", accept_encoding, params={"query": ALL_CUP_RUNS})
        assert packed.headers["content-encoding"] == chosen
        assert json.loads(decode[chosen](wire))["data"]["clubs"]["nodes"]
        assert prefers_zstd(accept_encoding) == (chosen == "zstd")


async def test_small_responses_go_uncompressed(loaded_database_url: str) -> None:
    async with api_client(Settings(database_url=loaded_database_url)) as http:
        small, wire = await raw_get(http, "/graphql", "gzip, br", params={"query": "{ season { year } }"})
        assert len(wire) < COMPRESS_MINIMUM_BYTES
        assert "content-encoding" not in small.headers


async def test_graphiql_assets_are_compressed_and_cached_for_a_year(loaded_database_url: str) -> None:
    async with api_client(Settings(database_url=loaded_database_url)) as http:
        page = graphiql_page_html()
        script = next(
            part.split('"')[0] for part in page.split('src="')[1:] if part.split('"')[0].endswith("graphiql.min.js")
        )
        assert "@3.9.0/" in script  # the pinned version is in the URL, so the file behind it never changes

        packed, wire = await raw_get(http, script, "gzip")
        assert packed.status_code == 200
        assert packed.headers["content-encoding"] == "gzip"
        assert len(wire) < len(gzip.decompress(wire)) / 2
        assert packed.headers["cache-control"] == "public, max-age=31536000, immutable"

        other_version = await http.get(script.replace("@3.9.0/", "@3.8.0/"))
        assert other_version.status_code == 404
