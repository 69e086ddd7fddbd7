"""What a query costs: the served data's real list sizes for the estimate, and the cost report a client asks for.

The data changes only on import, so `ServedListSizes` measures every list once per data version and hands the
query limits those sizes (`schema.limits` multiplies them). A request whose body (or GET parameters) carries
`"extensions": {"cost": true}` gets `extensions.cost` in its response, as GitHub's `rateLimit { cost }` tells a
client what a query costs without waiting to be refused: `estimated` (the limit's estimate, objects), `actual`
(the objects in the response's data) and `limit` (`CUPQL_MAX_COST`).
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any

from strawberry.extensions import SchemaExtension

from football.errors import one_line
from football.limits import QueryLimits
from schema.limits import ServedLimits, estimated_cost

logger = logging.getLogger(__name__)

COST_EXTENSION = "cost"
"""The request extension that asks for the cost report: `"extensions": {"cost": true}`."""


def asks_cost(extensions: object) -> bool:
    """Whether a request's `extensions` ask for the cost report."""
    return isinstance(extensions, dict) and extensions.get(COST_EXTENSION) is True


class ServedListSizes:
    """The query limits with the real list sizes of the data version served, measured once per version.

    Called with the schema's limits, it returns the data version and those limits with `list_sizes` measured on
    it; while the version is unknown, or the sizes cannot be read, the fixed estimates (version None).
    """

    def __init__(
        self, version: Callable[[], Awaitable[int | None]], measure: Callable[[], Awaitable[Mapping[str, int]]]
    ) -> None:
        self._version = version
        self._measure = measure
        self._served: tuple[int, QueryLimits] | None = None
        self._lock = asyncio.Lock()

    async def __call__(self, limits: QueryLimits) -> tuple[object, QueryLimits]:
        version = await self._version()
        if version is None:
            return None, limits
        if self._served is None or self._served[0] != version:
            # One measurement per version, however many requests arrive while it runs.
            async with self._lock:
                if self._served is None or self._served[0] != version:
                    try:
                        sizes = await self._measure()
                    except Exception as error:
                        logger.warning("cannot measure the list sizes: %s", one_line(error))
                        return None, limits
                    self._served = version, dataclasses.replace(limits, list_sizes={**limits.list_sizes, **sizes})
        return self._served


def objects_in(data: Any) -> int:
    """The objects in a response's data, the unit the estimate counts (the root itself not counted)."""
    count = 0
    pending = [data]
    while pending:
        value = pending.pop()
        if isinstance(value, dict):
            count += 1
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)
    return count - 1 if isinstance(data, dict) else count


class CostReport(SchemaExtension):
    """Adds `extensions.cost` to the response of a request that asks for it (see the module docstring)."""

    def __init__(self, limits: QueryLimits, served: ServedLimits | None) -> None:
        self.limits = limits
        self.served = served
        self.report: dict[str, int | None] | None = None

    async def on_execute(self) -> AsyncIterator[None]:
        yield
        context = self.execution_context
        if not asks_cost(context.operation_extensions) or context.graphql_document is None:
            return
        limits = (await self.served(self.limits))[1] if self.served is not None else self.limits
        estimated = estimated_cost(
            context.schema._schema, context.graphql_document, context.operation_name, limits, context.variables or {}
        )
        actual = objects_in(getattr(context.result, "data", None))
        self.report = {"estimated": estimated, "actual": actual, "limit": limits.max_cost}

    def get_results(self) -> dict[str, Any]:
        return {COST_EXTENSION: self.report} if self.report is not None else {}
