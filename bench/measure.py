"""Measuring one database: latency (median, p95), SQL statements and tracemalloc peak of every case, side by side.

Cases run round-robin (every case once per round), so drift on a noisy machine hits them all alike. Timings are
taken without tracemalloc (it slows Python down several times); peak memory comes from separate runs under it.
"""

from __future__ import annotations

import contextlib
import gc
import statistics
import time
import tracemalloc
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx
from sqlalchemy import event
from sqlalchemy.engine import Engine

from bench.naive import NaiveFetcher
from bench.queries import ALL_CUP_RUNS, CONTRACT_QUERIES, NAIVE_NAME, SWEEPS, ContractQuery
from cupql.app import create_app
from cupql.settings import Settings


class SqlClock:
    """Wall time spent inside the driver's `cursor.execute`, summed over every engine of the process."""

    def __init__(self) -> None:
        self.seconds = 0.0
        event.listen(Engine, "before_cursor_execute", self._before)
        event.listen(Engine, "after_cursor_execute", self._after)

    def _before(self, conn: Any, *_args: Any) -> None:
        conn.info["bench.started"] = time.perf_counter()

    def _after(self, conn: Any, *_args: Any) -> None:
        self.seconds += time.perf_counter() - conn.info.pop("bench.started")


SQL_CLOCK = SqlClock()


class BenchFailure(Exception):
    """A query failed (GraphQL errors, bad status) or the baseline disagrees with the API: no figures."""


@dataclass(frozen=True)
class Outcome:
    """One run of a case: the data it returned, the statements it ran and how long it took."""

    data: Any
    statements: int
    seconds: float
    sql_seconds: float = 0.0


@dataclass(frozen=True)
class Case:
    """Something to time: a contract query through the API, or the naive baseline."""

    name: str
    run: Callable[[], Awaitable[Outcome]]


@dataclass
class CaseResult:
    """The figures of one case on one database."""

    query: str
    database: str
    statements: list[int] = field(default_factory=list)
    samples_ms: list[float] = field(default_factory=list)
    sql_ms: list[float] = field(default_factory=list)
    peaks_kib: list[float] = field(default_factory=list)
    ratio_to_naive: float | None = None

    @property
    def median_ms(self) -> float:
        return statistics.median(self.samples_ms)

    @property
    def p95_ms(self) -> float:
        if len(self.samples_ms) < 2:
            return self.samples_ms[0]
        return statistics.quantiles(self.samples_ms, n=20, method="inclusive")[18]

    @property
    def sql_median_ms(self) -> float:
        return statistics.median(self.sql_ms)

    @property
    def peak_kib(self) -> float:
        return statistics.median(self.peaks_kib)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "database": self.database,
            "statements": max(self.statements),
            "statement_counts_seen": sorted(set(self.statements)),
            "median_ms": round(self.median_ms, 3),
            "p95_ms": round(self.p95_ms, 3),
            "min_ms": round(min(self.samples_ms), 3),
            "sql_median_ms": round(self.sql_median_ms, 3),
            "peak_kib": round(self.peak_kib, 1),
            "ratio_to_naive": None if self.ratio_to_naive is None else round(self.ratio_to_naive, 4),
            "samples_ms": [round(sample, 3) for sample in self.samples_ms],
        }


@dataclass
class SweepResult:
    """Statement counts of one query at growing page sizes, and their least-squares slope."""

    query: str
    database: str
    sizes: list[int]
    statements: list[int]

    @property
    def slope(self) -> float:
        return statistics.linear_regression(self.sizes, self.statements).slope

    @property
    def grows(self) -> bool:
        """True when statements grow with the page (an N+1 adds at least one per row)."""
        return self.slope >= 0.25

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "database": self.database,
            "page_sizes": self.sizes,
            "statements": self.statements,
            "slope_statements_per_row": round(self.slope, 3),
            "grows_with_page": self.grows,
        }


