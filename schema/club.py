"""A club in one season: its type, filter, ordering, `where`, connection, and the `club`/`clubs` fields."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import AwaitableOrValue

from football.keys import club_entry_key
from resolvers import all_time as all_time_records
from resolvers import nested
from resolvers.batching import loaded, then
from resolvers.club import (
    CLUB_COLUMNS,
    CLUB_GROUPABLE,
    CLUB_ORDER,
    ClubCriteria,
    ClubGroupKey,
    ClubOrderField,
    club_query,
    find_club,
)
from resolvers.cup_run import cup_run
from resolvers.lookup import season_for
from resolvers.rows import ClubInSeason
from schema import all_time, card, goal, group, match, player, season
from schema import cup_run as cup_runs
from schema.comparisons import AND, NOT, OR, LeagueComparison, RoundComparison, StringComparison
from schema.enums import Attribution, Direction, League, RoundKind
from schema.grouping import Grouping, group_fields, group_labels
from schema.links import (
    InnerCardFilter,
    InnerCardOrder,
    InnerGoalFilter,
    InnerGoalOrder,
    InnerMatchFilter,
    InnerMatchOrder,
    InnerPlayerFilter,
    InnerPlayerOrder,
    Name,
    OptionalId,
    inner_rows,
    name_or_id,
    prefetch_players,
    required,
)
from schema.refs import CardRef, ClubRecordRef, CupRunRef, GoalRef, GroupRef, MatchRef, PlayerRef, ScorerRef, SeasonRef
from schema.relay import Connection, Info, Node, SeasonYear, season_list

strawberry.enum(ClubOrderField, name="ClubOrderField", description="Fields clubs can be ordered by.")
strawberry.enum(ClubGroupKey, name="ClubGroupKey", description="What to group clubs by.")


def club_of(info: Info, season_id: str, club_id: str | None) -> AwaitableOrValue[Club | None]:
    """The Club object of `club_id` in a season, through the club loader (at once when it holds it)."""
    if club_id is None:
        return None
    return then(loaded(info.context.loaders.club, club_entry_key(season_id, club_id)), _club_or_none)


def _club_or_none(found: ClubInSeason | None) -> Club | None:
    return Club(row=found) if found else None


def club_required(info: Info, season_id: str, club_id: str) -> AwaitableOrValue[Club]:
    """The Club object of `club_id` in a season, which the data says exists."""
    return then(club_of(info, season_id, club_id), lambda found: required(f"club {club_id} in {season_id}", found))


@strawberry.type(description="A club in one season: its league, group, matches, scorers and cup run.")
class Club(Node):
    row: Private[ClubInSeason]

    def key(self) -> str:
        return self.row.entry.id

    @strawberry.field(description="The club's name as this season's article writes it.")
    def name(self) -> str:
        return self.row.entry.name

    @strawberry.field(
        description="The club's name as the first season imported wrote it: the same in every season, like `slug`."
    )
    def first_known_name(self) -> str:
        return self.row.club.name

    @strawberry.field(
        description="This club in every season loaded, oldest first: the same key (`slug`) throughout, with each "
        "season's own name, league and cup run."
    )
    async def all_seasons(self, info: Info) -> list[Club]:
        rows = await info.context.loaders.seasons_of_club.load(self.row.club.id)
        for row in rows:
            info.context.loaders.club.prime(row.entry.id, row)
        return [Club(row=row) for row in rows]

    @strawberry.field(description="A URL-friendly name, the same in every season.")
    def slug(self) -> str:
        return self.row.club.id

    @strawberry.field(description="The club's league this season; null where the article does not say.")
    def league(self) -> League | None:
        return self.row.entry.league

    @strawberry.field(
        description="INFERRED when the league follows from the round the article says the league's clubs "
        "entered in; UNKNOWN when `league` is null."
    )
    def league_attribution(self) -> Attribution:
        return self.row.entry.league_attribution

    @strawberry.field(description="The round the club entered the cup in.")
    def entry_round(self) -> RoundKind | None:
        return self.row.entry.entry_round

    @strawberry.field(description="The club's group, if it played the group stage.")
    async def group(self, info: Info) -> GroupRef | None:
        return await group.group_of(info, self.row.entry.group_id)

    @strawberry.field(description="The season this entry belongs to.")
    async def season(self, info: Info) -> SeasonRef:
        return await season.season_of(info, self.row.season_id)

    @strawberry.field(description="The club's matches in the order played.")
    async def matches(
        self, info: Info, filter: InnerMatchFilter = None, order_by: InnerMatchOrder = None
    ) -> list[MatchRef]:
        loaders, key = info.context.loaders, (self.row.season_id, self.row.club.id)
        rows = await inner_rows(info, loaders.matches_by_club, key, nested.CLUB_MATCHES, *key, filter, order_by)
        return [match.Match(row=m) for m in rows]

    @strawberry.field(description="Goals credited to the club, in match order.")
    async def goals(self, info: Info, filter: InnerGoalFilter = None, order_by: InnerGoalOrder = None) -> list[GoalRef]:
        loaders, key = info.context.loaders, (self.row.season_id, self.row.club.id)
        rows = await inner_rows(info, loaders.goals_by_club, key, nested.CLUB_GOALS, *key, filter, order_by)
        await prefetch_players(info, "scorer", (r.scorer_id for r in rows))
        return [goal.Goal(row=g) for g in rows]

    @strawberry.field(description="Cards shown to the club's players, in match order.")
    async def cards(self, info: Info, filter: InnerCardFilter = None, order_by: InnerCardOrder = None) -> list[CardRef]:
        loaders, key = info.context.loaders, (self.row.season_id, self.row.club.id)
        rows = await inner_rows(info, loaders.cards_by_club, key, nested.CLUB_CARDS, *key, filter, order_by)
        await prefetch_players(info, "player", (r.player_id for r in rows))
        return [card.Card(row=c) for c in rows]

    @strawberry.field(description="The club's players the article mentions, by name.")
    async def players(
        self, info: Info, filter: InnerPlayerFilter = None, order_by: InnerPlayerOrder = None
    ) -> list[PlayerRef]:
        loaders, key = info.context.loaders, (self.row.season_id, self.row.club.id)
        rows = await inner_rows(info, loaders.players_by_club, key, nested.CLUB_PLAYERS, *key, filter, order_by)
        return [player.Player(row=p) for p in rows]

    @strawberry.field(description="The club's scorers from the scorer table, most goals first.")
    async def scorers(self, info: Info) -> list[ScorerRef]:
        rows = await info.context.loaders.scorer_entries_by_club.load((self.row.season_id, self.row.club.id))
        await prefetch_players(info, "player", (r.player_id for r in rows))
        return [player.Scorer(row=r) for r in rows]

    @strawberry.field(description="The club's figures over every loaded season: matches, results, goals, titles.")
    async def all_time(self, info: Info) -> ClubRecordRef:
        return all_time.ClubRecord(record=await all_time_records.club_record(info.context, self.row.club.id))

    @strawberry.field(description="The club's whole cup run: every match, how far it went, who knocked it out.")
    async def cup_run(self, info: Info) -> CupRunRef:
        found = await info.context.loaders.season.load(self.row.season_id)
        chosen = required(f"season {self.row.season_id}", found)
        return cup_runs.CupRun(data=await cup_run(info.context, chosen, self.row.club.id), season_id=chosen.id)


@strawberry.input(description="Which clubs to return.")
class ClubFilter:
    name_contains: str | None = strawberry.field(default=None, description="Part of the name (any case).")
    league: League | None = strawberry.field(default=None, description="Clubs of this league.")
    group: str | None = strawberry.field(default=None, description='Clubs of this group, e.g. "A".')
    entry_round: RoundKind | None = strawberry.field(default=None, description="Clubs that entered in this round.")


@strawberry.input(description="Order of clubs; ties are broken by ID so pages are stable.")
class ClubOrder:
    field: ClubOrderField = strawberry.field(default=CLUB_ORDER.field, description="What to order by.")
    direction: Direction = strawberry.field(default=CLUB_ORDER.direction, description="ASC or DESC.")


@strawberry.input(description="Which clubs: conditions on their fields, combined with and/or/not.")
class ClubWhere:
    name: StringComparison | None = strawberry.field(default=None, description="The name.")
    league: LeagueComparison | None = strawberry.field(default=None, description="The league this season.")
    entry_round: RoundComparison | None = strawberry.field(default=None, description="The round it entered in.")
    and_: list[ClubWhere] | None = strawberry.field(default=None, name="and", description=AND)
    or_: list[ClubWhere] | None = strawberry.field(default=None, name="or", description=OR)
    not_: ClubWhere | None = strawberry.field(default=None, name="not", description=NOT)


CLUB_GROUPING = Grouping(name="Club", rows="Clubs", groupable=CLUB_GROUPABLE, labels={ClubGroupKey.GROUP: group_labels})
_GROUP_BY, _GROUPS = group_fields(CLUB_GROUPING, ClubGroupKey, "LEAGUE or ENTRY_ROUND")


@strawberry.type(description="Clubs, paged, with group-bys over the filter.")
class ClubConnection(Connection[Club]):
    group_by = _GROUP_BY
    groups = _GROUPS


async def _clubs(info: Info, entries: list[Any]) -> list[Club]:
    clubs = await info.context.loaders.club.load_many([entry.id for entry in entries])
    return [Club(row=found) for found in clubs if found]


async def find(info: Info, name: Name = None, id: OptionalId = None, season: SeasonYear = None) -> Club | None:
    found = await find_club(info.context, await season_for(info.context, season), name_or_id(name, id))
    return Club(row=found)


club_field = strawberry.field(
    resolver=find, description="A club by name (any case, accents optional) or ID; null with a suggestion when unknown."
)
clubs_field = season_list(
    description="The clubs of a season.",
    connection_type=ClubConnection,
    filter_type=ClubFilter,
    where_type=ClubWhere,
    order_type=ClubOrder,
    criteria=ClubCriteria,
    query=club_query,
    columns=CLUB_COLUMNS,
    nodes=_clubs,
)
