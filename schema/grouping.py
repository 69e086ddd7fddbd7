"""Group-bys as the schema shows them: buckets of one key, and groups of several, with their values as labels."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import strawberry

from football.keys import club_entry_key
from resolvers.cursor_pages import ListQuery
from resolvers.rows import SeasonRow
from schema.relay import Info


@strawberry.type(description="One group of a groupBy: its key and how many rows it has.")
class Bucket:
    key: str | None = strawberry.field(description='The group\'s value (a name, a round, "16-30"); null = unknown.')
    count: int = strawberry.field(description="Rows in the group.")
    lower_bound: int | None = strawberry.field(
        default=None, description="For a numeric range (MINUTE_BUCKET), its first value, e.g. 16; else null."
    )
    upper_bound: int | None = strawberry.field(
        default=None, description="For a numeric range (MINUTE_BUCKET), its last value, e.g. 30; else null."
    )


def text(value: Any) -> str:
    """A key's value as a label: an enum's name, true/false, or the value as text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(getattr(value, "name", value))


async def club_names(info: Info, season: SeasonRow, ids: Sequence[str], *, first_known: bool = False) -> dict[str, str]:
    """The names of the season's clubs `ids`: this season's spelling, or the first season's with `first_known`."""
    clubs = await info.context.loaders.club.load_many([club_entry_key(season.id, i) for i in ids])
    return {c.club.id: c.club.name if first_known else c.entry.name for c in clubs if c}


async def buckets(
    info: Info, query: ListQuery[Any], key: Any, label: Callable[[Any], str] = text, *, clubs: SeasonRow | None = None
) -> list[Bucket]:
    """A bucket for each value of the SQL `key` among `query`'s rows; labelled with club names given `clubs`."""
    rows = await query.group_by(info.context, key)
    if clubs is not None:
        names = await club_names(info, clubs, [value for value, _ in rows if value])
        return [Bucket(key=names.get(value, value) if value else None, count=count) for value, count in rows]
    return [Bucket(key=None if value is None else label(value), count=count) for value, count in rows]


async def labelled(
    rows: list[tuple[Any, ...]],
    by: Sequence[Any],
    labels: Callable[[Any, list[Any]], Awaitable[Callable[[Any], str]]],
) -> list[tuple[list[str | None], tuple[Any, ...]]]:
    """Rows of a several-key group-by as (the keys' labels, the counts and sums), each key labelled its way."""
    width = len(by)
    shown = [await labels(key, [row[i] for row in rows if row[i] is not None]) for i, key in enumerate(by)]
    return [([None if row[i] is None else shown[i](row[i]) for i in range(width)], tuple(row[width:])) for row in rows]
