"""A group of the group stage and its table: types, and the `groups` field of the root."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import AwaitableOrValue

from resolvers import nested
from resolvers.lookup import season_for
from resolvers.rows import GroupRow, SeasonRow, StandingRow
from schema import club, match
from schema.links import InnerMatchFilter, InnerMatchOrder, inner_rows
from schema.refs import ClubRef, MatchRef
from schema.relay import Info, Node, SeasonYear

if TYPE_CHECKING:
    from schema.club import Club


async def group_of(info: Info, group_id: str | None) -> Group | None:
    """The Group object of `group_id`, or None for no group."""
    if group_id is None:
        return None
    row = await info.context.loaders.group.load(group_id)
    return Group(row=row) if row else None


async def season_groups(info: Info, season: SeasonRow) -> list[Group]:
    """The season's groups, by name."""
    return [Group(row=g) for g in await info.context.loaders.groups_by_season.load(season.id)]


@strawberry.type(description="A club's line in a group table.")
class Standing:
    row: Private[StandingRow]

    @strawberry.field(
        description="1 for the group winner; clubs that nothing the article states separates share a position."
    )
    def position(self) -> int:
        return self.row.position

    @strawberry.field(description="The club.", graphql_type=ClubRef)
    def club(self, info: Info) -> AwaitableOrValue[Club]:
        return club.club_required(info, self.row.season_id, self.row.club_id)

    @strawberry.field(description="Matches played.")
    def played(self) -> int:
        return self.row.played

    @strawberry.field(description="Matches won.")
    def won(self) -> int:
        return self.row.won

    @strawberry.field(description="Matches drawn.")
    def drawn(self) -> int:
        return self.row.drawn

    @strawberry.field(description="Matches lost.")
    def lost(self) -> int:
        return self.row.lost

    @strawberry.field(description="Goals scored.")
    def goals_for(self) -> int:
        return self.row.goals_for

    @strawberry.field(description="Goals conceded.")
    def goals_against(self) -> int:
        return self.row.goals_against

    @strawberry.field(description="Goals for minus goals against.")
    def goal_difference(self) -> int:
        return self.row.goals_for - self.row.goals_against

    @strawberry.field(description="3 for a win, 1 for a draw.")
    def points(self) -> int:
        return self.row.points


@strawberry.type(description="A group of the group stage, with its table.")
class Group(Node):
    row: Private[GroupRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description='The group\'s letter, e.g. "A".')
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="The clubs drawn in the group, by name.")
    async def clubs(self, info: Info) -> list[ClubRef]:
        entries = await info.context.loaders.entries_by_group.load(self.row.id)
        clubs = await info.context.loaders.club.load_many([e.id for e in entries])
        return sorted((club.Club(row=c) for c in clubs if c), key=lambda c: c.row.entry.sort_name)

    @strawberry.field(description="The group's matches in the order played.")
    async def matches(
        self, info: Info, filter: InnerMatchFilter = None, order_by: InnerMatchOrder = None
    ) -> list[MatchRef]:
        loader, row = info.context.loaders.matches_by_group, self.row
        rows = await inner_rows(info, loader, row.id, nested.GROUP_MATCHES, row.season_id, row.id, filter, order_by)
        return [match.Match(row=m) for m in rows]

    @strawberry.field(description="The table: 3 points a win; then goal difference, then goals for.")
    async def standings(self, info: Info) -> list[Standing]:
        return [Standing(row=s) for s in await info.context.loaders.standings_by_group.load(self.row.id)]


async def groups(info: Info, season: SeasonYear = None) -> list[Group] | None:
    return await season_groups(info, await season_for(info.context, season))


groups_field = strawberry.field(resolver=groups, description="The groups of the group stage with their tables.")
