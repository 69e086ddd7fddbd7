"""A match: its type, filter, ordering, `where`, connection (totals, group-bys), and the `match`/`matches` fields."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import AwaitableOrValue

from football.errors import NotFound
from resolvers import nested
from resolvers.batching import loaded, then
from resolvers.ids import decode_id
from resolvers.match import (
    MATCH_COLUMNS,
    MATCH_GROUPABLE,
    MATCH_ORDER,
    MatchCriteria,
    MatchGroupKey,
    MatchMeasure,
    MatchOrderField,
    match_query,
    match_totals,
)
from resolvers.rows import MatchRow
from schema import card, club, goal, group, tie
from schema.comparisons import AND, NOT, OR, BooleanComparison, DateComparison, IntComparison, RoundComparison
from schema.enums import Direction, RoundKind
from schema.grouping import Grouping, group_fields, group_labels
from schema.links import (
    InnerCardFilter,
    InnerCardOrder,
    InnerGoalFilter,
    InnerGoalOrder,
    inner_rows,
    prefetch_players,
    required,
)
from schema.refs import CardRef, ClubRef, GoalRef, GroupRef, TieRef
from schema.relay import Connection, GlobalId, Info, Node, season_list

if TYPE_CHECKING:
    from schema.club import Club

strawberry.enum(MatchOrderField, name="MatchOrderField", description="Fields matches can be ordered by.")
strawberry.enum(MatchGroupKey, name="MatchGroupKey", description="What to group matches by.")


def match_of(info: Info, match_id: str) -> AwaitableOrValue[Match]:
    """The Match object of `match_id`, which the data says exists."""
    found = then(loaded(info.context.loaders.match, match_id), lambda row: required(f"match {match_id}", row))
    return then(found, lambda row: Match(row=row))


@strawberry.type(description="A match, with its score, goals and cards.")
class Match(Node):
    row: Private[MatchRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The day the match was played.")
    def date(self) -> dt.date:
        return self.row.date

    @strawberry.field(description="The round.")
    def round(self) -> RoundKind:
        return self.row.round

    @strawberry.field(description="The group, for a group-stage match.")
    async def group(self, info: Info) -> GroupRef | None:
        return await group.group_of(info, self.row.group_id)

    @strawberry.field(description="1 or 2 in a two-legged tie; null for a single match.")
    def leg(self) -> int | None:
        return self.row.leg

    @strawberry.field(description="The club listed first.", graphql_type=ClubRef)
    def home(self, info: Info) -> AwaitableOrValue[Club]:
        return club.club_required(info, self.row.season_id, self.row.home_id)

    @strawberry.field(description="The club listed second.", graphql_type=ClubRef)
    def away(self, info: Info) -> AwaitableOrValue[Club]:
        return club.club_required(info, self.row.season_id, self.row.away_id)

    @strawberry.field(
        description="Goals of the home club (an awarded result's score where one is stated); null for a walkover "
        "that states no score."
    )
    def home_score(self) -> int | None:
        return self.row.home_score

    @strawberry.field(
        description="Goals of the away club (an awarded result's score where one is stated); null for a walkover "
        "that states no score."
    )
    def away_score(self) -> int | None:
        return self.row.away_score

    @strawberry.field(
        description="Whether extra time was played, only from evidence: the article says a.e.t., a goal came after "
        "the 90th minute, or a knockout match with no second leg or replay to follow was level after 90. Null "
        "when a goal's missing minute could decide it, or for a result awarded without play."
    )
    def extra_time(self) -> bool | None:
        return self.row.extra_time

    @strawberry.field(description="Whether the result was awarded (`awd.` or a walkover) rather than played out.")
    def awarded(self) -> bool:
        return self.row.awarded

    @strawberry.field(description="Whether the match was a walkover (`w/o`): one club did not play.")
    def walkover(self) -> bool:
        return self.row.walkover

    @strawberry.field(description="The home club's kicks scored in the penalty shoot-out; null when there was none.")
    def home_penalties(self) -> int | None:
        return self.row.home_penalties

    @strawberry.field(description="The away club's kicks scored in the penalty shoot-out; null when there was none.")
    def away_penalties(self) -> int | None:
        return self.row.away_penalties

    @strawberry.field(
        description="The club that won the match: on the score, else the shoot-out, else the award; null for a draw "
        "or an award the article does not assign.",
        graphql_type=ClubRef | None,
    )
    def winner(self, info: Info) -> AwaitableOrValue[Club | None]:
        return club.club_of(info, self.row.season_id, self.row.winner_id)

    @strawberry.field(description="The stadium, when the article names it.")
    def stadium(self) -> str | None:
        return self.row.stadium

    @strawberry.field(description="The attendance, when the article gives it.")
    def attendance(self) -> int | None:
        return self.row.attendance

    @strawberry.field(description="The referee, when the article names one.")
    def referee(self) -> str | None:
        return self.row.referee

    @strawberry.field(description="The knockout tie the match belongs to.")
    async def tie(self, info: Info) -> TieRef | None:
        if self.row.tie_id is None:
            return None
        row = await info.context.loaders.tie.load(self.row.tie_id)
        return tie.Tie(row=row) if row else None

    @strawberry.field(description="Goals in minute order; goals whose minute is unknown come last.")
    async def goals(self, info: Info, filter: InnerGoalFilter = None, order_by: InnerGoalOrder = None) -> list[GoalRef]:
        loader, row = info.context.loaders.goals_by_match, self.row
        rows = await inner_rows(info, loader, row.id, nested.MATCH_GOALS, row.season_id, row.id, filter, order_by)
        await prefetch_players(info, "scorer", (r.scorer_id for r in rows))
        return [goal.Goal(row=g) for g in rows]

    @strawberry.field(description="Cards in the article's order (by minute where it gives them).")
    async def cards(self, info: Info, filter: InnerCardFilter = None, order_by: InnerCardOrder = None) -> list[CardRef]:
        loader, row = info.context.loaders.cards_by_match, self.row
        rows = await inner_rows(info, loader, row.id, nested.MATCH_CARDS, row.season_id, row.id, filter, order_by)
        await prefetch_players(info, "player", (r.player_id for r in rows))
        return [card.Card(row=c) for c in rows]

    @strawberry.field(description="The article line of the score, for checking the source.")
    def article_line(self) -> int:
        return self.row.line


_CLUB = "A club's ID or name (any case, accents optional)."


@strawberry.input(description="Which matches to return.")
class MatchFilter:
    club: str | None = strawberry.field(default=None, description=_CLUB)
    opponent: str | None = strawberry.field(default=None, description="Matches against this club. " + _CLUB)
    rounds: list[RoundKind] | None = strawberry.field(default=None, description="Any of these rounds.")
    group: str | None = strawberry.field(default=None, description='A group\'s name, e.g. "A".')
    date_from: dt.date | None = strawberry.field(default=None, description="On or after this date.")
    date_to: dt.date | None = strawberry.field(default=None, description="On or before this date.")
    extra_time: bool | None = strawberry.field(
        default=None, description="Matches where extra time is known to have been played (true) or not (false)."
    )


@strawberry.input(description="Order of matches; ties are broken by ID so pages are stable.")
class MatchOrder:
    field: MatchOrderField = strawberry.field(default=MATCH_ORDER.field, description="What to order by.")
    direction: Direction = strawberry.field(default=MATCH_ORDER.direction, description="ASC or DESC.")


@strawberry.input(description="Which matches: conditions on their fields, combined with and/or/not.")
class MatchWhere:
    date: DateComparison | None = strawberry.field(default=None, description="The day played.")
    round: RoundComparison | None = strawberry.field(default=None, description="The round.")
    leg: IntComparison | None = strawberry.field(default=None, description="1 or 2 in a two-legged tie.")
    home_score: IntComparison | None = strawberry.field(default=None, description="Goals of the home club.")
    away_score: IntComparison | None = strawberry.field(default=None, description="Goals of the away club.")
    goals: IntComparison | None = strawberry.field(default=None, description="Goals of both clubs.")
    extra_time: BooleanComparison | None = strawberry.field(default=None, description="Whether extra time was played.")
    and_: list[MatchWhere] | None = strawberry.field(default=None, name="and", description=AND)
    or_: list[MatchWhere] | None = strawberry.field(default=None, name="or", description=OR)
    not_: MatchWhere | None = strawberry.field(default=None, name="not", description=NOT)


@strawberry.type(description="Totals over the filtered matches.")
class MatchAggregate:
    count: int = strawberry.field(description="Matches.")
    goals: int = strawberry.field(description="Goals scored in them.")
    home_goals: int = strawberry.field(description="Goals of the clubs listed first.")
    away_goals: int = strawberry.field(description="Goals of the clubs listed second.")
    average_goals: float | None = strawberry.field(description="Goals per match, two decimals.")
    extra_time_matches: int = strawberry.field(description="Matches known to have gone to extra time.")


MATCH_GROUPING = Grouping(
    name="Match",
    rows="Matches",
    groupable=MATCH_GROUPABLE,
    measures={
        MatchMeasure.GOALS: "Goals of both clubs (over matches played: an awarded result is left out).",
        MatchMeasure.HOME_GOALS: "Goals of the club listed first (matches played).",
        MatchMeasure.AWAY_GOALS: "Goals of the club listed second (matches played).",
        MatchMeasure.ATTENDANCE: "The attendance, where the article gives it.",
    },
    totals={
        "goals": "Goals scored in them.",
        "home_goals": "Goals of the clubs listed first.",
        "away_goals": "Goals of the clubs listed second.",
    },
    labels={MatchGroupKey.GROUP: group_labels},
)
_GROUP_BY, _GROUPS = group_fields(MATCH_GROUPING, MatchGroupKey, "ROUND or RESULT (HOME_WIN, DRAW, AWAY_WIN)")


@strawberry.type(description="Matches, paged, with totals and group-bys over the filter.")
class MatchConnection(Connection[Match]):
    group_by = _GROUP_BY
    groups = _GROUPS

    @strawberry.field(description="Totals over every match the filter keeps.")
    async def aggregate(self, info: Info) -> MatchAggregate:
        totals = await match_totals(info.context, self.query)
        goals = totals.home_goals + totals.away_goals
        return MatchAggregate(
            count=totals.count,
            goals=goals,
            home_goals=totals.home_goals,
            away_goals=totals.away_goals,
            average_goals=round(goals / totals.count, 2) if totals.count else None,
            extra_time_matches=totals.extra_time_matches,
        )


async def _matches(_info: Info, rows: list[Any]) -> list[Match]:
    return [Match(row=row) for row in rows]


async def by_id(info: Info, id: GlobalId) -> Match | None:
    decoded = decode_id(id)
    row = await info.context.loaders.match.load(decoded[1]) if decoded and decoded[0] == "Match" else None
    if row is None:
        raise NotFound(f"No match with ID {id!r}.")
    return Match(row=row)


match_field = strawberry.field(resolver=by_id, description="A match by ID.")
matches_field = season_list(
    description="The matches of a season: filter, order, page, aggregate and group.",
    connection_type=MatchConnection,
    filter_type=MatchFilter,
    where_type=MatchWhere,
    order_type=MatchOrder,
    criteria=MatchCriteria,
    query=match_query,
    columns=MATCH_COLUMNS,
    nodes=_matches,
)
