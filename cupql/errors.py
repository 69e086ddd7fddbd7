"""What an API error may tell the client, and the codes it carries.

Every error in a response has ``extensions.code``. Errors the client caused keep their message:

* ``ClientError`` (and subclasses) raised by resolvers or reported by validation rules, with their
  own code (``BAD_USER_INPUT``, ``NOT_FOUND``, ``QUERY_TOO_COMPLEX``);
* a lost database connection (``SERVICE_UNAVAILABLE``, with a message to retry and no driver details);
* syntax errors (``GRAPHQL_PARSE_FAILED``), validation errors (``GRAPHQL_VALIDATION_FAILED``) and
  variables that don't match their declared types (``BAD_USER_INPUT``).

Anything else is a bug or an outage: it is logged with its traceback and reaches the client only
as "Internal server error" with code ``INTERNAL``, keeping its locations and path.
"""

import logging
from collections.abc import Callable, Collection, Iterator, Mapping
from enum import StrEnum

from graphql import GraphQLError, GraphQLSyntaxError, Node
from sqlalchemy.exc import InterfaceError, OperationalError
from strawberry.extensions import SchemaExtension

__all__ = [
    "DATABASE_UNAVAILABLE_MESSAGE",
    "INTERNAL_ERROR_MESSAGE",
    "BadUserInput",
    "ClientError",
    "ErrorCode",
    "ErrorPolicy",
    "NotFound",
    "QueryTooComplex",
    "database_unavailable",
    "error_code",
    "error_extensions",
    "mask_error",
]

logger = logging.getLogger(__name__)

INTERNAL_ERROR_MESSAGE = "Internal server error"
DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable right now; please try again shortly."


class ErrorCode(StrEnum):
    # Refused by the HTTP layer before GraphQL saw the request (see cupql.http).
    BAD_REQUEST = "BAD_REQUEST"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    NOT_ACCEPTABLE = "NOT_ACCEPTABLE"
    # Errors in GraphQL responses (see the module docstring).
    BAD_USER_INPUT = "BAD_USER_INPUT"
    NOT_FOUND = "NOT_FOUND"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
    INTERNAL = "INTERNAL"


class ClientError(GraphQLError):
    """An error caused by the request, shown to the client as is with ``extensions.code``.

    Raise a subclass from a resolver (``raise NotFound(f"No club named {name!r}")``), or report
    one from a validation rule. ``extensions`` adds details next to the code.
    """

    code: ErrorCode = ErrorCode.BAD_USER_INPUT

    def __init__(
        self,
        message: str,
        *,
        nodes: Node | Collection[Node] | None = None,
        extensions: Mapping[str, object] | None = None,
    ) -> None:
        super().__init__(message, nodes, extensions={"code": str(self.code), **(extensions or {})})


class BadUserInput(ClientError):
    code = ErrorCode.BAD_USER_INPUT


class NotFound(ClientError):
    code = ErrorCode.NOT_FOUND


class QueryTooComplex(ClientError):
    code = ErrorCode.QUERY_TOO_COMPLEX


def error_code(error: GraphQLError) -> str | None:
    code = (error.extensions or {}).get("code")
    return code if isinstance(code, str) else None


def mask_error(error: GraphQLError) -> GraphQLError:
    """Log ``error`` with its traceback and return what the client may see of it."""
    logger.error(
        "Internal error at %s: %s",
        ".".join(map(str, error.path or ())) or "(operation)",
        error.message,
        exc_info=error.original_error or error,
    )
    return GraphQLError(
        INTERNAL_ERROR_MESSAGE,
        error.nodes,
        error.source,
        error.positions,
        error.path,
        extensions={"code": str(ErrorCode.INTERNAL)},
    )


def database_unavailable(error: GraphQLError) -> GraphQLError:
    """Log a lost database connection and tell the client to retry, without the driver's details."""
    logger.error("Database unavailable at %s: %s", ".".join(map(str, error.path or ())), error.original_error)
    return GraphQLError(
        DATABASE_UNAVAILABLE_MESSAGE,
        error.nodes,
        error.source,
        error.positions,
        error.path,
        extensions={"code": str(ErrorCode.SERVICE_UNAVAILABLE)},
    )


def _with_code(error: GraphQLError, code: ErrorCode) -> GraphQLError:
    # A new dict, because a located error shares its extensions dict with the original exception.
    error.extensions = {**(error.extensions or {}), "code": str(code)}
    return error


class ErrorPolicy(SchemaExtension):
    """Give every error a code and mask those the client must not see (see the module docstring)."""

    def __init__(self) -> None:
        self._validation_errors: set[int] = set()

    def on_validate(self) -> Iterator[None]:
        yield
        self._validation_errors = {id(error) for error in self.execution_context.pre_execution_errors or ()}

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [self._apply(error) for error in result.errors]

    def _apply(self, error: GraphQLError) -> GraphQLError:
        if isinstance(error, ClientError) or isinstance(error.original_error, ClientError):
            return error
        if isinstance(error, GraphQLSyntaxError):
            return error if error_code(error) else _with_code(error, ErrorCode.GRAPHQL_PARSE_FAILED)
        if id(error) in self._validation_errors:
            return error if error_code(error) else _with_code(error, ErrorCode.GRAPHQL_VALIDATION_FAILED)
        # Outside validation, only variable coercion reports errors located in the document (at the
        # variable definition) yet on no response path; their message names the bad value.
        if error.path is None and error.nodes:
            return _with_code(error, ErrorCode.BAD_USER_INPUT)
        if isinstance(error.original_error, OperationalError | InterfaceError):
            return database_unavailable(error)
        return mask_error(error)


def error_extensions() -> list[Callable[[], SchemaExtension]]:
    """The schema extensions enforcing this module's policy: add them to ``strawberry.Schema``."""
    return [ErrorPolicy]
