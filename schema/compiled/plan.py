"""The plan compiler: a validated operation, turned once into a tree of field plans read straight from the schema.

A plan says, for every selected field of every object the response will hold, what key it writes, how its value
is got (the strawberry resolver called as graphql-core would call it, or a batched relation declared in
`schema.plan_fields`) and how the value is completed (serialised as a leaf, or a list, or an object whose own
selection is the next level). Fields are collected as graphql-core collects them: fragments, type conditions,
aliases merged by response key, `@skip` and `@include` (their variables' values are part of the plan's key).

What the compiler does not cover raises `NotCompilable`, and the request runs through strawberry as before:
introspection other than `__typename`, `@defer`/`@stream`, fields with field extensions or permissions,
mutations and subscriptions.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLAbstractType,
    GraphQLEnumType,
    GraphQLField,
    GraphQLIncludeDirective,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLSkipDirective,
    InlineFragmentNode,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    get_argument_values,
    get_directive_values,
    is_abstract_type,
)
from graphql.execution.values import VariableValues
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

from schema.plan_fields import BATCHED, Batched

__all__ = ["FieldPlan", "NotCompilable", "Plan", "Selection", "Shape", "compile_operation"]

_SKIPPED_OR_INCLUDED = {GraphQLSkipDirective.name, GraphQLIncludeDirective.name}


class NotCompilable(Exception):
    """The document uses something the compiler does not cover: strawberry runs it instead."""


@dataclass(frozen=True)
class Shape:
    """How a resolved value is completed: its nullability, list nesting and, at the bottom, a leaf or objects."""

    nullable: bool
    item: Shape | None = None
    """The items' shape, for a list."""
    serialize: Callable[[Any], Any] | None = None
    """The leaf type's serializer, for a scalar or enum."""
    selections: dict[str, Selection] | None = None
    """The selection per runtime type name, for an object, interface or union."""
    abstract: bool = False


@dataclass
class FieldPlan:
    """One response key of one object type's selection."""

    key: str
    name: str
    type_name: str
    """The GraphQL type the field belongs to (`Match` for `Match.goals`)."""
    shape: Shape | None
    """None for `__typename`."""
    definition: GraphQLField | None = None
    nodes: list[FieldNode] = field(default_factory=list)
    strawberry_field: StrawberryField | None = None
    call: str = "attribute"
    """How to get the value: "attribute", "source" (f(self)), "raw_info" (f(self, info)), "strawberry" (arguments,
    strawberry's Info) or "batched" (a relation of `schema.plan_fields`, one call for every parent)."""
    function: Callable[..., Any] | None = None
    batched: Batched | None = None
    has_arguments: bool = False
    constant_arguments: dict[str, Any] | None = None
    """The coerced arguments, when no variable feeds them."""
    resolver: Callable[..., Any] | None = None
    completer: Callable[..., Any] | None = None
    step: Callable[..., Any] | None = None
    """How `schema.compiled.run` gets and completes the value, made there once per field plan."""


@dataclass
class Selection:
    """The fields one object type's objects write, in response order."""

    type_name: str
    fields: list[FieldPlan]


@dataclass
class Plan:
    """A compiled operation: the root selection, and what its requests need at run time."""

    operation: OperationDefinitionNode
    fragments: dict[str, FragmentDefinitionNode]
    root: Selection
    batched: list[str]
    """The batched relations the plan uses, `Type.field`, for `extensions.plan`."""


def _has_variable(value: ValueNode) -> bool:
    if isinstance(value, VariableNode):
        return True
    if isinstance(value, ListValueNode):
        return any(map(_has_variable, value.values))
    if isinstance(value, ObjectValueNode):
        return any(_has_variable(item.value) for item in value.fields)
    return False


def _strawberry_field(definition: GraphQLField) -> StrawberryField | None:
    found = definition.extensions.get(GraphQLCoreConverter.DEFINITION_BACKREF)
    return found if isinstance(found, StrawberryField) else None


