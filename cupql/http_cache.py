"""HTTP caching in front of /graphql: persisted queries, whole-response caching, ETags and HEAD.

The data changes only when `cupql load` runs, so a response is a function of the request and the data
version. A cache hit neither parses nor validates: the stored bytes are written as they are. Only successful
responses (no errors) are stored, in an LRU bounded in bytes that is emptied whenever the data version
changes; `X-Cache: HIT` or `MISS` says which a response was. GET and HEAD responses carry a weak ETag made
of the data version and the request, and an `If-None-Match` that matches it gets a 304 without running
anything.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

import orjson
from cachetools import LRUCache
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cupql.data_version import DataVersion
from cupql.http import APPLICATION_JSON, CACHE_STATE, GRAPHQL_RESPONSE_JSON, CacheState, negotiate_media_type
from cupql.metrics import record_cache_lookup
from cupql.persisted_queries import PersistedQueries, PersistedQueryError
from schema.cost import asks_cost

__all__ = ["CachingGraphQL", "ResponseCache"]

_QUERY_PARAMETERS = ("query", "operationName", "variables", "extensions")


CacheKey = tuple[str, str | None, bytes, str]
"""A request as the response cache tells requests apart: query, operation name, variables, media type."""


@dataclass(frozen=True)
class CachedResponse:
    """A stored response: its media type and body, and the bytes its entry holds (key included)."""

    content_type: bytes
    body: bytes
    size: int

    @classmethod
    def for_key(cls, key: CacheKey, content_type: bytes, body: bytes) -> CachedResponse:
        query, operation_name, variables, media_type = key
        # A key can be larger than its response (a padded query): both count against the cache's bound.
        key_bytes = len(query.encode()) + len(operation_name or "") + len(variables) + len(media_type)
        return cls(content_type, body, key_bytes + len(content_type) + len(body) + 256)


@dataclass(frozen=True)
class GraphQLRequest:
    """The parts of a GraphQL-over-HTTP request that decide its response."""

    query: object
    operation_name: object
    variables: object
    extensions: object

    @property
    def well_formed(self) -> bool:
        """Whether its parameters have the types the spec asks for (the endpoint explains what is wrong if not)."""
        return (
            (self.query is not None or self.extensions is not None)
            and isinstance(self.query, str | None)
            and isinstance(self.operation_name, str | None)
            and isinstance(self.variables, dict | None)
            and isinstance(self.extensions, dict | None)
        )

    def cache_key(self, media_type: str) -> CacheKey | None:
        if not isinstance(self.query, str) or not isinstance(self.operation_name, str | None):
            return None
        if asks_cost(self.extensions):
            return None  # the cost report's `actual` is measured on a run, never on a stored response
        try:
            variables = orjson.dumps(self.variables or {}, option=orjson.OPT_SORT_KEYS)
        except TypeError:
            return None
        # An empty operation name is an error where no name is not: the two must not share a response.
        return self.query, self.operation_name, variables, media_type


class ResponseCache:
    """Successful responses by request, for one data version, bounded in bytes."""

    def __init__(self, max_bytes: int) -> None:
        self._responses: LRUCache[CacheKey, CachedResponse] = LRUCache(
            max_bytes, getsizeof=lambda response: response.size
        )

    def get(self, key: CacheKey) -> CachedResponse | None:
        response = self._responses.get(key)
        record_cache_lookup("response", hit=response is not None)
        return response

    def put(self, key: CacheKey, response: CachedResponse) -> None:
        if response.size <= self._responses.maxsize:
            self._responses[key] = response

    def clear(self) -> None:
        self._responses.clear()


@dataclass
class _Captured:
    """A response the endpoint sent, held back until its headers are complete."""

    status: int = 200
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body: bytearray = field(default_factory=bytearray)


class CachingGraphQL:
    """The ASGI app in front of the GraphQL endpoint (see the module docstring)."""

    def __init__(
        self,
        endpoint: ASGIApp,
        *,
        data_version: DataVersion,
        responses: ResponseCache | None,
        persisted_queries: PersistedQueries,
        cache_control: str,
    ) -> None:
        self.endpoint = endpoint
        self.data_version = data_version
        self.responses = responses
        self.persisted_queries = persisted_queries
        self.cache_control = cache_control.encode("latin-1")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope.get("method")
        if scope["type"] != "http" or method not in ("GET", "HEAD", "POST"):
            await self.endpoint(scope, receive, send)
            return
        headers = dict(scope["headers"])
        request, body = await self._read(scope, receive, headers)
        if request is None or not request.well_formed:
            # Not a GraphQL request we can read (GraphiQL's page, a batch, bad JSON): the endpoint answers.
            await self._forward(scope, receive, send, body)
            return
        media_type = negotiate_media_type(headers.get(b"accept", b"").decode("latin-1") or None)
        try:
            query, to_register = self.persisted_queries.resolve(request.query, request.extensions)
        except PersistedQueryError as error:
            await _send_error(send, error, media_type or APPLICATION_JSON, head=method == "HEAD")
            return
        if query is not request.query:
            request = GraphQLRequest(query, request.operation_name, request.variables, request.extensions)
            scope, body = _with_query(scope, body, query)
        ran = await self._respond(scope, receive, send, body, request, media_type, headers)
        # A persisted query is kept only once it has run: text that does not parse or validate takes no room.
        if to_register is not None and ran and isinstance(query, str):
            self.persisted_queries.register(to_register, query)

    async def _respond(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        body: bytes,
        request: GraphQLRequest,
        media_type: str | None,
        headers: dict[bytes, bytes],
    ) -> bool:
        """Answer from the cache or the endpoint; whether the operation ran (or had run) without request errors."""
        method = scope["method"]
        key = request.cache_key(media_type) if media_type else None
        version = await self.data_version.current() if key else None
        if key is None or version is None:
            state = CacheState()
            await self._forward({**scope, CACHE_STATE: state}, receive, send, body)
            return state.ran
        etag = _etag(version, key) if method != "POST" else None
        if etag is not None and _matches(headers.get(b"if-none-match"), etag):
            await send({"type": "http.response.start", "status": 304, "headers": self._validators(etag)})
            await send({"type": "http.response.body", "body": b""})
            return True
        cached = self.responses.get(key) if self.responses is not None else None
        if cached is not None:
            await self._send(send, cached.content_type, cached.body, etag, hit=True, head=method == "HEAD")
            return True
        return await self._run(scope, receive, send, body, key, version, etag)

    async def _run(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        body: bytes,
        key: CacheKey,
        version: int,
        etag: bytes | None,
    ) -> bool:
        state = CacheState()
        captured = _Captured()

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured.status = message["status"]
                captured.headers = list(message.get("headers", []))
            elif message["type"] == "http.response.body":
                captured.body += message.get("body", b"")

        head = scope["method"] == "HEAD"
        await self._forward(
            {**scope, "method": "GET" if head else scope["method"], CACHE_STATE: state}, receive, capture, body
        )
        content_type = dict(captured.headers).get(b"content-type", APPLICATION_JSON.encode())
        cacheable = state.cacheable and captured.status == 200
        if cacheable and self.responses is not None and await self.data_version.current() == version:
            self.responses.put(key, CachedResponse.for_key(key, content_type, bytes(captured.body)))
        if cacheable:
            await self._send(send, content_type, bytes(captured.body), etag, hit=False, head=head)
            return True
        headers = [(name, value) for name, value in captured.headers if name != b"content-length"]
        if etag is not None:
            headers.append((b"cache-control", b"no-store"))
        headers.append((b"content-length", str(len(captured.body)).encode()))
        await send({"type": "http.response.start", "status": captured.status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if head else bytes(captured.body)})
        return state.ran

    def _validators(self, etag: bytes) -> list[tuple[bytes, bytes]]:
        return [(b"etag", etag), (b"cache-control", self.cache_control), (b"vary", b"accept")]

    async def _send(
        self, send: Send, content_type: bytes, body: bytes, etag: bytes | None, *, hit: bool, head: bool
    ) -> None:
        headers = [
            (b"content-type", content_type),
            (b"content-length", str(len(body)).encode()),
            (b"x-cache", b"HIT" if hit else b"MISS"),
        ]
        if etag is not None:
            headers += self._validators(etag)
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if head else body})

    async def _read(
        self, scope: Scope, receive: Receive, headers: dict[bytes, bytes]
    ) -> tuple[GraphQLRequest | None, bytes]:
        if scope["method"] != "POST":
            parameters = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True))
            try:
                return GraphQLRequest(
                    parameters.get("query"),
                    parameters.get("operationName"),
                    _json_parameter(parameters.get("variables")),
                    _json_parameter(parameters.get("extensions")),
                ), b""
            except orjson.JSONDecodeError:
                return None, b""
        chunks = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if content_type != b"application/json":
            return None, body
        try:
            payload = orjson.loads(body)
        except orjson.JSONDecodeError:
            return None, body
        if not isinstance(payload, dict):
            return None, body
        return GraphQLRequest(
            payload.get("query"), payload.get("operationName"), payload.get("variables"), payload.get("extensions")
        ), body

    async def _forward(self, scope: Scope, receive: Receive, send: Send, body: bytes) -> None:
        if scope["method"] == "HEAD":
            scope = {**scope, "method": "GET"}
            send = _without_body(send)
        if scope["method"] != "POST":
            await self.endpoint(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.endpoint(scope, replay, send)


def _json_parameter(text: str | None) -> Any:
    return None if text is None else orjson.loads(text)


def _with_query(scope: Scope, body: bytes, query: object) -> tuple[Scope, bytes]:
    """The request with the persisted query's text filled in, for the endpoint to run."""
    if scope["method"] == "POST":
        payload = orjson.loads(body)
        payload["query"] = query
        return scope, orjson.dumps(payload)
    parameters = [
        (name, value) for name, value in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
    ]
    parameters = [(name, value) for name, value in parameters if name != "query"] + [("query", str(query))]
    return {**scope, "query_string": urlencode(parameters).encode("latin-1")}, body


