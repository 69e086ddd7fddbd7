"""Run a plan: level by level, every object of a level at once, so each level's loads share one wave.

Resolvers are called as graphql-core would call them (see `schema.compiled.plan`), batched relations once per
level; values are completed into plain dicts and lists in response order, ready for orjson, by functions made once
per field plan (a leaf's serializer is skipped only where graphql-core's would return the value itself). The plan
runs only the successful path: any error, or a null where the schema promises a value, raises `Fallback`, and the
request is answered by strawberry, which reports the error with its path, code and masking as it always has.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from operator import attrgetter
from types import CoroutineType, GeneratorType
from typing import Any

from graphql import GraphQLResolveInfo, GraphQLSchema
from graphql.execution.values import VariableValues, get_argument_values
from graphql.pyutils import Path
from graphql.type.scalars import (
    GRAPHQL_MAX_INT,
    GRAPHQL_MIN_INT,
    serialize_boolean,
    serialize_id,
    serialize_int,
    serialize_string,
)
from strawberry.schema.schema_converter import CustomGraphQLEnumType, get_arguments
from strawberry.types.info import Info

from schema.compiled.plan import FieldPlan, Plan, Selection, Shape

__all__ = ["Fallback", "run_plan"]


class Fallback(Exception):
    """The plan cannot answer this request (an error or a misplaced null): strawberry must."""


_Level = list[tuple[Selection, Any, dict[str, Any]]]
_Complete = Callable[[Any, _Level], Any]
_AWAITABLE_TYPES: dict[type, bool] = {}


def _is_awaitable(value: Any) -> bool:
    """`inspect.isawaitable`, remembered per type: only a generator's answer depends on the object itself."""
    kind = type(value)
    if kind is CoroutineType:
        return True
    found = _AWAITABLE_TYPES.get(kind)
    if found is None:
        found = inspect.isawaitable(value)
        if kind is not GeneratorType:
            _AWAITABLE_TYPES[kind] = found
    return found


