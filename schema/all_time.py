"""All-time figures across every loaded season: a club's record, and the titles table with its root field."""

from __future__ import annotations

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import await_maybe

from resolvers import all_time
from resolvers.all_time import Titles
from schema import club
from schema.refs import ClubRef
from schema.relay import Info


@strawberry.type(description="A club's matches over every loaded season, from its side, and its titles.")
class ClubRecord:
    record: Private[all_time.Record]

    @strawberry.field(description="Years of the loaded seasons the club played in, earliest first.")
    def seasons(self) -> list[int]:
        return sorted(self.record.seasons)

    @strawberry.field(description="Matches played.")
    def played(self) -> int:
        return self.record.played

    @strawberry.field(description="Matches won.")
    def won(self) -> int:
        return self.record.won

    @strawberry.field(description="Matches drawn (after extra time, where played).")
    def drawn(self) -> int:
        return self.record.drawn

    @strawberry.field(description="Matches lost.")
    def lost(self) -> int:
        return self.record.lost

    @strawberry.field(description="Goals scored.")
    def goals_for(self) -> int:
        return self.record.goals_for

    @strawberry.field(description="Goals conceded.")
    def goals_against(self) -> int:
        return self.record.goals_against

    @strawberry.field(description="Years the club won the cup, earliest first.")
    def titles(self) -> list[int]:
        return self.record.titles


@strawberry.type(description="A club that won the cup, and when: one row of the titles table.")
class Title:
    titles: Private[Titles]

    @strawberry.field(description="The club, as it was in the season of its latest title.")
    async def club(self, info: Info) -> ClubRef:
        season = await info.context.season_of_year(self.titles.years[-1])
        return await await_maybe(club.club_required(info, season.id, self.titles.club_id))

    @strawberry.field(description="How many loaded seasons it won.")
    def count(self) -> int:
        return len(self.titles.years)

    @strawberry.field(description="The years it won, earliest first.")
    def years(self) -> list[int]:
        return self.titles.years


async def titles(info: Info) -> list[Title] | None:
    return [Title(titles=won) for won in await all_time.titles(info.context)]


titles_field = strawberry.field(
    resolver=titles, description="The titles table over every loaded season: most titles first, then the latest."
)
