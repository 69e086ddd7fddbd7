"""The data version this process serves: read from the database at most once per refresh interval.

Every `cupql load` bumps the version in its own transaction (see `db.store.bump_data_version`). A worker reads
it again once `refresh_seconds` have passed since its last read, during the first request after that, so every
worker of every server on the database stops serving older responses within `refresh_seconds` of an import
(plus the length of the requests already running).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from db import models

logger = logging.getLogger(__name__)


class DataVersion:
    """The last data version read, and when; `current()` reads it again when it may be stale."""

    def __init__(self, engine: AsyncEngine, refresh_seconds: float, on_change: Callable[[], None]) -> None:
        self._engine = engine
        self._refresh_seconds = refresh_seconds
        self._on_change = on_change
        self._version: int | None = None
        self._read_at = -float("inf")
        self._lock = asyncio.Lock()

    async def current(self) -> int | None:
        """The data version, or None while it cannot be read (then nothing may be cached)."""
        if time.monotonic() - self._read_at >= self._refresh_seconds:
            async with self._lock:
                if time.monotonic() - self._read_at >= self._refresh_seconds:
                    await self._read()
        return self._version

    async def _read(self) -> None:
        try:
            async with self._engine.connect() as connection:
                version = await connection.scalar(
                    select(models.DataVersionRow.version).where(models.DataVersionRow.id == 1)
                )
        except SQLAlchemyError as error:
            # Keep what is cached: an unreachable database cannot take an import either.
            logger.warning("cannot read the data version: %s", type(error).__name__)
            version = self._version
        self._read_at = time.monotonic()
        if version != self._version:
            self._version = version
            self._on_change()