@contextlib.asynccontextmanager
async def api_client(database_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """The real app, in-process, with `debug_sql` on; its engine is disposed on the way out (lifespan)."""
    app = create_app(Settings(database_url=database_url, debug_sql=True))
    transport = httpx.ASGITransport(app=app)
    async with app.router.lifespan_context(app), httpx.AsyncClient(transport=transport, base_url="http://bench") as c:
        yield c


async def post_query(client: httpx.AsyncClient, text: str) -> Outcome:
    """Run `text` through /graphql; any error fails the benchmark."""
    sql_before = SQL_CLOCK.seconds
    started = time.perf_counter()
    response = await client.post("/graphql", json={"query": text})
    seconds = time.perf_counter() - started
    sql_seconds = SQL_CLOCK.seconds - sql_before
    body = response.json()
    if response.status_code != 200 or body.get("errors") or body.get("data") is None:
        raise BenchFailure(f"HTTP {response.status_code}, errors {body.get('errors')} for {text}")
    return Outcome(body["data"], body["extensions"]["sql"]["statements"], seconds, sql_seconds)


async def fetch_naive(naive: NaiveFetcher, first: int = 50) -> Outcome:
    sql_before = SQL_CLOCK.seconds
    started = time.perf_counter()
    data, _text, statements = await naive.fetch(first)
    seconds = time.perf_counter() - started
    return Outcome(data, statements, seconds, SQL_CLOCK.seconds - sql_before)


def build_cases(client: httpx.AsyncClient, naive: NaiveFetcher) -> list[Case]:
    def query_case(query: ContractQuery) -> Case:
        return Case(query.name, lambda: post_query(client, query.text))

    return [*(query_case(query) for query in CONTRACT_QUERIES), Case(NAIVE_NAME, lambda: fetch_naive(naive))]


async def check_baseline(cases: Sequence[Case]) -> None:
    """Every query answers without errors, and the naive baseline returns exactly query (2)'s data."""
    outcomes = {case.name: await case.run() for case in cases}
    if outcomes[NAIVE_NAME].data != outcomes[ALL_CUP_RUNS.name].data:
        raise BenchFailure("the naive baseline's data differs from the API's answer to query (2)")


async def time_cases(cases: Sequence[Case], results: dict[str, CaseResult], repeat: int, warmup: int) -> None:
    for _ in range(warmup):
        for case in cases:
            await case.run()
    for _ in range(repeat):
        for case in cases:
            outcome = await case.run()
            results[case.name].samples_ms.append(outcome.seconds * 1000)
            results[case.name].statements.append(outcome.statements)
            results[case.name].sql_ms.append(outcome.sql_seconds * 1000)


async def trace_memory(cases: Sequence[Case], results: dict[str, CaseResult], runs: int) -> None:
    """Peak traced Python heap above the pre-request baseline, per run of each case."""
    tracemalloc.start()
    try:
        for _ in range(runs):
            for case in cases:
                gc.collect()
                tracemalloc.reset_peak()
                baseline, _ = tracemalloc.get_traced_memory()
                await case.run()
                _, peak = tracemalloc.get_traced_memory()
                results[case.name].peaks_kib.append((peak - baseline) / 1024)
    finally:
        tracemalloc.stop()


async def sweep(client: httpx.AsyncClient, naive: NaiveFetcher, database: str) -> list[SweepResult]:
    """Statement counts at growing page sizes, for the API's queries and for the naive baseline."""
    results = []
    for query in SWEEPS:
        counts = [(await post_query(client, query.text(size))).statements for size in query.sizes]
        results.append(SweepResult(query.name, database, list(query.sizes), counts))
    sizes = list(SWEEPS[0].sizes)
    counts = [(await fetch_naive(naive, size)).statements for size in sizes]
    results.append(SweepResult(NAIVE_NAME, database, sizes, counts))
    return results


async def measure_database(
    kind: str, database_url: str, *, repeat: int, warmup: int, memory_runs: int
) -> tuple[list[CaseResult], list[SweepResult]]:
    """Every figure for one loaded database."""
    naive = NaiveFetcher(database_url)
    try:
        async with api_client(database_url) as client:
            cases = build_cases(client, naive)
            results = {case.name: CaseResult(case.name, kind) for case in cases}
            await check_baseline(cases)
            await time_cases(cases, results, repeat, warmup)
            await trace_memory(cases, results, memory_runs)
            sweeps = await sweep(client, naive, kind)
    finally:
        await naive.close()
    loader, baseline = results[ALL_CUP_RUNS.name], results[NAIVE_NAME]
    loader.ratio_to_naive = loader.median_ms / baseline.median_ms
    baseline.ratio_to_naive = 1.0
    return list(results.values()), sweeps
