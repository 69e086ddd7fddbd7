"""The data version this process serves: read from the database at most once per refresh interval.

Every `cupql load` bumps the version in its own transaction (see `db.store.bump_data_version`). A worker reads
it again during the first request after `refresh_seconds` have passed since its last read; requests that arrive
while that read runs go on with the version last read. So every worker of every server on the database stops
serving older responses within `refresh_seconds` plus one read (at most `READ_TIMEOUT_SECONDS`) of an import,
plus the length of the requests already running.

The read uses a connection of its own, outside the request pool, so a busy pool cannot hold it up. When reads
fail for longer than `STALE_AFTER_REFRESHES` intervals the version is unknown (None) and nothing is cached until
a read succeeds again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from db import models
from db.engine import unpooled_async_engine

logger = logging.getLogger(__name__)

READ_TIMEOUT_SECONDS = 2.0
STALE_AFTER_REFRESHES = 3


class DataVersion:
    """The last data version read, and when; `current()` reads it again when it may be stale."""

    def __init__(self, database_url: str, refresh_seconds: float, on_change: Callable[[], None]) -> None:
        self._engine = unpooled_async_engine(database_url)
        self._refresh_seconds = refresh_seconds
        self._on_change = on_change
        self._version: int | None = None
        self._read_at = -float("inf")
        self._reading = False

    async def current(self) -> int | None:
        """The data version, or None while it is unknown (then nothing may be cached)."""
        now = time.monotonic()
        if now - self._read_at >= self._refresh_seconds and not self._reading:
            self._reading = True
            try:
                await self._read()
            finally:
                self._reading = False
        if time.monotonic() - self._read_at > self._refresh_seconds * STALE_AFTER_REFRESHES + READ_TIMEOUT_SECONDS:
            return None
        return self._version

    async def close(self) -> None:
        """Close the connection pool of the version reads."""
        await self._engine.dispose()

    async def _read(self) -> None:
        try:
            async with asyncio.timeout(READ_TIMEOUT_SECONDS), self._engine.connect() as connection:
                version = await connection.scalar(
                    select(models.DataVersionRow.version).where(models.DataVersionRow.id == 1)
                )
        except (SQLAlchemyError, OSError, TimeoutError) as error:
            logger.warning("cannot read the data version: %s", type(error).__name__)
            return
        self._read_at = time.monotonic()
        if version != self._version:
            self._version = version
            self._on_change()
