"""The GraphQL schema: object types, connections, inputs and enums, assembled by `build_schema`."""

from __future__ import annotations

from collections.abc import Callable

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from cupql.errors import error_extensions
from schema.extensions import SqlStatementCount
from schema.limits import QueryLimits, limit_extensions
from schema.query import Query
from schema.types import Card, Club, Goal, Group, Match, Player, Season, Tie


class CupqlSchema(strawberry.Schema):
    """The schema, minus strawberry's logging of every error: cupql.errors logs the internal ones once."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        return None


def build_schema(limits: QueryLimits, *, debug_sql: bool = False) -> strawberry.Schema:
    """The cupql schema with its limits, error policy and (optionally) SQL statement counts."""
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        *limit_extensions(limits),
        *error_extensions(),
    ]
    if debug_sql:
        extensions.append(SqlStatementCount)
    return CupqlSchema(
        query=Query,
        types=[Season, Club, Match, Goal, Card, Player, Group, Tie],
        extensions=extensions,
    )
