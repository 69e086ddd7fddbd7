"""The load run: wrk at fixed concurrency against cupql (cache on, cache off compiled and interpreted), PostGraphile
and the ceiling.

Every server runs in its own process, all started before the first measurement; before each wrk run every server
has finished the requests the previous run left in flight, so one server's backlog never slows another's run.
Before anything is timed, each answer is checked: cupql's has no errors, the peer's fetches the same rows, the
ceiling's bytes are cupql's. Runs go round-robin (every query on every server once per round), so drift on a
shared machine hits them all alike; the figures are medians over the rounds, ratios medians of per-round ratios.
"""

from __future__ import annotations

import contextlib
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench import ceiling, cupql_server, peer, wrk
from bench.queries import LOAD_QUERIES, ONE_CLUB, LoadQuery
from bench.servers import BenchFailure, RunningServer, ServerCommand, answer, running

CACHE_ON = "cupql, cache on"
CACHE_OFF = "cupql, cache off"
INTERPRETED = "cupql, cache off, interpreted"
PEER = "PostGraphile 5"
CEILING = "ceiling"


@dataclass
class LoadResult:
    """One query on one server over every round."""

    query: str
    server: str
    rounds: list[wrk.LoadFigures] = field(default_factory=list)
    rss_mib: float = 0.0
    peak_rss_mib: float = 0.0
    vs_peer: float | None = None
    vs_ceiling: float | None = None
    vs_interpreted: float | None = None
    """For the compiled server with the cache off: its req/s over the interpreting one's."""

    @property
    def requests_per_second(self) -> float:
        return statistics.median(r.requests_per_second for r in self.rounds)

    @property
    def p50_ms(self) -> float:
        return statistics.median(r.p50_ms for r in self.rounds)

    @property
    def p99_ms(self) -> float:
        return statistics.median(r.p99_ms for r in self.rounds)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "server": self.server,
            "requests_per_second": round(self.requests_per_second, 1),
            "p50_ms": round(self.p50_ms, 2),
            "p99_ms": round(self.p99_ms, 2),
            "rss_mib": round(self.rss_mib, 1),
            "peak_rss_mib": round(self.peak_rss_mib, 1),
            "vs_peer": None if self.vs_peer is None else round(self.vs_peer, 3),
            "vs_ceiling": None if self.vs_ceiling is None else round(self.vs_ceiling, 3),
            "vs_interpreted": None if self.vs_interpreted is None else round(self.vs_interpreted, 3),
            "rounds": [
                {
                    "requests": r.requests,
                    "seconds": round(r.seconds, 3),
                    "requests_per_second": round(r.requests_per_second, 1),
                    "p50_ms": round(r.p50_ms, 2),
                    "p99_ms": round(r.p99_ms, 2),
                    "errors": r.errors,
                }
                for r in self.rounds
            ],
        }


@dataclass(frozen=True)
class Target:
    """One query on one server: what wrk sends where."""

    query: LoadQuery
    server: RunningServer
    body: bytes


def check_answers(client: httpx.Client, servers: dict[str, RunningServer]) -> bytes:
    """Every server answers every query, the peer with cupql's rows; cupql's one-club response bytes."""
    one_club = b""
    for query in LOAD_QUERIES:
        cached_bytes, cached = answer(client, servers[CACHE_ON], query.cupql.body())
        uncached_bytes, uncached = answer(client, servers[CACHE_OFF], query.cupql.body())
        interpreted_bytes, _ = answer(client, servers[INTERPRETED], query.cupql.body())
        _, peer_data = answer(client, servers[PEER], query.peer.body())
        if uncached != cached:
            raise BenchFailure(f"{query.name}: cupql answers differently with the cache off")
        if interpreted_bytes != uncached_bytes:
            raise BenchFailure(f"{query.name}: cupql's compiled and interpreted answers differ")
        if query.peer_rows(peer_data) != query.cupql_rows(cached):
            raise BenchFailure(f"{query.name}: PostGraphile's answer does not hold the rows cupql's holds")
        if query is ONE_CLUB:
            one_club = cached_bytes
    return one_club


