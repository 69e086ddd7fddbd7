"""A season's clubs: found by ID or name through the indexed folded name, listed, filtered, ordered and grouped."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db import models
from football.errors import BadUserInput, NotFound
from football.vocabulary import League, RoundKind, fold, slug
from resolvers.context import Context
from resolvers.criteria import Ordering, contains, directed, in_round_order
from resolvers.cursor_pages import ListQuery
from resolvers.group import group_id
from resolvers.grouping import Groupable
from resolvers.loaders import ClubInSeason
from resolvers.lookup import by_global_id, shown, suggest
from resolvers.plan_statements import CLUB_BY_NAME
from resolvers.where import Text

E = models.ClubEntryRow


async def find_club(context: Context, season: models.SeasonRow, name_or_id: str) -> ClubInSeason:
    """A club of the season named by global ID or by name; NotFound suggests the closest names."""
    by_id = await by_global_id(name_or_id, "Club", context.loaders.club)
    if by_id is not None:
        return by_id
    rows = await CLUB_BY_NAME.rows(context.database, season=season.id, folded=fold(name_or_id), key=slug(name_or_id))
    if rows:
        club = ClubInSeason.from_row(rows[0])
        context.loaders.club.prime(club.entry.id, club)
        return club
    names = await context.database.scalars(select(E.name).where(E.season_id == season.id).order_by(E.sort_name))
    raise NotFound(f"No club named {shown(name_or_id)} in {season.name}." + suggest(name_or_id, names))


async def club_id(context: Context, season: models.SeasonRow, name_or_id: str | None) -> str | None:
    """The club key a filter names, checked against the season; BAD_USER_INPUT when unknown."""
    if name_or_id is None:
        return None
    try:
        return (await find_club(context, season, name_or_id)).club.id
    except NotFound as error:
        raise BadUserInput(error.message) from None


@dataclass(frozen=True)
class ClubCriteria:
    """Which clubs: every criterion given must hold."""

    name_contains: str | None = None
    league: League | None = None
    group: str | None = None
    entry_round: RoundKind | None = None


class ClubOrderField(enum.Enum):
    NAME = "NAME"
    ENTRY_ROUND = "ENTRY_ROUND"


class ClubGroupKey(enum.Enum):
    LEAGUE = "LEAGUE"
    GROUP = "GROUP"
    ENTRY_ROUND = "ENTRY_ROUND"


CLUB_ORDER = Ordering(ClubOrderField.NAME)
CLUB_COLUMNS = {"name": Text(E.name, E.sort_name), "league": E.league, "entry_round": E.entry_round}
"""The fields a club `where` compares."""


async def club_query(
    context: Context,
    season: models.SeasonRow,
    criteria: ClubCriteria | None,
    order: Ordering[ClubOrderField] | None,
) -> ListQuery[models.ClubEntryRow]:
    criteria, order = criteria or ClubCriteria(), order or CLUB_ORDER
    statement = select(E).join(models.ClubRow, models.ClubRow.id == E.club_id).where(E.season_id == season.id)
    if criteria.name_contains:
        statement = statement.where(contains(E.sort_name, criteria.name_contains))
    if criteria.league:
        statement = statement.where(E.league == criteria.league)
    if criteria.group:
        statement = statement.where(E.group_id == await group_id(context, season, criteria.group))
    if criteria.entry_round:
        statement = statement.where(E.entry_round == criteria.entry_round)
    column = {ClubOrderField.NAME: E.sort_name, ClubOrderField.ENTRY_ROUND: in_round_order(E.entry_round)}[order.field]
    return ListQuery(statement, (directed(column, order.direction), E.sort_name, E.id))


def club_group_key(key: ClubGroupKey) -> Any:
    return {ClubGroupKey.LEAGUE: E.league, ClubGroupKey.GROUP: E.group_id, ClubGroupKey.ENTRY_ROUND: E.entry_round}[key]


CLUB_GROUPABLE: Groupable[ClubGroupKey, Any] = Groupable(key=club_group_key)
"""Clubs group by their keys and are counted: a club entry has no figures of its own to add up."""
