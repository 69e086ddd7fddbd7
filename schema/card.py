"""A card: its type, filter, ordering, `where`, connection with group-bys, and the `cards` field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import AwaitableOrValue

from resolvers.card import (
    CARD_COLUMNS,
    CARD_GROUPABLE,
    CARD_ORDER,
    CardCriteria,
    CardGroupKey,
    CardMeasure,
    CardOrderField,
    card_query,
)
from resolvers.rows import CardRow
from schema import club, match, player
from schema.comparisons import AND, NOT, OR, CardKindComparison, DateComparison, IntComparison, RoundComparison
from schema.enums import CardKind, Direction, RoundKind
from schema.grouping import Grouping, club_labels, group_fields
from schema.refs import ClubRef, MatchRef, PlayerRef
from schema.relay import Connection, Info, Node, season_list

if TYPE_CHECKING:
    from schema.club import Club
    from schema.match import Match
    from schema.player import Player

strawberry.enum(CardOrderField, name="CardOrderField", description="Fields cards can be ordered by.")
strawberry.enum(CardGroupKey, name="CardGroupKey", description="What to group cards by.")


@strawberry.type(description="A card (booking). Articles often lose a card's colour and minute.")
class Card(Node):
    row: Private[CardRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The match.", graphql_type=MatchRef)
    def match(self, info: Info) -> AwaitableOrValue[Match]:
        return match.match_of(info, self.row.match_id)

    @strawberry.field(description="The club of the booked player.", graphql_type=ClubRef)
    def club(self, info: Info) -> AwaitableOrValue[Club]:
        return club.club_required(info, self.row.season_id, self.row.club_id)

    @strawberry.field(
        description="The booked player; null where the article lost the name.", graphql_type=PlayerRef | None
    )
    def player(self, info: Info) -> AwaitableOrValue[Player | None]:
        return player.player_of(info, self.row.player_id)

    @strawberry.field(description="The minute; null where the article does not give it.")
    def minute(self) -> int | None:
        return self.row.minute

    @strawberry.field(description="Added time after `minute` (90+3 is minute 90, stoppageTime 3).")
    def stoppage_time(self) -> int | None:
        return self.row.stoppage

    @strawberry.field(description="The card's colour; UNKNOWN where the article lost it.")
    def kind(self) -> CardKind:
        return self.row.kind

    @strawberry.field(description="The article line the card comes from.")
    def article_line(self) -> int:
        return self.row.line


@strawberry.input(description="Which cards to return.")
class CardFilter:
    club: str | None = strawberry.field(default=None, description="A club's ID or name (any case, accents optional).")
    rounds: list[RoundKind] | None = strawberry.field(default=None, description="Any of these rounds.")
    kinds: list[CardKind] | None = strawberry.field(default=None, description="Any of these kinds.")
    player: str | None = strawberry.field(default=None, description="A player's ID or name.")
    player_known: bool | None = strawberry.field(default=None, description="Whether the article names the player.")


@strawberry.input(description="Order of cards; ties are broken by match and ID so pages are stable.")
class CardOrder:
    field: CardOrderField = strawberry.field(default=CARD_ORDER.field, description="What to order by.")
    direction: Direction = strawberry.field(default=CARD_ORDER.direction, description="ASC or DESC.")


@strawberry.input(description="Which cards: conditions on their fields, combined with and/or/not.")
class CardWhere:
    minute: IntComparison | None = strawberry.field(default=None, description="The minute.")
    kind: CardKindComparison | None = strawberry.field(default=None, description="The kind.")
    date: DateComparison | None = strawberry.field(default=None, description="The match's day.")
    round: RoundComparison | None = strawberry.field(default=None, description="The match's round.")
    and_: list[CardWhere] | None = strawberry.field(default=None, name="and", description=AND)
    or_: list[CardWhere] | None = strawberry.field(default=None, name="or", description=OR)
    not_: CardWhere | None = strawberry.field(default=None, name="not", description=NOT)


CARD_GROUPING = Grouping(
    name="Card",
    rows="Cards",
    groupable=CARD_GROUPABLE,
    measures={CardMeasure.MINUTE: "The minute (cards whose minute is unknown are left out)."},
    labels={CardGroupKey.CLUB: club_labels},
)
_GROUP_BY, _GROUPS = group_fields(CARD_GROUPING, CardGroupKey, "CLUB or KIND")


@strawberry.type(description="Cards, paged, with group-bys over the filter.")
class CardConnection(Connection[Card]):
    group_by = _GROUP_BY
    groups = _GROUPS


async def _cards(_info: Info, rows: list[Any]) -> list[Card]:
    return [Card(row=row) for row in rows]


cards_field = season_list(
    description="The cards of a season: filter, page and group.",
    connection_type=CardConnection,
    filter_type=CardFilter,
    where_type=CardWhere,
    order_type=CardOrder,
    criteria=CardCriteria,
    query=card_query,
    columns=CARD_COLUMNS,
    nodes=_cards,
)
