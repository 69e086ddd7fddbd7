"""`cupql query --all`: follow the pages of every top-level connection in a query and join them.

Works on the document alone, so it serves an in-process run and a remote `--url` alike. A top-level field whose
selection lists `nodes` or `edges` is a connection: it gets a page size (its own `first`, else the largest page),
an `after` cursor variable and an aliased `pageInfo`; the first request asks for everything, each next request
only for the one connection still being paged (an `@include` variable per top-level field).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from graphql import (
    ArgumentNode,
    DirectiveNode,
    DocumentNode,
    FieldNode,
    IntValueNode,
    NamedTypeNode,
    NameNode,
    NonNullTypeNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableDefinitionNode,
    VariableNode,
    parse,
    print_ast,
)

_PAGE_INFO = "cupqlPageInfo"
_PREFIX = "cupql"

Execute = Callable[[str, dict[str, Any]], Awaitable[dict[str, Any]]]


class PagingError(Exception):
    """The query cannot be paged as asked."""


@dataclass
class _Connection:
    key: str  # the response key (alias or name)
    after_variable: str


def _name(value: str) -> NameNode:
    return NameNode(value=value)


def _variable_definition(name: str, type_name: str, required: bool) -> VariableDefinitionNode:
    named = NamedTypeNode(name=_name(type_name))
    return VariableDefinitionNode(
        variable=VariableNode(name=_name(name)),
        type=NonNullTypeNode(type=named) if required else named,
        directives=(),
    )


def _page_info() -> FieldNode:
    fields = tuple(FieldNode(name=_name(name), arguments=(), directives=()) for name in ("hasNextPage", "endCursor"))
    return FieldNode(
        alias=_name(_PAGE_INFO),
        name=_name("pageInfo"),
        arguments=(),
        directives=(),
        selection_set=SelectionSetNode(selections=fields),
    )


def _lists_items(selection_set: SelectionSetNode | None) -> bool:
    return selection_set is not None and any(
        isinstance(selection, FieldNode) and selection.name.value in {"nodes", "edges"}
        for selection in selection_set.selections
    )


def _choose_operation(document: DocumentNode, operation_name: str | None) -> OperationDefinitionNode:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if operation_name is not None:
        operations = [o for o in operations if o.name is not None and o.name.value == operation_name]
    if len(operations) != 1:
        raise PagingError("--all needs one operation: name it with --operation")
    return operations[0]


def paged_document(
    query: str, operation_name: str | None, page_size: int
) -> tuple[str, list[_Connection], dict[str, str]]:
    """The query rewritten for paging; its connections; each top-level field's `@include` variable by its key."""
    document = parse(query)
    operation = _choose_operation(document, operation_name)
    connections: list[_Connection] = []
    includes: dict[str, str] = {}
    selections = []
    definitions = list(operation.variable_definitions or ())
    for index, selection in enumerate(operation.selection_set.selections):
        if not isinstance(selection, FieldNode):
            raise PagingError("--all pages top-level fields; spell out fragments at the top level")
        include = f"{_PREFIX}Include{index}"
        includes[(selection.alias or selection.name).value] = include
        definitions.append(_variable_definition(include, "Boolean", required=True))
        directive = DirectiveNode(
            name=_name("include"),
            arguments=(ArgumentNode(name=_name("if"), value=VariableNode(name=_name(include))),),
        )
        arguments = list(selection.arguments or ())
        selection_set = selection.selection_set
        if selection_set is not None and _lists_items(selection_set):
            key = (selection.alias or selection.name).value
            given = {argument.name.value for argument in arguments}
            if given & {"last", "before"}:
                raise PagingError(f"--all pages forwards: give `{key}` `first`, not `last`/`before`")
            if "after" in given:
                raise PagingError(f"--all starts at the first page: drop `after` from `{key}`")
            after = f"{_PREFIX}After{index}"
            definitions.append(_variable_definition(after, "String", required=False))
            if "first" not in given:
                arguments.append(ArgumentNode(name=_name("first"), value=IntValueNode(value=str(page_size))))
            arguments.append(ArgumentNode(name=_name("after"), value=VariableNode(name=_name(after))))
            selection_set = SelectionSetNode(selections=(*selection_set.selections, _page_info()))
            connections.append(_Connection(key=key, after_variable=after))
        selections.append(
            FieldNode(
                alias=selection.alias,
                name=selection.name,
                arguments=tuple(arguments),
                directives=(*(selection.directives or ()), directive),
                selection_set=selection_set,
            )
        )
    paged = OperationDefinitionNode(
        operation=operation.operation,
        name=operation.name,
        variable_definitions=tuple(definitions),
        directives=operation.directives,
        selection_set=SelectionSetNode(selections=tuple(selections)),
    )
    document = DocumentNode(definitions=tuple(paged if d is operation else d for d in document.definitions))
    return print_ast(document), connections, includes


async def fetch_all(
    execute: Execute, query: str, variables: dict[str, Any], operation_name: str | None, page_size: int
) -> dict[str, Any]:
    """The response of `query` with every top-level connection's pages joined into its first."""
    text, connections, includes = paged_document(query, operation_name, page_size)
    first = await execute(text, {**variables, **dict.fromkeys(includes.values(), True)})
    data = first.get("data")
    if first.get("errors") or not isinstance(data, dict):
        return first
    for connection in connections:
        result = data.get(connection.key)
        while isinstance(result, dict) and result[_PAGE_INFO]["hasNextPage"]:
            wanted = {include: key == connection.key for key, include in includes.items()}
            cursor = result[_PAGE_INFO]["endCursor"]
            page = await execute(text, {**variables, **wanted, connection.after_variable: cursor})
            if page.get("errors"):
                return page
            following = page["data"][connection.key]
            for items in ("nodes", "edges"):
                if items in result:
                    result[items].extend(following[items])
            result[_PAGE_INFO] = following[_PAGE_INFO]
        if isinstance(result, dict):
            del result[_PAGE_INFO]
    return first