def ceiling_command(body_file: Path) -> ServerCommand:
    return ServerCommand(
        name=CEILING,
        # No access log: cupql serve logs requests its own way, and uvicorn's access logger halves the ceiling.
        argv=[
            *(sys.executable, "-m", "uvicorn", "--factory", "bench.ceiling:app_from_environment"),
            *("--no-access-log", "--port", "{port}"),
        ],
        cwd=cupql_server.REPO,
        environment={ceiling.BODY_VARIABLE: str(body_file)},
    )


def _targets(servers: dict[str, RunningServer]) -> list[Target]:
    targets = []
    for query in LOAD_QUERIES:
        targets += [Target(query, servers[name], query.cupql.body()) for name in (CACHE_ON, CACHE_OFF, INTERPRETED)]
        targets.append(Target(query, servers[PEER], query.peer.body()))
        if query is ONE_CLUB:
            targets.append(Target(query, servers[CEILING], query.cupql.body()))
    return targets


def _ratios(results: dict[tuple[str, str], LoadResult]) -> None:
    def per_round(result: LoadResult, base: LoadResult) -> float | None:
        ratios = [
            mine.requests_per_second / theirs.requests_per_second
            for mine, theirs in zip(result.rounds, base.rounds, strict=True)
            if theirs.requests
        ]
        return statistics.median(ratios) if ratios else None

    for (query, server), result in results.items():
        if server in (CACHE_ON, CACHE_OFF, INTERPRETED):
            result.vs_peer = per_round(result, results[query, PEER])
            if (query, CEILING) in results:
                result.vs_ceiling = per_round(result, results[query, CEILING])
        if server == CACHE_OFF:
            result.vs_interpreted = per_round(result, results[query, INTERPRETED])


def _load(
    wrk_path: str, target: Target, seconds: int, work_directory: Path, servers: dict[str, RunningServer]
) -> wrk.LoadFigures:
    """One wrk run on a quiet machine: every server has first finished what earlier runs left in flight."""
    for server in servers.values():
        server.wait_idle()
    try:
        return wrk.run(wrk_path, target.server.graphql_url, target.body, seconds, work_directory)
    except BenchFailure as failure:
        log = target.server.log.read_text()[-3000:]
        raise BenchFailure(f"{target.server.name}, {target.query.name}: {failure}\nserver log:\n{log}") from None


def measure_load(
    database_url: str, wrk_path: str, *, seconds: int, warmup_seconds: int, rounds: int, work_directory: Path
) -> list[LoadResult]:
    """Every query on every server, `rounds` times for `seconds` each, after `warmup_seconds` untimed."""
    with contextlib.ExitStack() as stack:
        commands = [
            cupql_server.command(database_url, cache=True),
            cupql_server.command(database_url, cache=False),
            cupql_server.command(database_url, cache=False, compiled=False),
            peer.command(database_url),
        ]
        servers = {command.name: stack.enter_context(running(command, work_directory)) for command in commands}
        with httpx.Client(timeout=30) as client:
            body_file = work_directory / "ceiling-body.json"
            body_file.write_bytes(check_answers(client, servers))
            servers[CEILING] = stack.enter_context(running(ceiling_command(body_file), work_directory))
            ceiling_bytes, _ = answer(client, servers[CEILING], ONE_CLUB.cupql.body())
            if ceiling_bytes != body_file.read_bytes():
                raise BenchFailure("the ceiling does not answer with cupql's one-club bytes")
        targets = _targets(servers)
        results = {(t.query.name, t.server.name): LoadResult(t.query.name, t.server.name) for t in targets}
        if warmup_seconds:
            for target in targets:
                _load(wrk_path, target, warmup_seconds, work_directory, servers)
        for round_number in range(1, rounds + 1):
            print(f"load run: round {round_number} of {rounds} ...", file=sys.stderr)
            for target in targets:
                figures = _load(wrk_path, target, seconds, work_directory, servers)
                if figures.errors:
                    raise BenchFailure(f"{target.server.name}, {target.query.name}: wrk saw errors {figures.errors}")
                results[target.query.name, target.server.name].rounds.append(figures)
        for (_, name), result in results.items():
            result.rss_mib, result.peak_rss_mib = servers[name].memory_mib()
        _ratios(results)
        return list(results.values())
