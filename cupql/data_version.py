"""The data version this process serves: read from the database at most once per refresh interval, and probed at a
bounded rate while the database cannot be reached.

Every `cupql load` bumps the version in its own transaction (see `db.store.bump_data_version`). A worker reads
it again during the first request after `refresh_seconds` have passed since its last read; requests that arrive
while that read runs go on with the version last read. So every worker of every server on the database stops
serving older responses within `refresh_seconds` plus one read (at most `READ_TIMEOUT_SECONDS`) of an import,
plus the length of the requests already running. The read uses a connection of its own, outside the request pool,
so a busy pool cannot hold it up.

When a read fails, or a request finds the database unreachable (`report_outage`), the worker is in an outage:
`current()` is None at once (nothing is served fresh or stored), `last_known` is the version last read (the
response cache serves what it holds for it, marked stale), and a background probe reads the version again after
`FIRST_PROBE_SECONDS`, doubling up to `MAX_PROBE_SECONDS` between failures: a bounded rate, not a connection per
request. The outage is logged once when it begins and once when it ends. A probe that succeeds ends it, after
comparing the version (a changed one empties the cache first, through `on_change`) and calling `on_recover`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from db import models
from db.engine import unpooled_async_engine

logger = logging.getLogger(__name__)

READ_TIMEOUT_SECONDS = 2.0
FIRST_PROBE_SECONDS = 0.1
MAX_PROBE_SECONDS = 0.5


async def _nothing() -> None:
    return None


class DataVersion:
    """The last data version read, and when; `current()` reads it again when it may be stale."""

    def __init__(
        self,
        database_url: str,
        refresh_seconds: float,
        on_change: Callable[[], None],
        on_recover: Callable[[], Awaitable[None]] = _nothing,
    ) -> None:
        self._engine = unpooled_async_engine(database_url)
        self._refresh_seconds = refresh_seconds
        self._on_change = on_change
        self._on_recover = on_recover
        self._version: int | None = None
        self._read_at = -float("inf")
        self._reading = False
        self._outage_since: float | None = None
        self._probe: asyncio.Task[None] | None = None

    @property
    def outage(self) -> bool:
        """Whether the database could not be read last time it was tried."""
        return self._outage_since is not None

    @property
    def last_known(self) -> int | None:
        """The version last read, outage or not (None before the first read succeeds)."""
        return self._version

    async def current(self) -> int | None:
        """The data version, or None while it is unknown or the database is unreachable (then nothing is fresh)."""
        if self.outage:
            return None
        if time.monotonic() - self._read_at >= self._refresh_seconds and not self._reading:
            self._reading = True
            try:
                if not await self._read():
                    self.report_outage()
            finally:
                self._reading = False
        return None if self.outage else self._version

    def report_outage(self) -> None:
        """The database cannot be reached: stop serving fresh, and probe it at a bounded rate until it answers."""
        if self.outage:
            return
        self._outage_since = time.monotonic()
        logger.warning(
            "the database is unreachable: serving cached responses of data version %s, marked stale; "
            "other requests get 503 until it answers again",
            self._version,
        )
        self._probe = asyncio.get_running_loop().create_task(self._probe_until_readable())

    async def close(self) -> None:
        """Stop probing, and close the connection pool of the version reads."""
        if self._probe is not None:
            self._probe.cancel()
        await self._engine.dispose()

    async def _probe_until_readable(self) -> None:
        delay = FIRST_PROBE_SECONDS
        while True:
            await asyncio.sleep(delay)
            if await self._read():
                break
            delay = min(delay * 2, MAX_PROBE_SECONDS)
        await self._on_recover()
        assert self._outage_since is not None
        logger.warning(
            "the database answers again after %.1f s: serving data version %s fresh",
            time.monotonic() - self._outage_since,
            self._version,
        )
        self._outage_since = None
        self._probe = None

    async def _read(self) -> bool:
        """Read the version (emptying the cache through `on_change` when it changed); whether the read succeeded."""
        try:
            async with asyncio.timeout(READ_TIMEOUT_SECONDS), self._engine.connect() as connection:
                version = await connection.scalar(
                    select(models.DataVersionRow.version).where(models.DataVersionRow.id == 1)
                )
        except (SQLAlchemyError, OSError, TimeoutError) as error:
            if not self.outage:
                logger.warning("cannot read the data version: %s", type(error).__name__)
            return False
        self._read_at = time.monotonic()
        if version != self._version:
            self._version = version
            self._on_change()
        return True
