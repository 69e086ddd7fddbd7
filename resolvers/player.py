"""A season's players: found by ID, full or short name; listed, filtered, ordered and grouped; the top scorers."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from db import models
from football.errors import BadUserInput, NotFound
from football.vocabulary import fold
from resolvers.club import club_id
from resolvers.context import Context
from resolvers.criteria import Ordering, contains, directed, nationality
from resolvers.cursor_pages import ListQuery
from resolvers.grouping import Groupable
from resolvers.lookup import by_global_id, shown, suggest
from resolvers.where import Text

P, S = models.PlayerRow, models.ScorerEntryRow

TOP_SCORERS = 10
"""How many top scorers a list shows when not told."""


async def find_player(context: Context, season: models.SeasonRow, name_or_id: str) -> models.PlayerRow:
    """A player named by global ID, full name or the short name match lines use (`Romero`)."""
    by_id = await by_global_id(name_or_id, "Player", context.loaders.player)
    if by_id is not None:
        return by_id
    players = list(await context.database.execute(select(P.__table__).where(P.season_id == season.id)))
    wanted = fold(name_or_id)
    surname = " " + wanted
    exact = [p for p in players if fold(p.name) == wanted]
    candidates: list[models.PlayerRow] = exact or [p for p in players if fold(p.name).endswith(surname)]
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        names = ", ".join(sorted(f"{p.name} ({p.club_id})" for p in candidates))
        raise BadUserInput(f"{shown(name_or_id)} could be any of: {names}; use the full name or an ID.")
    raise NotFound(
        f"No player named {shown(name_or_id)} in {season.name}." + suggest(name_or_id, [p.name for p in players])
    )


async def player_id(context: Context, season: models.SeasonRow, name_or_id: str | None) -> str | None:
    """The player key a filter names; BAD_USER_INPUT when unknown."""
    if name_or_id is None:
        return None
    try:
        return (await find_player(context, season, name_or_id)).id
    except NotFound as error:
        raise BadUserInput(error.message) from None


async def top_scorers(context: Context, season: models.SeasonRow, first: int) -> list[models.ScorerEntryRow]:
    """The scorer table's first `first` lines and every line level with the last of them, as football tables
    list a shared place whole: most goals first, level players by name."""
    rows = await context.loaders.scorer_entries_by_season.load(season.id)
    players = await context.loaders.player.load_many([r.player_id for r in rows])
    ranked = [row for row, _ in sorted(zip(rows, players, strict=True), key=_table_order)]
    if first <= 0:
        return []
    last_place = ranked[first - 1].goals if len(ranked) >= first else 0
    return ranked[:first] + [row for row in ranked[first:] if row.goals == last_place]


def _table_order(pair: tuple[models.ScorerEntryRow, models.PlayerRow | None]) -> tuple[int, str]:
    row, player = pair
    return -row.goals, player.name if player else ""


@dataclass(frozen=True)
class PlayerCriteria:
    """Which players: every criterion given must hold."""

    club: str | None = None
    nationality: str | None = None
    name_contains: str | None = None
    in_scorer_table: bool | None = None


class PlayerOrderField(enum.Enum):
    NAME = "NAME"
    GOALS = "GOALS"


class PlayerGroupKey(enum.Enum):
    CLUB = "CLUB"
    NATIONALITY = "NATIONALITY"


PLAYER_ORDER = Ordering(PlayerOrderField.NAME)
PLAYER_COLUMNS = {
    "name": Text(P.name, P.sort_name),
    "nationality": Text(P.nationality, P.nationality),
    "goal_count": S.goals,
}
"""The fields a player `where` compares."""


async def player_query(
    context: Context,
    season: models.SeasonRow,
    criteria: PlayerCriteria | None,
    order: Ordering[PlayerOrderField] | None,
) -> ListQuery[models.PlayerRow]:
    criteria, order = criteria or PlayerCriteria(), order or PLAYER_ORDER
    statement = select(P).outerjoin(S, S.player_id == P.id).where(P.season_id == season.id)
    club = await club_id(context, season, criteria.club)
    if club:
        statement = statement.where(P.club_id == club)
    if criteria.nationality:
        statement = statement.where(P.nationality == nationality(criteria.nationality))
    if criteria.name_contains:
        statement = statement.where(contains(P.sort_name, criteria.name_contains))
    if criteria.in_scorer_table is not None:
        statement = statement.where(S.id.is_not(None) if criteria.in_scorer_table else S.id.is_(None))
    column = {PlayerOrderField.NAME: P.sort_name, PlayerOrderField.GOALS: func.coalesce(S.goals, 0)}[order.field]
    return ListQuery(statement, (directed(column, order.direction), P.sort_name, P.id))


def player_group_key(key: PlayerGroupKey) -> Any:
    return {PlayerGroupKey.CLUB: P.club_id, PlayerGroupKey.NATIONALITY: P.nationality}[key]


class PlayerMeasure(enum.Enum):
    GOALS = "GOALS"


PLAYER_GROUPABLE = Groupable(key=player_group_key, measures={PlayerMeasure.GOALS: S.goals})
"""Players group by their keys; each group sums, averages and bounds the scorer table's goals."""
