"""Compiled execution: a query the compiler covers runs as a plan, without graphql-core's per-field machinery.

`CompiledExecution` is a schema extension. Parsing, validation, the query limits and every other extension run
as before; at execution it looks up (or builds, once per document, operation and `@skip`/`@include` values) the
operation's plan and runs it, setting the result, so that strawberry skips graphql-core's executor. A document
the compiler does not cover, and any request whose run fails or meets a misplaced null, goes through strawberry
(graphql-core) as before, which then reports every error with its code, path and masking. With CUPQL_DEBUG_SQL=1
`extensions.plan` says which way the request went, which fields the plan batched, and the SQL it ran.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from cachetools import LRUCache
from graphql import (
    DocumentNode,
    ExecutionResult,
    FragmentDefinitionNode,
    GraphQLIncludeDirective,
    GraphQLSkipDirective,
    OperationDefinitionNode,
    get_operation_ast,
)
from graphql.execution.values import VariableValues, get_variable_values
from strawberry.extensions import SchemaExtension

from resolvers.context import Context
from resolvers.plan_statements import PlanLoaders
from schema.compiled.plan import NotCompilable, Plan, compile_operation
from schema.compiled.run import Fallback, run_plan

__all__ = ["CompiledExecution", "Plans", "compiled_execution"]

COMPILED = "compiled"
INTERPRETED = "interpreted"


@dataclass
class _Document:
    """A document's operation and the variables its `@skip`/`@include` read (its plans differ by their values)."""

    operation: OperationDefinitionNode | None
    fragments: dict[str, FragmentDefinitionNode]
    directive_variables: tuple[str, ...]


def _directive_variables(document: DocumentNode) -> tuple[str, ...]:
    names: set[str] = set()
    pending: list[Any] = [document]
    while pending:
        node = pending.pop()
        for directive in getattr(node, "directives", None) or ():
            if directive.name.value in (GraphQLSkipDirective.name, GraphQLIncludeDirective.name):
                for argument in directive.arguments:
                    if argument.value.kind == "variable":
                        names.add(argument.value.name.value)
        selection_set = getattr(node, "selection_set", None)
        pending.extend(getattr(node, "definitions", ()))
        if selection_set is not None:
            pending.extend(selection_set.selections)
    return tuple(sorted(names))


class Plans:
    """The plans of the documents seen, in bounded LRUs shared by every request of the schema.

    Keyed by the query text like the document cache (`schema.limits.PreparedDocuments`), and only for documents of
    the same bounded length; a document the compiler does not cover is remembered as None.
    """

    MAX_CACHED_QUERY_CHARS = 20_000

    def __init__(self, max_documents: int = 500) -> None:
        self._documents: LRUCache[tuple[str, str | None], _Document] = LRUCache(max_documents)
        self._plans: LRUCache[tuple[str, str | None, str], Plan | None] = LRUCache(max_documents)

    def plan(
        self, schema: Any, query: str, document: DocumentNode, operation_name: str | None, variables: VariableValues
    ) -> Plan | None:
        """The plan of `document`'s operation for these variables, or None when the compiler does not cover it."""
        cache = len(query) <= self.MAX_CACHED_QUERY_CHARS
        found = self._documents.get((query, operation_name))
        if found is None:
            operation = get_operation_ast(document, operation_name)
            fragments = {
                definition.name.value: definition
                for definition in document.definitions
                if isinstance(definition, FragmentDefinitionNode)
            }
            found = _Document(operation, fragments, _directive_variables(document))
            if cache:
                self._documents[(query, operation_name)] = found
        if found.operation is None:
            return None
        shown = json.dumps([variables.coerced.get(name) for name in found.directive_variables])
        key = (query, operation_name, shown)
        if key in self._plans:
            return self._plans[key]
        try:
            plan: Plan | None = compile_operation(schema, found.operation, found.fragments, variables)
        except NotCompilable:
            plan = None
        if cache:
            self._plans[key] = plan
        return plan


def _own_loaders(context: Any) -> Any:
    """The request's context with loaders of the plan's own, the hot ones reading the driver directly
    (`resolvers.plan_statements`): should the plan fall back, strawberry then starts from the state it would have
    started from, so its errors come in the same order as without a plan."""
    if not isinstance(context, Context):
        return context
    return Context(database=context.database, loaders=PlanLoaders(context.database), limits=context.limits)


class CompiledExecution(SchemaExtension):
    """Run the operation as its plan when it has one (see the module docstring)."""

    def __init__(self, plans: Plans, debug: bool) -> None:
        self.plans = plans
        self.debug = debug
        self.ran: str = INTERPRETED
        self.plan: Plan | None = None
        self.statements: list[str] = []

    async def on_execute(self) -> AsyncIterator[None]:
        context = self.execution_context
        if context.query is not None and context.graphql_document is not None and context.result is None:
            await self._run(context.query, context.graphql_document)
        yield

    async def _run(self, query: str, document: DocumentNode) -> None:
        context = self.execution_context
        strawberry_schema = context.schema
        schema = strawberry_schema._schema
        operation = get_operation_ast(document, context.operation_name)
        if operation is None:
            return
        variables = get_variable_values(schema, operation.variable_definitions or (), context.variables or {})
        if not isinstance(variables, VariableValues):
            return  # coercion errors: strawberry reports them
        plan = self.plans.plan(schema, query, document, context.operation_name, variables)
        if plan is None:
            return
        self.plan = plan
        database = getattr(context.context, "database", None)
        if self.debug and database is not None:
            database.recorded = self.statements
        try:
            data = await run_plan(plan, schema, strawberry_schema, _own_loaders(context.context), variables)
        except Fallback:
            return
        finally:
            if database is not None:
                database.recorded = None
        context.result = ExecutionResult(data=data)
        self.ran = COMPILED

    def get_results(self) -> dict[str, Any]:
        if not self.debug:
            return {}
        report: dict[str, Any] = {"execution": self.ran}
        if self.plan is not None:
            report["batched"] = self.plan.batched
        if self.ran == COMPILED:
            report["statements"] = self.statements
        return {"plan": report}


def compiled_execution(debug: bool = False) -> Callable[[], SchemaExtension]:
    """The extension running compiled plans, for `strawberry.Schema(extensions=...)`; `debug` adds `extensions.plan`."""
    plans = Plans()
    return lambda: CompiledExecution(plans, debug)
