"""`where` conditions as SQL, added to a list's filtered statement: comparisons on named fields, `and`/`or`/`not`.

A condition is plain data (the schema builds it from its `where` inputs); each list maps the field names to
its columns (`MATCH_COLUMNS` in resolvers/match.py, ...).
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, and_, false, not_, or_, true

from football.errors import BadUserInput
from football.vocabulary import fold
from resolvers.cursor_pages import ListQuery

# `in` lists longer than this are refused: a longer list is a join, not a filter.
MAX_IN_VALUES = 1000


@dataclasses.dataclass(frozen=True)
class Text:
    """A text column and the folded column `includes` searches (case and accents ignored)."""

    column: Any
    folded: Any


@dataclasses.dataclass(frozen=True)
class Comparison:
    """`field` compared by `operator` (eq, ne, gt, gte, lt, lte, in, not_in, is_null, includes) with `value`."""

    field: str
    operator: str
    value: Any


@dataclasses.dataclass(frozen=True)
class Condition:
    """Comparisons and nested conditions, all of which must hold; None where a part is not given.

    `all_of` must all hold, one of `any_of` must (none can when it is empty), `negated` must not.
    """

    comparisons: tuple[Comparison, ...] = ()
    all_of: tuple[Condition, ...] | None = None
    any_of: tuple[Condition, ...] | None = None
    negated: Condition | None = None


def narrowed(query: ListQuery[Any], where: Condition | None, columns: Mapping[str, Any]) -> ListQuery[Any]:
    """`query` keeping only the rows `where` holds for (all of them when it is None)."""
    if where is None:
        return query
    return ListQuery(query.statement.where(condition(where, columns)), query.order_by)


def condition(where: Condition, columns: Mapping[str, Any]) -> ColumnElement[bool]:
    """The SQL condition of one `where`: its comparisons, `and`, `or` and `not`, all of which must hold."""
    parts = [_comparison(columns[c.field], c) for c in where.comparisons]
    if where.all_of is not None:
        parts.append(and_(true(), *(condition(inner, columns) for inner in where.all_of)))
    if where.any_of is not None:
        parts.append(or_(false(), *(condition(inner, columns) for inner in where.any_of)))
    if where.negated is not None:
        parts.append(not_(condition(where.negated, columns)))
    return and_(true(), *parts)


def _comparison(target: Any, comparison: Comparison) -> ColumnElement[bool]:
    column = target.column if isinstance(target, Text) else target
    name, value = comparison.operator, comparison.value
    if isinstance(value, list) and len(value) > MAX_IN_VALUES:
        raise BadUserInput(f"`{name}` takes at most {MAX_IN_VALUES} values, got {len(value)}.")
    if isinstance(value, str) and "\x00" in value:
        raise BadUserInput("Filter text must not contain NUL characters.")
    return _operator(name, column, target, value)


_ORDERINGS = {"gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le}


def _operator(name: str, column: Any, target: Any, value: Any) -> ColumnElement[bool]:
    if name == "eq":
        return column.is_(value) if isinstance(value, bool) else column == value  # type: ignore[no-any-return]
    if name == "ne":
        return column != value  # type: ignore[no-any-return]
    if name in _ORDERINGS:
        return _ORDERINGS[name](column, value)  # type: ignore[no-any-return]
    if name == "in":
        return column.in_(value)  # type: ignore[no-any-return]
    if name == "not_in":
        return column.not_in(value)  # type: ignore[no-any-return]
    if name == "is_null":
        return column.is_(None) if value else column.is_not(None)  # type: ignore[no-any-return]
    if name == "includes":
        return target.folded.contains(fold(value), autoescape=True)  # type: ignore[no-any-return]
    raise AssertionError(f"unknown comparison {name}")
