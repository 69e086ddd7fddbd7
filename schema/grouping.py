"""Group-bys as the schema shows them, built once for every season list: `groupBy(key:)` and `groups(by:)`, each
with `orderBy` and `first`, and per list the group type with its labels, count, totals and measures' aggregates.

A list describes itself with a `Grouping` (its keys and how their values read, its totals and measures); the
functions here make its GraphQL types (`GoalGroup`, `GoalMeasures`, `GoalAverages`, `GoalGroupOrder`, ...) and its
two fields from it.
"""

from __future__ import annotations

import enum
import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, Generic, TypeVar

import strawberry

from football.keys import club_entry_key
from football.vocabulary import fold
from resolvers.group import group_name
from resolvers.grouping import Aggregate, Group, Groupable, GroupOrder, arranged, grouped
from resolvers.rows import SeasonRow
from schema.enums import Direction
from schema.relay import GROUP_KEY, GROUP_KEYS, Info

K = TypeVar("K", bound=enum.Enum)
E = TypeVar("E", bound=enum.Enum)

UNKNOWN = "unknown"
"""The label of a group whose key the article does not give (a goal of unknown scorer or minute)."""

Labeller = Callable[[Info, SeasonRow, list[Any]], Awaitable[Callable[[Any], str]]]
"""How a key's values read: given the values found, a function from each to its label."""

strawberry.enum(
    Aggregate,
    name="GroupAggregate",
    description="What groups are ordered by: KEY, COUNT, or a measure's SUM, AVG, MIN or MAX.",
)


def text(value: Any) -> str:
    """A key's value as a label: an enum's name, true/false, or the value as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "name", value))


async def as_text(_info: Info, _season: SeasonRow, _values: list[Any]) -> Callable[[Any], str]:
    return text


async def club_labels(info: Info, season: SeasonRow, values: list[Any]) -> Callable[[Any], str]:
    """Club keys as this season's names."""
    clubs = await info.context.loaders.club.load_many([club_entry_key(season.id, value) for value in values])
    names = {found.club.id: found.entry.name for found in clubs if found}
    return lambda value: names.get(value, text(value))


async def player_labels(info: Info, _season: SeasonRow, values: list[Any]) -> Callable[[Any], str]:
    """Player keys as names."""
    players = await info.context.loaders.player.load_many(values)
    names = {found.id: found.name for found in players if found}
    return lambda value: names.get(value, text(value))


async def group_labels(_info: Info, _season: SeasonRow, _values: list[Any]) -> Callable[[Any], str]:
    """Group keys as their letters."""
    return group_name


def range_labels(bounds: Callable[[int], tuple[int, int]]) -> Labeller:
    """Numbered ranges (a minute bucket's index) as "first-last"."""

    async def labels(_info: Info, _season: SeasonRow, _values: list[Any]) -> Callable[[Any], str]:
        return lambda value: "{}-{}".format(*bounds(int(value)))

    return labels


