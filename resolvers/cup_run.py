"""A club's cup run: its matches in order, with results, and how far it went and who knocked it out."""

from __future__ import annotations

from dataclasses import dataclass

from cupql.article.season import RoundKind
from db import models
from resolvers.context import Context


@dataclass(frozen=True)
class Step:
    match: models.Match
    home: bool
    goals_for: int
    goals_against: int

    @property
    def result(self) -> str:
        if self.goals_for == self.goals_against:
            return "DRAW"
        return "WIN" if self.goals_for > self.goals_against else "LOSS"


@dataclass(frozen=True)
class CupRun:
    club_id: str
    steps: list[Step]
    furthest_round: RoundKind | None
    eliminated_in: RoundKind | None
    eliminated_by: str | None
    is_winner: bool

    def count(self, result: str) -> int:
        return sum(step.result == result for step in self.steps)


async def cup_run(context: Context, season: models.Season, club_id: str) -> CupRun:
    """The run of `club_id` in `season`, from its matches and the ties it played (batched loaders)."""
    matches = await context.loaders.matches_by_club.load((season.id, club_id))
    steps = [
        Step(
            match=m,
            home=m.home_id == club_id,
            goals_for=m.home_score if m.home_id == club_id else m.away_score,
            goals_against=m.away_score if m.home_id == club_id else m.home_score,
        )
        for m in matches
    ]
    furthest = max((m.round for m in matches), key=lambda kind: kind.order, default=None)
    tie_ids = sorted({m.tie_id for m in matches if m.tie_id})
    ties = [tie for tie in await context.loaders.tie.load_many(tie_ids) if tie is not None]
    lost = sorted((t for t in ties if t.winner_id and t.winner_id != club_id), key=lambda t: t.round.order)
    eliminated_in: RoundKind | None = None
    eliminated_by: str | None = None
    if lost:
        eliminated_in, eliminated_by = lost[-1].round, lost[-1].winner_id
    elif furthest is RoundKind.GROUP_STAGE and season.winner_id:
        # Only a finished season (one with a winner) says for sure that a group-stage club went no further.
        eliminated_in = RoundKind.GROUP_STAGE
    return CupRun(
        club_id=club_id,
        steps=steps,
        furthest_round=furthest,
        eliminated_in=eliminated_in,
        eliminated_by=eliminated_by,
        is_winner=season.winner_id == club_id,
    )
