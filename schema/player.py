"""A player and a scorer-table line: types, filter, ordering, `where`, connection, and the player fields of the root."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import AwaitableOrValue

from resolvers import nested
from resolvers.batching import loaded, then
from resolvers.lookup import season_for
from resolvers.player import (
    PLAYER_COLUMNS,
    PLAYER_GROUPABLE,
    PLAYER_ORDER,
    TOP_SCORERS,
    PlayerCriteria,
    PlayerGroupKey,
    PlayerMeasure,
    PlayerOrderField,
    find_player,
    player_query,
    top_scorers,
)
from resolvers.rows import PlayerRow, ScorerEntryRow, SeasonRow
from schema import card, club, goal
from schema.comparisons import AND, NOT, OR, IntComparison, StringComparison
from schema.enums import Direction
from schema.grouping import Grouping, club_labels, group_fields
from schema.links import (
    TOP_SCORERS_DESCRIPTION,
    InnerCardFilter,
    InnerCardOrder,
    InnerGoalFilter,
    InnerGoalOrder,
    Name,
    OptionalId,
    TopScorersFirst,
    inner_rows,
    name_or_id,
    required,
)
from schema.refs import CardRef, ClubRef, GoalRef
from schema.relay import Connection, Info, Node, SeasonYear, season_list

if TYPE_CHECKING:
    from schema.club import Club

strawberry.enum(PlayerOrderField, name="PlayerOrderField", description="Fields players can be ordered by.")
strawberry.enum(PlayerGroupKey, name="PlayerGroupKey", description="What to group players by.")


def player_of(info: Info, player_id: str | None) -> AwaitableOrValue[Player | None]:
    """The Player object of `player_id`, through the player loader (at once when it holds it)."""
    if player_id is None:
        return None
    return then(loaded(info.context.loaders.player, player_id), lambda row: Player(row=row) if row else None)


@strawberry.type(description="A player, as named by the match lines or the scorer table.")
class Player(Node):
    row: Private[PlayerRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The fullest name the article gives.")
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="The FIFA country code from the scorer table; null where not given.")
    def nationality(self) -> str | None:
        return self.row.nationality

    @strawberry.field(description="The player's club.", graphql_type=ClubRef)
    def club(self, info: Info) -> AwaitableOrValue[Club]:
        return club.club_required(info, self.row.season_id, self.row.club_id)

    @strawberry.field(description="Goals the scorer table credits; null when the table does not list the player.")
    async def goal_count(self, info: Info) -> int | None:
        rows = await info.context.loaders.scorer_entry_by_player.load(self.row.id)
        return sum(r.goals for r in rows) if rows else None

    @strawberry.field(description="Goals attributed to the player (STATED or INFERRED), in match order.")
    async def goals(self, info: Info, filter: InnerGoalFilter = None, order_by: InnerGoalOrder = None) -> list[GoalRef]:
        loader, row = info.context.loaders.goals_by_player, self.row
        rows = await inner_rows(info, loader, row.id, nested.PLAYER_GOALS, row.season_id, row.id, filter, order_by)
        return [goal.Goal(row=g) for g in rows]

    @strawberry.field(description="Cards shown to the player.")
    async def cards(self, info: Info, filter: InnerCardFilter = None, order_by: InnerCardOrder = None) -> list[CardRef]:
        loader, row = info.context.loaders.cards_by_player, self.row
        rows = await inner_rows(info, loader, row.id, nested.PLAYER_CARDS, row.season_id, row.id, filter, order_by)
        return [card.Card(row=c) for c in rows]


@strawberry.type(description="A line of a scorer table: a player and the goals the article credits.")
class Scorer:
    row: Private[ScorerEntryRow]

    @strawberry.field(description="The player.", graphql_type=Player)
    def player(self, info: Info) -> AwaitableOrValue[Player]:
        return then(player_of(info, self.row.player_id), lambda found: required(f"player {self.row.player_id}", found))

    @strawberry.field(description="The player's club.", graphql_type=ClubRef)
    def club(self, info: Info) -> AwaitableOrValue[Club]:
        return club.club_required(info, self.row.season_id, self.row.club_id)

    @strawberry.field(description="Goals, per the scorer table.")
    def goals(self) -> int:
        return self.row.goals


async def scorers(info: Info, season: SeasonRow, first: int) -> list[Scorer]:
    """The season's top `first` scorers as Scorer objects."""
    return [Scorer(row=row) for row in await top_scorers(info.context, season, first)]


@strawberry.input(description="Which players to return.")
class PlayerFilter:
    club: str | None = strawberry.field(default=None, description="A club's ID or name (any case, accents optional).")
    nationality: str | None = strawberry.field(default=None, description='A FIFA code, e.g. "KAZ".')
    name_contains: str | None = strawberry.field(default=None, description="Part of the name (any case).")
    in_scorer_table: bool | None = strawberry.field(default=None, description="Listed in the scorer table.")


@strawberry.input(description="Order of players; ties are broken by ID so pages are stable.")
class PlayerOrder:
    field: PlayerOrderField = strawberry.field(default=PLAYER_ORDER.field, description="What to order by.")
    direction: Direction = strawberry.field(default=PLAYER_ORDER.direction, description="ASC or DESC.")


@strawberry.input(description="Which players: conditions on their fields, combined with and/or/not.")
class PlayerWhere:
    name: StringComparison | None = strawberry.field(default=None, description="The name.")
    nationality: StringComparison | None = strawberry.field(default=None, description="The FIFA code.")
    goal_count: IntComparison | None = strawberry.field(
        default=None, description="Goals in the scorer table (null for a player it does not list)."
    )
    and_: list[PlayerWhere] | None = strawberry.field(default=None, name="and", description=AND)
    or_: list[PlayerWhere] | None = strawberry.field(default=None, name="or", description=OR)
    not_: PlayerWhere | None = strawberry.field(default=None, name="not", description=NOT)


PLAYER_GROUPING = Grouping(
    name="Player",
    rows="Players",
    groupable=PLAYER_GROUPABLE,
    measures={PlayerMeasure.GOALS: "Goals in the scorer table (players it does not list are left out)."},
    labels={PlayerGroupKey.CLUB: club_labels},
)
_GROUP_BY, _GROUPS = group_fields(PLAYER_GROUPING, PlayerGroupKey, "NATIONALITY or CLUB")


@strawberry.type(description="Players, paged, with group-bys over the filter.")
class PlayerConnection(Connection[Player]):
    group_by = _GROUP_BY
    groups = _GROUPS


async def _players(_info: Info, rows: list[Any]) -> list[Player]:
    return [Player(row=row) for row in rows]


async def find(info: Info, name: Name = None, id: OptionalId = None, season: SeasonYear = None) -> Player | None:
    chosen = await season_for(info.context, season)
    return Player(row=await find_player(info.context, chosen, name_or_id(name, id)))


async def leaders(info: Info, first: TopScorersFirst = TOP_SCORERS, season: SeasonYear = None) -> list[Scorer] | None:
    return await scorers(info, await season_for(info.context, season), first)


player_field = strawberry.field(resolver=find, description="A player by full or short name, or by ID.")
players_field = season_list(
    description="The players of a season: filter, order, page and group.",
    connection_type=PlayerConnection,
    filter_type=PlayerFilter,
    where_type=PlayerWhere,
    order_type=PlayerOrder,
    criteria=PlayerCriteria,
    query=player_query,
    columns=PLAYER_COLUMNS,
    nodes=_players,
)
top_scorers_field = strawberry.field(resolver=leaders, description=TOP_SCORERS_DESCRIPTION)
