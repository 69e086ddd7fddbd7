"""The statements compiled plans run on the driver: built once with SQLAlchemy Core, compiled once per dialect.

A request's statement through SQLAlchemy's execution costs about three times its work on the driver (measured on
PostgreSQL: 540-620 µs of CPU against 180-210 µs for a batch of goals): cache keys, compilation lookup, execution
context and result objects, every time. Here the hot loaders' statements are compiled once per dialect, with
their key lists as one parameter each (an array on PostgreSQL, a JSON list read by `json_each` on SQLite, so the
text never changes), run through `Database.driver_rows`, and their rows decoded by the column types' own result
processors into named tuples with the columns' names: the same values, read the same way, as SQLAlchemy's rows.
A goal's scorer and a scorer-table row's player come joined to them, and go into the player loader.

`PlanLoaders` are the request's loaders with these statements behind the loaders plans use most; every other
loader, and every answer, is `Loaders`' own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Dialect,
    Select,
    String,
    any_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
)
from strawberry.dataloader import DataLoader

from db import models
from resolvers.batching import MAX_BATCH
from resolvers.database import Database
from resolvers.loaders import ClubInSeason, Loaders, clubs_in_season

__all__ = ["CLUB_BY_NAME", "LATEST_SEASON", "SEASON_OF_YEAR", "PlanLoaders", "PlanStatement"]

K = TypeVar("K")
V = TypeVar("V")

Member = Callable[[Any, str], ColumnElement[bool]]
"""`member(column, name)`: the condition that `column` is one of the keys passed as parameter `name`."""


def _member_postgresql(column: ColumnElement[Any], name: str) -> ColumnElement[bool]:
    return column == any_(bindparam(name, type_=ARRAY(String)))


def _member_sqlite(column: ColumnElement[Any], name: str) -> ColumnElement[bool]:
    return column.in_(select(literal_column("value")).select_from(func.json_each(bindparam(name, type_=String))))


@dataclass(frozen=True)
class _Compiled:
    sql: str
    positions: tuple[str, ...] | None
    """Parameter names in order, for a positional parameter style (SQLite's `?`); None for named ones."""
    decoders: tuple[tuple[int, Callable[[Any], Any]], ...]
    row: Any
    """The named tuple type of a row."""
    json_keys: bool
    defaults: dict[str, Any]
    """The values of the statement's own bound parameters (a LIMIT's), under the names it compiled them to."""


class PlanStatement:
    """A statement with key-list parameters, compiled once per dialect."""

    def __init__(self, name: str, build: Callable[[Member], Select[Any]]) -> None:
        self.name = name
        self._build = build
        self._compiled: dict[str, _Compiled] = {}

    def compiled(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect.name)
        if found is None:
            sqlite = dialect.name == "sqlite"
            statement = self._build(_member_sqlite if sqlite else _member_postgresql)
            compiled = statement.compile(dialect=dialect)
            columns = list(statement.selected_columns)
            decoders = tuple(
                (index, processor)
                for index, column in enumerate(columns)
                if (processor := column.type.dialect_impl(dialect).result_processor(dialect, None)) is not None
            )
            row = NamedTuple(f"{self.name}_row", [(column.key, Any) for column in columns])  # type: ignore[misc]
            positions = tuple(compiled.positiontup or ()) if dialect.positional else None
            found = _Compiled(compiled.string, positions, decoders, row, json_keys=sqlite, defaults=compiled.params)
            self._compiled[dialect.name] = found
        return found

    async def rows(self, database: Database, **parameters: Sequence[str] | str | int) -> list[Any]:
        """The statement's rows for these parameters (key lists, or single values), decoded as SQLAlchemy decodes
        them."""
        compiled = self.compiled(database.dialect)
        values = dict(compiled.defaults)
        for name, value in parameters.items():
            if isinstance(value, str | int):
                values[name] = value
            else:
                keys = list(value)
                values[name] = json.dumps(keys) if compiled.json_keys else keys
        bound = [values[name] for name in compiled.positions] if compiled.positions is not None else values
        make, decoders = compiled.row._make, compiled.decoders
        decoded = []
        for raw in await database.driver_rows(compiled.sql, bound):
            row = list(raw)
            for index, decode in decoders:
                row[index] = decode(row[index])
            decoded.append(make(row))
        return decoded


_JOINED_PLAYER = "player__"


def _with_player(statement: Select[Any], player_id: Any) -> Select[Any]:
    """`statement` with the columns of the player `player_id` names (nulls for none), as `player__<column>`: the
    player a goal's `scorer` or a scorer-table row's `player` links to, fetched with it instead of a level later."""
    players = models.PlayerRow.__table__
    joined = statement.add_columns(*(column.label(_JOINED_PLAYER + column.key) for column in players.columns))
    return joined.outerjoin(players, players.c.id == player_id)


# The same selections and orders as the loaders of `resolvers.loaders` they stand in for.
_GOALS_BY_MATCH = PlanStatement(
    "goals_by_match",
    lambda member: (
        _with_player(select(models.GoalRow.__table__), models.GoalRow.scorer_id)
        .where(member(models.GoalRow.match_id, "keys"))
        .order_by(models.GoalRow.ordinal)
    ),
)
_SCORERS_BY_CLUB = PlanStatement(
    "scorer_entries_by_club",
    lambda member: (
        _with_player(select(models.ScorerEntryRow.__table__), models.ScorerEntryRow.player_id)
        .where(member(models.ScorerEntryRow.season_id, "seasons"), member(models.ScorerEntryRow.club_id, "clubs"))
        .order_by(models.ScorerEntryRow.goals.desc(), models.ScorerEntryRow.id)
    ),
)
_MATCHES_BY_CLUB = PlanStatement(
    "matches_by_club",
    lambda member: (
        select(models.MatchRow.__table__)
        .where(
            member(models.MatchRow.season_id, "seasons"),
            member(models.MatchRow.home_id, "clubs") | member(models.MatchRow.away_id, "clubs"),
        )
        .order_by(models.MatchRow.date, models.MatchRow.id)
    ),
)
_PLAYERS = PlanStatement(
    "players", lambda member: select(models.PlayerRow.__table__).where(member(models.PlayerRow.id, "keys"))
)
_SEASONS = PlanStatement(
    "seasons", lambda member: select(models.SeasonRow.__table__).where(member(models.SeasonRow.id, "keys"))
)


# The root lookups every request of a season starts with: the latest season or a year's, and a club by name.
def _seasons_newest_first() -> Select[Any]:
    return select(models.SeasonRow.__table__).order_by(models.SeasonRow.year.desc(), models.SeasonRow.id).limit(1)


LATEST_SEASON = PlanStatement("latest_season", lambda _member: _seasons_newest_first())
SEASON_OF_YEAR = PlanStatement(
    "season_of_year", lambda _member: _seasons_newest_first().where(models.SeasonRow.year == bindparam("year"))
)
CLUB_BY_NAME = PlanStatement(
    "club_by_name",
    # This season's spelling, the first season's, or the key (`khan tengri` finds `Khan-Tengri`); the folded
    # names are indexed, so the lookup costs the same however many clubs the season has.
    lambda _member: (
        clubs_in_season()
        .where(
            models.ClubEntryRow.season_id == bindparam("season"),
            or_(
                models.ClubEntryRow.sort_name == bindparam("folded"),
                models.ClubRow.sort_name == bindparam("folded"),
                models.ClubRow.id == bindparam("key"),
            ),
        )
        .order_by(models.ClubEntryRow.sort_name)
        .limit(1)
    ),
)
_CLUBS = PlanStatement("clubs", lambda member: clubs_in_season().where(member(models.ClubEntryRow.id, "keys")))


def _loader(database: Database, load: Callable[[list[K]], Awaitable[Sequence[V]]]) -> DataLoader[K, V]:
    return DataLoader(database.waves.batched(load), max_batch_size=MAX_BATCH)


def _by_id(database: Database, statement: PlanStatement, wrap: Callable[[Any], Any] = lambda row: row) -> Any:
    async def load(keys: list[str]) -> list[Any]:
        found = {row.id: wrap(row) for row in await statement.rows(database, keys=keys)}
        return [found.get(key) for key in keys]

    return _loader(database, load)


class PlanLoaders(Loaders):
    """`Loaders` with the statements of this module behind the loaders compiled plans use most."""

    def __init__(self, database: Database) -> None:
        super().__init__(database)
        self._plan_database = database

    @cached_property
    def season(self) -> DataLoader[str, models.SeasonRow | None]:
        return _by_id(self._plan_database, _SEASONS)  # type: ignore[no-any-return]

    @cached_property
    def player(self) -> DataLoader[str, models.PlayerRow | None]:
        return _by_id(self._plan_database, _PLAYERS)  # type: ignore[no-any-return]

    @cached_property
    def club(self) -> DataLoader[str, ClubInSeason | None]:
        return _by_id(self._plan_database, _CLUBS, ClubInSeason.from_row)  # type: ignore[no-any-return]

    @cached_property
    def goals_by_match(self) -> DataLoader[str, list[models.GoalRow]]:
        database = self._plan_database

        async def load(keys: list[str]) -> list[list[models.GoalRow]]:
            grouped: dict[str, list[models.GoalRow]] = defaultdict(list)
            rows = await _GOALS_BY_MATCH.rows(database, keys=keys)
            for row in rows:
                grouped[row.match_id].append(row)
            self._prime_players(rows)
            return [grouped.get(key, []) for key in keys]

        return _loader(database, load)

    @cached_property
    def scorer_entries_by_club(self) -> DataLoader[tuple[str, str], list[models.ScorerEntryRow]]:
        return _club_lists(
            self._plan_database,
            _SCORERS_BY_CLUB,
            lambda row: [(row.season_id, row.club_id)],
            then=self._prime_players,
        )

    def _prime_players(self, rows: list[Any]) -> None:
        """Put the players joined to `rows` in the player loader, as it would have read them."""
        player = _PLAYERS.compiled(self._plan_database.dialect).row
        columns = [_JOINED_PLAYER + name for name in player._fields]
        found = {}
        for row in rows:
            key = getattr(row, columns[0])
            if key is not None and key not in found:
                found[key] = player._make([getattr(row, column) for column in columns])
        self.player.prime_many(found)

    @cached_property
    def matches_by_club(self) -> DataLoader[tuple[str, str], list[models.MatchRow]]:
        # A match belongs to both its clubs' lists.
        return _club_lists(
            self._plan_database,
            _MATCHES_BY_CLUB,
            lambda row: [(row.season_id, row.home_id), (row.season_id, row.away_id)],
        )


def _both_clubs(match: Any) -> list[tuple[str, str]]:
    """A match is in both its clubs' lists."""
    return [(match.season_id, match.home_id), (match.season_id, match.away_id)]


def _club_lists(
    database: Database,
    statement: PlanStatement,
    owners: Callable[[Any], list[tuple[str, str]]],
    then: Callable[[list[Any]], None] = lambda _rows: None,
) -> DataLoader[tuple[str, str], list[Any]]:
    """Rows of clubs in seasons, keyed by (season id, club id); `owners(row)` are the keys a row is listed under,
    `then(rows)` runs on the rows of each batch."""

    async def load(keys: list[tuple[str, str]]) -> list[list[Any]]:
        seasons, clubs = sorted({s for s, _ in keys}), sorted({c for _, c in keys})
        grouped: dict[tuple[str, str], list[Any]] = defaultdict(list)
        rows = await statement.rows(database, seasons=seasons, clubs=clubs)
        for row in rows:
            for owner in owners(row):
                grouped[owner].append(row)
        then(rows)
        return [grouped.get(key, []) for key in keys]

    return _loader(database, load)
