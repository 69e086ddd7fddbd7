"""Assemble the schema: the Query root, its types, the limits, the error policy and the SQL statement count."""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable, Sequence
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLObjectType, GraphQLResolveInfo, ValidationRule
from strawberry.extensions import SchemaExtension
from strawberry.types import ExecutionContext

from football.limits import QueryLimits
from schema.compiled import compiled_execution
from schema.core import core_schema
from schema.cost import CostReport
from schema.documents import PreparedDocuments
from schema.errors import error_extensions
from schema.extensions import SqlStatementCount
from schema.limits import ServedLimits, limit_extensions
from schema.query import NODE_TYPES, Query


class CupqlSchema(strawberry.Schema):
    """The schema, minus strawberry's logging of every error: schema.errors logs the internal ones once."""

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        return None


def _with_node_ids(limits: QueryLimits) -> QueryLimits:
    """`nodes(ids:)` returns as many objects as it is given IDs: its cost counts it at the cap, not as a short list."""
    return dataclasses.replace(limits, list_sizes={"Query.nodes": limits.max_page_size, **limits.list_sizes})


def _call_with_source(function: Callable[[Any], Any], source: Any, _info: GraphQLResolveInfo[Any]) -> Any:
    return function(source)


def _resolve_directly(schema: strawberry.Schema) -> int:
    """Let graphql-core call the resolvers that take no arguments itself, without strawberry's wrapper.

    For a field without arguments, field extensions or permissions the wrapper only builds a strawberry
    `Info` and converts no arguments, yet it costs more than most resolvers do. Methods of `self` alone
    are called with the source; methods of `(self, info)` get graphql-core's info, whose `context` is the
    request's `Context` (the only part of `info` cupql's resolvers read). Returns how many fields it changed.
    """
    changed = 0
    for graphql_type in core_schema(schema).type_map.values():
        if not isinstance(graphql_type, GraphQLObjectType) or graphql_type.name.startswith("__"):
            continue
        for name, field in graphql_type.fields.items():
            definition = schema.get_field_for_type(name, graphql_type.name)
            if definition is None or definition.base_resolver is None:
                continue
            if definition.arguments or definition.extensions or definition.permission_classes:
                continue
            function = definition.base_resolver.wrapped_func
            if not inspect.isfunction(function):
                continue
            parameters = list(inspect.signature(function).parameters)
            if parameters == ["self"]:
                field.resolve = functools.partial(_call_with_source, function)
            elif parameters == ["self", "info"]:
                field.resolve = function
            else:
                continue
            changed += 1
    return changed


def build_schema(
    limits: QueryLimits,
    *,
    debug_sql: bool = False,
    compiled: bool = True,
    extensions: Sequence[type[SchemaExtension] | Callable[[], SchemaExtension]] = (),
    validation_rules: Sequence[type[ValidationRule]] = (),
    served: ServedLimits | None = None,
    document_cache_bytes: int = PreparedDocuments.MAX_BYTES,
) -> strawberry.Schema:
    """The cupql schema with its limits, error policy, cost report, (optionally) SQL statement counts, compiled
    plans for the queries the compiler covers (see `schema.compiled`), and `extensions` and `validation_rules` of
    the caller's (the production profile's, say). With `served` (see `schema.cost.ServedListSizes`) costs are
    estimated by the served data's real list sizes; the document cache holds up to `document_cache_bytes`."""
    limits = _with_node_ids(limits)
    everything: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        *limit_extensions(limits, validation_rules, served, document_cache_bytes=document_cache_bytes),
        *error_extensions(),
        lambda: CostReport(limits, served),
        *extensions,
    ]
    if compiled:
        everything.append(compiled_execution(debug=debug_sql))
    if debug_sql:
        everything.append(SqlStatementCount)
    schema = CupqlSchema(
        query=Query,
        types=NODE_TYPES,
        extensions=everything,
    )
    _resolve_directly(schema)
    return schema
