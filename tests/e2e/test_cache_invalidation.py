"""Every worker stops serving cached responses within the refresh interval of an import (`cupql load`)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx

from cupql.loading import bundled_articles, load
from tests.conftest import REPO, serving

SPONSOR = "{ season { sponsorName } }"
REFRESH_SECONDS = 0.5


def sponsor_names(url: str, requests: int) -> set[str]:
    names = set()
    for _ in range(requests):
        response = httpx.get(f"{url}/graphql", params={"query": SPONSOR})
        names.add(response.json()["data"]["season"]["sponsorName"])
    return names


def test_an_import_reaches_every_worker_within_the_refresh_interval(empty_database_url: str, tmp_path: Path) -> None:
    load(empty_database_url, bundled_articles(), strict=False, echo=lambda _line: None, progress=False)
    renamed = tmp_path / "2024_kazakhstan_cup.txt"
    renamed.write_text(bundled_articles()[0].read_text().replace("Fonbet Kazakhstan Cup", "Olimpbet Kazakhstan Cup"))
    flags = ("--workers", "2", "--production", "--cache-refresh-seconds", str(REFRESH_SECONDS))
    with serving(empty_database_url, tmp_path / "server.log", *flags) as url:
        # Enough requests that both workers have the old response cached.
        assert sponsor_names(url, 40) == {"Fonbet Kazakhstan Cup"}
        hit = httpx.get(f"{url}/graphql", params={"query": SPONSOR})
        assert hit.headers["x-cache"] == "HIT"
        subprocess.run(
            [sys.executable, "-m", "cupql", "load", str(renamed), "--database-url", empty_database_url],
            cwd=REPO,
            check=True,
            capture_output=True,
        )
        time.sleep(REFRESH_SECONDS + 0.2)
        assert sponsor_names(url, 40) == {"Olimpbet Kazakhstan Cup"}
