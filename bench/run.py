"""`python -m bench.run`: benchmark the contract queries on SQLite and/or PostgreSQL, print a table, save JSON.

PostgreSQL runs when `--postgres-url` or `CUPQL_BENCH_POSTGRES_URL` names a server, in a throw-away schema.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from bench.databases import Database, postgres_database, sqlite_database
from bench.measure import BenchFailure, CaseResult, SweepResult, measure_database
from bench.report import report, results_table, save, sweep_table

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results" / "latest.json"
POSTGRES_URL_VARIABLE = "CUPQL_BENCH_POSTGRES_URL"


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument(
        "--database",
        choices=("sqlite", "postgresql", "both"),
        help="default: both when a PostgreSQL URL is given, else sqlite",
    )
    parser.add_argument("--repeat", type=int, default=30, help="timed runs of each query (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed runs first (default 3)")
    parser.add_argument("--memory-runs", type=int, default=3, help="runs under tracemalloc (default 3)")
    parser.add_argument(
        "--postgres-url", default=os.environ.get(POSTGRES_URL_VARIABLE), help=f"or ${POSTGRES_URL_VARIABLE}"
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to save the JSON")
    arguments = parser.parse_args(argv)
    if arguments.repeat < 1:
        parser.error("--repeat must be at least 1")
    arguments.database = arguments.database or ("both" if arguments.postgres_url else "sqlite")
    if arguments.database != "sqlite" and not arguments.postgres_url:
        parser.error(f"--database {arguments.database} needs --postgres-url or ${POSTGRES_URL_VARIABLE}")
    return arguments


def database_contexts(arguments: argparse.Namespace) -> Iterator[contextlib.AbstractContextManager[Database]]:
    if arguments.database in ("sqlite", "both"):
        yield sqlite_database()
    if arguments.database in ("postgresql", "both"):
        yield postgres_database(arguments.postgres_url)


def run(arguments: argparse.Namespace) -> tuple[list[Database], list[CaseResult], list[SweepResult]]:
    databases: list[Database] = []
    results: list[CaseResult] = []
    sweeps: list[SweepResult] = []
    for context in database_contexts(arguments):
        with context as database:
            print(f"benchmarking {database.kind} {database.version} ...", file=sys.stderr)
            figures, swept = asyncio.run(
                measure_database(
                    database.kind,
                    database.url,
                    repeat=arguments.repeat,
                    warmup=arguments.warmup,
                    memory_runs=arguments.memory_runs,
                )
            )
        databases.append(database)
        results += figures
        sweeps += swept
    return databases, results, sweeps


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        databases, results, sweeps = run(arguments)
    except BenchFailure as failure:
        print(f"BENCHMARK FAILED: {failure}", file=sys.stderr)
        return 1
    print(results_table(results))
    print()
    print(sweep_table(sweeps))
    settings = {"repeat": arguments.repeat, "warmup": arguments.warmup, "memory_runs": arguments.memory_runs}
    save(report(databases, results, sweeps, settings), arguments.output)
    print(f"\nsaved {arguments.output}")
    grown = [s for s in sweeps if s.grows and "naive" not in s.query]
    for s in grown:
        print(f"WARNING: {s.query} on {s.database}: statements grow with the page size (N+1)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
