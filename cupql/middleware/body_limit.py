"""Refuse request bodies over a size limit with 413 and a GraphQL-shaped error, before the application reads them.

The body is read here, chunk by chunk, and kept only up to the limit, so an upload of any size costs
at most the limit in memory; the application then receives the body in one message. Past the limit,
up to `DRAIN_BYTES` more are read and thrown away before the 413 goes out: a server that closes a
connection with unread data resets it, and the client would see the reset instead of the 413. A body
declared (by `Content-Length`) or found to be larger still is refused at once, and its connection
closed: a client sending that much gets a reset, and the server spends nothing more on it.

A slow body is refused too, with 408 and its connection closed: the whole body must arrive within
`timeout` seconds, and after its first second at `min_rate` bytes a second at least, so a client trickling
a byte at a time holds a connection for about a second, not for as long as it likes.
"""

from __future__ import annotations

import asyncio
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cupql.error_response import graphql_error_response
from cupql.request_body import BODY, RequestBody
from football.errors import ErrorCode

__all__ = ["DRAIN_BYTES", "GRACE_SECONDS", "BodySizeLimit"]

DRAIN_BYTES = 1_048_576
GRACE_SECONDS = 1.0
"""How long a body may take before the minimum rate applies."""


class BodySizeLimit:
    """ASGI middleware: HTTP request bodies may have at most `max_bytes` bytes, and must arrive within `timeout`
    seconds at `min_rate` bytes a second or faster."""

    def __init__(self, app: ASGIApp, max_bytes: int, timeout: float, min_rate: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout = timeout
        self.min_rate = min_rate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes + DRAIN_BYTES:
            await self._refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        started = time.monotonic()
        while True:
            # The next bytes must come before the whole body's deadline, and before its rate falls below the minimum.
            due = started + min(self.timeout, GRACE_SECONDS + (size + 1) / self.min_rate)
            try:
                async with asyncio.timeout(max(due - time.monotonic(), 0)):
                    message = await receive()
            except TimeoutError:
                await self._too_slow(scope, receive, send)
                return
            if message["type"] != "http.request":
                # The client went away: let the application see the disconnect.
                await self.app(scope, _replay(b"", message, receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size <= self.max_bytes:
                chunks.append(chunk)
            else:
                chunks.clear()
            if not message.get("more_body", False) or size > self.max_bytes + DRAIN_BYTES:
                break
        if size > self.max_bytes:
            await self._refuse(scope, receive, send)
            return
        body = b"".join(chunks)
        # Kept for everything after this middleware (cupql.request_body): nobody reads the body again.
        scope[BODY] = RequestBody(body)
        await self.app(scope, _replay(body, None, receive), send)

    async def _too_slow(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = graphql_error_response(
            f"The request body did not arrive in time: it may take {self.timeout:g} s, "
            f"at {self.min_rate:g} bytes a second or faster after its first second.",
            ErrorCode.BAD_REQUEST,
            status_code=408,
            headers={"connection": "close"},
        )
        await response(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = graphql_error_response(
            f"The request body is larger than {self.max_bytes} bytes.",
            ErrorCode.PAYLOAD_TOO_LARGE,
            status_code=413,
            extensions={"maxBodyBytes": self.max_bytes},
            # The rest of the body is never read: the connection cannot carry another request.
            headers={"connection": "close"},
        )
        await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(body: bytes, first: Message | None, receive: Receive) -> Receive:
    """A `receive` that gives the body read (or `first`) once, then defers to the server's."""
    pending: list[Message] = (
        [first] if first is not None else [{"type": "http.request", "body": body, "more_body": False}]
    )

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay
