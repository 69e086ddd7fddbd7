"""The top-level lists (clubs, matches, players, goals, cards): filters, orderings and group-by keys in SQL."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, case, func, literal, or_, select
from sqlalchemy.orm import InstrumentedAttribute

from db import models
from football.errors import BadUserInput
from football.vocabulary import RoundKind, fold
from resolvers.context import Context
from resolvers.lookup import club_id, group_id, player_id, shown
from resolvers.pages import ListQuery
from resolvers.scores import GOALS_SCORED
from schema.enums import (
    CardGroupKey,
    CardOrderField,
    ClubGroupKey,
    ClubOrderField,
    Direction,
    GoalGroupKey,
    GoalOrderField,
    MatchGroupKey,
    MatchOrderField,
    PlayerGroupKey,
    PlayerOrderField,
)
from schema.inputs import (
    CardFilter,
    CardOrder,
    ClubFilter,
    ClubOrder,
    GoalFilter,
    GoalOrder,
    MatchFilter,
    MatchOrder,
    PlayerFilter,
    PlayerOrder,
)

M, G, C, P = models.MatchRow, models.GoalRow, models.CardRow, models.PlayerRow
_ROUND_ORDER = case(
    *((M.round == kind, kind.order) for kind in RoundKind),
    else_=99,
)


def _directed(column: Any, direction: Direction) -> Any:
    return column.desc() if direction is Direction.DESC else column.asc()


def _text(value: str) -> str:
    """A filter's text, refused when no database could compare it (a NUL character)."""
    if "\x00" in value:
        raise BadUserInput("Filter text must not contain NUL characters.")
    return value


def _nationality(code: str) -> str:
    code = _text(code).strip().upper()
    if not (len(code) == 3 and code.isalpha()):
        raise BadUserInput(f'Nationality {shown(code)} is not a three-letter FIFA code such as "KAZ".')
    return code


def _contains(column: InstrumentedAttribute[str], text: str) -> ColumnElement[bool]:
    """`column` (a folded sort_name) contains `text`, ignoring case and accents on every database."""
    return column.contains(fold(text), autoescape=True)


async def match_query(
    context: Context, season: models.SeasonRow, where: MatchFilter | None, order: MatchOrder | None
) -> ListQuery[models.MatchRow]:
    where, order = where or MatchFilter(), order or MatchOrder()
    statement = select(M).where(M.season_id == season.id)
    club, opponent = await club_id(context, season, where.club), await club_id(context, season, where.opponent)
    if club and club == opponent:
        raise BadUserInput("`club` and `opponent` name the same club.")
    for team in (club, opponent):
        if team:
            statement = statement.where(or_(M.home_id == team, M.away_id == team))
    if where.rounds:
        statement = statement.where(M.round.in_(where.rounds))
    if where.group:
        statement = statement.where(M.group_id == await group_id(context, season, where.group))
    if where.date_from:
        statement = statement.where(M.date >= where.date_from)
    if where.date_to:
        statement = statement.where(M.date <= where.date_to)
    if where.extra_time is not None:
        statement = statement.where(M.extra_time.is_(where.extra_time))
    column = {
        MatchOrderField.DATE: M.date,
        MatchOrderField.ROUND: _ROUND_ORDER,
        MatchOrderField.TOTAL_GOALS: GOALS_SCORED,
    }[order.field]
    return ListQuery(statement, (_directed(column, order.direction), M.date, M.id))


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


async def goal_query(
    context: Context, season: models.SeasonRow, where: GoalFilter | None, order: GoalOrder | None
) -> ListQuery[models.GoalRow]:
    where, order = where or GoalFilter(), order or GoalOrder()
    statement = select(G).join(M, M.id == G.match_id).outerjoin(P, P.id == G.scorer_id).where(G.season_id == season.id)
    club, opponent = await club_id(context, season, where.club), await club_id(context, season, where.opponent)
    if club and club == opponent:
        raise BadUserInput("`club` and `opponent` name the same club.")
    if club:
        statement = statement.where(G.club_id == club)
    if opponent:
        statement = statement.where(G.club_id != opponent, or_(M.home_id == opponent, M.away_id == opponent))
    if where.rounds:
        statement = statement.where(M.round.in_(where.rounds))
    if where.group:
        statement = statement.where(M.group_id == await group_id(context, season, where.group))
    if where.minute_from is not None:
        statement = statement.where(G.minute >= where.minute_from)
    if where.minute_to is not None:
        statement = statement.where(G.minute <= where.minute_to)
    if where.minute_known is not None:
        statement = statement.where(G.minute.is_not(None) if where.minute_known else G.minute.is_(None))
    if where.penalty is not None:
        statement = statement.where(G.penalty.is_(where.penalty))
    if where.own_goal is not None:
        statement = statement.where(G.own_goal.is_(where.own_goal))
    if where.attribution:
        statement = statement.where(G.attribution.in_(where.attribution))
    scorer = await player_id(context, season, where.scorer)
    if scorer:
        statement = statement.where(G.scorer_id == scorer)
    if where.nationality:
        statement = statement.where(P.nationality == _nationality(where.nationality))
    if where.scorer_name_contains:
        statement = statement.where(_contains(P.sort_name, _text(where.scorer_name_contains)))
    columns: tuple[Any, ...]
    # Goals whose minute is unknown come last whichever the direction; within a match they follow its order.
    by_minute = (G.minute.is_(None), _directed(G.minute, order.direction))
    if order.field is GoalOrderField.MINUTE:
        columns = (*by_minute, _directed(M.date, order.direction))
    else:
        by_match = (_directed(M.date, order.direction), _directed(M.id, order.direction))
        columns = (*by_match, *by_minute, _directed(G.ordinal, order.direction))
    return ListQuery(statement, (*columns, G.id))


