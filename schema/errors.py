"""The error policy of every GraphQL response: each error has ``extensions.code``; internals never leak.

Errors the client caused keep their message:

* ``football.errors.ClientError`` (and subclasses) raised by resolvers or reported by validation rules (through
  ``bad_input`` and ``too_complex``), with their own code (``BAD_USER_INPUT``, ``NOT_FOUND``, ``QUERY_TOO_COMPLEX``);
* a database that cannot be reached (``football.errors.DatabaseUnavailable``, raised by ``resolvers.database``):
  ``SERVICE_UNAVAILABLE``, with a message to retry and no driver details;
* syntax errors (``GRAPHQL_PARSE_FAILED``), validation errors (``GRAPHQL_VALIDATION_FAILED``) and
  variables that don't match their declared types (``BAD_USER_INPUT``).

Anything else is a bug: it is logged with its traceback and reaches the client only as "Internal server
error" with code ``INTERNAL``, keeping its locations and path. This is the one place errors are masked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterator, Mapping

from graphql import GraphQLError, GraphQLSyntaxError, Node
from strawberry.extensions import SchemaExtension

from football.errors import (
    INTERNAL_ERROR_MESSAGE,
    BadUserInput,
    ClientError,
    DatabaseUnavailable,
    ErrorCode,
    QueryTooComplex,
    one_line,
)

__all__ = ["ErrorPolicy", "bad_input", "error_code", "error_extensions", "too_complex"]

logger = logging.getLogger(__name__)


def bad_input(
    message: str, *, nodes: Node | Collection[Node] | None = None, extensions: Mapping[str, object] | None = None
) -> GraphQLError:
    """A ``BAD_USER_INPUT`` error located in the document, as validation rules report them."""
    return GraphQLError(message, nodes, original_error=BadUserInput(message, extensions=extensions))


def too_complex(message: str, *, nodes: Node | Collection[Node] | None = None) -> GraphQLError:
    """A ``QUERY_TOO_COMPLEX`` error located in the document, as validation rules report them."""
    return GraphQLError(message, nodes, original_error=QueryTooComplex(message))


def error_code(error: GraphQLError) -> str | None:
    code = (error.extensions or {}).get("code")
    return code if isinstance(code, str) else None


def _path(error: GraphQLError) -> str:
    return ".".join(map(str, error.path or ())) or "(operation)"


def _mask(error: GraphQLError) -> GraphQLError:
    """Log ``error`` with its traceback and return what the client may see of it."""
    cause = error.original_error or error
    logger.error("Internal error at %s: %s", _path(error), one_line(cause), exc_info=cause)
    return _replaced(error, INTERNAL_ERROR_MESSAGE, ErrorCode.INTERNAL)


def _replaced(error: GraphQLError, message: str, code: ErrorCode) -> GraphQLError:
    return GraphQLError(message, error.nodes, error.source, error.positions, error.path, extensions={"code": str(code)})


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
        if isinstance(error.original_error, ClientError):
            return error
        if isinstance(error.original_error, DatabaseUnavailable):
            cause = error.original_error.__cause__ or error.original_error
            logger.error("Database unavailable at %s: %s", _path(error), one_line(cause))
            return error
        if isinstance(error, GraphQLSyntaxError):
            return error if error_code(error) else _with_code(error, ErrorCode.GRAPHQL_PARSE_FAILED)
        if id(error) in self._validation_errors:
            return error if error_code(error) else _with_code(error, ErrorCode.GRAPHQL_VALIDATION_FAILED)
        # Outside validation, only variable coercion reports errors located in the document (at the
        # variable definition) yet on no response path; their message names the bad value.
        if error.path is None and error.nodes:
            return _with_code(error, ErrorCode.BAD_USER_INPUT)
        return _mask(error)


def error_extensions() -> list[Callable[[], SchemaExtension]]:
    """The schema extensions enforcing this module's policy: add them to ``strawberry.Schema``."""
    return [ErrorPolicy]
