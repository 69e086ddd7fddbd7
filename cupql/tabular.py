"""Turn a GraphQL response's `data` into rows, the way an analyst reads a result: one row per innermost item.

Scalars become columns named by their path (`club.name`); a list of objects repeats its parent's columns on a
row per item; lists side by side (a club's `goals` and its `cards`) each add their own rows rather than
multiplying each other; a list of scalars is one cell, its values joined by "; ". A connection's `nodes`,
`edges` and `node` leave no trace in column names, and `pageInfo` is left out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

Row = dict[str, Any]

_TRANSPARENT = {"nodes", "edges", "node"}
_LEFT_OUT = {"pageInfo"}


def rows_of(data: Any) -> list[Row]:
    """The rows of a response's `data` (see the module docstring); a lone top-level field leaves no prefix."""
    if isinstance(data, Mapping) and len(data) == 1:
        [data] = data.values()
    return _flatten(data, ())


def _column(path: Sequence[str]) -> str:
    return ".".join(part for part in path if part not in _TRANSPARENT) or "value"


def _is_scalar_list(value: Sequence[Any]) -> bool:
    return all(not isinstance(item, Mapping | list) for item in value)


def _flatten(value: Any, path: tuple[str, ...]) -> list[Row]:
    if isinstance(value, Mapping):
        return _flatten_object(value, path)
    if isinstance(value, list):
        if _is_scalar_list(value):
            return [{_column(path): "; ".join(_cell(item) for item in value)}]
        rows = [row for item in value for row in _flatten(item, path)]
        return rows or [{}]
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


def columns_of(rows: Iterable[Row]) -> list[str]:
    """Every column, in the order first seen; a null object's column goes where rows show its fields."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    columns: dict[str, None] = {}
    for column in seen:
        fields = [other for other in seen if other.startswith(f"{column}.")]
        columns.update(dict.fromkeys(fields or [column]))
    return list(columns)


def to_csv(rows: list[Row]) -> str:
    """RFC 4180 CSV with a header row; null is an empty cell."""
    columns = columns_of(rows)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return buffer.getvalue()


def to_table(rows: list[Row]) -> str:
    """A plain-text table with aligned columns, numbers to the right."""
    columns = columns_of(rows)
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
