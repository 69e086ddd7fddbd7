"""`make bench` still runs end to end: one short, untimed pass over every server, query and part.

Nothing here is timed or compared; the figures come only from `make bench` (see bench/README.md). It needs
PostgreSQL, wrk and npm (the bench installs PostGraphile itself), and skips without them, except in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import POSTGRES_URL_VARIABLE, REPO, require


def test_a_short_run_measures_every_server_and_query_and_imports_the_seasons(tmp_path: Path) -> None:
    postgres_url = os.environ.get(POSTGRES_URL_VARIABLE)
    require(bool(postgres_url), f"the bench runs on PostgreSQL: set {POSTGRES_URL_VARIABLE}")
    require(shutil.which("wrk") is not None, "the bench's load generator wrk is missing (apt-get install wrk)")
    require(shutil.which("npm") is not None, "the bench installs its peer, PostGraphile, with npm, which is missing")
    output = tmp_path / "bench.json"
    command = [
        *(sys.executable, "-m", "bench.run", "--postgres-url", str(postgres_url)),
        *("--duration", "1", "--warmup", "0", "--rounds", "1"),
        *("--seasons", "3", "--chunk", "1", "--latency-requests", "2"),
        *("--output", str(output)),
    ]
    completed = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=600, check=False)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]

    report = json.loads(output.read_text())
    measured = {(row["query"], row["server"]) for row in report["load"]}
    servers = ["cupql, cache on", "cupql, cache off", "cupql, cache off, interpreted", "PostGraphile 5"]
    assert measured == {
        *((query, server) for query in ("one-club", "all-clubs", "typename") for server in servers),
        ("one-club", "ceiling"),
    }
    assert all(len(row["rounds"]) == 1 and row["peak_rss_mib"] > 0 for row in report["load"])
    assert report["versions"]["postgraphile"].startswith("5.")
    assert report["versions"]["node"].startswith("22.")
    assert [(step["kind"], step["seasons_before"], step["seasons_loaded"]) for step in report["scale"]["imports"]] == [
        ("first import", 0, 1),
        ("bulk import", 1, 1),
        ("bulk import", 2, 1),
        ("re-import", 3, 1),
        ("re-import", 1, 1),
    ]
    assert [row["query"] for row in report["scale"]["latency"]] == ["one-club", "topScorers", "seasons"]
    assert "| one-club | ceiling |" in completed.stdout
    assert report["compiled_share"]["compiled"] == report["compiled_share"]["documents"] == 10
