"""A knockout tie: its type, and the `ties` field of the root."""

from __future__ import annotations

from typing import TYPE_CHECKING

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import AwaitableOrValue

from resolvers.lookup import season_for
from resolvers.rows import SeasonRow, TieRow
from schema import club, match
from schema.enums import RoundKind, TieDecision
from schema.links import RoundFilter
from schema.refs import ClubRef, MatchRef
from schema.relay import Info, Node, SeasonYear

if TYPE_CHECKING:
    from schema.club import Club


async def season_ties(info: Info, season: SeasonRow, round: RoundKind | None) -> list[Tie]:
    """The season's ties in round order (only `round`'s when given), in playing order within a round."""
    rows = await info.context.loaders.ties_by_season.load(season.id)
    chosen = [t for t in rows if round is None or t.round is round]
    # The loader lists ties in playing order; a stable sort keeps it within each round.
    return [Tie(row=t) for t in sorted(chosen, key=lambda t: t.round.order)]


@strawberry.type(description="A knockout pairing: one match, or two legs with an aggregate.")
class Tie(Node):
    row: Private[TieRow]

    def key(self) -> str:
        return self.row.id

    @strawberry.field(description="The round.")
    def round(self) -> RoundKind:
        return self.row.round

    @strawberry.field(description="The matches, first leg first.")
    async def legs(self, info: Info) -> list[MatchRef]:
        return [match.Match(row=m) for m in await info.context.loaders.matches_by_tie.load(self.row.id)]

    @strawberry.field(description="The club at home in the (first) match.", graphql_type=ClubRef)
    def home(self, info: Info) -> AwaitableOrValue[Club]:
        return club.club_required(info, self.row.season_id, self.row.home_id)

    @strawberry.field(description="The club away in the (first) match.", graphql_type=ClubRef)
    def away(self, info: Info) -> AwaitableOrValue[Club]:
        return club.club_required(info, self.row.season_id, self.row.away_id)

    @strawberry.field(description="The home club's goals over all legs.")
    def home_aggregate(self) -> int:
        return self.row.home_aggregate

    @strawberry.field(description="The away club's goals over all legs.")
    def away_aggregate(self) -> int:
        return self.row.away_aggregate

    @strawberry.field(description='The aggregate as text, home club first, e.g. "1-4".')
    def aggregate(self) -> str:
        return f"{self.row.home_aggregate}-{self.row.away_aggregate}"

    @strawberry.field(description="The club that went through.", graphql_type=ClubRef | None)
    def winner(self, info: Info) -> AwaitableOrValue[Club | None]:
        return club.club_of(info, self.row.season_id, self.row.winner_id)

    @strawberry.field(description="What settled the tie; null where nothing the article says settles it.")
    def decided_by(self) -> TieDecision | None:
        return self.row.decided_by

    @strawberry.field(description="The home club's kicks scored in the deciding shoot-out; null without one.")
    def home_penalties(self) -> int | None:
        return self.row.home_penalties

    @strawberry.field(description="The away club's kicks scored in the deciding shoot-out; null without one.")
    def away_penalties(self) -> int | None:
        return self.row.away_penalties

    @strawberry.field(description="The club that went out.", graphql_type=ClubRef | None)
    def loser(self, info: Info) -> AwaitableOrValue[Club | None]:
        r = self.row
        if r.winner_id is None:
            return None
        return club.club_of(info, r.season_id, r.away_id if r.winner_id == r.home_id else r.home_id)


async def ties(info: Info, round: RoundFilter = None, season: SeasonYear = None) -> list[Tie] | None:
    return await season_ties(info, await season_for(info.context, season), round)


ties_field = strawberry.field(
    resolver=ties, description="The knockout ties of `round`, or of every round when omitted."
)
