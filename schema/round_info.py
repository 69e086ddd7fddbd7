"""A round of the cup with the article's schedule: its type, and the `rounds` field of the root."""

from __future__ import annotations

import datetime as dt

import strawberry
from strawberry import Private

from resolvers.lookup import season_for
from resolvers.rows import RoundRow, SeasonRow
from schema import match
from schema.enums import RoundKind
from schema.refs import MatchRef
from schema.relay import Info, Node, SeasonYear


async def season_rounds(info: Info, season: SeasonRow) -> list[RoundInfo]:
    """The season's rounds in playing order."""
    rows = await info.context.loaders.rounds_by_season.load(season.id)
    return [RoundInfo(row=r) for r in sorted(rows, key=lambda r: r.kind.order)]


@strawberry.type(description="A round of the cup, with the article's schedule.")
class RoundInfo(Node):
    row: Private[RoundRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The round.")
    def round(self) -> RoundKind:
        return self.row.kind

    @strawberry.field(description='The round\'s name in words, e.g. "Quarter-finals".')
    def name(self) -> str:
        return self.row.kind.value

    @strawberry.field(description="Clubs still in the cup when the round began (the format table).")
    def clubs_remaining(self) -> int | None:
        return self.row.clubs_remaining

    @strawberry.field(description="Clubs playing in the round (the format table).")
    def clubs_involved(self) -> int | None:
        return self.row.clubs_involved

    @strawberry.field(description="The day the round's first match was played; null before any was.")
    async def first_match_date(self, info: Info) -> dt.date | None:
        rows = await info.context.loaders.matches_by_round.load((self.row.season_id, self.row.kind))
        return min((m.date for m in rows), default=None)

    @strawberry.field(
        description="The first match date the article's format table gives; where it differs from "
        "`firstMatchDate`, `Season.dataQuality` says so."
    )
    def scheduled_first_match_date(self) -> dt.date | None:
        return self.row.first_match_date

    @strawberry.field(description="Whether ties in this round had two legs.")
    def two_legged(self) -> bool:
        return self.row.two_legged

    @strawberry.field(description="The round's matches in the order played.")
    async def matches(self, info: Info) -> list[MatchRef]:
        rows = await info.context.loaders.matches_by_round.load((self.row.season_id, self.row.kind))
        return [match.Match(row=m) for m in rows]


async def rounds(info: Info, season: SeasonYear = None) -> list[RoundInfo] | None:
    return await season_rounds(info, await season_for(info.context, season))


rounds_field = strawberry.field(
    resolver=rounds, description="The rounds in playing order, with the article's schedule."
)
