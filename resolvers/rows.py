"""The rows resolvers hand to the schema: read-only records typed as the database models they come from.

The schema wraps them in its types and reads their columns; it never builds a statement of its own.
"""

from __future__ import annotations

from db.models import (
    CardRow,
    ClubRow,
    GoalRow,
    GroupRow,
    MatchRow,
    PlayerRow,
    RoundRow,
    ScorerEntryRow,
    SeasonRow,
    StandingRow,
    TieRow,
)
from resolvers.loaders import ClubInSeason

__all__ = [
    "CardRow",
    "ClubInSeason",
    "ClubRow",
    "GoalRow",
    "GroupRow",
    "MatchRow",
    "PlayerRow",
    "RoundRow",
    "ScorerEntryRow",
    "SeasonRow",
    "StandingRow",
    "TieRow",
]
