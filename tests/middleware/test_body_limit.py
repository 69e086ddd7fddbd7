"""Request bodies over `max_body_bytes` get 413 with a GraphQL-shaped error, declared or streamed.

The audit's second defect: eight 50 MB bodies at once pushed the server's RSS from 87 MB to 1,273 MB.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from bench.hardening import post_50_mb
from cupql.settings import Settings
from tests.conftest import LiveServer, api_client, live_server

TOO_LARGE = {
    "errors": [
        {
            "message": "The request body is larger than 100000 bytes.",
            "extensions": {"code": "PAYLOAD_TOO_LARGE", "maxBodyBytes": 100_000},
        }
    ]
}


@pytest.fixture
async def small_client(loaded_database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(Settings(database_url=loaded_database_url)) as http:
        yield http


def body_of_size(size: int) -> bytes:
    prefix = b'{"query": "{ season { year } }", "extensions": {"pad": "'
    return prefix + b"x" * (size - len(prefix) - 3) + b'"}}'


async def test_a_body_at_the_limit_is_served_and_one_byte_more_is_refused(small_client: httpx.AsyncClient) -> None:
    headers = {"content-type": "application/json"}
    at_limit = await small_client.post("/graphql", content=body_of_size(100_000), headers=headers)
    assert at_limit.json() == {"data": {"season": {"year": 2024}}}
    over = await small_client.post("/graphql", content=body_of_size(100_001), headers=headers)
    assert (over.status_code, over.json()) == (413, TOO_LARGE)
    assert over.headers["connection"] == "close"


async def test_a_streamed_body_is_refused_once_it_passes_the_limit(small_client: httpx.AsyncClient) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(1000):
            sent += 10_000
            yield b" " * 10_000

    response = await small_client.post("/graphql", content=chunks(), headers={"content-type": "application/json"})
    assert (response.status_code, response.json()) == (413, TOO_LARGE)


async def test_the_limit_is_a_setting(loaded_database_url: str) -> None:
    settings = Settings(database_url=loaded_database_url, max_body_bytes=50)
    async with api_client(settings) as http:
        response = await http.post("/graphql", json={"query": "{ season { year } }", "variables": {"x": "y" * 40}})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"] == {"code": "PAYLOAD_TOO_LARGE", "maxBodyBytes": 50}


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory) as running:
        yield running


async def test_eight_50_mb_bodies_at_once_are_refused_without_growing_the_server(server: LiveServer) -> None:
    port = int(server.url.rsplit(":", 1)[1])
    before = rss_kib(server.process.pid)
    statuses = await asyncio.gather(*(asyncio.to_thread(post_50_mb, port, declared=i % 2 == 0) for i in range(8)))
    after = rss_kib(server.process.pid)
    assert statuses == [413] * 8
    assert after - before < 50 * 1024, f"RSS grew from {before} KiB to {after} KiB"
    assert httpx.get(f"{server.url}/graphql", params={"query": "{ season { year } }"}).json() == {
        "data": {"season": {"year": 2024}}
    }


def test_the_413_body_is_json(server: LiveServer) -> None:
    response = httpx.post(f"{server.url}/graphql", content=b"x" * 200_000, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert json.loads(response.text) == TOO_LARGE


async def test_clients_sending_a_little_too_much_read_the_413_rather_than_a_reset(server: LiveServer) -> None:
    body = {"query": "query($n: String!) { club(name: $n) { name } }", "variables": {"n": "x" * 1_000_000}}
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
        responses = await asyncio.gather(*(http.post("/graphql", json=body) for _ in range(10)))
    assert [(r.status_code, r.json()) for r in responses] == [(413, TOO_LARGE)] * 10
