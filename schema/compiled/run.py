"""Run a plan: level by level, every object of a level at once, so each level's loads share one wave.

Resolvers are called as graphql-core would call them (see `schema.compiled.plan`), batched relations once per
level; values are completed into plain dicts and lists in response order, ready for orjson. The plan runs only
the successful path: any error, or a null where the schema promises a value, raises `Fallback`, and the request
is answered by strawberry, which reports the error with its path, code and masking as it always has.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable
from typing import Any

from graphql import GraphQLResolveInfo, GraphQLSchema
from graphql.execution.values import VariableValues, get_argument_values
from graphql.pyutils import Path
from strawberry.schema.schema_converter import get_arguments
from strawberry.types.info import Info

from schema.compiled.plan import FieldPlan, Plan, Selection, Shape

__all__ = ["Fallback", "run_plan"]


class Fallback(Exception):
    """The plan cannot answer this request (an error or a misplaced null): strawberry must."""


_Level = list[tuple[Selection, Any, dict[str, Any]]]


class _Run:
    """One request's run of a plan."""

    def __init__(
        self, plan: Plan, schema: GraphQLSchema, strawberry_schema: Any, context: Any, variables: VariableValues
    ) -> None:
        self.plan = plan
        self.schema = schema
        self.strawberry_schema = strawberry_schema
        self.context = context
        self.variables = variables
        self.infos: dict[int, GraphQLResolveInfo[Any]] = {}
        self.arguments: dict[int, tuple[list[Any], dict[str, Any]]] = {}
        self.next_level: _Level = []

    def info(self, field: FieldPlan) -> GraphQLResolveInfo[Any]:
        info = self.infos.get(id(field))
        if info is None:
            assert field.definition is not None
            info = GraphQLResolveInfo(
                field.name,
                field.nodes,
                field.definition.type,
                self.schema.get_type(field.type_name),  # type: ignore[arg-type]
                Path(None, field.key, field.type_name),
                self.schema,
                self.plan.fragments,
                None,
                self.plan.operation,
                self.variables,
                self.context,
                inspect.isawaitable,  # type: ignore[arg-type]
                None,
                None,  # type: ignore[arg-type]
            )
            self.infos[id(field)] = info
        return info

    def strawberry_arguments(self, field: FieldPlan) -> tuple[Info[Any, Any], dict[str, Any]]:
        """strawberry's Info and the converted arguments, the same for every object the field is asked on."""
        cached = self.arguments.get(id(field))
        assert field.strawberry_field is not None and field.definition is not None
        info = Info(_raw_info=self.info(field), _field=field.strawberry_field)
        if cached is None:
            raw = field.constant_arguments
            if raw is None:
                raw = get_argument_values(field.definition, field.nodes[0], self.variables)
            _args, kwargs = get_arguments(
                field=field.strawberry_field,
                source=None,
                info=info,
                kwargs=raw,
                config=self.strawberry_schema.config,
                scalar_registry=self.strawberry_schema.schema_converter.scalar_registry,
            )
            cached = ([], kwargs)
            self.arguments[id(field)] = cached
        return info, cached[1]

    def resolve(self, field: FieldPlan, source: Any) -> Any:
        call = field.call
        if call == "source":
            assert field.function is not None
            return field.function(source)
        if call == "raw_info":
            assert field.function is not None
            return field.function(source, self.info(field))
        assert field.strawberry_field is not None
        if call == "attribute":
            return getattr(source, field.strawberry_field.python_name)
        _info, kwargs = self.strawberry_arguments(field)
        resolver = field.strawberry_field.base_resolver
        assert resolver is not None
        return resolver(source, **kwargs) if resolver.self_parameter else resolver(**kwargs)

    def complete(self, shape: Shape, value: Any) -> Any:
        if value is None:
            if shape.nullable:
                return None
            raise Fallback("null for a non-null field")
        if shape.serialize is not None:
            serialized = shape.serialize(value)
            if serialized is None:
                raise Fallback("a leaf serialised to null")
            return serialized
        if shape.item is not None:
            if isinstance(value, str | bytes | dict) or not hasattr(value, "__iter__"):
                raise Fallback("a list field returned no list")
            item = shape.item
            return [self.complete(item, each) for each in value]
        assert shape.selections is not None
        if shape.abstract:
            definition = getattr(value, "__strawberry_definition__", None)
            selection = shape.selections.get(definition.name) if definition is not None else None
            if selection is None:
                raise Fallback("an object of an unplanned type")
        else:
            (selection,) = shape.selections.values()
        out: dict[str, Any] = {}
        self.next_level.append((selection, value, out))
        return out

    async def level(self, level: _Level) -> None:
        """Resolve and complete every field of every object of `level`; their objects make the next level."""
        pending: list[tuple[FieldPlan, dict[str, Any], Awaitable[Any]]] = []
        batches: dict[int, tuple[FieldPlan, list[Any], list[dict[str, Any]]]] = {}
        for selection, source, out in level:
            for field in selection.fields:
                if field.shape is None:
                    out[field.key] = selection.type_name
                    continue
                if field.batched is not None:
                    batch = batches.setdefault(id(field), (field, [], []))
                    batch[1].append(source)
                    batch[2].append(out)
                    out[field.key] = None
                    continue
                value = self.resolve(field, source)
                if inspect.isawaitable(value):
                    out[field.key] = None
                    pending.append((field, out, value))
                else:
                    out[field.key] = self.complete(field.shape, value)
        if not pending and not batches:
            return
        awaiting: list[Awaitable[Any]] = [value for _field, _out, value in pending]
        awaiting += [
            field.batched.load(self.context, sources)
            for field, sources, _outs in batches.values()
            if field.batched is not None
        ]
        results = await asyncio.gather(*awaiting, return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                raise Fallback("a resolver failed") from result
        for (field, out, _value), result in zip(pending, results, strict=False):
            assert field.shape is not None
            out[field.key] = self.complete(field.shape, result)
        for (field, _sources, outs), values in zip(batches.values(), results[len(pending) :], strict=True):
            shape = field.shape
            assert shape is not None
            for out, value in zip(outs, values, strict=True):  # type: ignore[arg-type]
                out[field.key] = self.complete(shape, value)


async def run_plan(
    plan: Plan, schema: GraphQLSchema, strawberry_schema: Any, context: Any, variables: VariableValues
) -> dict[str, Any]:
    """The response's `data` for `plan` run in `context`, or `Fallback`."""
    run = _Run(plan, schema, strawberry_schema, context, variables)
    data: dict[str, Any] = {}
    level: _Level = [(plan.root, None, data)]
    while level:
        run.next_level = []
        await run.level(level)
        level = run.next_level
    return data