@dataclass(frozen=True)
class Grouping(Generic[K, E]):
    """How one list groups, as the schema shows it.

    `name` names the types (`Goal` makes `GoalGroup`, ...) and `rows` says what is counted ("Goals"); `measures`
    and `totals` describe the groupable's measures and totals; `labels` says how keys other than plain values read;
    `ranges` gives the bounds of a key whose values are numbered ranges.
    """

    name: str
    rows: str
    groupable: Groupable[K, E]
    measures: Mapping[E, str] = field(default_factory=dict)
    totals: Mapping[str, str] = field(default_factory=dict)
    labels: Mapping[K, Labeller] = field(default_factory=dict)
    ranges: Mapping[K, Callable[[int], tuple[int, int]]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Types:
    group: type[Any]
    order: type[Any]
    measures: type[Any] | None
    averages: type[Any] | None


def _fields(annotations: dict[str, Any], descriptions: dict[str, str], default: Any = ...) -> dict[str, Any]:
    fields = {
        name: strawberry.field(description=descriptions[name])
        if default is ...
        else strawberry.field(default=default.get(name), description=descriptions[name])
        for name in annotations
    }
    return {"__annotations__": annotations, **fields}


def _measure_type(grouping: Grouping[Any, Any], suffix: str, kind: type, what: str) -> type[Any]:
    names = {measure.name.lower(): description for measure, description in grouping.measures.items()}
    namespace = _fields(dict.fromkeys(names, kind | None), names)
    cls = type(f"{grouping.name}{suffix}", (), namespace)
    return strawberry.type(cls, description=f"{what} of each measure over the group's rows; null when none has it.")


def _types(grouping: Grouping[Any, Any]) -> _Types:
    measure_enum: type[enum.Enum] | None = type(next(iter(grouping.measures))) if grouping.measures else None
    measures = averages = None
    annotations: dict[str, Any] = {
        "keys": list[str | None],
        "key": str | None,
        "labels": list[str],
        "label": str,
        "count": int,
    }
    descriptions = {
        "keys": "The group's value for each key, in order; null = unknown (its label says `unknown`).",
        "key": "The first key's value (groupBy's only one); null = unknown (its label says `unknown`).",
        "labels": f'Each key\'s value as it reads; "{UNKNOWN}" where the article does not give it.',
        "label": f'The first key\'s value as it reads; "{UNKNOWN}" where the article does not give it.',
        "count": f"{grouping.rows} in the group.",
    }
    for name, description in grouping.totals.items():
        annotations[name], descriptions[name] = int, description
    if grouping.ranges:
        annotations["lower_bound"] = annotations["upper_bound"] = int | None
        descriptions["lower_bound"] = "For a numeric range key (the first), its first value, e.g. 16; else null."
        descriptions["upper_bound"] = "For a numeric range key (the first), its last value, e.g. 30; else null."
    if measure_enum is not None:
        strawberry.enum(
            measure_enum,
            name=f"{grouping.name}Measure",
            description=f"What groups of {grouping.rows.lower()} sum, average and bound, and can be ordered by.",
        )
        measures = _measure_type(grouping, "Measures", int, "The sum, minimum or maximum")
        averages = _measure_type(grouping, "Averages", float, "The average (two decimals)")
        annotations |= {"sum": measures, "avg": averages, "min": measures, "max": measures}
        descriptions |= {
            "sum": "Each measure's sum.",
            "avg": "Each measure's average.",
            "min": "Each measure's smallest value.",
            "max": "Each measure's largest value.",
        }
    group = strawberry.type(
        type(f"{grouping.name}Group", (), _fields(annotations, descriptions)),
        description=f"One group of {grouping.rows.lower()}: its keys, how many, and what they add up to.",
    )
    order_annotations: dict[str, Any] = {"by": Aggregate}
    order_descriptions = {
        "by": "KEY (unknown last), COUNT, or SUM, AVG, MIN or MAX of `measure`.",
        "direction": "ASC or DESC; unknown keys and figures come last either way, level groups in key order.",
    }
    defaults: dict[str, Any] = {"by": Aggregate.KEY, "direction": Direction.ASC}
    if measure_enum is not None:
        order_annotations["measure"] = measure_enum | None
        order_descriptions["measure"] = "The measure SUM, AVG, MIN and MAX order by."
    order_annotations["direction"] = Direction
    order = strawberry.input(
        type(f"{grouping.name}GroupOrder", (), _fields(order_annotations, order_descriptions, defaults)),
        description=f"How groups of {grouping.rows.lower()} are ordered; by key when omitted.",
    )
    return _Types(group=group, order=order, measures=measures, averages=averages)


def _sort_value(value: Any, label: Callable[[Any], str]) -> Any:
    """What a key's value sorts by: enums (rounds above all) in declared order, names as they read, else itself."""
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, enum.Enum):
        return list(type(value)).index(value)
    if isinstance(value, str):
        return fold(label(value))
    return value


