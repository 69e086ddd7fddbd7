"""Errors a request can cause, and the codes a client reads in ``extensions.code``.

Plain exceptions, free of GraphQL: resolvers raise them, and the schema's error policy turns them into
GraphQL errors that keep their message and code. Anything else raised while answering is a bug and is masked.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

__all__ = [
    "DATABASE_UNAVAILABLE_MESSAGE",
    "INTERNAL_ERROR_MESSAGE",
    "BadUserInput",
    "ClientError",
    "CodedError",
    "DatabaseUnavailable",
    "ErrorCode",
    "NotFound",
    "QueryTooComplex",
    "one_line",
]

INTERNAL_ERROR_MESSAGE = "Internal server error"
DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable right now; please try again shortly."


class ErrorCode(StrEnum):
    # Refused by the HTTP layer before GraphQL saw the request.
    BAD_REQUEST = "BAD_REQUEST"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    NOT_ACCEPTABLE = "NOT_ACCEPTABLE"
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
    # Errors in GraphQL responses.
    BAD_USER_INPUT = "BAD_USER_INPUT"
    NOT_FOUND = "NOT_FOUND"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
    INTERNAL = "INTERNAL"


class CodedError(Exception):
    """An error whose message a client may read, with its code and any details in ``extensions``.

    graphql-core copies an original error's ``extensions`` onto the GraphQL error it wraps it in, so the code
    reaches the response without the schema knowing each class.
    """

    code: ErrorCode = ErrorCode.INTERNAL

    def __init__(self, message: str, *, extensions: Mapping[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.extensions: dict[str, object] = {"code": str(self.code), **(extensions or {})}


class ClientError(CodedError):
    """An error the request caused: ``raise NotFound(f"No club named {name!r}")``."""

    code = ErrorCode.BAD_USER_INPUT


class BadUserInput(ClientError):
    code = ErrorCode.BAD_USER_INPUT


class NotFound(ClientError):
    code = ErrorCode.NOT_FOUND


class QueryTooComplex(ClientError):
    code = ErrorCode.QUERY_TOO_COMPLEX


class DatabaseUnavailable(CodedError):
    """The database cannot be reached or used right now: the client should retry, and learns no driver details."""

    code = ErrorCode.SERVICE_UNAVAILABLE

    def __init__(self) -> None:
        super().__init__(DATABASE_UNAVAILABLE_MESSAGE)


def one_line(error: BaseException) -> str:
    """``Type: first line of the message``; for a wrapped driver error (SQLAlchemy's ``orig``), the driver's own,
    without the SQL and parameters the wrapper appends."""
    cause = getattr(error, "orig", None)
    if not isinstance(cause, BaseException):
        cause = error
    lines = str(cause).strip().splitlines()
    return f"{type(cause).__name__}: {lines[0] if lines else ''}".rstrip(": ")
