"""Refuse request bodies over a size limit with 413 and a GraphQL-shaped error, before the application reads them.

A declared `Content-Length` over the limit is refused without reading a byte. Otherwise the body is
read here, chunk by chunk, and refused as soon as it passes the limit, so a chunked upload of any
size costs at most the limit in memory. The application then receives the body in one message.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cupql.errors import ErrorCode

__all__ = ["BodySizeLimit"]


class BodySizeLimit:
    """ASGI middleware: HTTP request bodies may have at most `max_bytes` bytes."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                # The client went away: let the application see the disconnect.
                await self.app(scope, _replay([], message, receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        await self.app(scope, _replay(chunks, None, receive), send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps(
            {
                "errors": [
                    {
                        "message": f"The request body is larger than {self.max_bytes} bytes.",
                        "extensions": {"code": str(ErrorCode.PAYLOAD_TOO_LARGE), "maxBodyBytes": self.max_bytes},
                    }
                ]
            }
        ).encode()
        headers = [
            (b"content-type", b"application/json; charset=utf-8"),
            (b"content-length", str(len(body)).encode()),
            # The rest of the body is never read: the connection cannot carry another request.
            (b"connection", b"close"),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _replay(chunks: list[bytes], first: Message | None, receive: Receive) -> Receive:
    """A `receive` that gives the body read so far (or `first`) once, then defers to the server's."""
    pending: list[Message] = (
        [first] if first is not None else [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]
    )

    async def replay() -> Message:
        return pending.pop() if pending else await receive()

    return replay