class _Compiler:
    def __init__(
        self,
        schema: GraphQLSchema,
        operation: OperationDefinitionNode,
        fragments: dict[str, FragmentDefinitionNode],
        variables: VariableValues,
    ) -> None:
        self.schema = schema
        self.operation = operation
        self.fragments = fragments
        self.variables = variables
        self.batched: list[str] = []

    def included(self, node: FieldNode | FragmentSpreadNode | InlineFragmentNode) -> bool:
        for directive in node.directives or ():
            if directive.name.value not in _SKIPPED_OR_INCLUDED:
                raise NotCompilable(f"directive @{directive.name.value}")
        skip = get_directive_values(GraphQLSkipDirective, node, self.variables)
        if skip is not None and skip["if"] is True:
            return False
        include = get_directive_values(GraphQLIncludeDirective, node, self.variables)
        return include is None or include["if"] is not False

    def applies(self, condition: str | None, runtime: GraphQLObjectType) -> bool:
        if condition is None or condition == runtime.name:
            return True
        conditional = self.schema.get_type(condition)
        return isinstance(conditional, GraphQLAbstractType) and self.schema.is_sub_type(conditional, runtime)

    def collect(
        self,
        runtime: GraphQLObjectType,
        selection_set: SelectionSetNode,
        into: dict[str, list[FieldNode]],
        visited: set[str],
    ) -> None:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                if self.included(selection):
                    key = selection.alias.value if selection.alias else selection.name.value
                    into.setdefault(key, []).append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition.name.value if selection.type_condition else None
                if self.included(selection) and self.applies(condition, runtime):
                    self.collect(runtime, selection.selection_set, into, visited)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                if name in visited or not self.included(selection):
                    continue
                visited.add(name)
                fragment = self.fragments[name]
                if self.applies(fragment.type_condition.name.value, runtime):
                    self.collect(runtime, fragment.selection_set, into, visited)

    def selection(self, runtime: GraphQLObjectType, selection_sets: list[SelectionSetNode]) -> Selection:
        grouped: dict[str, list[FieldNode]] = {}
        visited: set[str] = set()
        for selection_set in selection_sets:
            self.collect(runtime, selection_set, grouped, visited)
        return Selection(runtime.name, [self.field(runtime, key, nodes) for key, nodes in grouped.items()])

    def field(self, parent: GraphQLObjectType, key: str, nodes: list[FieldNode]) -> FieldPlan:
        name = nodes[0].name.value
        if name == "__typename":
            return FieldPlan(key=key, name=name, type_name=parent.name, shape=None)
        if name.startswith("__"):
            raise NotCompilable(f"introspection field {name}")
        definition = parent.fields[name]
        plan = FieldPlan(key=key, name=name, type_name=parent.name, shape=None, definition=definition, nodes=nodes)
        plan.shape = self.shape(definition.type, [node.selection_set for node in nodes if node.selection_set])
        self.how_to_call(plan, parent, definition)
        return plan

    def how_to_call(self, plan: FieldPlan, parent: GraphQLObjectType, definition: GraphQLField) -> None:
        strawberry_field = _strawberry_field(definition)
        if strawberry_field is None:
            raise NotCompilable(f"{parent.name}.{plan.name} is not a strawberry field")
        if strawberry_field.extensions or strawberry_field.permission_classes:
            raise NotCompilable(f"{parent.name}.{plan.name} has field extensions or permissions")
        plan.strawberry_field = strawberry_field
        plan.has_arguments = bool(definition.args)
        if not any(self.uses_variables(node) for node in plan.nodes):
            plan.constant_arguments = get_argument_values(definition, plan.nodes[0], self.variables)
        batched = BATCHED.get((parent.name, plan.name))
        if batched is not None and batched.applies(plan.constant_arguments):
            plan.call, plan.batched = "batched", batched
            self.batched.append(f"{parent.name}.{plan.name}")
            return
        resolver = strawberry_field.base_resolver
        if resolver is None:
            plan.call = "attribute"
            return
        function = resolver.wrapped_func
        if not strawberry_field.arguments and inspect.isfunction(function):
            parameters = list(inspect.signature(function).parameters)
            if parameters == ["self"]:
                plan.call, plan.function = "source", function
                return
            if parameters == ["self", "info"]:
                plan.call, plan.function = "raw_info", function
                return
        plan.call = "strawberry"

    def uses_variables(self, node: FieldNode) -> bool:
        return any(_has_variable(argument.value) for argument in node.arguments or ())

    def shape(self, graphql_type: GraphQLOutputType, selection_sets: list[SelectionSetNode]) -> Shape:
        nullable = True
        if isinstance(graphql_type, GraphQLNonNull):
            nullable, graphql_type = False, graphql_type.of_type
        if isinstance(graphql_type, GraphQLList):
            return Shape(nullable, item=self.shape(graphql_type.of_type, selection_sets))
        if isinstance(graphql_type, GraphQLScalarType | GraphQLEnumType):
            return Shape(nullable, serialize=graphql_type.serialize)
        if isinstance(graphql_type, GraphQLObjectType):
            return Shape(nullable, selections={graphql_type.name: self.selection(graphql_type, selection_sets)})
        if is_abstract_type(graphql_type):
            possible = self.schema.get_possible_types(graphql_type)
            selections = {runtime.name: self.selection(runtime, selection_sets) for runtime in possible}
            return Shape(nullable, selections=selections, abstract=True)
        raise NotCompilable(f"output type {graphql_type}")


def compile_operation(
    schema: GraphQLSchema,
    operation: OperationDefinitionNode,
    fragments: dict[str, FragmentDefinitionNode],
    variables: VariableValues,
) -> Plan:
    """The plan of a validated query operation, for the `@skip`/`@include` values `variables` give."""
    if operation.operation is not OperationType.QUERY:
        raise NotCompilable(f"a {operation.operation.value}")
    if any(fragment.variable_definitions for fragment in fragments.values()):
        raise NotCompilable("fragment variables")
    root = schema.query_type
    assert root is not None
    compiler = _Compiler(schema, operation, fragments, variables)
    selection = compiler.selection(root, [operation.selection_set])
    return Plan(operation=operation, fragments=fragments, root=selection, batched=compiler.batched)
