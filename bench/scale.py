"""The scale run: import many seasons, then compare single-request latency at 1 season and at many.

A second database gets the bundled season and then `seasons - 1` older copies (bench/seasons.py), loaded with
`cupql load` in chunks, each chunk timed: the import rate as the database grows. Re-importing the bundled season
into each database times the import users repeat. Then two `cupql serve --production` with the cache off, one per
database, answer the same queries one request at a time, alternately, so noise hits both alike. The contract
queries' answers must be equal: the bundled season stays the newest.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx

from bench import cupql_server
from bench.postgres import dedicated_database
from bench.queries import SCALE_QUERIES
from bench.seasons import bundled_article, write_older_seasons
from bench.servers import BenchFailure, RunningServer, answer, running

LATENCY_TARGET = 1.2


@dataclass(frozen=True)
class ImportStep:
    """One `cupql load`: how many seasons the database held before, how many it loaded, how long it took."""

    kind: str
    seasons_before: int
    seasons_loaded: int
    seconds: float

    @property
    def seasons_per_second(self) -> float:
        return self.seasons_loaded / self.seconds

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "seasons_before": self.seasons_before,
            "seasons_loaded": self.seasons_loaded,
            "seconds": round(self.seconds, 3),
            "seasons_per_second": round(self.seasons_per_second, 2),
        }


@dataclass
class LatencyResult:
    """One query's single-request latency with one season and with many."""

    query: str
    seasons: int
    contract: bool
    one_season_ms: list[float] = field(default_factory=list)
    many_seasons_ms: list[float] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        return statistics.median(self.many_seasons_ms) / statistics.median(self.one_season_ms)

    @property
    def meets_target(self) -> bool:
        return self.ratio <= LATENCY_TARGET

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "seasons": self.seasons,
            "one_season_median_ms": round(statistics.median(self.one_season_ms), 3),
            "many_seasons_median_ms": round(statistics.median(self.many_seasons_ms), 3),
            "ratio": round(self.ratio, 3),
            "target": LATENCY_TARGET if self.contract else None,
            "one_season_samples_ms": [round(s, 3) for s in self.one_season_ms],
            "many_seasons_samples_ms": [round(s, 3) for s in self.many_seasons_ms],
        }


@dataclass
class ScaleResult:
    seasons: int
    imports: list[ImportStep]
    latencies: list[LatencyResult]

    def to_json(self) -> dict[str, Any]:
        return {
            "seasons": self.seasons,
            "imports": [step.to_json() for step in self.imports],
            "latency": [result.to_json() for result in self.latencies],
        }


def timed_load(database_url: str, articles: Sequence[Path], kind: str, seasons_before: int) -> ImportStep:
    started = time.perf_counter()
    cupql_server.load(database_url, list(articles))
    return ImportStep(kind, seasons_before, len(articles), time.perf_counter() - started)


def grow(database_url: str, seasons: int, chunk: int, work_directory: Path) -> list[ImportStep]:
    """Load the bundled season, then the older copies chunk by chunk, then re-import the bundled one."""
    bundled = bundled_article()
    steps = [timed_load(database_url, [bundled], "first import", 0)]
    articles = write_older_seasons(work_directory, seasons - 1)
    for start in range(0, len(articles), chunk):
        batch = articles[start : start + chunk]
        print(f"scale run: loading seasons {start + 2}-{start + 1 + len(batch)} of {seasons} ...", file=sys.stderr)
        steps.append(timed_load(database_url, batch, "bulk import", 1 + start))
    steps.append(timed_load(database_url, [bundled], "re-import", seasons))
    return steps


def compare_latency(
    small: RunningServer, large: RunningServer, seasons: int, requests: int, warmup: int
) -> list[LatencyResult]:
    results = {query.name: LatencyResult(query.name, seasons, query.contract) for query in SCALE_QUERIES}
    with httpx.Client(timeout=30) as client:
        for query in SCALE_QUERIES:
            _, one = answer(client, small, query.request.body())
            _, many = answer(client, large, query.request.body())
            if query.contract and one != many:
                raise BenchFailure(f"{query.name}: the answer changed when older seasons were added")
        for round_number in range(warmup + requests):
            for query in SCALE_QUERIES:
                for server, samples in (
                    (small, results[query.name].one_season_ms),
                    (large, results[query.name].many_seasons_ms),
                ):
                    started = time.perf_counter()
                    answer(client, server, query.request.body())
                    if round_number >= warmup:
                        samples.append((time.perf_counter() - started) * 1000)
    return list(results.values())


def measure_scale(
    small_url: str,
    server_url: str,
    *,
    seasons: int,
    chunk: int,
    requests: int,
    warmup: int,
    work_directory: Path,
    keep: bool,
) -> ScaleResult:
    """Import `seasons` into a new database and compare latency with `small_url` (one season, loaded)."""
    reimport_one = timed_load(small_url, [bundled_article()], "re-import", 1)
    with contextlib.ExitStack() as stack:
        large_url = stack.enter_context(dedicated_database(server_url, "scale", keep=keep))
        articles_directory = work_directory / "articles"
        articles_directory.mkdir()
        imports = [*grow(large_url, seasons, chunk, articles_directory), reimport_one]
        small_command = replace(cupql_server.command(small_url, cache=False), name="cupql, 1 season")
        large_command = replace(cupql_server.command(large_url, cache=False), name=f"cupql, {seasons} seasons")
        small = stack.enter_context(running(small_command, work_directory))
        large = stack.enter_context(running(large_command, work_directory))
        print(f"scale run: latency at 1 and {seasons} seasons ...", file=sys.stderr)
        latencies = compare_latency(small, large, seasons, requests, warmup)
    return ScaleResult(seasons, imports, latencies)
