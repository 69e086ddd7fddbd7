"""A club's cup run in one season: its matches from its side, how far it went and who knocked it out."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

import strawberry
from strawberry import Private
from strawberry.utils.await_maybe import AwaitableOrValue

from resolvers.cup_run import CupRunData, Step
from schema import club, match
from schema.enums import RoundKind
from schema.refs import ClubRef, MatchRef
from schema.relay import Info

if TYPE_CHECKING:
    from schema.club import Club


@strawberry.enum(description="Whether a club won, drew or lost a match.")
class Result(enum.Enum):
    WIN = "WIN"
    DRAW = "DRAW"
    LOSS = "LOSS"


@strawberry.enum(description="Where a club played a match, as the article lists it (home team first).")
class Venue(enum.Enum):
    HOME = "HOME"
    AWAY = "AWAY"


@strawberry.type(description="One match of a club's cup run, seen from the club's side.")
class CupRunStep:
    step: Private[Step]

    @strawberry.field(description="The match.")
    def match(self) -> MatchRef:
        return match.Match(row=self.step.match)

    @strawberry.field(description="The round of the match.")
    def round(self) -> RoundKind:
        return self.step.match.round

    @strawberry.field(description="1 or 2 in a two-legged tie, else null.")
    def leg(self) -> int | None:
        return self.step.match.leg

    @strawberry.field(description="The other club.", graphql_type=ClubRef)
    def opponent(self, info: Info) -> AwaitableOrValue[Club]:
        m = self.step.match
        return club.club_required(info, m.season_id, m.away_id if self.step.home else m.home_id)

    @strawberry.field(description="HOME when the article lists the club first.")
    def venue(self) -> Venue:
        return Venue.HOME if self.step.home else Venue.AWAY

    @strawberry.field(description="Goals the club scored.")
    def goals_for(self) -> int:
        return self.step.goals_for

    @strawberry.field(description="Goals the club conceded.")
    def goals_against(self) -> int:
        return self.step.goals_against

    @strawberry.field(description="The match's result for the club (a two-legged tie's legs each have one).")
    def result(self) -> Result:
        return Result(self.step.result)


@strawberry.type(description="A club's path through the cup.")
class CupRun:
    data: Private[CupRunData]
    season_id: Private[str]

    @strawberry.field(description="The club's matches in the order played.")
    def steps(self) -> list[CupRunStep]:
        return [CupRunStep(step=s) for s in self.data.steps]

    @strawberry.field(description="The last round the club played in.")
    def furthest_round(self) -> RoundKind | None:
        return self.data.furthest_round

    @strawberry.field(
        description="The round the club went out in; null for the winner, and for every club while the "
        "season has no winner yet."
    )
    def eliminated_in(self) -> RoundKind | None:
        return self.data.eliminated_in

    @strawberry.field(
        description="The club that knocked it out; null for the winner or a group-stage exit.",
        graphql_type=ClubRef | None,
    )
    def eliminated_by(self, info: Info) -> AwaitableOrValue[Club | None]:
        return club.club_of(info, self.season_id, self.data.eliminated_by)

    @strawberry.field(description="Whether the club won the cup.")
    def is_winner(self) -> bool:
        return self.data.is_winner

    @strawberry.field(description="Matches played.")
    def played(self) -> int:
        return len(self.data.steps)

    @strawberry.field(description="Matches won.")
    def won(self) -> int:
        return self.data.count("WIN")

    @strawberry.field(description="Matches drawn.")
    def drawn(self) -> int:
        return self.data.count("DRAW")

    @strawberry.field(description="Matches lost.")
    def lost(self) -> int:
        return self.data.count("LOSS")

    @strawberry.field(description="Goals scored over the run.")
    def goals_for(self) -> int:
        return sum(s.goals_for for s in self.data.steps)

    @strawberry.field(description="Goals conceded over the run.")
    def goals_against(self) -> int:
        return sum(s.goals_against for s in self.data.steps)
