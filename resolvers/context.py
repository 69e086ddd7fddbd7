"""The per-request context: one database session, its DataLoaders, the limits and the SQL statement count."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from db import models
from resolvers.database import Database
from resolvers.loaders import Loaders
from schema.limits import QueryLimits


@dataclass
class SqlCounter:
    """How many SQL statements this request has run (reported with CUPQL_DEBUG_SQL=1)."""

    statements: int = 0


@dataclass
class Context:
    """What every resolver receives; created by the HTTP layer for each request."""

    database: Database
    loaders: Loaders
    limits: QueryLimits
    sql: SqlCounter = field(default_factory=SqlCounter)
    # Loaders made on demand, keyed by what they read (see resolvers/nested.py).
    nested: dict[tuple[str, ...], Any] = field(default_factory=dict)
    _seasons: list[models.Season] | None = None
    _seasons_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @classmethod
    def create(cls, session: AsyncSession, limits: QueryLimits) -> Context:
        database = Database(session)
        return cls(database=database, loaders=Loaders.create(database), limits=limits)

    async def seasons(self) -> list[models.Season]:
        """Every season, newest first (fetched once per request, however many fields ask at once)."""
        async with self._seasons_lock:
            if self._seasons is None:
                statement = select(models.Season).order_by(models.Season.year.desc(), models.Season.id)
                seasons = await self.database.scalars(statement)
                for season in seasons:
                    self.loaders.season.prime(season.id, season)
                self._seasons = seasons
        return self._seasons
