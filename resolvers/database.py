"""The request's database session, used by one statement at a time.

GraphQL resolves sibling fields concurrently, but an AsyncSession allows no concurrent use: every query of a
request goes through this wrapper, which runs them one after another and returns materialised rows.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import Executable
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from resolvers.waves import Waves


class Database:
    """Serialised access to one AsyncSession."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session
        self._lock = asyncio.Lock()
        self.waves = Waves()

    async def scalars(self, statement: Executable) -> list[Any]:
        """The first column of every row."""
        return [row[0] for row in await self.execute(statement)]

    async def execute(self, statement: Executable) -> list[tuple[Any, ...]]:
        """Every row, as a tuple."""
        async with self._lock:
            try:
                return [tuple(row) for row in (await self._session.execute(statement)).all()]
            except DBAPIError:
                # A failed statement aborts a PostgreSQL transaction; start afresh so sibling fields still run.
                await self._session.rollback()
                raise

    async def scalar(self, statement: Executable) -> Any:
        """The first column of the first row, or None."""
        rows = await self.execute(statement)
        return rows[0][0] if rows else None
