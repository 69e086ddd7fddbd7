"""The request's database connection: opened by its first statement, used by one statement at a time.

GraphQL resolves sibling fields concurrently, but a connection runs one statement at a time: every query of
a request goes through this wrapper, which runs them one after another and returns materialised rows.

Every statement of a request reads one snapshot: the connection begins a read-only repeatable-read transaction on
PostgreSQL, a read transaction on SQLite, before the first statement, and rolls it back when the request ends. So
a response never mixes two imports. When asked, the first statement reads the data version, so that a response
cache stores the response under the version it was read at.
Rows are plain SQLAlchemy Core rows, read by column name (`goal.minute`): the API only reads, so ORM
objects, their identity map and change tracking would buy nothing and cost most of a statement's time.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Dialect, Executable, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from db import models
from db.errors import is_outage
from football.errors import DatabaseUnavailable
from resolvers.waves import Waves

# The engine runs in autocommit mode (see `db.engine.async_engine`): the transaction is begun by hand.
_BEGIN = {"postgresql": "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "sqlite": "BEGIN"}


class Database:
    """Serialised access to one connection of `engine`, in one read transaction; `read_version` reads the data
    version first (into `version`)."""

    def __init__(self, engine: AsyncEngine, *, read_version: bool = False) -> None:
        self._engine = engine
        self._read_version = read_version
        self.version: int | None = None
        """The data version this request's snapshot holds (read only when asked)."""
        self._connection: AsyncConnection | None = None
        self._driver: Any = None
        """The driver's own connection under `_connection` (psycopg's or aiosqlite's), got once."""
        self._lock = asyncio.Lock()
        self.waves = Waves()
        self.statements = 0
        """How many statements the request has run: the one count, which the access line, the metrics and (with
        CUPQL_DEBUG_SQL=1) the response's `extensions.sql` report."""
        self.recorded: list[str] | None = None
        """While a list, the SQL of every statement run is added to it (a compiled plan's, with CUPQL_DEBUG_SQL=1)."""
        self._closed = False

    async def execute(self, statement: Executable) -> list[Any]:
        """Every row; a row reads like a tuple and by column name. An outage raises ``DatabaseUnavailable``."""
        async with self._statement() as connection:
            if self.recorded is not None:
                self.recorded.append(str(statement.compile(dialect=self._engine.dialect)))  # type: ignore[attr-defined]
            return list((await connection.execute(statement)).all())

    @contextlib.asynccontextmanager
    async def _statement(self) -> AsyncIterator[AsyncConnection]:
        """The connection, for one statement at a time, opened by the first; outages raise ``DatabaseUnavailable``."""
        async with self._lock:
            if self._closed:
                # A batch left over from a request that has ended (a failed field cancels its siblings, not
                # their loads) must not open a connection that nothing would return.
                raise RuntimeError("the request's database connection is closed")
            try:
                if self._connection is None:
                    self._connection = await self._begin()
                self.statements += 1
                yield self._connection
            except Exception as error:
                if is_outage(error):
                    raise DatabaseUnavailable() from error
                raise

    async def _begin(self) -> AsyncConnection:
        connection = await self._engine.connect()
        try:
            self._driver = (await connection.get_raw_connection()).driver_connection
            await (await self._driver.execute(_BEGIN[connection.dialect.name])).close()
            if self._read_version:
                self.statements += 1
                self.version = await connection.scalar(
                    select(models.DataVersionRow.version).where(models.DataVersionRow.id == 1)
                )
        except BaseException:
            await connection.close()
            raise
        return connection

    @property
    def dialect(self) -> Dialect:
        return self._engine.dialect

    async def driver_rows(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """The rows of `sql` (compiled for `dialect`), run on the driver's own connection (psycopg's or aiosqlite's),
        without SQLAlchemy's execution machinery: for statements compiled once (`resolvers.plan_statements`). It counts
        in `statements` like any other.
        """
        async with self._statement():
            if self.recorded is not None:
                self.recorded.append(sql)
            cursor = await self._driver.execute(sql, parameters)
            try:
                return list(await cursor.fetchall())
            finally:
                await cursor.close()

    async def close(self) -> None:
        """End the request's use of the database: stop its waves, end its transaction, return the connection."""
        self._closed = True
        await self.waves.cancel()
        async with self._lock:
            if self._connection is not None:
                connection, self._connection, self._driver = self._connection, None, None
                try:
                    # The driver's rollback() ends the transaction begun by hand (both drivers send ROLLBACK when
                    # one is open), and clears what a statement cancelled halfway left behind.
                    await connection.rollback()
                except Exception as error:
                    if not is_outage(error):
                        raise
                    # The connection broke with the database: the pool replaces it.
                finally:
                    await connection.close()

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
