"""The per-request context: the request's database connection, its DataLoaders and the limits."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from db import models
from football.errors import NotFound
from football.limits import QueryLimits
from resolvers.database import Database
from resolvers.loaders import Loaders
from resolvers.plan_statements import LATEST_SEASON, SEASON_OF_YEAR


@dataclass
class Context:
    """What every resolver receives; created by the HTTP layer for each request."""

    database: Database
    loaders: Loaders
    limits: QueryLimits
    # Loaders made on demand, keyed by what they read (see resolvers/nested.py).
    nested: dict[tuple[str, ...], Any] = field(default_factory=dict)
    _years: dict[int | None, asyncio.Future[models.SeasonRow | None]] = field(default_factory=dict)

    @classmethod
    def create(cls, engine: AsyncEngine, limits: QueryLimits, *, read_version: bool = False) -> Context:
        database = Database(engine, read_version=read_version)
        return cls(database=database, loaders=Loaders(database), limits=limits)

    async def season_of_year(self, year: int | None) -> models.SeasonRow:
        """The season of `year`, or the latest; fetched once per request however many fields ask at once."""
        if year not in self._years:
            self._years[year] = asyncio.ensure_future(self._fetch_season(year))
        season = await self._years[year]
        if season is None:
            # A fresh error for every field that asked: graphql-core records each one's own path on it.
            raise NotFound(await self._no_season(year))
        return season

    async def _fetch_season(self, year: int | None) -> models.SeasonRow | None:
        if year is None:
            rows = await LATEST_SEASON.rows(self.database)
        else:
            rows = await SEASON_OF_YEAR.rows(self.database, year=year)
        season: models.SeasonRow | None = rows[0] if rows else None
        if season is not None:
            self.loaders.season.prime(season.id, season)
        return season

    async def _no_season(self, year: int | None) -> str:
        if year is None:
            return "No season is loaded yet: run `cupql load`."
        years = await self.database.scalars(
            select(models.SeasonRow.year).distinct().order_by(models.SeasonRow.year.desc())
        )
        shown = ", ".join(str(y) for y in years[:10]) + (f" and {len(years) - 10} more" if len(years) > 10 else "")
        return f"No season {year}; the seasons loaded are: {shown}."
