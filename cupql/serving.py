"""Run uvicorn with cupql's bounds on slow and idle clients, and its logging.

uvicorn closes idle keep-alive connections, caps the size of a request's head and answers 503 past a
concurrency limit, but it waits forever for the head of a connection's first request. The
`HeaderTimeoutProtocol` below closes a connection whose request line and headers have not all arrived
within `--timeout-request-headers` seconds, the first request's as well as later ones'.
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from cupql.settings import Settings

__all__ = ["HeaderTimeoutProtocol", "run_server"]


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol, closing connections that take too long to send a request's headers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Worker processes are configured through the environment (see `run_server`).
        self.timeout_request_headers = Settings.from_environment().timeout_request_headers
        self.header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self.header_deadline is None and self.conn.their_state is h11.IDLE:
            self._arm()  # the next request on a kept-alive connection has started
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:
            self._disarm()

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
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()


def run_server(host: str, port: int, workers: int, settings: Settings, log_config: dict[str, Any]) -> None:
    """Serve `cupql.app:app_from_environment` (`settings` already in the environment) until stopped."""
    uvicorn.run(
        "cupql.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        http=HeaderTimeoutProtocol,
        timeout_keep_alive=settings.timeout_keep_alive,
        h11_max_incomplete_event_size=settings.h11_max_incomplete_event_size,
        limit_concurrency=settings.limit_concurrency,
        timeout_graceful_shutdown=settings.timeout_graceful_shutdown,
        log_config=log_config,
        access_log=False,
    )
