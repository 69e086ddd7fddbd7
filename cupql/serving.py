"""Run uvicorn with cupql's bounds on slow and idle clients, and its logging.

uvicorn closes idle keep-alive connections and answers 503 past a concurrency limit, but with its
httptools parser it neither bounds the size of a request's line and headers nor the time a client may
take to send them. `BoundedHeadProtocol` adds both: a connection whose request head is larger than
`--max-request-head-bytes` gets 400 and is closed, and one whose head has not all arrived within
`--timeout-request-headers` seconds is closed, for the first request as for later ones.
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

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        # Counted after parsing, so that body bytes arriving with the headers never count as head.
        if not self.reading_head or self.transport.is_closing():
            return
        self.head_bytes += len(data)
        if self.head_bytes > self.max_request_head_bytes:
            self._disarm()
            self.send_400_response("Request line and headers too large.")
        elif self.header_deadline is None:
            self._arm()  # the next request on a kept-alive connection has begun

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self.reading_head = True
        self.head_bytes = 0

    def on_headers_complete(self) -> None:
        self.reading_head = False
        self._disarm()
        super().on_headers_complete()

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
