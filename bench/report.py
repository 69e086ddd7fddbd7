"""The printed tables and the saved JSON (date, machine, package versions, databases, per-query figures)."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import os
import platform
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.databases import Database
from bench.measure import CaseResult, SweepResult

PACKAGES = ("strawberry-graphql", "sqlalchemy", "starlette", "aiosqlite", "psycopg", "httpx")


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
        "python_implementation": platform.python_implementation(),
    }


def package_versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def _ratio(result: CaseResult) -> str:
    return "" if result.ratio_to_naive is None else f"{result.ratio_to_naive:.3f}"


RESULT_COLUMNS = (
    ("query", "<26"),
    ("database", "<10"),
    ("statements", ">10"),
    ("median ms", ">10"),
    ("p95 ms", ">9"),
    ("SQL ms", ">8"),
    ("peak KiB", ">9"),
    ("ratio", ">6"),
)


def _row(cells: Sequence[str], columns: Sequence[tuple[str, str]]) -> str:
    return " ".join(f"{cell:{align}}" for cell, (_, align) in zip(cells, columns, strict=True))


def results_table(results: Sequence[CaseResult]) -> str:
    header = _row([name for name, _ in RESULT_COLUMNS], RESULT_COLUMNS)
    lines = [header, "-" * len(header)]
    for r in results:
        counts = "/".join(str(count) for count in sorted(set(r.statements)))
        cells = [
            r.query,
            r.database,
            counts,
            f"{r.median_ms:.2f}",
            f"{r.p95_ms:.2f}",
            f"{r.sql_median_ms:.2f}",
            f"{r.peak_kib:.0f}",
            _ratio(r),
        ]
        lines.append(_row(cells, RESULT_COLUMNS))
    return "\n".join(lines)


def sweep_table(sweeps: Sequence[SweepResult]) -> str:
    header = f"{'query':<26} {'database':<10} {'page sizes -> statements':<44} {'slope':>6}  verdict"
    lines = [header, "-" * len(header)]
    for s in sweeps:
        pairs = " ".join(f"{size}:{count}" for size, count in zip(s.sizes, s.statements, strict=True))
        verdict = "GROWS WITH PAGE (N+1)" if s.grows else "flat"
        lines.append(f"{s.query:<26} {s.database:<10} {pairs:<44} {s.slope:>6.2f}  {verdict}")
    return "\n".join(lines)


def report(
    databases: Sequence[Database],
    results: Sequence[CaseResult],
    sweeps: Sequence[SweepResult],
    settings: dict[str, Any],
) -> dict[str, Any]:
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "versions": package_versions(),
        "databases": [{"kind": d.kind, "server_version": d.version} for d in databases],
        "settings": settings,
        "results": [r.to_json() for r in results],
        "statement_sweeps": [s.to_json() for s in sweeps],
    }


def save(document: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n")
