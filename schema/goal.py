"""A goal: its type, filter, ordering, `where`, connection with totals and group-bys, and the `goals` field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import AwaitableOrValue

from resolvers.goal import (
    BUCKET_MINUTES,
    GOAL_COLUMNS,
    GOAL_ORDER,
    LAST_MINUTE,
    GoalCriteria,
    GoalGroupKey,
    GoalOrderField,
    goal_group_key,
    goal_groups,
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
from schema.grouping import Bucket, club_names, labelled, text
from schema.refs import ClubRef, MatchRef, PlayerRef
from schema.relay import GROUP_KEY, GROUP_KEYS, Connection, Info, Node, season_list

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


@strawberry.type(description="One combination of group keys among the filtered goals, with counts.")
class GoalGroup:
    keys: list[str | None] = strawberry.field(
        description="The group's value for each key of `by`, in order; null = unknown."
    )
    count: int = strawberry.field(description="Goals.")
    penalties: int = strawberry.field(description="Of which penalties.")
    own_goals: int = strawberry.field(description="Of which own goals.")


@strawberry.type(description="Totals over the filtered goals.")
class GoalAggregate:
    count: int = strawberry.field(description="Goals.")
    penalties: int = strawberry.field(description="Of which penalties.")
    own_goals: int = strawberry.field(description="Of which own goals.")
    with_known_minute: int = strawberry.field(description="Of which the article gives the minute.")
    with_known_scorer: int = strawberry.field(description="Of which the scorer is STATED or INFERRED.")


def _minute_buckets(counts: dict[int | None, int]) -> list[Bucket]:
    """Every range of minutes 1-120 in order, those without goals too, then goals of unknown minute if any."""
    buckets = []
    for index in range(LAST_MINUTE // BUCKET_MINUTES):
        lower, upper = minute_range(index)
        buckets.append(Bucket(key=f"{lower}-{upper}", count=counts.get(index, 0), lower_bound=lower, upper_bound=upper))
    if counts.get(None):
        buckets.append(Bucket(key=None, count=counts[None]))
    return buckets


@strawberry.type(description="Goals, paged, with totals and group-bys over the filter.")
class GoalConnection(Connection[Goal]):
    @strawberry.field(description="Goal counts per group, e.g. by MINUTE_BUCKET, ROUND or CLUB.")
    async def group_by(self, info: Info, key: Annotated[GoalGroupKey, GROUP_KEY]) -> list[Bucket]:
        rows = await self.query.group_by(info.context, goal_group_key(key))
        if key is GoalGroupKey.MINUTE_BUCKET:
            return _minute_buckets({None if value is None else int(value): count for value, count in rows})
        label = await self._label(info, key, [value for value, _ in rows if value is not None], first_known=False)
        return [Bucket(key=None if value is None else label(value), count=count) for value, count in rows]

    @strawberry.field(description="Counts per combination of up to three keys, e.g. by: [CLUB, MINUTE_BUCKET].")
    async def groups(self, info: Info, by: Annotated[list[GoalGroupKey], GROUP_KEYS]) -> list[GoalGroup]:
        async def labels(key: GoalGroupKey, values: list[Any]) -> Any:
            return await self._label(info, key, values, first_known=True)

        rows = await labelled(await goal_groups(info.context, self.query, by), by, labels)
        return [
            GoalGroup(keys=keys, count=count, penalties=int(penalties), own_goals=int(own_goals))
            for keys, (count, penalties, own_goals) in rows
        ]

    async def _label(self, info: Info, key: GoalGroupKey, values: list[Any], *, first_known: bool) -> Any:
        """How the values of one key are shown: names for clubs and scorers, ranges for minutes."""
        names: dict[Any, str] = {}
        if key is GoalGroupKey.CLUB:
            names = await club_names(info, self.season, values, first_known=first_known)
        elif key is GoalGroupKey.SCORER:
            players = await info.context.loaders.player.load_many(values)
            names = {p.id: p.name for p in players if p}
        elif key is GoalGroupKey.MINUTE_BUCKET:
            return lambda value: "{}-{}".format(*minute_range(int(value)))
        else:
            return text
        return lambda value: names.get(value, text(value))

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
