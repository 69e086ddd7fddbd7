"""Watch every HTTP request: give it an id, time it, count its SQL statements, log one access line, record metrics.

The request id is the client's `X-Request-ID` when it is a sane token, else a fresh one; it is echoed
in the response's `X-Request-ID` and carried by every log line written while the request runs (see
`cupql.logs`). Code serving a request reaches its record through `current_request()`: the GraphQL
endpoint names the operation there, and adds the statements its database connection ran.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.extensions import SchemaExtension

from cupql import metrics

__all__ = [
    "REQUEST_ID_HEADER",
    "RecordOperation",
    "RequestObserver",
    "RequestRecord",
    "count_statements",
    "current_request",
]

REQUEST_ID_HEADER = "x-request-id"
_SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
# Paths recorded in metrics as they are; anything else counts as "other" (a scanner must not add series).
_KNOWN_PATHS = frozenset({"/graphql", "/healthz", "/readyz", "/metrics"})

access_logger = logging.getLogger("cupql.access")
ACCESS_FIELDS = ("request_id", "method", "path", "operation", "status", "duration_ms", "statements")
"""The fields of an access line, beside its level, logger, message and timestamp."""


@dataclass
class RequestRecord:
    """What is known about the request being served."""

    request_id: str
    method: str
    path: str
    operation: str | None = None
    statements: int = 0
    status: int = 0


_current: ContextVar[RequestRecord | None] = ContextVar("cupql_request", default=None)


def current_request() -> RequestRecord | None:
    """The record of the request being served in this task, if any."""
    return _current.get()


def count_statements(statements: int) -> None:
    """Count the SQL statements a request ran (`resolvers.database.Database.statements`, the one counter), for the
    metrics and the request's access line."""
    metrics.record_statements(statements)
    record = _current.get()
    if record is not None:
        record.statements += statements


def _request_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == REQUEST_ID_HEADER.encode():
            text: str = value.decode("latin-1")
            if _SANE_REQUEST_ID.fullmatch(text):
                return text
    return uuid.uuid4().hex


class RequestObserver:
    """ASGI middleware: request id, access log line and request metrics (see the module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        record = RequestRecord(_request_id(scope), scope["method"], scope["path"])
        token = _current.set(record)
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                record.status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != REQUEST_ID_HEADER.encode()]
                message = {**message, "headers": [*headers, (REQUEST_ID_HEADER.encode(), record.request_id.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except BaseException:
            record.status = record.status or 500
            raise
        finally:
            seconds = time.perf_counter() - started
            _current.reset(token)
            self._report(record, seconds)

    @staticmethod
    def _report(record: RequestRecord, seconds: float) -> None:
        path = record.path if record.path in _KNOWN_PATHS else "other"
        metrics.record_request(path, record.operation, record.status, seconds)
        duration_ms = round(seconds * 1000, 1)
        operation = f" {record.operation}" if record.operation else ""
        if not access_logger.isEnabledFor(logging.INFO):
            return
        # The record is made and handled directly: `access_logger.info` would also walk the stack to find
        # its caller, which no access line shows, once per request.
        access_line = access_logger.makeRecord(
            access_logger.name,
            logging.INFO,
            __file__,
            0,
            "%s %s%s %s %sms %s statements",
            (record.method, record.path, operation, record.status, duration_ms, record.statements),
            None,
            extra={
                "request_id": record.request_id,
                "method": record.method,
                "path": record.path,
                "operation": record.operation,
                "status": record.status,
                "duration_ms": duration_ms,
                "statements": record.statements,
            },
        )
        access_logger.handle(access_line)


class RecordOperation(SchemaExtension):
    """Name the GraphQL operation in the request's record, for the access line and the metrics."""

    def on_operation(self) -> Iterator[None]:
        yield
        record = _current.get()
        if record is not None:
            # After the operation, so that a name given only in the document is known too.
            record.operation = self.execution_context.operation_name
