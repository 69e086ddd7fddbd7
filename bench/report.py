"""The printed tables, the issue's targets met or missed, and the saved JSON (date, machine, versions, figures)."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.load import CACHE_OFF, CACHE_ON, CEILING, INTERPRETED, PEER, LoadResult
from bench.queries import LOAD_QUERIES
from bench.scale import LATENCY_TARGET, ScaleResult

PACKAGES = ("cupql", "strawberry-graphql", "graphql-core", "sqlalchemy", "starlette", "uvicorn", "psycopg")
SERVER_ORDER = (CACHE_ON, CACHE_OFF, INTERPRETED, PEER, CEILING)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def load_average() -> list[float]:
    """The 1, 5 and 15 minute load averages: how busy the machine was besides the bench."""
    return [round(load, 2) for load in os.getloadavg()]


def machine(load_at_start: list[float]) -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "cpu": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
        "load_average_at_start": load_at_start,
        "load_average_at_end": load_average(),
    }


def package_versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def git_commit() -> str | None:
    completed = subprocess.run(
        ["git", "describe", "--always", "--dirty"],
        cwd=Path(__file__).resolve().parent,
        capture_output=True,
        text=True,
        check=False,
    )
    return completed.stdout.strip() or None


def _ratio(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def load_table(results: Sequence[LoadResult]) -> str:
    """The markdown table of the load run, queries in the issue's order, servers in SERVER_ORDER."""
    lines = [
        "| query | server | req/s | p50 ms | p99 ms | RSS MiB | vs PostGraphile | vs ceiling | vs interpreted |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    ranked = sorted(
        results,
        key=lambda r: ([q.name for q in LOAD_QUERIES].index(r.query), SERVER_ORDER.index(r.server)),
    )
    for r in ranked:
        lines.append(
            f"| {r.query} | {r.server} | {r.requests_per_second:,.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} "
            f"| {r.peak_rss_mib:.0f} | {_ratio(r.vs_peer)} | {_ratio(r.vs_ceiling)} | {_ratio(r.vs_interpreted)} |"
        )
    return "\n".join(lines)


