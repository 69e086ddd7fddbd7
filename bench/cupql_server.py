"""cupql as users run it: `cupql serve --production` in its own process, with the response cache on or off."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.servers import BenchFailure, ServerCommand

REPO = Path(__file__).resolve().parents[1]
CACHE_FLAG = "--no-cache"


def command(database_url: str, *, cache: bool, compiled: bool = True) -> ServerCommand:
    """`cupql serve --production` on `database_url`; `cache=False` sets CUPQL_CACHE=0 (`--no-cache`),
    `compiled=False` CUPQL_COMPILE=0 (`--no-compile`: every query interpreted by strawberry, as before issue 14)."""
    environment = {"CUPQL_DATABASE_URL": database_url, "CUPQL_CACHE": "1" if cache else "0"}
    if not compiled:
        environment["CUPQL_COMPILE"] = "0"
    return ServerCommand(
        name=f"cupql, cache {'on' if cache else 'off'}{'' if compiled else ', interpreted'}",
        argv=[sys.executable, "-m", "cupql", "serve", "--production", "--port", "{port}"],
        cwd=REPO,
        environment=environment,
    )


def has_cache_switch() -> bool:
    """Whether this cupql has the response cache's `--no-cache` switch (without it both runs are the same)."""
    completed = subprocess.run(
        [sys.executable, "-m", "cupql", "serve", "--help"], cwd=REPO, capture_output=True, text=True, check=False
    )
    return CACHE_FLAG in completed.stdout


def load(database_url: str, articles: list[Path]) -> None:
    """`cupql load` of `articles` (the bundled season when empty); its report goes nowhere."""
    completed = subprocess.run(
        [sys.executable, "-m", "cupql", "load", "--database-url", database_url, *map(str, articles)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise BenchFailure(f"cupql load failed:\n{completed.stderr[-3000:]}")