def _leaf(serialize: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Serialise as graphql-core does: a str for String and ID, a bool for Boolean and a 32-bit int for Int are
    their own serialisation; anything else goes through the type's serializer."""

    def serialized(value: Any) -> Any:
        result = serialize(value)
        if result is None:
            raise Fallback("a leaf serialised to null")
        return result

    enum_type = getattr(serialize, "__self__", None)
    if isinstance(enum_type, CustomGraphQLEnumType):
        # A member's name depends only on the member: found once, not by strawberry's scan of the values each time.
        names: dict[Any, Any] = {}
        members = enum_type.wrapped_cls

        def enum_leaf(value: Any) -> Any:
            if type(value) is not members:
                return serialized(value)
            name = names.get(value)
            if name is None:
                name = names[value] = serialized(value)
            return name

        return enum_leaf
    if serialize is serialize_string or serialize is serialize_id:
        return lambda value: value if type(value) is str else serialized(value)
    if serialize is serialize_boolean:
        return lambda value: value if type(value) is bool else serialized(value)
    if serialize is serialize_int:
        return lambda value: (
            value if type(value) is int and GRAPHQL_MIN_INT <= value <= GRAPHQL_MAX_INT else serialized(value)
        )
    return serialized


def _completer(shape: Shape) -> _Complete:
    """The function completing a value of `shape`: objects are queued on the next level, empty for now."""
    inner: _Complete
    if shape.serialize is not None:
        leaf = _leaf(shape.serialize)

        def inner(value: Any, _level: _Level) -> Any:
            return leaf(value)

    elif shape.item is not None:
        item = _completer(shape.item)

        def inner(value: Any, level: _Level) -> Any:
            if isinstance(value, str | bytes | dict) or not hasattr(value, "__iter__"):
                raise Fallback("a list field returned no list")
            return [item(each, level) for each in value]

    elif shape.abstract:
        selections = shape.selections or {}

        def inner(value: Any, level: _Level) -> Any:
            definition = getattr(value, "__strawberry_definition__", None)
            selection = selections.get(definition.name) if definition is not None else None
            if selection is None:
                raise Fallback("an object of an unplanned type")
            out: dict[str, Any] = {}
            level.append((selection, value, out))
            return out

    else:
        (selection,) = (shape.selections or {}).values()

        def inner(value: Any, level: _Level) -> Any:
            out: dict[str, Any] = {}
            level.append((selection, value, out))
            return out

    if shape.nullable:
        return lambda value, level: None if value is None else inner(value, level)

    def required(value: Any, level: _Level) -> Any:
        if value is None:
            raise Fallback("null for a non-null field")
        return inner(value, level)

    return required


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
        self.arguments: dict[int, dict[str, Any]] = {}

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

    def strawberry_arguments(self, field: FieldPlan) -> dict[str, Any]:
        """The converted arguments (strawberry's Info among them if asked), the same for every object."""
        kwargs = self.arguments.get(id(field))
        if kwargs is None:
            assert field.strawberry_field is not None and field.definition is not None
            raw = field.constant_arguments
            if raw is None:
                raw = get_argument_values(field.definition, field.nodes[0], self.variables)
            _args, kwargs = get_arguments(
                field=field.strawberry_field,
                source=None,
                info=Info(_raw_info=self.info(field), _field=field.strawberry_field),
                kwargs=raw,
                config=self.strawberry_schema.config,
                scalar_registry=self.strawberry_schema.schema_converter.scalar_registry,
            )
            self.arguments[id(field)] = kwargs
        return kwargs

    async def level(self, level: _Level) -> _Level:
        """Resolve and complete every field of every object of `level`; returns the next level's objects."""
        next_level: _Level = []
        pending: list[tuple[FieldPlan, dict[str, Any], Awaitable[Any]]] = []
        batches: dict[int, tuple[FieldPlan, list[Any], list[dict[str, Any]]]] = {}
        for selection, source, out in level:
            for field in selection.fields:
                key = field.key
                if field.shape is None:
                    out[key] = selection.type_name
                elif field.batched is not None:
                    batch = batches.setdefault(id(field), (field, [], []))
                    batch[1].append(source)
                    batch[2].append(out)
                    out[key] = None
                else:
                    value = (field.step or _step(field))(source, self, out, next_level)
                    if value is not None:
                        out[key] = None
                        pending.append((field, out, value))
        if not pending and not batches:
            return next_level
        awaiting: list[Awaitable[Any]] = [value for _field, _out, value in pending]
        awaiting += [field.batched.load(self.context, sources) for field, sources, _outs in batches.values()]  # type: ignore[union-attr]
        results = await asyncio.gather(*awaiting, return_exceptions=True)
        for result in results:
            if isinstance(result, BaseException):
                raise Fallback("a resolver failed") from result
        for (field, out, _value), result in zip(pending, results, strict=False):
            out[field.key] = (field.completer or _field_completer(field))(result, next_level)
        for (field, _sources, outs), values in zip(batches.values(), results[len(pending) :], strict=True):
            complete, key = field.completer or _field_completer(field), field.key
            for out, value in zip(outs, values, strict=True):  # type: ignore[arg-type]
                out[key] = complete(value, next_level)
        return next_level


_Step = Callable[[Any, "_Run", dict[str, Any], _Level], Any]


def _own_serialisation(shape: Shape) -> type | None:
    """The one Python type a leaf of `shape` is written as itself (see `_leaf`), None if there is none."""
    serialize = shape.serialize
    if serialize is serialize_string or serialize is serialize_id:
        return str
    if serialize is serialize_boolean:
        return bool
    if serialize is serialize_int:
        return int
    return None


def _step(field: FieldPlan) -> _Step:
    """Get and complete `field`'s value into `out` in one call; returns the value instead when it is awaitable.

    A non-list leaf that is its own serialisation (a str for String, a 32-bit int for Int...) or null is written
    at once, as `_leaf` would write it; anything else goes through the field's resolver and completer."""
    assert field.shape is not None
    resolve, complete, key = field.resolver or _resolver(field), _field_completer(field), field.key
    own = _own_serialisation(field.shape)
    nullable = field.shape.nullable
    # An attribute, or a function of the source alone, is got without the resolver's own frame.
    get: Callable[[Any], Any] | None = field.function if field.call == "source" else None
    if field.call == "attribute":
        assert field.strawberry_field is not None
        get = attrgetter(field.strawberry_field.python_name)
    step: _Step
    if own is None:

        def step(source: Any, run: _Run, out: dict[str, Any], next_level: _Level) -> Any:
            value = get(source) if get is not None else resolve(source, run)
            if _is_awaitable(value):
                return value
            out[key] = complete(value, next_level)
            return None

    else:

        def step(source: Any, run: _Run, out: dict[str, Any], next_level: _Level) -> Any:
            value = get(source) if get is not None else resolve(source, run)
            kind = type(value)
            if kind is own and (own is not int or GRAPHQL_MIN_INT <= value <= GRAPHQL_MAX_INT):
                out[key] = value
            elif value is None and nullable:
                out[key] = None
            elif _is_awaitable(value):
                return value
            else:
                out[key] = complete(value, next_level)
            return None

    field.step = step
    return step


def _field_completer(field: FieldPlan) -> _Complete:
    assert field.shape is not None
    field.completer = _completer(field.shape)
    return field.completer


def _resolver(field: FieldPlan) -> Callable[[Any, _Run], Any]:
    """How `field` gets its value from a source object (see `FieldPlan.call`), made once per field plan."""
    function = field.function
    resolve: Callable[[Any, _Run], Any]
    if field.call == "source":
        assert function is not None
        resolve = lambda source, _run: function(source)  # noqa: E731
    elif field.call == "raw_info":
        assert function is not None
        resolve = lambda source, run: function(source, run.info(field))  # noqa: E731
    else:
        assert field.strawberry_field is not None
        if field.call == "attribute":
            name = field.strawberry_field.python_name
            resolve = lambda source, _run: getattr(source, name)  # noqa: E731
        else:
            resolver = field.strawberry_field.base_resolver
            assert resolver is not None
            # Parameters that receive the source object itself (strawberry.Parent, root), as strawberry passes it.
            sourced = {p.name for p in (resolver.parent_parameter, resolver.root_parameter) if p is not None}
            if sourced:
                resolve = lambda source, run: resolver(  # noqa: E731
                    *([source] if resolver.self_parameter else []),
                    **{**run.strawberry_arguments(field), **dict.fromkeys(sourced, source)},
                )
            elif resolver.self_parameter:
                resolve = lambda source, run: resolver(source, **run.strawberry_arguments(field))  # noqa: E731
            else:
                resolve = lambda _source, run: resolver(**run.strawberry_arguments(field))  # noqa: E731
    field.resolver = resolve
    return resolve


async def run_plan(
    plan: Plan, schema: GraphQLSchema, strawberry_schema: Any, context: Any, variables: VariableValues
) -> dict[str, Any]:
    """The response's `data` for `plan` run in `context`, or `Fallback`."""
    run = _Run(plan, schema, strawberry_schema, context, variables)
    data: dict[str, Any] = {}
    level: _Level = [(plan.root, None, data)]
    while level:
        level = await run.level(level)
    return data