def scale_tables(scale: ScaleResult) -> str:
    lines = [
        f"| query | 1 season, median ms | {scale.seasons} seasons, median ms | ratio (target <= {LATENCY_TARGET}) |",
        "| --- | ---: | ---: | ---: |",
    ]
    for result in scale.latencies:
        figures = result.to_json()
        lines.append(
            f"| {result.query} | {figures['one_season_median_ms']:.1f} | {figures['many_seasons_median_ms']:.1f} "
            f"| {result.ratio:.2f}{'' if result.contract else ' (no target: its answer grows)'} |"
        )
    lines += [
        "",
        "| import | seasons before | seasons loaded | seconds | seasons/s |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for step in scale.imports:
        lines.append(
            f"| {step.kind} | {step.seasons_before} | {step.seasons_loaded} | {step.seconds:.2f} "
            f"| {step.seasons_per_second:.1f} |"
        )
    return "\n".join(lines)


def targets(
    results: Sequence[LoadResult], scale: ScaleResult | None, compiled_share: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The issue's "Done when" figures: each target, the measured value and whether it is met."""
    by_key = {(r.query, r.server): r for r in results}
    checks: list[tuple[str, float | None, float]] = []
    for query in ("one-club", "all-clubs"):
        if (query, CACHE_ON) in by_key:
            checks.append((f"{query}, cache on, vs PostGraphile", by_key[query, CACHE_ON].vs_peer, 3.0))
            checks.append((f"{query}, cache off, vs PostGraphile", by_key[query, CACHE_OFF].vs_peer, 1.0))
    if ("typename", CACHE_OFF) in by_key:
        checks.append(("typename, cache off, vs PostGraphile", by_key["typename", CACHE_OFF].vs_peer, 0.5))
    if ("one-club", CACHE_ON) in by_key:
        checks.append(("one-club, cache on, vs ceiling", by_key["one-club", CACHE_ON].vs_ceiling, 0.5))
    if compiled_share is not None:
        checks.append(("bench and GraphiQL documents run compiled (share)", compiled_share["share"], 1.0))
    verdicts = [
        {
            "target": name,
            "measured": None if value is None else round(value, 3),
            "at_least": bound,
            "met": bool(value and value >= bound),
        }
        for name, value, bound in checks
    ]
    for latency in [result for result in scale.latencies if result.contract] if scale else []:
        verdicts.append(
            {
                "target": f"{latency.query}, latency at {scale.seasons} seasons / at 1",  # type: ignore[union-attr]
                "measured": round(latency.ratio, 3),
                "at_most": LATENCY_TARGET,
                "met": latency.meets_target,
            }
        )
    return verdicts


def compiled_share_line(share: dict[str, Any]) -> str:
    """How many of the bench's and GraphiQL's documents ran compiled, and which did not."""
    interpreted = [name for name, execution in share["executions"].items() if execution != "compiled"]
    rest = f"; interpreted: {', '.join(interpreted)}" if interpreted else ""
    counted = f"{share['compiled']} of {share['documents']}"
    return f"Documents run as compiled plans: {counted} (the bench's and GraphiQL's){rest}."


def targets_table(verdicts: Sequence[dict[str, Any]]) -> str:
    lines = ["| target | measured | goal | met |", "| --- | ---: | ---: | --- |"]
    for v in verdicts:
        goal = f">= {v['at_least']}" if "at_least" in v else f"<= {v['at_most']}"
        measured = "" if v["measured"] is None else f"{v['measured']:.3f}"
        lines.append(f"| {v['target']} | {measured} | {goal} | {'yes' if v['met'] else 'NO'} |")
    return "\n".join(lines)


def document(
    *,
    command: str,
    load_at_start: list[float],
    settings: dict[str, Any],
    versions: dict[str, Any],
    results: Sequence[LoadResult],
    scale: ScaleResult | None,
    compiled_share: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "command": command,
        "machine": machine(load_at_start),
        "versions": {**package_versions(), "cupql_commit": git_commit(), **versions},
        "settings": settings,
        "load": [r.to_json() for r in results],
        "scale": scale.to_json() if scale else None,
        "compiled_share": compiled_share,
        "targets": targets(results, scale, compiled_share),
    }


def save(content: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, indent=2) + "\n")


README = Path(__file__).resolve().parent / "README.md"
README_START = "<!-- figures: written by `python -m bench.run --update-readme`; edits here are overwritten -->"
README_END = "<!-- end of figures -->"


def figures_section(content: dict[str, Any], results: Sequence[LoadResult], scale: ScaleResult | None) -> str:
    """The README's figures: how and where they were taken, then every table of the run."""
    m, v, s = content["machine"], content["versions"], content["settings"]
    parts = [
        f"`{content['command']}` on {content['date']}: {m['cpu']}, {m['cpu_count']} cores, load average "
        f"{m['load_average_at_start'][0]} at the start and {m['load_average_at_end'][0]} at the end; "
        f"Python {m['python']}, PostgreSQL {v['postgresql']}, Node {v.get('node', '-')}, "
        f"PostGraphile {v.get('postgraphile', '-')}, {v.get('wrk', 'wrk -')}; cupql {v['cupql_commit']}, "
        f"response-cache switch {'present' if v['cupql_has_cache_switch'] else 'absent (cache on = cache off)'}."
    ]
    if results:
        parts += [
            f"Load run: wrk -t{s['wrk_threads']} -c{s['wrk_connections']} -d{s['duration_seconds']}s, "
            f"medians of {s['rounds']} round(s); RSS is the server's peak.",
            load_table(results),
        ]
    if scale:
        parts += [
            f"Scale run: {scale.seasons} seasons, cache off, medians of {s['latency_requests']} requests.",
            scale_tables(scale),
        ]
    if content.get("compiled_share"):
        parts.append(compiled_share_line(content["compiled_share"]))
    parts += ["The issue's targets:", targets_table(content["targets"])]
    return "\n\n".join(parts)


def update_readme(section: str, path: Path = README) -> None:
    """Replace the figures between README_START and README_END in `path`."""
    text = path.read_text()
    before, _, rest = text.partition(README_START)
    _, found, after = rest.partition(README_END)
    if not found:
        raise ValueError(f"{path} has no figures markers")
    path.write_text(f"{before}{README_START}\n{section}\n{README_END}{after}")
