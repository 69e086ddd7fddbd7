"""The root Query type: every entry point takes an optional `season` (a year; the latest when omitted)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Annotated, Any

import strawberry
from strawberry.dataloader import DataLoader

from football.errors import BadUserInput, NotFound
from resolvers import all_time, listing
from resolvers.ids import decode_id
from resolvers.lookup import find_club, find_player, season_for
from resolvers.pages import Page, PageRequest
from resolvers.where import CARD_COLUMNS, CLUB_COLUMNS, GOAL_COLUMNS, MATCH_COLUMNS, PLAYER_COLUMNS, narrowed
from schema.all_time import Title
from schema.connections import (
    CardConnection,
    ClubConnection,
    GoalConnection,
    MatchConnection,
    PlayerConnection,
    SeasonConnection,
    build,
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
from schema.types import (
    Card,
    Club,
    Goal,
    Group,
    Info,
    Match,
    Node,
    Player,
    RoundFilter,
    RoundInfo,
    Scorer,
    Season,
    Tie,
    TopScorersFirst,
    season_groups,
    season_rounds,
    season_ties,
    top_scorers,
)
from schema.where import CardWhere, ClubWhere, GoalWhere, MatchWhere, PlayerWhere

SeasonYear = Annotated[int | None, strawberry.argument(description="The season's year; the latest when omitted.")]
First = Annotated[int | None, strawberry.argument(description="Return the first N (at most the page-size cap).")]
After = Annotated[str | None, strawberry.argument(description="Start after this cursor.")]
Last = Annotated[int | None, strawberry.argument(description="Return the last N (at most the page-size cap).")]
Before = Annotated[str | None, strawberry.argument(description="End before this cursor.")]
GlobalId = Annotated[strawberry.ID, strawberry.argument(description="A global ID from an object's `id` field.")]
Name = Annotated[str | None, strawberry.argument(description="A name, in any case, accents optional.")]
OptionalId = Annotated[strawberry.ID | None, strawberry.argument(description="A global ID (instead of `name`).")]
Filter = strawberry.argument(description="Only the objects every given condition holds for.")
Order = strawberry.argument(description="The order; by date or name when omitted.")
Where = strawberry.argument(
    description="Conditions with comparisons, in, isNull and and/or/not; combines with `filter`."
)


def _name_or_id(name: str | None, id: strawberry.ID | None) -> str:
    """The one non-blank lookup key a client gave."""
    if (name is None) == (id is None):
        raise BadUserInput("Give exactly one of `name` and `id`.")
    value = name if name is not None else str(id)
    if not value.strip():
        raise BadUserInput("A name or ID must not be blank.")
    return value


async def _node(info: Info, global_id: str) -> Node | None:
    decoded = decode_id(global_id)
    if decoded is None:
        return None
    type_name, key = decoded
    loaders = info.context.loaders
    if type_name == "Club":
        club = await loaders.club.load(key)
        return Club(row=club) if club else None
    simple: dict[str, tuple[DataLoader[str, Any], Callable[..., Node]]] = {
        "Season": (loaders.season, Season),
        "Match": (loaders.match, Match),
        "Goal": (loaders.goal, Goal),
        "Card": (loaders.card, Card),
        "Player": (loaders.player, Player),
        "Group": (loaders.group, Group),
        "Tie": (loaders.tie, Tie),
        "RoundInfo": (loaders.round, RoundInfo),
    }
    if type_name not in simple:
        return None
    loader, wrap = simple[type_name]
    row = await loader.load(key)
    return wrap(row=row) if row else None


@strawberry.type(
    description="The entry points of the cupql API. Each is nullable so that one failing field "
    "leaves its siblings' data intact."
)
class Query:
    @strawberry.field(description="Any object by its global ID; null when there is none.")
    async def node(self, info: Info, id: GlobalId) -> Node | None:
        return await _node(info, id)

    @strawberry.field(description="Objects by global IDs, in the same order; null for each unknown ID.")
    async def nodes(
        self,
        info: Info,
        ids: Annotated[list[strawberry.ID], strawberry.argument(description="Global IDs, at most the page-size cap.")],
    ) -> list[Node | None] | None:
        if len(ids) > info.context.limits.max_page_size:
            raise BadUserInput(f"At most {info.context.limits.max_page_size} IDs at a time.")
        # Gathered, so the objects of each type are fetched in one batch.
        return list(await asyncio.gather(*(_node(info, i) for i in ids)))

    @strawberry.field(description="The loaded seasons, latest first, paged.")
    async def seasons(
        self, info: Info, first: First = None, after: After = None, last: Last = None, before: Before = None
    ) -> SeasonConnection | None:
        query = listing.season_query()
        page = await query.page(info.context, PageRequest(first, after, last, before))
        return build(SeasonConnection, page, lambda row: Season(row=row), query)  # type: ignore[no-any-return]

    @strawberry.field(description="One season by year; the latest when `year` is omitted.")
    async def season(self, info: Info, year: SeasonYear = None) -> Season | None:
        return Season(row=await season_for(info.context, year))

    @strawberry.field(
        description="A club by name (any case, accents optional) or ID; null with a suggestion when unknown."
    )
    async def club(
        self, info: Info, name: Name = None, id: OptionalId = None, season: SeasonYear = None
    ) -> Club | None:
        found = await find_club(info.context, await season_for(info.context, season), _name_or_id(name, id))
        return Club(row=found)

    @strawberry.field(description="A player by full or short name, or by ID.")
    async def player(
        self, info: Info, name: Name = None, id: OptionalId = None, season: SeasonYear = None
    ) -> Player | None:
        chosen = await season_for(info.context, season)
        return Player(row=await find_player(info.context, chosen, _name_or_id(name, id)))

    @strawberry.field(description="A match by ID.")
    async def match(self, info: Info, id: GlobalId) -> Match | None:
        decoded = decode_id(id)
        row = await info.context.loaders.match.load(decoded[1]) if decoded and decoded[0] == "Match" else None
        if row is None:
            raise NotFound(f"No match with ID {id!r}.")
        return Match(row=row)

    @strawberry.field(description="The clubs of a season.")
    async def clubs(
        self,
        info: Info,
        filter: Annotated[ClubFilter | None, Filter] = None,
        where: Annotated[ClubWhere | None, Where] = None,
        order_by: Annotated[ClubOrder | None, Order] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        season: SeasonYear = None,
    ) -> ClubConnection | None:
        chosen = await season_for(info.context, season)
        query = narrowed(await listing.club_query(info.context, chosen, filter, order_by), where, CLUB_COLUMNS)
        page = await query.page(info.context, PageRequest(first, after, last, before))
        clubs = await info.context.loaders.club.load_many([entry.id for entry in page.rows])
        club_page = Page([club for club in clubs if club], page.offset, page.has_next, page.has_previous)
        return build(ClubConnection, club_page, lambda row: Club(row=row), query, season=chosen)  # type: ignore[no-any-return]

    @strawberry.field(description="The matches of a season: filter, order, page, aggregate and group.")
    async def matches(
        self,
        info: Info,
        filter: Annotated[MatchFilter | None, Filter] = None,
        where: Annotated[MatchWhere | None, Where] = None,
        order_by: Annotated[MatchOrder | None, Order] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        season: SeasonYear = None,
    ) -> MatchConnection | None:
        chosen = await season_for(info.context, season)
        query = narrowed(await listing.match_query(info.context, chosen, filter, order_by), where, MATCH_COLUMNS)
        page = await query.page(info.context, PageRequest(first, after, last, before))
        return build(MatchConnection, page, lambda row: Match(row=row), query, season=chosen)  # type: ignore[no-any-return]

    @strawberry.field(description="The goals of a season: filter, order, page, aggregate and group.")
    async def goals(
        self,
        info: Info,
        filter: Annotated[GoalFilter | None, Filter] = None,
        where: Annotated[GoalWhere | None, Where] = None,
        order_by: Annotated[GoalOrder | None, Order] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        season: SeasonYear = None,
    ) -> GoalConnection | None:
        chosen = await season_for(info.context, season)
        query = narrowed(await listing.goal_query(info.context, chosen, filter, order_by), where, GOAL_COLUMNS)
        page = await query.page(info.context, PageRequest(first, after, last, before))
        return build(GoalConnection, page, lambda row: Goal(row=row), query, season=chosen)  # type: ignore[no-any-return]

    @strawberry.field(description="The cards of a season: filter, page and group.")
    async def cards(
        self,
        info: Info,
        filter: Annotated[CardFilter | None, Filter] = None,
        where: Annotated[CardWhere | None, Where] = None,
        order_by: Annotated[CardOrder | None, Order] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        season: SeasonYear = None,
    ) -> CardConnection | None:
        chosen = await season_for(info.context, season)
        query = narrowed(await listing.card_query(info.context, chosen, filter, order_by), where, CARD_COLUMNS)
        page = await query.page(info.context, PageRequest(first, after, last, before))
        return build(CardConnection, page, lambda row: Card(row=row), query, season=chosen)  # type: ignore[no-any-return]

    @strawberry.field(description="The players of a season: filter, order, page and group.")
    async def players(
        self,
        info: Info,
        filter: Annotated[PlayerFilter | None, Filter] = None,
        where: Annotated[PlayerWhere | None, Where] = None,
        order_by: Annotated[PlayerOrder | None, Order] = None,
        first: First = None,
        after: After = None,
        last: Last = None,
        before: Before = None,
        season: SeasonYear = None,
    ) -> PlayerConnection | None:
        chosen = await season_for(info.context, season)
        query = narrowed(await listing.player_query(info.context, chosen, filter, order_by), where, PLAYER_COLUMNS)
        page = await query.page(info.context, PageRequest(first, after, last, before))
        return build(PlayerConnection, page, lambda row: Player(row=row), query, season=chosen)  # type: ignore[no-any-return]

    @strawberry.field(description="The titles table over every loaded season: most titles first, then the latest.")
    async def titles(self, info: Info) -> list[Title] | None:
        return [Title(titles=won) for won in await all_time.titles(info.context)]

    @strawberry.field(description="The scorer table's leaders, most goals first.")
    async def top_scorers(
        self, info: Info, first: TopScorersFirst = 10, season: SeasonYear = None
    ) -> list[Scorer] | None:
        return await top_scorers(info, await season_for(info.context, season), first)

    @strawberry.field(description="The groups of the group stage with their tables.")
    async def groups(self, info: Info, season: SeasonYear = None) -> list[Group] | None:
        return await season_groups(info, await season_for(info.context, season))

    @strawberry.field(description="The rounds in playing order, with the article's schedule.")
    async def rounds(self, info: Info, season: SeasonYear = None) -> list[RoundInfo] | None:
        return await season_rounds(info, await season_for(info.context, season))

    @strawberry.field(description="The knockout ties of `round`, or of every round when omitted.")
    async def ties(self, info: Info, round: RoundFilter = None, season: SeasonYear = None) -> list[Tie] | None:
        return await season_ties(info, await season_for(info.context, season), round)
