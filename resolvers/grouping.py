"""Group-bys of any season list in one statement: per combination of keys, the rows counted, the list's totals summed,
and its measures (goals, minutes, attendance...) summed, averaged and bounded; then ordered and cut to `first`.

Groups are ordered after the statement, in Python: their number is bounded by one season's list (a few hundred at
most), and only there do rounds sort in playing order and names by how they read, the same on every database.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import func, select

from football.errors import BadUserInput
from resolvers.context import Context
from resolvers.criteria import Direction
from resolvers.cursor_pages import ListQuery

K = TypeVar("K", bound=enum.Enum)
E = TypeVar("E", bound=enum.Enum)

# More keys than this make groups of one row: a listing, not an aggregate.
MAX_GROUP_KEYS = 3
# Averages are rounded like every other average the API gives.
AVERAGE_DECIMALS = 2


class Aggregate(enum.Enum):
    """What groups are ordered by: their key, their row count, or a measure's sum, average, minimum or maximum."""

    KEY = "KEY"
    COUNT = "COUNT"
    SUM = "SUM"
    AVG = "AVG"
    MIN = "MIN"
    MAX = "MAX"


@dataclass(frozen=True)
class GroupOrder(Generic[E]):
    """How groups are ordered: `by` what (a measure's for SUM, AVG, MIN and MAX), which way."""

    by: Aggregate = Aggregate.KEY
    measure: E | None = None
    direction: Direction = Direction.ASC

    def checked(self) -> GroupOrder[E]:
        """The order itself; BAD_USER_INPUT when a measure is missing or given where none applies."""
        needs_measure = self.by not in (Aggregate.KEY, Aggregate.COUNT)
        if needs_measure and self.measure is None:
            raise BadUserInput(f"Ordering groups by {self.by.name} needs a `measure`, e.g. GOALS or MINUTE.")
        if not needs_measure and self.measure is not None:
            raise BadUserInput(f"`measure` orders by SUM, AVG, MIN or MAX, not by {self.by.name}.")
        return self


@dataclass(frozen=True)
class Groupable(Generic[K, E]):
    """What a list can be grouped by (`key` gives each key's SQL), and what each group adds up.

    `every` lists all the values a key can take, so that grouping by it alone lists the empty groups too (minute
    ranges); `totals` are sums every group shows (a match's goals), `measures` the columns summed, averaged and
    bounded on demand.
    """

    key: Callable[[K], Any]
    every: Mapping[K, Sequence[Any]] = field(default_factory=dict)
    totals: Mapping[str, Any] = field(default_factory=dict)
    measures: Mapping[E, Any] = field(default_factory=dict)


@dataclass
class Group(Generic[E]):
    """One combination of key values (None = unknown) with its count, totals and measures' aggregates."""

    keys: tuple[Any, ...]
    count: int
    totals: dict[str, int]
    sum: dict[E, int | None]
    avg: dict[E, float | None]
    min: dict[E, int | None]
    max: dict[E, int | None]

    def aggregate(self, by: Aggregate, measure: E | None) -> Any:
        """The figure `by` orders on (the count, or one of `measure`'s)."""
        if by is Aggregate.COUNT or measure is None:
            return self.count
        figures: dict[Aggregate, dict[E, Any]] = {
            Aggregate.SUM: self.sum,
            Aggregate.AVG: self.avg,
            Aggregate.MIN: self.min,
            Aggregate.MAX: self.max,
        }
        return figures[by][measure]


def checked_keys(by: Sequence[K]) -> list[K]:
    """The group keys of a `groups(by:)`: one to MAX_GROUP_KEYS different ones, else BAD_USER_INPUT."""
    if not 1 <= len(by) <= MAX_GROUP_KEYS or len(set(by)) != len(by):
        raise BadUserInput(f"`by` takes 1 to {MAX_GROUP_KEYS} different keys, got {len(by)}.")
    return list(by)


