"""A season's matches: listed, filtered, ordered and grouped in SQL, with totals over the filtered list."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, literal, or_, select

from db import models
from football.errors import BadUserInput
from football.vocabulary import RoundKind
from resolvers.batching import PLAYED_ORDER
from resolvers.club import club_id
from resolvers.context import Context
from resolvers.criteria import Ordering, directed, in_round_order
from resolvers.cursor_pages import ListQuery, checked_keys, group_by_keys
from resolvers.group import group_id
from resolvers.scores import GOALS_SCORED, scored

M = models.MatchRow


@dataclass(frozen=True)
class MatchCriteria:
    """Which matches: every criterion given must hold (clubs by ID or name)."""

    club: str | None = None
    opponent: str | None = None
    rounds: list[RoundKind] | None = None
    group: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    extra_time: bool | None = None


class MatchOrderField(enum.Enum):
    DATE = "DATE"
    ROUND = "ROUND"
    TOTAL_GOALS = "TOTAL_GOALS"


class MatchGroupKey(enum.Enum):
    ROUND = "ROUND"
    GROUP = "GROUP"
    RESULT = "RESULT"
    DATE = "DATE"
    EXTRA_TIME = "EXTRA_TIME"
    TOTAL_GOALS = "TOTAL_GOALS"


MATCH_ORDER = Ordering(MatchOrderField.DATE)
MATCH_COLUMNS = {
    "date": M.date,
    "round": M.round,
    "leg": M.leg,
    "home_score": M.home_score,
    "away_score": M.away_score,
    "goals": GOALS_SCORED,
    "extra_time": M.extra_time,
}
"""The fields a match `where` compares."""


async def match_query(
    context: Context,
    season: models.SeasonRow,
    criteria: MatchCriteria | None,
    order: Ordering[MatchOrderField] | None,
) -> ListQuery[models.MatchRow]:
    criteria, order = criteria or MatchCriteria(), order or MATCH_ORDER
    statement = select(M).where(M.season_id == season.id)
    club, opponent = await club_id(context, season, criteria.club), await club_id(context, season, criteria.opponent)
    if club and club == opponent:
        raise BadUserInput("`club` and `opponent` name the same club.")
    for team in (club, opponent):
        if team:
            statement = statement.where(or_(M.home_id == team, M.away_id == team))
    if criteria.rounds:
        statement = statement.where(M.round.in_(criteria.rounds))
    if criteria.group:
        statement = statement.where(M.group_id == await group_id(context, season, criteria.group))
    if criteria.date_from:
        statement = statement.where(M.date >= criteria.date_from)
    if criteria.date_to:
        statement = statement.where(M.date <= criteria.date_to)
    if criteria.extra_time is not None:
        statement = statement.where(M.extra_time.is_(criteria.extra_time))
    column = {
        MatchOrderField.DATE: M.date,
        MatchOrderField.ROUND: in_round_order(M.round),
        MatchOrderField.TOTAL_GOALS: GOALS_SCORED,
    }[order.field]
    return ListQuery(statement, (directed(column, order.direction), *PLAYED_ORDER))


def match_group_key(key: MatchGroupKey) -> Any:
    return {
        MatchGroupKey.ROUND: M.round,
        MatchGroupKey.GROUP: M.group_id,
        MatchGroupKey.RESULT: case(
            (M.awarded & (M.winner_id == M.home_id), literal("HOME_WIN")),
            (M.awarded & (M.winner_id == M.away_id), literal("AWAY_WIN")),
            (M.home_score > M.away_score, literal("HOME_WIN")),
            (M.home_score < M.away_score, literal("AWAY_WIN")),
            else_=literal("DRAW"),
        ),
        MatchGroupKey.DATE: M.date,
        MatchGroupKey.EXTRA_TIME: M.extra_time,
        MatchGroupKey.TOTAL_GOALS: GOALS_SCORED,
    }[key]


async def match_buckets(
    context: Context, query: ListQuery[models.MatchRow], key: MatchGroupKey
) -> list[tuple[Any, int, int]]:
    """(value, matches, goals) for each value of `key` among the filtered matches, in key order."""
    rows = await query.group_by(context, match_group_key(key), GOALS_SCORED)
    return [(value, count, int(goals or 0)) for value, count, goals in rows]


async def match_groups(
    context: Context, query: ListQuery[models.MatchRow], by: Sequence[MatchGroupKey]
) -> list[tuple[Any, ...]]:
    """(*key values, matches, home goals, away goals) for each combination of the keys `by`, in key order."""
    columns = [match_group_key(key) for key in checked_keys(by)]
    return await group_by_keys(query, context, columns, M.home_score, M.away_score)


@dataclass(frozen=True)
class MatchTotals:
    """Sums over the filtered matches; an awarded result counts no goals."""

    count: int
    home_goals: int
    away_goals: int
    extra_time_matches: int


async def match_totals(context: Context, query: ListQuery[models.MatchRow]) -> MatchTotals:
    subquery = query.statement.order_by(None).subquery()
    statement = select(
        func.count(),
        func.coalesce(func.sum(scored(subquery.c.home_score, subquery.c.awarded)), 0),
        func.coalesce(func.sum(scored(subquery.c.away_score, subquery.c.awarded)), 0),
        func.coalesce(func.sum(case((subquery.c.extra_time.is_(True), 1), else_=0)), 0),
    ).select_from(subquery)
    count, home, away, extra = (await context.database.execute(statement))[0]
    return MatchTotals(count=count, home_goals=int(home), away_goals=int(away), extra_time_matches=int(extra))
