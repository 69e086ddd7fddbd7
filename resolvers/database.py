"""The request's database connection: opened by its first statement, used by one statement at a time.

GraphQL resolves sibling fields concurrently, but a connection runs one statement at a time: every query of
a request goes through this wrapper, which runs them one after another and returns materialised rows.
Rows are plain SQLAlchemy Core rows, read by column name (`goal.minute`): the API only reads, so ORM
objects, their identity map and change tracking would buy nothing and cost most of a statement's time.
"""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import Executable
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db.errors import is_outage
from football.errors import DatabaseUnavailable
from resolvers.waves import Waves


class Database:
    """Serialised access to one connection of `engine` (in autocommit mode: see `db.engine.async_engine`)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._connection: AsyncConnection | None = None
        self._lock = asyncio.Lock()
        self.waves = Waves()
        self.statements = 0
        """How many statements the request has run (reported with CUPQL_DEBUG_SQL=1)."""
        self.recorded: list[str] | None = None
        """While a list, the SQL of every statement run is added to it (a compiled plan's, with CUPQL_DEBUG_SQL=1)."""
        self._closed = False

    async def execute(self, statement: Executable) -> list[Any]:
        """Every row; a row reads like a tuple and by column name. An outage raises ``DatabaseUnavailable``."""
        async with self._lock:
            if self._closed:
                # A batch left over from a request that has ended (a failed field cancels its siblings, not
                # their loads) must not open a connection that nothing would return.
                raise RuntimeError("the request's database connection is closed")
            try:
                if self._connection is None:
                    self._connection = await self._engine.connect()
                self.statements += 1
                if self.recorded is not None:
                    self.recorded.append(str(statement.compile(dialect=self._engine.dialect)))  # type: ignore[attr-defined]
                return list((await self._connection.execute(statement)).all())
            except Exception as error:
                if is_outage(error):
                    raise DatabaseUnavailable() from error
                raise

    async def close(self) -> None:
        """End the request's use of the database: stop its waves and return the connection to the pool."""
        self._closed = True
        await self.waves.cancel()
        async with self._lock:
            if self._connection is not None:
                await self._connection.close()
                self._connection = None

    async def scalars(self, statement: Executable) -> list[Any]:
        """The first column of every row."""
        return [row[0] for row in await self.execute(statement)]

    async def scalar(self, statement: Executable) -> Any:
        """The first column of the first row, or None."""
        rows = await self.execute(statement)
        return rows[0][0] if rows else None

    async def first(self, statement: Executable) -> Any:
        """The first row, or None."""
        rows = await self.execute(statement)
        return rows[0] if rows else None
