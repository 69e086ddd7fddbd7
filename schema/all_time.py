"""All-time figures across every loaded season: the titles table."""

from __future__ import annotations

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import await_maybe

from resolvers.all_time import Titles
from schema.types import Club, Info, club_required


@strawberry.type(description="A club that won the cup, and when: one row of the titles table.")
class Title:
    titles: Private[Titles]

    @strawberry.field(description="The club, as it was in the season of its latest title.")
    async def club(self, info: Info) -> Club:
        season = await info.context.season_of_year(self.titles.years[-1])
        return await await_maybe(club_required(info, season.id, self.titles.club_id))

    @strawberry.field(description="How many loaded seasons it won.")
    def count(self) -> int:
        return len(self.titles.years)

    @strawberry.field(description="The years it won, earliest first.")
    def years(self) -> list[int]:
        return self.titles.years
