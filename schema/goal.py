"""A goal: its type, filter, ordering, `where`, connection with totals and group-bys, and the `goals` field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import AwaitableOrValue

from resolvers.goal import (
    GOAL_COLUMNS,
    GOAL_GROUPABLE,
    GOAL_ORDER,
    GoalCriteria,
    GoalGroupKey,
    GoalMeasure,
    GoalOrderField,
    goal_query,
    goal_totals,
    minute_range,
)
from resolvers.rows import GoalRow
from schema import club, match, player
from schema.comparisons import (
    AND,
    NOT,
    OR,
    AttributionComparison,
    BooleanComparison,
    DateComparison,
    IntComparison,
    RoundComparison,
    StringComparison,
)
from schema.enums import Attribution, Direction, RoundKind
from schema.grouping import Grouping, club_labels, group_fields, player_labels, range_labels
from schema.refs import ClubRef, MatchRef, PlayerRef
from schema.relay import Connection, Info, Node, season_list

if TYPE_CHECKING:
    from schema.club import Club
    from schema.match import Match
    from schema.player import Player

strawberry.enum(GoalOrderField, name="GoalOrderField", description="Fields goals can be ordered by.")
strawberry.enum(
    GoalGroupKey,
    name="GoalGroupKey",
    description="What to group goals by. MINUTE_BUCKET is 15-minute slices: 1-15, 16-30, ...",
)


@strawberry.type(description="A goal. Scorer and minute are null where the article lost them.")
class Goal(Node):
    row: Private[GoalRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The match.", graphql_type=MatchRef)
    def match(self, info: Info) -> AwaitableOrValue[Match]:
        return match.match_of(info, self.row.match_id)

    @strawberry.field(description="The club the goal counts for.", graphql_type=ClubRef)
    def club(self, info: Info) -> AwaitableOrValue[Club]:
        return club.club_required(info, self.row.season_id, self.row.club_id)

    @strawberry.field(
        description="The scorer; null when unknown. See `attribution` for how it is known.",
        graphql_type=PlayerRef | None,
    )
    def scorer(self, info: Info) -> AwaitableOrValue[Player | None]:
        return player.player_of(info, self.row.scorer_id)

    @strawberry.field(description="The minute; null when the article lost it.")
    def minute(self) -> int | None:
        return self.row.minute

    @strawberry.field(description="Added time after `minute` (90+2 is minute 90, stoppageTime 2).")
    def stoppage_time(self) -> int | None:
        return self.row.stoppage

    @strawberry.field(description="Whether it was a penalty; null for a goal whose entry the article lost.")
    def penalty(self) -> bool | None:
        return self.row.penalty

    @strawberry.field(description="Whether it was an own goal; null for a goal whose entry the article lost.")
    def own_goal(self) -> bool | None:
        return self.row.own_goal

    @strawberry.field(description="How the scorer is known: STATED, INFERRED or UNKNOWN.")
    def attribution(self) -> Attribution:
        return self.row.attribution

    @strawberry.field(description="The article line the goal comes from.")
    def article_line(self) -> int:
        return self.row.line


_CLUB = "A club's ID or name (any case, accents optional)."


@strawberry.input(description="Which goals to return.")
class GoalFilter:
    club: str | None = strawberry.field(default=None, description="Goals credited to this club. " + _CLUB)
    opponent: str | None = strawberry.field(default=None, description="Goals against this club. " + _CLUB)
    rounds: list[RoundKind] | None = strawberry.field(default=None, description="Any of these rounds.")
    group: str | None = strawberry.field(default=None, description='A group\'s name, e.g. "A".')
    minute_from: int | None = strawberry.field(default=None, description="At or after this minute.")
    minute_to: int | None = strawberry.field(default=None, description="At or before this minute.")
    minute_known: bool | None = strawberry.field(default=None, description="Whether the article gives the minute.")
    penalty: bool | None = strawberry.field(default=None, description="Penalties only (true) or none (false).")
    own_goal: bool | None = strawberry.field(default=None, description="Own goals only (true) or none (false).")
    attribution: list[Attribution] | None = strawberry.field(default=None, description="Any of these.")
    scorer: str | None = strawberry.field(default=None, description="A player's ID or name.")
    nationality: str | None = strawberry.field(default=None, description='The scorer\'s FIFA code, e.g. "KAZ".')
    scorer_name_contains: str | None = strawberry.field(default=None, description="Part of the scorer's name.")


@strawberry.input(description="Order of goals; ties are broken by ID so pages are stable.")
class GoalOrder:
    field: GoalOrderField = strawberry.field(default=GOAL_ORDER.field, description="What to order by.")
    direction: Direction = strawberry.field(default=GOAL_ORDER.direction, description="ASC or DESC.")


@strawberry.input(description="Which goals: conditions on their fields, combined with and/or/not.")
class GoalWhere:
    minute: IntComparison | None = strawberry.field(default=None, description="The minute.")
    stoppage_time: IntComparison | None = strawberry.field(default=None, description="Added time after the minute.")
    penalty: BooleanComparison | None = strawberry.field(default=None, description="Whether a penalty.")
    own_goal: BooleanComparison | None = strawberry.field(default=None, description="Whether an own goal.")
    attribution: AttributionComparison | None = strawberry.field(default=None, description="How the scorer is known.")
    date: DateComparison | None = strawberry.field(default=None, description="The match's day.")
    round: RoundComparison | None = strawberry.field(default=None, description="The match's round.")
    scorer_name: StringComparison | None = strawberry.field(default=None, description="The scorer's name.")
    nationality: StringComparison | None = strawberry.field(default=None, description="The scorer's FIFA code.")
    and_: list[GoalWhere] | None = strawberry.field(default=None, name="and", description=AND)
    or_: list[GoalWhere] | None = strawberry.field(default=None, name="or", description=OR)
    not_: GoalWhere | None = strawberry.field(default=None, name="not", description=NOT)


@strawberry.type(description="Totals over the filtered goals.")
class GoalAggregate:
    count: int = strawberry.field(description="Goals.")
    penalties: int = strawberry.field(description="Of which penalties.")
    own_goals: int = strawberry.field(description="Of which own goals.")
    with_known_minute: int = strawberry.field(description="Of which the article gives the minute.")
    with_known_scorer: int = strawberry.field(description="Of which the scorer is STATED or INFERRED.")


GOAL_GROUPING = Grouping(
    name="Goal",
    rows="Goals",
    groupable=GOAL_GROUPABLE,
    measures={GoalMeasure.MINUTE: "The minute (goals whose minute is unknown are left out)."},
    totals={"penalties": "Of which penalties.", "own_goals": "Of which own goals."},
    labels={
        GoalGroupKey.CLUB: club_labels,
        GoalGroupKey.SCORER: player_labels,
        GoalGroupKey.MINUTE_BUCKET: range_labels(minute_range),
    },
    ranges={GoalGroupKey.MINUTE_BUCKET: minute_range},
)
_GROUP_BY, _GROUPS = group_fields(GOAL_GROUPING, GoalGroupKey, "MINUTE_BUCKET (every range listed), ROUND or SCORER")


@strawberry.type(description="Goals, paged, with totals and group-bys over the filter.")
class GoalConnection(Connection[Goal]):
    group_by = _GROUP_BY
    groups = _GROUPS

    @strawberry.field(description="Totals over every goal the filter keeps.")
    async def aggregate(self, info: Info) -> GoalAggregate:
        totals = await goal_totals(info.context, self.query)
        return GoalAggregate(
            count=totals.count,
            penalties=totals.penalties,
            own_goals=totals.own_goals,
            with_known_minute=totals.with_known_minute,
            with_known_scorer=totals.with_known_scorer,
        )


async def _goals(_info: Info, rows: list[Any]) -> list[Goal]:
    return [Goal(row=row) for row in rows]


goals_field = season_list(
    description="The goals of a season: filter, order, page, aggregate and group.",
    connection_type=GoalConnection,
    filter_type=GoalFilter,
    where_type=GoalWhere,
    order_type=GoalOrder,
    criteria=GoalCriteria,
    query=goal_query,
    columns=GOAL_COLUMNS,
    nodes=_goals,
)
