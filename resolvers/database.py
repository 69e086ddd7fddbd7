"""The request's database session, used by one statement at a time.

GraphQL resolves sibling fields concurrently, but an AsyncSession allows no concurrent use: every query of a
request goes through this wrapper, which runs them one after another and returns materialised rows.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import Executable
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
        async with self._lock:
            return list((await self._session.scalars(statement)).all())

    async def execute(self, statement: Executable) -> list[tuple[Any, ...]]:
        """Every row, as a tuple."""
        async with self._lock:
            return [tuple(row) for row in (await self._session.execute(statement)).all()]

    async def scalar(self, statement: Executable) -> Any:
        """The first column of the first row, or None."""
        async with self._lock:
            return await self._session.scalar(statement)
