"""A season's cards: listed, filtered, ordered and grouped in SQL."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db import models
from football.vocabulary import CardKind, RoundKind
from resolvers.club import club_id
from resolvers.context import Context
from resolvers.criteria import Ordering, directed, in_round_order
from resolvers.cursor_pages import ListQuery
from resolvers.grouping import Groupable
from resolvers.player import player_id

M, C = models.MatchRow, models.CardRow


@dataclass(frozen=True)
class CardCriteria:
    """Which cards: every criterion given must hold (clubs and players by ID or name)."""

    club: str | None = None
    rounds: list[RoundKind] | None = None
    kinds: list[CardKind] | None = None
    player: str | None = None
    player_known: bool | None = None


class CardOrderField(enum.Enum):
    DATE = "DATE"
    ROUND = "ROUND"
    KIND = "KIND"


class CardGroupKey(enum.Enum):
    ROUND = "ROUND"
    CLUB = "CLUB"
    KIND = "KIND"


CARD_ORDER = Ordering(CardOrderField.DATE)
CARD_COLUMNS = {"minute": C.minute, "kind": C.kind, "date": M.date, "round": M.round}
"""The fields a card `where` compares."""


async def card_query(
    context: Context,
    season: models.SeasonRow,
    criteria: CardCriteria | None,
    order: Ordering[CardOrderField] | None,
) -> ListQuery[models.CardRow]:
    criteria, order = criteria or CardCriteria(), order or CARD_ORDER
    statement = select(C).join(M, M.id == C.match_id).where(C.season_id == season.id)
    club = await club_id(context, season, criteria.club)
    if club:
        statement = statement.where(C.club_id == club)
    if criteria.rounds:
        statement = statement.where(M.round.in_(criteria.rounds))
    if criteria.kinds:
        statement = statement.where(C.kind.in_(criteria.kinds))
    player = await player_id(context, season, criteria.player)
    if player:
        statement = statement.where(C.player_id == player)
    if criteria.player_known is not None:
        statement = statement.where(C.player_id.is_not(None) if criteria.player_known else C.player_id.is_(None))
    column = {
        CardOrderField.DATE: M.date,
        CardOrderField.ROUND: in_round_order(M.round),
        CardOrderField.KIND: C.kind,
    }[order.field]
    return ListQuery(statement, (directed(column, order.direction), M.date, C.match_id, C.ordinal, C.id))


def card_group_key(key: CardGroupKey) -> Any:
    return {CardGroupKey.ROUND: M.round, CardGroupKey.CLUB: C.club_id, CardGroupKey.KIND: C.kind}[key]


class CardMeasure(enum.Enum):
    MINUTE = "MINUTE"


CARD_GROUPABLE = Groupable(key=card_group_key, measures={CardMeasure.MINUTE: C.minute})
"""Cards group by their keys; each group bounds and averages its minutes."""
