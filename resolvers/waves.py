"""Run the DataLoader batches of a request in waves, so the statement count depends on the query, not the data.

A DataLoader batches the keys asked for in one turn of the event loop. Batches of different loaders finish at
different times, so the loads they trigger (a goal's scorer, a card's player) can land in separate turns and
split one logical batch in two, more or fewer depending on the data. Waves fix that: every batch that becomes
ready while the loop is busy joins the current wave; once the loop has been quiet for a few turns the wave runs
its batches one after another and resolves them all in the same turn. Each level of a query is then one wave
with one statement per loader it uses, whether the level has one parent object or thousands.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

K = TypeVar("K")
V = TypeVar("V")

# Event-loop turns with no new batch before a wave runs; enough for resolvers resumed by the last wave to
# reach their next load (a few awaits deep in graphql-core's executor).
_QUIET_TURNS = 4


class Waves:
    """The wave scheduler of one request."""

    def __init__(self) -> None:
        self._pending: list[tuple[Callable[[], Awaitable[Any]], asyncio.Future[Any]]] = []
        self._runner: asyncio.Task[None] | None = None
        self._arrivals = 0

    def batched(self, load: Callable[[list[K]], Awaitable[Sequence[V]]]) -> Callable[[list[K]], Awaitable[Sequence[V]]]:
        """`load` made to run in the next wave (pass the result to a DataLoader)."""

        async def in_wave(keys: list[K]) -> Sequence[V]:
            future: asyncio.Future[Sequence[V]] = asyncio.get_running_loop().create_future()
            self._pending.append((lambda: load(keys), future))
            self._arrivals += 1
            if self._runner is None:
                self._runner = asyncio.create_task(self._run())
            return await future

        return in_wave

    async def cancel(self) -> None:
        """Stop the wave runner and fail the loads still waiting: the request has ended."""
        runner = self._runner
        if runner is not None:
            runner.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await runner
        for _load, future in self._pending:
            future.cancel()
        self._pending = []

    async def _run(self) -> None:
        try:
            while self._pending:
                quiet = 0
                while quiet < _QUIET_TURNS:
                    seen = self._arrivals
                    await asyncio.sleep(0)
                    quiet = quiet + 1 if self._arrivals == seen else 0
                wave, self._pending = self._pending, []
                outcomes: list[tuple[asyncio.Future[Any], Any, BaseException | None]] = []
                for load, future in wave:
                    try:
                        outcomes.append((future, await load(), None))
                    except Exception as failure:
                        outcomes.append((future, None, failure))
                for future, value, error in outcomes:
                    if future.cancelled():
                        continue
                    if error is None:
                        future.set_result(value)
                    else:
                        future.set_exception(error)
        finally:
            self._runner = None
