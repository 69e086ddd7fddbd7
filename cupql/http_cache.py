"""HTTP caching in front of /graphql: persisted queries, whole-response caching, ETags and HEAD.

The data changes only when `cupql load` runs, so a response is a function of the request and the data
version. A cache hit neither parses nor validates: the stored bytes are written as they are. Only successful
responses (no errors) are stored, in an LRU bounded in bytes that is emptied whenever the data version
changes; `X-Cache: HIT` or `MISS` says which a response was. While the database cannot be reached (see
`cupql.data_version`), what the cache holds is still served, with `X-Cache: STALE` and a `Warning`, and every
other request gets 503 with `Retry-After` at once, without trying the database. GET and HEAD responses carry a
weak ETag made of the data version and the request, and an `If-None-Match` that matches it gets a 304 without
running anything.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

import orjson
from cachetools import LRUCache
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cupql.data_version import DataVersion
from cupql.error_response import APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, graphql_error_response
from cupql.http import CACHE_STATE, CacheState, negotiate_media_type
from cupql.metrics import record_cache_lookup
from cupql.middleware.in_flight import RETRY_AFTER_SECONDS
from cupql.persisted_queries import PersistedQueries, PersistedQueryError
from cupql.request_body import BODY, RequestBody, read_body
from football.errors import DATABASE_UNAVAILABLE_MESSAGE, ErrorCode
from schema.cost import asks_cost

__all__ = ["CachingGraphQL", "ResponseCache"]

_QUERY_PARAMETERS = ("query", "operationName", "variables", "extensions")


CacheKey = bytes
"""A request as the response cache tells requests apart: a digest of its query, operation name, variables and
response media type. A digest, so that a key costs the same few bytes however long the request is."""

ENTRY_OVERHEAD_BYTES = 400
"""What an entry costs beside its body and content type: key, record, the LRU's bookkeeping (measured: about 250)."""


@dataclass(frozen=True, slots=True)
class CachedResponse:
    """A stored response: its media type and body, and the bytes its entry holds (key and bookkeeping included)."""

    content_type: bytes
    body: bytes
    size: int

    @classmethod
    def of(cls, content_type: bytes, body: bytes) -> CachedResponse:
        return cls(content_type, body, sys.getsizeof(content_type) + sys.getsizeof(body) + ENTRY_OVERHEAD_BYTES)


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
        digest = hashlib.blake2b(digest_size=16)
        # The operation name is prefixed so that none and an empty one differ: the two must not share a response.
        operation = "" if self.operation_name is None else f"={self.operation_name}"
        for part in (self.query.encode(), operation.encode(), variables, media_type.encode()):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
        return digest.digest()


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
        max_json_depth: int,
    ) -> None:
        self.endpoint = endpoint
        self.max_json_depth = max_json_depth
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
            await _send_error(scope, receive, send, error, media_type or APPLICATION_JSON)
            return
        if query is not request.query:
            request = GraphQLRequest(query, request.operation_name, request.variables, request.extensions)
            scope, body = self._with_query(scope, body, query)
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
        version = await self.data_version.current()
        if self.data_version.outage:
            return await self._answer_in_outage(scope, receive, send, key, media_type or APPLICATION_JSON)
        if key is None or version is None:
            state = CacheState()
            await self._forward({**scope, CACHE_STATE: state}, receive, send, body)
            if state.unavailable:
                self.data_version.report_outage()
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

    async def _answer_in_outage(
        self, scope: Scope, receive: Receive, send: Send, key: CacheKey | None, media_type: str
    ) -> bool:
        """While the database cannot be reached: what the cache holds, marked stale, else 503 at once."""
        cached = self.responses.get(key) if self.responses is not None and key is not None else None
        if cached is not None:
            await self._send(send, cached.content_type, cached.body, None, hit=True, head=scope["method"] == "HEAD")
            return True
        response = graphql_error_response(
            DATABASE_UNAVAILABLE_MESSAGE,
            ErrorCode.SERVICE_UNAVAILABLE,
            status_code=503,
            media_type=media_type,
            headers={"retry-after": str(RETRY_AFTER_SECONDS), "cache-control": "no-store"},
        )
        await response(scope, receive, _without_body(send) if scope["method"] == "HEAD" else send)
        return False

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
        if state.unavailable:
            self.data_version.report_outage()
        content_type = dict(captured.headers).get(b"content-type", APPLICATION_JSON.encode())
        if state.read_version not in (None, version):
            etag = None  # read after an import the cache has not seen yet: neither stored nor validated as `version`
        cacheable = state.cacheable and captured.status == 200 and state.read_version in (None, version)
        if cacheable and self.responses is not None and await self.data_version.current() == version:
            self.responses.put(key, CachedResponse.of(content_type, bytes(captured.body)))
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
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
        if self.data_version.outage and hit:
            # Served from the cache while the database cannot be reached: the data may have changed since.
            headers += [(b"x-cache", b"STALE"), (b"warning", b'110 - "Response is Stale"')]
        else:
            headers.append((b"x-cache", b"HIT" if hit else b"MISS"))
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
        body = await read_body(scope, receive)
        content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
        if content_type != b"application/json":
            return None, body.raw
        try:
            payload = body.json(self.max_json_depth)
        except ValueError:
            return None, body.raw
        if not isinstance(payload, dict):
            return None, body.raw
        return GraphQLRequest(
            payload.get("query"), payload.get("operationName"), payload.get("variables"), payload.get("extensions")
        ), body.raw

    def _with_query(self, scope: Scope, body: bytes, query: object) -> tuple[Scope, bytes]:
        """The request with the persisted query's text filled in, for the endpoint to run."""
        if scope["method"] == "POST":
            shared: RequestBody = scope[BODY]
            payload = shared.json(self.max_json_depth)  # parsed already: this returns what `_read` read
            assert isinstance(payload, dict)
            return {**scope, BODY: shared.with_json({**payload, "query": query})}, body
        parameters = [
            (name, value)
            for name, value in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            if name != "query"
        ]
        parameters.append(("query", str(query)))
        return {**scope, "query_string": urlencode(parameters).encode("latin-1")}, body

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


def _etag(version: int, key: CacheKey) -> bytes:
    return f'W/"{version}-{key.hex()}"'.encode()


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


async def _send_error(scope: Scope, receive: Receive, send: Send, error: PersistedQueryError, media_type: str) -> None:
    # Like every request error: 200 for application/json clients, 400 under the newer media type.
    status = 400 if media_type == GRAPHQL_RESPONSE_JSON else 200
    response = graphql_error_response(
        error.message, error.code, status_code=status, media_type=media_type, headers={"cache-control": "no-store"}
    )
    await response(scope, receive, _without_body(send) if scope["method"] == "HEAD" else send)
