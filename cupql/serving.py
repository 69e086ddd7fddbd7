"""Run uvicorn with cupql's bounds on slow and idle clients, and its logging.

uvicorn closes idle keep-alive connections and answers 503 past a concurrency limit, but with its
httptools parser it neither bounds the size of a request's line and headers nor the time a client may
take to send them. `BoundedHeadProtocol` adds both: a connection whose request head is larger than
`--max-request-head-bytes` gets 431 and is closed, and one whose head has not all arrived within
`--timeout-request-headers` seconds is closed, for the first request as for later ones. The head's bytes
are counted before the parser sees them, up to the blank line that ends the head, so the limit holds
however the head is cut into reads: in one write of 100 kB as in a byte at a time.

uvicorn has no public hook for this: the protocol extends `HttpToolsProtocol`, an internal class. uvicorn is
pinned to one version in pyproject.toml, and `tests/cli/test_serving_shape.py` fails, naming this module, when an
upgrade changes what this class relies on (the methods it overrides and the attributes it reads).
"""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from cupql.settings import Settings

__all__ = ["BoundedHeadProtocol", "run_server"]


class BoundedHeadProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol, with a size and a time limit on each request's line and headers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Worker processes are configured through the environment (see `cupql serve`).
        settings = Settings.from_environment()
        self.timeout_request_headers = settings.timeout_request_headers
        self.max_request_head_bytes = settings.max_request_head_bytes
        self.header_deadline: asyncio.TimerHandle | None = None
        self.reading_head = True
        self.head_bytes = 0
        self.head_tail = b""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self.reading_head and not self.transport.is_closing():
            # Counted before parsing, and only up to the end of the head: body bytes sent with it are not head.
            seen = self.head_tail + data
            end = seen.find(b"\r\n\r\n")
            self.head_bytes += len(data) if end < 0 else max(end + 4 - len(self.head_tail), 0)
            self.head_tail = seen[-3:]
            if self.head_bytes > self.max_request_head_bytes:
                self._disarm()
                self._refuse_head()
                return
            if self.header_deadline is None:
                self._arm()  # the next request on a kept-alive connection has begun
        super().data_received(data)

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self.reading_head = True  # what the connection sends next is the next request's head

    def on_headers_complete(self) -> None:
        self.reading_head = False
        self.head_bytes = 0
        self.head_tail = b""
        self._disarm()
        super().on_headers_complete()

    def _refuse_head(self) -> None:
        message = b"Request line and headers too large."
        self.transport.write(
            b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-type: text/plain; charset=utf-8\r\n"
            b"content-length: %d\r\nconnection: close\r\n\r\n%s" % (len(message), message)
        )
        self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _arm(self) -> None:
        self._disarm()
        self.header_deadline = self.loop.call_later(self.timeout_request_headers, self._headers_timed_out)

    def _disarm(self) -> None:
        if self.header_deadline is not None:
            self.header_deadline.cancel()
            self.header_deadline = None

    def _headers_timed_out(self) -> None:
        self.header_deadline = None
        if self.reading_head and not self.transport.is_closing():
            self.transport.close()


def run_server(settings: Settings, log_config: dict[str, Any]) -> None:
    """Serve `cupql.app:app_from_environment` (`settings` already in the environment) until stopped."""
    uvicorn.run(
        "cupql.app:app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        http=BoundedHeadProtocol,
        timeout_keep_alive=settings.timeout_keep_alive,
        limit_concurrency=settings.limit_concurrency,
        timeout_graceful_shutdown=settings.timeout_graceful_shutdown,
        log_config=log_config,
        access_log=False,
    )