class _Fields(Generic[K, E]):
    """The groupBy and groups fields of one list, and the making of its group objects."""

    def __init__(self, grouping: Grouping[K, E]) -> None:
        self.grouping = grouping
        self.types = _types(grouping)

    async def groups(self, root: Any, info: Info, by: Sequence[K], order: Any, first: int | None) -> list[Any]:
        grouping = self.grouping
        found = await grouped(info.context, root.query, grouping.groupable, by)
        labels = [
            await grouping.labels.get(key, as_text)(
                info, root.season, [g.keys[i] for g in found if g.keys[i] is not None]
            )
            for i, key in enumerate(by)
        ]
        plain = None if order is None else GroupOrder(order.by, getattr(order, "measure", None), order.direction)
        ordered = arranged(found, lambda g: [_sort_value(v, labels[i]) for i, v in enumerate(g.keys)], plain, first)
        bounds = grouping.ranges.get(by[0])
        return [self.shown(group, labels, bounds) for group in ordered]

    def shown(
        self, group: Group[E], labels: list[Callable[[Any], str]], bounds: Callable[[int], tuple[int, int]] | None
    ) -> Any:
        keys = [None if value is None else labels[i](value) for i, value in enumerate(group.keys)]
        values: dict[str, Any] = {
            "keys": keys,
            "key": keys[0],
            "labels": [UNKNOWN if key is None else key for key in keys],
            "label": UNKNOWN if keys[0] is None else keys[0],
            "count": group.count,
            **group.totals,
        }
        if self.grouping.ranges:
            first = group.keys[0]
            lower, upper = bounds(int(first)) if bounds and first is not None else (None, None)
            values |= {"lower_bound": lower, "upper_bound": upper}
        types = self.types
        if types.measures is not None and types.averages is not None:
            for name, figures, kind in (
                ("sum", group.sum, types.measures),
                ("avg", group.avg, types.averages),
                ("min", group.min, types.measures),
                ("max", group.max, types.measures),
            ):
                values[name] = kind(**{m.name.lower(): figures.get(m) for m in self.grouping.measures})
        return types.group(**values)


_ORDER = strawberry.argument(description="The groups' order; by key (unknown last) when omitted.")
_FIRST = strawberry.argument(description="Only the first N groups in that order (at most the page-size cap).")


def _field(resolve: Callable[..., Any], arguments: dict[str, Any], returns: Any, description: str) -> Any:
    parameters = [
        inspect.Parameter("root", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Any),
        inspect.Parameter("info", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Info),
    ]
    for name, (annotation, default) in arguments.items():
        parameters.append(
            inspect.Parameter(name, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=default, annotation=annotation)
        )
    resolve.__signature__ = inspect.Signature(parameters, return_annotation=returns)  # type: ignore[attr-defined]
    return strawberry.field(resolver=resolve, description=description)


def group_fields(grouping: Grouping[K, E], key_type: type[K], examples: str) -> tuple[Any, Any]:
    """The `groupBy` and `groups` fields of a connection over `grouping`'s list (`examples` name some keys)."""
    made = _Fields(grouping)
    # The types are made at run time: annotations built from them are values to mypy, hence Any.
    group: Any = made.types.group
    order: Any = Annotated[made.types.order | None, _ORDER]
    first: Any = Annotated[int | None, _FIRST]
    returns: Any = list[group]
    rows = grouping.rows

    async def group_by(root: Any, info: Info, key: K, order_by: Any = None, first: int | None = None) -> list[Any]:
        return await made.groups(root, info, [key], order_by, first)

    async def groups(root: Any, info: Info, by: list[K], order_by: Any = None, first: int | None = None) -> list[Any]:
        return await made.groups(root, info, by, order_by, first)

    paging = {"order_by": (order, None), "first": (first, None)}
    one = {"key": (Annotated[key_type, GROUP_KEY], inspect.Parameter.empty), **paging}
    several = {"by": (Annotated[list[key_type], GROUP_KEYS], inspect.Parameter.empty), **paging}  # type: ignore[valid-type]
    return (
        _field(group_by, one, returns, f"{rows} per value of one key, e.g. {examples}, over the whole filtered list."),
        _field(groups, several, returns, f"{rows} per combination of one to three keys, over the whole filtered list."),
    )
