"""A season's matches: listed, filtered, ordered and grouped in SQL, with totals over the filtered list."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import case, func, literal, or_, select

from db import models
from football.errors import BadUserInput
from football.vocabulary import RoundKind
from resolvers.club import club_id
from resolvers.context import Context
from resolvers.criteria import Ordering, directed, in_round_order
from resolvers.cursor_pages import ListQuery
from resolvers.group import group_id
from resolvers.grouping import Groupable
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
    return ListQuery(statement, (directed(column, order.direction), M.date, M.id))


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


class MatchMeasure(enum.Enum):
    GOALS = "GOALS"
    HOME_GOALS = "HOME_GOALS"
    AWAY_GOALS = "AWAY_GOALS"
    ATTENDANCE = "ATTENDANCE"


def _on_the_pitch(score: Any) -> Any:
    """A score as a measure: null for an awarded result, which was not played and has no goals to average."""
    return case((M.awarded.is_(True), None), else_=score)


_HOME, _AWAY = scored(M.home_score, M.awarded), scored(M.away_score, M.awarded)
MATCH_GROUPABLE = Groupable(
    key=match_group_key,
    totals={"goals": GOALS_SCORED, "home_goals": _HOME, "away_goals": _AWAY},
    measures={
        MatchMeasure.GOALS: _on_the_pitch(M.home_score + M.away_score),
        MatchMeasure.HOME_GOALS: _on_the_pitch(M.home_score),
        MatchMeasure.AWAY_GOALS: _on_the_pitch(M.away_score),
        MatchMeasure.ATTENDANCE: M.attendance,
    },
)
"""Matches group by their keys; each group sums its goals, and sums, averages and bounds goals and attendance."""


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
