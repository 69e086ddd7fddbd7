"""What a match's score counts as goals: the same figure everywhere (`goalCount`, group-bys, aggregates)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import case, func

from db import models


def scored(score: Any, awarded: Any) -> Any:
    """The goals a score column counts as scored on the pitch: none for an awarded result or a walkover."""
    return case((awarded.is_(True), 0), else_=func.coalesce(score, 0))


GOALS_SCORED = scored(models.MatchRow.home_score, models.MatchRow.awarded) + scored(
    models.MatchRow.away_score, models.MatchRow.awarded
)
"""A match's goals, the figure `Season.goalCount` adds up and `goals.totalCount` counts."""