def _etag(version: int, key: CacheKey) -> bytes:
    digest = hashlib.blake2b(digest_size=12)
    query, operation_name, variables, media_type = key
    # The operation name is prefixed so that none and an empty one differ.
    for part in (query, "" if operation_name is None else f"={operation_name}", variables, media_type):
        digest.update(part.encode() if isinstance(part, str) else part)
        digest.update(b"\0")
    return f'W/"{version}-{digest.hexdigest()}"'.encode()


def _matches(if_none_match: bytes | None, etag: bytes) -> bool:
    if if_none_match is None:
        return False
    wanted = etag.removeprefix(b"W/")
    # `*` is not honoured: it would answer 304 for a query that has never run, or cannot.
    return any(tag.strip().removeprefix(b"W/") == wanted for tag in if_none_match.split(b","))


def _without_body(send: Send) -> Send:
    async def send_head(message: Message) -> None:
        if message["type"] == "http.response.body":
            message = {**message, "body": b""}
        await send(message)

    return send_head


async def _send_error(send: Send, error: PersistedQueryError, media_type: str, *, head: bool) -> None:
    body = orjson.dumps({"errors": [{"message": error.message, "extensions": {"code": error.code}}]})
    # Like every request error: 200 for application/json clients, 400 under the newer media type.
    status = 400 if media_type == GRAPHQL_RESPONSE_JSON else 200
    headers = [
        (b"content-type", f"{media_type}; charset=utf-8".encode()),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if head else body})
