"""How a DataLoader reads rows: one `SELECT ... WHERE column IN (...)` per batch, in the request's waves.

A loader is keyed by a column's value (a club's id, a match's id, ...) and answers with the rows that have it,
so that resolving the same field on many parents costs one statement. Rows are Core rows with the model's
column names (see `resolvers.database`); they are typed as the model they come from.
"""

from __future__ import annotations

import inspect
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, select
from strawberry.dataloader import DataLoader

from db import models
from resolvers.database import Database

Row = TypeVar("Row", bound=models.Base)
K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")
# SQLite refuses more than 32766 bound parameters per statement; stay well below. Every batched read uses it.
MAX_BATCH = 1000


def _in_match_order(model: type[Row]) -> tuple[Select[Any], tuple[Any, ...]]:
    """Goals or cards joined to their matches, to be listed in the order the matches were played."""
    statement = select(model.__table__).join(models.MatchRow, models.MatchRow.id == model.match_id)  # type: ignore[attr-defined]
    return statement, (models.MatchRow.date, models.MatchRow.id, model.ordinal)  # type: ignore[attr-defined]


def _rows_by(
    session: Database, model: type[Row], column: Any, order_by: Sequence[Any] = (), in_match_order: bool = False
) -> Callable[[list[str]], Awaitable[list[list[Row]]]]:
    async def load(keys: list[str]) -> list[list[Row]]:
        statement, order = _in_match_order(model) if in_match_order else (select(model.__table__), tuple(order_by))
        statement = statement.where(column.in_(keys)).order_by(*order)
        grouped: dict[str, list[Row]] = defaultdict(list)
        for row in await session.execute(statement):
            grouped[getattr(row, column.key)].append(row)
        return [grouped.get(key, []) for key in keys]

    return load


def _one_by_id(session: Database, model: type[Row]) -> Callable[[list[str]], Awaitable[list[Row | None]]]:
    many = _rows_by(session, model, model.id)  # type: ignore[attr-defined]

    async def load(keys: list[str]) -> list[Row | None]:
        return [rows[0] if rows else None for rows in await many(keys)]

    return load


def list_loader(
    session: Database, model: type[Row], column: Any, *order_by: Any, in_match_order: bool = False
) -> DataLoader[str, list[Row]]:
    load = _rows_by(session, model, column, order_by, in_match_order)
    return DataLoader(session.waves.batched(load), max_batch_size=MAX_BATCH)


def id_loader(session: Database, model: type[Row]) -> DataLoader[str, Row | None]:
    return DataLoader(session.waves.batched(_one_by_id(session, model)), max_batch_size=MAX_BATCH)


def club_rows(
    session: Database, model: type[Row], *order_by: Any, in_match_order: bool = False
) -> DataLoader[tuple[str, str], list[Row]]:
    """Rows of one club in one season, keyed by (season id, club id)."""

    async def load(keys: list[tuple[str, str]]) -> list[list[Row]]:
        seasons = {season for season, _ in keys}
        clubs = {club for _, club in keys}
        statement, order = _in_match_order(model) if in_match_order else (select(model.__table__), order_by)
        statement = statement.where(
            model.season_id.in_(seasons),  # type: ignore[attr-defined]
            model.club_id.in_(clubs),  # type: ignore[attr-defined]
        )
        grouped: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for row in await session.execute(statement.order_by(*order)):
            grouped[(row.season_id, row.club_id)].append(row)
        return [grouped.get(key, []) for key in keys]

    return DataLoader(session.waves.batched(load), max_batch_size=MAX_BATCH)


def loaded(loader: DataLoader[K, V], key: K) -> V | Awaitable[V]:
    """The value for `key` at once when `loader` already holds it, else the awaitable load.

    A resolver that returns a plain value lets graphql-core complete its object without a task; most links
    (a goal's club, a step's opponent) point at rows that an earlier batch already loaded.
    """
    future = loader.cache_map.get(key)
    if future is not None and future.done() and not future.cancelled() and future.exception() is None:
        return future.result()
    return loader.load(key)


def then(value: V | Awaitable[V], function: Callable[[V], R]) -> R | Awaitable[R]:
    """`function` applied to `value`, at once for a plain value, once awaited for an awaitable."""
    if inspect.isawaitable(value):
        return _then(value, function)
    return function(value)


async def _then(value: Awaitable[V], function: Callable[[V], R]) -> R:
    return function(await value)
