"""Prometheus metrics (prometheus-client), served at /metrics.

Requests by path, operation and status with a latency histogram (recorded by
`cupql.middleware.observe`), SQL statements, the database pool, and cache lookups: the response cache
calls `record_cache_lookup("response", hit=...)` for each lookup.

Each worker process counts its own requests: with `--workers N`, a scrape reaches one worker.
"""

from __future__ import annotations

import functools
import weakref
from collections.abc import Iterator

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import QueuePool
from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.requests import Request
from starlette.responses import Response

__all__ = [
    "REGISTRY",
    "metrics_endpoint",
    "operation_label",
    "record_cache_lookup",
    "record_request",
    "record_statements",
    "watch_pool",
]

REGISTRY = CollectorRegistry()

_REQUESTS = Counter(
    "cupql_requests", "HTTP requests answered, by path, GraphQL operation name and status.",
    ["path", "operation", "status"], registry=REGISTRY,
)  # fmt: skip
_LATENCY = Histogram(
    "cupql_request_duration_seconds", "Time to answer a request, by path.", ["path"], registry=REGISTRY,
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)  # fmt: skip
_STATEMENTS = Counter("cupql_sql_statements", "SQL statements run by GraphQL requests.", registry=REGISTRY)
_CACHE = Counter(
    "cupql_cache_lookups", "Cache lookups, by cache and result (hit or miss).", ["cache", "result"], registry=REGISTRY
)

# Operation names come from clients: past this many distinct ones, new names count as "other".
MAX_OPERATION_LABELS = 200
_operation_labels: set[str] = set()


def operation_label(operation: str | None) -> str:
    """The `operation` label for a name a client chose, keeping the number of series bounded."""
    if not operation:
        return ""
    if operation in _operation_labels:
        return operation
    if len(_operation_labels) >= MAX_OPERATION_LABELS or len(operation) > 100:
        return "other"
    _operation_labels.add(operation)
    return operation


def record_request(path: str, operation: str | None, status: int, seconds: float) -> None:
    """Count one answered request."""
    _request_series(path, operation_label(operation), status).inc()
    _latency_series(path).observe(seconds)


# Looking a labelled series up costs more than counting in it; the label sets are few and bounded.
@functools.lru_cache(maxsize=4096)
def _request_series(path: str, operation: str, status: int) -> Counter:
    return _REQUESTS.labels(path=path, operation=operation, status=str(status))


@functools.lru_cache(maxsize=64)
def _latency_series(path: str) -> Histogram:
    return _LATENCY.labels(path=path)


@functools.lru_cache(maxsize=64)
def _cache_series(cache: str, hit: bool) -> Counter:
    return _CACHE.labels(cache=cache, result="hit" if hit else "miss")


def record_statements(statements: int) -> None:
    """Count the SQL statements a request ran."""
    _STATEMENTS.inc(statements)


def record_cache_lookup(cache: str, *, hit: bool) -> None:
    """Count one lookup in the cache named `cache`."""
    _cache_series(cache, hit).inc()


class _PoolCollector(Collector):
    """The connection pools of the engines being watched, read at scrape time."""

    def __init__(self) -> None:
        self.engines: weakref.WeakSet[AsyncEngine] = weakref.WeakSet()

    def collect(self) -> Iterator[GaugeMetricFamily]:
        size = GaugeMetricFamily("cupql_db_pool_size", "Connections the pool keeps open.")
        checked_out = GaugeMetricFamily("cupql_db_pool_checked_out", "Connections in use by requests.")
        overflow = GaugeMetricFamily("cupql_db_pool_overflow", "Connections opened beyond the pool's size.")
        pools = [engine.sync_engine.pool for engine in list(self.engines)]
        queue_pools = [pool for pool in pools if isinstance(pool, QueuePool)]
        size.add_metric([], sum(pool.size() for pool in queue_pools))
        checked_out.add_metric([], sum(pool.checkedout() for pool in queue_pools))
        overflow.add_metric([], sum(max(pool.overflow(), 0) for pool in queue_pools))
        yield from (size, checked_out, overflow)


_POOLS = _PoolCollector()
REGISTRY.register(_POOLS)


def watch_pool(engine: AsyncEngine) -> None:
    """Report `engine`'s connection pool at /metrics (for as long as the engine lives)."""
    _POOLS.engines.add(engine)


async def metrics_endpoint(_request: Request) -> Response:
    """GET /metrics: every metric in Prometheus' text format."""
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