async def grouped(
    context: Context, query: ListQuery[Any], groupable: Groupable[K, E], by: Sequence[K]
) -> list[Group[E]]:
    """The groups of `query`'s rows for each combination of the keys `by`, in no particular order."""
    keys = checked_keys(by)
    measures = list(groupable.measures.items())
    totals = list(groupable.totals.values())
    # The rows' values first, then grouped by name: PostgreSQL matches a GROUP BY expression to the SELECT's only
    # when their bound parameters are the same, and a key like RESULT has its own.
    values = (
        query.statement.with_only_columns(
            *(groupable.key(key).label(f"key{index}") for index, key in enumerate(keys)),
            *(total.label(f"total{index}") for index, total in enumerate(totals)),
            *(column.label(f"measure{index}") for index, (_, column) in enumerate(measures)),
        )
        .order_by(None)
        .subquery()
    )
    key_columns = [values.c[f"key{index}"] for index in range(len(keys))]
    statement = select(
        *key_columns,
        func.count(),
        *(func.coalesce(func.sum(values.c[f"total{index}"]), 0) for index in range(len(totals))),
        *(
            aggregate(values.c[f"measure{index}"])
            for index in range(len(measures))
            for aggregate in (func.sum, func.avg, func.min, func.max)
        ),
    ).group_by(*key_columns)
    rows = await context.database.execute(statement)
    groups = [_group(row, len(keys), list(groupable.totals), [measure for measure, _ in measures]) for row in rows]
    every = groupable.every.get(keys[0]) if len(keys) == 1 else None
    if every:
        seen = {group.keys[0] for group in groups}
        groups += [_empty((value,), list(groupable.totals)) for value in every if value not in seen]
    return groups


def _group(row: Sequence[Any], width: int, totals: list[str], measures: list[E]) -> Group[E]:
    figures = row[width + 1 + len(totals) :]
    group: Group[E] = Group(
        keys=tuple(row[:width]),
        count=int(row[width]),
        totals={name: int(value) for name, value in zip(totals, row[width + 1 :], strict=False)},
        sum={},
        avg={},
        min={},
        max={},
    )
    for index, measure in enumerate(measures):
        total, average, least, most = figures[4 * index : 4 * index + 4]
        group.sum[measure] = None if total is None else int(total)
        group.avg[measure] = None if average is None else round(float(average), AVERAGE_DECIMALS)
        group.min[measure] = None if least is None else int(least)
        group.max[measure] = None if most is None else int(most)
    return group


def _empty(keys: tuple[Any, ...], totals: list[str]) -> Group[Any]:
    return Group(keys=keys, count=0, totals=dict.fromkeys(totals, 0), sum={}, avg={}, min={}, max={})


def arranged(
    groups: list[Group[E]],
    key_values: Callable[[Group[E]], Sequence[Any]],
    order: GroupOrder[E] | None,
    first: int | None,
) -> list[Group[E]]:
    """`groups` in `order` (by key when None), the first `first` of them.

    `key_values` gives the values a group's keys sort by. Unknown keys come last in either direction, and so do
    groups whose figure is unknown (the average minute of goals without minutes); level groups stay in key order.
    """
    order = (order or GroupOrder()).checked()
    descending = order.direction is Direction.DESC

    def last_if_unknown(value: Any, reverse: bool) -> tuple[bool, Any]:
        # Sorting (unknown, value) puts unknown last; a reversed sort needs (known, value) for the same.
        return (value is None) != reverse, 0 if value is None else value

    def by_key(group: Group[E], reverse: bool) -> tuple[Any, ...]:
        return tuple(last_if_unknown(value, reverse) for value in key_values(group))

    if order.by is Aggregate.KEY:
        ordered = sorted(groups, key=lambda group: by_key(group, descending), reverse=descending)
    else:
        # A stable sort on the figure keeps level groups in the key order of the first sort.
        ordered = sorted(groups, key=lambda group: by_key(group, False))
        ordered.sort(
            key=lambda g: last_if_unknown(g.aggregate(order.by, order.measure), descending), reverse=descending
        )
    return ordered if first is None else ordered[:first]
