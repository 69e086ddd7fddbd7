"""A season: its type, how far to trust it, and the `season`/`seasons` fields of the root."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import await_maybe

from resolvers.cursor_pages import PageRequest
from resolvers.lookup import season_for
from resolvers.player import TOP_SCORERS
from resolvers.rows import SeasonRow
from resolvers.season import season_query
from schema import club, group, player, round_info, tie
from schema.enums import Attribution
from schema.links import TOP_SCORERS_DESCRIPTION, RoundFilter, TopScorersFirst, required
from schema.refs import ClubRef, GroupRef, RoundInfoRef, ScorerRef, TieRef
from schema.relay import After, Before, First, Info, Last, Node, PagedList, SeasonYear, connection


async def season_of(info: Info, season_id: str) -> Season:
    """The Season object of `season_id`, which the data says exists."""
    return Season(row=required(f"season {season_id}", await info.context.loaders.season.load(season_id)))


@strawberry.type(description="One edition of a competition: its dates, clubs, results and how far to trust them.")
class Season(Node):
    row: Private[SeasonRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The year the season was played in, e.g. 2024.")
    def year(self) -> int:
        return self.row.year

    @strawberry.field(description='The season\'s name, e.g. "2024 Kazakhstan Cup".')
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="The edition number (e.g. 32 for the 32nd season), when the article says it.")
    def edition(self) -> int | None:
        return self.row.edition

    @strawberry.field(description="The sponsor's name for the competition, when the article gives one.")
    def sponsor_name(self) -> str | None:
        return self.row.sponsor_name

    @strawberry.field(description="The first day of the season, as announced.")
    def start_date(self) -> dt.date | None:
        return self.row.start_date

    @strawberry.field(description="The last day of the season, as announced.")
    def end_date(self) -> dt.date | None:
        return self.row.end_date

    @strawberry.field(description="Last season's winner, when it took part in this season too.")
    async def defending_champion(self, info: Info) -> ClubRef | None:
        return await await_maybe(club.club_of(info, self.row.id, self.row.defending_champion_id))

    @strawberry.field(description="Last season's winner's name, as the article gives it (whether or not it took part).")
    async def defending_champion_name(self, info: Info) -> str | None:
        if self.row.defending_champion_id is None:
            return None
        club = await info.context.loaders.club_by_id.load(self.row.defending_champion_id)
        return club.name if club else None

    @strawberry.field(description="The club that won the final.")
    async def winner(self, info: Info) -> ClubRef | None:
        return await await_maybe(club.club_of(info, self.row.id, self.row.winner_id))

    @strawberry.field(description="The club that lost the final.")
    async def runner_up(self, info: Info) -> ClubRef | None:
        return await await_maybe(club.club_of(info, self.row.id, self.row.runner_up_id))

    @strawberry.field(description="How many clubs took part.")
    async def club_count(self, info: Info) -> int:
        return (await info.context.loaders.season_totals.load(self.row.id)).clubs

    @strawberry.field(description="How many matches were played.")
    async def match_count(self, info: Info) -> int:
        return (await info.context.loaders.season_totals.load(self.row.id)).matches

    @strawberry.field(description="How many goals were scored (the sum of the scores).")
    async def goal_count(self, info: Info) -> int:
        return (await info.context.loaders.season_totals.load(self.row.id)).goals

    @strawberry.field(description="Goals per match, rounded to two decimals.")
    async def average_goals_per_match(self, info: Info) -> float | None:
        totals = await info.context.loaders.season_totals.load(self.row.id)
        return round(totals.goals / totals.matches, 2) if totals.matches else None

    @strawberry.field(description="The rounds in playing order, with the article's schedule.")
    async def rounds(self, info: Info) -> list[RoundInfoRef]:
        return await round_info.season_rounds(info, self.row)

    @strawberry.field(description="The groups of the group stage, by name.")
    async def groups(self, info: Info) -> list[GroupRef]:
        return await group.season_groups(info, self.row)

    @strawberry.field(description="The knockout ties, in round order; only `round`'s when given.")
    async def ties(self, info: Info, round: RoundFilter = None) -> list[TieRef]:
        return await tie.season_ties(info, self.row, round)

    @strawberry.field(description=TOP_SCORERS_DESCRIPTION)
    async def top_scorers(self, info: Info, first: TopScorersFirst = TOP_SCORERS) -> list[ScorerRef]:
        return await player.scorers(info, self.row, first)

    @strawberry.field(description="What the importer checked, and every disagreement it found in the article.")
    async def data_quality(self, info: Info) -> DataQuality:
        return DataQuality(season=self.row)


@strawberry.type(description="Counts of goal attributions.")
class AttributionCounts:
    stated: int = strawberry.field(description="Goals whose scorer the article names.")
    inferred: int = strawberry.field(description="Goals whose scorer the scorer table proves.")
    unknown: int = strawberry.field(description="Goals whose scorer is not known.")


@strawberry.type(description="A contradiction the importer found in the article.")
class Disagreement:
    line: int = strawberry.field(description="The article's line to read.")
    code: str = strawberry.field(description="What kind of check failed, e.g. SCORER_TABLE_TOTAL.")
    message: str = strawberry.field(description="What disagrees with what.")


@strawberry.type(description="How far to trust a season's numbers: the importer's report.")
class DataQuality:
    season: Private[SeasonRow]

    @strawberry.field(description="Matches the infobox says were played.")
    def stated_matches(self) -> int | None:
        return self.season.stated_matches

    @strawberry.field(description="Goals the infobox says were scored.")
    def stated_goals(self) -> int | None:
        return self.season.stated_goals

    @strawberry.field(description="How each goal's scorer is known.")
    async def attributions(self, info: Info) -> AttributionCounts:
        counts = await info.context.loaders.attributions_by_season.load(self.season.id)
        return AttributionCounts(
            stated=counts.get(Attribution.STATED, 0),
            inferred=counts.get(Attribution.INFERRED, 0),
            unknown=counts.get(Attribution.UNKNOWN, 0),
        )

    @strawberry.field(description="Every disagreement, in article order.")
    async def disagreements(self, info: Info) -> list[Disagreement]:
        rows = await info.context.loaders.disagreements_by_season.load(self.season.id)
        return [Disagreement(line=d.line, code=d.code, message=d.message) for d in rows]

    @strawberry.field(description="The article file the season was imported from.")
    def source(self) -> str:
        return self.season.source.rsplit("/", 1)[-1]


@strawberry.type(description="The loaded seasons, latest first, paged.")
class SeasonConnection(PagedList[Season]):
    pass


async def seasons(
    info: Info, first: First = None, after: After = None, last: Last = None, before: Before = None
) -> SeasonConnection | None:
    query = season_query()
    page = await query.page(info.context, PageRequest(first, after, last, before))
    return connection(SeasonConnection, page, [Season(row=row) for row in page.rows], query)


async def by_year(info: Info, year: SeasonYear = None) -> Season | None:
    return Season(row=await season_for(info.context, year))


seasons_field = strawberry.field(resolver=seasons, description="The loaded seasons, latest first, paged.")
season_field = strawberry.field(resolver=by_year, description="One season by year; the latest when `year` is omitted.")
