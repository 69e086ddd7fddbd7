"""All-time figures across every loaded season: a club's record, the titles table, and the all-time scorers, with
their root fields."""

from __future__ import annotations

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import await_maybe

from resolvers import all_time
from resolvers.all_time import Titles
from resolvers.cursor_pages import PageRequest
from resolvers.rows import PlayerRow, SeasonRow
from schema import club
from schema.player import Player
from schema.refs import ClubRef
from schema.relay import After, Before, First, Info, Last, PagedList, connection


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


@strawberry.type(
    description="A person's goals over every loaded season. A person is a player the wikitext links to an "
    "article, one across seasons and clubs; a player the text does not link is never joined to another by name, "
    "so his goals are those of one season and club."
)
class AllTimeScorer:
    scored: Private[all_time.PersonGoals]

    @strawberry.field(
        description="The key of the article the text links the player to (`islam-chesnokov`), the same in every "
        "season; null for a player the text does not link."
    )
    async def person(self, info: Info) -> str | None:
        return (await self._players(info))[-1].person_id

    @strawberry.field(description="The name the latest loaded season gives him.")
    async def name(self, info: Info) -> str:
        return (await self._players(info))[-1].name

    @strawberry.field(
        description="Goals attributed to him in the match lines (STATED or INFERRED), own goals left out."
    )
    def goals(self) -> int:
        return self.scored.goals

    @strawberry.field(description="Years of the loaded seasons he played in, earliest first.")
    async def seasons(self, info: Info) -> list[int]:
        return sorted({season.year for season in await self._seasons(info)})

    @strawberry.field(description="The player in each season and club, earliest season first.")
    async def players(self, info: Info) -> list[Player]:
        return [Player(row=row) for row in await self._players(info)]

    async def _players(self, info: Info) -> list[PlayerRow]:
        return await all_time.person_players(info.context, self.scored.person)

    async def _seasons(self, info: Info) -> list[SeasonRow]:
        rows = await info.context.loaders.season.load_many([p.season_id for p in await self._players(info)])
        return [row for row in rows if row is not None]


@strawberry.type(description="All-time scorers, paged.")
class AllTimeScorerConnection(PagedList[AllTimeScorer]):
    pass


async def all_time_scorers(
    info: Info, first: First = None, after: After = None, last: Last = None, before: Before = None
) -> AllTimeScorerConnection | None:
    listed = all_time.all_time_scorers()
    page = await listed.page(info.context, PageRequest(first, after, last, before))
    nodes = [AllTimeScorer(scored=all_time.PersonGoals(row.person, int(row.goals))) for row in page.rows]
    return connection(AllTimeScorerConnection, page, nodes, listed)


all_time_scorers_field = strawberry.field(
    resolver=all_time_scorers,
    description="Scorers over every loaded season, most goals first (then by person key). Goals are summed per "
    "person across seasons where the wikitext links the player; own goals are left out; a player the text does "
    "not link counts only his own season's goals.",
)
