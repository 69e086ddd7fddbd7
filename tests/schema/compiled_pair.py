"""Two in-process servers over one database, one running compiled plans and one interpreting, asked the same thing.

`Pair.ask` posts a request to both and returns both responses' bytes and how the compiled server ran it. Both
servers report `--debug-sql` extensions (the only way a client can tell how a request ran); those differ by
design (statement counts, `plan`), so the bytes compared are the whole body up to the top-level `extensions`,
which orjson writes last.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import orjson

from cupql.settings import Settings
from tests.conftest import GRAPHQL_RESPONSE, api_client


@dataclass(frozen=True)
class Answer:
    """Both servers' answers to one request."""

    interpreted: bytes
    compiled: bytes
    execution: str
    """How the compiled server ran it: "compiled", or "interpreted" when it fell back."""


def without_debug_extensions(body: bytes) -> bytes:
    """The body without its top-level `extensions` (the last key: nothing after it mentions extensions)."""
    cut = body.rfind(b',"extensions":{')
    return body[:cut] + b"}" if cut != -1 else body


class Pair:
    """The two servers, driven from synchronous code (hypothesis) on an event loop of their own."""

    def __init__(self, database_url: str, debug_sql: bool = True) -> None:
        self.loop = asyncio.new_event_loop()
        self.stack = contextlib.AsyncExitStack()
        # The loop stands still while hypothesis draws the next document, and a data-version read begun before
        # would time out in the meantime (an outage, answered 503 by one server): the version is read at start only.
        self.interpreter = self.run(self.client(self.settings(database_url, debug_sql, compile=False)))
        self.compiler = self.run(self.client(self.settings(database_url, debug_sql, compile=True)))
        self.documents = 0
        self.compiled = 0

    @staticmethod
    def settings(database_url: str, debug_sql: bool, *, compile: bool) -> Settings:
        return Settings(
            database_url=database_url, debug_sql=debug_sql, cache=False, compile=compile, cache_refresh_seconds=3600.0
        )

    def run(self, awaitable: object) -> Any:
        return self.loop.run_until_complete(awaitable)  # type: ignore[arg-type]

    async def client(self, settings: Settings) -> httpx.AsyncClient:
        return await self.stack.enter_async_context(api_client(settings))

    def ask(self, query: str, variables: dict[str, object] | None = None) -> Answer:
        payload = {"query": query, "variables": variables or {}}
        headers = {"accept": GRAPHQL_RESPONSE}

        async def both() -> tuple[httpx.Response, httpx.Response]:
            interpreted = await self.interpreter.post("/graphql", json=payload, headers=headers)
            compiled = await self.compiler.post("/graphql", json=payload, headers=headers)
            return interpreted, compiled

        interpreted, compiled = self.loop.run_until_complete(both())
        assert interpreted.status_code == compiled.status_code, (query, variables)
        extensions = orjson.loads(compiled.content).get("extensions") or {}
        execution = extensions.get("plan", {}).get("execution", "interpreted")
        self.documents += 1
        self.compiled += execution == "compiled"
        return Answer(
            without_debug_extensions(interpreted.content), without_debug_extensions(compiled.content), execution
        )

    def close(self) -> None:
        self.loop.run_until_complete(self.stack.aclose())
        self.loop.close()


@contextlib.contextmanager
def pair(database_url: str, debug_sql: bool = True) -> Iterator[Pair]:
    servers = Pair(database_url, debug_sql)
    try:
        yield servers
    finally:
        servers.close()
