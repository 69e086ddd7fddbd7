"""Past a number of requests in flight, answer 503 at once with `Retry-After`, instead of letting requests queue.

A worker is one event loop: every request it has accepted shares its CPU, so a hundred requests in flight each
take a hundred times longer. Refusing the excess at once keeps the served requests' latency bounded, and tells
the refused clients when to come back. Health checks and metrics are never refused: they say how the server is.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from cupql.error_response import graphql_error_response
from football.errors import ErrorCode

__all__ = ["RETRY_AFTER_SECONDS", "RequestsInFlight"]

RETRY_AFTER_SECONDS = 1
_ALWAYS_SERVED = frozenset({"/healthz", "/readyz", "/metrics"})


class RequestsInFlight:
    """ASGI middleware: at most `limit` HTTP requests at once; the next get 503 with `Retry-After`."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in _ALWAYS_SERVED:
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            response = graphql_error_response(
                f"The server is busy with {self.limit} requests; retry in {RETRY_AFTER_SECONDS} s.",
                ErrorCode.SERVICE_UNAVAILABLE,
                status_code=503,
                headers={"retry-after": str(RETRY_AFTER_SECONDS)},
            )
            await response(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1
