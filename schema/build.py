"""Assemble the schema: the Query root, its types, the limits, the error policy and the SQL statement count."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

import strawberry
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from cupql.errors import error_extensions
from schema.extensions import SqlStatementCount
from schema.limits import QueryLimits, limit_extensions
from schema.query import Query
from schema.types import Card, Club, Goal, Group, Match, Player, RoundInfo, Season, Tie


class CupqlSchema(strawberry.Schema):
    """The schema, minus strawberry's logging of every error: cupql.errors logs the internal ones once."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        return None


def _with_node_ids(limits: QueryLimits) -> QueryLimits:
    """`nodes(ids:)` returns as many objects as it is given IDs: its cost counts it at the cap, not as a short list."""
    return dataclasses.replace(limits, list_sizes={"Query.nodes": limits.max_page_size, **limits.list_sizes})


def build_schema(
    limits: QueryLimits,
    *,
    debug_sql: bool = False,
    extensions: Sequence[type[SchemaExtension] | Callable[[], SchemaExtension]] = (),
) -> strawberry.Schema:
    """The cupql schema with its limits, error policy, (optionally) SQL statement counts and `extensions`."""
    everything: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        *limit_extensions(_with_node_ids(limits)),
        *error_extensions(),
        *extensions,
    ]
    if debug_sql:
        everything.append(SqlStatementCount)
    return CupqlSchema(
        query=Query,
        types=[Season, Club, Match, Goal, Card, Player, Group, Tie, RoundInfo],
        extensions=everything,
    )