def flag_sum(condition: ColumnElement[bool]) -> Any:
    """1 for each row `condition` holds for, to be summed."""
    return case((condition, 1), else_=0)


BUCKET_MINUTES = 15
# The last minute of extra time: MINUTE_BUCKET lists every range up to it, empty ones too.
LAST_MINUTE = 120


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


async def card_query(
    context: Context, season: models.SeasonRow, where: CardFilter | None, order: CardOrder | None
) -> ListQuery[models.CardRow]:
    where, order = where or CardFilter(), order or CardOrder()
    statement = select(C).join(M, M.id == C.match_id).where(C.season_id == season.id)
    club = await club_id(context, season, where.club)
    if club:
        statement = statement.where(C.club_id == club)
    if where.rounds:
        statement = statement.where(M.round.in_(where.rounds))
    if where.kinds:
        statement = statement.where(C.kind.in_(where.kinds))
    player = await player_id(context, season, where.player)
    if player:
        statement = statement.where(C.player_id == player)
    if where.player_known is not None:
        statement = statement.where(C.player_id.is_not(None) if where.player_known else C.player_id.is_(None))
    column = {
        CardOrderField.DATE: M.date,
        CardOrderField.ROUND: _ROUND_ORDER,
        CardOrderField.KIND: C.kind,
    }[order.field]
    return ListQuery(statement, (_directed(column, order.direction), M.date, C.match_id, C.ordinal, C.id))


def card_group_key(key: CardGroupKey) -> Any:
    return {CardGroupKey.ROUND: M.round, CardGroupKey.CLUB: C.club_id, CardGroupKey.KIND: C.kind}[key]


async def player_query(
    context: Context, season: models.SeasonRow, where: PlayerFilter | None, order: PlayerOrder | None
) -> ListQuery[models.PlayerRow]:
    where, order = where or PlayerFilter(), order or PlayerOrder()
    scored = models.ScorerEntryRow
    statement = select(P).outerjoin(scored, scored.player_id == P.id).where(P.season_id == season.id)
    club = await club_id(context, season, where.club)
    if club:
        statement = statement.where(P.club_id == club)
    if where.nationality:
        statement = statement.where(P.nationality == _nationality(where.nationality))
    if where.name_contains:
        statement = statement.where(_contains(P.sort_name, _text(where.name_contains)))
    if where.in_scorer_table is not None:
        statement = statement.where(scored.id.is_not(None) if where.in_scorer_table else scored.id.is_(None))
    column = {
        PlayerOrderField.NAME: P.sort_name,
        PlayerOrderField.GOALS: func.coalesce(scored.goals, 0),
    }[order.field]
    return ListQuery(statement, (_directed(column, order.direction), P.sort_name, P.id))


def player_group_key(key: PlayerGroupKey) -> Any:
    return {PlayerGroupKey.CLUB: P.club_id, PlayerGroupKey.NATIONALITY: P.nationality}[key]


async def club_query(
    context: Context, season: models.SeasonRow, where: ClubFilter | None, order: ClubOrder | None
) -> ListQuery[models.ClubEntryRow]:
    where, order = where or ClubFilter(), order or ClubOrder()
    entry, club = models.ClubEntryRow, models.ClubRow
    statement = select(entry).join(club, club.id == entry.club_id).where(entry.season_id == season.id)
    if where.name_contains:
        statement = statement.where(_contains(entry.sort_name, _text(where.name_contains)))
    if where.league:
        statement = statement.where(entry.league == where.league)
    if where.group:
        statement = statement.where(entry.group_id == await group_id(context, season, where.group))
    if where.entry_round:
        statement = statement.where(entry.entry_round == where.entry_round)
    entry_order = case(*((entry.entry_round == kind, kind.order) for kind in RoundKind), else_=99)
    column = {ClubOrderField.NAME: entry.sort_name, ClubOrderField.ENTRY_ROUND: entry_order}[order.field]
    return ListQuery(statement, (_directed(column, order.direction), entry.sort_name, entry.id))


def club_group_key(key: ClubGroupKey) -> Any:
    entry = models.ClubEntryRow
    return {
        ClubGroupKey.LEAGUE: entry.league,
        ClubGroupKey.GROUP: entry.group_id,
        ClubGroupKey.ENTRY_ROUND: entry.entry_round,
    }[key]


def season_query() -> ListQuery[models.SeasonRow]:
    """Every loaded season, latest first."""
    return ListQuery(select(models.SeasonRow), (models.SeasonRow.year.desc(), models.SeasonRow.id))
