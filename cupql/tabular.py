"""Turn a GraphQL response's `data` into rows, the way an analyst reads a result: one row per innermost item.

Scalars become columns named by their path (`club.name`); a list of objects repeats its parent's columns on a
row per item; lists side by side (a club's `goals` and its `cards`) each add their own rows rather than
multiplying each other; a list of scalars is one cell, its values joined by "; ". A connection's `nodes`,
`edges` and `node` leave no trace in column names, and `pageInfo` is left out (`left_out` names it, so the
caller can say so). The columns are the fields the query asked for, so an empty result is its header alone.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    parse,
)

Row = dict[str, Any]

_TRANSPARENT = {"nodes", "edges", "node"}
_LEFT_OUT = {"pageInfo"}


def rows_of(data: Any) -> list[Row]:
    """The rows of a response's `data` (see the module docstring); a lone top-level field leaves no prefix.

    An empty list adds no row, so a result with nothing in it has no rows at all.
    """
    if isinstance(data, Mapping) and len(data) == 1:
        [data] = data.values()
    return [row for row in _flatten(data, ()) if row]


def asked_columns(query: str, operation_name: str | None = None) -> list[str]:
    """The columns of the fields `query` selects (its operation `operation_name`), in the query's order, named as
    `rows_of` names them; `pageInfo` is left out."""
    document = parse(query)
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    operation = next((o for o in operations if o.name and o.name.value == operation_name), operations[0])
    paths = list(dict.fromkeys(_leaf_paths(operation.selection_set, (), fragments)))
    if len({path[0] for path in paths}) == 1:
        paths = [path[1:] for path in paths]
    return list(dict.fromkeys(_column(path) for path in paths))


def left_out(query: str) -> list[str]:
    """The fields `query` selects that tables leave out (`pageInfo`), each once."""
    names = (node.name.value for node in _fields(parse(query).definitions))
    return [name for name in dict.fromkeys(names) if name in _LEFT_OUT]


def _fields(nodes: Iterable[Any]) -> Iterator[FieldNode]:
    for node in nodes:
        if isinstance(node, FieldNode):
            yield node
        selection_set = getattr(node, "selection_set", None)
        if selection_set is not None:
            yield from _fields(selection_set.selections)


def _leaf_paths(
    selection_set: SelectionSetNode, path: tuple[str, ...], fragments: Mapping[str, FragmentDefinitionNode]
) -> Iterator[tuple[str, ...]]:
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            if selection.name.value in _LEFT_OUT:
                continue
            key = (*path, (selection.alias or selection.name).value)
            if selection.selection_set is None:
                yield key
            else:
                yield from _leaf_paths(selection.selection_set, key, fragments)
        elif isinstance(selection, InlineFragmentNode):
            yield from _leaf_paths(selection.selection_set, path, fragments)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value in fragments:
            yield from _leaf_paths(fragments[selection.name.value].selection_set, path, fragments)


def _column(path: Sequence[str]) -> str:
    return ".".join(part for part in path if part not in _TRANSPARENT) or "value"


def _is_scalar_list(value: Sequence[Any]) -> bool:
    return all(not isinstance(item, Mapping | list) for item in value)


def _flatten(value: Any, path: tuple[str, ...]) -> list[Row]:
    if isinstance(value, Mapping):
        return _flatten_object(value, path)
    if isinstance(value, list):
        if not value:
            return [{}]
        if _is_scalar_list(value):
            return [{_column(path): "; ".join(_cell(item) for item in value)}]
        return [row for item in value for row in _flatten(item, path)]
    return [{_column(path): value}]


def _flatten_object(value: Mapping[str, Any], path: tuple[str, ...]) -> list[Row]:
    base: Row = {}
    expansions: list[list[Row]] = []
    for key, child in value.items():
        if key in _LEFT_OUT:
            continue
        child_rows = _flatten(child, (*path, key))
        if len(child_rows) == 1:
            base.update(child_rows[0])
        else:
            expansions.append(child_rows)
    if not expansions:
        return [base]
    # Sibling lists each contribute their own rows: a club's goals and its cards are not multiplied.
    return [{**base, **row} for rows in expansions for row in rows]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def columns_of(rows: Iterable[Row], asked: Iterable[str] = ()) -> list[str]:
    """The `asked` columns, then any other the rows have, in the order first seen; a null object's column goes
    where the others show its fields."""
    seen: dict[str, None] = dict.fromkeys(asked)
    for row in rows:
        seen.update(dict.fromkeys(row))
    columns: dict[str, None] = {}
    for column in seen:
        fields = [other for other in seen if other.startswith(f"{column}.")]
        columns.update(dict.fromkeys(fields or [column]))
    return list(columns)


def to_csv(rows: list[Row], columns: list[str]) -> str:
    """RFC 4180 CSV with a header row; null is an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def to_table(rows: list[Row], columns: list[str]) -> str:
    """A plain-text table with aligned columns, numbers to the right."""
    cells = [[_cell(row.get(column)) for column in columns] for row in rows]
    widths = [max([len(column), *(len(line[i]) for line in cells)]) for i, column in enumerate(columns)]
    numeric = [all(isinstance(row.get(c), int | float) or row.get(c) is None for row in rows) for c in columns]

    def line(values: Sequence[str], header: bool = False) -> str:
        parts = [
            value.rjust(width) if right and not header else value.ljust(width)
            for value, width, right in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * width for width in widths)
    return "\n".join([line(columns, header=True), rule, *(line(values) for values in cells)]) + "\n"
