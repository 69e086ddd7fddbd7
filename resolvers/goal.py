"""A season's goals: listed, filtered, ordered and grouped in SQL, with totals over the filtered list."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select

from db import models
from football.errors import BadUserInput
from football.vocabulary import Attribution, RoundKind
from resolvers.club import club_id
from resolvers.context import Context
from resolvers.criteria import Ordering, contains, directed, flag_sum, nationality
from resolvers.cursor_pages import ListQuery
from resolvers.group import group_id
from resolvers.grouping import Groupable
from resolvers.player import player_id
from resolvers.where import Text

M, G, P = models.MatchRow, models.GoalRow, models.PlayerRow

BUCKET_MINUTES = 15
# The last minute of extra time: MINUTE_BUCKET lists every range up to it, empty ones too.
LAST_MINUTE = 120


@dataclass(frozen=True)
class GoalCriteria:
    """Which goals: every criterion given must hold (clubs and players by ID or name)."""

    club: str | None = None
    opponent: str | None = None
    rounds: list[RoundKind] | None = None
    group: str | None = None
    minute_from: int | None = None
    minute_to: int | None = None
    minute_known: bool | None = None
    penalty: bool | None = None
    own_goal: bool | None = None
    attribution: list[Attribution] | None = None
    scorer: str | None = None
    nationality: str | None = None
    scorer_name_contains: str | None = None


class GoalOrderField(enum.Enum):
    DATE = "DATE"
    MINUTE = "MINUTE"


class GoalGroupKey(enum.Enum):
    ROUND = "ROUND"
    CLUB = "CLUB"
    SCORER = "SCORER"
    MINUTE_BUCKET = "MINUTE_BUCKET"
    ATTRIBUTION = "ATTRIBUTION"
    PENALTY = "PENALTY"
    NATIONALITY = "NATIONALITY"


GOAL_ORDER = Ordering(GoalOrderField.DATE)
GOAL_COLUMNS = {
    "minute": G.minute,
    "stoppage_time": G.stoppage,
    "penalty": G.penalty,
    "own_goal": G.own_goal,
    "attribution": G.attribution,
    "date": M.date,
    "round": M.round,
    "scorer_name": Text(P.name, P.sort_name),
    "nationality": Text(P.nationality, P.nationality),
}
"""The fields a goal `where` compares."""


async def goal_query(
    context: Context,
    season: models.SeasonRow,
    criteria: GoalCriteria | None,
    order: Ordering[GoalOrderField] | None,
) -> ListQuery[models.GoalRow]:
    criteria, order = criteria or GoalCriteria(), order or GOAL_ORDER
    statement = select(G).join(M, M.id == G.match_id).outerjoin(P, P.id == G.scorer_id).where(G.season_id == season.id)
    club, opponent = await club_id(context, season, criteria.club), await club_id(context, season, criteria.opponent)
    if club and club == opponent:
        raise BadUserInput("`club` and `opponent` name the same club.")
    if club:
        statement = statement.where(G.club_id == club)
    if opponent:
        statement = statement.where(G.club_id != opponent, or_(M.home_id == opponent, M.away_id == opponent))
    if criteria.rounds:
        statement = statement.where(M.round.in_(criteria.rounds))
    if criteria.group:
        statement = statement.where(M.group_id == await group_id(context, season, criteria.group))
    if criteria.minute_from is not None:
        statement = statement.where(G.minute >= criteria.minute_from)
    if criteria.minute_to is not None:
        statement = statement.where(G.minute <= criteria.minute_to)
    if criteria.minute_known is not None:
        statement = statement.where(G.minute.is_not(None) if criteria.minute_known else G.minute.is_(None))
    if criteria.penalty is not None:
        statement = statement.where(G.penalty.is_(criteria.penalty))
    if criteria.own_goal is not None:
        statement = statement.where(G.own_goal.is_(criteria.own_goal))
    if criteria.attribution:
        statement = statement.where(G.attribution.in_(criteria.attribution))
    scorer = await player_id(context, season, criteria.scorer)
    if scorer:
        statement = statement.where(G.scorer_id == scorer)
    if criteria.nationality:
        statement = statement.where(P.nationality == nationality(criteria.nationality))
    if criteria.scorer_name_contains:
        statement = statement.where(contains(P.sort_name, criteria.scorer_name_contains))
    columns: tuple[Any, ...]
    # Goals whose minute is unknown come last whichever the direction; within a match they follow its order.
    by_minute = (G.minute.is_(None), directed(G.minute, order.direction))
    if order.field is GoalOrderField.MINUTE:
        columns = (*by_minute, directed(M.date, order.direction))
    else:
        by_match = (directed(M.date, order.direction), directed(M.id, order.direction))
        columns = (*by_match, *by_minute, directed(G.ordinal, order.direction))
    return ListQuery(statement, (*columns, G.id))


def goal_group_key(key: GoalGroupKey) -> Any:
    return {
        GoalGroupKey.ROUND: M.round,
        GoalGroupKey.CLUB: G.club_id,
        GoalGroupKey.SCORER: G.scorer_id,
        # Integer division: minute 1-15 -> 0, 16-30 -> 1, ...; the label is made from the index.
        GoalGroupKey.MINUTE_BUCKET: (G.minute - 1) // BUCKET_MINUTES,
        GoalGroupKey.ATTRIBUTION: G.attribution,
        GoalGroupKey.PENALTY: G.penalty,
        GoalGroupKey.NATIONALITY: P.nationality,
    }[key]


def minute_range(index: int) -> tuple[int, int]:
    """The first and last minute of MINUTE_BUCKET number `index` (0 is 1-15)."""
    return index * BUCKET_MINUTES + 1, (index + 1) * BUCKET_MINUTES


class GoalMeasure(enum.Enum):
    MINUTE = "MINUTE"


GOAL_GROUPABLE = Groupable(
    key=goal_group_key,
    every={GoalGroupKey.MINUTE_BUCKET: tuple(range(LAST_MINUTE // BUCKET_MINUTES))},
    totals={"penalties": flag_sum(G.penalty.is_(True)), "own_goals": flag_sum(G.own_goal.is_(True))},
    measures={GoalMeasure.MINUTE: G.minute},
)
"""Goals group by their keys; each group counts its penalties and own goals, and bounds and averages minutes."""


@dataclass(frozen=True)
class GoalTotals:
    """Counts over the filtered goals."""

    count: int
    penalties: int
    own_goals: int
    with_known_minute: int
    with_known_scorer: int


async def goal_totals(context: Context, query: ListQuery[models.GoalRow]) -> GoalTotals:
    sub = query.statement.order_by(None).subquery()

    def flag(condition: Any) -> Any:
        return func.coalesce(func.sum(flag_sum(condition)), 0)

    statement = select(
        func.count(),
        flag(sub.c.penalty.is_(True)),
        flag(sub.c.own_goal.is_(True)),
        flag(sub.c.minute.is_not(None)),
        flag(sub.c.scorer_id.is_not(None)),
    ).select_from(sub)
    count, penalties, own_goals, minutes, scorers = (await context.database.execute(statement))[0]
    return GoalTotals(
        count=count,
        penalties=int(penalties),
        own_goals=int(own_goals),
        with_known_minute=int(minutes),
        with_known_scorer=int(scorers),
    )
