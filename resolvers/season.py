"""The loaded seasons, latest first."""

from __future__ import annotations

from sqlalchemy import select

from db import models
from resolvers.cursor_pages import ListQuery


def season_query() -> ListQuery[models.SeasonRow]:
    """Every loaded season, latest first."""
    return ListQuery(select(models.SeasonRow), (models.SeasonRow.year.desc(), models.SeasonRow.id))
