"""`python -m bench.run` (`make bench`): cupql against PostGraphile 5 and the bare-Starlette ceiling, and at scale.

The load run serves one database, created for the run and loaded with `cupql load`, from `cupql serve --production`
with the response cache on and off, PostGraphile 5 (amber preset) over the same tables, and the ceiling; wrk drives
each at fixed concurrency. The scale run imports up to 1,000 seasons into a second database and compares latency.
Both databases are dropped at the end. The tables are printed; the JSON goes to bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shlex
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench import cupql_server, peer, wrk
from bench.compiled_share import measure_compiled_share
from bench.load import LoadResult, measure_load
from bench.postgres import DEFAULT_SERVER_URL, dedicated_database, server_version
from bench.report import (
    README,
    compiled_share_line,
    document,
    figures_section,
    load_average,
    load_table,
    save,
    scale_tables,
    targets_table,
    update_readme,
)
from bench.scale import ScaleResult, measure_scale
from bench.seasons import bundled_article
from bench.servers import BenchFailure

DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results" / "latest.json"
POSTGRES_URL_VARIABLE = "CUPQL_BENCH_POSTGRES_URL"
MAX_SEASONS = 1000


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__)
    parser.add_argument(
        "--postgres-url",
        default=os.environ.get(POSTGRES_URL_VARIABLE, DEFAULT_SERVER_URL),
        help=f"a server the bench may create databases on (or ${POSTGRES_URL_VARIABLE}; default {DEFAULT_SERVER_URL})",
    )
    parser.add_argument("--part", choices=("all", "load", "scale"), default="all", help="what to run (default all)")
    parser.add_argument("--duration", type=int, default=8, help="seconds of each wrk run (default 8)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed wrk seconds per query and server (default 2)")
    parser.add_argument("--rounds", type=int, default=3, help="wrk runs of every query on every server (default 3)")
    parser.add_argument("--seasons", type=int, default=MAX_SEASONS, help="seasons of the scale run (default 1000)")
    parser.add_argument("--chunk", type=int, default=100, help="seasons per timed `cupql load` (default 100)")
    parser.add_argument(
        "--latency-requests", type=int, default=50, help="timed requests per query and database (default 50)"
    )
    parser.add_argument("--keep-databases", action="store_true", help="leave the bench's databases in place")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where to save the JSON")
    parser.add_argument(
        "--update-readme", action="store_true", help="write the figures into bench/README.md (for a full run)"
    )
    arguments = parser.parse_args(argv)
    for name in ("duration", "rounds", "chunk", "latency_requests"):
        if getattr(arguments, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    if arguments.warmup < 0:
        parser.error("--warmup must not be negative")
    if not 2 <= arguments.seasons <= MAX_SEASONS:
        parser.error(f"--seasons must be between 2 and {MAX_SEASONS}")
    return arguments


def run(arguments: argparse.Namespace, command: str) -> tuple[dict[str, Any], list[LoadResult], ScaleResult | None]:
    load_at_start = load_average()
    versions: dict[str, Any] = {"postgresql": server_version(arguments.postgres_url)}
    cache_switch = cupql_server.has_cache_switch()
    versions["cupql_has_cache_switch"] = cache_switch
    if not cache_switch:
        print("WARNING: cupql serve has no --no-cache yet: 'cache on' and 'cache off' run the same", file=sys.stderr)
    results: list[LoadResult] = []
    scale: ScaleResult | None = None
    with contextlib.ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cupql-bench-")))
        database_url = stack.enter_context(
            dedicated_database(arguments.postgres_url, "one", keep=arguments.keep_databases)
        )
        cupql_server.load(database_url, [bundled_article()])
        compiled_share = measure_compiled_share(database_url)
        if arguments.part in ("all", "load"):
            wrk_path = wrk.ensure_installed()
            peer.install()
            versions |= {"wrk": wrk.version(wrk_path), **peer.versions()}
            results = measure_load(
                database_url,
                wrk_path,
                seconds=arguments.duration,
                warmup_seconds=arguments.warmup,
                rounds=arguments.rounds,
                work_directory=work,
            )
        if arguments.part in ("all", "scale"):
            scale_work = work / "scale"
            scale_work.mkdir()
            scale = measure_scale(
                database_url,
                arguments.postgres_url,
                seasons=arguments.seasons,
                chunk=arguments.chunk,
                requests=arguments.latency_requests,
                warmup=3,
                work_directory=scale_work,
                keep=arguments.keep_databases,
            )
    settings = {
        "part": arguments.part,
        "wrk_threads": wrk.THREADS,
        "wrk_connections": wrk.CONNECTIONS,
        "duration_seconds": arguments.duration,
        "warmup_seconds": arguments.warmup,
        "rounds": arguments.rounds,
        "seasons": arguments.seasons,
        "chunk": arguments.chunk,
        "latency_requests": arguments.latency_requests,
    }
    content = document(
        command=command,
        load_at_start=load_at_start,
        settings=settings,
        versions=versions,
        results=results,
        scale=scale,
        compiled_share=compiled_share,
    )
    return content, results, scale


def main(argv: Sequence[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    given = sys.argv[1:] if argv is None else list(argv)
    command = shlex.join(["python", "-m", "bench.run", *(a for a in given if a != "--update-readme")])
    try:
        content, results, scale = run(arguments, command)
    except BenchFailure as failure:
        print(f"BENCHMARK FAILED: {failure}", file=sys.stderr)
        return 1
    if results:
        print(
            f"Load run: wrk -t{wrk.THREADS} -c{wrk.CONNECTIONS} -d{arguments.duration}s, "
            f"medians of {arguments.rounds} round(s); RSS is the server's peak\n"
        )
        print(load_table(results), end="\n\n")
    if scale:
        print(f"Scale run: {scale.seasons} seasons, cache off, medians of {arguments.latency_requests} requests\n")
        print(scale_tables(scale), end="\n\n")
    print(compiled_share_line(content["compiled_share"]), end="\n\n")
    print(targets_table(content["targets"]))
    save(content, arguments.output)
    print(f"\nsaved {arguments.output}")
    if arguments.update_readme:
        update_readme(figures_section(content, results, scale))
        print(f"updated {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
