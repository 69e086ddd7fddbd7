"""What an API error may tell the client, and the codes it carries.

Every error in a response has ``extensions.code``. Errors the client caused keep their message:

* ``ClientError`` (and subclasses) raised by resolvers or reported by validation rules, with their
  own code (``BAD_USER_INPUT``, ``NOT_FOUND``, ``QUERY_TOO_COMPLEX``);
* a database that cannot be reached (``SERVICE_UNAVAILABLE``, with a message to retry and no driver
  details); see ``is_outage``: a statement that fails on a reachable database is a bug, not an outage;
* syntax errors (``GRAPHQL_PARSE_FAILED``), validation errors (``GRAPHQL_VALIDATION_FAILED``) and
  variables that don't match their declared types (``BAD_USER_INPUT``).

Anything else is a bug or an outage: it is logged with its traceback and reaches the client only
as "Internal server error" with code ``INTERNAL``, keeping its locations and path.
"""

import logging
from collections.abc import Callable, Collection, Iterator, Mapping
from enum import StrEnum

from graphql import GraphQLError, GraphQLSyntaxError, Node
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
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
    "is_outage",
    "mask_error",
    "one_line",
]

logger = logging.getLogger(__name__)

INTERNAL_ERROR_MESSAGE = "Internal server error"
DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable right now; please try again shortly."


class ErrorCode(StrEnum):
    # Refused by the HTTP layer before GraphQL saw the request (see cupql.http).
    BAD_REQUEST = "BAD_REQUEST"
    METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
    NOT_ACCEPTABLE = "NOT_ACCEPTABLE"
    PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE"
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


# SQLite's primary result codes that mean the database file cannot be used, not that a statement is wrong:
# BUSY, LOCKED, IOERR, CORRUPT, CANTOPEN, NOTADB.
_SQLITE_OUTAGE_CODES = frozenset({5, 6, 10, 11, 14, 26})
# PostgreSQL SQLSTATE classes and codes of the same kind: connection exceptions, too many connections
# or out of resources, and the server shutting down or starting up.
_POSTGRES_OUTAGE_CLASSES = ("08", "53", "57P")


def is_outage(error: BaseException | None) -> bool:
    """True when ``error`` means the database cannot be reached or used right now (try again later),
    False when one statement failed on a working database."""
    if isinstance(error, PoolTimeoutError | InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    if error.connection_invalidated:
        return True
    driver_error = error.orig
    sqlite_code = getattr(driver_error, "sqlite_errorcode", None)
    if isinstance(sqlite_code, int):
        return sqlite_code & 0xFF in _SQLITE_OUTAGE_CODES
    sqlstate = getattr(driver_error, "sqlstate", None)
    # psycopg reports a failed connection attempt with no SQLSTATE at all.
    return sqlstate is None or sqlstate.startswith(_POSTGRES_OUTAGE_CLASSES)


def one_line(error: BaseException) -> str:
    """``Type: first line of the message``: a driver error without the SQL and parameters SQLAlchemy appends."""
    cause = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    lines = str(cause).strip().splitlines()
    return f"{type(cause).__name__}: {lines[0] if lines else ''}".rstrip(": ")


def mask_error(error: GraphQLError) -> GraphQLError:
    """Log ``error`` with its traceback and return what the client may see of it."""
    cause = error.original_error or error
    logger.error(
        "Internal error at %s: %s",
        ".".join(map(str, error.path or ())) or "(operation)",
        one_line(cause),
        exc_info=cause,
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
    cause = error.original_error or error
    logger.error("Database unavailable at %s: %s", ".".join(map(str, error.path or ())), one_line(cause))
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
        if is_outage(error.original_error):
            return database_unavailable(error)
        return mask_error(error)


def error_extensions() -> list[Callable[[], SchemaExtension]]:
    """The schema extensions enforcing this module's policy: add them to ``strawberry.Schema``."""
    return [ErrorPolicy]
