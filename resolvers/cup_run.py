"""A club's cup run: its matches in order, with results, and how far it went and who knocked it out."""

from __future__ import annotations

from dataclasses import dataclass

from db import models
from football.vocabulary import RoundKind
from resolvers.context import Context


@dataclass(frozen=True)
class Step:
    match: models.MatchRow
    home: bool
    goals_for: int
    goals_against: int

    @property
    def result(self) -> str:
        if self.match.awarded and self.match.winner_id:
            club = self.match.home_id if self.home else self.match.away_id
            return "WIN" if self.match.winner_id == club else "LOSS"
        if self.goals_for == self.goals_against:
            return "DRAW"
        return "WIN" if self.goals_for > self.goals_against else "LOSS"


@dataclass(frozen=True)
class CupRunData:
    steps: list[Step]
    furthest_round: RoundKind | None
    eliminated_in: RoundKind | None
    eliminated_by: str | None
    is_winner: bool

    def count(self, result: str) -> int:
        return sum(step.result == result for step in self.steps)


async def cup_run(context: Context, season: models.SeasonRow, club_id: str) -> CupRunData:
    """The run of `club_id` in `season`, from its matches (one batched load)."""
    return cup_run_of(season, club_id, await context.loaders.matches_by_club.load((season.id, club_id)))


def cup_run_of(season: models.SeasonRow, club_id: str, matches: list[models.MatchRow]) -> CupRunData:
    """The run of `club_id` in `season` from its matches in the order played (`Loaders.matches_by_club`)."""
    steps = [
        Step(
            match=m,
            home=m.home_id == club_id,
            goals_for=(m.home_score if m.home_id == club_id else m.away_score) or 0,
            goals_against=(m.away_score if m.home_id == club_id else m.home_score) or 0,
        )
        for m in matches
    ]
    furthest = max((m.round for m in matches), key=lambda kind: kind.order, default=None)
    eliminated_in: RoundKind | None = None
    eliminated_by: str | None = None
    # Only a finished season (one with a winner) proves that every other club went out in its last round,
    # to the opponent it met there; that keeps the run to the club's own matches, one batched load.
    if season.winner_id and season.winner_id != club_id and steps:
        last = steps[-1].match
        eliminated_in = furthest
        if furthest is not RoundKind.GROUP_STAGE:
            eliminated_by = last.away_id if last.home_id == club_id else last.home_id
    return CupRunData(
        steps=steps,
        furthest_round=furthest,
        eliminated_in=eliminated_in,
        eliminated_by=eliminated_by,
        is_winner=season.winner_id == club_id,
    )
